"""Reconcile: story families, figures per event and conflicts, from plain rows.

The synthetic cases build rows by hand. The tests marked ``seeds`` pin what
the build finds in the seed articles; they need the whole pipeline.
"""

import pytest

from etl.resolve.reconcile import reconcile
from etl.resolve.reconcile.families import REWRITE_SHARE
from etl.resolve.reconcile.figures import best_value
from etl.resolve.reconcile.text import Fingerprint, similarity

WIRE_STORY = """Russia hands over 900 bodies of Ukrainian soldiers

Russia has handed over to Ukraine the bodies of 900 soldiers as part of an agreement reached at talks last month, Moscow's chief negotiator said on social media on Tuesday.

Two rounds of negotiations between Moscow and Kyiv have yet to produce a ceasefire, but they have led to large exchanges of prisoners and deals to return the bodies of the dead.

Ukraine handed over the bodies of 25 Russian soldiers, the negotiator added in his post.

He posted photos showing people in white protective suits lifting body bags from the back of refrigerated trucks.

Exchanges of captured soldiers and the return of remains have taken place regularly throughout the conflict.
"""

REWRITE = """Russia returns 900 Ukrainian soldiers' bodies

As part of an agreement reached at talks last month, Russia has handed over to Ukraine the bodies of 900 troops, Moscow's chief negotiator said on social media on Tuesday.

Two rounds of negotiations between Moscow and Kyiv have not produced a ceasefire, but they have led to large exchanges of prisoners and deals to return the bodies of the dead.

Ukraine gave over the bodies of 25 Russian soldiers, the negotiator added in his post.

He also posted photos showing people in white protective suits lifting body bags from refrigerated trucks.

Exchanges of captured troops and the return of remains have taken place regularly during the conflict.
"""

INDEPENDENT = """Kyiv receives remains of 900 fallen defenders

Ukraine's Coordination Headquarters said on Tuesday that 900 bodies had been brought home from Russia in the latest repatriation under the Istanbul arrangements.

Forensic experts will now work to identify the remains, a process the headquarters said could take many months.

Officials in Kyiv thanked the International Committee of the Red Cross for its help in arranging the transfer at the border.

In return, Ukraine passed 25 bodies of Russian servicemen to Moscow, according to the Russian side.
"""

OTHER_NEWS = """Flotilla sets sail for Gaza

A coalition of activists said its vessel would leave an Italian port later this month with humanitarian aid on board.

Organisers said the crew included doctors, journalists and members of parliament from several countries.

The previous voyage was stopped at sea and its passengers were detained and deported.
"""

ACTORS = [
    {"actor_id": "kyiv", "name": "Kyiv", "kind": "government_body", "side": "ukraine", "aliases": "Kyiv | Ukraine"},
    {"actor_id": "moscow", "name": "Moscow", "kind": "government_body", "side": "russia", "aliases": "Moscow | Russia"},
    {"actor_id": "negotiator", "name": "Chief negotiator", "kind": "person", "side": "russia", "aliases": None},
    {"actor_id": "outlet-a", "name": "Outlet A", "kind": "media", "side": "international", "aliases": None},
    {"actor_id": "outlet-b", "name": "Outlet B", "kind": "media", "side": "international", "aliases": None},
    {"actor_id": "outlet-c", "name": "Outlet C", "kind": "media", "side": "international", "aliases": None},
]

EVENTS = [
    {"event_id": "deal", "kind": "agreement", "label": "The deal", "date": "2025-06-02", "date_precision": "day", "parent_event_id": None},
    {"event_id": "stages", "kind": "repatriation", "label": "Stages of the deal", "date": "2025-06", "date_precision": "month", "parent_event_id": "deal"},
    {"event_id": "stage-1", "kind": "repatriation", "label": "First stage", "date": "2025-06-10", "date_precision": "day", "parent_event_id": "stages"},
    {"event_id": "stage-2", "kind": "repatriation", "label": "Second stage", "date": "2025-06-12", "date_precision": "day", "parent_event_id": "stages"},
    {"event_id": "handover", "kind": "repatriation", "label": "Handover of 900 bodies", "date": "2025-07-15", "date_precision": "day", "parent_event_id": "deal"},
]


