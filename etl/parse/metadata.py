"""Read an article's metadata from its text: what the text states, no more.

- title: the first body line of the page head that reads like a headline
  (three words or more, not prose, not furniture); a headline hard-wrapped
  onto a short second line is joined.
- author: a byline ("By Jane Doe", "Author: Jane Doe") in the page head,
  or a lone personal-name line under the headline.
- published: a date on a labelled line ("Published: 2024-01-03 14:20",
  "date 2025-07-17") or on a short date line near the top, basis "stated";
  else a date in the article's URL, basis "inferred"; else None, "unknown".
  "Updated" dates are used only when nothing else is stated.
- wire and outlet: see etl.parse.credits.
- language: see etl.parse.language.
- url: a line that holds only an http(s) address (optionally labelled).
- rights: the first legal warning, copyright or "All rights reserved" line.
"""

import re

from .article import ArticleMeta
from .credits import closing_credit, dateline_credit, names_outlet, source_line_credit, wire_name
from .dates import find_date, url_date
from .furniture import SENTENCE_END, WRAPPED_TAIL_CHARS, is_date_line, is_prose, page_layout
from .language import detect_language

BYLINE = re.compile(
    r"^(?:(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Aa]uthors?|AUTHORS?|[Аа]втори?|[Vv]on|[Pp]ar|[Pp]or)\s*[:\-]?\s+|(?:[Aa]uthors?|[Аа]втори?)\s*:\s*)"
    r"(?P<name>\S.{1,100})$"
)
NAME_PART = r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*"
PERSON_NAME = re.compile(
    rf"^{NAME_PART}(?:\s+(?:(?:de|da|di|van|von|der|den|del|la|le|bin|al|ibn|el)\s+)?{NAME_PART}){{1,3}}$"
)
NOT_NAME_WORDS = frozenset(
    "news world politics europe ukraine russia war home latest opinion business economy analysis "
    "credit photo photos video share follow subscribe support the live updates breaking sport "
    "culture society world's top stories menu search international region local".split()
)
NAME_END = re.compile(r"\s*(?:[|,;·•—–(]|\s-\s|\bon\b|\bupdated\b|\bpublished\b|\d).*$", re.IGNORECASE)
URL_LINE = re.compile(
    r"^(?:(?:url|link|source|original|originally published at|read (?:it )?at|from)\s*:?\s*)?<?(https?://[^\s<>]+?)>?$",
    re.IGNORECASE,
)
NOT_ARTICLE_URL = re.compile(r"(?:facebook\.com/shar|twitter\.com/intent|x\.com/intent|t\.me/share|wa\.me|mailto:)")
DATE_LABEL = re.compile(
    r"^(?:published|posted|date|dated|first published|publication date|опубліковано|опубликовано|дата|veröffentlicht|publié|publicado|pubblicato)\b",
    re.IGNORECASE,
)
UPDATED_LABEL = re.compile(r"^(?:updated|last updated|modified|оновлено|обновлено|aktualisiert|mis à jour)\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
HEAD_LINES = 15  # short date lines count as the publication date within this many non-blank lines
RIGHTS = re.compile(
    r"^(?:legal warning\b|©|\(c\)\s|copyright\b)|all rights reserved|\brights\b.{0,80}\breserved\b",
    re.IGNORECASE,
)
RIGHTS_HINTS = ("reserved", "©", "(c)", "copyright", "legal warning")
RIGHTS_HOLDER = re.compile(
    r"(?:reserved (?:by|to)|(?:^|(?<=[.!]\s))(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?)\s*(?P<name>[^.,|©]{2,60}?)\s*(?:[.,|]|all rights|$)",
    re.IGNORECASE,
)
_OUTLET_NAME = r"(?P<name>(?:[Tt]he )?[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,5})"
APPEAL = re.compile(rf"^(?:support|a message from|donate to|subscribe to)\s+{_OUTLET_NAME}\s*[!:.]?$", re.IGNORECASE)
SELF_DESCRIPTION = re.compile(
    rf"^{_OUTLET_NAME} is an? (?:[\w-]+ ){{0,4}}(?:newspaper|news agency|agency|outlet|publication|magazine|broadcaster|website|news site|portal|media)\b"
)
LOGO = re.compile(r"^(?:[Tt]he )?(?P<name>.{2,60}?)\s+[Ll]ogo$")
LONE_CREDIT = re.compile(r"^[(—–\-\s]*(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*\)?\.?$")


def read_metadata(text, file_name=None) -> ArticleMeta:
    """The metadata the article's text states. ``file_name`` names it in messages."""
    layout = page_layout(text)
    lines = layout.lines
    title, title_end = _title(layout)
    url = _url(lines)
    published, basis = _published(layout, url)
    rights_lines = [line.text for line in lines if is_rights_line(line.text)]
    rights = rights_lines[0] if rights_lines else None
    holder = _rights_holder(rights)
    outlet = _outlet(layout, rights_lines)
    # The first notice's holder is the outlet's too, unless it is a wire the story is credited to.
    wire, own = _wire(layout, [outlet, holder] if not (holder and wire_name(holder) and outlet) else [outlet])
    body_text = "\n".join(line.text for line in layout.body_lines())
    return ArticleMeta(
        title=title,
        author=_author(layout, title_end),
        published=published,
        published_basis=basis,
        wire=wire,
        language=detect_language(body_text or text),
        url=url,
        outlet=outlet or own,
        rights=rights,
    )


def looks_like_name(text):
    """Whether a short line is a personal name ("Sarhan Basem", "Jean-Luc de la Tour")."""
    if len(text) > 50 or not PERSON_NAME.match(text):
        return False
    return not any(word.lower() in NOT_NAME_WORDS for word in text.split())


def _title(layout):
    """The headline and the index of the line after it."""
    lines = layout.lines
    for i in sorted(layout.kept):
        if i > layout.first_prose:
            break
        line = lines[i]
        if is_prose(line) or line.words < 3 or len(line.text) > 250:
            return None, 0
        title, after = line.text, i + 1
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt is not None and i + 1 in layout.kept and nxt.text and not is_prose(nxt)
            and len(nxt.text) <= WRAPPED_TAIL_CHARS
            and not SENTENCE_END.search(title) and not SENTENCE_END.search(nxt.text)
            and (i + 2 >= len(lines) or not lines[i + 2].text or i + 2 not in layout.kept)
        ):
            title, after = f"{title} {nxt.text}", i + 2
        return title, after
    return None, 0


