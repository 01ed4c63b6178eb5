"""Split an article's body into sentences, as (start, end) offsets.

A blank line always ends a sentence. A single line break ends one only when
the line before it is not a hard-wrapped piece of a longer sentence: in a
hard-wrapped article (most lines near the same width) a long line, a line
followed by a lower-case word, or a title-case headline line runs on into the
next. A short line without final punctuation (a headline, a byline) stands
alone. Inside a paragraph, a sentence ends at ``.``, ``!`` or ``?`` (with any
closing quote or bracket) before a capital, a digit or an opening quote,
except after abbreviations such as "U.S.", "Jan." or an initial.
"""

import re

WRAP_WIDTH_LIMIT = 130  # wider lines than this mean one paragraph per line
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep pres st
    no nos vs approx est dept jan feb mar apr jun jul aug sep sept oct nov dec
    inc ltd corp co jr sr mt ft e.g i.e a.m p.m u.s u.k u.n e.u""".split()
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_LINE = re.compile(r"[^\n]+")
# A reference mark may follow the full stop ("... in 2022.[4] The next ..."): it belongs to the sentence.
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’)\]]*(?:\[(?:\d{1,3}|[a-z]|note\s\d{1,3})\])*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0400-\u042f])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_TERMINAL = re.compile(r"[.!?:][\"'”’)\]]*$")


def wrap_width(text):
    """The width the text seems hard-wrapped at (90th percentile line length)."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    return width if width <= WRAP_WIDTH_LIMIT else None


def _title_case(line):
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _runs_on(line, following, width):
    """Whether a single line break between two lines sits inside a sentence."""
    line = line.rstrip()
    if _TERMINAL.search(line):
        return False
    nxt = following.lstrip()
    if nxt[:1].islower():
        return True
    if width is None:
        return False
    if len(line.strip()) >= 0.6 * width:
        return True
    return _title_case(line) and _title_case(nxt) and len(line.strip()) + len(nxt) < 150


def _blocks(text, start, end, width):
    """(start, end) of the runs of text inside which no line break ends a sentence."""
    lines = [(m.start() + start, m.end() + start) for m in _LINE.finditer(text[start:end])]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    block_start = None
    for i, (s, e) in enumerate(lines):
        if block_start is None:
            block_start = s
        if i + 1 < len(lines):
            ns, ne = lines[i + 1]
            gap = text[e:ns]
            if gap.count("\n") == 1 and _runs_on(text[s:e], text[ns:ne], width):
                continue
        yield block_start, e
        block_start = None


def _is_abbreviation(text, dot):
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # U.S, a.m
    return word.lower() in ABBREVIATIONS


def _split_block(text, start, end):
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == "." and m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        yield cursor, m.end()
        cursor = m.end()
    yield cursor, end


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text, body=None, width=None):
    """Every sentence inside the body spans, as sorted (start, end) offsets."""
    if body is None:
        body = [(0, len(text))]
    if width is None:
        width = wrap_width(text)
    spans = []
    for body_start, body_end in body:
        cursor = body_start
        paragraphs = []
        for m in _PARAGRAPH_BREAK.finditer(text, body_start, body_end):
            paragraphs.append((cursor, m.start()))
            cursor = m.end()
        paragraphs.append((cursor, body_end))
        for p_start, p_end in paragraphs:
            for b_start, b_end in _blocks(text, p_start, p_end, width):
                for s, e in _split_block(text, b_start, b_end):
                    s, e = _trimmed(text, s, e)
                    if e > s:
                        spans.append((s, e))
    return sorted(spans)
