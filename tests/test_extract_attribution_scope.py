"""Who speaks for a figure: clauses that speak of something else, pronouns, labels, both sides, dates told elsewhere."""

from datetime import date

from etl.extract.claimants import attributions
from etl.extract.reader import extract_claims
from etl.parse import parse_article
from etl.parse.metadata import read_metadata


def _claims(text):
    return extract_claims(parse_article(text.encode(), "story.txt"))


def _by_value(text, value):
    return [c for c in _claims(text) if c.value == value]


def _story(*paragraphs):
    return "Swap news\n\nPublished 12 March 2025\n\n" + "\n\n".join(paragraphs) + "\n"


def test_it_was_opens_the_writers_own_sentence():
    text = _story("Kyiv freed 60 soldiers on Monday, Mayor Ivan Petrenko announced. "
                  "It was the first swap since 5 January, when 90 captives were exchanged.")
    assert _by_value(text, 90)[0].claimant is None


def test_a_speaker_in_a_relative_clause_after_the_figure_speaks_of_that_clause():
    text = _story("Ukraine received the bodies of 700 people who, according to the Russian side, are soldiers.")
    assert _by_value(text, 700)[0].claimant is None


def test_a_commitment_it_says_is_no_attribution():
    text = _story("Under the plan, Moscow offered to return 3,000 bodies, a promise it says it has kept.")
    assert _by_value(text, 3000)[0].claimant is None


def test_a_pronoun_is_first_the_speaker_named_before_it_in_the_sentence():
    text = _story("Olena Marchuk wrote on Telegram that talks went well.",
                  "The ministry has accused Kyiv of stalling a handover that it says covers 65 prisoners.")
    assert _by_value(text, 65)[0].claimant == "The ministry"


def test_a_speaker_in_a_clause_after_the_figure_leaves_the_speaker_before_it():
    text = _story("The Defence Ministry confirmed that 40 soldiers came back, along with six prisoners of war "
                  "who it said were badly wounded.")
    assert _by_value(text, 6)[0].claimant == "The Defence Ministry"


def test_a_speaker_after_a_semicolon_speaks_for_its_own_clause():
    text = _story("On 2 March 2025, 80 Ukrainians were returned; Russia said it had received 75 soldiers.")
    assert _by_value(text, 80)[0].claimant is None
    assert _by_value(text, 75)[0].claimant == "Russia"


def test_by_someones_own_count_names_the_counter():
    assert [a.name for a in attributions("By Marchuk’s own count, 4,000 bodies have been returned.")] == ["Marchuk"]


def test_the_name_before_who_wrote_is_the_speaker():
    names = [a.name for a in attributions("The figure came from Marchuk, who wrote that 30 bodies arrived.")]
    assert names == ["Marchuk"]


def test_the_first_of_two_names_speaks_for_both():
    names = [a.name for a in attributions("Mediaproject and Radio North have confirmed the names of 5,000 dead.")]
    assert names == ["Mediaproject"]


def test_the_two_countries_each_speak_for_their_own_people():
    text = _story("Russia and Ukraine swapped 120 prisoners each on Monday, the two countries said.")
    speakers = {c.side: c.claimant for c in _by_value(text, 120)}
    assert speakers == {"ukraine": "Kyiv", "russia": "Moscow"}


def test_a_role_with_no_one_named_in_it_is_the_person_who_spoke_last():
    text = _story("“Every exchange matters,” Anna Petrova wrote on Telegram.",
                  "In all, according to the ombudswoman, 2,100 soldiers have come home since 2022.")
    assert _by_value(text, 2100)[0].claimant == "Anna Petrova"


def test_a_headline_credited_after_a_colon_to_a_role():
    text = ("Sides agree to swap 500 prisoners each: Turkish foreign minister\n\nPublished 12 March 2025\n\n"
            "The sides met in Ankara, Turkish Foreign Minister Mehmet Aydin said.\n")
    assert {c.claimant for c in _by_value(text, 500)} == {"Mehmet Aydin"}


def test_a_quote_label_names_the_speaker():
    text = _story("Quote from the Coordination Headquarters: \"Today 400 bodies were returned. "
                  "According to the other side, they are soldiers.\"")
    assert _by_value(text, 400)[0].claimant == "the Coordination Headquarters"


def test_a_quote_under_a_source_line_is_the_sources():
    text = _story("Source: Regional Headquarters on Telegram",
                  "Quote: \"Today 400 bodies were returned. According to the other side, they are soldiers.\"")
    assert _by_value(text, 400)[0].claimant == "Regional Headquarters"


def test_the_same_day_is_the_day_of_the_figure_before():
    text = _story("On 7 March, 50 prisoners came home.",
                  "The same day, the bodies of 300 soldiers were returned to Ukraine.")
    assert _by_value(text, 300)[0].as_of == date(2025, 3, 7)


def test_the_same_people_counted_again_share_their_day():
    text = ("Ukraine brings home 66 prisoners\n\nPublished 12 March 2025\n\n"
            "Kyiv says 66 of its soldiers came home on Sunday.\n")
    assert {c.as_of for c in _by_value(text, 66)} == {date(2025, 3, 9)}


def test_an_undated_figure_after_one_recent_handover_takes_its_day():
    text = _story("On Monday, 70 Ukrainians returned home from captivity.",
                  "Russia said 70 of its servicemen were returned and 12 bodies were handed over too.")
    assert _by_value(text, 12)[0].as_of == date(2025, 3, 10)


def test_a_wire_notice_does_not_name_the_outlet():
    text = ("Daily Planet News\n\nSwap news\n\nKyiv (AFP) – Russia and Ukraine swapped 50 prisoners on Monday.\n\n"
            "© 2025 AFP\n\n© 2025 Copyright Daily Planet - All rights reserved.\n")
    assert read_metadata(text).outlet == "Daily Planet"


def test_initials_in_an_appeal_are_the_name_the_notice_spells_out():
    text = "Support DP\n\nSwap news\n\nRussia and Ukraine swapped 50 prisoners on Monday.\n\n© 2000-2025 Daily Planet\n"
    assert read_metadata(text).outlet == "Daily Planet"


def test_years_after_a_rights_holder_are_not_its_name():
    text = "Swap news\n\nRussia and Ukraine swapped 50 prisoners on Monday.\n\n© Daily Planet 2025\n"
    assert read_metadata(text).outlet == "Daily Planet"