def _author(layout, title_end):
    lines = layout.lines
    head = range(0, min(layout.first_prose, len(lines)))
    for i in head:
        match = BYLINE.match(lines[i].text)
        if match and len(lines[i].text) <= 120:
            name = NAME_END.sub("", match.group("name")).strip(" .:")
            if name and name[0].isupper() and 1 <= len(name.split()) <= 8:
                return name
    for i in range(title_end, min(title_end + 4, layout.first_prose)):
        if looks_like_name(lines[i].text):
            return lines[i].text
    return None


def _url(lines):
    for line in lines:
        if "http" in line.text:
            match = URL_LINE.match(line.text)
            if match and not NOT_ARTICLE_URL.search(match.group(1)):
                return match.group(1).rstrip(".,;")
    return None


def _published(layout, url):
    labelled = updated = short = None
    non_blank = 0
    for i, line in enumerate(layout.lines):
        t = line.text
        if not t:
            continue
        non_blank += 1
        if len(t) > 120 or is_prose(line) or not DIGIT.search(t):
            continue
        if labelled is None and DATE_LABEL.match(t):
            labelled = find_date(t)
        elif updated is None and UPDATED_LABEL.match(t):
            updated = find_date(t)
        elif short is None and i < layout.body_end and non_blank <= HEAD_LINES and is_date_line(t):
            short = find_date(t)
    for found in (labelled, short, updated):
        if found:
            return found[0], "stated"
    inferred = url and url_date(url)
    if inferred:
        return inferred, "inferred"
    return None, "unknown"


def is_rights_line(text):
    """A legal warning, copyright or "All rights reserved" line."""
    if not text or len(text) > 600:
        return False
    low = text.lower()
    for hint in RIGHTS_HINTS:
        if hint in low:
            return bool(RIGHTS.search(text))
    return False


def _rights(lines):
    for line in lines:
        if is_rights_line(line.text):
            return line.text
    return None


# "Autonomous Nonprofit Organization "TV-Novosti"", "Example Media LLC": the legal form is not the name.
LEGAL_FORM = re.compile(
    r"\s+(?:and|or|and/or)\s+(?:its|their)\s+(?:affiliated\s+companies|affiliates|subsidiaries|licensors)$"
    r"|^(?:(?:autonomous\s+)?(?:non-?profit|non-commercial)\s+organi[sz]ation|(?:public|private|closed|open)?\s*joint[\s-]stock\s+company"
    r"|limited\s+liability\s+company|federal\s+state\s+unitary\s+enterprise|state\s+enterprise|LLC|OOO|JSC|PJSC|ANO|FSUE)\s+"
    r"|,?\s+(?:LLC|Ltd\.?|Limited|Inc\.?|GmbH|JSC|PLC|plc|S\.A\.|AG)$",
    re.IGNORECASE,
)
# "Ukrainska Pravda on Patreon", "our channel on Telegram": where the outlet is followed, not its name.
_ON_PLATFORM = re.compile(
    r"(?:\s+on|['’]s(?:\s+official)?)\s+(?:Patreon|Telegram|X|Twitter|Facebook|Instagram|YouTube|WhatsApp|Viber|TikTok|Google\s+News)\b.*$"
)
# "NV (New Voice)", "Kyiv Herald (KH)": a gloss in brackets after the name is not part of it.
_GLOSS = re.compile(r"\s*\([^()]{1,40}\)$")
_NOT_OUTLET_NAMES = frozenset("us me our my we you your this it".split())


# "Anadolu Ajansı 2025", "Example News 2000-2026": the years of a rights notice are not the name.
_YEARS_AFTER = re.compile(r"[\s,]+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$")


