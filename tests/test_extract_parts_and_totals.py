"""Parts of a handover, running totals and who speaks, each read against an invented text."""

from datetime import date

from etl.extract import extract_claims
from etl.parse.article import Article, ArticleMeta


def claims(text):
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=text,
        meta=ArticleMeta(published=date(2025, 4, 16)), body=[(0, len(text))],
    )
    return extract_claims(article)


def measures(text):
    return {c.figure: c.measure for c in claims(text)}


def test_every_item_of_a_list_of_parts_is_a_part():
    found = measures("The governor said 230 Ukrainians had come home, among them 213 soldiers and 17 civilians.")
    assert found == {"230": "transferred", "213": "other", "17": "other"}
    found = measures("Ukraine got back 103 prisoners on Friday. Among them are 82 privates and 21 officers.")
    assert found["82"] == "other" and found["21"] == "other"
    found = measures("Kyiv brought home 300 prisoners. Among those freed were 41 guardsmen and 17 border guards.")
    assert found["17"] == "other"


def test_some_of_those_named_before_are_a_part():
    found = measures("Ukraine got back 207 prisoners on Wednesday. Five of the returnees are civilians, the mayor said.")
    assert found == {"207": "transferred", "Five": "other"}
    found = measures("Ukraine got back 205 prisoners. Forty-one of them were civilians. Two of those civilians are teenagers.")
    assert found["Forty-one"] == "other" and found["Two"] == "other"


def test_some_of_them_handed_over_is_still_a_handover():
    found = measures("Russia kept 30 Ukrainian bodies in a morgue. Kyiv said 20 of them were returned on Friday.")
    assert found["20"] == "transferred"


def test_a_handover_in_the_perfect_counted_since_a_start_is_a_running_total():
    assert measures("Since the talks resumed in May, Ukraine has brought home 1,400 prisoners.")["1,400"] == "cumulative"
    assert measures("Some 3,100 Ukrainians have been freed from captivity since the conflict began.")["3,100"] == "cumulative"
    assert measures("Russia has received 246 bodies in the same period.")["246"] == "cumulative"
    assert measures("The mayor said 1,456 people had been freed over the course of 2022.")["1,456"] == "cumulative"


def test_since_telling_a_record_or_how_long_someone_was_held_is_no_total():
    assert measures("Ukraine has brought home 140 prisoners, the first swap since August.")["140"] == "transferred"
    found = measures("Russia has received 110 sailors whose ships had been held in ports since the invasion.")
    assert found["110"] == "transferred"


def test_could_see_is_a_plan():
    assert measures("He said the next stage could see up to 500 more people released.")["500"] == "planned"


def test_per_names_the_speaker():
    found = claims("Nearly 7,000 Ukrainians have been freed since 2022, per Kyiv's Coordination Headquarters.")
    assert found[0].claimant == "Kyiv's Coordination Headquarters"
    found = claims("The bodies of 909 soldiers were returned to Ukraine, per the Coordination HQ's Telegram.")
    assert found[0].claimant == "the Coordination HQ"
    assert claims("Russia handed over 60 bodies per day, the mayor said.")[0].claimant != "day"


def test_officials_of_both_countries_speak_each_for_its_own_side():
    found = {c.side: c.claimant for c in claims(
        "Russia and Ukraine exchanged 500 prisoners each on Thursday, Ukrainian and Russian officials said.")}
    assert found == {"russia": "Moscow", "ukraine": "Kyiv"}


def test_a_connective_opening_the_clause_is_not_the_speaker():
    found = claims("Ukraine got back 205 prisoners on Saturday. But the ombudsman said 41 of them were civilians.")
    assert all(not (c.claimant or "").startswith("But") for c in found)
