"""What a figure counts, read from the noun phrase around it.

"the bodies of 1,000 Ukrainian soldiers" counts bodies of Ukraine's side;
"19 killed Russian troops" handed over counts bodies; "27 people killed"
counts the killed; "95 defenders" brought home counts prisoners. A figure
that counts no people ("two rounds", "1 min read") reads as None.
"""

import re
from dataclasses import dataclass
from typing import Optional

from .memo import last_word, memo_for
from .qualifiers import qualifier_span
from .vocabulary import (
    BODY_NOUNS, COUNTED_NOUNS, KILLED_ADJECTIVES, MODIFIERS, NATIONALITY, OWN_SIDE_NOUNS,
    PEOPLE_NOUNS, PRISONER_NOUNS,
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_BODIES_OF = re.compile(
    r"\b(?:bodies|remains|body|corpses|bodies\s+belonging\s+to|remains\s+belonging\s+to)\s+(?:of\s+)?"
    r"(?:the\s+|another\s+|a\s+further\s+|an\s+additional\s+|more\s+)?$",
    re.I,
)
_CONTINUES = re.compile(r"\b(?:another|a\s+further|an\s+additional|further|a\s+new\s+batch\s+of)\s+$", re.I)
_KILLED_BEFORE = re.compile(
    r"(?:\b(?:killed|kills|kill|killing|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|dead\s+numbered|deaths\s+of)"
    r"|\bdeath\s+toll\b[^.;]{0,40}?\b(?:to|at|of|reached|hit|was|is|stood\s+at|stands\s+at))\s+$",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:figure|total|tally|number|count|sum|toll)\b[^.;]{0,110}?\b(?:of|to|at|was|is|reached|stood\s+at|stands\s+at|as)\s+$",
    re.I,
)
_KILLED_AFTER = re.compile(
    r"^\s*(?:(?:were|was|have\s+been|had\s+been|being|are|been)\s+)?(?:(?:reportedly|also|all)\s+)?"
    r"(?:(?:officially\s+)?(?:registered|confirmed|recorded|listed|counted|identified)(?:\s+by\s+name)?\s+(?:as\s+)?)?"
    r"(?:killed|died|dead|slain|perished|lost\s+their\s+lives)\b",
    re.I,
)
_PASSIVE_TRANSFER_AFTER = re.compile(
    r"\s*(?:(?:were|was|have\s+been|had\s+been|are|will\s+be|to\s+be)\s+)?(?:returned|freed|released|repatriated"
    r"|exchanged|swapped|handed|transferred|brought|sent|received)\b",
    re.I,
)
# "civilians held by Russia", "civilians were estimated to be held in Russia": people still held are captives.
HELD_AFTER = re.compile(
    r"^\s*(?:(?:who|that|are|were|is|was|being|been|still|remain|remaining|estimated|believed|thought|reported|known|to|be)\s+){0,5}"
    r"(?:held|imprisoned|jailed|in\s+(?:Russian\s+|Ukrainian\s+)?(?:captivity|custody|prisons?))\b",
    re.I,
)
_MISSING_AFTER = re.compile(r"^\s*(?:(?:were|are|remain|who\s+are|still)\s+)*missing\b", re.I)
_POST_NATIONALITY = re.compile(
    r"^\s*(?:’s|'s|’)?\s*(?:of\s+war\s+)?of\s+(?:the\s+)?(?:(?:killed|fallen|dead|deceased)\s+)?"
    r"(?:(?:Armed\s+Forces|armed\s+forces|army|Army|military|navy|Navy|National\s+Guard|Border\s+Guard)\s+of\s+(?:the\s+)?)?"
    r"(?P<n>Ukrainian|Russian|Ukraine|Russia)(?!n)(?:’s|'s)?\b(?!\s*-?\s*controlled)",
    re.I,
)
_BARE_MAY_COUNT = re.compile(
    r"\b(?:figure|total|tally|number|count|sum|toll|killed|kills|kill|killing|lives|bodies|remains|body|corpses|numbered)\b",
    re.I,
)
_SWAP_AFTER = re.compile(r"\s*[-‑–]?\s*for\s*[-‑–]?\s*\d", re.I)
_SUBJECT_CUE = re.compile(
    r"\b(?:(?P<nat>Ukrainian|Russian)\s+)?(?:(?P<b>bodies|remains|corpses)|(?P<p>prisoners|POWs|captives|detainees)"
    r"|(?P<k>killed|death\s+toll))\b",
    re.I,
)
_POSSESSIVE_BODY = re.compile(r"^\s*(?:’s|'s|’|')?\s*(?:bodies|remains|corpses)\b", re.I)
_ANTECEDENT = re.compile(r"\s*of\s+(?:them|those|these|whom)\b", re.I)
# "120 of those freed today": the participle says who they are.
_FREED_PARTICIPLE = re.compile(
    r"\s*(?:(?:who\s+(?:were|have\s+been|had\s+been)|(?:just|newly|recently)\s+)\s*)?"
    r"(?:freed|released|returned|exchanged|swapped|repatriated|liberated|brought\s+(?:back|home))\b",
    re.I,
)
_EACH_AFTER = re.compile(
    r"^[^.;:]{0,45}?\b(?:each|apiece|per\s+side|on\s+(?:each|either)\s+side|from\s+(?:each|either)\s+side|for\s+each\s+side|each\s+side)\b",
    re.I,
)
_EACH_BEFORE = re.compile(
    r"\beach\s+(?:side|country|party)\b[^.;]{0,40}$"
    # "Russia and Ukraine each freed 303", "the two sides each handed over 90"
    r"|\beach\s+(?:(?:have|has|had|will|also|then|reportedly)\s+)*(?:swap\w*|exchang\w*|freed|free|releas\w*"
    r"|return\w*|hand\w*\s+over|handed|traded?|trading|gave|give|sent|received|repatriated)\b[^.;]{0,30}$"
    # "Both sides returned 1,000": one figure for each side
    r"|\bboth\s+(?:sides|countries|parties)\s+(?:(?:have|had|also|then)\s+)*(?:return\w*|freed|releas\w*|hand\w*\s+over"
    r"|exchang\w*|swap\w*|repatriat\w*)\b[^.;]{0,30}$",
    re.I,
)
_BOTH_SIDES = re.compile(r"^[^.;:]{0,60}?\b(?:on|from)\s+both\s+sides\b", re.I)

