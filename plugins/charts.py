"""Pictures of the ledger, drawn on the server as SVG (no script, nothing fetched).

/-/charts shows
- the timeline: every event in date order with every figure given for it,
  one mark per figure, a bar from the lowest to the highest, and the figures
  that cannot all be true flagged;
- the bodies and prisoners returned to each side over time: the running sum of
  the handovers, drawn as a band from the sum of the lowest figures to the sum
  of the highest, with the running totals that sources report marked apart.
"""

import asyncio
import json
import os
from collections import defaultdict
from datetime import date

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup

DATABASE = "ledger"
SIDE_COLOURS = {"ukraine": "#1f5fbf", "russia": "#c0392b", "international": "#6b6b6b", "none": "#6b6b6b"}
SIDE_NAMES = {"ukraine": "Ukrainian", "russia": "Russian", "both": "both sides'", "unknown": "unknown side's"}
QUALIFIER_SIGNS = {"exact": "", "more_than": "more than ", "at_least": "at least ", "about": "about ", "up_to": "up to ", "fewer_than": "fewer than "}
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\""


def claim_range(claim):
    """The values a hedged figure allows (as the figures_in_conflict query reads them)."""
    value, qualifier = claim["value"], claim["qualifier"]
    low = {"exact": value, "more_than": value + 1, "at_least": value, "about": value * 0.9}.get(qualifier, 0)
    high = {"exact": value, "about": value * 1.1, "up_to": value, "fewer_than": value - 1}.get(qualifier, float("inf"))
    return low, high


def in_conflict(claims):
    """Whether two claims from different claimants give figures that cannot both be true."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a["claimant_id"] != b["claimant_id"]:
                (al, ah), (bl, bh) = claim_range(a), claim_range(b)
                if ah < bl or bh < al:
                    return True
    return False


def period_start(value):
    """The first day of a date given as YYYY-MM-DD, YYYY-MM or YYYY; None if there is none."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")[:3]]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def fmt(n):
    return f"{int(round(n)):,}"


def nice_ceiling(value):
    """A round number at or above value for the end of an axis."""
    if value <= 0:
        return 10
    step = 10 ** (len(str(int(value))) - 1)
    for multiple in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if multiple * step >= value:
            return multiple * step
    return 10 * step


def ticks(top, count=5):
    step = top / count
    return [step * i for i in range(count + 1)]


class Svg:
    """A tiny SVG writer: every text and attribute is escaped."""

    def __init__(self, width, height, label):
        self.width, self.height, self.label, self.parts = width, height, label, []

    def add(self, template, *args, **kwargs):
        self.parts.append(Markup(template).format(*args, **kwargs))

    def markup(self):
        head = Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{label}" {font} font-size="12">'
        ).format(w=self.width, h=self.height, label=self.label, font=Markup(FONT))
        return head + Markup("").join(self.parts) + Markup("</svg>")


def row_url(datasette, table, key):
    return datasette.urls.row(DATABASE, table, tilde_encode(str(key)))


# The timeline draws one row per thing counted at each event: it shows the latest events only,
# so that the page stays the same size however many events the ledger holds.
MAX_TIMELINE_EVENTS = 200
# The running sums draw one mark per handover and per reported total, up to this many a series.
MAX_MARKS = 400
CLAIM_COLUMNS = """claims.claim_id, claims.event_id, claims.claimant_id, claims.value, claims.qualifier,
                claims.subject, claims.side, claims.measure, claims.figure, claims.as_of, claims.source_id,
                actors.name as claimant, actors.side as claimant_side"""
_cache = {}
_computing = {}


async def _rows(db, sql, params=None):
    """Every row of one statement as dicts, read without Datasette's time limit.

    The charts are drawn once and then kept while the database is served immutable
    (charts() below), so the one reading may take longer than a page's SQL is allowed
    to, however busy the server is when the first reader arrives.
    """

    def read(conn):
        cursor = conn.execute(sql, params or {})
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    return await db.execute_fn(read)