def source(source_id, text, wire=None, published="2025-07-15"):
    return {"source_id": source_id, "title": text.splitlines()[0], "published": published, "wire": wire, "text": text}


def claim(claim_id, value, claimant, event="handover", qualifier="exact", measure="transferred", side="ukraine", as_of="2025-07-15", quote=None):
    return {
        "claim_id": claim_id,
        "source_id": claim_id.rsplit("-", 1)[0],
        "event_id": event,
        "claimant_id": claimant,
        "value": value,
        "qualifier": qualifier,
        "subject": "bodies",
        "side": side,
        "measure": measure,
        "as_of": as_of,
        "quote": quote or f"Russia handed over {value} bodies.",
        "method": "curated",
    }


def tables(sources, claims):
    return {"actors": ACTORS, "events": EVENTS, "sources": sources, "claims": claims}


def three_outlets():
    """One wire story carried by outlets A and B, and an independent report by C."""
    sources = [
        source("a", WIRE_STORY, wire="AFP"),
        source("b", REWRITE, wire="afp"),
        source("c", INDEPENDENT),
    ]
    claims = [
        claim("a-001", 900, "negotiator"),
        claim("b-001", 900, "negotiator"),
        claim("c-001", 900, "kyiv"),
    ]
    return tables(sources, claims)


# Families -----------------------------------------------------------------


def test_a_rewrite_echoes_the_wire_story_and_an_independent_report_does_not():
    wire, rewrite, independent, other = (Fingerprint(t) for t in (WIRE_STORY, REWRITE, INDEPENDENT, OTHER_NEWS))
    assert similarity(wire, rewrite)[0] >= REWRITE_SHARE
    assert similarity(wire, independent)[0] < REWRITE_SHARE
    assert similarity(rewrite, independent)[0] < REWRITE_SHARE
    assert similarity(wire, other)[0] == 0


def test_one_wire_story_in_two_outlets_is_one_family_and_the_third_its_own():
    result = reconcile(three_outlets())
    family = {row["source_id"]: row["family_id"] for row in result["source_families"]}
    assert family["a"] == family["b"] != family["c"]
    shared = next(f for f in result["families"] if f["family_id"] == family["a"])
    assert shared["sources"] == 2
    assert shared["wire"] == "AFP | afp"
    assert shared["original_basis"] == "wire"
    assert shared["original_source_id"] == "a"
    linked = {row["source_id"]: row["linked_by"] for row in result["source_families"]}
    assert linked == {"a": "wire_and_text", "b": "wire_and_text", "c": "none"}


def test_independent_sources_are_counted_by_family():
    (figure,) = reconcile(three_outlets())["figures"]
    assert (figure["claims"], figure["sources"], figure["independent_sources"]) == (3, 3, 2)


def test_a_rewrite_without_a_wire_credit_joins_by_its_text_and_the_earlier_is_original():
    rows = tables([source("a", WIRE_STORY, published="2025-07-15"), source("b", REWRITE, published="2025-07-16")], [])
    (family,) = reconcile(rows)["families"]
    assert family["sources"] == 2
    assert (family["original_source_id"], family["original_basis"]) == ("a", "earliest")


def test_a_shared_wire_credit_alone_does_not_make_a_family():
    # Two different AFP stories: no event in common and no text in common.
    rows = tables([source("a", WIRE_STORY, wire="AFP"), source("b", OTHER_NEWS, wire="AFP")], [claim("a-001", 900, "negotiator")])
    assert len(reconcile(rows)["families"]) == 2


def test_family_ids_are_stable_and_every_source_has_one():
    first, second = reconcile(three_outlets()), reconcile(three_outlets())
    assert first == second
    assert {row["source_id"] for row in first["source_families"]} == {"a", "b", "c"}
    assert {row["family_id"] for row in first["families"]} == {"family-a", "family-c"}


# Figures ------------------------------------------------------------------


