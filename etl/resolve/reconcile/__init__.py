"""Reconcile: derived tables that lay bare how sources depend on and contradict one another.

- families and source_families: which sources republish or rewrite one
  another (etl.resolve.reconcile.families);
- figures: lowest, best and highest figure per event and thing counted, and
  how many independent sources give one (etl.resolve.reconcile.figures);
- conflicts: values, dates, descriptions and totals that cannot all be true
  (etl.resolve.reconcile.conflicts).

They work on table rows alone, curated and machine claims alike.
"""

from .conflicts import conflicts
from .families import families, family_of
from .figures import figures


def reconcile(rows_by_table, prints=None):
    """The derived tables' rows, from the rows of actors, sources, events and claims.

    ``prints``: the sources' text Fingerprints by source id, where already made.
    """
    sources = rows_by_table.get("sources", [])
    claims = rows_by_table.get("claims", [])
    actors = rows_by_table.get("actors", [])
    events = rows_by_table.get("events", [])
    family_rows, member_rows = families(sources, claims, prints)
    family = family_of(member_rows)
    return {
        "families": family_rows,
        "source_families": member_rows,
        "figures": figures(claims, family, actors),
        "conflicts": conflicts(claims, actors, events, family),
    }
