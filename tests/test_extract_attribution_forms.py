"""Attribution forms in house styles: headline credits, closing quotes, appositions, "said this"."""

from etl.extract.claimants import attributions
from etl.extract.reader import extract_claims
from etl.parse import parse_article


def _claims(text):
    return extract_claims(parse_article(text.encode(), "story.txt"))


def _names(sentence):
    return [a.name for a in attributions(sentence)]


def test_has_said_at_the_end_names_the_speaker():
    sentence = "Kyiv got back 312 soldiers on Monday, chief negotiator Olena Marchuk has said."
    assert _names(sentence) == ["Olena Marchuk"]


def test_as_said_is_still_no_speaker():
    assert _names("As said before, 40 prisoners were freed.") == []


def test_long_apposition_between_name_and_verb():
    sentence = ("Petro Savchuk, the regional official who oversaw last year's talks in Geneva, "
                "told reporters that 65 captives were freed.")
    assert _names(sentence) == ["Petro Savchuk"]


def test_has_written_is_a_speech_verb():
    assert _names("Marta Ivanenko has written that 19 captives came home.") == ["Marta Ivanenko"]


def test_colon_headline_credits_the_speaker():
    text = "Ombudsman Kovalenko: 140 captives back in Ukraine\n\nThe swap took place on Friday near the border.\n"
    claims = [c for c in _claims(text) if c.value == 140]
    assert claims and claims[0].claimant == "Kovalenko"


def test_colon_label_is_not_a_speaker():
    text = "Details: 140 captives came home on Friday.\n\nThe swap took place near the border.\n"
    assert all(c.claimant is None for c in _claims(text))


def test_quotation_closed_in_the_next_sentence_keeps_its_speaker():
    text = ('"This morning 60 of our soldiers were handed over. Moscow received 12 of its captives," '
            'Dmytro Hrytsenko wrote on Telegram.\n')
    claims = _claims(text)
    assert {c.value for c in claims} == {60, 12}
    assert {c.claimant for c in claims} == {"Dmytro Hrytsenko"}


def test_said_this_credits_the_sentence_before():
    text = "Ukraine has freed 212 soldiers from captivity.\n\nMinister Taras Bondar said this on Facebook.\n"
    claims = _claims(text)
    assert claims[0].claimant == "Taras Bondar"


def test_name_ending_in_s_set_off_by_commas_is_the_speaker():
    sentence = "Of those freed, 41 were civilians, the regional ombudsman, Taras Hnatiuks, told reporters."
    assert _names(sentence) == ["Taras Hnatiuks"]


def test_role_noun_after_verb_is_the_person_named_in_that_role():
    text = ("Two soldiers killed in shelling of Sumy, says governor\n\n"
            "Oleh Hryhorov, the governor of Sumy region, visited the damaged school on Tuesday.\n")
    claims = [c for c in _claims(text) if c.value == 2]
    assert claims and claims[0].claimant == "Oleh Hryhorov"


def test_role_noun_as_subject_is_the_person_named_before():
    text = ("Ombudsman Marko Tkachuk met the families in Lviv.\n\n"
            "Forty captives came home on Friday, the ombudsman told reporters.\n")
    claims = [c for c in _claims(text) if c.value == 40]
    assert claims and claims[0].claimant == "Marko Tkachuk"


def test_role_noun_with_no_holder_named_is_no_speaker():
    text = "Forty captives came home on Friday, the ombudsman told reporters.\n"
    assert all(c.claimant is None for c in _claims(text))


def test_role_holder_is_not_read_across_lines():
    text = ("Four people killed in Odesa strike, says mayor\n\nLive Updates\n\nShare\n\n"
            "Hennadiy Trukhanov, the mayor of Odesa, says four people died.\n")
    claims = [c for c in _claims(text) if c.value == 4]
    assert claims and all(c.claimant == "Hennadiy Trukhanov" for c in claims)


def test_as_opening_a_report_credit_is_not_part_of_the_name():
    assert _names("As Interfax reported, 60 prisoners were freed.") == ["Interfax"]


def test_estimate_is_a_speech_verb():
    assert _names("Rights groups estimate that 9,000 Ukrainians remain in captivity.") == ["Rights groups"]
