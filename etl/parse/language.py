"""Guess an article's language from its script and common words.

Cyrillic text is Ukrainian or Russian: letters only one of them uses
(і ї є ґ against ы э ъ ё) decide, then their commonest words. Latin text is
scored on each language's commonest short words; the language with the
most hits wins if it has enough of them. Too little evidence gives None.
"""

import re
from collections import Counter

CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
SAMPLE_CHARS = 1500
MIN_HITS = 3

STOP_WORDS = {
    "en": "the of and to in is was that for on with as by at from it said has have were are",
    "de": "der die das und ist nicht mit den von zu sich auf für dem eine ein auch wurde sind",
    "fr": "le la les et des est une dans que pour qui pas sur avec du au ont été aux",
    "es": "el los las y que del una por con para se su al es fue han sus como",
    "it": "il che della di gli una per sono con alla nel anche stato dei delle è",
    "pt": "os que do da em um uma para com não dos das foi pelo pela são",
    "nl": "de het een en van is dat op te zijn met voor niet werd door",
    "pl": "i w na się że nie z do jest to przez oraz jak od po",
    "tr": "ve bir bu da de ile için olarak olan gibi daha çok ancak",
    "uk": "і й що та на в у не з до як від це за про його також було",
    "ru": "и в что на не с по как это из от для его также было был",
}
STOP_SETS = {code: frozenset(words.split()) for code, words in STOP_WORDS.items()}
CYRILLIC_CODES = ("uk", "ru")
LATIN_CODES = [code for code in STOP_SETS if code not in CYRILLIC_CODES]


def detect_language(text):
    """ISO 639-1 code of the text's language, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if CYRILLIC.search(sample) is None:
        # No Cyrillic at all: Latin text, if there is any.
        if LATIN.search(sample) is None:
            return None
        return _best(sample, LATIN_CODES)
    cyrillic = sum(map(len, CYRILLIC.findall(sample)))
    latin = sum(map(len, LATIN.findall(sample)))
    if not cyrillic and not latin:
        return None
    if cyrillic > latin:
        uk, ru = len(UKRAINIAN_LETTERS.findall(sample)), len(RUSSIAN_LETTERS.findall(sample))
        if uk != ru:
            return "uk" if uk > ru else "ru"
        return _best(sample, CYRILLIC_CODES)
    return _best(sample, LATIN_CODES)


_ALL_STOP_WORDS = frozenset().union(*STOP_SETS.values())


def _best(sample, codes):
    counts = Counter(w for w in sample.lower().split() if w in _ALL_STOP_WORDS)  # only stop words score
    scores = {code: sum(map(counts.__getitem__, STOP_SETS[code].intersection(counts))) for code in codes}
    code, hits = max(scores.items(), key=lambda item: item[1])
    return code if hits >= MIN_HITS else None