async def load(datasette):
    """(every event, the latest events for the timeline, their claims, the claims the running sums use).

    Nothing here reads every claim: the timeline's claims come through the claims.event_id index,
    the handovers from the figures table (lowest and highest per event, which is all a running sum
    needs), and the running totals that sources report from the claims.measure index.
    """
    db = datasette.get_database(DATABASE)
    events = await _rows(db, "select event_id, kind, label, date, date_precision, parent_event_id from events order by date, event_id")
    shown = events[-MAX_TIMELINE_EVENTS:]
    timeline_claims = await _rows(
        db,
        f"""select {CLAIM_COLUMNS}
        from claims join actors on actors.actor_id = claims.claimant_id
        where claims.event_id in (select value from json_each(:events))
        order by claims.value, claims.claim_id""",
        {"events": json.dumps([e["event_id"] for e in shown])},
    )
    # One handover's claims stand in as its lowest and highest figure.
    handovers = []
    for r in await _rows(
        db,
        """select event_id, subject, side, lowest, highest from figures
        where measure = 'transferred' order by lowest, event_id, subject, side""",
    ):
        for value in {r["lowest"], r["highest"]}:
            handovers.append({"event_id": r["event_id"], "subject": r["subject"], "side": r["side"],
                              "measure": "transferred", "value": value})
    totals = await _rows(
        db,
        f"""select {CLAIM_COLUMNS}
        from claims join actors on actors.actor_id = claims.claimant_id
        where claims.measure = 'cumulative' and claims.subject in ('bodies', 'prisoners')
        and claims.side in ('ukraine', 'russia')
        order by claims.value, claims.claim_id""",
    )
    return events, shown, timeline_claims, handovers + totals


def timeline_svg(datasette, events, claims):
    """Every event in date order, each with one row per thing counted and a mark per figure."""
    by_event = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim["event_id"]:
            by_event[claim["event_id"]][(claim["subject"], claim["side"], claim["measure"])].append(claim)
    rows = []  # (event, key, claims) with key None for an event without figures
    for event in events:
        groups = by_event.get(event["event_id"])
        if not groups:
            rows.append((event, None, []))
            continue
        for key in sorted(groups, key=lambda k: (k[2] != "transferred", k[0], k[1], k[2])):
            rows.append((event, key, groups[key]))
    top = nice_ceiling(max([c["value"] for c in claims if c["event_id"]] or [10]))
    width, left, plot_left, plot_right = 1120, 10, 540, 830
    row_height, header = 26, 46
    event_gap = 14
    n_events = len({e["event_id"] for e, _, _ in rows})
    height = header + row_height * len(rows) + event_gap * n_events + 30
    svg = Svg(width, height, "Timeline of events with every figure given for each")
    scale = lambda v: plot_left + (plot_right - plot_left) * min(v, top) / top  # noqa: E731
    for tick in ticks(top):
        x = scale(tick)
        svg.add('<line x1="{x:.1f}" x2="{x:.1f}" y1="{y1}" y2="{y2}" stroke="#e3e3e3"/>', x=x, y1=header - 8, y2=height - 24)
        svg.add('<text x="{x:.1f}" y="{y}" text-anchor="middle" fill="#555">{t}</text>', x=x, y=header - 14, t=fmt(tick))
    svg.add('<text x="{x}" y="16" fill="#333" font-weight="600">Event</text>', x=left)
    svg.add('<text x="{x}" y="16" fill="#333" font-weight="600">What is counted</text>', x=plot_left - 205)
    svg.add('<text x="{x}" y="16" fill="#333" font-weight="600">Figures given (one mark per claim)</text>', x=plot_left)
    y = header
    previous = None
    for event, key, group in rows:
        if event["event_id"] != previous:
            y += event_gap
            previous = event["event_id"]
            svg.add('<line x1="{a}" x2="{b}" y1="{y}" y2="{y}" stroke="#cfcfcf"/>', a=left, b=width - 10, y=y - event_gap / 2)
            when = event["date"] or "undated"
            svg.add(
                '<a href="{url}"><text x="{x}" y="{y}" fill="#1a1a1a" font-weight="600">{when}</text>'
                '<text x="{x}" y="{y2}" fill="#1a4f8b">{label}</text></a>',
                url=row_url(datasette, "events", event["event_id"]),
                x=left, y=y + 12, y2=y + 26, when=when + ("" if event["date_precision"] == "day" else f" ({event['date_precision']} only)"),
                label=_clip(event["label"], 50),
            )
        cy = y + 13
        if key is None:
            svg.add('<text x="{x}" y="{y}" fill="#888" font-style="italic">no figures given</text>', x=plot_left - 205, y=cy + 4)
            y += row_height
            continue
        subject, side, measure = key
        conflict = in_conflict(group)
        svg.add('<text x="{x}" y="{y}" fill="#333">{t}</text>', x=plot_left - 205, y=cy + 4, t=_clip(f"{SIDE_NAMES.get(side, side)} {subject}, {measure}", 30))
        values = [c["value"] for c in group]
        low, high = min(values), max(values)
        colour = "#d35400" if conflict else "#9aa5b1"
        svg.add('<line x1="{a:.1f}" x2="{b:.1f}" y1="{y}" y2="{y}" stroke="#eef0f2" stroke-width="8" stroke-linecap="round"/>', a=scale(0), b=scale(top), y=cy)
        svg.add(
            '<line class="range{c}" x1="{a:.1f}" x2="{b:.1f}" y1="{y}" y2="{y}" stroke="{colour}" stroke-width="8" stroke-linecap="round"/>',
            c=" conflict" if conflict else "", a=scale(low), b=scale(high), y=cy, colour=colour,
        )
        by_value = defaultdict(list)
        for claim in group:
            by_value[(claim["value"], claim["qualifier"])].append(claim)
        for (value, qualifier), same in sorted(by_value.items()):
            names = ", ".join(sorted({c["claimant"] for c in same}))
            sides = {c["claimant_side"] for c in same}
            fill = SIDE_COLOURS.get(sides.pop(), "#6b6b6b") if len(sides) == 1 else "#6b6b6b"
            hollow = qualifier != "exact"
            svg.add(
                '<a href="{url}"><circle class="mark" cx="{x:.1f}" cy="{y}" r="6" fill="{fill}" stroke="{stroke}" stroke-width="2">'
                "<title>{title}</title></circle></a>",
                url=row_url(datasette, "claims", same[0]["claim_id"]),
                x=scale(value), y=cy, fill="white" if hollow else fill, stroke=fill,
                title=f"{QUALIFIER_SIGNS.get(qualifier, '')}{fmt(value)}: {names} ({len(same)} claim{'s' if len(same) != 1 else ''})",
            )
        label = " · ".join(
            f"{QUALIFIER_SIGNS.get(q, '')}{fmt(v)}" + (f" ×{len(s)}" if len(s) > 1 else "")
            for (v, q), s in sorted(by_value.items())
        )
        svg.add(
            '<text class="{cls}" x="{x}" y="{y}" fill="{fill}"{weight}>{t}</text>',
            cls="figures conflict" if conflict else "figures",
            x=plot_right + 14, y=cy + 4, fill="#b34700" if conflict else "#333",
            weight=Markup(' font-weight="600"') if conflict else "",
            t=_clip(label + ("  ⚠ disagree" if conflict else ""), 40),
        )
        y += row_height
    return svg.markup()


