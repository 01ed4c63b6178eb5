"""Who a story is credited to: a wire agency or the outlet itself.

Story credits live where stories put them, and only there:

- a "SOURCE: AFP" line (also "Source:AFP", "Sources: AFP, Reuters");
- a dateline opening a paragraph near the top: "KYIV, Ukraine (AP) —",
  "MOSCOW, July 17 (Reuters) -", "MOSCOW, July 17. /TASS/.",
  "Moscow (Brussels Morning Newspaper) –";
- a credit closing the story's last paragraph or standing alone right after
  it: "... concessions. (AFP)", "... said. — AP", "(ILKHA)";
- "..., TASS reports." closing the first or last paragraph.

A credit elsewhere, such as "/ AP" or ". TASS" at the end of a short
caption line between the headline and the story, credits a photo and is
ignored. A credited name that is a known wire agency is the wire. Any
other name is the wire too, unless it names the outlet itself: the outlet
given in the text, or the holder of its rights notice (an acronym made of
the first letters of the holder's words counts: ILKHA for "İlke Haber
Ajansı"). Then it is the outlet's own credit and fills ``outlet`` instead.
"""

import re
import unicodedata

# Known wire agencies, by the names the texts give them.
WIRES = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "tass": "TASS", "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
    "interfax": "Interfax", "interfax-ukraine": "Interfax-Ukraine", "ukrinform": "Ukrinform",
    "unian": "UNIAN", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "aa": "Anadolu",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "xinhua": "Xinhua", "bloomberg": "Bloomberg",
    "pa": "PA", "ani": "ANI", "pti": "PTI", "ians": "IANS", "sputnik": "Sputnik",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "aap": "AAP", "belta": "BelTA", "irna": "IRNA",
    "upi": "UPI", "apa": "APA", "pap": "PAP", "ctk": "ČTK", "bta": "BTA",
}
_AGENCY = r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}"
SOURCE_LINE = re.compile(r"^\s*sources?\s*:\s*(?P<name>.{2,60}?)\s*$", re.IGNORECASE)
DATELINE = re.compile(
    rf"^[^\W\d_][^()\n]{{0,60}}?(?:\((?P<paren>{_AGENCY})\)\s*[—–-]|\s/(?P<slash>[A-Z]{{2,10}})/\.?)"
)
CLOSING = re.compile(
    rf"(?:^|[.!?\"”»]\s*)(?:\((?P<paren>{_AGENCY})\)|[—–-]\s*(?P<dash>{_AGENCY})|/(?P<slash>[A-Z]{{2,10}})/)\s*\.?$"
)
REPORTS = re.compile(rf",\s*(?P<name>{_AGENCY}) (?:reports|reported|writes|informs)\.?$")


def wire_name(name):
    """The usual name of a known wire agency, or None."""
    return WIRES.get(name.strip().strip(".").lower())


def source_line_credit(text):
    """The agency named by a "SOURCE:" line, or None."""
    match = SOURCE_LINE.match(text)
    if not match or match.group("name").count(" ") > 6:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", match.group("name")) if p.strip()]
    return ", ".join(wire_name(p) or p for p in parts) or None


def dateline_credit(text):
    """The name in a dateline opening a paragraph, or None."""
    match = DATELINE.match(text)
    return match and (match.group("paren") or match.group("slash"))


def closing_credit(text):
    """The name credited at the very end of a paragraph, or None."""
    match = CLOSING.search(text)
    if match:
        return match.group("paren") or match.group("dash") or match.group("slash")
    match = REPORTS.search(text)
    if match and wire_name(match.group("name")):
        return match.group("name")
    return None


def names_outlet(credit, outlet_names):
    """Whether a credit names the outlet: equal, or an acronym of its words."""
    key = _fold(credit)
    for name in outlet_names:
        if not name:
            continue
        folded = _fold(name)
        if key == folded or key == _fold(name.replace(" ", "")):
            return True
        if key.isalpha() and len(key) >= 2 and _is_acronym(key, folded.split()):
            return True
    return False


def _is_acronym(letters, words):
    """Whether letters spell prefixes of consecutive words, from some word on."""
    return any(_prefixes(letters, words[i:]) for i in range(len(words)))


def _prefixes(letters, words):
    if not letters:
        return True
    if not words:
        return False
    word = words[0]
    for size in range(min(len(letters), len(word)), 0, -1):
        if word.startswith(letters[:size]) and _prefixes(letters[size:], words[1:]):
            return True
    return False


def _fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()
