"""Find calendar dates written in a line of text.

Only unambiguous forms are read: ISO (2025-07-17, 2025-07-17T14:20),
day-month-year with dots (17.07.2025, always day first as in Europe),
slashes only when one part is over 12, and month names in English,
German, French, Spanish, Italian, Ukrainian and Russian ("July 17, 2025",
"July 17,2025", "17 July 2025", "17. Juli 2025", "17 липня 2025").
python-dateutil's parser is not used: it fills missing parts from today
and reads "July 17,2025" as July 17 of the current year.
"""

import re
from datetime import date

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # Spanish / Italian
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Ukrainian (nominative and genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6,
    "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
    # Russian (nominative and genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
    "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_NUMBER = r"(?P<day>[0-3]?\d)"
_DAY = _DAY_NUMBER + r"(?:st|nd|rd|th|\.)?"

DATE_FORMS = [
    re.compile(rf"(?<!\d){_YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"(?<![\d.]){_DAY_NUMBER}\.(?P<m>[01]?\d)\.{_YEAR}(?!\d)"),
    re.compile(rf"(?<![\d/]){_DAY_NUMBER}/(?P<m>[01]?\d)/{_YEAR}(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s*{_YEAR}(?!\d)"),
    re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)"),
]
SLASH_FORM = DATE_FORMS[2]

# Where in a URL a date may be written: /2025/07/17/ or /2025-07-17-slug
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=[/\-_.]|$)")


def find_date(line):
    """The first unambiguous date in the line as (date, start, end), or None."""
    found = []
    for form in DATE_FORMS:
        for match in form.finditer(line):
            value = _to_date(match, slash=form is SLASH_FORM)
            if value:
                found.append((match.start(), match.end(), value))
                break
    if not found:
        return None
    start, end, value = min(found)
    return value, start, end


def url_date(url):
    """The date written in a URL's path, or None."""
    match = URL_DATE.search(url)
    if not match:
        return None
    return _valid(*(int(part) for part in match.groups()))


def _to_date(match, slash=False):
    parts = match.groupdict()
    year, day = int(parts["year"]), int(parts["day"])
    if parts.get("m") is not None:
        month = int(parts["m"])
        if slash:
            if day <= 12 and month <= 12 and day != month:
                return None  # 01/03/2024: day first or month first? Never guess.
            if month > 12:
                day, month = month, day
    else:
        month = MONTHS.get(parts["month"].lower())
        if month is None:
            return None
    return _valid(year, month, day)


def _valid(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None
