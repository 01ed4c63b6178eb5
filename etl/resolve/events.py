"""Link claims to events: a known event of the same kind and date, or a new one.

Dates keep their precision. An agreement's target given with no date at all
("under the deal") is linked to the latest agreement known to the day that
was reached in the RECENT_AGREEMENT before the article's publication. A
claim about "June 2025" may belong to a day in June, but it is not forced
onto one: it lands on a month-level event unless
the kind of event happens once a month at most (agreements, talks) and just
one such event is known for that month.
"""

from datetime import date, timedelta

from ..yamlfile import without_line

# "Under the deal", with no date: the latest agreement at most this long
# before the article was published.
RECENT_AGREEMENT = timedelta(days=90)
# Reports of one handover can differ by a day or two ("announced on
# Wednesday" against "on Thursday"); the conflicts table shows the difference.
DAY_TOLERANCE = timedelta(days=2)
ONCE_A_MONTH = ("agreement", "talks")
KIND_LABELS = {
    "agreement": "Agreement",
    "talks": "Talks",
    "repatriation": "Repatriation of bodies",
    "prisoner_exchange": "Prisoner exchange",
    "other": "Event",
}


def precision_of(value):
    """The precision of a date written YYYY-MM-DD, YYYY-MM or YYYY."""
    if not value:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(str(value)), "unknown")


def write_date(value, precision):
    """A date written to its precision: 2025-06-16, 2025-06 or 2025."""
    if value is None or precision == "unknown":
        return None
    return value.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


class EventRegistry:
    """The known events, and the ones the build creates as claims need them."""

    def __init__(self, events):
        self.rows = {}
        # Lookups by (kind, date as written) and by (kind, month), ids in the
        # order the events became known: a claim goes to the first that fits.
        self._on_date = {}
        self._in_month = {}
        self._order = {}
        for event in events:
            event = without_line(event)
            date_text = str(event["date"]) if event.get("date") else None
            self.rows[event["id"]] = {
                "event_id": event["id"],
                "kind": event["kind"],
                "label": event["label"],
                "date": date_text,
                "date_precision": precision_of(date_text),
                "location": event.get("location"),
                "parent_event_id": event.get("parent"),
                "description": event.get("description"),
                "method": "curated",
            }
            self._index(self.rows[event["id"]])

    def match(self, kind, when, precision):
        """The id of the event a claim is about, creating one if none is known.

        ``when`` is a datetime.date (or None), ``precision`` how much of it is
        meant. Returns None when there is no kind or no date to go on.
        """
        if not kind or when is None or precision not in ("day", "month"):
            return None
        if precision == "day":
            found = self._nearest_day(kind, when)
        else:
            found = self._same_month(kind, when)
        return found or self._create(kind, when, precision)

    def latest_agreement(self, published):
        """The latest agreement known to the day, on or up to RECENT_AGREEMENT before published."""
        if published is None:
            return None
        for back in range(RECENT_AGREEMENT.days + 1):
            found = self._on_date.get(("agreement", (published - timedelta(days=back)).isoformat()))
            if found:
                return found[0]
        return None

    def day_of(self, event_id):
        """The day an event happened, when it is known to the day."""
        row = self.rows.get(event_id)
        if row and row["date_precision"] == "day":
            return date.fromisoformat(row["date"])
        return None

    def _index(self, row):
        self._order[row["event_id"]] = len(self._order)
        if row["date"]:
            self._on_date.setdefault((row["kind"], row["date"]), []).append(row["event_id"])
            self._in_month.setdefault((row["kind"], row["date"][:7]), []).append(row["event_id"])

    def _nearest_day(self, kind, when):
        """The nearest event of this kind known to the day, at most DAY_TOLERANCE away."""
        for gap in range(DAY_TOLERANCE.days + 1):
            found = [
                event_id
                for day in {when - timedelta(days=gap), when + timedelta(days=gap)}
                for event_id in self._on_date.get((kind, day.isoformat()), ())
            ]
            if found:
                return min(found, key=self._order.get)
        return None

    def _same_month(self, kind, when):
        month = when.isoformat()[:7]
        at_month = self._on_date.get((kind, month))
        if at_month:
            return at_month[0]
        if kind in ONCE_A_MONTH:
            in_month = self._in_month.get((kind, month), ())
            if len(in_month) == 1:
                return in_month[0]
        return None

    def _create(self, kind, when, precision):
        date_text = write_date(when, precision)
        event_id = base = f"{date_text}-{kind.replace('_', '-')}"
        n = 2
        while event_id in self.rows:
            event_id, n = f"{base}-{n}", n + 1
        self.rows[event_id] = {
            "event_id": event_id,
            "kind": kind,
            "label": f"{KIND_LABELS[kind]}, {date_text}",
            "date": date_text,
            "date_precision": precision,
            "location": None,
            "parent_event_id": None,
            "description": "Created by the build from machine-read claims; not yet reviewed.",
            "method": "machine",
        }
        self._index(self.rows[event_id])
        return event_id
