"""Rows of a table copied from an encyclopedia, each read by its columns."""

from datetime import date

from etl.extract import extract_claims
from etl.parse.article import Article, ArticleMeta

TEXT = (
    "Swaps of captives\n\n"
    "The larger swaps, as the two governments reported them.\n\n"
    "Date\tUkrainian POWs returned\tRussian POWs returned\tBroker\tRemarks\n"
    "7 November 2023\t31\t29\tQatar\tIncluded 4 medics\n"
    "14 March 2024\t~90\t88\tUAE\t\n"
    "| 9 May 2024 | 62 | 60 | Turkey | |\n\n"
    "Bodies returned to Ukraine | Bodies returned to Russia | Month\n"
    "| 757 | 34 | June |\n"
)


def claims():
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=TEXT,
        meta=ArticleMeta(published=date(2025, 1, 20)), body=[(0, len(TEXT))],
    )
    return extract_claims(article)


def test_each_numeric_cell_under_a_nationality_column_is_a_claim():
    found = {(c.figure, c.side): c for c in claims() if c.measure == "transferred"}
    assert set(found) == {
        ("31", "ukraine"), ("29", "russia"), ("90", "ukraine"), ("88", "russia"), ("62", "ukraine"),
        ("60", "russia"), ("757", "ukraine"), ("34", "russia"),
    }
    assert found[("90", "ukraine")].qualifier == "about"
    c = found[("31", "ukraine")]
    assert (c.subject, c.recipient, c.measure, c.as_of) == ("prisoners", "ukraine", "transferred", date(2023, 11, 7))
    assert found[("60", "russia")].as_of == date(2024, 5, 9)
    assert found[("757", "ukraine")].subject == "bodies"
    assert found[("34", "russia")].recipient == "russia"


def test_each_row_is_its_own_quote_and_its_notes_count_part_of_its_handover():
    rows = [c for c in claims() if c.figure in ("31", "29", "4")]
    assert all(TEXT[c.quote_start:c.quote_end] == "7 November 2023\t31\t29\tQatar\tIncluded 4 medics" for c in rows)
    (note,) = [c for c in claims() if c.figure == "4"]
    assert (note.subject, note.measure, note.as_of) == ("prisoners", "other", date(2023, 11, 7))
