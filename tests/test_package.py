"""The package stage: fixed formats, so that the same rows give the same bytes."""

from etl import schema
from etl.package.datapackage import resource_descriptors, to_csv, to_json

SOURCE = {
    "source_id": "a", "outlet_id": None, "title": "Headline, with a comma", "published": "2025-07-17",
    "published_basis": "stated", "file_name": "a.txt", "sha256": "0" * 64, "text": "Line one\nline two", "reviewed": 1,
}


def test_csv_writes_booleans_nulls_and_line_breaks_plainly():
    text = to_csv(schema.SOURCES, [SOURCE])
    header, row = text.split("\n", 1)
    assert header == ",".join(schema.SOURCES.field_names)
    assert '"Headline, with a comma"' in row and '"Line one\nline two"' in row
    assert row.rstrip("\n").endswith(",true")
    assert ",,," in row  # empty fields for the unknown author, wire, language ...


def test_json_keeps_types():
    text = to_json(schema.SOURCES, [SOURCE])
    assert '"reviewed": true' in text and '"author": null' in text


def test_numbers_have_a_fixed_format():
    claims = [{"claim_id": "a-001", "confidence": 1}]
    assert ",1.00," in to_csv(schema.CLAIMS, claims)


def test_each_table_is_a_csv_and_a_json_resource_with_matching_foreign_keys():
    csv_resource, json_resource = resource_descriptors(schema.CLAIMS)
    assert (csv_resource["name"], json_resource["name"]) == ("claims", "claims-json")
    assert {fk["reference"]["resource"] for fk in json_resource["schema"]["foreignKeys"]} == {
        "sources-json", "events-json", "actors-json",
    }