def _clip(text, length):
    return text if len(text) <= length else text[: length - 1] + "…"


def handover_series(events, claims):
    """{(subject, side): [(date, low, high, event, exact date?)]} of handovers, and reported totals."""
    by_id = {e["event_id"]: e for e in events}
    parents = {e["parent_event_id"] for e in events if e["parent_event_id"]}
    with_transfers = {c["event_id"] for c in claims if c["measure"] == "transferred" and c["event_id"]}
    steps = defaultdict(dict)
    totals = defaultdict(list)
    left_out = []
    for claim in claims:
        if claim["subject"] not in ("bodies", "prisoners") or claim["side"] not in ("ukraine", "russia"):
            continue
        event = by_id.get(claim["event_id"])
        series = (claim["subject"], claim["side"])
        if claim["measure"] == "cumulative":
            when = period_start(claim["as_of"]) or (period_start(event["date"]) if event else None)
            if when:
                totals[series].append((when, claim))
            continue
        if claim["measure"] != "transferred" or event is None or event["kind"] not in ("repatriation", "prisoner_exchange"):
            continue
        when = period_start(event["date"])
        # An event whose stages have their own figures would be counted twice.
        if when is None or event["date_precision"] not in ("day", "month") or (event["event_id"] in parents and any(
            e["parent_event_id"] == event["event_id"] and e["event_id"] in with_transfers for e in events
        )):
            left_out.append((event, claim))
            continue
        step = steps[series].setdefault(event["event_id"], {"date": when, "event": event, "claims": []})
        step["claims"].append(claim)
    return steps, totals, left_out