def test_best_value_is_backed_by_the_most_families_then_by_officials():
    families = {"a": "f1", "b": "f1", "c": "f2", "d": "f3"}
    officials = {"kyiv", "moscow"}
    by_articles = [claim("a-001", 100, "outlet-a"), claim("b-001", 100, "outlet-b"), claim("c-001", 105, "outlet-c"), claim("d-001", 105, "kyiv")]
    assert best_value(by_articles, families, officials) == (105, "families")
    tied = [claim("a-001", 100, "moscow"), claim("c-001", 105, "outlet-c")]
    assert best_value(tied, families, officials) == (100, "officials")
    hedged = [claim("a-001", 100, "kyiv", qualifier="more_than")]
    assert best_value(hedged, families, officials) == (None, "none")


# Conflicts ----------------------------------------------------------------


def conflicts_of(claims, kind):
    sources = [source(s, OTHER_NEWS) for s in sorted({c["source_id"] for c in claims})]
    return [row for row in reconcile(tables(sources, claims))["conflicts"] if row["kind"] == kind]


def test_different_figures_from_different_claimants_are_one_value_conflict():
    claims = [claim("a-001", 1245, "kyiv"), claim("a-002", 1245, "outlet-a"), claim("b-001", 1248, "moscow")]
    (conflict,) = conflicts_of(claims, "value")
    assert (conflict["value_a"], conflict["value_b"]) == (1245, 1248)
    assert (conflict["claim_a"], conflict["claim_b"]) == ("a-001", "b-001")  # the official's claim represents 1,245
    assert "Kyiv gives 1,245" in conflict["summary"] and "Moscow gives 1,248" in conflict["summary"]


def test_a_hedged_figure_inside_the_range_is_no_conflict():
    claims = [
        claim("a-001", 6057, "kyiv", measure="cumulative"),
        claim("b-001", 6000, "moscow", measure="cumulative", qualifier="more_than"),
        claim("c-001", 6000, "outlet-c", measure="cumulative", qualifier="about"),
    ]
    assert conflicts_of(claims, "value") == []


def test_a_hedged_figure_outside_the_range_is_a_conflict():
    claims = [claim("a-001", 900, "kyiv"), claim("b-001", 1000, "moscow", qualifier="more_than")]
    assert len(conflicts_of(claims, "value")) == 1


def test_the_same_claimant_is_not_in_conflict_with_itself():
    assert conflicts_of([claim("a-001", 900, "kyiv"), claim("b-001", 950, "kyiv")], "value") == []


def test_two_parts_of_one_handover_are_no_value_conflict_and_no_figure():
    claims = [
        claim("a-001", 20, "kyiv", measure="other", quote="Among them were 20 civilians."),
        claim("b-001", 12, "moscow", measure="other", quote="Including 12 defenders of Mariupol."),
    ]
    assert conflicts_of(claims, "value") == []
    sources = [source(s, OTHER_NEWS) for s in ("a", "b")]
    assert reconcile(tables(sources, claims))["figures"] == []


def test_a_weekday_in_the_quote_that_disagrees_is_a_date_conflict():
    claims = [
        claim("a-001", 900, "kyiv", quote="Ukraine received 900 bodies, Kyiv announced on Monday."),
        claim("b-001", 900, "moscow", quote="Russia handed over 900 bodies, Moscow said Tuesday."),
    ]
    (conflict,) = conflicts_of(claims, "date")
    assert (conflict["stated_a"], conflict["stated_b"]) == ("Monday 14 July 2025", "Tuesday 15 July 2025")


def test_different_as_of_dates_for_one_handover_are_a_date_conflict():
    claims = [claim("a-001", 900, "kyiv", as_of="2025-07-15"), claim("b-001", 900, "moscow", as_of="2025-07-16")]
    (conflict,) = conflicts_of(claims, "date")
    assert (conflict["claim_a"], conflict["claim_b"]) == ("a-001", "b-001")


def test_running_totals_of_different_dates_are_no_date_conflict():
    claims = [
        claim("a-001", 4800, "kyiv", event="stages", measure="cumulative", as_of="2025-06-10"),
        claim("b-001", 6000, "kyiv", event="stages", measure="cumulative", as_of="2025-06-12"),
    ]
    assert conflicts_of(claims, "date") == []


