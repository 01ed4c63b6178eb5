"""Work on one sentence done once and shared by every figure in it.

A sentence often holds several figures; its clause breaks, verbs, dates,
attributions and cue words are the same for all of them. ``Memo`` keeps
what was worked out for the sentence being read, keyed by what it depends
on (a clause's bounds, a segment's bounds), and is dropped with the sentence.
"""

import re
from string import ascii_letters as _ASCII_LETTERS


class Memo:
    """Results worked out for one sentence, keyed by what they depend on."""

    __slots__ = ("text", "_store", "_lower", "_tokens")

    def __init__(self, text):
        self.text = text
        self._store = {}
        self._lower = False
        self._tokens = None

    @property
    def tokens(self):
        """The set of runs of ASCII letters in the lower-cased sentence ("n't" gives "n", "t")."""
        if self._tokens is None:
            self._tokens = frozenset(_LETTERS.findall(self.text.lower()))
        return self._tokens

    def has_any(self, words):
        """Whether the sentence has one of the lower-case words, whole."""
        return not self.tokens.isdisjoint(words)

    @property
    def lower(self):
        """The sentence lower-cased, or None when lower-casing would move offsets."""
        if self._lower is False:
            low = self.text.lower()
            self._lower = low if len(low) == len(self.text) else None
        return self._lower

    def scan(self, pattern, fast, pos=0, endpos=None):
        """Matches of the case-insensitive pattern, using its caseless twin fast on the lower-cased text."""
        endpos = len(self.text) if endpos is None else endpos
        low = self.lower
        if low is None:
            return list(pattern.finditer(self.text, pos, endpos))
        return list(fast.finditer(low, pos, endpos))

    def get(self, key, compute, *args):
        """The value stored under key, computing it as compute(*args) the first time."""
        store = self._store
        if key in store:
            return store[key]
        value = store[key] = compute(*args)
        return value


def memo_for(sentence, memo):
    """The memo to use for sentence: the one given, or a fresh one."""
    return memo if memo is not None and memo.text is sentence else Memo(sentence)


_LETTERS = re.compile(r"[a-z]+")


def between_breaks(breaks, start, end, length):
    """(start, end) of the stretch around [start, end) that no (start, end) break in ``breaks`` crosses."""
    low, high = 0, length
    for b_start, b_end in breaks:
        if b_end <= start:
            low = b_end
        elif b_start >= end:
            high = b_start
            break
    return low, high


def last_word(text):
    """The run of ASCII letters text ends with (before one final "."), lower-cased: "approx." is "approx"."""
    if text.endswith("."):
        text = text[:-1]
    return text[len(text.rstrip(_ASCII_LETTERS)):].lower()
