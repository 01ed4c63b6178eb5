"""Package stage: the tables as CSV and JSON, described by datapackage.json.

Output is deterministic: rows sorted by primary key, fields in schema order,
fixed number formats and LF line endings, so that the same inputs give
byte-identical files and a diff in git means something.
"""

import csv
import io
import json
import os
import shutil
from json.encoder import encode_basestring
from pathlib import Path

from .. import __version__, schema

PACKAGE = {
    "name": "exchange-ledger",
    "title": "Exchange Ledger: who claimed what about Russia–Ukraine exchanges of bodies and prisoners",
    "description": (
        "Every figure that news articles give for the repatriations of fallen soldiers' bodies "
        "and the prisoner exchanges between Russia and Ukraine, as a row: who said it, in which "
        "source, about which event, with the exact words as evidence. Sources disagree and copy "
        "one another; the dataset keeps every voice and lays the disagreements bare."
    ),
    "keywords": ["Russia", "Ukraine", "prisoners of war", "repatriation", "fact-checking", "claims"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0: the structured data (tables, identifiers, classifications)",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ],
    "rights": (
        "The structured data is published under CC BY 4.0. The article texts and quotes remain "
        "the copyright of their publishers; they are included as evidence for the figures, for "
        "research, fact-checking and reporting."
    ),
    "contributors": [{"title": "Exchange Ledger contributors", "role": "author"}],
}


def resource_descriptors(table):
    """The CSV and JSON resources that describe one table."""
    table_schema = {
        "fields": [f.table_schema() for f in table.fields],
        "primaryKey": [table.primary_key],
    }
    described = []
    for fmt, suffix in (("csv", ""), ("json", "-json")):
        foreign_keys = [
            {"fields": [column], "reference": {"resource": ref_table + suffix, "fields": [ref_field]}}
            for column, ref_table, ref_field in table.foreign_keys
        ]
        resource = {
            "name": table.name + suffix,
            "title": f"{table.title} ({fmt.upper()})",
            "description": table.description,
            "path": f"data/{table.name}.{fmt}",
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/json",
            "encoding": "utf-8",
            "schema": {**table_schema, **({"foreignKeys": foreign_keys} if foreign_keys else {})},
        }
        if fmt == "csv":
            resource["dialect"] = {"delimiter": ",", "lineTerminator": "\n"}
        described.append(resource)
    return described


def package_descriptor(rows_by_table, tables=schema.TABLES):
    """The whole datapackage.json descriptor."""
    outlets = {row["actor_id"]: row["name"] for row in rows_by_table.get("actors", []) if row["kind"] == "media"}
    cited = sorted({outlets.get(row["outlet_id"], "Unidentified outlet") for row in rows_by_table.get("sources", [])})
    descriptor = dict(PACKAGE, version=__version__)
    descriptor["sources"] = [{"title": name} for name in cited]
    descriptor["resources"] = [r for table in tables for r in resource_descriptors(table)]
    return descriptor


def write_package(rows_by_table, data_dir, package_path, tables=schema.TABLES):
    """Write data/*.csv, data/*.json and datapackage.json, replacing the old ones whole."""
    data_dir, package_path = Path(data_dir), Path(package_path)
    staging = data_dir.with_name(data_dir.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for table in tables:
            rows = sorted(rows_by_table.get(table.name, []), key=lambda r: r[table.primary_key])
            with open(staging / f"{table.name}.csv", "w", encoding="utf-8", newline="") as out:
                write_csv(table, rows, out)
            with open(staging / f"{table.name}.json", "w", encoding="utf-8", newline="") as out:
                write_json(table, rows, out)
        package_text = json.dumps(package_descriptor(rows_by_table, tables), ensure_ascii=False, indent=2) + "\n"
        package_staging = package_path.with_name(package_path.name + ".tmp")
        package_staging.write_text(package_text, encoding="utf-8")
        _swap_folder(staging, data_dir)
        os.replace(package_staging, package_path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def to_csv(table, rows):
    """A table's rows as CSV text."""
    out = io.StringIO()
    write_csv(table, rows, out)
    return out.getvalue()


def to_json(table, rows):
    """A table's rows as JSON text (see write_json)."""
    out = io.StringIO()
    write_json(table, rows, out)
    return out.getvalue()


def write_csv(table, rows, out):
    """Write a table's rows as CSV to a text file, row by row."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.field_names)
    for row in rows:
        writer.writerow([_csv_value(f, row.get(f.name)) for f in table.fields])


def write_json(table, rows, out):
    """Write a table's rows as a JSON array of objects to a text file, row by row.

    The text is exactly json.dumps(records, ensure_ascii=False, indent=1),
    written out value by value: json.dumps with an indent runs its pure-Python
    encoder, several times slower on large tables, and would hold the whole
    text in memory.
    """
    if not rows:
        out.write("[]\n")
        return
    prefixes = [f'  {encode_basestring(f.name)}: ' for f in table.fields]
    kinds = [(f, f.type) for f in table.fields]
    separator = "[\n"
    for row in rows:
        parts = []
        for prefix, (f, kind) in zip(prefixes, kinds):
            value = _json_value(f, row.get(f.name)) if kind in ("boolean", "number") else row.get(f.name)
            parts.append(prefix + _json_scalar(value))
        out.write(separator + " {\n" + ",\n".join(parts) + "\n }")
        separator = ",\n"
    out.write("\n]\n")


def _json_scalar(value):
    """One value as json.dumps writes it (ensure_ascii=False)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def _csv_value(f, value):
    if value is None:
        return ""
    if f.type == "boolean":
        return "true" if value else "false"
    if f.type == "number":
        return _number(value)
    return value


def _json_value(f, value):
    if value is None:
        return None
    if f.type == "boolean":
        return bool(value)
    if f.type == "number":
        return float(_number(value))
    return value


def _number(value):
    return f"{float(value):.2f}"


def _swap_folder(new, old):
    """Put folder new in the place of folder old, keeping old until new is in."""
    backup = old.with_name(old.name + ".old")
    shutil.rmtree(backup, ignore_errors=True)
    if old.exists():
        os.replace(old, backup)
    os.replace(new, old)
    shutil.rmtree(backup, ignore_errors=True)