def test_mutual_against_unilateral_from_the_two_sides_is_a_description_conflict():
    quote = "Kyiv said the sides had agreed to a mutual exchange of 6,000 bodies, while Moscow called the returns a unilateral gesture."
    (conflict,) = conflicts_of([claim("a-001", 6000, "kyiv", event="deal", measure="agreed", quote=quote)], "description")
    assert conflict["claim_a"] == conflict["claim_b"] == "a-001"
    assert "mutual" in conflict["stated_a"] and "unilateral" in conflict["stated_b"]


def test_description_conflict_across_two_claims():
    claims = [
        claim("a-001", 6000, "kyiv", event="deal", measure="agreed", quote="Kyiv said it was a mutual exchange of 6,000 bodies each."),
        claim("b-001", 6000, "moscow", event="deal", measure="agreed", quote="Moscow said the return of 6,000 bodies was a goodwill gesture."),
    ]
    (conflict,) = conflicts_of(claims, "description")
    assert (conflict["claim_a"], conflict["claim_b"]) == ("a-001", "b-001")


def test_one_side_saying_both_words_is_no_description_conflict():
    quote = "Moscow said the exchange of 6,000 bodies was a unilateral initiative."
    assert conflicts_of([claim("a-001", 6000, "moscow", event="deal", measure="agreed", quote=quote)], "description") == []


def test_a_running_total_smaller_than_its_stages_is_a_total_conflict():
    claims = [
        claim("a-001", 300, "kyiv", event="stage-1", as_of="2025-06-10"),
        claim("b-001", 250, "moscow", event="stage-2", as_of="2025-06-12"),
        claim("c-001", 500, "outlet-c", event="stages", measure="cumulative", as_of="2025-06-12"),
    ]
    (conflict,) = conflicts_of(claims, "total")
    assert (conflict["claim_a"], conflict["claim_b"]) == ("c-001", "b-001")
    assert (conflict["value_a"], conflict["value_b"]) == (500, 550)


def test_a_total_before_the_last_stage_or_open_ended_is_no_total_conflict():
    claims = [
        claim("a-001", 300, "kyiv", event="stage-1", as_of="2025-06-10"),
        claim("b-001", 250, "moscow", event="stage-2", as_of="2025-06-12"),
        claim("c-001", 300, "outlet-c", event="stages", measure="cumulative", as_of="2025-06-10"),
        claim("d-001", 500, "kyiv", event="stages", measure="cumulative", as_of="2025-06-12", qualifier="more_than"),
    ]
    assert conflicts_of(claims, "total") == []


def test_conflict_rows_are_sorted_and_stable():
    claims = [claim("a-001", 1245, "kyiv"), claim("b-001", 1248, "moscow"), claim("c-001", 1300, "outlet-c")]
    rows = conflicts_of(claims, "value")
    assert [r["conflict_id"] for r in rows] == sorted(r["conflict_id"] for r in rows)
    assert rows == conflicts_of(claims, "value")


# The seed articles (a full build) -----------------------------------------

seeds = pytest.mark.usefixtures("built")
BRUSSELS_MORNING, TRT_AFP = "001_5b0aee80c8d0c474", "002_ec8b312cb9804bcd"
ILKHA, MOSCOW_TIMES_JUNE = "004_035e230d16dc1385", "003_b08837caa90a257f"


@pytest.fixture(scope="module")
def derived(built):
    import sqlite3

    paths, _ = built
    db = sqlite3.connect(paths.database)
    db.row_factory = sqlite3.Row

    def rows(sql, *params):
        return [dict(r) for r in db.execute(sql, params)]

    return rows


@seeds
def test_seeds_brussels_morning_rewrites_the_afp_story_carried_by_trt(derived):
    family = {r["source_id"]: r["family_id"] for r in derived("select * from source_families")}
    assert family[BRUSSELS_MORNING] == family[TRT_AFP]
    assert len(set(family.values())) == len(family) - 1
    (shared,) = derived("select * from families where family_id = ?", family[TRT_AFP])
    assert (shared["original_source_id"], shared["original_basis"], shared["wire"]) == (TRT_AFP, "wire", "AFP")


