"""What kind of figure it is, read from the clause that holds it.

cumulative  a running total: "bringing the total to", "in total", "so far",
            "since the start of the war", "over the past week", "altogether"
            (anywhere in the clause; wins over everything else)
agreed      an agreement's target: "agreed to", "deal to return", "agreement
            ... provided for"
offered     "offered to", "proposed", "ready to hand over"
planned     "planned to", "will return", "is set to", "expected", "in the near future"
transferred one handover: "returned", "handed over", "received", "freed", "swapped"
other       none of these

Of agreed, offered and planned, the cue nearest before the figure wins; any
of them wins over a transfer word ("agreed to a mutual exchange of 6,000").
"""

import re

_CLAUSE_BREAK = re.compile(r"[;:—–]\s*|,\s+(?!\d{3}\b)|\s+(?:while|whereas)\s+|\s+-\s+")
_CUMULATIVE = re.compile(
    r"\b(?=[abcdiostuo])(?:(?:bringing|brings|brought|bring)\s+(?:the\s+)?(?:total|number|tally|overall)"
    r"|\b(?:the|a)\s+total\s+(?:number|of)\b[^,;]{0,80}\bto\s*$"
    r"|\bin\s+total\b|\btotall?ing\b|\bso\s+far\b|\bto\s+date\b|\bthus\s+far\b|\baltogether\b|\boverall\b"
    r"|\bin\s+all\b|\bcumulative\w*\b|\bup\s+to\s+now\b|\buntil\s+now\b|\bto\s+this\s+day\b"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|onset|outbreak|launch)\b|\bsince\s+(?:the\s+)?(?:war|invasion|full-scale)"
    r"|\bsince\s+(?:19|20)\d\d\b|\bsince\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d|(?:19|20)\d\d)|\bsince\s+(?:Russia|Moscow)[’']s\b|\bsince\s+(?:Russia|Moscow)\s+(?:invaded|launched)"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b)",
    re.I,
)
_MODAL = re.compile(
    r"\b(?=[acdegiopnrstuwACDEGIOPNRSTUW])(?:(?P<agreed>agreed|agree|agrees|agreement|agreements|deal|accord|arrangement|provided\s+for|provides\s+for"
    r"|provide\s+for|envisag\w+|stipulat\w+|pledged|committed|consented)"
    r"|(?P<offered>offered|offers|offer|offering|proposed|proposes|propose|proposal|ready\s+to|willing\s+to|prepared\s+to)"
    r"|(?P<planned>plans?|planned|planning|will|would|shall|set\s+to|expected|expects|expect|scheduled|intends?"
    r"|intended|going\s+to|is\s+to|are\s+to|upcoming|next\s+stage|soon|in\s+the\s+near\s+future|to\s+be\s+(?:returned|handed|exchanged|repatriated|transferred|freed|released)))\b",
    re.I,
)
_NEAR_FUTURE = re.compile(r"\bin\s+the\s+(?:near|coming)\s+(?:future|days|weeks)\b", re.I)
_TRANSFER = re.compile(
    r"\b(?:return\w*|hand\w*|gave|give\w*|receiv\w*|repatriat\w*|freed|free|releas\w*|swap\w*|exchang\w*"
    r"|transferr?\w*|brought|bring\w*|came\s+home|got\s+back|welcom\w*|sent|deliver\w*|passed|retriev\w*)\b",
    re.I,
)


def clause_bounds(sentence, start, end):
    """(start, end) of the clause around sentence[start:end]: commas, dashes, "while" split."""
    clause_start, clause_end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            clause_start = m.end()
        elif m.start() >= end:
            clause_end = m.start()
            break
    return clause_start, clause_end


def read_measure(sentence, start, end, clause_start, clause_end):
    """(measure, cue found) for the figure sentence[start:end]."""
    clause = sentence[clause_start:clause_end]
    if _CUMULATIVE.search(clause) or _CUMULATIVE.search(sentence, clause_start, start):
        return "cumulative", True
    modal = None
    for m in _MODAL.finditer(sentence, clause_start, start):
        modal = m
    if modal is not None:
        return next(k for k, v in modal.groupdict().items() if v), True
    if _NEAR_FUTURE.search(clause):
        return "planned", True
    if _TRANSFER.search(clause):
        return "transferred", True
    return "transferred", False
