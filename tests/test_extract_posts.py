"""Pages of dated posts: a channel's footers, a live blog's headings."""

from datetime import date

from etl.extract.dates import post_dates
from etl.extract.reader import extract_claims
from etl.parse import parse_article


def _claims(text):
    return extract_claims(parse_article(text.encode(), "posts.txt"))


CHANNEL = (
    "Border Exchange Desk\n\n"
    "Today 64 captives came home from Russian captivity.\n\n"
    "👁 12.4K   Mar 3, 2025 at 10:15\n\n"
    "Today the bodies of 410 fallen defenders were returned to Ukraine.\n\n"
    "👁 9.1K   edited  Mar 14, 2025 at 18:02\n"
)


def test_channel_footers_date_the_posts_above_them():
    assert [day for *_, day in post_dates(CHANNEL, None)] == [date(2025, 3, 3), date(2025, 3, 14)]


def test_figures_in_a_post_take_the_post_day():
    claims = {c.value: c for c in _claims(CHANNEL)}
    assert claims[64].as_of == date(2025, 3, 3)
    assert claims[410].as_of == date(2025, 3, 14)


def test_live_blog_headings_date_the_posts_below_them():
    text = (
        "Live: prisoner exchange\n\n"
        "4 May 2025, 09:10\n\n"
        "Kyiv says 75 prisoners were freed today.\n\n"
        "5 May 2025, 11:40\n\n"
        "Moscow says it received 31 prisoners today.\n"
    )
    claims = {c.value: c for c in _claims(text)}
    assert claims[75].as_of == date(2025, 5, 4)
    assert claims[31].as_of == date(2025, 5, 5)


def test_a_single_timestamp_is_no_page_of_posts():
    assert post_dates("Today 64 captives came home.\n\nMar 3, 2025 at 10:15\n", None) == []
