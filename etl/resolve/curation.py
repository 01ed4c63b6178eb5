"""Read the curation files: the actor registry, events, and reviewed sources.

Every fault is a BuildError naming the file and line, so that a curator can
go straight to it. Quotes are checked against the article text in
``locate_quote``.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..errors import BuildError
from ..yamlfile import line_of, load_yaml, without_line

SOURCE_META_FIELDS = ("outlet", "title", "author", "published", "published_basis", "wire", "language", "url", "rights")
CLAIM_FIELDS = (
    "quote", "figure", "occurrence", "value", "qualifier", "subject", "side", "recipient",
    "measure", "claimant", "as_of", "event", "note",
)
CLAIM_VOCABULARIES = {
    "qualifier": schema.QUALIFIERS,
    "subject": schema.SUBJECTS,
    "side": schema.SIDES,
    "recipient": schema.SIDES,
    "measure": schema.MEASURES,
}
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class CuratedSource:
    """A reviewed source: its metadata and claims, with their line numbers."""

    source_id: str
    path: Path
    meta: dict
    claims: list = field(default_factory=list)


@dataclass
class Curation:
    """Everything read from a curation folder."""

    actors: list = field(default_factory=list)
    events: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    actors_path: Path = None
    events_path: Path = None


def read_curation(folder, sources=True):
    """Read a curation folder. With sources=False the reviewed sources are left out."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BuildError(folder, None, "curation folder not found")
    curation = Curation(actors_path=folder / "actors.yml", events_path=folder / "events.yml")
    curation.actors = _read_list(curation.actors_path, _check_actor)
    curation.events = _read_list(curation.events_path, _check_event)
    actor_ids = {a["id"] for a in curation.actors}
    event_ids = {e["id"] for e in curation.events}
    for event in curation.events:
        parent = event.get("parent")
        if parent and parent not in event_ids:
            raise BuildError(curation.events_path, line_of(event), f"unknown parent event {parent!r}")
    if sources:
        for path in sorted((folder / "sources").glob("*.yml")):
            source = read_source(path)
            _check_references(source, actor_ids, event_ids)
            curation.sources[source.source_id] = source
    return curation


def read_source(path):
    """Read one reviewed source's YAML file."""
    path = Path(path)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise BuildError(path, 1, "expected a mapping with the source's metadata and its claims")
    unknown = set(without_line(data)) - set(SOURCE_META_FIELDS) - {"claims"}
    if unknown:
        raise BuildError(path, line_of(data), f"unknown key(s): {', '.join(sorted(unknown))}")
    basis = data.get("published_basis", "unknown")
    if basis not in schema.DATE_BASES:
        raise BuildError(path, line_of(data), _not_in_vocabulary("published_basis", basis, schema.DATE_BASES))
    _check_date(path, data, "published")
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        raise BuildError(path, line_of(data), "'claims' must be a list")
    for claim in claims:
        _check_claim(path, claim)
    meta = {k: data.get(k) for k in SOURCE_META_FIELDS}
    meta["published_basis"] = basis
    return CuratedSource(source_id=path.stem, path=path, meta=meta, claims=claims)


def locate_quote(text, quote):
    """The (start, end) of quote in text, white space matching any white space.

    Returns None when the quote is not in the text.
    """
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def locate_figure(text, start, end, figure, occurrence=1):
    """The offset of the n-th occurrence of figure in text[start:end], or None."""
    pattern = r"\s+".join(re.escape(word) for word in figure.split())
    for n, match in enumerate(re.finditer(pattern, text[start:end]), start=1):
        if n == occurrence:
            return start + match.start(), start + match.end()
    return None


def _read_list(path, check):
    """The entries of actors.yml or events.yml; a file that is not there has none."""
    data = load_yaml(path) if path.exists() else None
    if data is None:
        return []
    if not isinstance(data, list):
        raise BuildError(path, 1, "expected a list of entries")
    seen = set()
    for entry in data:
        if not isinstance(entry, dict) or "id" not in entry:
            raise BuildError(path, line_of(entry), "every entry needs an 'id'")
        if entry["id"] in seen:
            raise BuildError(path, line_of(entry), f"duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        check(path, entry)
    return data


def _check_actor(path, actor):
    for key, vocabulary in (("kind", schema.ACTOR_KINDS), ("side", schema.ACTOR_SIDES)):
        if actor.get(key) not in vocabulary:
            raise BuildError(path, line_of(actor), _not_in_vocabulary(key, actor.get(key), vocabulary))
    if not actor.get("name"):
        raise BuildError(path, line_of(actor), f"actor {actor['id']!r} needs a name")


def _check_event(path, event):
    if event.get("kind") not in schema.EVENT_KINDS:
        raise BuildError(path, line_of(event), _not_in_vocabulary("kind", event.get("kind"), schema.EVENT_KINDS))
    if not event.get("label"):
        raise BuildError(path, line_of(event), f"event {event['id']!r} needs a label")
    _check_date(path, event, "date")


def _check_date(path, mapping, key):
    value = mapping.get(key)
    if value is None:
        return
    if not DATE_PATTERN.match(str(value)):
        raise BuildError(path, line_of(mapping), f"{key} {value!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")


def _check_claim(path, claim):
    line = line_of(claim)
    if not isinstance(claim, dict):
        raise BuildError(path, None, "every claim must be a mapping")
    unknown = set(without_line(claim)) - set(CLAIM_FIELDS)
    if unknown:
        raise BuildError(path, line, f"unknown key(s) in claim: {', '.join(sorted(unknown))}")
    for key in ("quote", "figure", "value", "qualifier", "subject", "side", "measure", "claimant"):
        if claim.get(key) in (None, ""):
            raise BuildError(path, line, f"claim is missing {key!r}")
    for key, vocabulary in CLAIM_VOCABULARIES.items():
        value = claim.get(key)
        if value is None and key == "recipient":
            continue
        if value not in vocabulary:
            raise BuildError(path, line, _not_in_vocabulary(key, value, vocabulary))
    if not isinstance(claim["value"], int) or isinstance(claim["value"], bool) or claim["value"] < 0:
        raise BuildError(path, line, f"value {claim['value']!r} is not a whole number of 0 or more")
    claim["figure"] = str(claim["figure"])
    _check_date(path, claim, "as_of")


def _check_references(source, actor_ids, event_ids):
    outlet = source.meta.get("outlet")
    if outlet and outlet not in actor_ids:
        raise BuildError(source.path, 1, f"unknown outlet {outlet!r}: add it to actors.yml")
    for claim in source.claims:
        if claim["claimant"] not in actor_ids:
            raise BuildError(source.path, line_of(claim), f"unknown claimant {claim['claimant']!r}: add it to actors.yml")
        if claim.get("event") and claim["event"] not in event_ids:
            raise BuildError(source.path, line_of(claim), f"unknown event {claim['event']!r}: add it to events.yml")


def _not_in_vocabulary(key, value, vocabulary):
    return f"{key} {value!r} is not one of: {', '.join(vocabulary)}"
