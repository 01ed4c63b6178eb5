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
"""

import re
from dataclasses import dataclass

from etl.parse.dates import find_date

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
_NUMERIC_CELL = re.compile(r"^(?:~|about|around|over|more\s+than|at\s+least|nearly|some)?\s*\d[\d,.\s]*\+?$", re.I)


@dataclass
class _Column:
    side: str
    subject: str


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


def _header(text, cells):
    """The columns a header row names, by index, or None when the row names none to read."""
    columns = {}
    for i, (s, e) in enumerate(cells):
        name = text[s:e]
        nation = _NATION.search(name)
        if nation and _PEOPLE_CUE.search(name) and not any(ch.isdigit() for ch in name):
            side = "ukraine" if nation.group("ua") else "russia"
            columns[i] = _Column(side, "bodies" if _BODY_CUE.search(name) else "prisoners")
    return columns or None


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
    for start, end in lines:
        cells = _cells(text, start, end)
        if cells is None:
            columns = None if text[start:end].strip() else columns
            continue
        header = _header(text, cells)
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
        for i, column in columns.items():
            if i >= len(cells):
                continue
            s, e = cells[i]
            cell = text[s:e]
            if not _NUMERIC_CELL.match(cell):
                continue
            figures = find_figures(text, s, e)
            if len(figures) != 1:
                continue
            figure = figures[0]
            kind = "repatriation" if column.subject == "bodies" else "prisoner_exchange"
            claims.append(ClaimReading(
                value=figure.value, figure=figure.text, figure_start=figure.start, figure_end=figure.end,
                quote_start=start, quote_end=end, qualifier=read_qualifier(text, figure.start, figure.end),
                subject=column.subject, side=column.side, recipient=column.side, measure="transferred",
                as_of=day or published, claimant=None, event_kind=kind, event_date=day,
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
