"""Find the numbers in a stretch of text that could count people.

Digits ("1,000", "1 000", "1\u00a0000", "1K", "1.2K", "2 thousand") and
number words ("three", "two hundred", "a thousand") are found; years, dates
(the first day of a range too: "from 23 to 25 May", "between 11 and 16 June"),
times, ages, money, percentages, ordinals and durations ("three-year") are
left out. Vague quantities ("thousands", "dozens", "tens of thousands") have
no integer and are never found. Whether a number counts people is decided
later, from the words around it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from word2number import w2n

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

DIGITS = re.compile(
    r"(?<![\w.,$€£₴/:])"
    r"(?P<int>\d{1,3}(?:(?:,|[\u00a0\u202f\u2009 ])\d{3})+(?![\d])|\d+)"
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
_DATE_BEFORE = re.compile(rf"(?:{MONTHS}|{MONTHS}\s*\d{{1,2}}\s*(?:-|–|—|to|and|through|until)\s*|\baged?|\bNo\.|\$|€|£|₴|\bUSD|\bUAH|\bEUR|\bpage|\bp\.)\s*$", re.I)
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:(?:-|–|—|to|and|through|until)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:of\s+)?{MONTHS}(?!\w)",
    re.I,
)


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


def _digits_value(m):
    whole = int(re.sub(r"\D", "", m.group("int")))
    decimal = m.group("dec")
    scale = _SCALE.get((m.group("ksuffix") or m.group("scale") or "").lower())
    if decimal is not None:
        if not scale:
            return None
        return int(round(float(f"{whole}.{decimal}") * scale))
    return whole * (scale or 1)


def _excluded(text, start, end):
    if _NOT_PEOPLE_AFTER.match(text, end, min(len(text), end + 16)):
        return True
    before = text[max(0, start - 12):start]
    if _DATE_BEFORE.search(before):
        return True
    return bool(_DATE_AFTER.match(text[end:end + 30]))


def find_figures(text, start=0, end=None):
    """Every candidate figure between start and end, in order."""
    end = len(text) if end is None else end
    found = []
    for m in DIGITS.finditer(text, start, end):
        raw = m.group("int")
        if " " in raw and "\n" in raw:
            continue
        value = _digits_value(m)
        if value is None or _excluded(text, m.start(), m.end()):
            continue
        plain = raw.isdigit() and not m.group("ksuffix") and not m.group("scale")
        yearlike = plain and len(raw) == 4 and 1900 <= value <= 2099
        found.append(Figure(value, m.group(), m.start(), m.end(), yearlike))
    for m in WORDS.finditer(text, start, end):
        words = m.group()
        first = words.lower().split()[0].split("-")[0]
        if first in ("hundred", "thousand", "million") or any(f.start <= m.start() < f.end for f in found):
            continue
        value = words_value(words)
        if value is None or _excluded(text, m.start(), m.end()):
            continue
        found.append(Figure(value, words, m.start(), m.end(), words=True))
    found.sort(key=lambda f: f.start)
    return found
