"""What kind of figure it is, read from the clause that holds it.

cumulative  a running total: "bringing the total to", "in total", "so far", "as of 6 May",
            "since the start of the war", "over the past week", "altogether",
            "over three days", "in several stages", "in 69 exchanges", "phased"
            (anywhere in the clause; wins over everything else)
agreed      an agreement's target: "agreed to", "deal to return", "agreement
            ... provided for", a swap named by its terms ("the 1,000-for-1,000
            exchange"), a plan inside a deal ("the deal, under which each side
            is to release 1,000", "Under that deal, each side is to return 1,200";
            the deal's day, when the sentence before gives it, is the figure's date)
offered     "offered to", "proposed", "ready to hand over", "passed a list of
            about 500 prisoners" (a list handed to the other side is a proposal)
planned     "planned to", "will return", "is set to", "expected", "in the near future",
            "could be returned"
transferred one handover: "returned", "handed over", "received", "freed", "swapped"
other       none of these; also people captured or held ("captured nearly 600")

Of agreed, offered and planned, the cue nearest before the figure wins; any
of them wins over a transfer word ("agreed to a mutual exchange of 6,000").
"""

import re

from ..caseless import caseless
from .memo import between_breaks, memo_for

_CLAUSE_BREAK = re.compile(r"[;:—–]\s*|(?<=[^\d\s]),\s+|,\s+(?!\d{3}\b)|\s+(?:while|whereas)\s+|\s+-\s+")
_CUMULATIVE = re.compile(
    r"\b(?=[abcdefhilmnostu\d])(?:(?:bringing|brings|brought|bring)\s+(?:the\s+)?(?:total|number|tally|overall)"
    r"|\b(?:the|a)\s+total\s+(?:number|of)\b[^,;]{0,80}\bto\s*$"
    r"|\bin\s+total\b|\btotall?ing\b|\bso\s+far\b|\bto\s+date\b|\bthus\s+far\b|\baltogether\b|\boverall\b"
    r"|\bin\s+all\b|\bas\s+(?:of|at)\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?(?:\d|today|now|this|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\bcumulative\w*\b|\bup\s+to\s+now\b|\buntil\s+now\b|\bto\s+this\s+day\b"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|onset|outbreak|launch)\b|\bsince\s+(?:the\s+)?(?:war|invasion|full-scale)"
    r"|\bsince\s+(?:19|20)\d\d\b|\bsince\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d|(?:19|20)\d\d)|\bsince\s+(?:Russia|Moscow)[’']s\b|\bsince\s+(?:Russia|Moscow)\s+(?:invaded|launched)"
    r"|\bsince\s+(?:January|February|March|April|June|July|August|September|October|November|December|May(?!\s+(?:be|have|not|also|well)\b))\b"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-(?:day|week|month|stage|round|phase)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b"
    r"|\b(?:over|in|during|across|within)\s+(?:the\s+(?:first|past|last)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|several|multiple|many|a\s+series\s+of|a\s+number\s+of)\s+(?:days|weeks|months|years|stages|rounds|phases|exchanges"
    r"|swaps|repatriations|batches|handovers|transfers)\b"
    r"|\bthe\s+first\s+(?:\w+\s+)?(?:days|weeks|stages|rounds|phases)\b|\bphased\b"
    r"|\bsince\s+then\b|\bby\s+the\s+end\s+of\b|\b(?:over|during|in|throughout)\s+the\s+(?:whole\s+)?course\s+of\b"
    r"|\b(?:in|over|during)\s+the\s+same\s+(?:period|time|timeframe|months|weeks|years)\b"
    r"|\b(?:the|a)\s+total\s+(?:number\s+)?of\b[^,;]{0,80}?\b(?:now\s+)?(?:stands|stood|reached|rose|climbed)\b"
    r"|\b(?:during|throughout|over|across)\s+(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b(?!\s+\d)"
    r"|\b(?:mediated|conducted|held|carried\s+out|facilitated|arranged|brokered)\s+(?:\d+|two|three|four|five|six|seven|eight"
    r"|nine|ten|several|many|dozens\s+of)\s+(?:\w+\s+)?(?:swaps|exchanges|repatriations|handovers|transfers)\b"
    r"|\b(?:has|have|had)\s+now\b|\b(?:in\s+(?:19|20)\d\d|this\s+year|last\s+year)\s+alone\b"
    r"|^\W{0,3}(?:last|this)\s+year\s*,|^\W{0,3}(?:during|throughout)\s+(?:19|20)\d\d\s*,)",
    re.I,
)
_MODAL = re.compile(
    r"\b(?=[acdegimopnrstuwACDEGIMOPNRSTUW])(?:(?P<agreed>agreed|agree|agrees|agreement|agreements|deal|accord|arrangement|provided\s+for|provides\s+for"
    r"|provide\s+for|undert(?:ook|ake|akes|aken)\s+to|envisag\w+|stipulat\w+|pledged|committed|consented)"
    r"|(?P<offered>offered|offers|offer|offering|proposed|proposes|propose|proposal|ready\s+to|willing\s+to|prepared\s+to|(?:a|the|its|their)\s+lists?\s+of)"
    r"|(?P<planned>plans?|planned|planning|will|would|shall|(?:could|may|might)\s+(?:still\s+|soon\s+|also\s+)?(?:be|see)|set\s+to|expected|expects|expect|scheduled|intends?"
    r"|intended|going\s+to|is\s+to|are\s+to|(?:was|were)\s+to\s+(?:have\s+)?be(?:en)?|upcoming|next\s+stage|soon|in\s+the\s+near\s+future|to\s+be\s+(?:returned|handed|exchanged|repatriated|transferred|freed|released)))\b",
    re.I,
)
# "captured nearly 600", "is holding 1,000": people taken or held, not handed over.
CAPTURE_BEFORE = re.compile(
    r"\b(?:captured|captures|capture|capturing|took\s+(?:\w+\s+)?prisoner|taken\s+prisoner|took\s+captive|holds|holding"
    r"|is\s+holding|are\s+holding|detained|detains|abducted|deported)\s+(?:(?:more\s+than|nearly|almost|about|around|some"
    r"|over|at\s+least|up\s+to|roughly|approximately)\s+)?$",
    re.I,
)
# "1,000-for-1,000 exchange", "the 6,000-for-6,000 body swap": the swap named by its terms is the deal.
_TERMS_NOUN = re.compile(r"[-‑–]for[-‑–][\d,.Kk]+\s+(?:\w+\s+)?(?:exchange|swap|deal|agreement|formula|trade)\b", re.I)
_TERMS_BEFORE = re.compile(r"\d[-‑–]for[-‑–]$", re.I)
_TERMS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:exchange|swap|deal|agreement|formula|trade)\b", re.I)
_UNDER_WHICH = re.compile(r"\b(?:under|in|by)\s+which\b|\bwhereby\b|\bunder\s+(?:the|this|that)\s+(?:deal|agreement|accord|arrangement)\b", re.I)
UNDER_THAT = re.compile(r"\bunder\s+(?:the|this|that)\s+(?:deal|agreement|accord|arrangement)\b", re.I)
_UNDER_THAT = UNDER_THAT
# "held since 2022", "in captivity since the start of the war": how long, not how many in all.
_HELD_BEFORE = re.compile(
    r"\b(?:held|detained|imprisoned|missing|jailed|(?:in|into)\s+(?:\w+\s+)?(?:captivity|custody|detention))\s+$", re.I
)
# "Over three days, 1,000 ...": an opening phrase sets the measure of the clause after it.
_OPENING = re.compile(r"[^,:;]{0,60},", re.I)
_AFTER_COLON = re.compile(r"[:;]\s*")


