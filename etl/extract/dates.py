"""The date a figure refers to, read from its sentence and the publication date.

Rules, in order:

1. An explicit day in the sentence ("on 11 June", "By June 15, 2025",
   "June 16", "2025-06-16"), nearest the figure, with the publication year
   when none is written. A date that would fall more than a week after
   publication is taken to be last year's (unless the figure is planned).
   Dates in a "since ..." phrase are starting points, never as_of.
2. A relative day: "today", "tonight", "this morning" are the publication
   date, "yesterday" the day before, a weekday ("on Thursday", "said
   Monday") the most recent such day on or before publication.
3. "this week": the publication date, with no event day.
4. A cumulative figure with no date: the publication date.
5. Otherwise None.

An article that states no publication date still dates its figures: a day
written without a year ("on June 2", "concluded on June 16") takes the
latest year the article mentions (``latest_year``); such readings carry a
lower confidence. Relative days ("on Wednesday") stay undated.

On a page of dated posts (``post_dates``) each post's day stands in for
the publication date.

Month-level words in the figure's clause ("last month", "this month", "in
June", "early June 2025") give no as_of but an event date of month precision.
"""

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as dateparser

from .figures import MONTHS
from .memo import between_breaks, memo_for

_DAY_DATE = re.compile(
    rf"\b(?:{MONTHS}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*(?:19|20)\d\d)?(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:\s*,?\s*(?:19|20)\d\d)?"
    rf"|(?:19|20)\d\d-\d\d-\d\d)\b",
)
_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")
_NEXT_WEEKDAY = re.compile(r"\b(?:next|coming|on\s+the\s+following)\s+$", re.I)
_TODAY = re.compile(r"\b(?P<w>today|tonight|this\s+morning|this\s+afternoon|this\s+evening|yesterday|earlier\s+today)\b", re.I)
_THIS_WEEK = re.compile(r"\bthis\s+week\b", re.I)
_MONTH_ONLY = re.compile(
    rf"\b(?P<rel>last|this|next)\s+month\b"
    rf"|\b(?:in|early|late|mid|mid-|since|during|from)\s*(?:early\s+|late\s+|mid-?)?(?P<month>{MONTHS})(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s*\d)",
    re.I,
)
_YEAR_END = re.compile(r"\b(?:by|at|as\s+of|until|to|till)\s+the\s+end\s+of\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# The figure was stated some time before the article: "said last month", "told Reuters last week".
_STATED_EARLIER = re.compile(
    r"\b(?:last|previous)\s+(?:month|week|year)\b(?![’']s)|\bearlier\s+this\s+(?:month|year)\b", re.I
)
_AGREED_WHEN = re.compile(r"\b(?:agreed|signed|reached|struck|concluded)\b[^.;]{0,40}\b(?:on\s+\w+day|today|yesterday|\w+day)\b", re.I)
_SEGMENT_BREAK = re.compile(r"[:;](?=\s)")
STATED = frozenset(("cumulative", "offered", "planned", "other"))
_SINCE = re.compile(r"\bsince\b[^.,;]{0,40}$", re.I)
_AGREEMENT_AFTER = re.compile(r"\b(?:agreement|agreements|deal|accord|talks|negotiations|arrangement|meeting|summit)\b", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# The forms _DAY_DATE finds, read without dateutil's general parser (which reads them the same, slower).
_SIMPLE_DAY = re.compile(
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Za-z]{3,9})\.?)"
    r"(?:\s+(?P<y>(?:19|20)\d\d))?|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"
)
_MONTH_NUMBERS = {
    name: number for number, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
         "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()
}


