"""Evidence in context.

A claim's page shows its quote highlighted inside its paragraph of the source
text; a source's page shows its text with every claimed figure highlighted and
linked to its claim. In query results, identifiers link to their rows and each
quote has its figure marked.

Everything taken from the database is escaped before it is put into HTML.
"""

import os

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

DATABASE = "ledger"
PARAGRAPH_BREAK = "\n\n"
LONGEST_PARAGRAPH = 1500  # characters shown around a quote when the text has no paragraph breaks
CONTEXT = 400

# Query result columns that hold an identifier, and the table they identify a row of.
ID_COLUMNS = {
    "claim_id": "claims",
    "claim_a": "claims",
    "claim_b": "claims",
    "source_id": "sources",
    "source_a": "sources",
    "source_b": "sources",
    "event_id": "events",
    "parent_event_id": "events",
    "actor_id": "actors",
    "claimant_id": "actors",
    "outlet_id": "actors",
}
# Query result columns that hold a quote, and the column that holds its figure.
QUOTE_COLUMNS = {"quote": "figure", "quote_a": "figure_a", "quote_b": "figure_b"}


def row_url(datasette, table, key):
    return datasette.urls.row(DATABASE, table, tilde_encode(str(key)))


def link(datasette, table, key, label=None):
    return Markup('<a href="{}">{}</a>').format(row_url(datasette, table, key), label if label is not None else key)


# Evidence ------------------------------------------------------------------


def figure_span(text, claim):
    """(start, end) of the claim's figure in the text, or None when it cannot be found."""
    figure, start = claim.get("figure") or "", claim.get("figure_start")
    if figure and start is not None and text[start : start + len(figure)] == figure:
        return start, start + len(figure)
    quote_start, quote_end = claim.get("quote_start"), claim.get("quote_end")
    if figure and quote_start is not None:
        found = text.find(figure, quote_start, quote_end)
        if found >= 0:
            return found, found + len(figure)
    return None


def paragraph_bounds(text, start, end):
    """The paragraph (between blank lines) that holds text[start:end], trimmed of blank edges."""
    para_start = text.rfind(PARAGRAPH_BREAK, 0, start)
    para_start = 0 if para_start < 0 else para_start + len(PARAGRAPH_BREAK)
    para_end = text.find(PARAGRAPH_BREAK, end)
    para_end = len(text) if para_end < 0 else para_end
    if para_end - para_start > LONGEST_PARAGRAPH:
        para_start = max(para_start, start - CONTEXT)
        para_end = min(para_end, end + CONTEXT)
    while para_start < start and text[para_start].isspace():
        para_start += 1
    while para_end > end and text[para_end - 1].isspace():
        para_end -= 1
    return para_start, para_end


def quote_in_paragraph(text, claim):
    """The paragraph around a claim's quote as HTML: the quote in <mark>, its figure in <strong>."""
    start, end = claim["quote_start"], claim["quote_end"]
    if not (0 <= start <= end <= len(text)):
        return None
    para_start, para_end = paragraph_bounds(text, start, end)
    span = figure_span(text, claim)
    if span and start <= span[0] and span[1] <= end:
        quote = Markup("{}<strong class=\"figure\">{}</strong>{}").format(
            text[start : span[0]], text[span[0] : span[1]], text[span[1] : end]
        )
    else:
        quote = escape(text[start:end])
    return Markup('{}{}<mark class="quote">{}</mark>{}{}').format(
        "… " if para_start > 0 and text[para_start - 1] not in "\n" else "",
        text[para_start:start],
        quote,
        text[end:para_end],
        " …" if para_end < len(text) and text[para_end] not in "\n" else "",
    )


