"""Story families: which sources republish or rewrite one another.

Two sources belong to one family when either

- they credit the same wire agency (``sources.wire``, compared without case)
  and their claims share an event, published no more than WIRE_DAYS apart
  where both dates are known: one wire story carried by two outlets. A
  shared credit alone is not enough, since an agency files many stories a
  day; or
- their texts are near-identical: at least REWRITE_SHARE of the shorter
  story's sentences echo a sentence of the other (and at least
  REWRITE_SENTENCES of them do). A sentence echoes another when their sets
  of word pairs have a Jaccard similarity of at least 0.2 (etl.resolve.
  reconcile.text). Only the article proper is compared, page furniture left
  out.

Families are the connected components of these links, so a copy of a copy
joins the family of the original.

Why sentences and not whole texts. Whole-text 5-word shingles do not tell
a rewrite from an outlet's own boilerplate. Measured on the seed articles
(story only): 001 Brussels Morning against 002 TRT/AFP, a rewrite of the
same AFP copy, scores Jaccard 0.049 (containment 0.138); 000 against 003,
two Moscow Times reports of different handovers that share one paragraph
of house background, scores more, 0.050 (containment 0.100). 4-word
shingles give 0.067 against 0.063, 3-word 0.111 against 0.088. A rewrite
keeps the wire copy's phrasing sentence by sentence; boilerplate and an
independent report of the same event share a sentence or two at most.

Measured per sentence (Jaccard of word pairs, best match in the other text),
the seed pairs give:

- 001–002 (rewrite): 0.61, 0.50, 0.34, 0.25, 0.25, 0.24, 0.21, 0.20, then
  0.18: 8 of 002's 12 sentences echo 001 (share 0.67);
- 000–003 (same outlet, different events): 0.34, 0.32 (the shared
  background paragraph), then 0.15: share 2/12 = 0.17;
- every other pair, including three independent reports of the 17 July 2025
  handover (000, 002, 004): at most 0.17, share 0.

So a sentence echoes at 0.2 (above every independent pair's best sentence),
and a text is a rewrite at REWRITE_SHARE = 0.4: between 0.17 (boilerplate)
and 0.67 (rewrite), with room on both sides. The synthetic cases in
tests/test_reconcile.py (a wire story reworded by a second outlet; two
independent reports with the same facts and figures) measure 0.8 or more
against 0.0 and sit on the same sides.

The original of a family, where it can be told:

- ``sole``: a family of one is its own original;
- ``wire``: a member credits a wire agency: the wire is the origin, and the
  member that credits it (the earliest published, then the first by id, if
  several do) is the original within the dataset;
- ``earliest``: no member credits a wire, every member's publication date is
  known and one is strictly earlier than all others: that one;
- ``unknown``: otherwise.

To keep the comparison affordable at any size, only candidate pairs are
compared sentence by sentence: pairs sharing at least CANDIDATE_SHINGLES
rare 4-word shingles, making up at least CANDIDATE_CONTAINMENT of the smaller
text's shingles (the seed rewrite shares 0.14 of its 5-word shingles, the
shared house paragraph 0.10: both stay candidates, and the sentence test
tells them apart), at most TOP_CANDIDATES per source. Shingles found in more
than COMMON_SHINGLE sources are stock phrases or boilerplate and are not
indexed.
"""

from collections import Counter, defaultdict
from datetime import date
from itertools import chain

from .text import Fingerprint, similarity

REWRITE_SHARE = 0.4
REWRITE_SENTENCES = 3
WIRE_DAYS = 2
CANDIDATE_SHINGLES = 3
CANDIDATE_CONTAINMENT = 0.05
COMMON_SHINGLE = 50
TOP_CANDIDATES = 10


def family_id(first_source_id):
    """The stable id of the family whose first source (by id) is this one."""
    return f"family-{first_source_id}"


def candidate_pairs(prints):
    """Pairs of sources worth comparing sentence by sentence, each with its overlap.

    Only rare shingles (held by at most COMMON_SHINGLE sources) count. A pair
    is a candidate when it shares at least CANDIDATE_SHINGLES of them and they
    make up at least CANDIDATE_CONTAINMENT of the smaller text's shingles; each
    source keeps its TOP_CANDIDATES best. The work grows with the rare
    overlaps, not with the square of the number of sources, and the overlaps
    are counted one source at a time, so that memory holds only the index of
    shingles that more than one source holds.
    """
    ids = sorted(prints)
    # Shingles held by more than one source: most are held by one, and are not indexed.
    seen, repeated = set(), set()
    for source_id in ids:
        for shingle in prints[source_id].shingles:
            if shingle in seen:
                repeated.add(shingle)
            else:
                seen.add(shingle)
    del seen
    index = defaultdict(list)  # shingle: numbers of the sources holding it, in id order
    for number, source_id in enumerate(ids):
        for shingle in prints[source_id].shingles:
            if shingle in repeated:
                index[shingle].append(number)
    del repeated
    held = defaultdict(list)  # source number: the holder lists of its rare shingles
    for holders in index.values():
        if len(holders) <= COMMON_SHINGLE:
            for number in holders:
                held[number].append(holders)
    del index
    sizes = [len(prints[source_id].shingles) for source_id in ids]
    pairs = set()
    for a in sorted(held):
        shared = Counter(chain.from_iterable(held[a]))
        del shared[a]
        found = [
            (-count, b)
            for b, count in shared.items()
            if count >= CANDIDATE_SHINGLES and count / (min(sizes[a], sizes[b]) or 1) >= CANDIDATE_CONTAINMENT
        ]
        for _, b in sorted(found)[:TOP_CANDIDATES]:
            pairs.add((ids[min(a, b)], ids[max(a, b)]))
    return sorted(pairs)


