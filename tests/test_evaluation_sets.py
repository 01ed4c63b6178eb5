"""Every evaluation set under tests/ builds with its curation: quotes verbatim, vocabularies known."""

import sqlite3

import pytest

from etl.build import build
from tests.conftest import ROOT, paths_in

SETS = sorted(p.parent.name for p in (ROOT / "tests").glob("*/curation") if (p.parent / "articles").is_dir())


def test_the_sets_are_found():
    assert {"corpus", "styles", "holdout", "unseen", "blind", "sealed"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_a_set_builds_with_every_source_reviewed(name, tmp_path):
    folder = ROOT / "tests" / name
    paths = paths_in(tmp_path, folder / "articles", folder / "curation")
    report = build(paths)
    assert report.skipped == []
    reviewed, total = sqlite3.connect(paths.database).execute("select sum(reviewed), count(*) from sources").fetchone()
    assert reviewed == total == len(list((folder / "curation" / "sources").glob("*.yml")))
    assert report.counts()["claims"] > 0
