"""Load stage: write the tables into a SQLite database, all or nothing.

The CREATE TABLE statements follow from etl.schema: primary keys, foreign
keys, NOT NULL and a CHECK for every vocabulary and minimum. The database is
written to a temporary file and moved into place only once it is complete,
so a failed build leaves the previous database as it was.
"""

import os
from pathlib import Path

import sqlite_utils

from .. import schema

SQL_TYPES = {"string": "TEXT", "date": "TEXT", "datetime": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def create_table_sql(table):
    """The CREATE TABLE statement for a table of the schema."""
    lines = []
    for f in table.fields:
        line = f"    [{f.name}] {SQL_TYPES[f.type]}"
        if f.name == table.primary_key:
            line += " PRIMARY KEY"
        elif f.required:
            line += " NOT NULL"
        if f.references:
            line += f" REFERENCES [{f.references[0]}]([{f.references[1]}])"
        checks = []
        if f.enum:
            checks.append(f"[{f.name}] IN ({', '.join(repr(v) for v in f.enum)})")
        if f.minimum is not None:
            checks.append(f"[{f.name}] >= {f.minimum}")
        if f.maximum is not None:
            checks.append(f"[{f.name}] <= {f.maximum}")
        if f.type == "boolean":
            checks.append(f"[{f.name}] IN (0, 1)")
        if checks:
            line += f" CHECK ({' AND '.join(checks)})"
        lines.append(line)
    return f"CREATE TABLE [{table.name}] (\n" + ",\n".join(lines) + "\n)"


def write_database(path, rows_by_table, tables=schema.TABLES):
    """Write every table's rows to a new database at path, replacing it atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    try:
        db = sqlite_utils.Database(temporary)
        _fill(db, rows_by_table, tables)
        db.close()
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return path


def _fill(db, rows_by_table, tables):
    conn = db.conn
    # The file is a temporary one, moved into place only when complete: no journal is needed.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB: the file is fresh, and the OS caches it too
    with conn:
        for table in tables:
            conn.execute(create_table_sql(table))
            names = table.field_names
            insert = f"INSERT INTO [{table.name}] ({', '.join(f'[{n}]' for n in names)}) VALUES ({', '.join('?' * len(names))})"
            conn.executemany(insert, _sqlite_rows(table, rows_by_table.get(table.name, [])))
    with conn:
        for table in tables:
            for columns in _indexes(table):
                name = f"idx_{table.name}_{'_'.join(columns)}"
                conn.execute(f"CREATE INDEX IF NOT EXISTS [{name}] ON [{table.name}] ({', '.join(f'[{c}]' for c in columns)})")
    for table in tables:
        if table.fts:
            db[table.name].enable_fts(list(table.fts), create_triggers=False, tokenize="porter")
    problems = list(db.execute("PRAGMA foreign_key_check").fetchall())
    if problems:
        table, rowid, parent, _ = problems[0]
        raise ValueError(f"{len(problems)} broken foreign key(s), first in {table} row {rowid} -> {parent}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("ANALYZE")
    db.vacuum()


def _indexes(table):
    """Every index of a table: one per foreign key and facet column, then its extra_indexes."""
    single = [(column,) for column in _indexed_columns(table)]
    extra = [tuple(columns) for columns in table.extra_indexes]
    return list(dict.fromkeys(single + extra))


def _indexed_columns(table):
    """Every foreign key and facet column (the primary key is indexed already)."""
    columns = [f.name for f in table.fields if f.references] + list(table.facets)
    return [c for c in dict.fromkeys(columns) if c != table.primary_key]


def _sqlite_rows(table, rows):
    """A table's rows as tuples in field order, booleans as 0 and 1."""
    names = table.field_names
    booleans = [i for i, f in enumerate(table.fields) if f.type == "boolean"]
    for row in rows:
        values = [row.get(name) for name in names]
        for i in booleans:
            if values[i] is not None:
                values[i] = int(bool(values[i]))
        yield values
