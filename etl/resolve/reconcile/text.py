"""Compare article texts: the story's sentences as word pairs, and how many echo.

A sentence echoes another when the two share enough word pairs (2-word
shingles, lower-cased): Jaccard similarity of their pair sets at least
SENTENCE_ECHO. Two texts are compared by the share of the shorter story's
sentences that echo a sentence of the other. The measurements behind both
thresholds are in etl/resolve/reconcile/families.py.
"""

import re
from array import array
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain
from zlib import crc32

from ...parse.furniture import body_spans

WORD = re.compile(r"\w+(?:[’'.,]\w+)*")
# Where a sentence ends: (?<=[.!?])[”"]?\s+(?=[“"A-Z])|\n+, written with the character
# every split starts on first, so the search skips ahead to it instead of trying each position.
SENTENCE_END = re.compile(r"[”\"\s](?:(?<=[.!?][”\"])\s+(?=[“\"A-Z])|(?<=[.!?]\s)\s*(?=[“\"A-Z])|(?<=\n)\n*)")
MIN_SENTENCE_WORDS = 6
PRIME_64 = 18446744073709551557  # the largest prime below 2**64
SENTENCE_ECHO = 0.2


def words(text):
    """The words of a text, lower-cased, with curly apostrophes made straight."""
    return WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=1 << 16)
def _word_code(token):
    return crc32(token.encode())


def word_codes(tokens):
    """Each word as a 32-bit number (CRC-32): the same in every process and every run."""
    return list(map(_word_code, tokens))


def word_pairs(codes):
    """Each two consecutive word codes packed side by side, exactly, into one 64-bit number, in order."""
    return [(a << 32) | b for a, b in zip(codes, codes[1:])]


def four_word_runs(codes):
    """The set of runs of four consecutive word codes, two packed pairs each reduced modulo the largest 64-bit prime."""
    pairs = word_pairs(codes)
    return {((a << 64) | b) % PRIME_64 for a, b in zip(pairs, pairs[2:])}


def story(text, spans=None):
    """The article proper, page furniture left out (spans: the body, if parse found it already)."""
    text = text or ""
    return "\n".join(text[start:end] for start, end in (body_spans(text) if spans is None else spans))


def sentences(text, spans=None):
    """The story's sentences of at least MIN_SENTENCE_WORDS words, as lists of word codes."""
    found = []
    for sentence in SENTENCE_END.split(story(text, spans)):
        tokens = words(sentence)
        if len(tokens) >= MIN_SENTENCE_WORDS:
            found.append(word_codes(tokens))
    return found


class Fingerprint:
    """What is compared of one text: its sentences' word pairs and its 4-word shingles.

    Made of numbers that are the same in every process, so that it can be
    computed where the article is read, in parallel, and kept in the reader
    cache. ``spans`` are the article's body spans when parse has found them.
    """

    __slots__ = ("pairs", "ends", "shingles")

    def __init__(self, text, spans=None):
        said = sentences(text, spans)
        # Kept as flat arrays of numbers, a few bytes each: a corpus's
        # fingerprints are all held at once while families are found.
        self.pairs = array("Q")  # every sentence's word pairs, one sentence after another
        self.ends = array("I")  # where each sentence's pairs end in self.pairs
        for codes in said:
            self.pairs.extend(sorted(set(word_pairs(codes))))
            self.ends.append(len(self.pairs))
        self.shingles = array("Q", sorted(set().union(*(four_word_runs(codes) for codes in said)))) if said else array("Q")

    @property
    def sentences(self):
        """Each sentence's set of word pairs."""
        found, start = [], 0
        for end in self.ends:
            found.append(set(self.pairs[start:end]))
            start = end
        return found

    def __len__(self):
        """The number of sentences compared."""
        return len(self.ends)


def echoed(a, b):
    """How many of a's sentences echo some sentence of b.

    Each of a's sentences is compared only with b's sentences it shares a
    word pair with, found through an index of b's pairs: Jaccard similarity
    is then shared / (|a's| + |b's| - shared).
    """
    theirs = b.sentences
    holders = defaultdict(list)
    for number, pairs in enumerate(theirs):
        for pair in pairs:
            holders[pair].append(number)
    count = 0
    for pairs in a.sentences:
        shared = Counter(chain.from_iterable(holders[pair] for pair in pairs if pair in holders))
        size = len(pairs)
        if any(n / (size + len(theirs[number]) - n) >= SENTENCE_ECHO for number, n in shared.items()):
            count += 1
    return count


def similarity(a, b):
    """(share, count): the share of the shorter text's sentences that echo the other text."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if not len(shorter):
        return 0.0, 0
    count = echoed(shorter, longer)
    return count / len(shorter), count
