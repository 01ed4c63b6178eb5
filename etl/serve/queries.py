"""The canned queries Datasette offers, written for readers who do not know SQL.

Datasette serves each one a page of PAGE_SIZE rows at a time: the SQL it runs
is the query's own followed by a LIMIT and an OFFSET taken from the `page`
parameter (empty or 1 for the first page, 2 for the next, and so on), and the
page links to the next and the previous one (templates/query-ledger.html). A
page costs the same however long the whole answer is; the whole tables are
in the downloads.
"""

import re
from dataclasses import dataclass

PAGE_SIZE = 100
PAGE_PARAMETER = "page"
# The page's rows: `page` empty, not a number or below 1 means the first page.
PAGE_CLAUSE = f"limit {PAGE_SIZE} offset {PAGE_SIZE} * (max(coalesce(cast(nullif(:{PAGE_PARAMETER}, '') as integer), 1), 1) - 1)"


@dataclass(frozen=True)
class Query:
    """One canned query: its URL name, title, description for readers, and SQL (the whole answer, unpaged)."""

    name: str
    title: str
    description: str
    sql: str

    @property
    def parameters(self):
        """The query's own named parameters, in order of first use."""
        return list(dict.fromkeys(re.findall(r"(?<!:):([A-Za-z_][A-Za-z0-9_]*)", self.sql)))

    @property
    def served_sql(self):
        """The SQL Datasette runs: one page of the answer."""
        return self.sql.strip() + "\n" + PAGE_CLAUSE

    def metadata(self):
        # Readers see the answer first; the SQL is one click away ("show"). The parameters are
        # listed so that Datasette need not work them out from the SQL on every visit.
        return {"title": self.title, "description": self.description, "sql": self.served_sql, "hide_sql": True,
                "params": self.parameters + [PAGE_PARAMETER], "page_size": PAGE_SIZE}