def _openings(sentence):
    """The opening phrases of the sentence and of each part after a colon ("...: since June, ...")."""
    found = [_OPENING.match(sentence)]
    if ":" in sentence or ";" in sentence:
        found += [_OPENING.match(sentence, colon.end()) for colon in _AFTER_COLON.finditer(sentence)]
    return [m for m in found if m]
_PHASED = re.compile(r"\bphased\b", re.I)
_NEAR_FUTURE = re.compile(r"\bin\s+the\s+(?:near|coming)\s+(?:future|days|weeks)\b", re.I)
_TRANSFER = re.compile(
    r"\b(?:return\w*|hand\w*|gave|give\w*|receiv\w*|repatriat\w*|freed|free|releas\w*|swap\w*|exchang\w*"
    r"|transferr?\w*|brought|bring\w*|came\s+home|got\s+back|welcom\w*|sent|deliver\w*|passed|retriev\w*)\b",
    re.I,
)


# _CLAUSE_BREAK rewritten to start with one character class, which the re module scans for
# quickly; it finds the same breaks. Without "while", "whereas" or "-" only punctuation can break.
_CLAUSE_BREAK_FAST = re.compile(
    r"[;:—–,\s](?:(?<=[;:—–])\s*|(?<=[^\d\s],)\s+|(?<=,)\s+(?!\d{3}\b)|(?<=\s)\s*(?:while|whereas)\s+|(?<=\s)\s*-\s+)"
)
_CLAUSE_BREAK_PUNCTUATION = re.compile(r"[;:—–,](?:(?<=[;:—–])\s*|(?<=[^\d\s],)\s+|(?<=,)\s+(?!\d{3}\b))")


