"""Who receives the people a figure counts, and swaps of "X for Y".

Recipient, from the transfer verb nearest before the figure (or the first
after it) and the words around it, in this order:

1. "to Ukraine", "handed over to Russia", "into Ukrainian territory": that side;
2. "from Russia", "from Russian captivity": the other side;
3. "Russia hands Ukraine ...": the indirect object;
4. "returned by Ukraine": the other side;
5. the verb's subject: receiving verbs ("received", "brought home", "got
   back", "recovered", "secured the release of") give that side, giving
   verbs ("returned", "handed over", "gave", "released") the other; a
   country that "repatriated" people brought its own home.

Bodies and prisoners go home: when the side of the people is unknown the
recipient is used for it, and when the recipient is unknown the side is.

Swaps: "1,000 for 1,000", "84-for-84", "6,000-for-6,000" are two figures for
two sides. The first figure is the speaker's own people: Russia's when the
claimant speaks for Russia, otherwise Ukraine's.
"""

import re

from ..caseless import caseless
from .memo import memo_for
from .vocabulary import COUNTRY, other_side, side_of_place

_RECEIVE = r"(?:secured|secures|securing|won|wins|winning|obtained|obtains|negotiated)\s+(?:the\s+)?(?:release|return|freedom)|recover\w*|receiv\w*|got\s+back|gets?\s+back|brought\s+(?:\w+\s+)?home|brings?\s+(?:\w+\s+)?home|bringing\s+(?:\w+\s+)?home|welcom\w*|took\s+back|takes?\s+back|reclaimed|retrieved|repatriates|repatriated\s+its"
_GIVE = r"return\w*|hand\w*(?:\s+over)?|gave|give\w*|transferr?\w*|releas\w*|freed|frees|free|sent|send\w*|deliver\w*|pass\w*\s+over|repatriat\w*|swap\w*|exchang\w*"
VERB = re.compile(rf"\b(?:(?P<receive>{_RECEIVE})|(?P<give>{_GIVE}))\b", re.I)
_PLACE = (
    r"(?:the\s+)?(?P<place>Ukraine|Kyiv|Kiev|Russia|Moscow|Ukrainian|Russian)(?:’s|'s)?"
    r"(?:[\s-]+(?:side|authorities|officials|government|territory|control|-controlled|controlled|captivity|detention|custody|hands|prisons?))?"
)
_TO = re.compile(rf"\b(?:to|into)\s+{_PLACE}", re.I)
_FROM = re.compile(rf"\bfrom\s+{_PLACE}", re.I)
_BY = re.compile(rf"\bby\s+{_PLACE}\b", re.I)
_INDIRECT = re.compile(r"\s+(?:the\s+)?(?P<place>Ukraine|Kyiv|Kiev|Russia|Moscow)\b(?!['’])", re.I)
# "1,000 for 1,000", "1,000 bodies for 24": the noun of the first figure may stand between.
SWAP = re.compile(
    r"^\s*(?:(?:bodies|remains|prisoners|POWs|captives|soldiers|servicemen|people)\s+)?(?:-|‑|–)?\s*for\s*(?:-|‑|–)?\s*$", re.I
)
_NON_PLACE_AFTER_TO = re.compile(r"^-?controlled", re.I)


def _place_side(m):
    word = m.group("place").lower()
    return "ukraine" if word.startswith(("ukrain", "kyiv", "kiev")) else "russia"


_NOT_SUBJECT_PREFIX = re.compile(r"\b(?:to|from|by|of|in|with)\s+(?:the\s+)?$")


def _subjects(sentence):
    """(end, side) of every country named in the sentence that can be a verb's subject."""
    found = []
    for m in COUNTRY.finditer(sentence):
        prefix = sentence[max(0, m.start() - 6):m.start()].lower()
        if _NOT_SUBJECT_PREFIX.search(prefix):
            continue
        found.append((m.end(), "ukraine" if m.group("ua") else "russia"))
    return found


def _verb_subject(sentence, verb_start, memo=None):
    """The side of the nearest country named before a verb."""
    memo = memo_for(sentence, memo)
    best = None
    for end, side in memo.get("subjects", _subjects, sentence):
        if end > verb_start:
            break
        best = side
    return best


def country_before(sentence, pos, memo=None):
    """The side of the country that is the subject nearest before pos, or None."""
    return _verb_subject(sentence, pos, memo)


# On lower-cased text, every verb starts with one of these letters: a cheap test before the alternatives.
_VERB_LOW = re.compile(r"\b(?=[bdefghnoprstw])" + caseless(VERB).pattern[2:])
_TO_LOW, _FROM_LOW, _BY_LOW = caseless(_TO), caseless(_FROM), caseless(_BY)


def read_recipient(sentence, start, end, clause_start, clause_end, memo=None):
    """(recipient, explicit) for the figure sentence[start:end].

    explicit is False when the recipient was inferred from the verb's subject.
    """
    memo = memo_for(sentence, memo)
    verbs = memo.get(("verbs", clause_start, clause_end), memo.scan, VERB, _VERB_LOW, clause_start, clause_end)
    before = [v for v in verbs if v.end() <= start]
    after = [v for v in verbs if v.start() >= end]
    verb = before[-1] if before else (after[0] if after else None)
    if verb is None:
        return None, False
    following = [v for v in verbs if v.start() > max(verb.end(), end)]
    region_end = following[0].start() if following else clause_end
    region = (verb.start(), region_end)
    low = memo.lower
    to, from_, by = (_TO, _FROM, _BY) if low is None else (_TO_LOW, _FROM_LOW, _BY_LOW)
    scanned = sentence if low is None else low
    # "the remains of 60 people to Ukraine and of 20 to Russia": the "to" after the figure is its own.
    for m in to.finditer(scanned, max(end, region[0]), region_end):
        return _place_side(m), True
    for m in to.finditer(scanned, *region):
        return _place_side(m), True
    for m in from_.finditer(scanned, *region):
        return other_side(_place_side(m)), True
    indirect = _INDIRECT.match(sentence, verb.end())
    if indirect and verb.group("give") and indirect.end() <= start:
        return side_of_place(indirect.group("place")), True
    for m in by.finditer(scanned, *region):
        side = _place_side(m)
        return (side if verb.group("receive") else other_side(side)), True
    if verb.group("give") and _SWAP_VERB.match(verb.group()):
        return None, False  # "Ukraine swapped": no direction without "to" or "from"
    if verb.group("give") and _REPATRIATE_VERB.match(verb.group()):
        # "Ukraine has repatriated 4,500 bodies": a country repatriates its own people.
        subject = _verb_subject(sentence, verb.start(), memo)
        return subject, False
    subject = _verb_subject(sentence, verb.start(), memo)
    if subject is None:
        return None, False
    return (subject if verb.group("receive") else other_side(subject)), False


_SWAP_VERB = re.compile(r"swap|exchang", re.I)
_REPATRIATE_VERB = re.compile(r"repatriat", re.I)


def swap_partner(sentence, figures, index):
    """The index of the figure this one is swapped for ("1,000 for 1,000"), or None."""
    here = figures[index]
    if index + 1 < len(figures) and SWAP.match(sentence[here.end:figures[index + 1].start]):
        return index + 1
    if index > 0 and SWAP.match(sentence[figures[index - 1].end:here.start]):
        return index - 1
    return None