def _outlet_name(name):
    """An outlet's name as a credit gives it, without legal form, quotes, years or platform; None if not a name."""
    name = _ON_PLATFORM.sub("", name.strip())
    name = _YEARS_AFTER.sub("", name)
    if _GLOSS.sub("", name).strip():
        name = _GLOSS.sub("", name)
    name = re.sub(r"^(?:copyright|©)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?", "", name, flags=re.I)
    name = LEGAL_FORM.sub("", name).strip(" \"'«»“”„").rstrip(" -–—:")
    if not name or not name[0].isupper() or name.split()[0].lower() in _NOT_OUTLET_NAMES:
        return None
    return name


def _rights_holder(rights):
    match = rights and RIGHTS_HOLDER.search(rights)
    return _outlet_name(match.group("name")) if match else None


def _outlet(layout, rights_lines=None):
    """The outlet's own name as the page states it, or None."""
    lines = layout.lines
    prose = [lines[i] for i in sorted(layout.kept) if is_prose(lines[i])][:2]
    for line in prose:
        credit = dateline_credit(line.text)
        if credit and not wire_name(credit):
            return credit
    if rights_lines is None:
        rights_lines = [line.text for line in lines if is_rights_line(line.text)]
    holders = [h for h in (_rights_holder(t) for t in rights_lines if not t.lower().startswith("legal")) if h]
    for pattern, max_chars in ((APPEAL, 80), (SELF_DESCRIPTION, 600), (LOGO, 80)):
        for line in lines:
            match = line.text and len(line.text) <= max_chars and pattern.match(line.text)
            name = match and _outlet_name(match.group("name"))
            if name:
                return _spelled_out(name, holders)
    # A wire's notice ("© 2025 AFP") covers the story; the outlet's own notice names the outlet.
    own = [h for h in holders if not wire_name(h)]
    for holder in own or holders:
        return _masthead(lines, holder) or holder
    return None


def _spelled_out(name, holders):
    """An outlet's initials ("UP") as the name its rights notice spells out ("Ukrainska Pravda")."""
    if name.isupper() and len(name) <= 5 and " " not in name:
        for holder in holders:
            if len(holder) > len(name) and names_outlet(name, [holder]):
                return holder
    return name


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _masthead(lines, holder):
    """The page's masthead when the rights holder is the company behind it: "The Guardian" over
    "Guardian News & Media", "The New York Times" over "The New York Times Company", "CBS News"
    over "CBS Interactive", "THE TIMES" over "Times Media". The masthead is a short name line among
    the page's first lines that begins with the holder's first word."""
    bare = _THE.sub("", holder).lower()
    holder_words = bare.split()
    if not holder_words:
        return None
    seen = 0
    for line in lines:
        first = line.text.strip()
        if not first:
            continue
        seen += 1
        if seen > _MASTHEAD_LINES:
            break
        if len(first) > 40 or first == holder or not first[:1].isupper() or not _MASTHEAD.match(first):
            continue
        core = _THE.sub("", first).lower()
        if len(core) < 2 or core == bare or core.startswith(bare + " "):
            continue  # "Daily Planet News" over "Daily Planet": the notice names the outlet already
        if bare.startswith(core) and len(bare) > len(core) and not bare[len(core)].isalnum():
            return _masthead_case(first)
        words = core.split()
        if len(words) >= 2 or len(words) == 1 and first.isupper() and first.startswith(("THE ", "The ")):
            if words[0] == holder_words[0] and len(words[0]) >= 2 and words != holder_words:
                return _masthead_case(first)
    return None


_MASTHEAD_LINES = 3  # the masthead is one of the page's first few non-blank lines
# A name line: two to four capitalised words ("Sky News", "THE TIMES"), nothing else.
_MASTHEAD = re.compile(r"^(?:[Tt]he |THE )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}$")


def _masthead_case(name):
    """"THE TIMES" as "The Times": a masthead set in capitals, in the case the name is written."""
    return name.title() if name.isupper() and len(name) > 5 else name


def _wire(layout, outlet_names):
    """(wire, own credit): the agency credited for the story, or the outlet's own credit."""
    for credit in _story_credits(layout):
        if names_outlet(credit, outlet_names):
            return None, credit
        return wire_name(credit) or credit, None
    return None, None


def _story_credits(layout):
    """Names credited for the story, most explicit first."""
    lines = layout.lines
    for line in lines[: layout.body_end + 1]:
        credit = source_line_credit(line.text)
        if credit:
            yield credit
    kept = sorted(layout.kept)
    prose = [i for i in kept if is_prose(lines[i])]
    for i in prose[:2]:
        credit = dateline_credit(lines[i].text)
        if credit and wire_name(credit):
            yield credit
    if prose:
        last = prose[-1]
        while last + 1 in layout.kept and not SENTENCE_END.search(lines[last].text):
            last += 1
        credit = closing_credit(lines[last].text)
        if credit:
            yield credit
        after = next((line for line in lines[last + 1:] if line.text), None)
        match = after and after.words <= 4 and LONE_CREDIT.match(after.text)
        if match and (wire_name(match.group("name")) or match.group("name").isupper()):
            yield match.group("name")
        credit = closing_credit(lines[prose[0]].text)
        if credit and wire_name(credit):
            yield credit
