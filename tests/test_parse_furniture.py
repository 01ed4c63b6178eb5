"""Page furniture is left out of the body; the story and its captions stay in."""

from etl.parse import body_spans

PARAGRAPH = (
    "Russia returned the bodies of 1,000 Ukrainian soldiers on Thursday under a deal reached "
    "at peace talks in Istanbul, officials in Kyiv said."
)
SECOND = "Ukraine handed over the remains of 19 Russian soldiers in return, the Russian side said on Telegram."


def body(text):
    return "\n".join(text[s:e] for s, e in body_spans(text))


def test_offsets_point_into_the_original_text():
    text = "  Headline about 1,000 bodies returned  \n\n" + PARAGRAPH + "\n"
    spans = body_spans(text)
    assert spans[0][0] == 2
    assert text[spans[-1][0]:spans[-1][1]].endswith("officials in Kyiv said.")


def test_top_furniture_is_dropped_but_headline_and_caption_stay():
    text = "\n".join([
        "Support Example News!", "Home > World > Europe", "WORLD", "3 min read", "Share this article",
        "Russia returns 1,000 bodies of soldiers", "By Jane Doe", "July 17, 2025",
        "Refrigerated trucks carrying 1,000 bodies arrive. / AP", "Photo: Jane Doe", "", PARAGRAPH,
    ])
    kept = body(text)
    assert kept.startswith("Russia returns 1,000 bodies of soldiers")
    assert "Refrigerated trucks carrying 1,000 bodies arrive. / AP" in kept
    for furniture in ("Support Example News!", "Home >", "WORLD", "3 min read", "By Jane Doe", "July 17, 2025", "Photo: Jane Doe", "Share this"):
        assert furniture not in kept


def test_inline_related_link_and_its_wrapped_tail_are_dropped_mid_story():
    text = f"Headline about returned bodies\n\n{PARAGRAPH}\nRead also: Families of prisoners accuse Moscow of\nredeploying their loved ones\n\n{SECOND}\n"
    kept = body(text)
    assert "Read also" not in kept and "redeploying" not in kept
    assert PARAGRAPH in kept and SECOND in kept


def test_advertisement_mid_story_does_not_end_it():
    kept = body(f"Headline about returned bodies\n\n{PARAGRAPH}\nAdvertisement\n{SECOND}\n")
    assert "Advertisement" not in kept and SECOND in kept


def test_newsletter_box_is_dropped_with_its_blurb_and_the_story_goes_on():
    text = (
        f"Headline about returned bodies\n\n{PARAGRAPH}\n\nSign up for our daily newsletter\n"
        "Get the best of our reporting delivered to your inbox every morning, free of charge and with no ads.\n\n"
        f"{SECOND}\n"
    )
    kept = body(text)
    assert "newsletter" not in kept and "inbox" not in kept
    assert SECOND in kept


def test_story_ending_cues_end_the_story():
    for cue in ("About Us", "Explore", "Read more", "Related articles", "(Reporting by Jane Doe; Editing by John Roe)",
                "LEGAL WARNING: All rights reserved.", "A Message from Example News:", "Contact us", "© 2025 Example News",
                "Jane Doe is a senior correspondent covering Eastern Europe."):
        text = f"Headline about returned bodies\n\n{PARAGRAPH}\n{cue}\n{SECOND}\n"
        kept = body(text)
        assert PARAGRAPH in kept, cue
        assert SECOND not in kept and cue not in kept, cue


def test_cues_before_the_story_begins_are_single_furniture_lines():
    kept = body(f"Read more\nHeadline about returned bodies\n\n{PARAGRAPH}\n")
    assert kept.startswith("Headline") and PARAGRAPH in kept


def test_closing_agency_credit_ends_the_story_but_stays_in_it():
    other = "The Freedom Flotilla Coalition announced that its vessel will depart from an Italian port on Sunday morning."
    kept = body(f"Headline about returned bodies\n\n{PARAGRAPH} (ILKHA)\n{other}\n")
    assert kept.endswith("said. (ILKHA)")
    assert "Flotilla" not in kept


def test_trailing_run_of_headlines_and_buttons_is_dropped():
    text = (
        f"Headline about returned bodies\n\n{PARAGRAPH}\n{SECOND}\n"
        "Seven pillars of partnership enter a new era\nDeath toll rises in air force jet crash\nOnce\nContinue\n"
    )
    kept = body(text)
    assert kept.endswith(SECOND)


def test_hard_wrapped_last_paragraph_is_kept_whole():
    text = (
        "Headline about returned bodies\n\nRussia returned the bodies of 1,000 Ukrainian soldiers on Thursday under a\n"
        "deal reached at peace talks in Istanbul. Neither country publishes regular or\nindependently verifiable casualty figures.\n"
    )
    assert body(text).endswith("independently verifiable casualty figures.")


def test_consent_notice_above_the_story_is_furniture():
    text = "\n".join([
        "Your privacy matters to us",
        "We and our 310 vendors use cookies and similar technologies to store and read information on your device "
        "in order to process personal data for ads and measurement.",
        "Accept all | Manage preferences",
        "",
        "Bodies returned to Kyiv",
        "",
        "Share this article",
        "",
        PARAGRAPH,
        "",
        SECOND,
    ])
    kept = body(text)
    assert "cookies" not in kept
    assert PARAGRAPH in kept and SECOND in kept
