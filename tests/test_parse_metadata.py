"""Metadata rules, each shown on a small made-up article."""

from datetime import date

import pytest

from etl.parse import parse_article, read_metadata
from etl.parse.language import detect_language

STORY = (
    "Russia returned the bodies of 1,000 Ukrainian soldiers on Thursday under a deal reached "
    "at peace talks in Istanbul, officials in Kyiv said.\n\n"
    "Ukraine handed over the remains of 19 Russian soldiers in return, the Russian side said, "
    "in one of the few areas of cooperation left between the two countries.\n"
)


def meta(head, story=STORY, tail=""):
    return read_metadata(head + "\n\n" + story + tail, "x.txt")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("July 17,2025", date(2025, 7, 17)),
        ("July 17, 2025", date(2025, 7, 17)),
        ("date 2025-07-17 WORLD", date(2025, 7, 17)),
        ("17 July 2025", date(2025, 7, 17)),
        ("Published: 2024-01-03 14:20", date(2024, 1, 3)),
        ("03.01.2024", date(2024, 1, 3)),
        ("17 липня 2025", date(2025, 7, 17)),
    ],
)
def test_stated_publication_dates(line, expected):
    m = meta(f"Russia returns bodies of 1,000 soldiers\n{line}")
    assert (m.published, m.published_basis) == (expected, "stated")


def test_ambiguous_slash_date_is_not_guessed():
    m = meta("Russia returns bodies of 1,000 soldiers\n01/03/2024")
    assert (m.published, m.published_basis) == (None, "unknown")


def test_dates_inside_the_story_are_not_the_publication_date():
    m = meta("Russia returns bodies of 1,000 soldiers", STORY + "\nBy June 8, 2025, both sides had confirmed an exchange would take place that week.\n")
    assert m.published is None and m.published_basis == "unknown"


def test_date_in_the_article_url_is_inferred():
    m = meta("https://example.com/world/2025/07/17/russia-returns-bodies/\nRussia returns bodies of 1,000 soldiers")
    assert m.url == "https://example.com/world/2025/07/17/russia-returns-bodies/"
    assert (m.published, m.published_basis) == (date(2025, 7, 17), "inferred")


def test_stated_date_wins_over_url_date():
    m = meta("URL: https://example.com/2025/07/16/bodies\nRussia returns bodies of 1,000 soldiers\nPublished: July 17, 2025")
    assert (m.published, m.published_basis) == (date(2025, 7, 17), "stated")


def test_title_skips_appeals_section_labels_and_date_lines():
    m = meta("Support Example News!\nWORLD\n2 min read\nJuly 17, 2025\nRussia returns bodies of 1,000 soldiers")
    assert m.title == "Russia returns bodies of 1,000 soldiers"
    assert m.outlet == "Example News"


def test_headline_hard_wrapped_over_two_lines_is_joined():
    assert meta("Russia returns bodies of 1,000\nkilled Ukrainian soldiers").title == "Russia returns bodies of 1,000 killed Ukrainian soldiers"


def test_no_headline_when_the_text_starts_with_prose():
    assert read_metadata(STORY, "x.txt").title is None


@pytest.mark.parametrize("byline", ["By Jane Doe", "Author: Jane Doe", "BY Jane Doe | July 17, 2025", "Jane Doe"])
def test_bylines(byline):
    assert meta(f"Russia returns bodies of 1,000 soldiers\n\n{byline}").author == "Jane Doe"


def test_no_author_is_invented():
    assert meta("Russia returns bodies of 1,000 soldiers").author is None