@seeds
def test_seeds_1245_against_1248_is_one_value_conflict(derived):
    found = derived(
        "select * from conflicts where kind = 'value' and event_id = '2025-06-16-repatriation-final-stage'"
    )
    assert [(r["value_a"], r["value_b"]) for r in found] == [(1245, 1248)]


@seeds
def test_seeds_wednesday_against_thursday_for_17_july(derived):
    (found,) = derived("select * from conflicts where kind = 'date' and event_id = '2025-07-17-repatriation'")
    assert found["stated_a"].startswith("Wednesday 16 July") and found["stated_b"].startswith("Thursday 17 July")
    assert found["claim_a"].startswith(ILKHA)


@seeds
def test_seeds_mutual_against_unilateral(derived):
    (found,) = derived("select * from conflicts where kind = 'description'")
    assert found["event_id"] == "2025-06-02-istanbul-agreement"
    assert found["claim_a"].startswith(MOSCOW_TIMES_JUNE)
    assert "mutual" in found["stated_a"] and "unilateral" in found["stated_b"]


@seeds
def test_seeds_17_july_is_backed_by_three_independent_sources_of_four(derived):
    (figure,) = derived(
        "select * from figures where event_id = '2025-07-17-repatriation' and side = 'ukraine' and measure = 'transferred'"
    )
    assert (figure["sources"], figure["independent_sources"], figure["best"]) == (4, 3, 1000)


@pytest.fixture(scope="module")
def canned(built):
    import asyncio

    import yaml
    from datasette.app import Datasette

    paths, _ = built
    datasette = Datasette([str(paths.database)], immutables=[], metadata=yaml.safe_load(paths.metadata.read_text()))

    def run(name, **params):
        args = "".join(f"&{k}={v}" for k, v in params.items())
        response = asyncio.run(datasette.client.get(f"/ledger/{name}.json?_shape=array{args}"))
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return run


@seeds
def test_seeds_where_the_sides_disagree_shows_both_quotes(canned):
    rows = canned("where_sides_disagree", kind="")
    assert {r["kind"] for r in rows} >= {"value", "date", "description"}
    value = next(r for r in rows if r["kind"] == "value" and r["says_a"] == "1,245")
    assert "1,245" in value["quote_a"] and "1,248" in value["quote_b"]
    assert (value["side_a"], value["side_b"]) == ("ukraine", "russia")
    assert {r["kind"] for r in canned("where_sides_disagree", kind="date")} == {"date"}


@seeds
def test_seeds_independent_sources_lists_the_families(canned):
    rows = canned("independent_sources")
    july = next(r for r in rows if r["figure_id"] == "2025-07-17-repatriation:bodies:ukraine:transferred")
    assert (july["articles"], july["independent_sources"]) == (4, 3)
    assert len(july["families"].split(" | ")) == 3


def test_each_figure_is_set_against_the_best_backed_one_not_against_every_other():
    claims = [
        claim("a-001", 1245, "kyiv"),
        claim("b-001", 1245, "outlet-b"),
        claim("c-001", 1248, "moscow"),
        claim("d-001", 12, "outlet-d"),
    ]
    found = {(row["value_a"], row["value_b"]) for row in conflicts_of(claims, "value")}
    assert found == {(12, 1245), (1245, 1248)}  # 12 against 1,248 is not a row of its own


def test_running_totals_of_different_days_are_no_value_conflict():
    claims = [
        claim("a-001", 121, "moscow", measure="cumulative", as_of="2025-09-18"),
        claim("b-001", 246, "kyiv", measure="cumulative", as_of="2025-12-10"),
        claim("c-001", 300, "outlet-c", measure="cumulative", as_of="2025-12-10"),
    ]
    found = {(row["value_a"], row["value_b"]) for row in conflicts_of(claims, "value")}
    assert found == {(246, 300)}