def _breaks(sentence):
    if "-" in sentence or "while" in sentence or "whereas" in sentence:
        pattern = _CLAUSE_BREAK_FAST
    else:
        pattern = _CLAUSE_BREAK_PUNCTUATION
    return [(m.start(), m.end()) for m in pattern.finditer(sentence)]


def clause_bounds(sentence, start, end, memo=None):
    """(start, end) of the clause around sentence[start:end]: commas, dashes, "while" split."""
    memo = memo_for(sentence, memo)
    return between_breaks(memo.get("breaks", _breaks, sentence), start, end, len(sentence))


def _cumulative_in(sentence, clause_start, clause_end, memo):
    for m in memo.scan(_CUMULATIVE, _CUMULATIVE_LOW, clause_start, clause_end):
        if _HELD_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) or (
                m.group()[:5].lower() == "since" and _HELD_NEAR.search(sentence, max(0, m.start() - 60), m.start())):
            continue
        if m.group()[:5].lower() == "since" and _SUPERLATIVE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "the largest swap since the war began": a comparison, not a running total
        return True
    return False


# "the largest exchange since ...", "the first swap since ...": "since" measures a record, not a total.
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:\w+est|most|first|only|biggest|largest|second|third)\s+(?:[\w-]+\s+){0,3}$", re.I
)


# A sentence without one of these words, or "cumulativ", holds no _CUMULATIVE cue.
_CUMULATIVE_WORDS = frozenset(
    """total number tally overall totaling totalling far date altogether all now day since past last previous
    days weeks months years stages rounds phases exchanges swaps repatriations batches handovers transfers
    phased alone year throughout then end during over across course same""".split()
)


def _may_be_cumulative(memo):
    low = memo.text.lower()
    return memo.has_any(_CUMULATIVE_WORDS) or "cumulativ" in low or "-" in memo.text or "as of " in low or "as at " in low


# "Since the talks resumed, Ukraine has brought home 1,400", "3,100 have been freed since the conflict began":
# a handover told in the perfect, counted from a starting point, is a running total.
_PERFECT_TRANSFER = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?(?:return\w*|handed|received|repatriated|freed"
    r"|released|swapped|exchanged|brought|got\s+back|taken\s+back)\b",
    re.I,
)
# "ships held in Ukrainian ports since the invasion": how long someone was held, a few words on.
_HELD_NEAR = re.compile(
    r"(?:\b(?:held|detained|imprisoned|jailed|missing|captured|stuck|blocked|trapped|living|lived)"
    r"|\b(?:in|into)\s+(?:\w+\s+)?(?:captivity|custody|detention))\b"
    r"(?:\s+[\w’'-]+){0,4}\s+$",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?:the|its|their|his|her|talks|exchanges|swaps|repatriations|[A-Z]\w+)\b", re.I)


