"""Conflicts: where claims about one event cannot all be true.

One row per disagreement, with a claim on either side. Four kinds:

``value``
    Claims about the same event and thing counted (subject, side, measure)
    that give different numbers whose ranges (etl.resolve.reconcile.ranges: "about" is ±10%, "more
    than" is open-ended) do not overlap, from different claimants. Figures
    of measure ``other`` count different parts of a handover (20 civilians,
    12 defenders) and are never compared. The same number hedged
    differently (6,000 against "more than 6,000") is a difference of
    wording, not of figures, and is left out. Claims giving the same figure
    with the same hedge are one position, so Kyiv's and the Coordination
    Headquarters' 1,245 against the Defence Ministry's 1,248 is one
    conflict, not two. Running totals (``cumulative``) are compared only
    with totals as of the same day, since a total grows. Each position is
    set against the group's best-backed position (the most independent
    sources, then the most official claimants, then the most claims, then
    the lowest value), not against every other: n positions give at most
    n - 1 rows, however many sources report an event. Two positions that
    both fit the best-backed one are not set against each other. The
    representative claim of a position is an official's (a person or
    government body of Ukraine or Russia) where there is one, then the
    first by id.

``date``
    Claims of a handover (measure ``transferred``) linked to one event that
    date it differently. A claim's date is its ``as_of``, unless its quote
    names exactly one weekday ("announced on Wednesday") that is not the
    weekday of ``as_of``: then it is that weekday nearest to ``as_of``
    (within three days either way). One row per pair of dates; the
    representatives are claims whose quote names the weekday, then
    officials', then the first by id.

``description``
    The two sides describe an agreement differently: a claim's quote is cut
    into clauses (at "while", "whereas", ", but" and semicolons); a clause
    with "unilateral", "goodwill gesture", "humanitarian gesture" or
    "one-sided" describes a one-sided act, else one with "mutual",
    "reciprocal", "exchange" or "swap" a mutual one. The clause's speaker is
    the longest actor name or alias in it, else the claimant. A mutual
    description by one party (Ukraine or Russia) and a one-sided description
    by the other, in claims about the same event, are a conflict; when one
    quote reports both ("Kyiv ... said ... a mutual exchange ..., while
    Moscow described the returns as a unilateral initiative"), both sides of
    the row are that claim. One row per event and pair of claims, the first
    by id, a single quote that reports both preferred.

``total``
    A running total (measure ``cumulative``) for an event that is less than
    its stages: the child events (``parent_event_id``) dated on or before
    the total's ``as_of``, each counted at the lowest value its
    ``transferred`` claims allow, add up to more than the total's highest
    possible value. Conservative on purpose: hedged stages count low, a
    total that says "more than" is never exceeded, a stage without a figure
    counts nothing, and a total with no ``as_of`` is not checked.

``method`` is curated when both claims are, machine otherwise.
"""

import re
from collections import defaultdict
from datetime import date, timedelta

