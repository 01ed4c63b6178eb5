"""Measure cues: added categories, parts listed, running totals, deal terms, plans that fell through."""

from etl.extract.reader import extract_claims
from etl.parse import parse_article


def _claims(text):
    return {(c.value, c.side): c for c in extract_claims(parse_article(text.encode(), "story.txt"))}


def test_people_also_brought_home_are_part_of_the_handover():
    claims = _claims("Kyiv and Moscow swapped 120 prisoners of war each on Monday. "
                     "Kyiv also brought home five civilians from occupied Kherson.\n")
    assert claims[(5, "ukraine")].measure == "other"
    assert claims[(120, "ukraine")].measure == "transferred"


def test_parts_listed_after_n_of_the_bodies():
    claims = _claims("The bodies of 600 soldiers came back; 500 of the bodies were brought from the Zaporizhzhia front "
                     "and 100 from the Kharkiv front.\n")
    assert claims[(500, "unknown")].measure == "other" if (500, "unknown") in claims else True
    parts = [c for (v, _), c in claims.items() if v in (500, 100)]
    assert parts and all(c.measure == "other" for c in parts)


def test_since_a_month_name_is_a_running_total():
    claims = _claims("Moscow says it has handed over 4,000 Ukrainian bodies since March.\n")
    assert claims[(4000, "ukraine")].measure == "cumulative"


def test_a_multi_day_exchange_counts_in_total():
    claims = _claims("The sides ended a four-day exchange of 800 Ukrainian prisoners on Sunday.\n")
    assert claims[(800, "ukraine")].measure == "cumulative"


def test_undertook_to_is_an_agreement():
    claims = _claims("At the talks both governments undertook to release 500 Ukrainian prisoners.\n")
    assert claims[(500, "ukraine")].measure == "agreed"


def test_were_to_have_been_is_a_plan():
    claims = _claims("He said 70 Ukrainian prisoners were to have been exchanged on Friday.\n")
    assert claims[(70, "ukraine")].measure == "planned"


def test_a_list_of_prisoners_handed_to_the_other_side_is_an_offer():
    claims = _claims("Kyiv has sent Moscow a list of some 640 Russian soldiers it could release next month.\n")
    assert claims[(640, "russia")].measure == "offered"


def test_figures_adding_up_to_a_total_counted_before_are_its_parts():
    claims = _claims("312 Ukrainians are home\n\nOn Friday, 290 soldiers and 22 civilians came back from Russian captivity, "
                     "the headquarters said.\n")
    assert claims[(290, "ukraine")].measure == "other"
    assert claims[(22, "ukraine")].measure == "other"


def test_people_said_to_have_been_detained_are_no_handover():
    claims = _claims("Ombudsman Hanna Koval said that 14 of the freed civilians had been detained in Melitopol in 2023.\n")
    (claim,) = claims.values()
    assert claim.measure == "other" and claim.recipient is None


def test_captives_freed_after_capture_are_still_a_handover():
    claims = _claims("Kyiv said 37 marines who had been captured in Berdiansk were freed on Sunday.\n")
    (claim,) = claims.values()
    assert claim.measure == "transferred"


def test_people_remaining_in_custody_are_no_handover():
    claims = _claims("Officials in Kyiv estimate that about 7,400 Ukrainians remain in Russian custody.\n")
    (claim,) = claims.values()
    assert claim.measure == "other" and claim.claimant == "Officials in Kyiv"


def test_added_cue_in_a_later_clause_leaves_the_first_figure_a_handover():
    claims = _claims("Kyiv said 320 soldiers came home on Monday.\n\n"
                     "The ministry said 260 Ukrainian soldiers were freed under the deal, "
                     "and another 40 wounded soldiers were returned in addition.\n")
    assert claims[(260, "ukraine")].measure == "transferred"


def test_added_people_of_a_side_counted_two_figures_back():
    claims = _claims("Moscow said 95 Russian servicemen came home. In exchange, 95 Ukrainian soldiers were handed over.\n\n"
                     "Besides, 11 Russian civilians were also returned, the ministry said.\n")
    assert claims[(11, "russia")].measure == "other"


def test_as_of_a_day_marks_a_running_total():
    claims = _claims("As of 4 April 2025, 3,912 Ukrainians had been returned from Russian captivity, the headquarters said.\n")
    (claim,) = claims.values()
    assert claim.measure == "cumulative"


def test_group_added_to_a_handover_takes_its_day():
    text = ("Kyiv, 20 April 2025\n\nOn April 11, Ukraine and Russia exchanged 140 prisoners each. "
            "The Russian side additionally handed over 12 seriously wounded Ukrainian soldiers.\n")
    claims = _claims(text)
    added = claims[(12, "ukraine")]
    assert added.measure == "other"
    assert added.as_of == claims[(140, "ukraine")].as_of


def test_under_that_deal_names_the_terms_of_a_deal_dated_before():
    from datetime import date
    text = ("Published 20 July 2025\n\nThe two sides signed an agreement in Geneva on July 9. "
            "Under that deal, each side is to release 640 prisoners.\n")
    claims = _claims(text)
    for side in ("ukraine", "russia"):
        assert claims[(640, side)].measure == "agreed"
        assert claims[(640, side)].as_of == date(2025, 7, 9)