def _since_perfect(sentence, clause_start, clause_end, memo):
    perfect = _PERFECT_TRANSFER.search(sentence, clause_start, clause_end)
    if perfect is None:
        return False
    for m in _SINCE.finditer(sentence):
        before = sentence[max(0, m.start() - 60):m.start()]
        if _HELD_NEAR.search(before) or _SUPERLATIVE_BEFORE.search(before):
            continue
        return True
    return False


def _cumulative(sentence, clause_start, clause_end, start, memo):
    if memo.has_any(("since",)) and _since_perfect(sentence, clause_start, clause_end, memo):
        return True
    if not memo.get("may-cumulative", _may_be_cumulative, memo):
        return False
    for opening in reversed(memo.get("openings", _openings, sentence)):
        if opening.end() <= clause_start:
            if not _LIST_MARK.search(sentence, opening.end(), start):
                clause_start = opening.start()
            break
    # Every cue found inside the clause ends inside it, so the figure's place does not matter.
    return memo.get(("cumulative", clause_start, clause_end), _cumulative_in, sentence, clause_start, clause_end, memo)


def _spans(pattern, sentence):
    return [(m.start(), m.end()) for m in pattern.finditer(sentence)]


_LIST_MARK = re.compile(r"[:;]")
_PHASED_WORDS = frozenset(["phased"])
_CAPTURE_WORDS = ("captur", "took", "taken", "hold", "detain", "abduct", "deport")


def _may_capture(memo):
    low = memo.lower
    if low is None:
        return True
    return any(word in low for word in _CAPTURE_WORDS)


def captured_before(sentence, start, memo=None):
    """Whether a capture or holding verb stands right before the figure at start."""
    memo = memo_for(sentence, memo)
    if not memo.get("capture-word", _may_capture, memo):
        return False
    return bool(CAPTURE_BEFORE.search(sentence, max(0, start - 60), start))


def _clause_cues(memo, clause_start, clause_end):
    if memo.scan(_NEAR_FUTURE, _NEAR_FUTURE_LOW, clause_start, clause_end):
        return "planned"
    if memo.scan(_TRANSFER, _TRANSFER_LOW, clause_start, clause_end):
        return "transferred"
    return None


_CUMULATIVE_LOW = caseless(_CUMULATIVE)
_MODAL_LOW = caseless(_MODAL)
_NEAR_FUTURE_LOW = caseless(_NEAR_FUTURE)
_TRANSFER_LOW = caseless(_TRANSFER)


def read_measure(sentence, start, end, clause_start, clause_end, memo=None):
    """(measure, cue found) for the figure sentence[start:end]."""
    memo = memo_for(sentence, memo)
    if _cumulative(sentence, clause_start, clause_end, start, memo) or memo.has_any(_PHASED_WORDS) and any(
            e <= start for _, e in memo.get("phased", _spans, _PHASED, sentence)):
        return "cumulative", True
    if captured_before(sentence, start, memo):
        return "other", True
    if _TERMS_NOUN.match(sentence, end, end + 60) or (
            _TERMS_BEFORE.search(sentence, max(0, start - 6), start) and _TERMS_AFTER.match(sentence, end, end + 40)):
        return "agreed", True
    modal = None
    for m in memo.get("modals", memo.scan, _MODAL, _MODAL_LOW):
        if m.start() >= start:
            break
        if m.start() >= clause_start and m.end() <= start:
            modal = m
    if modal is not None:
        kind = next(k for k, v in modal.groupdict().items() if v)
        if kind == "planned":
            # "the exchange agreed in Istanbul, under which each side is to release 1,000": the deal's terms.
            under = _UNDER_WHICH.search(sentence, 0, modal.start())
            if under and _UNDER_THAT.match(under.group()):
                return "agreed", True  # "Under that deal, each side is to return 1,200": the deal's terms
            if under and _MODAL.search(sentence, 0, under.start()) and any(
                    m.group("agreed") for m in _MODAL.finditer(sentence, 0, modal.start())):
                return "agreed", True
        return kind, True
    cue = memo.get(("clause-cues", clause_start, clause_end), _clause_cues, memo, clause_start, clause_end)
    if cue:
        return cue, True
    return "transferred", False