BODY_CUES = re.compile(r"\b(?:bodies|body|remains|corpses|repatriat\w*|fallen|dead|deceased)\b", re.I)
CAPTIVE_CUES = re.compile(
    r"\b(?:prisoners?|pows?|captiv\w*|detain\w*|detention|custody|hostages?|freed|free|released?|releasing|swap\w*"
    r"|exchang\w*|freeing|received|receives|brought\s+(?:\w+\s+)?home|returning\s+home|holding|holds|secur\w*\s+the\s+(?:return|release|freedom)|bring\w*\s+(?:\w+\s+)?home|came\s+home|returned\s+home|return\s+home"
    r"|returned|handed|transferred|captured|(?:are|is|were|was|be|been|being|come|comes|came|coming|back|got|get)\s+home"
    r"|back\s+(?:into|to)\s+(?:Ukraine|Russia)|surrender(?:ed|s|ing)?)\b",
    re.I,
)
TRANSFER_CUES = re.compile(
    r"\b(?:return\w*|hand\w*|gave|give\w*|receiv\w*|repatriat\w*|transfer\w*|exchang\w*|swap\w*|sent|deliver\w*)\b",
    re.I,
)


# The words each "...$" pattern above can end with: a cheap test before the search.
_CONTINUES_LAST = frozenset("another further additional of".split())
_BODIES_OF_LAST = frozenset("bodies remains body corpses to of the another further additional more".split())
_KILLED_BEFORE_LAST = frozenset("killed kills kill killing of numbered to at reached hit was is".split())  # "deaths of" ends on "of"
_REFERENCE_LAST = frozenset("of to at was is reached as".split())


