"""Rules for pages that tell a history (reference marks, tables with notes, dates told in order),
for exchanges counted for both sides at once, and for the dead of strikes and crashes."""

from datetime import date

from etl.extract.reader import extract_claims
from etl.extract.sentences import sentence_spans
from etl.parse import body_spans, parse_article

HEAD = "Headline about prisoner swaps between the two sides\n\nPublished: 2026-03-01\n\n"


def _claims(body):
    return extract_claims(parse_article((HEAD + body + "\n").encode(), "story.txt"))


def _by(body):
    return {(c.value, c.side): c for c in _claims(body)}


# Reference marks and reference lists


def test_a_reference_mark_after_the_full_stop_ends_the_sentence():
    text = "Forty captives went home in 2023.[3] The next swap came in May."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Forty captives went home in 2023.[3]", "The next swap came in May."]


def test_a_reference_mark_is_not_a_figure():
    claims = _claims("On 5 May 2025, 90 Ukrainian prisoners were freed.[12] Nobody else was named.")
    assert sorted(c.value for c in claims) == [90]


def test_an_attribution_does_not_reach_the_next_sentence_after_a_reference_mark():
    claims = _by("On 2 May 2025, Moscow said it got back 50 Russian prisoners.[2] On 9 May 2025, 60 Ukrainian prisoners "
                 "were freed in a second swap.")
    assert claims[(50, "russia")].claimant == "Moscow"
    assert claims[(60, "ukraine")].claimant is None


def test_reference_lines_and_sections_are_furniture():
    text = "\n".join([
        "Swaps in the war", "",
        "The sides have swapped prisoners many times since the war began, usually with help from mediators in the Gulf.",
        "", "Notes[edit]",
        '^ "Ukraine frees 300 captives". Example Wire. 3 March 2025.',
    ])
    kept = "\n".join(text[s:e] for s, e in body_spans(text))
    assert "300 captives" not in kept


def test_a_reference_line_is_furniture_even_without_a_heading():
    text = "\n".join([
        "Swaps in the war", "",
        "The sides have swapped prisoners many times since the war began, usually with help from mediators in the Gulf.",
        '^ a b "Russia hands back 400 soldiers". Example Wire. 3 March 2025.',
    ])
    kept = "\n".join(text[s:e] for s, e in body_spans(text))
    assert "400 soldiers" not in kept


# A story told in order


def test_a_day_without_a_year_takes_the_year_of_the_day_told_before_it():
    claims = _by("On 4 March 2024, 100 Ukrainians were exchanged for 90 Russians. Two weeks later, on 18 March, "
                 "60 Ukrainians were exchanged for 70 Russians.")
    assert claims[(60, "ukraine")].as_of == date(2024, 3, 18)
    assert claims[(70, "russia")].as_of == date(2024, 3, 18)


def test_a_day_without_a_year_alone_still_takes_the_publication_year():
    claims = _by("On 18 February, 60 Ukrainians were exchanged for 70 Russians.")
    assert claims[(60, "ukraine")].as_of == date(2026, 2, 18)


# Tables with notes


TABLE = (
    "Date\tFreed to Ukraine\tFreed to Russia\tNotes\n"
    "3 April 2025\t120\t110\tPlus 15 civilians on each side\n"
    "9 June 2025\t80\t80\tRussia also returned 12 wounded Ukrainians\n"
)


def test_a_figure_in_a_table_row_notes_is_part_of_the_row_handover():
    claims = _claims("The table lists the exchanges of the year.\n\n" + TABLE)
    notes = [(c.value, c.side, c.measure, c.as_of) for c in claims if c.value in (15, 12)]
    assert sorted(notes) == [
        (12, "ukraine", "other", date(2025, 6, 9)),
        (15, "russia", "other", date(2025, 4, 3)),
        (15, "ukraine", "other", date(2025, 4, 3)),
    ]
    assert {(c.value, c.measure) for c in claims if c.value in (120, 110, 80)} == {
        (120, "transferred"), (110, "transferred"), (80, "transferred")}


# Exchanges counted for both sides at once


def test_two_countries_that_swap_a_number_swap_it_between_them():
    reading = _by("Russia and Ukraine swapped 300 prisoners on Friday.")[(300, "both")]
    assert reading.recipient == "both"


def test_captives_from_both_sides_are_both_sides_people():
    reading = _by("The mediator said it had secured the release of 410 captives from both sides.")[(410, "both")]
    assert reading.recipient == "both"


def test_a_swap_with_a_nationality_is_not_both_sides():
    claims = _by("Russia and Ukraine swapped 300 Ukrainian prisoners for 280 Russians.")
    assert (300, "ukraine") in claims and (280, "russia") in claims


# The dead


def test_the_victims_of_a_strike_are_not_claims():
    claims = _claims("A Russian drone strike on the city overnight killed four people, including two children, "
                     "the mayor said. Ukraine got back 90 Ukrainian prisoners.")
    assert [c.value for c in claims] == [90]


def test_soldiers_killed_in_the_war_are_claims():
    claims = _by("The general staff said 40,000 Ukrainian soldiers have been killed since the war began.")
    assert claims[(40000, "ukraine")].subject == "killed"


def test_captives_listed_among_the_dead_are_counted_as_killed():
    claims = _by("Officials said all on board were killed, including 30 Ukrainian prisoners of war.")
    assert claims[(30, "ukraine")].subject == "killed"


def test_a_speaker_inside_a_relative_clause_is_set_aside():
    claims = _claims("Officials said all on board were killed, including 30 Ukrainian prisoners of war. "
                     "The ombudsman received a list of the 30 prisoners Moscow says died in the crash.")
    second = [c for c in claims if c.value == 30][-1]
    assert (second.subject, second.side, second.claimant) == ("killed", "ukraine", "Moscow")


def test_an_accusation_names_the_speaker():
    claims = _by("The swap came after Moscow accused Kyiv of killing 20 Ukrainian prisoners in a crash.")
    assert claims[(20, "ukraine")].claimant == "Moscow"


# A swap of two figures with no noun


def test_a_bare_swap_takes_the_people_counted_just_before():
    claims = _claims("In May, Russia handed over 900 Ukrainian bodies. The next handover looked the same: 900 for 40.")
    assert {c.subject for c in claims} == {"bodies"}
