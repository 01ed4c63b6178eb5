"""Sentences: hard wrapping, headlines, abbreviations and closing quotes."""

from etl.extract.sentences import sentence_spans


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_blank_line_ends_a_sentence():
    assert sentences("A quote without a stop,”\n\nThe speaker said so.") == [
        "A quote without a stop,”", "The speaker said so."
    ]


def test_headline_line_stands_alone():
    assert sentences("Russia returns 1,000 bodies\nRussia handed over bodies on Thursday.") == [
        "Russia returns 1,000 bodies", "Russia handed over bodies on Thursday."
    ]


def test_lower_case_continuation_joins_lines():
    assert sentences("The bodies were handed\nover on Thursday.") == ["The bodies were handed\nover on Thursday."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "The U.S. envoy met Gen. Smith on Jan. 5 with J. Doe. Talks went on."
    assert sentences(text) == ["The U.S. envoy met Gen. Smith on Jan. 5 with J. Doe.", "Talks went on."]


def test_closing_quote_after_a_full_stop_belongs_to_the_sentence():
    assert sentences("It had “fulfilled the agreement.” It also offered more.") == [
        "It had “fulfilled the agreement.”", "It also offered more."
    ]