@dataclass
class Counted:
    """What a figure counts: subject, whose people, and how sure the reading is."""

    subject: Optional[str]  # bodies | prisoners | killed | other | None (no people)
    side: Optional[str] = None
    noun: Optional[str] = None
    explicit_subject: bool = True
    explicit_side: bool = False
    each: bool = False
    both: bool = False
    continues: bool = False  # "another", "a further": goes on from an earlier figure
    reference: bool = False  # "a figure of 1,248": the figure has no noun of its own
    possessive: Optional[str] = None  # "its", "their", "our"
    head_end: Optional[int] = None  # offset right after the noun counted, when there is one


def _lower(token):
    return token.lower().replace("'", "’")


def _walk_noun_phrase(sentence, end):
    """(head noun, modifiers, offset after head) of the noun phrase after a figure."""
    modifiers = []
    for m in _TOKEN.finditer(sentence, end, min(len(sentence), end + 90)):
        word = _lower(m.group())
        bare = word[:-2] if word.endswith("’s") else word.rstrip("’")
        if bare in COUNTED_NOUNS and not (bare in ("wounded", "sick", "injured") and _next_is_noun(sentence, m.end())):
            if bare == "members" and not any(w in ("service", "armed") for w in modifiers):
                return None, modifiers, m.end()
            return bare, modifiers, m.end()
        if word in MODIFIERS or bare in NATIONALITY or word in ("’s", "’"):
            modifiers.append(bare)
            continue
        if word == "-" or word == "‑":
            continue
        break
    return None, modifiers, end


def _next_is_noun(sentence, pos):
    m = _TOKEN.search(sentence, pos, min(len(sentence), pos + 30))
    return bool(m) and _lower(m.group()) in COUNTED_NOUNS


def _nationality(words):
    for word in reversed(words):
        side = NATIONALITY.get(word)
        if side:
            return side
    return None


def _antecedent(sentence, start):
    """The people noun a "three of them" points back to, with its nationality."""
    before = [_lower(m.group()) for m in _TOKEN.finditer(sentence, 0, start)]
    for nouns in (PEOPLE_NOUNS | PRISONER_NOUNS, BODY_NOUNS):
        for i in range(len(before) - 1, -1, -1):
            if before[i] in nouns:
                return before[i], _nationality(before[max(0, i - 3):i])
    return None, None


def _each_or_both(before):
    low = before.lower()
    return "each" in low or "both" in low


def read_counted(sentence, start, end, memo=None):
    """What the figure sentence[start:end] counts. subject None: not people."""
    head, modifiers, head_end = _walk_noun_phrase(sentence, end)
    antecedent = _ANTECEDENT.match(sentence, end)
    qualifier_start = qualifier_span(sentence, start, memo)[1]
    before = sentence[max(0, qualifier_start - 120):qualifier_start]
    following = sentence[end:end + 100]
    low_following = following.lower()
    each_after = ("each" in low_following or "apiece" in low_following or "side" in low_following) \
        and bool(_EACH_AFTER.match(following))
    if head is None and not antecedent and not _BARE_MAY_COUNT.search(before) \
            and not _PASSIVE_TRANSFER_AFTER.match(sentence, end) and not _SWAP_AFTER.match(sentence, end) \
            and not (each_after and _EACH_AFTER.match(following[:60])) \
            and not (_each_or_both(before[-60:]) and _EACH_BEFORE.search(before[-60:])):
        return Counted(subject=None)
    after_head = sentence[head_end:head_end + 80]
    counted = Counted(subject=None)
    last = last_word(before.rstrip())
    counted.continues = last in _CONTINUES_LAST and bool(_CONTINUES.search(before))
    counted.each = each_after or (_each_or_both(before[-60:]) and bool(_EACH_BEFORE.search(before[-60:])))
    counted.both = "both" in low_following and bool(_BOTH_SIDES.match(following))
    for word in ("its", "their", "our"):
        if word in modifiers:
            counted.possessive = word
    bodies_of = last in _BODIES_OF_LAST and bool(_BODIES_OF.search(before))
    killed_before = last in _KILLED_BEFORE_LAST and bool(_KILLED_BEFORE.search(before))

    if head is None and antecedent:
        head, side = _antecedent(sentence, start)
        counted.side = side
        counted.explicit_side = side is not None
        counted.explicit_subject = False
        if head is None and _FREED_PARTICIPLE.match(sentence, antecedent.end()):
            head = "people"
            counted.reference = True
        if head is None:
            return counted
    elif head is None:
        return _bare(counted, sentence, start, end, bodies_of, killed_before, memo)
    else:
        counted.side = _nationality(modifiers)
        post = _POST_NATIONALITY.match(after_head)
        if counted.side is None and post:
            counted.side = NATIONALITY[post.group("n").lower()]
        if counted.side is None and head in NATIONALITY:
            counted.side = NATIONALITY[head]
        if counted.side is None and head in OWN_SIDE_NOUNS:
            counted.side = OWN_SIDE_NOUNS[head]
        counted.explicit_side = counted.side is not None
    counted.noun = head
    counted.head_end = head_end if head_end > end else None
    counted.subject = _subject(sentence, head, modifiers, after_head, bodies_of, killed_before, memo)
    return counted


