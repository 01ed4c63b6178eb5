"""Sides, parts of a total, the dead and the still-held, each read against an invented sentence."""

from datetime import date

from etl.extract import extract_claims
from etl.extract.figures import find_figures
from etl.parse.article import Article, ArticleMeta

PUBLISHED = date(2025, 4, 16)


def claims(text):
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=text,
        meta=ArticleMeta(published=PUBLISHED), body=[(0, len(text))],
    )
    return extract_claims(article)


def read(text):
    return {(c.figure, c.side): c for c in claims(text)}


def test_each_before_the_verb_gives_one_claim_per_side():
    for sentence in (
        "Kyiv and Moscow each released 212 captives on Tuesday.",
        "The two countries each handed over 64 prisoners.",
        "Russia and Ukraine each traded 47 POWs in the Gulf-brokered deal.",
    ):
        found = read(sentence)
        assert {side for _, side in found} == {"ukraine", "russia"}, sentence
        assert all(c.recipient == c.side for c in found.values()), sentence


def test_each_after_the_noun_with_swap_verbs():
    found = read("Moscow and Kyiv swap 73 detainees each after weeks of talks.")
    assert {side for _, side in found} == {"ukraine", "russia"}
    found = read("A total of 58 captives were exchanged on each side at the border.")
    assert {side for _, side in found} == {"ukraine", "russia"}


def test_counts_of_sides_rounds_and_days_are_not_people():
    text = "The two delegations agreed that both sides would swap prisoners in three stages over four days."
    assert [f.text for f in find_figures(text)] == []
    assert claims("The two sides freed 96 soldiers in two rounds.")[0].figure == "96"


def test_telephone_numbers_are_not_figures():
    found = claims("Families of the 41 freed captives may ring the hotline 0 800 212 417 for details.")
    assert [c.figure for c in found] == ["41"]


def test_prisoners_of_the_armed_forces_of_a_country():
    (c,) = claims("Overnight, 127 prisoners of war of the Armed Forces of Ukraine were handed over in Belarus.")
    assert (c.subject, c.side) == ("prisoners", "ukraine")


def test_our_warriors_returning_home_is_the_speakers_side():
    (c,) = claims('"163 of our warriors are returning home," Zelensky wrote on Telegram.')
    assert (c.subject, c.side) == ("prisoners", "ukraine")


def test_part_of_a_total_named_with_its_nationality():
    found = read("According to the ombudsman, the freed Ukrainians include 38 members of the border service.")
    c = found[("38", "ukraine")]
    assert (c.subject, c.measure) == ("prisoners", "other")


def test_parts_after_of_the_total_take_its_subject_and_side():
    text = "Kyiv said 140 Ukrainians were freed on Monday. Of the 140, 131 were soldiers and nine were civilians."
    found = read(text)
    assert found[("131", "ukraine")].subject == "prisoners"
    assert found[("nine", "ukraine")].subject == "prisoners"


def test_among_them_carries_the_people_before():
    text = "Ukraine brought home 210 soldiers on Friday. Among them are 44 marines from Mariupol."
    assert read(text)[("44", "ukraine")].subject == "prisoners"


def test_death_toll_of_a_strike_is_the_victims_side():
    (c,) = claims("Four soldiers were killed when a Russian missile strike hit a base near Sumy on Sunday.")
    assert (c.subject, c.side, c.recipient, c.measure) == ("killed", "ukraine", None, "other")
    (c,) = claims("Ukrainian drone attacks on Kursk killed two servicemen, the governor said.")
    assert (c.subject, c.side) == ("killed", "russia")


def test_captives_among_the_dead_are_counted_as_killed():
    found = read("Forty-two Russian prisoners of war were among 51 people killed when the transport plane came down.")
    assert found[("Forty-two", "russia")].subject == "killed"
    assert found[("51", "both")].subject == "killed"  # the captives and the others aboard


def test_people_still_held_are_no_handover():
    (c,) = claims("More than 7,500 Ukrainians remain in Russian captivity, the ombudsman said.")
    assert (c.subject, c.side, c.recipient, c.measure) == ("prisoners", "ukraine", None, "other")
    (c,) = claims("By then Russia was holding nearly 14,000 Ukrainians.")
    assert (c.measure, c.recipient) == ("other", None)


def test_bodies_returned_to_the_speaker():
    (c,) = claims("Ukraine's ministry says 909 bodies were returned")
    assert (c.side, c.recipient) == ("ukraine", "ukraine")


