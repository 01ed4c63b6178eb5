"""Tell the article proper from the page furniture around it.

Text copied from a web page carries more than the story: appeals for
money, newsletter boxes, share buttons, bylines, lists of other headlines,
"About us" blurbs, legal warnings. The rules here are general:

- Lines are read one by one. Some lines are furniture wherever they stand
  (appeals, share buttons, "N min read", date lines, image credits, inline
  "Read also: ..." links and their wrapped tails).
- Before the story's first paragraph of prose, short lines (menus, section
  labels) and bylines are furniture too. The headline is kept.
- Once the story has begun, a story-ending cue ("About Us", "Explore",
  "Read more", "Related", "References", "See also", "SOURCE: ...", "(Reporting by ...)", a legal
  warning, a copyright line, "A Message from ...", an author biography)
  ends it: that line and everything after it are furniture. So does a
  paragraph that closes on an agency credit such as "... conflict. (ILKHA)",
  though that paragraph itself is kept. An encyclopedia's section heading
  keeps its edit link ("See also[edit]") and is read without it.
- An encyclopedia's reference line ("^ a b "Title". Outlet. 2025.") is
  furniture wherever it stands.
- Before the story begins, a cookie or privacy consent notice ("We value
  your privacy", "... store and/or access information on a device, such as
  cookies ...") is furniture, however long.
- A newsletter or subscription box is furniture together with the lines
  right after it that speak of newsletters, subscribing or privacy.
- Trailing short lines that are not prose (an unheaded list of headlines,
  button labels) are furniture. A hard-wrapped paragraph counts as prose as
  a whole, so the short last line of its final sentence stays.

Offsets always point into the original text.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from ..caseless import caseless, lowered
from .dates import find_date

# Cues -------------------------------------------------------------------

END_CUE = re.compile(
    r"^(?:about us|about the authors?|about (?:the )?[\w ]{1,40}:?$|explore(?: more)?|read more|read next"
    r"|more (?:stories|news|articles|on this topic|from .{1,50})|related(?: articles?| stories| news| posts| content| coverage| topics| reading)?"
    r"|recommended(?: for you| stories| articles)?|you (?:may|might) also (?:like|be interested in)|also on .{1,40}"
    r"|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|top stories|trending(?: now| stories)?"
    r"|latest (?:news|stories|articles|updates)|what to read next|other news|in other news"
    r"|other (?:topics|stories|headlines|articles)(?: of interest)?|(?:topics|stories) of interest|editor['’]s picks"
    r"|don['’]t miss|you may have missed|must read|more in [\w ]{1,40}"
    r"|(?:leave a |post a |show )?comments?(?: \(\d+\))?|(?:tags|topics|keywords|filed under)\s*:?.*"
    r"|references|notes|footnotes|citations|bibliography|external links|further reading|see also"
    r"|contact us|a message from .{1,80}|dear readers?,?|share this (?:article|story|post|page)"
    r"|legal warning\b.*|\(?reporting by\b.*|\(?(?:writing|editing|additional reporting) by\b.*"
    r"|sources?\s*:.{0,60}|©.*|\(c\) .*|copyright\b.{0,200}|all rights reserved.*"
    r"|(?:this|the) (?:article|story) (?:was|is|has been) (?:originally |first )?(?:published|produced|written).*"
    r"|(?:читайте|читати) (?:також|также).{0,3}|(?:більше|больше) новин.{0,20}|lesen sie (?:auch|mehr).{0,3}|à lire aussi.{0,3}|voir aussi.{0,3}"
    r")[\s:.!»>]*$",
    re.IGNORECASE,
)
AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}(?:is|was) (?:a|an|the|[A-Z][\w'’ ]{1,40}['’]s)\b.{0,120}"
    r"\b(?:correspondent|reporter|journalist|editor|writer|contributor|columnist|analyst|freelancer?|producer|author)\b"
)
# "... the conflict. (ILKHA)": a paragraph closing on an agency credit ends the story.
CLOSING_CREDIT = re.compile(r"[.!?\"”»]\s*(?:\((?P<paren>[A-Z][A-Za-z]{1,14})\)|[—–]\s*(?P<dash>[A-Z][A-Za-z]{1,14}))\s*$")
LINE_FURNITURE = re.compile(
    r"^(?:support (?:us|.{1,60}!)|donate(?: now| today)?|become a (?:member|patron|supporter|subscriber)\b.*"
    r"|subscribe\b.{0,80}|sign up\b.{0,80}|(?:join|follow) us\b.{0,60}|follow(?: [\w .]{1,30})?:?"
    r"|share(?: on [\w ]{1,20}| this| via [\w ]{1,20})?:?|facebook|twitter|x|telegram|whatsapp|linkedin|reddit|viber|email|e-mail|print|copy link|copy|link copied"
    r"|once|monthly|annual(?:ly)?|yearly|continue|remind me later\.?|not ready to (?:support|donate|give)\b.{0,20}|pa[iy]m[ea]nt methods"
    r"|advertisement|advertising|ad|sponsored(?: content)?|listen(?: to this (?:article|story))?\b.{0,30}|\d+\s*(?:min(?:ute)?s?|мин|хв)\.? read|reading time\b.{0,20}"
    r"|(?:photo|image|picture|video|photograph|illustration|credit|foto|фото)s?(?: credits?)?\s*[:/©].{0,150}"
    r"|getty images|(?:ap|afp|reuters|epa|tass) (?:photo|pictures?)\b.{0,100}|\(photo\b.{0,100}\)"
    r"|(?:updated|published|posted|modified|last updated|date)\b:?.{0,50}"
    r"|(?:by|author|authors|written by|words by|автор|автори)\s*:?\s*[\w\s.,'’&-]{2,80}"
    r"|home|news|menu|search|log ?in|sign in|register|back to top|skip to (?:main )?content"
    r")[\s!.:]*$",
    re.IGNORECASE,
)
# "Related article: headline", "Read also: headline": a link set into the story.
INLINE_LINK = re.compile(
    r"^(?:related(?: articles?| stories| news)?|read (?:also|more|next)|also read|see also|more on this|recommended"
    r"|читайте також|читайте также|читати також|lesen sie auch|à lire aussi|lire aussi)\s*[:»|–—-]\s*\S",
    re.IGNORECASE,
)
PROMO_START = re.compile(r"\b(?:newsletter|subscribe|sign up|inbox|mailbox)\b", re.IGNORECASE)
PROMO_TEXT = re.compile(
    r"\b(?:newsletters?|subscri\w*|sign up|inbox|mailbox|e-?mail|privacy policy|terms of use|unsubscribe|preview)\b",
    re.IGNORECASE,
)
# A cookie or privacy consent notice, which a saved page may carry above the story.
CONSENT = re.compile(
    r"\b(?:cookies?|your privacy|personal data|privacy (?:settings|preferences)|consent"
    r"|manage (?:your )?(?:choices|preferences|options|settings)|(?:i|we) accept)\b",
    re.IGNORECASE,
)
FURNITURE_MAX_CHARS = 200  # no single furniture line is longer
# "\s[>»›|/]\s", written from its separator so that the search skips ahead to one.
BREADCRUMB_HINT = re.compile(r"[>»›|/](?<=\s.)\s")
BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>»›|/]\s[^.!?]{1,40}){2,}$")
SENTENCE_END = re.compile(r"[.!?…\"”»’')\]:;]$")
WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
DATE_HINT = re.compile(r"\d(?:\d{3}|\.\d)")  # \d{4}|\d\.\d, with the digit first for a fast search



_END_CUE_LOW = caseless(END_CUE)
# End cues that are also the labels of buttons near a page's top: comment counts, share and tag links.
_BUTTON_CUE = re.compile(r"^(?:(?:leave a |post a |show )?comments?(?: \(\d+\))?|share this (?:article|story|post|page)|read more|explore)[\s:.!]*$")
_FULL_STOP = re.compile(r"[.!?…][\"”»’')\]]?$")
_LINE_FURNITURE_LOW = caseless(LINE_FURNITURE)
_INLINE_LINK_LOW = caseless(INLINE_LINK)

PROSE_WORDS = 12  # a line of this many words ending a sentence is prose
LONG_LINE_WORDS = 16  # a line this long is prose even without closing punctuation
WRAPPED_TAIL_CHARS = 80  # an inline link's wrapped tail is at most this long


class Line(NamedTuple):
    """One line of the text: its 1-based number, offsets and stripped text."""

    number: int
    start: int
    end: int
    text: str
    words: int  # how many words, split on whitespace


class Layout(NamedTuple):
    """How a text divides into lines and which of them are the story."""

    lines: tuple
    kept: frozenset  # indexes of lines inside the body
    first_prose: int  # index of the first prose line, or len(lines)
    body_end: int  # index just after the last body line

    def body_lines(self):
        return [line for i, line in enumerate(self.lines) if i in self.kept]


def body_spans(text):
    """(start, end) offsets of the article proper, furniture left out."""
    layout = page_layout(text)
    spans = []
    previous = None
    for i in sorted(layout.kept):
        line = layout.lines[i]
        start = line.start + (len(text[line.start:line.end]) - len(text[line.start:line.end].lstrip()))
        end = line.start + len(text[line.start:line.end].rstrip())
        if previous is not None and all(not layout.lines[j].text for j in range(previous + 1, i)):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        previous = i
    return spans


def split_lines(text):
    """Every line of the text as a Line (offsets exclude the newline)."""
    lines = []
    start = 0
    for number, raw in enumerate(text.split("\n"), 1):
        end = start + len(raw)
        stripped = raw.strip()
        lines.append(Line(number, start, end, stripped, len(stripped.split())))
        start = end + 1
    return tuple(lines)


def is_prose(line):
    """Whether a line reads like a sentence of the story rather than a label."""
    words = line.words
    return words >= LONG_LINE_WORDS or (words >= PROSE_WORDS and bool(SENTENCE_END.search(line.text)))


def is_date_line(text):
    """A line that holds a date and little else ("July 17, 2025", "date 2025-07-17 WORLD")."""
    if len(text) > 80 or not DATE_HINT.search(text):
        return False
    found = find_date(text)
    if not found:
        return False
    _, start, end = found
    return len((text[:start] + " " + text[end:]).split()) <= 5


# "^ a b "Title". Outlet. 16 June 2025.": an encyclopedia's reference, linked back to the text.
CITATION_LINE = re.compile(r"^\^\s")
# "References[edit]", "See also [ edit ]": an encyclopedia's section heading with its edit link.
EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s+source)?\s*\]\s*$", re.IGNORECASE)


def is_furniture_line(text, low=None):
    """Lines that are furniture wherever they stand. ``low``: lowered(text), if known."""
    if CITATION_LINE.match(text):
        return True
    if len(text) > FURNITURE_MAX_CHARS:
        return False
    if low is None:
        low = lowered(text)
    return bool(
        (_LINE_FURNITURE_LOW.match(low) if low is not None else LINE_FURNITURE.match(text))
        or (low if low is not None else text.lower()).endswith(" logo")
        or (BREADCRUMB_HINT.search(text) and BREADCRUMB.match(text))
        or is_date_line(text)
    )


def is_end_cue(text, low=None):
    """Lines after which nothing belongs to the story. ``low``: lowered(text), if known."""
    if text.endswith("]") and EDIT_LINK.search(text):
        text, low = EDIT_LINK.sub("", text), None
    if low is None:
        low = lowered(text)
    return bool((_END_CUE_LOW.match(low) if low is not None else END_CUE.match(text)) or AUTHOR_BIO.match(text))


@lru_cache(maxsize=16)
def page_layout(text):
    """Divide the text into lines and decide which belong to the body."""
    lines = split_lines(text)
    kept = []
    first_prose = len(lines)
    body_end = len(lines)
    in_link = in_promo = False
    paragraph_words = 0
    told = False  # a line of prose closing on a full stop has been kept: the story is being told
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            in_link = False
            continue
        if in_link and len(t) <= WRAPPED_TAIL_CHARS and not SENTENCE_END.search(t):
            continue  # the wrapped tail of an inline link's headline
        in_link = False
        low = lowered(t)
        if in_promo and PROMO_TEXT.search(t) and not is_end_cue(t, low):
            continue
        in_promo = False
        started = first_prose < len(lines)
        # A cue above the story's first full sentence ("Comments" under a byline, beside a standfirst
        # with no full stop) is a button, not the story's end.
        if started and is_end_cue(t, low) and (told or not _BUTTON_CUE.match(low or t.lower())):
            body_end = i
            break
        if _INLINE_LINK_LOW.match(low) if low is not None else INLINE_LINK.match(t):
            in_link = True
            continue
        furniture = is_furniture_line(t, low)
        if furniture and PROMO_START.search(t) and \
                (_LINE_FURNITURE_LOW.match(low) if low is not None else LINE_FURNITURE.match(t)):
            in_promo = True
            continue
        if furniture:
            continue
        if not started and len(t) <= 600 and CONSENT.search(t):
            continue  # a consent notice above the story
        wrapped = bool(kept) and kept[-1] == i - 1 and lines[i - 1].words >= 8 \
            and not SENTENCE_END.search(lines[i - 1].text)
        if not started and (is_end_cue(t, low) or line.words < 3) and not wrapped \
                and not continues_headline(lines, kept, i):
            continue
        paragraph_words = paragraph_words + line.words if wrapped else line.words
        kept.append(i)
        if not told and paragraph_words >= PROSE_WORDS and _FULL_STOP.search(t):
            told = True
        if not started and (is_prose(line) or (
                wrapped and paragraph_words >= PROSE_WORDS and SENTENCE_END.search(t))):
            first_prose = i
        if started or is_prose(line):
            match = CLOSING_CREDIT.search(t)
            if match and line.words >= 8:
                body_end = i + 1
                break
    kept = _trim_tail(lines, kept)
    if first_prose == len(lines):
        first_prose = next((i for i in kept if is_prose(lines[i])), len(lines))
    return Layout(lines, frozenset(kept), first_prose, body_end)


def continues_headline(lines, kept, i):
    """Whether line i is the hard-wrapped second line of the headline above it.

    It must follow the headline directly, with no blank line between, and be
    short with no closing punctuation, like the headline itself.
    """
    if len(kept) != 1 or kept[0] != i - 1:
        return False
    above, line = lines[i - 1].text, lines[i].text
    return not SENTENCE_END.search(above) and len(line) <= WRAPPED_TAIL_CHARS and not SENTENCE_END.search(line)


def _trim_tail(lines, kept):
    """Drop short non-prose lines that trail the last paragraph of prose.

    Lines that carry on a sentence the line above left open (hard-wrapped
    text) belong to that paragraph and stay.
    """
    last_prose = max((i for i in kept if is_prose(lines[i])), default=None)
    if last_prose is None:
        return kept
    # A hard-wrapped paragraph is prose as a whole, though none of its lines is.
    kept_set = set(kept)
    run_words = 0
    for i in kept:
        if i > 0 and i - 1 in kept_set and lines[i - 1].text and not SENTENCE_END.search(lines[i - 1].text):
            run_words += lines[i].words
        else:
            run_words = lines[i].words
        if i > last_prose and run_words >= PROSE_WORDS and SENTENCE_END.search(lines[i].text):
            last_prose = i
    while last_prose + 1 in kept and not SENTENCE_END.search(lines[last_prose].text):
        last_prose += 1
    tail = [i for i in kept if i > last_prose]
    headline_like = [i for i in tail if not SENTENCE_END.search(lines[i].text) or lines[i].words < 5]
    if len(headline_like) >= 2 or (tail and len(tail) == len(headline_like)):
        return [i for i in kept if i <= last_prose or i not in headline_like]
    return kept
