"""Find the numbers in a stretch of text that could count people.

Digits ("1,000", "1 000", "1\u00a0000", "1K", "1.2K", "2 thousand") and
number words ("three", "two hundred", "a thousand") are found; years, dates
(the first day of a range too: "from 23 to 25 May", "between 11 and 16 June"),
times, ages ("aged 19", "a 45-year-old", "prisoners under 25"), money,
percentages, ordinals, durations ("three-year"), telephone numbers and codes
("0 800 300 529") and numbers of sides, parties, rounds or days ("the two
sides", "in two stages") are left out. Vague quantities ("thousands", "dozens", "tens of thousands") have
no integer and are never found. Whether a number counts people is decided
later, from the words around it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from word2number import w2n

from ..caseless import caseless, lowered
from .memo import last_word

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million)"
)
_SCALE = {"k": 1000, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000, "m": 1_000_000}

# The first digit comes first, so the re module can skip quickly to where a number may start;
# the look-behind after it keeps numbers glued to words, decimals, money or times out.
DIGITS = re.compile(
    r"(?P<int>\d(?<![\w.,$€£₴/:]\d)(?:\d{0,2}(?:(?:,|[\u00a0\u202f\u2009 ])\d{3})+(?![\d])|\d*))"
    r"(?:\.(?P<dec>\d+))?"
    r"(?:(?P<ksuffix>[Kk])\b|\s?(?P<scale>thousand|million|mln)\b)?"
    r"(?![\d.,]\d)"
)
WORDS = re.compile(
    rf"(?<![A-Za-z])(?=[aotfsenhmAOTFSENHM])(?:(?P<a>an?)\s+)?{_NUMBER_WORD}(?:(?:\s+|-|\s+and\s+){_NUMBER_WORD})*\b",
    re.I,
)
_NOT_PEOPLE_AFTER = re.compile(
    r"\s?(?:%|per\s?cent|percent|st\b|nd\b|rd\b|th\b|:\d|[-\u2010\u2011]\s?(?:year|month|week|day|hour|minute|kilomet|km|mile|metre|meter|point)"
    r"|\s?(?:years?\s+old|years?-old|dollars|euros|hryvnias?|roubles|rubles|usd|eur|uah|km\b|kilomet|miles?\b|am\b|pm\b|a\.m|p\.m|gmt|utc|bn\b|billion))",
    re.I,
)
# "the two sides", "two rounds", "over three days": a number that counts parties, steps or time.
_NOT_PEOPLE_NOUN_AFTER = re.compile(
    r"[\s-]+(?:sides?|countries|country|parties|party|delegations?|rounds?|stages?|phases?|days?|weeks?|months?"
    r"|years?|hours?|minutes?|times|nations|governments|presidents|leaders|ministers|regions|cities|villages)\b",
    re.I,
)
# "prisoners under 25", "men over 60", "those younger than 18", "under the age of 25": an age.
_AGE_BEFORE = re.compile(
    r"(?:\b(?:people|prisoners|captives|soldiers|servicemen|men|women|boys|girls|children|civilians|conscripts|those"
    r"|anyone|detainees|POWs|Ukrainians|Russians)\s+(?:(?:aged\s+)?(?:under|over|below|above)|older\s+than|younger\s+than)"
    r"|\bage\s+of)\s+$",
    re.I,
)
_AGE_LAST_WORDS = ("under", "over", "below", "above", "than", "of")
# "the hotline 0 800 300 529", "call 0-800-...": a telephone number.
_PHONE_BEFORE = re.compile(r"\b(?:hotline|helpline|phone|telephone|tel|call|dial|number|line)\b[^.\d]{0,20}$", re.I)
_PHONE = re.compile(r"^\+?\d{1,4}(?:[ .\u00a0-]\d{2,4}){2,}")
_DATE_BEFORE = re.compile(rf"(?:{MONTHS}|{MONTHS}\s*\d{{1,2}}\s*(?:-|–|—|to|and|through|until)\s*|\baged?|\bNo\.|\$|€|£|₴|\bUSD|\bUAH|\bEUR|\bpage|\bp\.)\s*$", re.I)
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:(?:-|–|—|to|and|through|until)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:of\s+)?{MONTHS}(?!\w)",
    re.I,
)


_DIGIT = re.compile(r"\d")
_ONE_BEFORE = re.compile(r"\b(?:every|each|any|no|not|the|this|that)\s+$", re.I)
_ONE_OF = re.compile(r"\s+of\b", re.I)
# What the last word before a figure must end with for _DATE_BEFORE to match.
_DATE_BEFORE_WORDS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
    "dec", "to", "and", "through", "until", "age", "aged", "no", "usd", "uah", "eur", "page", "p",
)


_LETTERS = re.compile(r"[a-z]+")
NUMBER_WORDS = _NUMBER_WORD_SET = frozenset(_NUMBER_WORD[3:-1].split("|"))


def may_hold_number_words(text):
    """False when text surely has no number word ("three", "a thousand")."""
    return not _NUMBER_WORD_SET.isdisjoint(_LETTERS.findall(text.lower()))


def may_hold_number(text):
    """False when text surely has no digit and no number word."""
    return _DIGIT.search(text) is not None or may_hold_number_words(text)


def _may_be_date_before(before):
    """False when _DATE_BEFORE surely cannot match the text before a figure."""
    tail = before.rstrip()
    if not tail:
        return False
    last = tail[-1]
    if last in "$€£₴-–—":
        return True
    if last != "." and not last.isalpha():
        return False
    return last_word(tail).endswith(_DATE_BEFORE_WORDS)


@dataclass(frozen=True)
class Figure:
    """A number as written, its value and where it is in the text."""

    value: int
    text: str
    start: int
    end: int
    yearlike: bool = False
    words: bool = False


@lru_cache(maxsize=4096)
def words_value(words):
    """The value of number words: "two hundred and fifty" is 250."""
    cleaned = re.sub(r"^an?\s+", "one ", words.lower().replace("-", " "))
    try:
        return int(w2n.word_to_num(cleaned))
    except ValueError:
        return None


_NON_DIGIT = re.compile(r"\D")


def _digits_value(m):
    whole = int(_NON_DIGIT.sub("", m.group("int")))
    decimal = m.group("dec")
    scale = _SCALE.get((m.group("ksuffix") or m.group("scale") or "").lower())
    if decimal is not None:
        if not scale:
            return None
        return int(round(float(f"{whole}.{decimal}") * scale))
    return whole * (scale or 1)


_NOT_PEOPLE_AFTER_LOW = caseless(_NOT_PEOPLE_AFTER)
_NOT_PEOPLE_NOUN_AFTER_LOW = caseless(_NOT_PEOPLE_NOUN_AFTER)
_DATE_AFTER_LOW = caseless(_DATE_AFTER)


def _excluded(text, start, end, low=None):
    """Whether the number text[start:end] is no count. low: text lower-cased, when text is ASCII (the same matches)."""
    if start and text[start - 1] == "[" and text.startswith("]", end):
        return True  # "[16]": a reference mark
    if (_NOT_PEOPLE_AFTER_LOW.match(low, end, min(len(text), end + 16)) if low is not None
            else _NOT_PEOPLE_AFTER.match(text, end, min(len(text), end + 16))):
        return True
    if (_NOT_PEOPLE_NOUN_AFTER_LOW.match(low, end, min(len(text), end + 16)) if low is not None
            else _NOT_PEOPLE_NOUN_AFTER.match(text, end, min(len(text), end + 16))):
        return True
    before_age = text[max(0, start - 40):start]
    if last_word(before_age.rstrip()) in _AGE_LAST_WORDS and _AGE_BEFORE.search(before_age):
        return True
    if text[start] in "0+" or _PHONE.match(text, start) and _PHONE_BEFORE.search(text, max(0, start - 40), start):
        return True  # "0 800 300 529", "+380 ...": a telephone number or a code, never a count
    before = text[max(0, start - 12):start]
    if _may_be_date_before(before) and _DATE_BEFORE.search(before):
        return True
    if low is not None:
        return bool(_DATE_AFTER_LOW.match(low[end:end + 30]))
    return bool(_DATE_AFTER.match(text[end:end + 30]))


def find_figures(text, start=0, end=None, words=None):
    """Every candidate figure between start and end, in order.

    words=False says the text has no number words, sparing the search for them.
    """
    end = len(text) if end is None else end
    found = []
    # Lower-cased once for the case-insensitive tests, when the whole text (a sentence) is searched.
    low = lowered(text) if start == 0 and end == len(text) else None
    for m in DIGITS.finditer(text, start, end):
        raw = m.group("int")
        if " " in raw and "\n" in raw:
            continue
        value = _digits_value(m)
        if value is None or _excluded(text, m.start(), m.end(), low):
            continue
        plain = raw.isdigit() and not m.group("ksuffix") and not m.group("scale")
        yearlike = plain and len(raw) == 4 and 1900 <= value <= 2099
        found.append(Figure(value, m.group(), m.start(), m.end(), yearlike))
    if words is None:
        words = may_hold_number_words(text[start:end])
    for m in (WORDS.finditer(text, start, end) if words else ()):
        words = m.group()
        first = words.lower().split()[0].split("-")[0]
        if first in ("hundred", "thousand", "million") or any(f.start <= m.start() < f.end for f in found):
            continue
        value = words_value(words)
        if value is None or _excluded(text, m.start(), m.end(), low):
            continue
        if value == 1 and (_ONE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _ONE_OF.match(text, m.end())):
            continue  # "every one of them", "the sister of one of the men": one person picked out, not a count
        found.append(Figure(value, words, m.start(), m.end(), words=True))
    found.sort(key=lambda f: f.start)
    return found