QUERIES = (
    Query(
        name="figures_in_conflict",
        title="Figures in conflict: where do the numbers disagree?",
        description=(
            "Pairs of claims about the same event that count the same people in the same way "
            "(for example bodies of Ukrainian soldiers handed over in one handover) but give "
            "figures that cannot both be true, from different claimants. The words each side "
            "used are shown next to each other. A figure hedged with 'more than' or 'about' "
            "only conflicts with figures outside the range it allows. Each figure is set against "
            "the best-backed figure for the same thing (the one most independent sources give)."
        ),
        sql="""
select
  events.date as event_date,
  events.label as event,
  conflicts.subject, conflicts.side, conflicts.measure,
  a.figure as figure_a, a.value as value_a, claimant_a.name as claimant_a, a.quote as quote_a, a.source_id as source_a, a.claim_id as claim_a,
  b.figure as figure_b, b.value as value_b, claimant_b.name as claimant_b, b.quote as quote_b, b.source_id as source_b, b.claim_id as claim_b
from events
cross join conflicts on conflicts.event_id = events.event_id and conflicts.kind = 'value'
join claims a on a.claim_id = conflicts.claim_a
join claims b on b.claim_id = conflicts.claim_b
join actors claimant_a on claimant_a.actor_id = a.claimant_id
join actors claimant_b on claimant_b.actor_id = b.claimant_id
order by events.date, events.event_id, conflicts.subject, conflicts.side, conflicts.measure, conflicts.conflict_id
""",
    ),
    Query(
        name="event_ledger",
        title="The ledger: every figure for every event, lowest to highest",
        description=(
            "For each event and each thing counted (whose bodies or prisoners, and whether a "
            "single handover, a running total or an agreement's target), the lowest and highest "
            "figure any source gives, the best estimate, how many claims give a figure and how "
            "many sources they come from. Where the lowest and highest differ, the sources "
            "disagree or hedge."
        ),
        sql="""
select
  events.date as event_date,
  events.label as event,
  figures.event_id,
  figures.subject, figures.side, figures.measure,
  figures.lowest, figures.best, figures.highest,
  figures.claims, figures.sources, figures.independent_sources, figures.claimants
from events
join figures on figures.event_id = events.event_id
order by events.date, events.event_id, figures.subject, figures.side, figures.measure
""",
    ),
    Query(
        name="event_claims",
        title="Everything said about one event",
        description=(
            "Every figure given about one event, with who gave it, where, and the words used. "
            "Type the event's identifier, for example 2025-06-16-repatriation-final-stage "
            "(the events table lists them all)."
        ),
        sql="""
select
  claims.claim_id, claims.figure, claims.value, claims.qualifier, claims.subject, claims.side,
  claims.recipient, claims.measure, claims.as_of, actors.name as claimant, sources.title as source,
  claims.source_id, claims.quote, claims.method
from claims
join actors on actors.actor_id = claims.claimant_id
join sources on sources.source_id = claims.source_id
where claims.event_id = :event_id
order by claims.subject, claims.side, claims.measure, claims.value, claims.claim_id
""",
    ),
    Query(
        name="actor_claims",
        title="Everything one actor is reported to have said",
        description=(
            "Every figure attributed to one person, body or outlet, with the event it is about "
            "and the words used. Type the actor's identifier, for example vladimir-medinsky "
            "(the actors table lists them all)."
        ),
        sql="""
select
  claims.claim_id, claims.figure, claims.value, claims.qualifier, claims.subject, claims.side,
  claims.measure, claims.as_of, events.label as event, sources.title as source, claims.source_id,
  claims.quote
from claims
left join events on events.event_id = claims.event_id
join sources on sources.source_id = claims.source_id
where claims.claimant_id = :actor_id
order by claims.as_of, claims.claim_id
""",
    ),
    Query(
        name="timeline",
        title="Timeline of events with their headline figures",
        description=(
            "Every event in date order, with the range of figures given for what was counted, "
            "the number of claims and of sources. Events dated only to a month or a year sort "
            "at the start of that month or year."
        ),
        sql="""
select
  events.date, events.date_precision, events.kind, events.label, events.event_id, events.location,
  (select group_concat(span || ' ' || subject || ' (' || side || ', ' || measure || ')', '; ') from (
    select subject, side, measure,
      case when lowest = highest then cast(lowest as text) else lowest || '–' || highest end as span
    from figures
    where figures.event_id = events.event_id
    order by subject, side, measure
  )) as figures,
  (select coalesce(sum(figures.claims), 0) from figures where figures.event_id = events.event_id) as claims
from events
order by events.date, events.event_id
""",
    ),
    Query(
        name="search_quotes",
        title="Search the quotes",
        description=(
            "Find claims whose quoted words contain what you type, for example Medinsky, "
            "remains or Istanbul. Several words find quotes that contain all of them."
        ),
        sql="""
select
  claims.claim_id, claims.figure, claims.subject, claims.side, claims.measure,
  actors.name as claimant, claims.source_id, claims.quote
from (
  select rowid, rank from claims_fts
  where claims_fts match escape_fts(:q)
  order by rank
  limit 1001
) as found
join claims on claims.rowid = found.rowid
join actors on actors.actor_id = claims.claimant_id
order by found.rank, claims.claim_id
""",
    ),
    Query(
        name="where_sides_disagree",
        title="Where do the sides disagree?",
        description=(
            "Every disagreement the build found between claims about the same event, one per row, "
            "with each side's words next to each other: figures that cannot both be true "
            "(value), different days given for the same handover (date), an agreement that one "
            "side calls a mutual exchange and the other a one-sided act (description), and "
            "running totals smaller than the stages they add up (total). When one sentence "
            "reports both sides, the same quote appears on both sides. Choose a kind to see only "
            "that kind, or leave it empty to see all."
        ),
        sql="""
select
  conflicts.kind,
  events.date as event_date,
  events.label as event,
  conflicts.summary,
  conflicts.stated_a as says_a, claimant_a.name as who_a, claimant_a.side as side_a, a.quote as quote_a, a.source_id as source_a,
  conflicts.stated_b as says_b, claimant_b.name as who_b, claimant_b.side as side_b, b.quote as quote_b, b.source_id as source_b,
  conflicts.method,
  conflicts.conflict_id
from events
cross join conflicts on conflicts.event_id = events.event_id
join claims a on a.claim_id = conflicts.claim_a
join claims b on b.claim_id = conflicts.claim_b
join actors claimant_a on claimant_a.actor_id = a.claimant_id
join actors claimant_b on claimant_b.actor_id = b.claimant_id
where :kind = '' or conflicts.kind = :kind
order by events.date, events.event_id, conflicts.kind, conflicts.conflict_id
""",
    ),
    Query(
        name="independent_sources",
        title="How many independent sources back this figure?",
        description=(
            "For each event and thing counted, the lowest, best and highest figure, and how many "
            "articles, and how many independent sources, give one. Articles that copy the same "
            "wire story or rewrite one another form one story family and count once as an "
            "independent source; the families are listed by the headline of their original. "
            "The best figure is the exact figure given by the most independent sources, then by "
            "the most officials of Ukraine or Russia, then the lowest."
        ),
        sql="""
select
  events.date as event_date,
  events.label as event,
  figures.subject, figures.side, figures.measure,
  figures.lowest, figures.best, figures.highest, figures.best_basis,
  figures.claims, figures.sources as articles, figures.independent_sources,
  (select group_concat(family, ' | ') from (
    select distinct families.family_id, coalesce(families.label, families.family_id) as family
    from claims
    join source_families on source_families.source_id = claims.source_id
    join families on families.family_id = source_families.family_id
    where claims.event_id = figures.event_id and claims.subject = figures.subject
      and claims.side = figures.side and claims.measure = figures.measure
    order by family, families.family_id
  )) as families,
  figures.figure_id
from events
join figures on figures.event_id = events.event_id
order by events.date, events.event_id, figures.subject, figures.side, figures.measure
""",
    ),
)
