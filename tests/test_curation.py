"""Bad curation stops the build with the file and line, and leaves the old outputs alone."""

import re

import pytest

from etl.build import build
from etl.errors import BuildError

SOURCE = "003_b08837caa90a257f"


def edit(paths, change, name=f"sources/{SOURCE}.yml"):
    path = paths.curation / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def build_error(paths):
    with pytest.raises(BuildError) as info:
        build(paths)
    return info.value


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_a_quote_not_in_the_article_names_file_and_line(inputs):
    path = edit(inputs, lambda text: text.replace("1,248 for the final stage", "1,248 for the last stage", 1))
    error = build_error(inputs)
    assert error.path == path
    assert "quote not found" in error.message
    assert error.line is not None and abs(error.line - line_of(path, "for the last stage")) <= 1


def test_malformed_yaml_names_file_and_line(inputs):
    path = edit(inputs, lambda text: re.sub(r"^claims:", "claims: [", text, count=1, flags=re.M))
    error = build_error(inputs)
    assert error.path == path and error.line and "malformed YAML" in error.message


def test_unknown_actor(inputs):
    path = edit(inputs, lambda text: re.sub(r"claimant: \S+", "claimant: nobody-we-know", text, count=1))
    error = build_error(inputs)
    assert error.path == path and "unknown claimant 'nobody-we-know'" in error.message
    assert error.line is not None


def test_unknown_event(inputs):
    path = edit(inputs, lambda text: re.sub(r"event: \S+", "event: 1999-01-01-nothing", text, count=1))
    error = build_error(inputs)
    assert error.path == path and "unknown event" in error.message


def test_value_that_does_not_match_the_figure(inputs):
    path = edit(inputs, lambda text: text.replace("value: 1248", "value: 1284", 1))
    error = build_error(inputs)
    assert error.path == path and "reads as 1248, not 1284" in error.message
    assert error.line is not None


def test_misspelt_vocabulary_word(inputs):
    path = edit(inputs, lambda text: text.replace("measure: offered", "measure: offerred", 1))
    error = build_error(inputs)
    assert error.path == path and "measure 'offerred' is not one of" in error.message
    assert error.line is not None


def test_duplicate_claim(inputs):
    def duplicate_first_claim(text):
        head, claims = text.split("claims:\n", 1)
        first = claims.split("\n- ", 1)[0] if claims.startswith("- ") else claims.split("\n  - ", 1)[0]
        return head + "claims:\n" + first + "\n" + claims

    path = edit(inputs, duplicate_first_claim)
    error = build_error(inputs)
    assert error.path == path and "duplicate claim" in error.message


def test_a_failed_build_leaves_the_previous_outputs_as_they_were(inputs):
    build(inputs)
    before = {p.name: p.read_bytes() for p in inputs.data.iterdir()}
    database = inputs.database.read_bytes()
    package = inputs.package.read_bytes()
    edit(inputs, lambda text: text.replace("value: 1248", "value: 1284", 1))
    build_error(inputs)
    assert {p.name: p.read_bytes() for p in inputs.data.iterdir()} == before
    assert inputs.database.read_bytes() == database
    assert inputs.package.read_bytes() == package
    assert not list(inputs.database.parent.glob("*.tmp"))


def test_a_curation_folder_that_is_not_there_is_named(inputs, tmp_path):
    inputs.curation = tmp_path / "no-such-folder"
    error = build_error(inputs)
    assert "no-such-folder" in str(error) and "curation folder not found" in str(error)


def test_a_curation_folder_with_no_registries_starts_them_empty(inputs, tmp_path):
    inputs.curation = tmp_path / "fresh"
    inputs.curation.mkdir()
    report = build(inputs, use_curation=False)
    assert report.counts()["claims"] > 0
    assert all(row["method"] == "machine" for row in report.rows["actors"])