def text_with_figures(datasette, text, claims, names):
    """A source's whole text as HTML with every claimed figure marked and linked to its claim."""
    spans = {}
    for claim in claims:
        span = figure_span(text, claim)
        if span:
            spans.setdefault(span, []).append(claim)
    pieces, position = [], 0
    for (start, end), found in sorted(spans.items()):
        if start < position:  # overlaps a figure already marked: link it there
            pieces.append(Markup("").join(_more_links(datasette, found, names)))
            continue
        first = found[0]
        title = "; ".join(_describe(c, names) for c in found)
        pieces.append(escape(text[position:start]))
        pieces.append(
            Markup('<a class="figure-link" href="{}" title="{}"><mark id="{}" class="figure">{}</mark></a>').format(
                row_url(datasette, "claims", first["claim_id"]),
                title,
                "figure-" + first["claim_id"],
                text[start:end],
            )
        )
        pieces.extend(_more_links(datasette, found[1:], names))
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def _more_links(datasette, claims, names):
    for claim in claims:
        yield Markup('<sup><a class="figure-link" href="{}" title="{}">+</a></sup>').format(
            row_url(datasette, "claims", claim["claim_id"]), _describe(claim, names)
        )


def _describe(claim, names):
    said = names.get(claim["claimant_id"], claim["claimant_id"])
    return f"{claim['figure']}: {claim['subject']} ({claim['side']}, {claim['measure']}), according to {said}"


async def _one(db, sql, params):
    rows = (await db.execute(sql, params)).rows
    return dict(rows[0]) if rows else None


async def claim_context(datasette, db, claim_id):
    claim = await _one(db, "select * from claims where claim_id = :id", {"id": claim_id})
    if not claim:
        return {}
    source = await _one(
        db,
        "select source_id, outlet_id, title, author, published, wire, url, text, reviewed from sources where source_id = :id",
        {"id": claim["source_id"]},
    )
    names = {
        r["actor_id"]: r["name"]
        for r in (await db.execute("select actor_id, name from actors")).rows
    }
    event = None
    if claim["event_id"]:
        event = await _one(
            db, "select event_id, label, date, kind from events where event_id = :id", {"id": claim["event_id"]}
        )
    siblings = []
    if claim["event_id"]:
        siblings = [
            dict(r)
            for r in (
                await db.execute(
                    """select claim_id, figure, value, qualifier, claimant_id, source_id, method from claims
                    where event_id = :event and subject = :subject and side = :side and measure = :measure
                    order by value, claim_id""",
                    {k: claim[k] for k in ("subject", "side", "measure")} | {"event": claim["event_id"]},
                )
            ).rows
        ]
        for sibling in siblings:
            sibling["claimant"] = names.get(sibling["claimant_id"], sibling["claimant_id"])
            sibling["url"] = row_url(datasette, "claims", sibling["claim_id"])
            sibling["this"] = sibling["claim_id"] == claim_id
            sibling["differs"] = sibling["value"] != claim["value"]
    return {
        "claim": claim,
        "source": source,
        "event": event,
        "claimant": names.get(claim["claimant_id"], claim["claimant_id"]),
        "outlet": names.get(source["outlet_id"]) if source and source["outlet_id"] else None,
        "evidence": quote_in_paragraph(source["text"], claim) if source else None,
        "siblings": siblings,
        "values_differ": len({s["value"] for s in siblings}) > 1,
        "links": {
            "claimant": row_url(datasette, "actors", claim["claimant_id"]),
            "source": row_url(datasette, "sources", claim["source_id"]),
            "event": row_url(datasette, "events", claim["event_id"]) if claim["event_id"] else None,
            "in_source": row_url(datasette, "sources", claim["source_id"]) + "#figure-" + claim_id,
            "event_claims": datasette.urls.query(DATABASE, "event_claims") + "?" + _qs(event_id=claim["event_id"])
            if claim["event_id"]
            else None,
            "actor_claims": datasette.urls.query(DATABASE, "actor_claims") + "?" + _qs(actor_id=claim["claimant_id"]),
        },
    }