def test_secured_return_of_civilians():
    (c,) = claims("Moscow also secured the return of 11 civilians from the border region.")
    assert (c.subject, c.side, c.recipient) == ("prisoners", "russia", "russia")


def test_a_participle_after_the_noun_names_no_giver():
    found = claims('"Our people are home," Zelensky wrote, adding that the 93 men freed included medics.')
    assert all(c.side != "russia" for c in found)


def test_ages_are_not_figures():
    found = claims("The swap freed 75 soldiers, among them prisoners under 21 and two men over 60.")
    assert "21" not in [c.figure for c in found] and "60" not in [c.figure for c in found]
    assert [c.figure for c in claims("Volunteers under the age of 30 were among the 64 detainees released.")] == ["64"]


def test_running_total_of_nationals_freed():
    (c,) = claims("It was the 52nd swap, bringing the number of Russians freed to 1,904.")
    assert (c.value, c.subject, c.side, c.measure) == (1904, "prisoners", "russia", "cumulative")


def test_people_received_are_a_handover():
    (c,) = claims("In this round the Ukrainian side received 118 of its marines.")
    assert (c.subject, c.side, c.recipient) == ("prisoners", "ukraine", "ukraine")


def test_each_side_with_a_bare_figure_takes_the_people_before():
    found = read("Kyiv and Moscow exchanged 66 captives each on Monday. On Tuesday each side handed over 70 more.")
    assert {(f, s) for f, s in found if f == "70"} == {("70", "ukraine"), ("70", "russia")}
    assert all(c.subject == "prisoners" for c in found.values())


def parts(text):
    """{figure: measure} for a one-paragraph article published on 10 March 2024."""
    from datetime import date

    from etl.extract import extract_claims
    from etl.parse.article import Article, ArticleMeta

    article = Article("t", "t.txt", "0", text, ArticleMeta(published=date(2024, 3, 10)), [(0, len(text))])
    return {c.figure: c.measure for c in extract_claims(article)}


def test_a_part_of_those_just_freed_is_not_a_second_handover_figure():
    found = parts("Ukraine brought home 150 prisoners of war on Saturday. Doctors said 12 of those released needed surgery.")
    assert found["150"] == "transferred" and found["12"] == "other"


def test_a_breakdown_between_dashes_is_a_part_of_its_total():
    found = parts("On Saturday 150 Ukrainians – 140 soldiers and 10 civilians – were freed in the swap, officials said.")
    assert found["150"] == "transferred"
    assert found["140"] == found["10"] == "other"


def test_among_the_people_released_names_a_part():
    found = parts("Russia freed 150 Ukrainian prisoners on Saturday. Among the Ukrainians released were four medics.")
    assert found["four"] == "other"


def test_each_with_no_noun_in_a_headline_counts_the_swapped():
    found = {(c.figure, c.side): c for c in claims("Kyiv, Moscow exchange last 212 each")}
    assert set(found) == {("212", "ukraine"), ("212", "russia")}
    assert found[("212", "russia")].subject == "prisoners"


def test_for_after_a_noun_pairs_the_two_figures():
    found = {c.figure: c for c in claims("Kyiv receives 700 bodies for 31")}
    assert found["31"].subject == "bodies"
    assert found["700"].side != found["31"].side


def test_of_the_total_names_the_figure_of_that_value_read_before():
    found = read("Kyiv said 317 of its citizens came home. Moscow received 290 soldiers. "
                 "Of the 317, 300 were servicemen and 17 were civilians.")
    assert found[("300", "ukraine")].measure == "other"
    assert ("17", "ukraine") in found and ("300", "russia") not in found


def test_country_that_fires_makes_the_dead_the_other_sides():
    found = read("Russia launched 40 drones at a base near Odesa overnight, killing seven soldiers.")
    assert ("seven", "ukraine") in found


def test_people_in_a_list_closed_by_had_died_are_killed():
    found = read("Officials said 41 Ukrainian captives and two guards had died in the fire.")
    assert found[("41", "ukraine")].subject == "killed"


def test_total_dead_among_whom_one_sides_captives_is_both():
    found = read("Kyiv said that was the first news of it. Moscow says 30 Ukrainian prisoners were among 37 people killed in the crash.")
    assert found[("37", "both")].subject == "killed"


def test_both_sides_returned_gives_one_claim_per_side():
    found = read("Both sides returned 96 prisoners on Friday.")
    assert set(found) == {("96", "ukraine"), ("96", "russia")}
