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
    with db.conn:
        for table in tables:
            db.execute(create_table_sql(table))
            rows = [_sqlite_row(table, row) for row in rows_by_table.get(table.name, [])]
            db[table.name].insert_all(rows, batch_size=1000)
    for table in tables:
        for column in _indexed_columns(table):
            db[table.name].create_index([column], if_not_exists=True)
        if table.fts:
            db[table.name].enable_fts(list(table.fts), create_triggers=False, tokenize="porter")
    problems = list(db.execute("PRAGMA foreign_key_check").fetchall())
    if problems:
        table, rowid, parent, _ = problems[0]
        raise ValueError(f"{len(problems)} broken foreign key(s), first in {table} row {rowid} -> {parent}")
    db.execute("PRAGMA foreign_keys = ON")
    db.vacuum()


def _indexed_columns(table):
    """Every foreign key and facet column (the primary key is indexed already)."""
    columns = [f.name for f in table.fields if f.references] + list(table.facets)
    return [c for c in dict.fromkeys(columns) if c != table.primary_key]


def _sqlite_row(table, row):
    out = {}
    for f in table.fields:
        value = row.get(f.name)
        if f.type == "boolean" and value is not None:
            value = int(bool(value))
        out[f.name] = value
    return out