async def source_context(datasette, db, source_id):
    source = await _one(db, "select * from sources where source_id = :id", {"id": source_id})
    if not source:
        return {}
    names = {r["actor_id"]: r["name"] for r in (await db.execute("select actor_id, name from actors")).rows}
    claims = [
        dict(r)
        for r in (
            await db.execute(
                """select claims.*, events.label as event_label from claims
                left join events on events.event_id = claims.event_id
                where source_id = :id order by figure_start, claim_id""",
                {"id": source_id},
            )
        ).rows
    ]
    for claim in claims:
        claim["claimant"] = names.get(claim["claimant_id"], claim["claimant_id"])
        claim["url"] = row_url(datasette, "claims", claim["claim_id"])
        claim["event_url"] = row_url(datasette, "events", claim["event_id"]) if claim["event_id"] else None
    return {
        "source": source,
        "outlet": names.get(source["outlet_id"]) if source["outlet_id"] else None,
        "outlet_url": row_url(datasette, "actors", source["outlet_id"]) if source["outlet_id"] else None,
        "claims": claims,
        "marked_text": text_with_figures(datasette, source["text"] or "", claims, names),
    }


def _qs(**params):
    from urllib.parse import urlencode

    return urlencode(params)


# The parameter forms of these canned queries offer a list to choose from.
# Events are walked in date order from the latest through the events.date index, and each
# one's claims counted in the claims.event_id index, so the list costs the same at any size.
# Actors are listed by how many claims they have, which means counting every claim: the list
# is kept for as long as the database cannot change (served immutable).
MAX_CHOICES = 500
CHOICES = {
    "query-ledger-event_claims.html": (
        "event_id",
        """select events.event_id as key, coalesce(events.date || ' · ', '') || events.label as label,
        (select count(*) from claims where claims.event_id = events.event_id) as claims from events
        where exists (select 1 from claims where claims.event_id = events.event_id)
        order by events.date desc, events.event_id limit :limit""",
    ),
    "query-ledger-actor_claims.html": (
        "actor_id",
        """select actors.actor_id as key, actors.name as label, count(claims.claim_id) as claims
        from actors join claims on claims.claimant_id = actors.actor_id
        group by actors.actor_id order by count(claims.claim_id) desc, actors.name limit :limit""",
    ),
}
_choices_cache = {}


async def choice_rows(db, template):
    """The choices for one query form: kept per database file while it is served immutable."""
    sql = CHOICES[template][1]
    key = None
    if not db.is_mutable and db.path:
        try:
            key = (db.path, os.path.getmtime(db.path), sql)
        except OSError:
            key = None
    if key is not None and key in _choices_cache:
        return _choices_cache[key]
    rows = [dict(r) for r in (await db.execute(sql, {"limit": MAX_CHOICES})).rows]
    if key is not None:
        _choices_cache[key] = rows
    return rows


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if database != DATABASE or request is None:
        return {}
    if view_name == "row" and table in ("claims", "sources"):

        async def row_vars():
            from datasette.utils import tilde_decode

            key = tilde_decode(request.url_vars.get("pks", ""))
            db = datasette.get_database(DATABASE)
            if table == "claims":
                return {"ledger": await claim_context(datasette, db, key)}
            return {"ledger": await source_context(datasette, db, key)}

        return row_vars
    if template in CHOICES:
        parameter = CHOICES[template][0]

        async def choices():
            db = datasette.get_database(DATABASE)
            return {"choices": await choice_rows(db, template), "choice_parameter": parameter}

        return choices
    return {}


# Query results ---------------------------------------------------------------


_table_urls = {}


def _table_url(datasette, table):
    """The table's URL (what datasette.urls.row puts before the row's key), worked out once per table."""
    key = (id(datasette), table)
    if key not in _table_urls:
        _table_urls[key] = datasette.urls.table(DATABASE, table)
    return _table_urls[key]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DATABASE or table is not None or value in (None, ""):
        return None
    if column in ID_COLUMNS and isinstance(value, str):
        url = f"{_table_url(datasette, ID_COLUMNS[column])}/{tilde_encode(value)}"
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    if column in QUOTE_COLUMNS and isinstance(value, str):
        keys = row.keys() if hasattr(row, "keys") else []
        figure = row[QUOTE_COLUMNS[column]] if QUOTE_COLUMNS[column] in keys else None
        if figure and str(figure) in value:
            at, end = value.index(str(figure)), value.index(str(figure)) + len(str(figure))
            # Escaped pieces in one plain string, marked safe once: this runs for cells of up to 1,000 rows.
            return Markup(f'<span class="quote">{escape(value[:at])}<mark>{escape(value[at:end])}</mark>{escape(value[end:])}</span>')
    return None
