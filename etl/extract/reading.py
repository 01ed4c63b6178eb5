"""What the extract stage hands on: one figure read from an article."""

from dataclasses import dataclass
from datetime import date
from typing import Optional


@dataclass
class ClaimReading:
    """One figure that counts people, as the machine reader understood it.

    Offsets point into ``Article.text``: text[quote_start:quote_end] is the
    sentence that states the figure and text[figure_start:figure_end] is the
    figure as written. ``claimant`` is the attributed speaker as the text
    names it ("Vladimir Medinsky", "Kyiv", "the Coordination Headquarters"),
    or None when the outlet states the figure in its own voice; resolving it
    to an actor is the resolve stage's job. ``event_*`` describe the
    occurrence the figure is about, for the resolve stage to match.
    """

    value: int
    figure: str
    figure_start: int
    figure_end: int
    quote_start: int
    quote_end: int
    qualifier: str  # schema.QUALIFIERS
    subject: str  # schema.SUBJECTS
    side: str  # schema.SIDES
    recipient: Optional[str]  # schema.SIDES or None
    measure: str  # schema.MEASURES
    as_of: Optional[date] = None
    claimant: Optional[str] = None
    event_kind: Optional[str] = None  # schema.EVENT_KINDS
    event_date: Optional[date] = None
    event_date_precision: str = "unknown"  # schema.DATE_PRECISIONS
    confidence: float = 0.5