def returns_svg(datasette, subject, events, steps, totals):
    """Running sums of the handovers of one subject to each side, a band where the figures differ."""
    series_keys = [(subject, "ukraine"), (subject, "russia")]
    points = {}
    dates = []
    top = 0
    for key in series_keys:
        running_low = running_high = 0
        line = []
        for step in sorted(steps.get(key, {}).values(), key=lambda s: (s["date"], s["event"]["event_id"])):
            values = [c["value"] for c in step["claims"]]
            running_low += min(values)
            running_high += max(values)
            line.append((step["date"], running_low, running_high, step))
            dates.append(step["date"])
        points[key] = line
        top = max(top, running_high)
        for when, claim in totals.get(key, []):
            dates.append(when)
            top = max(top, claim["value"])
    if not dates:
        return None
    start, end = min(dates), max(dates)
    start = date(start.year, start.month, 1)
    end = date(end.year + (end.month == 12), end.month % 12 + 1, 1)
    span = max((end - start).days, 1)
    top = nice_ceiling(top * 1.05)
    width, height = 1000, 340
    left, right, upper, lower = 70, 300, 20, 290
    x = lambda d: left + (width - left - right) * (d - start).days / span  # noqa: E731
    y = lambda v: lower - (lower - upper) * v / top  # noqa: E731
    svg = Svg(width, height, f"{subject.capitalize()} returned to each side over time")
    for tick in ticks(top):
        svg.add('<line x1="{a}" x2="{b}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>', a=left, b=width - right, y=y(tick))
        svg.add('<text x="{x}" y="{y:.1f}" text-anchor="end" fill="#555">{t}</text>', x=left - 6, y=y(tick) + 4, t=fmt(tick))
    month = start
    while month <= end:
        svg.add('<line x1="{x:.1f}" x2="{x:.1f}" y1="{a}" y2="{b}" stroke="#eeeeee"/>', x=x(month), a=upper, b=lower)
        svg.add('<text x="{x:.1f}" y="{y}" text-anchor="middle" fill="#555">{t}</text>', x=x(month), y=lower + 18, t=month.strftime("%b %Y"))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    legend_y = upper + 6
    for key in series_keys:
        colour = SIDE_COLOURS[key[1]]
        line = points[key]
        name = f"{SIDE_NAMES[key[1]]} {subject} returned"
        if line:
            low_path = _steps([(x(d), y(lo)) for d, lo, _, _ in _thin(line)], x(start), y(0), x(end))
            high_path = _steps([(x(d), y(hi)) for d, _, hi, _ in _thin(line)], x(start), y(0), x(end))
            band = high_path + list(reversed(low_path))
            svg.add('<polygon points="{p}" fill="{c}" fill-opacity="0.18"/>', p=_points(band), c=colour)
            svg.add('<polyline class="series" points="{p}" fill="none" stroke="{c}" stroke-width="2.5"/>', p=_points(low_path), c=colour)
            if any(lo != hi for _, lo, hi, _ in line):
                svg.add('<polyline points="{p}" fill="none" stroke="{c}" stroke-width="1.5" stroke-dasharray="5 3"/>', p=_points(high_path), c=colour)
            for d, lo, hi, step in _thin(line):
                values = sorted({c["value"] for c in step["claims"]})
                added = fmt(values[0]) if len(values) == 1 else f"{fmt(values[0])}–{fmt(values[-1])}"
                hollow = step["event"]["date_precision"] != "day"
                svg.add(
                    '<a href="{url}"><circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{fill}" stroke="{c}" stroke-width="2">'
                    "<title>{title}</title></circle></a>",
                    url=row_url(datasette, "events", step["event"]["event_id"]), cx=x(d), cy=y(hi),
                    fill="white" if hollow else colour, c=colour,
                    title=f"{step['event']['label']} ({step['event']['date']}): +{added}; running sum {fmt(lo)}"
                    + ("" if lo == hi else f"–{fmt(hi)}"),
                )
            last_lo, last_hi = line[-1][1], line[-1][2]
            total = fmt(last_lo) if last_lo == last_hi else f"{fmt(last_lo)}–{fmt(last_hi)}"
        else:
            total = "no dated handovers"
        svg.add('<rect x="{x}" y="{y}" width="14" height="4" fill="{c}"/>', x=width - right + 20, y=legend_y - 4, c=colour)
        svg.add('<text x="{x}" y="{y}" fill="#222">{t}</text>', x=width - right + 40, y=legend_y, t=name)
        svg.add('<text class="total" x="{x}" y="{y}" fill="{c}" font-weight="600">{t}</text>', x=width - right + 40, y=legend_y + 16, t=f"sum of handovers: {total}", c=colour)
        legend_y += 44
    reported = [(key, when, claim) for key in series_keys for when, claim in totals.get(key, [])]
    if reported:
        svg.add('<path d="M{x},{y} l5,-5 l5,5 l-5,5 z" fill="white" stroke="#333" stroke-width="1.5"/>', x=width - right + 22, y=legend_y - 4)
        svg.add('<text x="{x}" y="{y}" fill="#222">running totals that sources report</text>', x=width - right + 40, y=legend_y)
    drawn = _thin(reported)
    if len(drawn) < len(reported) or any(len(_thin(points[key])) < len(points[key]) for key in series_keys):
        svg.add('<text class="thinned" x="{x}" y="{y}" fill="#555">{t}</text>', x=width - right + 20, y=legend_y + 22,
                t=f"steps and marks thinned to {MAX_MARKS:,} a kind;")
        svg.add('<text class="thinned" x="{x}" y="{y}" fill="#555">{t}</text>', x=width - right + 20, y=legend_y + 38,
                t="the sums count every handover")
    for key, when, claim in drawn:
        colour = SIDE_COLOURS[key[1]]
        svg.add(
            '<a href="{url}"><path d="M{x:.1f},{y:.1f} l6,-6 l6,6 l-6,6 z" fill="white" stroke="{c}" stroke-width="1.5">'
            "<title>{title}</title></path></a>",
            url=row_url(datasette, "claims", claim["claim_id"]), x=x(when) - 6, y=y(claim["value"]), c=colour,
            title=f"{QUALIFIER_SIGNS.get(claim['qualifier'], '')}{fmt(claim['value'])} {SIDE_NAMES[key[1]]} {subject} in all by {when.isoformat()}, according to {claim['claimant']}",
        )
    svg.add('<line x1="{a}" x2="{b}" y1="{y}" y2="{y}" stroke="#999"/>', a=left, b=width - right, y=lower)
    return svg.markup()


