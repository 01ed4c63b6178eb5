"""Figures in tables copied from an encyclopedia: tab- or pipe-separated rows.

A header row names the columns ("Date | Ukrainians freed | Russians freed |
Mediator | Notes"). A column whose header names a nationality and people
handed over ("Ukrainians freed", "Russian POWs returned", "Bodies returned
to Ukraine") counts that side's people: bodies when the header speaks of
bodies or remains, prisoners otherwise. Every row under the header is a
sentence of its own: each numeric cell in such a column is a figure, dated
by the row's date cell, a handover (``transferred``) received by its own
side. Other columns (mediators) are not read as columns.

A row's notes ("Plus 20 civilians on each side", "Included 108 Azov
fighters; Russia received 55 servicemen") are read as a sentence of their
own (``note_cells``): their figures count part of the row's handover or a
group added to it, dated by the row's date.

Data tables name their columns by direction ("Handover | To Ukraine | To
Russia"): a column "to", "for" or "received by" a country counts the people
that country received, of the kind the table's title (the line above the
header) or header names (bodies when they speak of bodies or remains). A
row's day may be written without its year ("17 July"): the year of
publication, or the year before when that day would come after it. A row
dated by a span of days ("11–16 June") totals the stages of those days: a
running total (``cumulative``) as of the last day.

A source line under the table ("Sources: the Coordination Headquarters
(column "To Ukraine") and Vladimir Medinsky (column "To Russia")", "Source:
Ukraine's defence ministry") names who gives each column's figures.
"""

import dataclasses
import re
from dataclasses import dataclass

from etl.parse.dates import find_date

from .dates import parse_day
from .figures import find_figures
from .qualifiers import read_qualifier
from .reading import ClaimReading

_LINE = re.compile(r"[^\n]+")
_NATION = re.compile(r"\b(?P<ua>Ukrain\w*)|\b(?P<ru>Russia\w*)", re.I)
_PEOPLE_CUE = re.compile(
    r"\b(?:freed|released|returned|repatriated|exchanged|handed|received|swapped|prisoners?|pows?|captives?"
    r"|soldiers|servicemen|bodies|remains|people|civilians)\b",
    re.I,
)
_BODY_CUE = re.compile(r"\b(?:bodies|remains|dead|fallen|killed)\b", re.I)
# "To Ukraine", "Received by Russia", "For Russia": the people that country received.
_DIRECTION = re.compile(r"^\W*(?:to|for|received\s+by|returned\s+to|handed\s+to|→)\s+(?:the\s+)?(?:Ukrain\w*|Russia\w*)\W*$", re.I)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "17 July", "July 17", "11–16 June", "June 11-16": a day (or span of days) written without a year.
_YEARLESS = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:\s*[–—-]\s*(?P<e1>\d{1,2}))?\s+(?P<m1>" + _MONTH + r")"
    r"|(?P<m2>" + _MONTH + r")\.?\s+(?P<d2>\d{1,2})(?:\s*[–—-]\s*(?P<e2>\d{1,2}))?)\b(?!\s*,?\s*(?:19|20)\d\d)")
_SOURCE_LINE = re.compile(r"^\W*(?:sources?|data)\s*:\s*(?P<rest>.+)$", re.I)
# "the Coordination Headquarters (column “To Ukraine”)"
_SOURCE_COLUMN = re.compile(r"(?P<name>[^,;()]+?)\s*\(\s*(?:the\s+)?columns?\s+[“\"‘']?(?P<column>[^”\"’')]+?)[”\"’']?\s*\)", re.I)
_NUMERIC_CELL = re.compile(r"^(?:~|about|around|over|more\s+than|at\s+least|nearly|some)?\s*\d[\d,.\s]*\+?$", re.I)


@dataclass
class _Column:
    side: str
    subject: str
    name: str = ""
    claimant: str = None


def _cells(text, start, end):
    """(start, end) of each cell of the line text[start:end], or None when it is not a table row."""
    line = text[start:end]
    if "\t" in line:
        separator = "\t"
    elif line.count("|") >= 2:
        separator = "|"
    else:
        return None
    bounds, cursor = [], 0
    for piece in line.split(separator):
        bounds.append((cursor, cursor + len(piece)))
        cursor += len(piece) + 1
    if separator == "|":
        # "| 3 January 2024 | 230 |": the pipes that open and close the row make no cells.
        if not line[bounds[0][0]:bounds[0][1]].strip():
            bounds = bounds[1:]
        if bounds and not line[bounds[-1][0]:bounds[-1][1]].strip():
            bounds = bounds[:-1]
    cells = []
    for s, e in bounds:
        s, e = start + s, start + e
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        cells.append((s, e))
    return cells if len(cells) >= 3 else None