from .ranges import UNCOMPARABLE, claim_range, officials, overlap, written

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
CLAUSE_BREAK = re.compile(r"[;:]\s+|,?\s+\b(?:while|whereas)\b\s+|,\s+but\s+")
ONE_SIDED = re.compile(r"\b(?:unilateral(?:ly)?|goodwill gesture|humanitarian gesture|one-sided)\b", re.IGNORECASE)
MUTUAL = re.compile(r"\b(?:mutual(?:ly)?|reciprocal|exchanges?|swaps?)\b", re.IGNORECASE)
PARTIES = ("ukraine", "russia")
SIDE_WORDS = {"ukraine": "Ukrainian", "russia": "Russian", "both": "", "unknown": ""}
MEASURE_WORDS = {
    "transferred": "handed over",
    "cumulative": "in all so far",
    "agreed": "agreed",
    "offered": "offered",
    "planned": "planned",
    "other": "",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


class Context:
    """What the detectors need besides the claims: names, officials, events, story families."""

    def __init__(self, actors, events, family_of=None):
        self.family_of = family_of or {}
        self.actors = {row["actor_id"]: row for row in actors}
        self.officials = officials(actors)
        self.events = {row["event_id"]: row for row in events}
        names = []
        for row in actors:
            for name in [row.get("name"), *(row.get("aliases") or "").split(" | ")]:
                if name:
                    names.append((name, row["actor_id"]))
        self.names = sorted(set(names), key=lambda n: (-len(n[0]), n[0], n[1]))

    def name(self, actor_id):
        return (self.actors.get(actor_id) or {}).get("name") or actor_id

    def side(self, actor_id):
        return (self.actors.get(actor_id) or {}).get("side")

    def label(self, event_id):
        return (self.events.get(event_id) or {}).get("label") or event_id

    def backing(self, claims):
        """How strongly a position is backed: independent sources (story families), official claimants, claims."""
        families = {self.family_of.get(c["source_id"], c["source_id"]) for c in claims}
        voices = {c["claimant_id"] for c in claims if c["claimant_id"] in self.officials}
        return len(families), len(voices), len(claims)

    def rank(self, claim):
        """Sort key for choosing a representative claim: officials first, then by id."""
        return (claim["claimant_id"] not in self.officials, claim["claim_id"])

    def speaker(self, clause):
        """The actor named in a clause (longest name first), or None."""
        for name, actor_id in self.names:
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", clause):
                return actor_id
        return None


def conflict_row(kind, event_id, a, b, stated_a, stated_b, summary, value_a=None, value_b=None, counted=None):
    counted = counted or (None, None, None)
    return {
        "conflict_id": f"{kind}:{a['claim_id']}:{b['claim_id']}",
        "kind": kind,
        "event_id": event_id,
        "subject": counted[0],
        "side": counted[1],
        "measure": counted[2],
        "claim_a": a["claim_id"],
        "claim_b": b["claim_id"],
        "value_a": value_a,
        "value_b": value_b,
        "stated_a": stated_a,
        "stated_b": stated_b,
        "summary": summary,
        "method": "curated" if a.get("method") == b.get("method") == "curated" else "machine",
    }


def counted_words(subject, side, measure):
    return " ".join(w for w in (SIDE_WORDS.get(side, ""), subject, MEASURE_WORDS.get(measure, "")) if w)


# Values ------------------------------------------------------------------


def value_conflicts(claims, context):
    groups = defaultdict(list)
    for claim in claims:
        if claim.get("event_id") and claim["measure"] not in UNCOMPARABLE:
            # A running total grows: totals are compared only with totals as of the same day.
            day = (claim.get("as_of") or "") if claim["measure"] == "cumulative" else ""
            groups[(claim["event_id"], claim["subject"], claim["side"], claim["measure"], day)].append(claim)
    rows = []
    for group in sorted(groups):
        key = group[:4]
        positions = defaultdict(list)
        for claim in groups[group]:
            positions[(claim["value"], claim["qualifier"])].append(claim)
        if len(positions) < 2:
            continue
        reference = max(sorted(positions), key=lambda position: context.backing(positions[position]))
        for other in sorted(positions):
            if other[0] == reference[0] or overlap(claim_range(positions[other][0]), claim_range(positions[reference][0])):
                continue
            low, high = sorted((reference, other))
            pairs = [(a, b) for a in positions[low] for b in positions[high] if a["claimant_id"] != b["claimant_id"]]
            if not pairs:
                continue
            a, b = min(pairs, key=lambda p: (context.rank(p[0]), context.rank(p[1])))
            summary = (
                f"{context.label(key[0])}: {context.name(a['claimant_id'])} gives {written(*low)} and "
                f"{context.name(b['claimant_id'])} gives {written(*high)} "
                f"({counted_words(*key[1:])}); both cannot be true."
            )
            rows.append(conflict_row("value", key[0], a, b, written(*low), written(*high), summary, a["value"], b["value"], key[1:]))
    return rows


# Dates -------------------------------------------------------------------


def stated_date(claim):
    """(date, whether the quote names its weekday) for a claim with an as_of, else None."""
    if not claim.get("as_of"):
        return None
    as_of = date.fromisoformat(str(claim["as_of"])[:10])
    named = set(WEEKDAY.findall(claim.get("quote") or ""))
    if len(named) != 1:
        return as_of, False
    weekday = WEEKDAYS.index(named.pop())
    for shift in (0, -1, 1, -2, 2, -3, 3):
        day = as_of + timedelta(days=shift)
        if day.weekday() == weekday:
            return day, True
    return as_of, False


def spoken(day):
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def date_conflicts(claims, context):
    by_event = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim.get("event_id") and claim["measure"] == "transferred":
            found = stated_date(claim)
            if found:
                by_event[claim["event_id"]][found[0]].append((not found[1], *context.rank(claim), claim))
    rows = []
    for event_id in sorted(by_event):
        dates = sorted(by_event[event_id])
        for i, first in enumerate(dates):
            for second in dates[i + 1:]:
                a = min(by_event[event_id][first], key=lambda t: t[:3])[-1]
                b = min(by_event[event_id][second], key=lambda t: t[:3])[-1]
                summary = (
                    f"{context.label(event_id)}: {context.name(a['claimant_id'])} is reported for {spoken(first)}, "
                    f"{context.name(b['claimant_id'])} for {spoken(second)}."
                )
                rows.append(conflict_row("date", event_id, a, b, spoken(first), spoken(second), summary))
    return rows


# Descriptions ------------------------------------------------------------


def descriptions(claim, context):
    """[(kind, party, clause)] for each clause of the quote that describes the act."""
    found = []
    for clause in CLAUSE_BREAK.split(claim.get("quote") or ""):
        kind = "one-sided" if ONE_SIDED.search(clause) else "mutual" if MUTUAL.search(clause) else None
        if not kind:
            continue
        party = context.side(context.speaker(clause) or claim["claimant_id"])
        if party in PARTIES:
            found.append((kind, party, clause.strip().rstrip(".")))
    return found


def description_conflicts(claims, context):
    by_event = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c["claim_id"]):
        if claim.get("event_id"):
            for kind, party, clause in descriptions(claim, context):
                by_event[claim["event_id"]].append((kind, party, clause, claim))
    rows = []
    for event_id in sorted(by_event):
        said = by_event[event_id]
        pairs = [
            (m, o)
            for m in said if m[0] == "mutual"
            for o in said if o[0] == "one-sided" and o[1] != m[1]
        ]
        if not pairs:
            continue
        m, o = min(pairs, key=lambda p: (p[0][3] is not p[1][3], p[0][3]["claim_id"], p[1][3]["claim_id"]))
        party = {"ukraine": "Ukraine", "russia": "Russia"}
        summary = (
            f"{context.label(event_id)}: {party[m[1]]}'s side describes a mutual exchange "
            f"(“{m[2]}”), {party[o[1]]}'s a one-sided act (“{o[2]}”)."
        )
        rows.append(conflict_row("description", event_id, m[3], o[3], m[2], o[2], summary))
    return rows