def _thin(items):
    """At most MAX_MARKS of the items, evenly spaced, the last always kept: the page's size stays bounded."""
    if len(items) <= MAX_MARKS:
        return items
    step = len(items) / MAX_MARKS
    kept = [items[int(i * step)] for i in range(MAX_MARKS - 1)]
    return kept + [items[-1]]


def _steps(points, x0, y0, x_end):
    """A step line through the points, starting at zero and running on to the end."""
    path = [(x0, y0)]
    for px, py in points:
        path.append((px, path[-1][1]))
        path.append((px, py))
    path.append((x_end, path[-1][1]))
    return path


def _points(path):
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in path)


async def charts(request, datasette):
    db = datasette.get_database(DATABASE)
    key = None
    if not db.is_mutable and db.path and os.path.exists(db.path):
        key = (db.path, os.path.getmtime(db.path))
    context = _cache.get(key) if key else None
    if context is None and key in _computing:  # another reader's visit is drawing them: wait for it
        context = await asyncio.shield(_computing[key])
    if context is None:
        if key:
            _computing[key] = asyncio.get_event_loop().create_future()
        try:
            context = await chart_context(datasette)
        except BaseException as error:
            if key:
                waiting = _computing.pop(key)
                waiting.set_exception(error)
                waiting.exception()  # retrieved: no warning when nobody else was waiting
            raise
        if key:  # the database cannot change while it is served immutable
            _cache.clear()
            _cache[key] = context
            _computing.pop(key).set_result(context)
    html = await datasette.render_template("charts.html", context, request=request, view_name="charts")
    ttl = datasette.setting("default_cache_ttl")
    return Response.html(html, headers={"cache-control": f"max-age={ttl}" if ttl else "no-cache"})


async def chart_context(datasette):
    events, shown, claims, sums = await load(datasette)
    steps, totals, left_out = handover_series(events, sums)
    panels = []
    for subject in ("bodies", "prisoners"):
        svg = returns_svg(datasette, subject, events, steps, totals)
        panels.append({"subject": subject, "svg": svg})
    undated = []
    seen = set()
    for event, claim in left_out:
        if event["event_id"] not in seen:
            seen.add(event["event_id"])
            undated.append({"event": event, "url": row_url(datasette, "events", event["event_id"])})
    conflicts = sum(
        1
        for groups in _groups(claims).values()
        if in_conflict(groups)
    )
    return {
        "timeline": timeline_svg(datasette, shown, claims),
        "timeline_events": len(shown),
        "all_events": len(events),
        "panels": panels,
        "left_out": undated,
        "conflicting_groups": conflicts,
        "conflicts_url": datasette.urls.query(DATABASE, "figures_in_conflict"),
        "ledger_url": datasette.urls.query(DATABASE, "event_ledger"),
        "timeline_url": datasette.urls.query(DATABASE, "timeline"),
    }


def _groups(claims):
    groups = defaultdict(list)
    for claim in claims:
        if claim["event_id"]:
            groups[(claim["event_id"], claim["subject"], claim["side"], claim["measure"])].append(claim)
    return groups


@hookimpl
def register_routes():
    return [(r"^/-/charts$", charts)]
