"""The machine reader: an article in, the figures that count people out.

``extract_claims(article)`` walks the sentences of the article's body, finds
the numbers in them, keeps those that count people (bodies, prisoners, the
killed) and reads each one's qualifier, subject, side, recipient, measure,
claimant and date. See the modules it calls for the rules of each field.

Sides, beyond what each module reads:

- "6,000 each", "1,000 on each side": one claim per side, each received by
  its own side.
- "killed on both sides": one claim with side "both".
- "1,000 for 1,000": see ``sides``; the first figure is the claimant's own
  people (Russia's for a Russian speaker, otherwise Ukraine's).
- "servicemen", "our ..." with no nationality: the claimant's side.
- "another 2,239 bodies", "a figure of 1,248": what the figure does not say
  is taken from the figure read before it.
"""

import re

from .claimants import Attributor
from .counted import BODY_CUES, CAPTIVE_CUES, TRANSFER_CUES, read_counted
from .dates import read_dates
from .figures import find_figures
from .measures import CAPTURE_BEFORE, clause_bounds, read_measure
from .qualifiers import read_qualifier
from .reading import ClaimReading
from .sentences import sentence_spans
from .sides import country_before, read_recipient, swap_partner
from .vocabulary import side_of_place, voice_side

_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b",
    re.I,
)
_LIST_AFTER = re.compile(
    r"\s*(?:$|[.,;:)–—-]|(?:on|in|at|and|or|were|was|have|had|from|by|each|apiece|today|yesterday|tonight|this|last)\b)", re.I
)
_LIST_BEFORE = re.compile(r"(?:[:,;–—]|\band|\bwhile|\bwhereas|\breceived|\bgot|\breturned|\bhanded\s+over|\bgave)\s*(?:\w+\s+)?$", re.I)
_GAPPED_SUBJECT = re.compile(r"\b(?:and|while|whereas)\s+(?:the\s+)?(?P<place>Ukraine|Kyiv|Kiev|Russia|Moscow)\s*$")
_VOICE_NOUNS = frozenset("servicemen serviceman personnel military".split())
SIDES_OF_EACH = ("ukraine", "russia")
EVENT_KINDS = {
    ("bodies", "transferred"): "repatriation",
    ("bodies", "planned"): "repatriation",
    ("prisoners", "transferred"): "prisoner_exchange",
    ("prisoners", "planned"): "prisoner_exchange",
}


def extract_claims(article):
    """Every figure that counts people in the article's body, sorted by (figure_start, side)."""
    text = article.text
    published = article.meta.published if article.meta else None
    body = article.body or [(0, len(text))]
    spans = sentence_spans(text, body)
    attributor = Attributor(text, spans)
    claims = []
    previous = None
    for index, (quote_start, quote_end) in enumerate(spans):
        sentence = text[quote_start:quote_end]
        if not _HAS_NUMBER.search(sentence):
            continue
        figures = find_figures(sentence)
        in_sentence = []
        for i, figure in enumerate(figures):
            readings = _read_figure(sentence, figures, i, index, attributor, published, previous, in_sentence)
            for reading in readings:
                reading.figure_start += quote_start
                reading.figure_end += quote_start
                reading.quote_start = quote_start
                reading.quote_end = quote_end
                claims.append(reading)
            if readings:
                previous = readings[-1]
                in_sentence.extend(readings)
    _fill_unknown_sides(claims, text)
    claims.sort(key=lambda c: (c.figure_start, c.side))
    return claims


_HOME = re.compile(r"\bhome\b", re.I)


def _fill_unknown_sides(claims, text):
    """Sides the sentence left open, from the rest of the article.

    A headline's "200 prisoners come home" takes the side of the same figure
    in the body; a speaker's "185 soldiers are home" is the speaker's own
    people; otherwise "the 502 bodies handed over" are the people most of
    the article's figures of the same subject count.
    """
    known = [c for c in claims if c.side in SIDES_OF_EACH]
    for c in claims:
        if c.side != "unknown" or c.subject not in ("bodies", "prisoners"):
            continue
        side = None
        same = [k for k in known if k.value == c.value and k.subject == c.subject]
        if same:
            side = same[0].side
        if side is None and _HOME.search(text, c.quote_start, c.quote_end):
            side = voice_side(c.claimant)
        if side is None:
            sides = [k.side for k in known if k.subject == c.subject]
            if sides:
                side = max(SIDES_OF_EACH, key=lambda x: (sides.count(x), -sides.index(x) if x in sides else -99))
        if side is not None:
            c.side = side
            if c.recipient is None:
                c.recipient = side
            c.confidence = round(max(0.05, c.confidence - 0.1), 2)


