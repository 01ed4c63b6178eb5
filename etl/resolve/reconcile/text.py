"""Compare article texts: the story's sentences as word pairs, and how many echo.

A sentence echoes another when the two share enough word pairs (2-word
shingles, lower-cased): Jaccard similarity of their pair sets at least
SENTENCE_ECHO. Two texts are compared by the share of the shorter story's
sentences that echo a sentence of the other. The measurements behind both
thresholds are in etl/resolve/reconcile/families.py.
"""

import re

from ...parse.furniture import body_spans

WORD = re.compile(r"\w+(?:[’'.,]\w+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[“\"A-Z])|\n+")
MIN_SENTENCE_WORDS = 6
SENTENCE_ECHO = 0.2


def words(text):
    """The words of a text, lower-cased, with curly apostrophes made straight."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def shingles(tokens, size):
    """The set of runs of ``size`` consecutive words."""
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def jaccard(a, b):
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def story(text):
    """The article proper, page furniture left out."""
    return "\n".join(text[start:end] for start, end in body_spans(text or ""))


def sentences(text):
    """The story's sentences of at least MIN_SENTENCE_WORDS words, as word lists."""
    found = []
    for sentence in SENTENCE_END.split(story(text)):
        tokens = words(sentence)
        if len(tokens) >= MIN_SENTENCE_WORDS:
            found.append(tokens)
    return found


class Fingerprint:
    """What is compared of one text: its sentences' word pairs and its 4-word shingles."""

    def __init__(self, text):
        said = sentences(text)
        # Hashes of the shingles: cheaper to intersect than tuples of words.
        self.sentences = [{hash(pair) for pair in shingles(tokens, 2)} for tokens in said]
        self.shingles = set().union(*(shingles(tokens, 4) for tokens in said)) if said else set()


def echoes(a, b):
    """Whether two sentences' pair sets have a Jaccard similarity of SENTENCE_ECHO or more."""
    small, large = (len(a), len(b)) if len(a) <= len(b) else (len(b), len(a))
    if not large or small < SENTENCE_ECHO * large:
        return False  # even if all of the smaller were shared, the union is too large
    return jaccard(a, b) >= SENTENCE_ECHO


def echoed(a, b):
    """How many of a's sentences echo some sentence of b."""
    return sum(1 for s in a.sentences if any(echoes(s, t) for t in b.sentences))


def similarity(a, b):
    """(share, count): the share of the shorter text's sentences that echo the other text."""
    shorter, longer = (a, b) if len(a.sentences) <= len(b.sentences) else (b, a)
    if not shorter.sentences:
        return 0.0, 0
    count = echoed(shorter, longer)
    return count / len(shorter.sentences), count
