"""The resolve stage: names to actors, figures to events."""

from datetime import date

from etl.resolve.actors import ActorRegistry, guess_actor, normalise
from etl.resolve.events import EventRegistry, precision_of

ACTORS = [
    {"id": "russian-defence-ministry", "name": "Russia's Defence Ministry", "kind": "government_body", "side": "russia",
     "aliases": ["Russian Defence Ministry", "Ministry of Defence of Russia"]},
    {"id": "vladimir-medinsky", "name": "Vladimir Medinsky", "kind": "person", "side": "russia", "aliases": ["Medinsky"]},
    {"id": "kyiv", "name": "Kyiv", "kind": "government_body", "side": "ukraine", "aliases": ["Ukrainian authorities"]},
]
EVENTS = [
    {"id": "2025-06-02-istanbul-agreement", "kind": "agreement", "label": "Istanbul agreement", "date": "2025-06-02"},
    {"id": "2025-06-16-final-stage", "kind": "repatriation", "label": "Final stage", "date": "2025-06-16"},
    {"id": "2025-06-stages", "kind": "repatriation", "label": "Stages", "date": "2025-06"},
]


def test_names_are_compared_without_case_apostrophes_or_spelling():
    assert normalise("Russia’s Defense Ministry") == normalise("russia's defence ministry") == "russia defence ministry"
    assert normalise("Kiev") == "kyiv"


def test_spelling_and_apostrophe_variants_find_the_same_actor():
    actors = ActorRegistry(ACTORS)
    assert actors.lookup("Russia’s Defense Ministry") == "russian-defence-ministry"
    assert actors.lookup("the Russian Defence Ministry") == "russian-defence-ministry"
    assert actors.lookup("Kiev") == "kyiv"


def test_a_known_name_inside_a_longer_phrase_is_found():
    actors = ActorRegistry(ACTORS)
    assert actors.lookup("Kremlin aide Vladimir Medinsky") == "vladimir-medinsky"


def test_an_unknown_speaker_becomes_a_new_actor():
    actors = ActorRegistry(ACTORS)
    new = actors.resolve("Dmytro Lubinets")
    assert new == "dmytro-lubinets"
    assert actors.rows[new]["kind"] == "person" and actors.rows[new]["method"] == "machine"
    assert actors.resolve("Dmytro Lubinets") == new  # registered once


def test_a_new_actors_kind_and_side_are_guessed_from_its_name():
    assert guess_actor("Ukraine's military intelligence agency") == {
        "id": "ukraine-s-military-intelligence-agency", "name": "Ukraine's military intelligence agency",
        "kind": "government_body", "side": "ukraine",
    }
    assert guess_actor("a source in the Russian delegation")["kind"] == "anonymous"


def test_an_unknown_outlet_becomes_a_media_actor():
    actors = ActorRegistry(ACTORS)
    outlet = actors.resolve_outlet("Kyiv Herald")
    assert actors.rows[outlet]["kind"] == "media"


def test_event_dates_keep_their_precision():
    assert [precision_of(d) for d in ("2025-06-16", "2025-06", "2025", None)] == ["day", "month", "year", "unknown"]


def test_a_claim_lands_on_the_event_of_its_kind_and_day():
    events = EventRegistry(EVENTS)
    assert events.match("repatriation", date(2025, 6, 16), "day") == "2025-06-16-final-stage"


def test_a_report_a_day_off_still_lands_on_the_event():
    events = EventRegistry(EVENTS)
    assert events.match("repatriation", date(2025, 6, 15), "day") == "2025-06-16-final-stage"


def test_a_month_claim_is_not_forced_onto_a_day():
    events = EventRegistry(EVENTS)
    assert events.match("repatriation", date(2025, 6, 1), "month") == "2025-06-stages"


def test_an_agreement_said_to_be_last_month_finds_the_only_one_that_month():
    events = EventRegistry(EVENTS)
    assert events.match("agreement", date(2025, 6, 1), "month") == "2025-06-02-istanbul-agreement"


def test_an_unknown_handover_creates_a_new_event():
    events = EventRegistry(EVENTS)
    created = events.match("prisoner_exchange", date(2024, 1, 3), "day")
    assert created == "2024-01-03-prisoner-exchange"
    assert events.rows[created]["method"] == "machine"
    assert events.match("prisoner_exchange", date(2024, 1, 3), "day") == created


def test_no_kind_or_no_date_means_no_event():
    events = EventRegistry(EVENTS)
    assert events.match(None, date(2025, 6, 16), "day") is None
    assert events.match("repatriation", None, "unknown") is None


def test_an_undated_deal_is_the_latest_agreement_before_publication():
    events = EventRegistry(EVENTS)
    assert events.latest_agreement(date(2025, 7, 17)) == "2025-06-02-istanbul-agreement"
    assert events.latest_agreement(date(2025, 5, 1)) is None  # not yet reached
    assert events.latest_agreement(date(2026, 1, 1)) is None  # too long ago to be "the deal"
    assert events.latest_agreement(None) is None
