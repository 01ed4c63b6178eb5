"""Data tables whose columns say which way the people went, dated without a year and credited by a source line."""

from datetime import date

from etl.extract import extract_claims
from etl.parse.article import Article, ArticleMeta

TEXT = (
    "Prisoners freed in the swaps of the autumn\n\n"
    "Swap\tTo Russia\tTo Ukraine\n"
    "2–4 October\t120\t130\n"
    "9 November\t45\t50\n\n"
    "Sources: the Russian defence ministry (column “To Russia”) and Ukraine's ombudsman (column “To Ukraine”).\n\n"
    "Remains repatriated this year\n\n"
    "Month | For Ukraine | For Russia\n"
    "| 5 March | 900 | 40 |\n\n"
    "Source: the International Committee of the Red Cross.\n"
)


def claims(text=TEXT, published=date(2024, 11, 20)):
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=text,
        meta=ArticleMeta(published=published), body=[(0, len(text))],
    )
    return extract_claims(article)


def test_a_column_to_a_country_counts_the_people_the_title_names_received_by_it():
    found = {c.figure: c for c in claims()}
    assert (found["45"].subject, found["45"].side, found["45"].recipient) == ("prisoners", "russia", "russia")
    assert (found["50"].subject, found["50"].side, found["50"].recipient) == ("prisoners", "ukraine", "ukraine")
    assert (found["900"].subject, found["900"].side) == ("bodies", "ukraine")
    assert (found["40"].subject, found["40"].side) == ("bodies", "russia")


def test_a_row_dated_without_a_year_takes_the_year_of_publication_or_the_one_before():
    found = {c.figure: c for c in claims()}
    assert (found["45"].as_of, found["45"].measure) == (date(2024, 11, 9), "transferred")
    later = {c.figure: c for c in claims(published=date(2025, 1, 10))}
    assert later["45"].as_of == date(2024, 11, 9)


def test_a_row_over_a_span_of_days_is_a_running_total_as_of_its_last_day():
    found = {c.figure: c for c in claims()}
    assert (found["120"].measure, found["120"].as_of) == ("cumulative", date(2024, 10, 4))
    assert (found["130"].measure, found["130"].as_of) == ("cumulative", date(2024, 10, 4))


def test_the_source_line_credits_each_column_or_the_whole_table():
    found = {c.figure: c for c in claims()}
    assert found["45"].claimant == "the Russian defence ministry"
    assert found["50"].claimant == "Ukraine's ombudsman"
    assert found["900"].claimant == "the International Committee of the Red Cross"


def test_a_sentence_that_dates_the_handover_dates_the_undated_figures():
    text = (
        "Kyiv gets 80 soldiers back in swap\n\n"
        "Ukraine brought home 80 soldiers, officials said. "
        "The exchange took place on Tuesday at the border.\n\n"
        "A commander told reporters on Friday that more than 900 Ukrainians remain in captivity.\n"
    )
    found = claims(text, published=date(2024, 6, 7))  # a Friday
    assert {c.as_of for c in found if c.figure == "80"} == {date(2024, 6, 4)}
    assert [c.as_of for c in found if c.figure == "900"] == [date(2024, 6, 7)]
