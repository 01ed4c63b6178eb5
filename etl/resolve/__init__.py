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


class Resolver:
    """Turns articles into table rows one at a time, in order of source id.

    Articles are let go once resolved, so a build holds rows, not articles.
    Events are matched in the order claims arrive: add articles sorted by
    source id for the same result on every build.
    """

    def __init__(self, curation):
        self.curation = curation
        self.actors = ActorRegistry(curation.actors)
        self.events = EventRegistry(curation.events)
        self.sources, self.claims = [], []
        self.seen = set()

    def add(self, article, readings=None):
        """Rows for one article; ``readings`` are its ClaimReadings (a reviewed source needs none)."""
        curated = self.curation.sources.get(article.source_id)
        outlet_id = _outlet(article, curated, self.actors)
        self.sources.append(source_row(article, outlet_id, curated))
        if curated:
            self.claims.extend(curated_claims(article, curated))
        else:
            self.claims.extend(machine_claims(article, readings or [], self.actors, self.events, outlet_id))
        self.seen.add(article.source_id)

    def tables(self, prints=None):
        """{table name: [rows]}, the derived tables included. ``prints``: text Fingerprints by source id."""
        for source_id, curated in sorted(self.curation.sources.items()):
            if source_id not in self.seen:
                raise BuildError(curated.path, 1, f"no article {source_id!r} in the articles folder")
        tables = {
            "actors": sorted(self.actors.rows.values(), key=lambda r: r["actor_id"]),
            "sources": self.sources,
            "events": sorted(self.events.rows.values(), key=lambda r: r["event_id"]),
            "claims": self.claims,
        }
        tables.update(reconcile(tables, prints))
        return tables


def resolve(articles, readings, curation, prints=None):
    """Rows for every table, from parsed articles, their readings and the curation.

    ``readings`` maps source ids to the machine reader's ClaimReadings; a
    reviewed source needs none. ``prints`` maps source ids to the text
    Fingerprints made where the articles were read (optional). Returns
    {table name: [rows]}.
    """
    resolver = Resolver(curation)
    for article in sorted(articles, key=lambda a: a.source_id):
        resolver.add(article, readings.get(article.source_id))
    return resolver.tables(prints)


def _outlet(article, curated, actors):
    if curated and curated.meta.get("outlet"):
        return curated.meta["outlet"]
    if article.meta.outlet:
        return actors.resolve_outlet(article.meta.outlet)
    return actors.add(UNKNOWN_OUTLET, method="machine")