def _simple_day(words, year):
    """The day a plain "June 15, 2025", "11th of June" or "2025-06-16" names, or None to ask dateutil."""
    m = _SIMPLE_DAY.fullmatch(words.replace(",", " ").strip())
    if m is None:
        return None
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        month = _MONTH_NUMBERS.get((m.group("m1") or m.group("m2")).lower())
        day = int(m.group("d1") or m.group("d2"))
        if month is None:
            return None
        if m.group("y"):
            year = int(m.group("y"))
    try:
        return date(year, month, day) if day else None
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def parse_day(words, year):
    """A written day ("June 15, 2025", "11 June") as a date, defaulting to year."""
    simple = _simple_day(words, year)
    if simple is not None:
        return simple
    try:
        parsed = dateparser.parse(words.replace(",", " "), default=datetime(year, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date()


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DAY = re.compile(r"\d-\d")


def _may_name_day(sentence):
    """False when the sentence surely writes no month by name and no ISO date."""
    return any(month in sentence for month in _MONTH_ABBREVIATIONS) or ("-" in sentence and bool(_ISO_DAY.search(sentence)))


_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


def latest_year(text):
    """The latest year a text mentions ("in May and June 2025" gives 2025), or None."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def narrative_day(text, start, end):
    """The last day written with its year in text[start:end] ("On 3 January 2024, ..."), or None.

    A story told in order ("On 3 January 2024, ... A week later, on 31
    January, ...") dates a day written without a year by the year of the day
    told before it in the same paragraph.
    """
    chunk = text[start:end]
    if not _may_name_day(chunk):
        return None
    last = None
    for m in _DAY_DATE.finditer(chunk):
        if _YEAR.search(m.group()):
            last = m
    return parse_day(last.group(), 2000) if last else None


def _explicit_days(sentence, published, default_year=None, context_day=None):
    found = []
    for m in (_DAY_DATE.finditer(sentence) if _may_name_day(sentence) else ()):
        if _SINCE.search(sentence, 0, m.start()):
            continue
        year = published.year if published else default_year
        has_year = re.search(r"(?:19|20)\d\d", m.group())
        if year is None and not has_year:
            continue
        day = parse_day(m.group(), year or 2000)
        if day is None:
            continue
        if published and not has_year and day > published + timedelta(days=7):
            day = day.replace(year=day.year - 1)
        if context_day is not None and not has_year and day.year != context_day.year:
            # The year of the day told just before, when the story goes on from it.
            told = parse_day(m.group(), context_day.year)
            if told is not None and context_day <= told < day and (published is None or told <= published):
                day = told
        found.append((m.start(), m.end(), day))
    for m in (_YEAR_END.finditer(sentence) if "end" in sentence.lower() else ()):
        found.append((m.start(), m.end(), date(int(m.group("year")), 12, 31)))
    return found


def _nearest(candidates, start, end):
    return min(candidates, key=lambda c: min(abs(c[0] - end), abs(c[1] - start)))


_RELATIVE_WORDS = ("today", "tonight", "this", "yesterday")


def _relative_candidates(sentence, published):
    candidates = []
    low = sentence.lower()
    for m in (_TODAY.finditer(sentence) if any(word in low for word in _RELATIVE_WORDS) else ()):
        word = m.group("w").lower()
        day = published - timedelta(days=1) if word == "yesterday" else published
        candidates.append((m.start(), m.end(), day))
    for m in (_WEEKDAY.finditer(sentence) if "day" in sentence else ()):
        if _NEXT_WEEKDAY.search(sentence, 0, m.start()) or _SINCE.search(sentence, 0, m.start()):
            continue
        back = (published.weekday() - WEEKDAYS.index(m.group("day").lower())) % 7
        if m.group("last") and back == 0:
            back = 7
        candidates.append((m.start(), m.end(), published - timedelta(days=back)))
    return candidates


def relative_day(sentence, published, start, end, clause=None, candidates=None):
    """The day a relative word near the figure names, or None."""
    if published is None:
        return None
    if candidates is None:
        candidates = _relative_candidates(sentence, published)
    if not candidates:
        return None
    if clause is not None:
        inside = [c for c in candidates if clause[0] <= c[0] and c[1] <= clause[1]]
        candidates = inside or candidates
    return _nearest(candidates, start, end)[2]


_MONTH_WORDS_LOWER = tuple(m.lower() for m in _MONTH_ABBREVIATIONS) + ("month",)


def month_of(clause, published):
    """The first day of the month a clause names ("last month"), or None."""
    low = clause.lower()
    if not any(word in low for word in _MONTH_WORDS_LOWER):
        return None
    m = _MONTH_ONLY.search(clause)
    if not m or published is None:
        return None
    if m.group("rel"):
        shift = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
        month_index = published.year * 12 + published.month - 1 + shift
        return date(month_index // 12, month_index % 12 + 1, 1)
    if clause[max(0, m.start() - 6):m.start()].lower().strip() == "since" or m.group().lower().startswith("since"):
        return None
    day = parse_day(m.group("month") + " 1", int(m.group("year") or published.year))
    if day and not m.group("year") and day > published:
        day = day.replace(year=day.year - 1)
    return day


_AGREEMENT_WORDS = frozenset("agreement agreements deal accord talks negotiations arrangement meeting summit".split())


def _stated_earlier(sentence):
    low = sentence.lower()
    if not ("last" in low or "previous" in low or "earlier" in low):
        return False
    # "Last year, Ukraine recovered 12,038 bodies", "in the last year alone": the span counted, not when it was said.
    # "during the incursion last year": the time of something else, not of the saying.
    return any(not _PERIOD_COUNTED.match(sentence, m.end()) and not _PERIOD_OPENS.match(sentence, 0, m.end())
               and not _EVENT_NOUN_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
               for m in _STATED_EARLIER.finditer(sentence))


_EVENT_NOUN_BEFORE = re.compile(
    r"\b(?:during|in|after|before|since)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|[A-Z]\w+[’']s\s+)?(?:[\w-]+\s+)?[\w-]+\s+$"
)
_PERIOD_COUNTED = re.compile(r"\s*alone\b")
_PERIOD_OPENS = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}(?:last|previous)\s+(?:month|week|year)$", re.I)


def _segment_breaks(sentence):
    return [(m.start(), m.end()) for m in _SEGMENT_BREAK.finditer(sentence)]


def _segment(sentence, seg_start, seg_end):
    """The sentence with what lies outside the segment blanked (offsets kept)."""
    return " " * seg_start + sentence[seg_start:seg_end]


def read_dates(sentence, clause_start, clause_end, start, end, published, measure, memo=None, default_year=None,
               context_day=None):
    """(as_of, event_date, event_date_precision) for the figure sentence[start:end].

    For an agreed figure the event is the agreement: its day or month as the
    figure's clause gives it, never the day the figure was reported.
    ``default_year`` is the year of a written day that gives none when the
    article states no publication date; ``context_day`` the day written with
    its year before the sentence in its paragraph (``narrative_day``).
    """
    # A colon or semicolon opens a list or a new statement: dates beyond it belong to other figures.
    memo = memo_for(sentence, memo)
    seg_start, seg_end = between_breaks(memo.get("segment-breaks", _segment_breaks, sentence), start, end, len(sentence))
    if seg_start or seg_end < len(sentence):
        sentence = memo.get(("segment", seg_start, seg_end), _segment, sentence, seg_start, seg_end)
        clause_start, clause_end = max(clause_start, seg_start), min(clause_end, seg_end)
    segment = (seg_start, seg_end)
    days = memo.get(("days", segment), _explicit_days, sentence, published, default_year, context_day)
    clause = sentence[clause_start:clause_end]
    if measure != "agreed":
        cut = _AGREEMENT_AFTER.search(sentence, end, clause_end) if memo.has_any(_AGREEMENT_WORDS) else None
        clause = sentence[clause_start:cut.start() if cut else clause_end]
    month = memo.get(("month", clause), month_of, clause, published)
    if measure == "agreed":
        event = (_nearest(days, start, end)[2], "day") if days else ((month, "month") if month else (None, "unknown"))
        as_of = _nearest(days, start, end)[2] if days else None
        if as_of is None and month is None and not _stated_earlier(sentence) and _AGREED_WHEN.search(sentence):
            as_of = relative_day(sentence, published, start, end)
            event = (as_of, "day") if as_of else event
        return as_of, event[0], event[1]
    if days:
        day = _nearest(days, start, end)[2]
        return day, day, "day"
    candidates = memo.get(("relative", segment), _relative_candidates, sentence, published) if published else None
    day = relative_day(sentence, published, start, end, (clause_start, clause_end), candidates)
    if day is not None and measure == "planned" and published and day < published and _WEEKDAY.search(sentence):
        # "further stages would take place on Saturday": a plan's weekday is ahead; the plan holds from when it is said.
        return published, None, "unknown"
    if day is not None:
        return day, day, "day"
    if published and "week" in sentence.lower() and _THIS_WEEK.search(sentence):
        return published, None, "unknown"
    if measure in STATED:
        # A total, an offer or a plan holds from the day it is stated.
        if _stated_earlier(sentence):
            return None, None, "unknown"
        return published, None, "unknown"
    if month is not None:
        return None, month, "month"
    # A handover the text does not date happened, as far as it says, the day it was reported.
    return published, None, "unknown"


# A line that is only a post's timestamp: "👁 61.2K   Oct 2, 2025 at 13:10", "2 June 2025, 14:52 BST".
_STAMP_LINE = re.compile(
    rf"^[^\S\n]*(?P<views>(?:👁|views?:?)[^\S\n]*[\d.,]+[KkMm]?[^\S\n]+(?:edited[^\S\n]+)?)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?[^\S\n]+)?"
    rf"(?P<day>{MONTHS}[^\S\n]*\d{{1,2}}(?:,?[^\S\n]*(?:19|20)\d\d)?|\d{{1,2}}[^\S\n]+{MONTHS}(?:,?[^\S\n]*(?:19|20)\d\d)?)"
    rf"(?:,?[^\S\n]*(?:at[^\S\n]+)?\d{{1,2}}[:.]\d\d(?:[^\S\n]*(?:[AaPp][Mm]|[A-Z]{{2,4}}))?)?[^\S\n]*$",
    re.M,
)


_CLOCK = re.compile(r"\d[:.]\d\d\b")


def post_dates(text, published):
    """(start, end, day) of each post in a page of dated posts (a channel, a live blog), or [].

    A timestamp line with a view count closes its post (a channel's footer);
    any other timestamp line opens the post below it. A post's figures take
    its day in place of the page's publication date.
    """
    if "👁" not in text:
        first = _CLOCK.search(text)
        if first is None or _CLOCK.search(text, first.end()) is None:
            return []
    if not _may_name_day(text):
        return []
    stamps = []
    for m in _STAMP_LINE.finditer(text):
        has_year = re.search(r"(?:19|20)\d\d", m.group("day"))
        year = published.year if published else latest_year(text)
        if year is None and not has_year:
            continue
        day = parse_day(m.group("day"), year or 2000)
        if day is None:
            continue
        if published and not has_year and day > published + timedelta(days=7):
            day = day.replace(year=day.year - 1)
        stamps.append((m.start(), m.end(), day, bool(m.group("views"))))
    if len(stamps) < 2:
        return []
    posts = []
    if all(footer for *_, footer in stamps):
        start = 0
        for s, e, day, _ in stamps:
            posts.append((start, s, day))
            start = e
    elif not any(footer for *_, footer in stamps):
        for k, (s, e, day, _) in enumerate(stamps):
            posts.append((e, stamps[k + 1][0] if k + 1 < len(stamps) else len(text), day))
    return posts


def post_date(posts, pos):
    """The day of the post holding text position pos, or None."""
    for start, end, day in posts:
        if start <= pos < end:
            return day
    return None


_AGREED = re.compile(r"\bagreed\b", re.I)


def agreement_day(sentence, published, default_year=None):
    """The day a sentence gives an agreement ("signed an agreement on June 2"), or None."""
    words = _AGREEMENT_AFTER.search(sentence) or _AGREED.search(sentence)
    if words is None:
        return None
    days = _explicit_days(sentence, published, default_year)
    return _nearest(days, words.start(), words.end())[2] if days else None
