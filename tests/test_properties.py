"""Property-based tests: for any text, the reader neither crashes nor misplaces a quote."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract import extract_claims
from etl.parse import ArticleError, parse_article

# Pieces of news copy, mixed with arbitrary text, so that the generated
# articles reach the reader's rules rather than stopping at "no figures".
PHRASES = [
    "Russia returned the bodies of ", "1,000", "1K", "1.2K", "6,000-for-6,000", "84 for 84", " Ukrainian soldiers",
    " Russian servicemen", " prisoners of war", " each", " more than ", "over ", "up to ", "nearly ", "three ",
    "two thousand ", ", Kyiv said Monday.", " said Vladimir Medinsky.", "According to the Coordination Headquarters, ",
    "“", "”", "\"", ", he added.", "\n", "\n\n", "\r\n", "\u00a0", "\ufeff", " on June 16, 2025", "Published: 2025-07-17",
    "SOURCE: AFP", "Read more", "About Us", "Subscribe", " bringing the total to ", " since the start of the war",
    " agreed to exchange ", " offered to hand over ", ". ", "U.S. ", "(Reuters) - ",
]
texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=20)), max_size=60).map("".join)


def check_offsets(article):
    for claim in extract_claims(article):
        quote = article.text[claim.quote_start:claim.quote_end]
        assert quote.strip() == quote and quote
        assert claim.quote_start <= claim.figure_start < claim.figure_end <= claim.quote_end
        assert article.text[claim.figure_start:claim.figure_end] == claim.figure
        assert claim.value >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_reads_without_crashing_and_offsets_slice_back(text):
    try:
        article = parse_article(text.encode("utf-8"), "generated.txt")
    except ArticleError:
        return  # refused with a named error: empty or binary
    for start, end in article.body:
        assert 0 <= start <= end <= len(article.text)
    check_offsets(article)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_a_named_error(raw):
    try:
        article = parse_article(raw, "bytes.txt")
    except ArticleError as error:
        assert str(error).startswith("bytes.txt")
        return
    check_offsets(article)