def _subject(sentence, head, modifiers, after_head, bodies_of, killed_before, memo=None):
    if killed_before:
        return "killed"
    if head in BODY_NOUNS or bodies_of or _POSSESSIVE_BODY.match(after_head):
        return "bodies"
    killed_adjective = any(m in KILLED_ADJECTIVES for m in modifiers)
    if killed_adjective:
        return "bodies" if TRANSFER_CUES.search(sentence) or BODY_CUES.search(sentence.replace(head, "")) else "killed"
    if _KILLED_AFTER.match(after_head):
        return "killed"
    if head in PRISONER_NOUNS:
        return "prisoners"
    if _MISSING_AFTER.match(after_head) or "missing" in modifiers:
        return "other"
    if head in PEOPLE_NOUNS or head in NATIONALITY:
        if HELD_AFTER.match(after_head):
            return "prisoners"
        memo = memo_for(sentence, memo)
        if memo.has_any(_BODY_WORDS):
            return "bodies"
        if memo.get("captive-cues", CAPTIVE_CUES.search, sentence):
            return "prisoners"
    return None


_BODY_WORDS = frozenset("bodies remains corpses".split())


def _bare(counted, sentence, start, end, bodies_of, killed_before, memo=None):
    """A figure with no noun: "a figure of 1,248", "bringing the total to 78"."""
    qualifier_start = qualifier_span(sentence, start, memo)[1]
    before = sentence[max(0, qualifier_start - 120):qualifier_start]
    counted.explicit_subject = False
    if killed_before:
        counted.subject = "killed"
        return counted
    if bodies_of:
        counted.subject = "bodies"
        return counted
    reference = (last_word(before.rstrip()) in _REFERENCE_LAST and _REFERENCE_BEFORE.search(before)) \
        or _PASSIVE_TRANSFER_AFTER.match(sentence, end)
    if not reference and not counted.each:
        return counted
    counted.reference = True
    cue_side = None
    last = None
    for m in _SUBJECT_CUE.finditer(sentence, 0, start):
        last = m
    if last is None:
        last = _SUBJECT_CUE.search(sentence, end)
    if last is not None:
        counted.subject = "bodies" if last.group("b") else "prisoners" if last.group("p") else "killed"
        nat = last.groupdict().get("nat")
        if nat:
            cue_side = NATIONALITY[nat.lower()]
    if cue_side is None:
        # "bringing the number of Ukrainians freed to 2,828"
        whose = _NUMBER_OF_NATIONALS.search(sentence, 0, start)
        if whose:
            cue_side = NATIONALITY[whose.group("nat").lower()]
            if counted.subject is None and CAPTIVE_CUES.search(sentence):
                counted.subject = "prisoners"
    if counted.subject is None and _NUMBER_OF_PEOPLE.search(sentence, 0, start) and CAPTIVE_CUES.search(sentence):
        counted.subject = "prisoners"  # "the total number of people released at 478"
    if counted.subject is None and counted.each:
        # "Russia, Ukraine swap final 303 each": the verb says who they are.
        counted.subject = "bodies" if BODY_CUES.search(sentence) else "prisoners" if CAPTIVE_CUES.search(sentence) else None
    counted.side = cue_side
    return counted


_NUMBER_OF_PEOPLE = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?:people|persons|captives|detainees|individuals)\b", re.I)
_NUMBER_OF_NATIONALS = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?P<nat>Ukrainians|Russians)\b", re.I)
