"""Turn machine readings and curated claims into rows of the claims table."""

from datetime import date

from ..errors import BuildError
from ..extract.numbers import figure_value
from ..yamlfile import line_of
from .curation import locate_figure, locate_quote
from .events import precision_of


def claim_id(source_id, number):
    """The stable id of a source's n-th claim (in order of the figures in the text)."""
    return f"{source_id}-{number:03d}"


def number_claims(source_id, rows):
    """Sort a source's claim rows by position and give them their ids."""
    rows.sort(key=lambda row: (row["figure_start"], row["side"], row["value"]))
    for number, row in enumerate(rows, start=1):
        row["claim_id"] = claim_id(source_id, number)
    return rows


def machine_claims(article, readings, actors, events, outlet_id):
    """Claim rows for what the machine reader found in an article."""
    rows = []
    for reading in readings:
        claimant = actors.resolve(reading.claimant) if reading.claimant else outlet_id
        event_id = events.match(reading.event_kind, reading.event_date, reading.event_date_precision)
        if event_id is None and reading.event_kind == "agreement" and reading.event_date is None:
            event_id = events.latest_agreement(article.meta.published)
        as_of = reading.as_of
        if as_of is None and reading.measure == "agreed":
            as_of = events.day_of(event_id)  # an agreement's target holds from its day
        rows.append(
            _row(
                article,
                reading.figure_start,
                reading.quote_start,
                reading.quote_end,
                value=reading.value,
                qualifier=reading.qualifier,
                subject=reading.subject,
                side=reading.side,
                recipient=reading.recipient,
                measure=reading.measure,
                as_of=as_of.isoformat() if as_of else None,
                figure=reading.figure,
                claimant_id=claimant,
                event_id=event_id,
                method="machine",
                confidence=round(float(reading.confidence), 2),
                note=None,
            )
        )
    return number_claims(article.source_id, rows)


def curated_claims(article, curated):
    """Claim rows for a reviewed source, each checked against the article's text."""
    rows, seen = [], {}
    for claim in curated.claims:
        line = line_of(claim)
        where = locate_quote(article.text, claim["quote"])
        if where is None:
            raise BuildError(curated.path, line, f"quote not found verbatim in {article.file_name}: {claim['quote']!r}")
        figure_at = locate_figure(article.text, *where, claim["figure"], claim.get("occurrence") or 1)
        if figure_at is None:
            raise BuildError(curated.path, line, f"figure {claim['figure']!r} is not in the quote")
        value = figure_value(claim["figure"])
        if value is not None and value != claim["value"]:
            raise BuildError(curated.path, line, f"figure {claim['figure']!r} reads as {value}, not {claim['value']}")
        if value is None:
            raise BuildError(curated.path, line, f"figure {claim['figure']!r} does not read as a number")
        key = (figure_at[0], claim["side"])
        if key in seen:
            raise BuildError(curated.path, line, f"duplicate claim: the same figure and side as the claim on line {seen[key]}")
        seen[key] = line
        as_of = claim.get("as_of")
        if as_of is not None and precision_of(as_of) != "day":
            raise BuildError(curated.path, line, f"as_of {as_of!r} must be a full date, YYYY-MM-DD")
        if as_of is not None:
            try:
                date.fromisoformat(str(as_of))
            except ValueError:
                raise BuildError(curated.path, line, f"as_of {as_of!r} is not a real date") from None
        rows.append(
            _row(
                article,
                figure_at[0],
                *where,
                value=claim["value"],
                qualifier=claim["qualifier"],
                subject=claim["subject"],
                side=claim["side"],
                recipient=claim.get("recipient"),
                measure=claim["measure"],
                as_of=str(as_of) if as_of else None,
                figure=article.text[figure_at[0]:figure_at[1]],
                claimant_id=claim["claimant"],
                event_id=claim.get("event"),
                method="curated",
                confidence=1.0,
                note=claim.get("note"),
            )
        )
    return number_claims(article.source_id, rows)


def _row(article, figure_start, quote_start, quote_end, **values):
    return {
        "claim_id": None,
        "source_id": article.source_id,
        "event_id": values.pop("event_id"),
        "claimant_id": values.pop("claimant_id"),
        **values,
        "figure_start": figure_start,
        "quote": article.text[quote_start:quote_end],
        "quote_start": quote_start,
        "quote_end": quote_end,
    }
