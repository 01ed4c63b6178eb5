"""Write the machine's reading of a source as a curation draft, for a person to review.

The draft is in the curation format (curation/README.md). Actors and events
the machine had to create are appended to actors.yml and events.yml, marked
for review, so the draft builds as it stands.
"""

from pathlib import Path

import yaml

from .build import Paths, article_files, read_one
from .errors import BuildError
from .resolve import resolve
from .resolve.curation import Curation, read_curation

CLAIM_KEYS = ("quote", "figure", "value", "qualifier", "subject", "side", "recipient", "measure", "claimant", "as_of", "event")


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as people write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def draft_source(source_id, paths=None, overwrite=False):
    """Write curation/sources/<source_id>.yml from the machine's reading. Returns its path."""
    paths = paths or Paths()
    target = Path(paths.curation) / "sources" / f"{source_id}.yml"
    if target.exists() and not overwrite:
        raise BuildError(target, None, "already reviewed; pass --overwrite to replace it with a fresh draft")
    files = [p for p in article_files(paths.articles) if p.stem == source_id]
    if not files:
        raise BuildError(Path(paths.articles) / source_id, None, "no such article")
    article, readings, problem, _ = read_one(files[0])
    if problem:
        raise BuildError(files[0], None, problem)
    curation = read_curation(paths.curation, sources=False)
    rows = resolve([article], {source_id: readings}, Curation(actors=curation.actors, events=curation.events))
    claims = [_claim(row, article.text) for row in rows["claims"]]
    source = rows["sources"][0]
    document = {
        "outlet": source["outlet_id"],
        "title": source["title"],
        "author": source["author"],
        "published": source["published"],
        "published_basis": source["published_basis"],
        "wire": source["wire"],
        "language": source["language"],
        "url": source["url"],
        "claims": claims,
    }
    known_actors = {a["id"] for a in curation.actors}
    known_events = {e["id"] for e in curation.events}
    new_actors = [a for a in rows["actors"] if a["actor_id"] not in known_actors]
    new_events = [e for e in rows["events"] if e["event_id"] not in known_events]
    _append(curation.actors_path, [_actor(a) for a in new_actors], source_id)
    _append(curation.events_path, [_event(e) for e in new_events], source_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Machine draft of {article.file_name}: check every claim against the article, correct it, then commit.\n"
    target.write_text(header + _dump(document), encoding="utf-8")
    return target


def _claim(row, text):
    claim = {key: row.get(key) for key in CLAIM_KEYS if key not in ("claimant", "event")}
    claim["claimant"] = row["claimant_id"]
    claim["event"] = row["event_id"]
    # The n-th time this figure appears inside its quote.
    before = text[row["quote_start"]:row["figure_start"]]
    n = before.count(row["figure"]) + 1
    if n > 1:
        claim["occurrence"] = n
    claim["quote"] = " ".join(row["quote"].split())
    return {key: claim[key] for key in (*CLAIM_KEYS, "occurrence") if key in claim}


def _actor(row):
    return {
        "id": row["actor_id"], "name": row["name"], "kind": row["kind"], "side": row["side"],
        "aliases": [a for a in (row["aliases"] or "").split(" | ") if a],
    }


def _event(row):
    return {
        "id": row["event_id"], "kind": row["kind"], "label": row["label"], "date": row["date"],
        "location": row["location"], "parent": row["parent_event_id"], "description": row["description"],
    }


def _append(path, entries, source_id):
    if not entries:
        return
    with open(path, "a", encoding="utf-8") as out:
        out.write(f"\n# Added by the machine draft of {source_id}: review.\n")
        out.write(_dump(entries))


def _dump(document):
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
