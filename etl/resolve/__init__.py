"""Resolve stage: names to actors, figures to events, readings to table rows.

A reviewed source's curated claims replace its machine claims.
"""

from ..errors import BuildError
from .actors import ActorRegistry
from .claims import curated_claims, machine_claims
from .events import EventRegistry
from .reconcile import reconcile
from .sources import source_row

UNKNOWN_OUTLET = {
    "id": "unknown-outlet",
    "name": "Unidentified outlet",
    "kind": "media",
    "side": "none",
    "description": "Stands for the outlet of an article that does not say who published it.",
}


def resolve(articles, readings, curation, prints=None):
    """Rows for every table, from parsed articles, their readings and the curation.

    ``readings`` maps source ids to the machine reader's ClaimReadings; a
    reviewed source needs none. ``prints`` maps source ids to the text
    Fingerprints made where the articles were read (optional). Returns
    {table name: [rows]}.
    """
    actors = ActorRegistry(curation.actors)
    events = EventRegistry(curation.events)
    known = {article.source_id for article in articles}
    for source_id, curated in sorted(curation.sources.items()):
        if source_id not in known:
            raise BuildError(curated.path, 1, f"no article {source_id!r} in the articles folder")
    sources, claims = [], []
    for article in sorted(articles, key=lambda a: a.source_id):
        curated = curation.sources.get(article.source_id)
        outlet_id = _outlet(article, curated, actors)
        sources.append(source_row(article, outlet_id, curated))
        if curated:
            claims.extend(curated_claims(article, curated))
        else:
            claims.extend(machine_claims(article, readings.get(article.source_id, []), actors, events, outlet_id))
    tables = {
        "actors": sorted(actors.rows.values(), key=lambda r: r["actor_id"]),
        "sources": sources,
        "events": sorted(events.rows.values(), key=lambda r: r["event_id"]),
        "claims": claims,
    }
    tables.update(reconcile(tables, prints))
    return tables


def _outlet(article, curated, actors):
    if curated and curated.meta.get("outlet"):
        return curated.meta["outlet"]
    if article.meta.outlet:
        return actors.resolve_outlet(article.meta.outlet)
    return actors.add(UNKNOWN_OUTLET, method="machine")
