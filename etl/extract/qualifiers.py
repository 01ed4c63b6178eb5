"""How a figure is hedged: the words right before (or after) it.

more_than:  more than, over, upwards of, in excess of, above, exceeding, "1,000+"
at_least:   at least, no fewer than, no less than, a minimum of, "1,000 or more"
about:      about, around, approximately, roughly, some, nearly, almost,
            close to, an estimated, ~  (nearly and almost count as about)
up_to:      up to, as many as, a maximum of, no more than, at most
fewer_than: fewer than, less than, under, below

"over" right after a verb is a particle, not a hedge: "handed over 1,000",
"gave over 19", "took over" are exact.
"""

import re

from .memo import last_word

_BEFORE = re.compile(
    r"(?<!\w)(?P<q>more\s+than|upwards?\s+of|in\s+excess\s+of|over|above|exceeding|well\s+over|just\s+over"
    r"|at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
    r"|about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|circa|~"
    r"|up\s+to|as\s+many\s+as|a\s+maximum\s+of|no\s+more\s+than|at\s+most|not\s+more\s+than"
    r"|fewer\s+than|less\s+than|under|below|just\s+under)\s*$",
    re.I,
)
_AFTER = re.compile(r"(?:\s*\+|-plus\b|\s+or\s+(?:more|so)\b|\s+and\s+more\b)", re.I)
_PARTICLE_VERB = re.compile(
    r"\b(?:hand|hands|handed|handing|give|gives|gave|given|giving|turn|turns|turned|turning|pass|passes|passed"
    r"|passing|take|takes|took|taken|taking|bring|brings|brought|send|sends|sent|hold|held|win|won|carry|carried)"
    r"\s+(?:(?:back|also|then|just)\s+)?$",
    re.I,
)
KINDS = {
    "more than": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "in excess of": "more_than", "over": "more_than", "above": "more_than",
    "exceeding": "more_than", "well over": "more_than", "just over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "up to": "up_to", "as many as": "up_to", "a maximum of": "up_to",
    "no more than": "up_to", "at most": "up_to", "not more than": "up_to",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than",
    "below": "fewer_than", "just under": "fewer_than",
}


# The last word before a figure must be one of these for _BEFORE to match.
_LAST_WORDS = frozenset(
    "than of over above exceeding least about around approximately approx roughly some nearly almost to "
    "estimated circa as most under below".split()
)


def _may_be_hedged(text, window_start, start):
    """False when no hedge word can end right before the figure."""
    tail = text[window_start:start].rstrip()
    if not tail:
        return False
    if tail[-1] == "~":
        return True
    return last_word(tail) in _LAST_WORDS


def qualifier_span(text, start, memo=None):
    """(qualifier, offset where its words begin) for a figure starting at start."""
    if memo is not None and memo.text is text:
        return memo.get(("qualifier", start), _qualifier_span, text, start)
    return _qualifier_span(text, start)


def _qualifier_span(text, start):
    window_start = max(0, start - 40)
    if not _may_be_hedged(text, window_start, start):
        return "exact", start
    m = _BEFORE.search(text, window_start, start)
    if not m:
        return "exact", start
    words = re.sub(r"\s+", " ", m.group("q").lower())
    if words == "over" and _PARTICLE_VERB.search(text, window_start, m.start()):
        return "exact", start
    return KINDS.get(words, "about"), m.start()


def read_qualifier(text, start, end, memo=None):
    """The qualifier of the figure text[start:end]."""
    kind, _ = qualifier_span(text, start, memo)
    if kind == "exact":
        after = _AFTER.match(text, end, min(len(text), end + 12))
        if after:
            return "more_than" if ("+" in after.group() or "plus" in after.group()) else (
                "about" if "so" in after.group() else "at_least")
    return kind
