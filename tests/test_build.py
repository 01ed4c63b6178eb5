"""A full build from the articles: every table filled, every quote traceable."""

import filecmp
import sqlite3

from etl.build import build

from .conftest import ROOT


def test_every_table_is_filled(built):
    paths, report = built
    counts = report.counts()
    assert counts["sources"] == len(list((ROOT / "articles").glob("*.txt")))
    assert counts["claims"] > 30
    assert counts["events"] >= 5
    assert counts["actors"] >= 5


def test_every_claims_offsets_slice_back_to_its_quote(built):
    paths, _ = built
    db = sqlite3.connect(paths.database)
    rows = db.execute(
        "select claim_id, quote, quote_start, quote_end, figure, figure_start, text "
        "from claims join sources using (source_id)"
    ).fetchall()
    assert rows
    for claim_id, quote, start, end, figure, figure_start, text in rows:
        assert text[start:end] == quote, claim_id
        assert text[figure_start:figure_start + len(figure)] == figure, claim_id
        assert start <= figure_start < end, claim_id


def test_the_final_stage_of_june_2025_has_both_figures(built):
    paths, _ = built
    db = sqlite3.connect(paths.database)
    values = {
        (value, claimant)
        for value, claimant in db.execute(
            "select value, claimant_id from claims join events using (event_id) "
            "where events.date = '2025-06-16' and subject = 'bodies' and side = 'ukraine' and measure = 'transferred'"
        )
    }
    assert {v for v, _ in values} >= {1245, 1248}


def test_rebuild_is_byte_identical(built, tmp_path):
    paths, _ = built
    again = paths.__class__(
        articles=paths.articles,
        curation=paths.curation,
        database=tmp_path / "ledger.db",
        data=tmp_path / "data",
        package=tmp_path / "datapackage.json",
        metadata=tmp_path / "metadata.yml",
    )
    build(again)
    for name in sorted(p.name for p in paths.data.iterdir()):
        assert filecmp.cmp(paths.data / name, again.data / name, shallow=False), name
    assert paths.package.read_bytes() == again.package.read_bytes()
    assert paths.metadata.read_bytes() == again.metadata.read_bytes()


def test_committed_outputs_are_fresh(built):
    """data/, datapackage.json and metadata.yml in the repository match a fresh build."""
    paths, _ = built
    for name in sorted(p.name for p in paths.data.iterdir()):
        committed = ROOT / "data" / name
        assert committed.exists(), f"data/{name} is missing: run `make build` and commit"
        assert committed.read_bytes() == (paths.data / name).read_bytes(), f"data/{name} is stale: run `make build` and commit"
    assert (ROOT / "datapackage.json").read_bytes() == paths.package.read_bytes(), "datapackage.json is stale"
    assert (ROOT / "metadata.yml").read_bytes() == paths.metadata.read_bytes(), "metadata.yml is stale"