def closest_texts(sources, prints=None):
    """{source id: (closest other source id, share)} and the set of rewrite links.

    ``prints`` maps source ids to Fingerprints already made where the articles
    were read; a source without one is fingerprinted here from its text.
    """
    known = prints or {}
    prints = {row["source_id"]: known.get(row["source_id"]) for row in sources}
    for row in sources:
        if prints[row["source_id"]] is None:
            prints[row["source_id"]] = Fingerprint(row.get("text") or "")
    closest, links = {}, set()
    for a, b in candidate_pairs(prints):
        share, echoes = similarity(prints[a], prints[b])
        share = round(share, 2)
        for one, other in ((a, b), (b, a)):
            if share > 0 and (one not in closest or share > closest[one][1]):
                closest[one] = (other, share)
        if share >= REWRITE_SHARE and echoes >= REWRITE_SENTENCES:
            links.add((a, b))
    return closest, links


def wire_links(sources, claims):
    """Pairs of sources that carry the same wire story (see the module docstring)."""
    events = defaultdict(set)
    for claim in claims:
        if claim.get("event_id"):
            events[claim["source_id"]].add(claim["event_id"])
    by_wire_and_event = defaultdict(list)
    for row in sources:
        if row.get("wire"):
            for event in events[row["source_id"]]:
                by_wire_and_event[(row["wire"].strip().lower(), event)].append(row)
    links = set()
    for rows in by_wire_and_event.values():
        rows = sorted(rows, key=lambda r: r["source_id"])
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if _close_in_time(a, b):
                    links.add((a["source_id"], b["source_id"]))
    return links


def _close_in_time(a, b):
    if not (a.get("published") and b.get("published")):
        return True
    gap = abs(date.fromisoformat(str(a["published"])[:10]) - date.fromisoformat(str(b["published"])[:10]))
    return gap.days <= WIRE_DAYS


def components(ids, links):
    """Connected components of the link graph, each a sorted list, in order of first id."""
    parent = {i: i for i in ids}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for i in sorted(ids):
        groups[find(i)].append(i)
    return sorted(groups.values())


def original_of(members):
    """(original source id or None, basis) for a family's member rows."""
    if len(members) == 1:
        return members[0]["source_id"], "sole"
    credited = [m for m in members if m.get("wire")]
    if credited:
        first = min(credited, key=lambda m: (m.get("published") or "9999", m["source_id"]))
        return first["source_id"], "wire"
    dates = [m.get("published") for m in members]
    if all(dates):
        earliest = min(dates)
        if dates.count(earliest) == 1:
            return members[dates.index(earliest)]["source_id"], "earliest"
    return None, "unknown"


def families(sources, claims, prints=None):
    """Rows of the families and source_families tables: (families, links).

    ``prints``: Fingerprints by source id, where already made (see closest_texts).
    """
    closest, text_links = closest_texts(sources, prints)
    by_wire = wire_links(sources, claims)
    linked_by_text = {source_id for pair in text_links for source_id in pair}
    linked_by_credit = {source_id for pair in by_wire for source_id in pair}
    rows = {row["source_id"]: row for row in sources}
    family_rows, member_rows = [], []
    for ids in components(list(rows), text_links | by_wire):
        members = [rows[i] for i in ids]
        this_family = family_id(ids[0])
        original, basis = original_of(members)
        wires = sorted({m["wire"].strip() for m in members if m.get("wire")})
        published = sorted(m["published"] for m in members if m.get("published"))
        family_rows.append(
            {
                "family_id": this_family,
                "label": (rows[original] if original else members[0]).get("title"),
                "sources": len(members),
                "wire": " | ".join(wires) or None,
                "original_source_id": original,
                "original_basis": basis,
                "first_published": str(published[0]) if published else None,
            }
        )
        for source_id in ids:
            by_text = source_id in linked_by_text
            by_credit = source_id in linked_by_credit
            near = closest.get(source_id)
            member_rows.append(
                {
                    "source_id": source_id,
                    "family_id": this_family,
                    "is_original": source_id == original,
                    "linked_by": _linked_by(by_text, by_credit),
                    "closest_source_id": near[0] if near else None,
                    "similarity": near[1] if near else 0.0,
                }
            )
    return family_rows, member_rows


def _linked_by(by_text, by_credit):
    if by_text and by_credit:
        return "wire_and_text"
    return "text" if by_text else "wire" if by_credit else "none"


def family_of(member_rows):
    """{source id: family id}."""
    return {row["source_id"]: row["family_id"] for row in member_rows}
