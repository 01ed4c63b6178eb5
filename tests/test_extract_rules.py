"""General rules of the machine reader, each read against an invented sentence."""

from datetime import date

from etl.extract import extract_claims
from etl.parse import parse_article
from etl.parse.article import Article, ArticleMeta

MONDAY = date(2025, 3, 10)


def claims(text, published=MONDAY):
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=text,
        meta=ArticleMeta(published=published), body=[(0, len(text))],
    )
    return extract_claims(article)


def by_figure(text, **kwargs):
    return {(c.figure, c.side): c for c in claims(text, **kwargs)}


def test_undated_handover_is_as_of_the_day_reported():
    (c,) = claims("Moscow handed over 412 bodies of Ukrainian soldiers, officials said.")
    assert (c.measure, c.as_of) == ("transferred", MONDAY)


def test_total_stated_earlier_has_no_day():
    (c,) = claims("Kyiv has brought home 2,900 captives since the war began, the ombudsman said last month.")
    assert (c.measure, c.as_of) == ("cumulative", None)


def test_list_shares_the_noun_of_the_figure_before():
    found = by_figure("Kyiv said 640 Ukrainians came home this week: 210 on Monday, 230 on Tuesday and 200 today.")
    assert {f for f, _ in found} == {"640", "210", "230", "200"}
    assert found[("230", "ukraine")].subject == "prisoners"
    assert found[("210", "ukraine")].as_of == date(2025, 3, 10)  # the publication day is a Monday


def test_gapped_second_side():
    found = by_figure("In the handover, Ukraine got back 350 bodies and Russia 41.")
    assert found[("41", "russia")].subject == "bodies"
    assert found[("41", "russia")].recipient == "russia"


def test_securing_release_is_receiving():
    (c,) = claims("Ukraine secured the release of 96 soldiers in a deal brokered by Qatar.")
    assert (c.side, c.recipient) == ("ukraine", "ukraine")


def test_possessive_its_takes_the_country_named():
    (c,) = claims("Russia said 62 of its servicemen had returned from captivity.")
    assert c.side == "russia"


def test_country_that_repatriates_receives():
    (c,) = claims("Ukraine has repatriated 320 bodies of fallen defenders this year, according to officials.")
    assert c.recipient == "ukraine"


def test_people_who_are_home_are_prisoners():
    (c,) = claims("“Today 146 of our soldiers are home,” the president wrote.")
    assert c.subject == "prisoners"


def test_of_those_freed_counts_prisoners():
    found = claims("Moscow returned 150 Ukrainian captives. Officials said 30 of those freed were civilians.")
    assert [c.value for c in found if c.subject == "prisoners"] == [150, 30]


def test_terms_of_a_swap_name_the_deal():
    found = claims("Observers expect the 500-for-500 prisoner swap to be completed soon.")
    assert {c.measure for c in found} == {"agreed"}
    assert {c.side for c in found} == {"ukraine", "russia"}


def test_plan_under_a_deal_is_its_target():
    found = claims("The sides agreed on a swap in Geneva, under which each is to free 400 detainees.")
    assert {c.measure for c in found} == {"agreed"}


def test_stages_and_days_make_a_total():
    (c,) = claims("Over four days, 800 Russian servicemen were returned to Russia.")
    assert c.measure == "cumulative"
    (c,) = claims("Russia handed over 2,100 bodies to Ukraine in several stages.")
    assert c.measure == "cumulative"


def test_held_since_is_not_a_total():
    (c,) = claims("Kyiv said 44 of the freed men had been held since 2022.")
    assert c.measure == "other"  # a part of the handover, not a running total


def test_capture_is_other_with_no_recipient():
    (c,) = claims("Kyiv says its forces captured about 120 Russian soldiers near Sudzha.")
    assert (c.measure, c.recipient, c.side) == ("other", None, "russia")


def test_date_range_start_is_not_a_figure():
    found = claims("The swap ran from 12 to 14 March 2025, when each side freed 300 prisoners.")
    assert {c.value for c in found} == {300}
    assert {c.as_of for c in found} == {date(2025, 3, 14)}


def test_end_of_year():
    (c,) = claims("By the end of 2024, Ukraine had brought back 3,900 prisoners, officials said.")
    assert c.as_of == date(2024, 12, 31)


def test_quotation_over_two_sentences_takes_its_speaker():
    text = "“It was a hard day. 88 Ukrainian soldiers are back home,” Ombudsman Dmytro Lubinets said."
    (c,) = claims(text)
    assert c.claimant == "Dmytro Lubinets"


def test_quotation_opened_after_a_colon():
    text = 'Volodymyr Zelensky wrote on Telegram: "We did it. 64 of our people are free."'
    (c,) = claims(text)
    assert (c.claimant, c.side) == ("Volodymyr Zelensky", "ukraine")


def test_told_names_the_hearer_not_the_speaker():
    (c,) = claims("Dmytro Lubinets told the Kyiv Gazette that 12 Ukrainian civilians came home.")
    assert c.claimant == "Dmytro Lubinets"


def test_short_name_is_the_full_name_given_earlier():
    text = ("Russia's Ministry of Defence said 75 Russian servicemen were returned. "
            "The ministry said that 75 Ukrainian prisoners were handed over in return.")
    found = claims(text)
    assert found[-1].claimant == "Russia's Ministry of Defence"


def test_pronoun_subject_is_the_last_speaker():
    text = "The Russian Defence Ministry confirmed the handover. It also offered to return another 500 bodies."
    (c,) = claims(text)
    assert c.claimant == "The Russian Defence Ministry"
    assert c.measure == "offered"


def test_headline_credit_after_a_dash():
    (c,) = claims("Russia gets back 90 servicemen from Ukrainian captivity — Defence Ministry")
    assert c.claimant == "Defence Ministry"


def test_unknown_side_from_the_same_figure_in_the_body():
    text = "Ninety prisoners come home\n\nNinety Ukrainian prisoners of war returned from Russia on Sunday."
    found = claims(text)
    assert [c.side for c in found] == ["ukraine", "ukraine"]


def test_wrapped_last_line_of_a_paragraph_is_kept():
    text = ("Ukraine and Russia freed 95 prisoners each on Friday in a swap\n"
            "mediated by the United Arab Emirates, officials said after the\n"
            "exchange.\n\n"
            "More than 4,000 Ukrainians have been freed since the start of\n"
            "the full-scale invasion, according to the Coordination\n"
            "Headquarters.\n")
    article = parse_article(text.encode(), "wrapped.txt")
    assert article.text[article.body[-1][0]:article.body[-1][1]].endswith("Headquarters.")


def test_references_section_is_furniture():
    text = ("Exchanges\n\nOn 5 May 2024, each side released 75 prisoners of war after long talks in Abu Dhabi.\n\n"
            "References\n1. \"75 for 75\". 5 May 2024.\n")
    article = parse_article(text.encode(), "ref.txt")
    assert "References" not in article.text[article.body[-1][0]:article.body[-1][1]]
