"""The machine reader, read against sentences in the styles news articles use."""

from datetime import date
from pathlib import Path

import pytest

from etl.extract import extract_claims
from etl.parse.article import Article, ArticleMeta

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
THURSDAY = date(2025, 7, 17)


def article(text, published=THURSDAY, body=None):
    return Article(
        source_id="test", file_name="test.txt", sha256="", text=text,
        meta=ArticleMeta(published=published), body=body or [(0, len(text))],
    )


def claims(text, **kwargs):
    return extract_claims(article(text, **kwargs))


def only(text, **kwargs):
    found = claims(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


def seed(prefix, published):
    path = next(ARTICLES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    return extract_claims(article(text, published=published))


def test_bodies_of_ukrainian_soldiers_returned_by_russia():
    c = only("Russia returned the bodies of 1,000 Ukrainian soldiers, authorities in Moscow said Thursday.")
    assert (c.value, c.figure, c.subject, c.side, c.recipient) == (1000, "1,000", "bodies", "ukraine", "ukraine")
    assert (c.qualifier, c.measure, c.claimant) == ("exact", "transferred", "authorities in Moscow")
    assert c.as_of == THURSDAY and c.event_kind == "repatriation"


def test_offsets_point_into_the_text():
    text = "Headline\n\nRussia returned the bodies of 1,000 Ukrainian soldiers. Other news."
    c = only(text)
    assert text[c.figure_start:c.figure_end] == "1,000"
    assert text[c.quote_start:c.quote_end] == "Russia returned the bodies of 1,000 Ukrainian soldiers."


def test_only_body_spans_are_read():
    text = "Russia returned 500 bodies.\n\nSubscribe: 1,000 prisoners freed in our archive."
    found = claims(text, body=[(0, 27)])
    assert [c.value for c in found] == [500]


def test_received_remains_of_russian_soldiers():
    c = only("Moscow said it received the remains of 51 Russian soldiers in the latest exchange.")
    assert (c.subject, c.side, c.recipient, c.claimant) == ("bodies", "russia", "russia", "Moscow")


def test_bringing_the_total_is_cumulative():
    found = claims(
        "Moscow said it received the remains of 51 Russian soldiers in the latest exchange, "
        "bringing the total number of bodies returned by Ukraine to 78."
    )
    assert [(c.value, c.measure) for c in found] == [(51, "transferred"), (78, "cumulative")]
    assert found[1].side == "russia" and found[1].as_of == THURSDAY


def test_killed_troops_handed_over_are_bodies():
    c = only("Kyiv gave over 19 killed Russian troops.")
    assert (c.qualifier, c.subject, c.side, c.recipient) == ("exact", "bodies", "russia", "russia")


def test_brought_home_defenders_are_prisoners():
    c = only("Ukraine brought home 95 defenders from Russian captivity on Friday.", published=date(2025, 7, 19))
    assert (c.subject, c.side, c.recipient, c.measure) == ("prisoners", "ukraine", "ukraine", "transferred")
    assert c.as_of == date(2025, 7, 18) and c.event_kind == "prisoner_exchange"


def test_servicemen_in_a_russian_report():
    c = only("The Russian Defence Ministry said 84 servicemen were returned from Ukrainian-controlled territory.")
    assert (c.subject, c.side, c.recipient) == ("prisoners", "russia", "russia")
    assert c.claimant == "The Russian Defence Ministry"


def test_zelensky_on_telegram():
    c = only("Zelensky said on Telegram that 1,000 Ukrainians had been freed.")
    assert (c.claimant, c.subject, c.side, c.recipient) == ("Zelensky", "prisoners", "ukraine", "ukraine")


@pytest.mark.parametrize(
    "sentence,value,qualifier",
    [
        ("Russia returned some 500 bodies to Ukraine.", 500, "about"),
        ("Nearly 1,200 bodies were returned to Ukraine.", 1200, "about"),
        ("Almost 300 prisoners were freed.", 300, "about"),
        ("More than 6,000 bodies were returned to Ukraine.", 6000, "more_than"),
        ("Upwards of 400 prisoners were released.", 400, "more_than"),
        ("At least 90 prisoners were freed by Russia.", 90, "at_least"),
        ("No fewer than 90 prisoners were freed by Russia.", 90, "at_least"),
        ("Up to 150 prisoners could be swapped, officials said.", 150, "up_to"),
        ("As many as 150 prisoners were swapped.", 150, "up_to"),
        ("Fewer than 40 bodies were handed over to Russia.", 40, "fewer_than"),
        ("Russia handed over 1,000 bodies to Ukraine.", 1000, "exact"),
    ],
)
def test_qualifiers(sentence, value, qualifier):
    c = only(sentence)
    assert (c.value, c.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    "sentence,value,figure",
    [
        ("Russia handed over a further 909 bodies.", 909, "909"),
        ("Two hundred prisoners were released by Russia.", 200, "Two hundred"),
        ("Russia returned 1 000 bodies to Ukraine.", 1000, "1 000"),
        ("Russia returned 1\u00a0000 bodies to Ukraine.", 1000, "1\u00a0000"),
        ("Russia Returns 1K Bodies to Ukraine", 1000, "1K"),
        ("Russia Returns 1.2K Bodies to Ukraine", 1200, "1.2K"),
        ("Ukraine received two thousand bodies.", 2000, "two thousand"),
    ],
)
def test_figures_as_written(sentence, value, figure):
    c = only(sentence)
    assert (c.value, c.figure) == (value, figure)


def test_number_split_across_a_wrapped_line():
    text = (
        "Russia returned the bodies of Ukrainian soldiers to Kyiv on Thursday in a long handover of\n"
        "1,000 fallen troops, the largest in months, officials said after a day of talks in the city.\n"
        "The ministry said that the work of identification would continue over the coming months.\n"
        "Lawyers for the families said the process was slow and that many were still unidentified.\n"
        "Investigators said they were working with the Red Cross on examinations of the remains.\n"
    )
    c = only(text)
    assert c.value == 1000 and c.subject == "bodies"
    assert "\n" in text[c.quote_start:c.quote_end]


def test_each_side_gives_one_claim_per_side():
    found = claims("Moscow and Kyiv agreed last month to exchange the bodies of 6,000 soldiers each.")
    assert [(c.side, c.recipient, c.measure) for c in found] == [
        ("russia", "russia", "agreed"), ("ukraine", "ukraine", "agreed")
    ]
    assert found[0].event_kind == "agreement"
    assert (found[0].event_date, found[0].event_date_precision) == (date(2025, 6, 1), "month")
    assert found[0].as_of is None


def test_captives_returned_on_each_side():
    found = claims("It was the largest prisoner exchange of the war: 1,000 captives returned on each side.")
    assert sorted(c.side for c in found) == ["russia", "ukraine"]
    assert {c.subject for c in found} == {"prisoners"}


@pytest.mark.parametrize("swap", ["84 for 84", "84-for-84"])
def test_x_for_y_swaps_are_two_claims(swap):
    found = claims(f"Ukraine and Russia exchanged prisoners {swap} on Friday.", published=date(2025, 7, 19))
    assert [(c.value, c.side, c.subject) for c in found] == [(84, "ukraine", "prisoners"), (84, "russia", "prisoners")]


def test_x_for_y_from_a_russian_voice_puts_russia_first():
    found = claims("The Russian Defence Ministry said prisoners were swapped 150 for 150.")
    assert [c.side for c in found] == ["russia", "ukraine"]


def test_cumulative_since_the_start():
    c = only("Over 5,000 Ukrainian captives have returned from Russian detention since the start of the invasion.")
    assert (c.qualifier, c.subject, c.side, c.measure) == ("more_than", "prisoners", "ukraine", "cumulative")


def test_offered_and_planned():
    offered = only("Russia offered to hand over another 2,239 bodies of Ukrainian soldiers.")
    planned = only("Russia plans to return the bodies of 2,000 more Ukrainian soldiers in the near future.")
    assert (offered.measure, planned.measure) == ("offered", "planned")
    assert offered.event_kind == "other" and planned.event_kind == "repatriation"


def test_agreed_deal_with_up_to():
    found = claims("The deal provides for the return of up to 6,000 bodies on each side.")
    assert [(c.qualifier, c.measure, c.side) for c in found] == [("up_to", "agreed", "russia"), ("up_to", "agreed", "ukraine")]


def test_he_added_points_back_to_the_speaker():
    text = (
        '"Another 1,000 bodies were handed over to Ukraine today," Kremlin aide Vladimir Medinsky said on Telegram.\n\n'
        "Ukraine handed over 19 killed Russian soldiers, he added."
    )
    found = claims(text)
    assert [c.claimant for c in found] == ["Vladimir Medinsky", "Vladimir Medinsky"]
    assert found[0].as_of == THURSDAY


def test_quote_paragraph_takes_the_speaker_of_the_next_paragraph():
    text = (
        "“Another 1,000 bodies of Ukrainian soldiers were handed over to Ukraine today,”\n\n"
        "Moscow’s chief negotiator, Vladimir Medinsky, wrote on Telegram."
    )
    assert only(text).claimant == "Vladimir Medinsky"


@pytest.mark.parametrize(
    "sentence,claimant",
    [
        ("Russia returned 1,000 bodies to Ukraine, according to Vladimir Medinsky, who leads the delegation.", "Vladimir Medinsky"),
        ("Russia returned 1,000 bodies to Ukraine, said Dmytro Lubinets, Ukraine's human rights commissioner.", "Dmytro Lubinets"),
        ("Ukrainian Defense Minister Rustem Umerov said Kyiv had received 1,000 bodies.", "Rustem Umerov"),
        ("An anonymous source told RIA Novosti that Russia would return 2,000 bodies.", "An anonymous source"),
        ("Russia’s Defense Ministry reported a slightly higher figure of 1,248 bodies.", "Russia’s Defense Ministry"),
        ("Russia returned 1,000 bodies to Ukraine on Thursday.", None),
    ],
)
def test_claimants(sentence, claimant):
    assert only(sentence).claimant == claimant


def test_dates():
    explicit = only("By June 15, 2025, Russia had transferred 1,200 Ukrainian bodies.")
    day_first = only("On 11 June, Russia handed over 1,200 bodies to Ukraine.")
    yesterday = only("Russia handed over 1,200 bodies to Ukraine yesterday.")
    no_cue = only("Russia handed over 1,200 bodies to Ukraine.")
    assert explicit.as_of == date(2025, 6, 15)
    assert day_first.as_of == date(2025, 6, 11)
    assert yesterday.as_of == date(2025, 7, 16)
    assert no_cue.as_of == THURSDAY  # an undated handover: the day it was reported


def test_since_dates_are_not_as_of():
    c = only("More than 5,000 Ukrainian prisoners have been freed since February 24, 2022.")
    assert c.measure == "cumulative" and c.as_of == THURSDAY


def test_death_tolls():
    assert only("The strike killed 27 servicemen, officials said.").subject == "killed"
    c = only("At least 12 Ukrainian soldiers were killed in the attack.")
    assert (c.subject, c.side, c.qualifier, c.recipient) == ("killed", "ukraine", "at_least", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tens of thousands of soldiers have been killed on both sides.",
        "Two rounds of talks in Istanbul produced no ceasefire.",
        "The three-year war has no end in sight.",
        "Thousands of prisoners remain in Russian hands.",
        "Russia invaded Ukraine in February 2022.",
        "The exchange took place on July 17, 2025.",
        "The 25-year-old soldier was freed.",
        "Ukraine spent $2 million on the exchange.",
        "Support for the deal rose to 60% among Ukrainians.",
        "Refrigerated trucks carried the bodies for 12 hours over 300 kilometres.",
        "He was the 1,000th prisoner to be freed.",
    ],
)
def test_numbers_that_count_no_people(sentence):
    assert claims(sentence) == []


def test_claims_are_sorted_by_figure_and_side():
    found = claims("Russia and Ukraine swapped 1,000 for 1,000 prisoners, and 6,000 bodies each were returned.")
    keys = [(c.figure_start, c.side) for c in found]
    assert keys == sorted(keys)


def test_seed_000_figures():
    found = seed("000", THURSDAY)
    assert [(c.figure, c.side) for c in found] == [
        ("1K", "ukraine"), ("1,000", "ukraine"), ("19", "russia"), ("2,000", "ukraine"),
        ("6,000", "russia"), ("6,000", "ukraine"),
    ]
    assert found[3].measure == "planned" and found[4].measure == "agreed"


def test_seed_003_figures():
    found = seed("003", date(2025, 6, 16))
    assert [(c.figure, c.measure) for c in found] == [
        ("1.2K", "transferred"), ("1,245", "transferred"), ("6,000", "agreed"), ("1,245", "transferred"),
        ("6,000", "cumulative"), ("1,248", "transferred"), ("2,239", "offered"), ("51", "transferred"),
        ("78", "cumulative"), ("6,000", "agreed"),
    ]
    assert found[4].claimant == "Rustem Umerov"
    assert found[5].claimant == "Russia’s Defense Ministry"


def test_seed_004_figures():
    found = seed("004", date(2025, 7, 16))
    three = next(c for c in found if c.figure == "three")
    assert (three.value, three.subject, three.side) == (3, "bodies", "russia")
    captives = [c for c in found if c.subject == "prisoners" and c.measure == "transferred"]
    assert sorted(c.side for c in captives) == ["russia", "ukraine"]
    onset = [c for c in found if c.subject == "prisoners" and c.measure == "cumulative"]
    assert [(c.value, c.qualifier, c.side) for c in onset] == [(5000, "more_than", "ukraine")]
