"""SQLite, datapackage.json and metadata.yml all follow etl/schema.py."""

import json
import sqlite3

import yaml

from etl import schema
from etl.serve.queries import QUERIES


def test_sqlite_columns_types_and_keys_follow_the_schema(built):
    paths, _ = built
    db = sqlite3.connect(paths.database)
    for table in schema.TABLES:
        columns = db.execute(f"pragma table_info([{table.name}])").fetchall()
        assert [c[1] for c in columns] == table.field_names
        primary = [c[1] for c in columns if c[5]]
        assert primary == [table.primary_key]
        not_null = {c[1] for c in columns if c[3]}
        assert not_null == {f.name for f in table.fields if f.required and f.name != table.primary_key}
        foreign = {(fk[3], fk[2], fk[4]) for fk in db.execute(f"pragma foreign_key_list([{table.name}])")}
        assert foreign == set(table.foreign_keys)


def test_sqlite_rejects_a_word_outside_a_vocabulary(built):
    paths, _ = built
    db = sqlite3.connect(paths.database)
    row = db.execute("select * from claims limit 1").fetchone()
    names = [d[0] for d in db.execute("select * from claims limit 1").description]
    bad = dict(zip(names, row), claim_id="x", qualifier="roughly")
    try:
        db.execute(f"insert into claims ({', '.join(names)}) values ({', '.join('?' * len(names))})", list(bad.values()))
    except sqlite3.IntegrityError as error:
        assert "CHECK" in str(error)
    else:
        raise AssertionError("a misspelt qualifier was accepted")


def test_datapackage_describes_each_table_in_csv_and_json(built):
    paths, _ = built
    package = json.loads(paths.package.read_text())
    resources = {r["name"]: r for r in package["resources"]}
    for table in schema.TABLES:
        for name, fmt in ((table.name, "csv"), (table.name + "-json", "json")):
            resource = resources[name]
            assert resource["path"] == f"data/{table.name}.{fmt}"
            fields = resource["schema"]["fields"]
            assert [f["name"] for f in fields] == table.field_names
            for described, field in zip(fields, table.fields):
                assert described["type"] == field.type
                assert described["description"] == field.description
                assert described.get("constraints", {}).get("enum") == (list(field.enum) if field.enum else None)
            assert resource["schema"]["primaryKey"] == [table.primary_key]
    assert package["licenses"] and "copyright" in package["rights"]


def test_metadata_describes_every_column_and_query(built):
    paths, _ = built
    metadata = yaml.safe_load(paths.metadata.read_text())
    database = metadata["databases"]["ledger"]
    for table in schema.TABLES:
        described = database["tables"][table.name]
        assert described["description"] == table.description
        assert described["columns"] == {f.name: f.description for f in table.fields}
    assert set(database["queries"]) == {q.name for q in QUERIES}
    for query in database["queries"].values():
        assert query["title"] and query["description"] and query["sql"]


def test_readme_dictionary_and_queries_are_up_to_date():
    from etl.package.readme import readme_text

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_text(readme), "README.md is stale: run `python -m etl docs`"
