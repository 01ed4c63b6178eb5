"""Figures in forms the reader once missed, and the measures of running totals, in made-up sentences."""

from etl.extract.reader import extract_claims
from etl.parse import parse_article

HEAD = "Headline about prisoner swaps between the two sides\n\nPublished: 2025-03-14\n\n"


def _claims(body):
    return extract_claims(parse_article((HEAD + body + "\n").encode(), "story.txt"))


def _by(body):
    return {(c.value, c.side): c for c in _claims(body)}


def _values(body):
    return sorted(c.value for c in _claims(body))


# People nouns beyond soldiers and civilians


def test_priests_and_teenagers_are_people():
    claims = _by("Twelve Ukrainian civilians, including three priests, were freed from Russian captivity.")
    assert claims[(3, "ukraine")].measure == "other"
    assert _by("Two teenagers were freed from Russian captivity on Friday.")[(2, "ukraine")].subject == "prisoners"


def test_guys_counts_people_brought_home():
    claims = _claims("The mayor of Vinnytsia wrote: \"Nine of our guys are home from captivity!\"")
    assert [c.value for c in claims] == [9]


def test_afu_names_ukraines_soldiers():
    claims = _by("In return, 40 AFU prisoners of war were handed over.")
    assert (40, "ukraine") in claims


# One person picked out is no count


def test_every_one_of_them_is_no_count():
    assert _values("\"Every one of them matters,\" he said after 30 prisoners came home.") == [30]


def test_one_of_the_men_is_no_count():
    assert _values("The sister of one of the men said 40 soldiers had been freed.") == [40]


# Surrender: captives taken, not handed over


def test_fighters_who_surrendered_are_captives_taken():
    claims = _by("About 1,300 defenders of the plant surrendered to Russian forces in May.")
    reading = claims[(1300, "ukraine")]
    assert reading.subject == "prisoners"
    assert reading.measure == "other"
    assert reading.recipient == "russia"


# The dead counted over time


def test_confirmed_killed_by_name_is_a_running_total():
    reading = _by("Volunteers say 50,000 Russian soldiers have been confirmed killed by name.")[(50000, "russia")]
    assert reading.subject == "killed"
    assert reading.measure == "cumulative"


def test_the_deaths_of_counts_the_killed():
    reading = _by("Reporters have confirmed the deaths of more than 9,000 Russian soldiers.")[(9000, "russia")]
    assert reading.subject == "killed"
    assert reading.qualifier == "more_than"


def test_a_part_of_the_dead_keeps_measure_other():
    claims = _by("The mission says 5,000 civilians have been killed in Ukraine, including 300 children.")
    assert claims[(300, "ukraine")].measure == "other"


# A go-between counts both sides' people


def test_a_mediator_counts_the_people_of_both_sides():
    reading = _by("The Gulf state said it had mediated 12 swaps that together freed 3,100 captives.")[(3100, "both")]
    assert reading.recipient == "both"
    assert reading.measure == "cumulative"


def test_a_mediators_total_through_its_efforts_is_both_sides():
    claims = _by("The ministry said the total number of captives released through its mediation now stood at 2,000.")
    assert claims[(2000, "both")].measure == "cumulative"


def test_remains_returned_to_both_sides():
    assert (900, "both") in _by("Since 2022 the Red Cross has helped return the remains of 900 people to both sides.")


def test_the_place_after_each_figure_is_its_recipient():
    claims = _by("The Red Cross facilitated the return of the remains of 60 people to Ukraine and of 20 people to Russia.")
    assert claims[(60, "ukraine")].recipient == "ukraine"
    assert claims[(20, "russia")].recipient == "russia"


def test_people_held_by_one_side_are_the_others():
    reading = _by("Kyiv has secured the release of 60 women held by Russia, officials said.")[(60, "ukraine")]
    assert reading.measure == "transferred"


# Figures with no noun


def test_of_the_whole_then_its_parts():
    claims = _claims("Ukraine received 800 bodies on Friday. Of the bodies returned, 400 came from the east and 300 from the south.")
    parts = {c.value: c for c in claims}
    assert parts[400].subject == parts[300].subject == "bodies"
    assert parts[400].measure == parts[300].measure == "other"


def test_of_those_points_back_to_the_people_before():
    claims = {c.value: c for c in _claims("Kyiv brought home 120 soldiers. Of those, 50 had been held since 2022.")}
    assert claims[50].subject == "prisoners"
    assert claims[50].side == "ukraine"


def test_a_figure_handed_over_with_no_noun():
    claims = _by("Russia kept returning the bodies of fallen soldiers, handing over 700 in May.")
    assert claims[(700, "ukraine")].subject == "bodies"


# Running totals


def test_since_then_is_a_running_total():
    claims = _by("The first swap was in March. Since then, Ukraine has brought home 2,000 soldiers.")
    assert claims[(2000, "ukraine")].measure == "cumulative"


def test_a_total_that_now_stands_at():
    claims = _by("The total number of Ukrainians freed now stands at 4,000, the headquarters said.")
    assert claims[(4000, "ukraine")].measure == "cumulative"


def test_by_the_end_of_a_year_is_a_running_total():
    claims = _by("By the end of 2024, more than 3,900 Ukrainian soldiers had been returned from Russian captivity.")
    assert claims[(3900, "ukraine")].measure == "cumulative"


def test_during_a_month_is_a_running_total():
    claims = _by("Russia handed over 5,000 Ukrainian bodies during March, officials said.")
    assert claims[(5000, "ukraine")].measure == "cumulative"


def test_soldiers_who_had_been_killed_is_a_running_total():
    claims = _by("The president said more than 40,000 Ukrainian soldiers had been killed.")
    assert claims[(40000, "ukraine")].measure == "cumulative"
