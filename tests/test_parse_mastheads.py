"""The outlet named by its masthead, not by the company behind it, its channel or a gloss."""

from etl.parse.metadata import read_metadata

STORY = "\n\nPrisoners come home in a new swap on the border\n\nThe swap took place on Monday, officials said.\n\n"


def test_masthead_over_the_company_that_holds_the_rights():
    text = "Prairie News\nLive\nShows" + STORY + "© 2026 Prairie Interactive Inc. All Rights Reserved.\n"
    assert read_metadata(text).outlet == "Prairie News"


def test_masthead_in_capitals_after_a_cookie_banner():
    text = ("We use cookies to give you the best experience. Accept all\n\nTHE HERALD\nSections | Puzzles"
            + STORY + "© Herald Media Limited 2023. Registered in England.\n")
    assert read_metadata(text).outlet == "The Herald"


def test_masthead_sharing_only_the_first_word():
    text = "Lake News\nHome  World  Politics" + STORY + "© 2022 Lake UK\n"
    assert read_metadata(text).outlet == "Lake News"


def test_unrelated_first_line_is_no_masthead():
    text = "Breaking Story\nHome" + STORY + "© 2022 Lake Media\n"
    assert read_metadata(text).outlet == "Lake Media"


def test_the_outlets_telegram_channel_is_the_outlet():
    text = "Steppe Daily" + STORY + "Subscribe to Steppe Daily's Telegram channel\n"
    assert read_metadata(text).outlet == "Steppe Daily"


def test_a_gloss_in_brackets_is_not_part_of_the_name():
    text = "Headline about a prisoner swap here" + STORY + "© 2025 SV (Steppe Voice). All rights reserved.\n"
    assert read_metadata(text).outlet == "SV"