@pytest.mark.parametrize(
    "head, story, tail, wire",
    [
        ("", STORY, "\nSOURCE: AFP\n", "AFP"),
        ("", STORY, "\nSOURCE:AFP\n", "AFP"),
        ("", STORY.replace("said.\n\n", "said. (Reuters)\n\n").rstrip() + " (Reuters)\n", "", "Reuters"),
        ("", STORY.rstrip() + " — AP\n", "", "AP"),
        ("", "KYIV, Ukraine (AP) — " + STORY, "", "AP"),
        ("", "MOSCOW, July 17 (Reuters) - " + STORY, "", "Reuters"),
        ("", "MOSCOW, July 17. /TASS/. " + STORY, "", "TASS"),
        ("", STORY.replace("officials in Kyiv said.", "officials in Kyiv said, TASS reports."), "", "TASS"),
    ],
)
def test_story_wire_credits(head, story, tail, wire):
    assert meta("Russia returns bodies of 1,000 soldiers" + head, story, tail).wire == wire


def test_photo_credit_on_a_caption_is_not_the_wire():
    head = "Russia returns bodies of 1,000 soldiers\nBodies of soldiers are unloaded from a truck. / AP"
    assert meta(head).wire is None
    assert meta("Russia returns bodies of 1,000 soldiers\nBodies of soldiers are unloaded on Monday. TASS").wire is None


def test_own_agency_credit_names_the_outlet_not_a_wire():
    tail = "LEGAL WARNING: All rights reserved by Example News Agency Ltd.\n"
    m = meta("Russia returns bodies of 1,000 soldiers", STORY.rstrip() + " (ENA)\n", tail)
    assert (m.wire, m.outlet) == (None, "ENA")


def test_unknown_closing_agency_credit_is_a_wire():
    assert meta("Russia returns bodies of 1,000 soldiers", STORY.rstrip() + " (IRNA)\n").wire == "IRNA"


def test_outlet_from_dateline_and_copyright():
    assert meta("Russia returns bodies of 1,000 soldiers", "Moscow (Example Morning) – " + STORY).outlet == "Example Morning"
    m = meta("Russia returns bodies of 1,000 soldiers", STORY, "\n© 2025 Reuters. All rights reserved.\n")
    assert m.outlet == "Reuters"
    assert m.rights == "© 2025 Reuters. All rights reserved."


def test_rights_notice_is_none_when_absent():
    assert meta("Russia returns bodies of 1,000 soldiers").rights is None


@pytest.mark.parametrize(
    "text, code",
    [
        (STORY, "en"),
        ("Росія повернула Україні тіла 1000 загиблих військових, повідомив Координаційний штаб. Це вже не перший обмін.", "uk"),
        ("Россия передала Украине тела 1000 погибших военных, сообщил Мединский. Это уже не первый обмен.", "ru"),
        ("Russland hat der Ukraine die Leichen von 1000 Soldaten übergeben, wie der Unterhändler mitteilte. Die Übergabe ist nicht die erste.", "de"),
        ("La Russie a rendu à l'Ukraine les corps de 1000 soldats, a annoncé le négociateur. Les échanges sont réguliers dans le conflit.", "fr"),
        ("1000 1245 6000", None),
    ],
)
def test_language(text, code):
    assert detect_language(text) == code


def test_html_page_uses_trafilatura_for_text_and_metadata():
    html = (
        "<html><head><title>Russia returns 1,000 bodies</title>"
        "<meta name='author' content='Jane Doe'><meta property='og:site_name' content='Example News'>"
        "<meta property='article:published_time' content='2025-07-17T10:00:00Z'>"
        "<link rel='canonical' href='https://example.com/2025/07/17/russia-returns-bodies'></head>"
        f"<body><nav>Home News World</nav><article><h1>Russia returns 1,000 bodies</h1><p>{STORY.splitlines()[0]}</p>"
        f"<p>{STORY.splitlines()[2]}</p></article><footer>Contact us</footer></body></html>"
    ).encode()
    a = parse_article(html, "articles/page.html")
    assert a.meta.title == "Russia returns 1,000 bodies"
    assert a.meta.author == "Jane Doe"
    assert a.meta.outlet == "Example News"
    assert (a.meta.published, a.meta.published_basis) == (date(2025, 7, 17), "stated")
    assert "1,000 Ukrainian soldiers" in a.text
    assert any("19 Russian soldiers" in a.text[s:e] for s, e in a.body)