# Totals ------------------------------------------------------------------


def stage_date(event, stage_claims):
    if event.get("date_precision") == "day" and event.get("date"):
        return date.fromisoformat(event["date"])
    dates = [c["as_of"] for c in stage_claims if c.get("as_of")]
    return date.fromisoformat(str(max(dates))[:10]) if dates else None


def total_conflicts(claims, context):
    children = defaultdict(list)
    for event in context.events.values():
        if event.get("parent_event_id"):
            children[event["parent_event_id"]].append(event)
    by_event = defaultdict(list)
    for claim in claims:
        if claim.get("event_id"):
            by_event[claim["event_id"]].append(claim)
    rows = []
    for parent_id in sorted(children):
        totals = defaultdict(list)
        for claim in by_event.get(parent_id, []):
            if claim["measure"] == "cumulative" and claim.get("as_of"):
                totals[(claim["subject"], claim["side"], claim["value"], claim["qualifier"], str(claim["as_of"]))].append(claim)
        for key in sorted(totals):
            subject, side, value, qualifier, as_of = key
            total = min(totals[key], key=context.rank)
            stages = []
            for child in sorted(children[parent_id], key=lambda e: e["event_id"]):
                told = [c for c in by_event.get(child["event_id"], []) if c["measure"] == "transferred" and (c["subject"], c["side"]) == (subject, side)]
                when = stage_date(child, told)
                if told and when and when <= date.fromisoformat(as_of[:10]):
                    low = min(claim_range(c)[0] for c in told)
                    lowest = min((c for c in told if claim_range(c)[0] == low), key=context.rank)
                    stages.append((when, child["event_id"], int(low), lowest))
            added = sum(s[2] for s in stages)
            if not stages or added <= claim_range(total)[1]:
                continue
            stages.sort()
            last = stages[-1][3]
            sums = " + ".join(f"{s[2]:,}" for s in stages)
            summary = (
                f"{context.label(parent_id)}: {context.name(total['claimant_id'])} gives a running total of "
                f"{written(value, qualifier)} {counted_words(subject, side, 'other')} as of {as_of}, "
                f"but its {len(stages)} stages add up to at least {added:,} ({sums})."
            )
            rows.append(
                conflict_row(
                    "total", parent_id, total, last, written(value, qualifier), f"{sums} = {added:,}",
                    summary, value, added, (subject, side, "cumulative"),
                )
            )
    return rows


def conflicts(claims, actors, events, family_of=None):
    """Rows of the conflicts table. ``family_of``: {source id: story family id}, to weigh positions."""
    context = Context(actors, events, family_of)
    rows = {}
    for detect in (value_conflicts, date_conflicts, description_conflicts, total_conflicts):
        for row in detect(claims, context):
            rows.setdefault(row["conflict_id"], row)
    return [rows[key] for key in sorted(rows)]
