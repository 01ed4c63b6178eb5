"""Figures per event: lowest, best and highest, and how many voices back them.

One row per event and thing counted (subject, side, measure), in the manner
of UCDP's low, best and high estimates:

- ``lowest`` and ``highest`` are the lowest and highest values stated, as
  written (a hedged "more than 6,000" counts as 6,000);
- ``best`` is chosen among exact figures only (``best_basis`` says which
  step decided):
  1. ``single``: every exact figure gives the same value;
  2. ``families``: the value given by the most independent sources (story
     families, etl.resolve.reconcile.families), not by the most articles;
  3. ``officials``: among values tied on families, the one given by the
     most distinct official claimants (persons and government bodies of
     Ukraine or Russia, the parties who carry out the handover);
  4. ``lowest``: still tied, the lowest of the tied values;
  5. ``none``: no exact figure, so no best value (only a range).
- ``claims``, ``sources``, ``independent_sources`` (families) and
  ``claimants`` count who gives a figure for it.

Figures of measure ``other`` (parts of a handover: the civilians among the
freed, a unit's fighters) have no row: different parts are not estimates of
one number.
"""

from collections import defaultdict

from .ranges import UNCOMPARABLE, officials


def figure_id(event_id, subject, side, measure):
    return f"{event_id}:{subject}:{side}:{measure}"


def best_value(claims, family_of, official_ids):
    """(best value or None, basis) for one group of claims."""
    exact = [c for c in claims if c["qualifier"] == "exact"]
    if not exact:
        return None, "none"
    values = sorted({c["value"] for c in exact})
    if len(values) == 1:
        return values[0], "single"
    families = {v: len({family_of.get(c["source_id"], c["source_id"]) for c in exact if c["value"] == v}) for v in values}
    top = max(families.values())
    tied = [v for v in values if families[v] == top]
    if len(tied) == 1:
        return tied[0], "families"
    voices = {v: len({c["claimant_id"] for c in exact if c["value"] == v and c["claimant_id"] in official_ids}) for v in tied}
    top = max(voices.values())
    tied = [v for v in tied if voices[v] == top]
    if len(tied) == 1:
        return tied[0], "officials"
    return tied[0], "lowest"


def figures(claims, family_of, actors):
    """Rows of the figures table."""
    official_ids = officials(actors)
    groups = defaultdict(list)
    for claim in claims:
        if claim.get("event_id") and claim["measure"] not in UNCOMPARABLE:
            groups[(claim["event_id"], claim["subject"], claim["side"], claim["measure"])].append(claim)
    rows = []
    for key in sorted(groups):
        group = groups[key]
        best, basis = best_value(group, family_of, official_ids)
        values = [c["value"] for c in group]
        rows.append(
            {
                "figure_id": figure_id(*key),
                "event_id": key[0],
                "subject": key[1],
                "side": key[2],
                "measure": key[3],
                "lowest": min(values),
                "best": best,
                "highest": max(values),
                "best_basis": basis,
                "claims": len(group),
                "sources": len({c["source_id"] for c in group}),
                "independent_sources": len({family_of.get(c["source_id"], c["source_id"]) for c in group}),
                "claimants": len({c["claimant_id"] for c in group}),
            }
        )
    return rows
