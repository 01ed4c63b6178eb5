"""The load stage: SQLite tables follow the schema, and a failed load changes nothing."""

import sqlite3

import pytest

from etl import schema
from etl.load.database import create_table_sql, write_database


def test_create_table_sql_carries_keys_and_checks():
    sql = create_table_sql(schema.CLAIMS)
    assert "[claim_id] TEXT PRIMARY KEY" in sql
    assert "[source_id] TEXT NOT NULL REFERENCES [sources]([source_id])" in sql
    assert "CHECK ([qualifier] IN ('exact', 'more_than', 'at_least', 'about', 'up_to', 'fewer_than'))" in sql
    assert "CHECK ([value] >= 0)" in sql


def test_every_foreign_key_and_facet_column_is_indexed(built):
    paths, _ = built
    db = sqlite3.connect(paths.database)
    for table in schema.TABLES:
        indexed = {
            db.execute(f"pragma index_info([{name}])").fetchone()[2]
            for (_, name, *_rest) in db.execute(f"pragma index_list([{table.name}])")
        }
        wanted = {f.name for f in table.fields if f.references} | set(table.facets)
        assert wanted - {table.primary_key} <= indexed, table.name


def test_a_failed_load_leaves_the_previous_database(tmp_path):
    target = tmp_path / "ledger.db"
    actor = {"actor_id": "kyiv", "name": "Kyiv", "kind": "government_body", "side": "ukraine", "method": "curated"}
    write_database(target, {"actors": [actor]}, tables=(schema.ACTORS,))
    before = target.read_bytes()
    with pytest.raises(sqlite3.IntegrityError):
        write_database(target, {"actors": [dict(actor, kind="alien")]}, tables=(schema.ACTORS,))
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]
