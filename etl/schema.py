"""The dataset's schema, defined once.

Every table, field, type, vocabulary and description lives here. The SQLite
tables (etl.load), the Frictionless data package (etl.package) and the
Datasette column descriptions in metadata.yml (etl.package.site) are all
generated from these definitions, and tests/test_schema_agreement.py proves
that the three agree.
"""

from dataclasses import dataclass, field
from typing import Optional

# Vocabularies -------------------------------------------------------------

QUALIFIERS = ("exact", "more_than", "at_least", "about", "up_to", "fewer_than")
SUBJECTS = ("bodies", "prisoners", "killed", "other")
SIDES = ("ukraine", "russia", "both", "unknown")
MEASURES = ("transferred", "cumulative", "agreed", "offered", "planned", "other")
METHODS = ("curated", "machine")
DATE_BASES = ("stated", "inferred", "unknown")
DATE_PRECISIONS = ("day", "month", "year", "unknown")
EVENT_KINDS = ("agreement", "talks", "repatriation", "prisoner_exchange", "other")
ACTOR_KINDS = ("person", "government_body", "media", "anonymous")
ACTOR_SIDES = ("ukraine", "russia", "international", "none")
CONFLICT_KINDS = ("value", "date", "description", "total")
ORIGIN_BASES = ("sole", "wire", "earliest", "unknown")
LINKS = ("wire", "text", "wire_and_text", "none")
BEST_BASES = ("single", "families", "officials", "lowest", "none")

# Frictionless type -> SQLite column type
SQLITE_TYPES = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": int,
    "date": str,
    "datetime": str,
}


