"""The outlet's name from appeals and rights notices: no pronouns, platforms or legal forms."""

from etl.parse.metadata import read_metadata


def test_support_us_names_no_outlet():
    text = "Daily Courier\nSupport us\n\nHeadline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n"
    assert read_metadata(text).outlet != "us"


def test_appeal_on_a_platform_names_the_outlet():
    text = "Headline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n\nSupport Steppe Herald on Patreon!\n"
    assert read_metadata(text).outlet == "Steppe Herald"


def test_our_channel_is_no_outlet():
    text = "Headline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n\nSubscribe to our channel on Telegram\n"
    assert read_metadata(text).outlet is None


def test_rights_holder_without_legal_form():
    text = ("Headline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n\n"
            "© Limited Liability Company \"Steppe Media\", 2010–2025. All rights reserved.\n")
    assert read_metadata(text).outlet == "Steppe Media"


def test_rights_notice_after_a_sentence():
    text = ("Headline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n\n"
            "All rights reserved. Quoting requires a link. © 2015-2025 Steppe Herald\n")
    assert read_metadata(text).outlet == "Steppe Herald"


def test_masthead_over_the_company_that_holds_the_rights():
    text = ("The Courier\n\nHeadline about a prisoner swap here\n\nThe swap took place on Monday, officials said.\n\n"
            "© 2025 Courier News & Media Limited or its affiliated companies. All rights reserved.\n")
    assert read_metadata(text).outlet == "The Courier"


def test_related_headlines_under_other_topics_are_furniture():
    from etl.parse import parse_article

    text = ("Headline about a prisoner swap here\n\nThe swap took place on Monday, officials said, and it went well.\n\n"
            "Other Topics of Interest\nStrike on City Kills 3, Injures 17\n")
    article = parse_article(text.encode(), "story.txt")
    body = "".join(article.text[s:e] for s, e in article.body)
    assert "Kills 3" not in body
