"""General rules of grammar the reader follows: running totals, plans, parts, captives held, the dead, speakers."""

from datetime import date

from etl.extract.reader import extract_claims
from etl.parse import parse_article

HEAD = "Headline about prisoner swaps between the two sides\n\nPublished: 2025-03-14\n\n"


def _claims(body):
    return extract_claims(parse_article((HEAD + body + "\n").encode(), "story.txt"))


def _by(body):
    return {(c.value, c.side): c for c in _claims(body)}


# Running totals and single handovers


def test_largest_since_is_a_comparison_not_a_running_total():
    claims = _by("Both sides freed 150 Ukrainian prisoners and 150 Russian prisoners in the largest swap since the war began.")
    assert claims[(150, "ukraine")].measure == "transferred"


def test_has_now_marks_a_running_total():
    claims = _by("The mediators said they had now secured the release of 2,100 Ukrainian prisoners.")
    assert claims[(2100, "ukraine")].measure == "cumulative"


def test_a_year_alone_is_a_running_total():
    claims = _by("The centre said Ukraine has received 7,500 bodies in 2024 alone.")
    assert claims[(7500, "ukraine")].measure == "cumulative"


def test_last_year_opening_a_sentence_counts_a_year():
    claims = _by("Last year, Ukraine recovered 4,200 bodies, the centre said.")
    reading = claims[(4200, "ukraine")]
    assert reading.measure == "cumulative"
    assert reading.as_of == date(2025, 3, 14)


def test_opening_phrase_after_a_colon_sets_the_measure():
    claims = _by("The pattern is clear: since April, Russia has handed over 3,000 Ukrainian bodies.")
    assert claims[(3000, "ukraine")].measure == "cumulative"


def test_a_past_event_last_year_is_not_when_the_figure_was_said():
    claims = _by("The ministry said 70 Russian soldiers and 30 civilians taken during the raid last year were returned.")
    assert claims[(30, "russia")].as_of == date(2025, 3, 14)


# Plans


def test_reduced_clause_due_to_be_freed_is_a_plan():
    claims = _by("Officials said more rounds would follow, with 400 more prisoners from each side due to be freed.")
    assert claims[(400, "ukraine")].measure == "planned"
    assert claims[(400, "russia")].measure == "planned"


def test_a_plans_weekday_lies_ahead():
    claims = _by("Officials said 200 Ukrainian prisoners will be freed on Sunday.")
    assert claims[(200, "ukraine")].as_of == date(2025, 3, 14)


# Parts


def test_n_of_them_after_a_total_is_a_part_and_so_is_the_rest_of_the_list():
    claims = _by("The president said 300 Ukrainians had come home, 250 of them soldiers and 50 civilians.")
    assert claims[(300, "ukraine")].measure == "transferred"
    assert claims[(250, "ukraine")].measure == "other"
    assert claims[(50, "ukraine")].measure == "other"


# Captives held


def test_civilians_held_by_a_country_are_the_other_sides_captives():
    claims = _by("The ombudsman said at least 2,000 civilians are held by Russia.")
    reading = claims[(2000, "ukraine")]
    assert reading.subject == "prisoners"
    assert reading.measure == "other"
    assert reading.recipient is None


# Headlines listing two figures


def test_headline_hands_back_names_the_other_sides_people():
    claims = _claims("Ukraine gets 900 soldiers’ bodies, hands back 40")
    forty = next(c for c in claims if c.value == 40)
    assert (forty.subject, forty.side, forty.recipient) == ("bodies", "russia", "russia")


def test_headline_receiver_named_before_the_listed_figure():
    claims = _claims("Ukraine Recovers Bodies of 900 Fallen Soldiers; Russia Receives 40")
    forty = next(c for c in claims if c.value == 40)
    assert (forty.subject, forty.side, forty.recipient) == ("bodies", "russia", "russia")


# The dead


def test_the_attack_takes_its_attacker_from_the_sentence_before():
    claims = _claims("Russia launched dozens of drones at the base overnight. The attack killed at least nine soldiers.")
    nine = next(c for c in claims if c.value == 9)
    assert (nine.subject, nine.side) == ("killed", "ukraine")


def test_civilians_killed_in_a_country_are_its_own():
    claims = _claims("Monitors say 9,000 civilians have been killed in Ukraine since the invasion began.")
    reading = next(c for c in claims if c.value == 9000)
    assert (reading.subject, reading.side, reading.measure) == ("killed", "ukraine", "cumulative")


def test_losses_are_a_running_total_of_the_dead():
    claims = _claims("In an interview about its own losses, the president said 40,000 Ukrainian soldiers had been killed.")
    reading = next(c for c in claims if c.value == 40000)
    assert reading.measure == "cumulative"


def test_registered_as_killed_counts_the_dead():
    claims = _claims("The president said 50,000 Ukrainian soldiers had been officially registered as killed.")
    assert next(c for c in claims if c.value == 50000).subject == "killed"


# Speakers


def test_the_statement_said_is_the_last_speaker():
    claims = _claims("The ministry of defence said on Monday that 40 Russian servicemen were returned. "
                     "In return, 40 Ukrainian prisoners were handed over, the statement said.")
    reading = next(c for c in claims if c.side == "ukraine")
    assert reading.claimant and "ministry" in reading.claimant.lower()


def test_according_to_the_report_is_the_last_speaker():
    claims = _claims("The Steppe Centre said on Monday it had received 500 bodies. "
                     "According to the report, 300 of the bodies came from the Donetsk front.")
    part = next(c for c in claims if c.value == 300)
    assert part.claimant == "The Steppe Centre"


def test_a_partner_together_with_is_not_the_speaker():
    claims = _claims("Monitors North, together with the Steppe Herald, has confirmed the names of 90,000 Russian soldiers killed.")
    assert claims[0].claimant == "Monitors North"


def test_a_count_of_an_outlet_is_the_outlets():
    claims = _claims("Russia has handed over 5,000 Ukrainian bodies, according to the Steppe Herald’s count based on official data.")
    assert claims[0].claimant == "the Steppe Herald"


def test_an_unnamed_official_is_an_anonymous_source():
    claims = _claims("Ukraine offered to swap 500 Ukrainian prisoners, a Ukrainian official familiar with the talks said.")
    assert claims[0].claimant == "an anonymous source"