@dataclass(frozen=True)
class Field:
    """One column: its name, Table Schema type, description and constraints."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: Optional[tuple] = None
    minimum: Optional[int] = None
    maximum: Optional[float] = None
    unique: bool = False
    references: Optional[tuple] = None  # (table, field)
    format: Optional[str] = None

    def table_schema(self):
        """This field as a Frictionless Table Schema field descriptor."""
        descriptor = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        if self.format:
            descriptor["format"] = self.format
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor


@dataclass(frozen=True)
class Table:
    """One table of the dataset, which is also one resource of the package."""

    name: str
    title: str
    description: str
    fields: tuple
    primary_key: str
    label_column: Optional[str] = None
    facets: tuple = ()
    sort: Optional[str] = None
    sort_desc: Optional[str] = None
    fts: tuple = ()
    derived: bool = False  # computed by the build rather than read from articles
    extra_indexes: tuple = field(default_factory=tuple)

    @property
    def field_names(self):
        return [f.name for f in self.fields]

    def field(self, name):
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def foreign_keys(self):
        return [(f.name, *f.references) for f in self.fields if f.references]

    def vocabulary_checks(self):
        """(column, allowed values) for every column with an enum."""
        return [(f.name, f.enum) for f in self.fields if f.enum]


def _vocab(values):
    return ", ".join(values)


ACTORS = Table(
    name="actors",
    title="Actors",
    description=(
        "People and organisations that make or carry claims: officials, "
        "government bodies, governments spoken of by their capital, "
        "anonymous sources, and the outlets themselves."
    ),
    primary_key="actor_id",
    label_column="name",
    facets=("kind", "side"),
    sort="name",
    fields=(
        Field("actor_id", "string", "Stable identifier of the actor (a slug).", required=True, unique=True),
        Field("name", "string", "The actor's usual name.", required=True),
        Field("kind", "string", f"What sort of actor this is: {_vocab(ACTOR_KINDS)}.", required=True, enum=ACTOR_KINDS),
        Field("side", "string", f"Which side the actor belongs to: {_vocab(ACTOR_SIDES)}.", required=True, enum=ACTOR_SIDES),
        Field("aliases", "string", "Other names the actor goes by in the articles, separated by ' | '."),
        Field("description", "string", "Who or what the actor is."),
        Field("method", "string", f"How the actor entered the dataset: {_vocab(METHODS)}.", required=True, enum=METHODS),
    ),
)

SOURCES = Table(
    name="sources",
    title="Sources",
    description="One row per news article read into the dataset, with its metadata and full text.",
    primary_key="source_id",
    label_column="title",
    facets=("outlet_id", "wire", "language", "reviewed"),
    sort_desc="published",
    fts=("title", "text"),
    # The table's default sort and the home page's latest publication date.
    extra_indexes=(("published",),),
    fields=(
        Field("source_id", "string", "Stable identifier of the source: the article's file name without its extension.", required=True, unique=True),
        Field("outlet_id", "string", "The outlet that published the article (an actor).", references=("actors", "actor_id")),
        Field("title", "string", "The article's headline."),
        Field("author", "string", "The article's byline, where it has one."),
        Field("published", "date", "The date the article was published, where it is known."),
        Field("published_basis", "string", f"How the publication date was established: {_vocab(DATE_BASES)}.", required=True, enum=DATE_BASES),
        Field("wire", "string", "The wire agency credited for the story (AFP, AP, Reuters, TASS...), where one is."),
        Field("language", "string", "The article's language as an ISO 639-1 code."),
        Field("url", "string", "The article's address on the web, where it is known."),
        Field("file_name", "string", "The raw article's file name in the articles/ folder.", required=True),
        Field("sha256", "string", "SHA-256 of the raw article file, to verify it has not changed.", required=True),
        Field("text", "string", "The article's full text as published (decoded, byte-order mark removed, line endings as LF). Claim offsets point into it.", required=True),
        Field("rights", "string", "The rights notice found in the article, if any. Article texts remain their publishers' copyright."),
        Field("reviewed", "boolean", "Whether a person has reviewed this source's claims (its claims are curated).", required=True),
    ),
)

EVENTS = Table(
    name="events",
    title="Events",
    description=(
        "Real-world occurrences the claims are about: agreements, talks, "
        "repatriations (handovers of bodies) and prisoner exchanges."
    ),
    primary_key="event_id",
    label_column="label",
    facets=("kind", "date_precision"),
    sort="date",
    # The canned queries walk the events in date order and stop after the rows they show.
    extra_indexes=(("date", "event_id"),),
    fields=(
        Field("event_id", "string", "Stable identifier of the event (a slug starting with its date).", required=True, unique=True),
        Field("kind", "string", f"What sort of event: {_vocab(EVENT_KINDS)}.", required=True, enum=EVENT_KINDS),
        Field("label", "string", "A short label for the event.", required=True),
        Field("date", "string", "When it happened, as precisely as the sources allow: YYYY-MM-DD, YYYY-MM or YYYY.", required=False),
        Field("date_precision", "string", f"How precise the date is: {_vocab(DATE_PRECISIONS)}.", required=True, enum=DATE_PRECISIONS),
        Field("location", "string", "Where it happened, where known."),
        Field("parent_event_id", "string", "The event this one belongs to (a repatriation stage belongs to the agreement it carries out).", references=("events", "event_id")),
        Field("description", "string", "What happened."),
        Field("method", "string", f"How the event entered the dataset: {_vocab(METHODS)}.", required=True, enum=METHODS),
    ),
)

CLAIMS = Table(
    name="claims",
    title="Claims",
    description=(
        "One row per figure stated in a source: who said it, about which "
        "event, with the exact words as evidence."
    ),
    primary_key="claim_id",
    label_column="quote",
    # Each default facet counts every claim on every visit of the table page (60-80 ms at a
    # million claims), so only the four a reader most needs are shown by default; qualifier
    # and method stay indexed, for a facet asked for (?_facet=qualifier) or a filter.
    facets=("subject", "side", "measure", "claimant_id"),
    sort="claim_id",
    fts=("quote",),
    # For the canned queries (event_claims, actor_claims, independent_sources) and the claim page's siblings.
    extra_indexes=(
        ("qualifier",),
        ("method",),
        ("event_id", "subject", "side", "measure", "value", "claim_id"),
        ("claimant_id", "as_of", "claim_id"),
        ("event_id", "subject", "side", "measure", "source_id"),
    ),
    fields=(
        Field("claim_id", "string", "Stable identifier of the claim: its source id and its number within the source.", required=True, unique=True),
        Field("source_id", "string", "The source that states the figure.", required=True, references=("sources", "source_id")),
        Field("event_id", "string", "The event the figure is about, where one applies.", references=("events", "event_id")),
        Field("claimant_id", "string", "Who the figure is attributed to; the outlet itself when it states the figure in its own voice.", required=True, references=("actors", "actor_id")),
        Field("value", "integer", "The figure as a whole number.", required=True, minimum=0),
        Field("qualifier", "string", f"How the figure is hedged: {_vocab(QUALIFIERS)}.", required=True, enum=QUALIFIERS),
        Field("subject", "string", f"What is counted: {_vocab(SUBJECTS)}.", required=True, enum=SUBJECTS),
        Field("side", "string", f"Whose people are counted: {_vocab(SIDES)}.", required=True, enum=SIDES),
        Field("recipient", "string", f"Who receives them, where that applies: {_vocab(SIDES)}.", enum=SIDES),
        Field("measure", "string", f"What kind of figure it is: {_vocab(MEASURES)} (transferred: one handover; cumulative: a running total; agreed: an agreement's target).", required=True, enum=MEASURES),
        Field("as_of", "date", "The date the figure refers to, where it can be told."),
        Field("figure", "string", "The figure as written in the source (1,245, 1K, three).", required=True),
        Field("figure_start", "integer", "Character offset of the figure in the source's text.", required=True, minimum=0),
        Field("quote", "string", "The sentence that states the figure, verbatim from the source.", required=True),
        Field("quote_start", "integer", "Character offset where the quote starts in the source's text.", required=True, minimum=0),
        Field("quote_end", "integer", "Character offset where the quote ends: text[quote_start:quote_end] == quote.", required=True, minimum=0),
        Field("method", "string", f"How the claim was read: {_vocab(METHODS)}.", required=True, enum=METHODS),
        Field("confidence", "number", "How sure the reading is, from 0 to 1 (1 for curated claims).", required=True, minimum=0, maximum=1),
        Field("note", "string", "A curator's note on the claim."),
    ),
)


FAMILIES = Table(
    name="families",
    title="Story families",
    description=(
        "Groups of sources that republish or rewrite one another: a wire story carried by "
        "several outlets, or a text rewritten from another. A source that copies no other is "
        "a family of one. Independent sources are counted by family, not by article. "
        "Computed by the build."
    ),
    primary_key="family_id",
    label_column="label",
    facets=("original_basis", "wire", "sources"),
    sort="family_id",
    derived=True,
    fields=(
        Field("family_id", "string", "Stable identifier of the family: 'family-' and the id of its first source in id order.", required=True, unique=True),
        Field("label", "string", "The headline of the family's original, or of its first source when the original cannot be told."),
        Field("sources", "integer", "How many sources belong to the family.", required=True, minimum=1),
        Field("wire", "string", "The wire agency credited by a member, where one is (several separated by ' | ')."),
        Field("original_source_id", "string", "The source judged the original within the dataset, where it can be told.", references=("sources", "source_id")),
        Field("original_basis", "string", f"How the original was told: {_vocab(ORIGIN_BASES)} (sole: a family of one; wire: the member that credits the wire; earliest: published strictly before the others; unknown: cannot be told).", required=True, enum=ORIGIN_BASES),
        Field("first_published", "date", "The earliest publication date among the members, where any is known."),
    ),
)

SOURCE_FAMILIES = Table(
    name="source_families",
    title="Sources in story families",
    description=(
        "Which story family each source belongs to, why, and which other source its text "
        "is most like. Computed by the build."
    ),
    primary_key="source_id",
    label_column="source_id",
    facets=("linked_by", "is_original"),
    sort="family_id",
    derived=True,
    fields=(
        Field("source_id", "string", "The source.", required=True, unique=True, references=("sources", "source_id")),
        Field("family_id", "string", "The story family it belongs to.", required=True, references=("families", "family_id")),
        Field("is_original", "boolean", "Whether the source is its family's original.", required=True),
        Field("linked_by", "string", f"What ties the source to another member: {_vocab(LINKS)} (wire: the same wire credit for the same event; text: near-identical text; none: a family of one).", required=True, enum=LINKS),
        Field("closest_source_id", "string", "The other source whose text is most like this one's, in or out of the family.", references=("sources", "source_id")),
        Field("similarity", "number", "The share of the shorter story's sentences that echo a sentence of the closest source, from 0 to 1; 0.4 or more (with at least three sentences) makes a rewrite.", required=True, minimum=0, maximum=1),
    ),
)

FIGURES = Table(
    name="figures",
    title="Figures per event",
    description=(
        "For each event and thing counted, the lowest, best and highest figure given, and how "
        "many claims, sources, independent sources (story families) and claimants give one, "
        "in the manner of low, best and high estimates. Computed by the build."
    ),
    primary_key="figure_id",
    label_column="figure_id",
    facets=("subject", "side", "measure", "best_basis"),
    sort="figure_id",
    derived=True,
    # An event's figures in order, for the timeline, event_ledger and independent_sources queries.
    extra_indexes=(("event_id", "subject", "side", "measure"),),
    fields=(
        Field("figure_id", "string", "Stable identifier: the event id, subject, side and measure, separated by colons.", required=True, unique=True),
        Field("event_id", "string", "The event the figures are about.", required=True, references=("events", "event_id")),
        Field("subject", "string", f"What is counted: {_vocab(SUBJECTS)}.", required=True, enum=SUBJECTS),
        Field("side", "string", f"Whose people are counted: {_vocab(SIDES)}.", required=True, enum=SIDES),
        Field("measure", "string", f"What kind of figure it is: {_vocab(MEASURES)}.", required=True, enum=MEASURES),
        Field("lowest", "integer", "The lowest figure given, as written (a hedged 'more than 6,000' counts as 6,000).", required=True, minimum=0),
        Field("best", "integer", "The best figure: among exact figures, the one given by the most independent sources, then by the most official claimants, then the lowest; empty when no figure is exact.", minimum=0),
        Field("highest", "integer", "The highest figure given, as written.", required=True, minimum=0),
        Field("best_basis", "string", f"Which step chose the best figure: {_vocab(BEST_BASES)} (single: all exact figures agree; families: most independent sources; officials: most official claimants; lowest: still tied; none: no exact figure).", required=True, enum=BEST_BASES),
        Field("claims", "integer", "How many claims give a figure.", required=True, minimum=1),
        Field("sources", "integer", "How many sources (articles) give a figure.", required=True, minimum=1),
        Field("independent_sources", "integer", "How many story families give a figure: copies of one story count once.", required=True, minimum=1),
        Field("claimants", "integer", "How many different claimants a figure is attributed to.", required=True, minimum=1),
    ),
)

CONFLICTS = Table(
    name="conflicts",
    title="Conflicts",
    description=(
        "One row per disagreement between claims about one event: figures that cannot both be "
        "true, different dates, an agreement the two sides describe differently, or a running "
        "total smaller than its stages. Computed by the build."
    ),
    primary_key="conflict_id",
    label_column="summary",
    facets=("kind", "event_id", "method"),
    sort="conflict_id",
    derived=True,
    fields=(
        Field("conflict_id", "string", "Stable identifier: the kind and the two claim ids, separated by colons.", required=True, unique=True),
        Field("kind", "string", f"What the disagreement is about: {_vocab(CONFLICT_KINDS)} (total: a running total smaller than the sum of its stages).", required=True, enum=CONFLICT_KINDS),
        Field("event_id", "string", "The event the claims are about.", required=True, references=("events", "event_id")),
        Field("subject", "string", f"For value and total conflicts, what is counted: {_vocab(SUBJECTS)}.", enum=SUBJECTS),
        Field("side", "string", f"For value and total conflicts, whose people are counted: {_vocab(SIDES)}.", enum=SIDES),
        Field("measure", "string", f"For value and total conflicts, what kind of figure: {_vocab(MEASURES)}.", enum=MEASURES),
        Field("claim_a", "string", "The claim on one side (for a total conflict, the running total).", required=True, references=("claims", "claim_id")),
        Field("claim_b", "string", "The claim on the other side (for a total conflict, the last stage counted); the same claim when one quote reports both sides.", required=True, references=("claims", "claim_id")),
        Field("value_a", "integer", "The figure on one side, for value and total conflicts.", minimum=0),
        Field("value_b", "integer", "The figure on the other side (for a total conflict, the sum of the stages), for value and total conflicts.", minimum=0),
        Field("stated_a", "string", "What one side says: a figure with its hedge, a date, or the words describing the agreement.", required=True),
        Field("stated_b", "string", "What the other side says.", required=True),
        Field("summary", "string", "The disagreement in one sentence.", required=True),
        Field("method", "string", f"How the claims were read: {_vocab(METHODS)} (curated only when both claims are).", required=True, enum=METHODS),
    ),
)

TABLES = (ACTORS, SOURCES, EVENTS, CLAIMS, FAMILIES, SOURCE_FAMILIES, FIGURES, CONFLICTS)


def table(name):
    """The table definition with this name."""
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(name)
