"""Every canned query, run through Datasette as a reader would run it."""

import asyncio

import pytest
import yaml
from datasette.app import Datasette

FINAL_STAGE = "2025-06-16-repatriation-final-stage"


@pytest.fixture(scope="module")
def datasette(built):
    paths, _ = built
    metadata = yaml.safe_load(paths.metadata.read_text())
    return Datasette([str(paths.database)], immutables=[], metadata=metadata)


def rows(datasette, path):
    response = asyncio.run(datasette.client.get(path))
    assert response.status_code == 200, response.text[:500]
    return response.json()


def query(datasette, name, **params):
    args = "".join(f"&{k}={v}" for k, v in params.items())
    return rows(datasette, f"/ledger/{name}.json?_shape=array{args}")


def test_figures_in_conflict_shows_kyiv_against_moscow_for_16_june(datasette):
    conflicts = query(datasette, "figures_in_conflict")
    pairs = {
        (c["event_date"], c["subject"], c["side"], c["measure"], frozenset((c["value_a"], c["value_b"])))
        for c in conflicts
    }
    assert ("2025-06-16", "bodies", "ukraine", "transferred", frozenset((1245, 1248))) in pairs
    row = next(c for c in conflicts if {c["value_a"], c["value_b"]} == {1245, 1248})
    quotes = {row["value_a"]: row["quote_a"], row["value_b"]: row["quote_b"]}
    assert "1,245" in quotes[1245] and "1,248" in quotes[1248]
    claimants = {row["value_a"]: row["claimant_a"], row["value_b"]: row["claimant_b"]}
    assert "Defen" in claimants[1248]


def test_hedged_figures_within_range_are_not_conflicts(datasette):
    conflicts = query(datasette, "figures_in_conflict")
    assert all(c["value_a"] != c["value_b"] for c in conflicts)
    # "more than 6,000" (the agreement) and 6,057 (handed over in all) agree.
    assert not [c for c in conflicts if {c["value_a"], c["value_b"]} == {6000, 6057}]


def test_event_ledger_gives_lowest_highest_and_counts(datasette):
    ledger = query(datasette, "event_ledger")
    final = next(
        r for r in ledger
        if r["event_id"] == FINAL_STAGE and (r["subject"], r["side"], r["measure"]) == ("bodies", "ukraine", "transferred")
    )
    assert final["highest"] == 1248
    assert final["lowest"] <= 1245
    assert final["claims"] >= 3
    assert final["sources"] >= 1
    assert final["claimants"] >= 2


def test_event_claims_lists_both_figures_of_the_final_stage(datasette):
    claims = query(datasette, "event_claims", event_id=FINAL_STAGE)
    assert {1245, 1248} <= {c["value"] for c in claims}
    assert all(c["quote"] for c in claims)


def test_actor_claims_for_medinsky(datasette):
    claims = query(datasette, "actor_claims", actor_id="vladimir-medinsky")
    assert len({c["source_id"] for c in claims if c["value"] == 1000}) >= 2
    assert {c["measure"] for c in claims} >= {"transferred"}


def test_timeline_is_in_date_order_with_figures(datasette):
    timeline = query(datasette, "timeline")
    dates = [r["date"] for r in timeline if r["date"]]
    assert dates == sorted(dates)
    final = next(r for r in timeline if r["event_id"] == FINAL_STAGE)
    assert "1248" in final["figures"]


def test_search_quotes_finds_the_words(datasette):
    found = query(datasette, "search_quotes", q="Medinsky")
    assert found
    assert all("Medinsky" in r["quote"] for r in found)
    assert query(datasette, "search_quotes", q='"unbalanced') is not None


def test_foreign_keys_read_as_names(datasette):
    page = rows(datasette, "/ledger/claims.json?_shape=array&_labels=on&_size=5")
    assert isinstance(page[0]["claimant_id"], dict) and page[0]["claimant_id"]["label"]


@pytest.mark.parametrize("name", ["figures_in_conflict", "where_sides_disagree"])
def test_conflict_queries_walk_the_events_in_date_order(built, name):
    """The conflicts are reached event by event through indexes, never sorted as a whole table."""
    import sqlite3

    from etl.serve.queries import QUERIES

    paths, _ = built
    sql = next(q.sql for q in QUERIES if q.name == name)
    conn = sqlite3.connect(paths.database)
    plan = [row[3] for row in conn.execute("explain query plan " + sql, {"kind": ""})]
    conn.close()
    assert plan[0].startswith("SCAN events USING INDEX idx_events_date_event_id"), plan
    assert not any(step.startswith("SCAN conflicts") for step in plan), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_where_sides_disagree_lists_each_kind_with_both_quotes(datasette):
    found = query(datasette, "where_sides_disagree", kind="")
    kinds = {row["kind"] for row in found}
    assert {"value", "date", "description"} <= kinds
    for row in found:
        assert row["quote_a"] and row["quote_b"] and row["summary"]
    described = next(row for row in found if row["kind"] == "description")
    assert "mutual" in described["summary"] and "unilateral" in described["summary"]
    only_dates = query(datasette, "where_sides_disagree", kind="date")
    assert only_dates and {row["kind"] for row in only_dates} == {"date"}


def test_independent_sources_count_story_families_once(datasette):
    found = query(datasette, "independent_sources")
    handover = next(
        row for row in found
        if row["event"].startswith("Handover of 1,000") and (row["subject"], row["side"], row["measure"]) == ("bodies", "ukraine", "transferred")
    )
    # Four articles report it, two of them the same AFP story: three independent sources.
    assert handover["articles"] == 4
    assert handover["independent_sources"] == 3
    assert handover["best"] == 1000
