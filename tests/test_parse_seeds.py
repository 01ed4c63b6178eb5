"""The seed articles: their metadata, and what is story and what is furniture."""

from datetime import date
from pathlib import Path

import pytest

from etl.parse import read_article

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def article(prefix):
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return read_article(path)


def body_text(a):
    return "\n".join(a.text[start:end] for start, end in a.body)


def in_body(a, phrase):
    start = a.text.index(phrase)
    return any(s <= start and start + len(phrase) <= e for s, e in a.body)


def test_000_moscow_times_wrapped_headline_and_date():
    a = article("000")
    assert a.meta.title == "Russia Returns 1K Bodies of Killed Ukrainian Soldiers"
    assert a.meta.published == date(2025, 7, 17)
    assert a.meta.published_basis == "stated"
    assert a.meta.language == "en"
    assert not in_body(a, "Related article: Russian POWs")
    assert not in_body(a, "After Prisoner Swaps")
    assert in_body(a, "return the bodies of 2,000 more Ukrainian soldiers")
    assert in_body(a, "independently verifiable casualty figures.")


def test_001_brussels_morning_byline_outlet_and_about_us():
    a = article("001")
    assert a.meta.title == "Russia returns 1,000 Ukrainian soldiers’ bodies"
    assert a.meta.author == "Sarhan Basem"
    assert a.meta.outlet == "Brussels Morning Newspaper"
    assert a.meta.published is None and a.meta.published_basis == "unknown"
    assert a.meta.wire is None
    body = body_text(a)
    for furniture in ("About Us", "daily online newspaper", "Share This Article", "Senior Correspondent", "Subscribe for Latest Updates", "Credit: vr_medinskiy"):
        assert furniture not in body
    assert in_body(a, "bringing the total number of repatriated Ukrainian bodies to the number of over 4,800")
    assert in_body(a, "return up to 6,000 bodies on each side")


def test_002_trt_source_line_is_the_wire_and_caption_credit_is_not():
    a = article("002")
    assert a.meta.title == "Russia, Ukraine repatriate bodies of fallen soldiers"
    assert a.meta.published == date(2025, 7, 17)
    assert a.meta.wire == "AFP"
    assert in_body(a, "Russia hands Ukraine bodies of 1,000 killed soldiers. / AP")  # caption kept
    assert in_body(a, "Ukraine handed over 19 killed Russian soldiers, he added.")
    body = body_text(a)
    for furniture in ("SOURCE:AFP", "Explore", "By Esra Karataş Alpay", "Bangladesh", "Contact us", "1 min read"):
        assert furniture not in body


def test_003_moscow_times_appeal_is_outside_the_body():
    a = article("003")
    assert a.meta.title == "Russia Returns 1.2K Bodies to Ukraine in Final Stage of Repatriation Deal"
    assert a.meta.outlet == "The Moscow Times"
    assert a.meta.wire is None  # ". TASS" closes a photo caption
    assert in_body(a, "The bodies of Ukrainian servicemen returned by Russia on Monday. TASS")
    for claim in ("1,245 Ukrainian soldiers", "slightly higher figure of 1,248", "another 2,239 bodies", "bringing the total number of bodies returned by Ukraine to 78"):
        assert in_body(a, claim)
    body = body_text(a)
    for furniture in ("Support The Moscow Times!", "Sign up for our free weekly newsletter", "Our weekly newsletter", "Privacy Policy", "Dear readers", "Monthly", "Remind me later", "Read more"):
        assert furniture not in body


def test_004_ilkha_rights_own_credit_and_trailing_stories():
    a = article("004")
    assert a.meta.title == "Ukraine repatriates 1,000 bodies in ongoing exchange with Russia"
    assert a.meta.rights.startswith("LEGAL WARNING: All rights of the published news")
    assert a.meta.wire is None  # (ILKHA) is the outlet's own credit
    assert a.meta.outlet == "ILKHA"
    assert in_body(a, "with 6,057 remains handed over to Ukrainian authorities")
    assert in_body(a, "ease the human cost of the protracted conflict. (ILKHA)")
    body = body_text(a)
    for furniture in ("LEGAL WARNING", "Guterres", "Freedom Flotilla", "Ben Gurion"):
        assert furniture not in body


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_has_an_id_hash_and_offsets_into_its_text(prefix):
    a = article(prefix)
    assert a.source_id == Path(a.file_name).stem
    assert len(a.sha256) == 64
    assert a.body and all(0 <= s < e <= len(a.text) for s, e in a.body)
    assert a.text[a.body[0][0]:].startswith(a.meta.title.split()[0])