def _header(text, cells, title=""):
    """The columns a header row names, by index, or None when the row names none to read.

    title: the line above the header, which may say what a table of "To Ukraine" columns counts."""
    columns = {}
    line = " ".join(text[s:e] for s, e in cells)
    for i, (s, e) in enumerate(cells):
        name = text[s:e]
        nation = _NATION.search(name)
        if not nation or any(ch.isdigit() for ch in name):
            continue
        side = "ukraine" if nation.group("ua") else "russia"
        if _PEOPLE_CUE.search(name):
            columns[i] = _Column(side, "bodies" if _BODY_CUE.search(name) else "prisoners", name)
        elif _DIRECTION.match(name) and (_PEOPLE_CUE.search(title) or _PEOPLE_CUE.search(line)):
            bodies = _BODY_CUE.search(title) or _BODY_CUE.search(line)
            columns[i] = _Column(side, "bodies" if bodies else "prisoners", name)
    return columns or None


def _sources(text, end, columns):
    """Name each column's source from a source line within the three lines after the table (from end)."""
    for count, m in enumerate(_LINE.finditer(text, end)):
        if count >= 3:
            return
        line = m.group().strip()
        if not line:
            continue
        found = _SOURCE_LINE.match(line)
        if not found:
            continue
        rest = found.group("rest")
        named = False
        for piece in _SOURCE_COLUMN.finditer(rest):
            name = re.sub(r"^\s*(?:and|&)\s+", "", piece.group("name")).strip()
            wanted = piece.group("column").strip().lower()
            for column in columns.values():
                if column.name.strip().lower() == wanted:
                    column.claimant = name
                    named = True
        if not named and "(" not in rest and " and " not in rest:
            name = rest.strip().rstrip(".").strip()
            if name and len(name) <= 80:
                for column in columns.values():
                    column.claimant = name
        return


def _row_day(cell_text, published):
    """(day, span): the day a row names without its year, and whether it names a span of days."""
    m = _YEARLESS.search(cell_text)
    if m is None or published is None:
        return None, False
    month = m.group("m1") or m.group("m2")
    last = m.group("e1") or m.group("e2") or m.group("d1") or m.group("d2")
    day = parse_day(f"{last} {month}", published.year)
    if day is not None and day > published:
        day = parse_day(f"{last} {month}", published.year - 1)
    return day, bool(m.group("e1") or m.group("e2"))


def table_rows(text):
    """(row start, row end, columns, cells) of every row under a header row that names columns to read."""
    lines = []
    for m in _LINE.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        lines.append((m.start(), end))
    rows = []
    columns = None
    title = ""
    for start, end in lines:
        cells = _cells(text, start, end)
        if cells is None:
            if columns is not None and rows:
                _sources(text, start, columns)
            columns = None if text[start:end].strip() else columns
            if text[start:end].strip():
                title = text[start:end]
            continue
        header = _header(text, cells, title)
        if header is not None:
            columns = header
            rows.append((start, end, None, cells))  # the header: a table line, with nothing to read
            continue
        if columns is not None:
            rows.append((start, end, columns, cells))
    return rows


def read_tables(text, published):
    """(claims, table line spans) for every table in the text."""
    claims, spans = [], []
    for start, end, columns, cells in table_rows(text):
        spans.append((start, end))
        if not columns:
            continue
        found = find_date(text[start:end])
        day = found[0] if found else None
        span = False
        if day is None:
            day, span = _row_day(text[start:end], published)
        for i, column in columns.items():
            if i >= len(cells):
                continue
            s, e = cells[i]
            cell = text[s:e]
            if not _NUMERIC_CELL.match(cell):
                continue
            # The cell alone: a cell is not read with the row's date before it ("17 July<tab>1,000" is no "July 1").
            figures = find_figures(cell)
            if len(figures) != 1:
                continue
            figure = figures[0]
            figure = dataclasses.replace(figure, start=figure.start + s, end=figure.end + s)
            kind = "repatriation" if column.subject == "bodies" else "prisoner_exchange"
            claims.append(ClaimReading(
                value=figure.value, figure=figure.text, figure_start=figure.start, figure_end=figure.end,
                quote_start=start, quote_end=end, qualifier=read_qualifier(text, figure.start, figure.end),
                subject=column.subject, side=column.side, recipient=column.side,
                measure="cumulative" if span else "transferred",
                as_of=day or published, claimant=column.claimant, event_kind=kind, event_date=day,
                event_date_precision="day" if day else "unknown", confidence=0.6,
            ))
    return claims, spans


_WORDS = re.compile(r"[A-Za-z]{3,}")


def note_cells(text):
    """{(row start, row end): (note cells as (start, end), the row's day, what its columns count)} for the rows of tables
    whose free-text cells (notes) hold a figure: cells of words outside the columns read."""
    notes = {}
    for start, end, columns, cells in table_rows(text):
        if not columns:
            continue
        found = find_date(text[start:end])
        day = found[0] if found else None
        free = []
        for i, (s, e) in enumerate(cells):
            if i in columns:
                continue
            cell = text[s:e]
            if found and s - start < found[2] and found[1] < e - start:
                continue  # the date cell
            if len(_WORDS.findall(cell)) >= 2:
                free.append((s, e))
        if free:
            subjects = {column.subject for column in columns.values()}
            notes[(start, end)] = (free, day, subjects.pop() if len(subjects) == 1 else None)
    return notes