def _read_figure(sentence, figures, i, index, attributor, published, previous, in_sentence):
    figure = figures[i]
    counted = read_counted(sentence, figure.start, figure.end)
    partner = swap_partner(sentence, figures, i)
    carried = False
    if partner is not None and counted.subject is None:
        later = figures[max(i, partner)]
        counted_later = read_counted(sentence, later.start, later.end)
        if counted_later.subject:
            counted.subject, counted.noun = counted_later.subject, counted_later.noun
        elif re.search(r"\b(?:bodies|remains)\b", sentence, re.I):
            counted.subject = "bodies"
        elif CAPTIVE_CUES.search(sentence) or BODY_CUES.search(sentence) is None:
            counted.subject = "prisoners"
        counted.explicit_subject = False
    if figure.yearlike and not (counted.noun and counted.explicit_subject):
        return []
    if counted.subject is None and counted.reference and previous is not None:
        counted.subject = previous.subject
        carried = True
    gapped = None
    if counted.subject is None and in_sentence and not figure.yearlike and _LIST_AFTER.match(sentence, figure.end):
        # "1,000 freed: 390 on Friday, 307 on Saturday", "Kyiv received 1K soldiers and Moscow 19",
        # "handed over 6,057 bodies and received 78 in return": the noun is shared with the figure before.
        before = sentence[in_sentence[-1].figure_end - in_sentence[-1].quote_start:figure.start]
        if _LIST_BEFORE.search(before):
            counted.subject = in_sentence[-1].subject
            counted.explicit_subject = False
            gap = _GAPPED_SUBJECT.search(before)
            gapped = side_of_place(gap.group("place")) if gap else None
            if gapped is None and not TRANSFER_CUES.search(before):
                counted.continues = True
    if counted.subject is None:
        return []

    clause_start, clause_end = clause_bounds(sentence, figure.start, figure.end)
    measure, measure_cue = read_measure(sentence, figure.start, figure.end, clause_start, clause_end)
    if counted.subject == "killed":
        measure = "cumulative" if measure == "cumulative" else "other"
    captured = measure == "other" and bool(CAPTURE_BEFORE.search(sentence, max(0, figure.start - 60), figure.start))
    qualifier = read_qualifier(sentence, figure.start, figure.end)
    claimant = attributor.claimant(index, figure.start)

    recipient, recipient_explicit = None, False
    if counted.subject in ("bodies", "prisoners"):
        recipient, recipient_explicit = read_recipient(sentence, figure.start, figure.end, clause_start, clause_end)

    side, side_explicit = counted.side, counted.explicit_side
    if side is None and counted.possessive in ("its", "their"):
        # "Ukraine said 230 of its citizens", "Russia received 45 of its soldiers": the country named before.
        side = country_before(sentence, figure.start)
        side_explicit = side is not None
    if side is None and (counted.possessive in ("our", "its", "their") or counted.noun in _VOICE_NOUNS):
        side = voice_side(claimant)
    if side is None and gapped:
        side = gapped
        if counted.subject in ("bodies", "prisoners") and in_sentence and in_sentence[-1].recipient == in_sentence[-1].side:
            recipient = gapped
    if side is None and recipient and counted.subject in ("bodies", "prisoners"):
        side = recipient
    if side is None and (counted.continues or counted.reference) and previous is not None \
            and previous.subject == counted.subject and previous.side in SIDES_OF_EACH:
        side = previous.side
        carried = True
    if side is None:
        same = [c for c in in_sentence if c.subject == counted.subject and c.side in SIDES_OF_EACH]
        if same:
            side = same[-1].side
            carried = True
    if side_explicit and recipient in SIDES_OF_EACH and side in SIDES_OF_EACH and recipient != side \
            and not recipient_explicit:
        recipient = side  # "Ukraine returned 95 defenders": people come home
    if recipient is None and counted.subject in ("bodies", "prisoners"):
        if side in SIDES_OF_EACH:
            recipient = side
        elif counted.continues and previous is not None and previous.subject == counted.subject:
            recipient = previous.recipient

    if captured:
        recipient = None  # people taken captive are received by no one
    as_of, event_date, precision = read_dates(
        sentence, clause_start, clause_end, figure.start, figure.end, published, measure
    )
    if measure == "agreed":
        event_kind = "agreement"
    else:
        event_kind = EVENT_KINDS.get((counted.subject, measure), "other")
        if event_kind == "other":
            event_date, precision = None, "unknown"

    confidence = 0.4
    confidence += 0.2 if counted.explicit_subject else 0.0
    confidence += 0.15 if side_explicit else (0.05 if side in SIDES_OF_EACH else 0.0)
    confidence += 0.1 if claimant else 0.05
    confidence += 0.1 if measure_cue else 0.0
    confidence -= 0.15 if carried else 0.0
    confidence = round(min(0.95, max(0.05, confidence)), 2)

    def reading(side_, recipient_):
        return ClaimReading(
            value=figure.value, figure=figure.text, figure_start=figure.start, figure_end=figure.end,
            quote_start=0, quote_end=0, qualifier=qualifier, subject=counted.subject, side=side_,
            recipient=recipient_, measure=measure, as_of=as_of, claimant=claimant,
            event_kind=event_kind, event_date=event_date, event_date_precision=precision,
            confidence=confidence,
        )

    personal = counted.subject in ("bodies", "prisoners")
    if counted.each and not side_explicit:
        return [reading(s, s if personal else None) for s in SIDES_OF_EACH]
    if counted.both and not side_explicit:
        return [reading("both", None)]
    if partner is not None and not side_explicit:
        first = voice_side(claimant) or "ukraine"
        own = first if i < partner else ("russia" if first == "ukraine" else "ukraine")
        return [reading(own, own if personal else None)]
    return [reading(side or "unknown", recipient)]
