"""Who a figure is attributed to, as the text names them.

Attribution is found in all its usual forms: "X said", "said X", "according
to X", "X told Y", "X wrote on Telegram", "X announced", "X reported ...".
Role words are trimmed where a proper name is present ("Kremlin aide
Vladimir Medinsky" is "Vladimir Medinsky"); organisations and plain nouns
are kept whole ("Russia's Defense Ministry", "authorities in Moscow", "An
anonymous source"). "he added", "he also said" point back to the last named
person; a quotation with no speaker of its own takes the speaker of the
sentence that follows it. A role standing alone ("the mayor said", "...,
says ombudsman") is the person the article names in that role ("Ihor
Terekhov, the mayor of Kharkiv", "Mayor Ihor Terekhov"), the last named
before, else the first after; with none named it is no speaker. "As
Interfax reported" credits Interfax. With no attribution the outlet speaks: None.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass

from .memo import last_word

SPEECH_VERBS = (
    r"said|says|say|announced|announces|reported|reports|confirmed|confirms|stated|states|wrote|writes"
    r"|written|told|tells|added|adds|noted|notes|claimed|claims|posted|posts|declared|declares|expressed|tweeted"
    r"|accused|accuses|explained|stressed|emphasi[sz]ed|insisted|revealed|indicated|specified|clarified|informed|estimated"
    r"|estimates|estimate|believes|believe|acknowledged|admitted|alleged|asserted|commented|mentioned|highlighted|underlined|published|publishes"
    r"|put\s+the\s+(?:figure|number|toll)"
)
# The lookahead, the first letters of the verbs, is a cheap test before the alternatives.
_VERB = re.compile(rf"\b(?=[{''.join(sorted(set(v[0] for v in SPEECH_VERBS.split('|'))))}])(?:{SPEECH_VERBS})\b")
_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|initially|earlier|previously|separately|then|further|officially|publicly|has|had|have|"
    r"had\s+previously|on\s+\w+day|\w+day|late\s+\w+day|in\s+a\s+statement))+\s*$",
    re.I,
)
# The words _ADVERBS can end with ("on Monday", "late Friday" end in "day").
_ADVERB_WORDS = frozenset(
    "also later initially earlier previously separately then further officially publicly has had have statement".split()
)
_PRONOUN = re.compile(rf"\b(?P<p>he|she|it|they)\s+(?:(?:also|later|further|then)\s+)?(?:{SPEECH_VERBS})\b", re.I)
_INVERTED = re.compile(rf"(?:^|[,”\"]\s*)(?:{SPEECH_VERBS})\s+(?P<np>(?:the\s+)?[A-Z][^,.;:“”\"()]*)")
_TOLD = re.compile(r"^[,”\"\s]*(?:told|tells)\b")
# "Russia returns 248 servicemen — Defense Ministry": a headline credited after a dash.
_COLON_AFTER = re.compile(r":\s+(?P<np>[A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,4})\s*$")
_DASH_CREDIT = re.compile(r"\s[—–-]\s*(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})\s*$")
_SAID_THIS = re.compile(r"\s+(?:this|so|as\s+much|the\s+same)\b")
# "Zelensky: 277 defenders return home": a headline credited before a colon.
_COLON_CREDIT = re.compile(r"^(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:\s+(?=\S)")
# Words that open a label, not a speaker's name ("Details: ...", "UPDATE: ...").
_LABELS = frozenset(
    """quote details detail source sources background photo photos video update updated read note context
    reference breaking live watch explainer analysis opinion summary key editor exclusive timeline also
    related comment comments tags tag published date share warning correction disclaimer listen more
    latest headline title caption translation translated see""".split()
)
# "The Ministry", "the headquarters": a short name for a body named in full earlier.
_SHORT_NAME = re.compile(r"^the\s+(?P<head>[A-Za-z]+)$", re.I)
# "It was the first swap since ...", "It marks ...": a copula or a comment opens the writer's own sentence.
_PRONOUN_START = re.compile(
    r"^(?P<p>He|She|It)\s+(?:(?:also|later|further|then|has|had|have)\s+)*"
    r"(?!(?:was|is|has|does|seems|remains|marks|means|comes|follows|becomes|happens)\b)[a-z]+(?:ed|s)\b")
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording\s+to|(?<=[,\s])per(?=\s+(?:the\s+)?[A-Z]))\s+(?P<np>[^,.;:“”\"()]+)")
_NP_STOP = re.compile(r"\b(?:who|which|that|whose|on|in\s+a|in\s+an|at|after|as|when|while|citing)\b.*$")
_BOUNDARY = re.compile(
    r"[,;:“”\"()\u2013\u2014]|\b(?:that|which|who|as|after|when|while|because|but|if|where)\b|\band\s+(?=[a-z])"
)
_WORD = re.compile(r"[^\s]+")

ROLE_WORDS = frozenset(
    """minister president prime foreign defense defence deputy chief head commissioner ombudsman
    spokesman spokesperson spokeswoman general gen. col. lt. colonel major mr mrs ms dr human rights ombudswoman
    parliament parliamentary negotiator aide adviser advisor secretary ambassador governor mayor
    senator affairs interior justice kremlin ukrainian russian top peace associate official officer
    representative envoy commander lawmaker mp russia's ukraine's russia’s ukraine’s moscow’s
    moscow's kyiv's kyiv’s press service""".split()
)
ORG_WORDS = frozenset(
    """ministry headquarters office service staff council committee agency center centre command
    forces army government embassy commission directorate intelligence authorities officials
    sources source cross bureau department administration duma parliament rada guard military
    media outlet agency newspaper delegation side""".split()
)
PLACES = frozenset("kyiv kiev moscow ukraine russia kremlin washington".split())
NOT_SPEAKERS = frozenset("it this that which who they there reported as he she we i you".split())


@dataclass
class Attribution:
    """A speaker named in a sentence, and where the naming is."""

    name: str
    start: int
    end: int
    pronoun: str = None

    @property
    def is_person(self):
        return is_person(self.name)


def is_person(name):
    """Whether a claimant name reads as a person's name."""
    words = name.replace("’s", "").split()
    if not words or not words[-1][:1].isupper():
        return False
    if words[0].lower() in ("the", "a", "an"):
        return False
    return not any(w.lower().strip(".,") in ORG_WORDS or w.lower() in PLACES for w in words)


def trim_role(phrase):
    """A speaker phrase without its role words where a name is present."""
    phrase = phrase.strip(" ,")
    words = phrase.split()
    if not words:
        return None
    lowered = [w.lower().strip(",") for w in words]
    if lowered[-1] in ORG_WORDS or lowered[-1] in ROLE_WORDS:
        return phrase
    run = len(words)
    while run > 0 and words[run - 1][:1].isupper():
        run -= 1
    tail = words[run:]
    prefix = lowered[:run]
    if not tail:
        return phrase
    if prefix and prefix[-1] in ("of", "for", "in", "the", "and", "at", "on"):
        return phrase
    while len(tail) > 1 and tail[0].lower() in ROLE_WORDS:
        tail = tail[1:]
    if any(w.lower() in ORG_WORDS for w in tail):
        return phrase
    return " ".join(tail)


_CAPITAL = re.compile(r"[A-Z]")
_SPEAKER_NOUN = re.compile(
    r"\b(?:source|sources|officials?|authorities|ministry|spokes\w+|headquarters|negotiator|agency|military)\b"
)


_VERBS_IN_NAME = frozenset("said says told tells wrote writes added adds stated announced".split())


# "But the ombudsman said", "On Thursday he said": a connective or a day opening the clause is not the speaker's name.
_OPENER = re.compile(
    r"^(?:(?i:but|and|yet|so|however|meanwhile|still|also|now|then|later|earlier|instead|separately)\b\s*,?\s*"
    r"|(?:on|by|late\s+on|early\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+)\b\s*,?\s*)+"
)


def _clean(phrase):
    phrase = _SPACES.sub(" ", phrase).strip(" ,.")
    opener = _OPENER.match(phrase)
    if opener and opener.end() < len(phrase):
        phrase = phrase[opener.end():]
    if not phrase or any(map(str.isdigit, phrase)) or phrase.lower() in NOT_SPEAKERS:
        return None
    if len(phrase.split()) > 12:
        return None
    if not _VERBS_IN_NAME.isdisjoint(phrase.lower().split()):
        return None  # "the ministry said in a statement": a clause, not a name
    if "’" in phrase or "'" in phrase:
        tally = _TALLY_OF.match(phrase)
        if tally and _CAPITAL.search(tally.group("np")):
            phrase = tally.group("np")
    if phrase.split(None, 1)[0].lower() in _UNNAMED_FIRST and _UNNAMED.match(phrase) and not _NAMED_PERSON.search(phrase):
        return ANONYMOUS
    if _BOTH_SIDES_PHRASE.search(phrase):
        return BOTH_SIDES
    if not _CAPITAL.search(phrase) and not _SPEAKER_NOUN.search(phrase):
        return None
    return trim_role(phrase)


# "the two countries said", "according to figures from both governments": each side speaks for its own people.
_BOTH_SIDES_PHRASE = re.compile(
    r"^(?:(?:officials|figures|data|statements|authorities|sources)\s+(?:from|of|on|in)\s+)?"
    r"(?:both|the\s+two)\s+(?:sides|countries|governments|parties|capitals)$"
    # "Ukrainian and Russian officials said": each side speaks for its own people.
    r"|^(?:Ukrainian|Russian)\s+and\s+(?:Ukrainian|Russian)\s+(?:officials|authorities|sources|ministries|governments)$", re.I)
BOTH_SIDES = "both sides"


_NAMED_PERSON = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b")


_WITH_OTHERS = re.compile(r"^(?:together\s+with|along\s+with|alongside|jointly\s+with|in\s+cooperation\s+with|with\s+help\s+from)\b", re.I)
# "Novaya Gazeta Europe’s count based on official statements": the counter is the speaker.
_TALLY_OF = re.compile(
    r"^(?P<np>.+?)[’']s?\s+(?:own\s+|official\s+)?(?:count|tally|calculations?|estimates?|analysis|data|figures|research|database"
    r"|Telegram(?:\s+channel)?|website|statement|post|channel)\b.*$"
)
# "a Ukrainian official familiar with the negotiations", "an official who spoke on condition of anonymity".
_UNNAMED = re.compile(
    r"^(?:an?|two|three|several)\s+(?:[\w-]+\s+){0,3}?(?:officials?|persons?|people|diplomats?|insiders?)\b"
    r"(?:\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of|involved\s+in|who\s+(?:spoke|asked|declined|requested))\b.*)?$",
    re.I,
)
ANONYMOUS = "an anonymous source"
_UNNAMED_FIRST = frozenset("a an two three several".split())


def _subject_before(sentence, verb_start):
    """The speaker phrase ending right before a speech verb."""
    head = sentence[:verb_start]
    last = last_word(head.rstrip())
    if last in _ADVERB_WORDS or last.endswith("day"):
        head = _ADVERBS.sub("", head)
    if head.rstrip().endswith(","):
        # "Moscow's chief negotiator, and Kremlin associate, Vladimir Medinsky, expressed"
        segments = [s for s in head.rstrip().rstrip(",").split(",")]
        chosen = None
        for segment in reversed(segments[-3:]):
            segment = segment.strip()
            if _WITH_OTHERS.match(segment):
                continue  # "Mediazona, together with BBC News Russian, has confirmed": the subject comes first
            words = segment.split()
            if len(words) > 6 and chosen is None:
                continue  # "Vladimir Medinsky, the Kremlin aide who led ..., has written": an apposition
            if not words or len(words) > 6:
                break
            if chosen is None or (is_person(_clean(segment) or "") and not is_person(chosen or "")):
                chosen = _clean(segment.removeprefix("and "))
            if is_person(chosen or ""):
                break
        return chosen
    who = _NAME_WHO.search(head)
    if who:
        return _clean(who.group("np"))  # "That figure came from Medinsky, who wrote ...": the name before "who"
    cut = 0
    cuts = [0]
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
        cuts.append(cut)
    phrase = head[cut:]
    first = _FIRST_OF_TWO.match(phrase) or (
        len(cuts) > 2 and head[cuts[-2]:cut].rstrip().endswith(" and")
        and _FIRST_OF_TWO.match(head[cuts[-2]:cut] + "X"))
    if first and (_TWO_COUNTRIES.match(phrase.strip()) or _BOTH_SIDES_PHRASE.match(phrase.strip())):
        return BOTH_SIDES  # "Russia and Ukraine said": each for its own people
    if first and not first.group("np").strip().split()[-1].lower() in PLACES:
        # "Mediazona and BBC News Russian have confirmed": the first of two names speaks for both.
        return _clean(first.group("np"))
    phrase = re.sub(r"^\s*(?:and|but|so|then|As)\s+", "", phrase)  # "As Interfax reported": Interfax
    opener = _OPENER.match(phrase.lstrip())
    if opener and opener.end() < len(phrase.lstrip()):
        phrase = phrase.lstrip()[opener.end():]  # "On Thursday he said": "he"
    if any(map(str.isdigit, phrase)):
        # "a list of the 65 prisoners Moscow says died": the speaker is the name after the figure's noun.
        tail = _NAME_AFTER_FIGURE.search(phrase)
        phrase = tail.group("np") if tail else phrase
    return _clean(phrase)


_NAME_WHO = re.compile(r"(?:^|\s)(?P<np>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),\s+who\s+(?:(?:also|later|has|had|then)\s+)*$")
_TWO_COUNTRIES = re.compile(r"^(?:Russia|Ukraine|Moscow|Kyiv|Kiev)\s+and\s+(?:Russia|Ukraine|Moscow|Kyiv|Kiev)$")
_FIRST_OF_TWO = re.compile(r"^\s*(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+and\s+(?:the\s+)?[A-Za-z]")
_NAME_AFTER_FIGURE = re.compile(r"\d[\d,.]*\s+[a-z]+\s+(?P<np>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*$")


_LETTERS = re.compile(r"[a-z]+")
# The first word of every speech verb, lower-cased: a sentence with none of them names no speaker by a verb.
_SPEECH_WORDS = frozenset(
    word for alternative in SPEECH_VERBS.replace("emphasi[sz]ed", "emphasised|emphasized").split("|")
    for word in [re.match(r"[a-z]+", alternative).group()]
)
_ACCORDING_WORD = "according"
_PRONOUNS = frozenset("he she it they".split())
_AS_BEFORE = re.compile(r"(?:^|\W)[Aa]s,?\s$")


# "the statement said", "according to the report": a document standing for whoever issued it.
_DOCUMENT = re.compile(
    r"^\s*(?:the|its|their|this|that|his|her)\s+(?:[a-z’'-]+\s+)?(?:statement|report|post|message|announcement"
    r"|communiqu\w+|update|press\s+release|release|readout|publication)\s*$",
    re.I,
)


def _document(phrase, start, end):
    """An Attribution pointing back to the last speaker for "the statement", else None."""
    if phrase and _DOCUMENT.match(phrase):
        return Attribution("it", start, end, pronoun="it")
    return None


def attributions(sentence):
    """Every speaker a sentence names, with offsets into the sentence."""
    found = []
    low = sentence.lower()
    tokens = frozenset(_LETTERS.findall(low))
    if not _TALLY_WORDS.isdisjoint(tokens):
        for m in _BY_COUNT.finditer(sentence):
            name = _clean(m.group("np"))
            if name:
                found.append(Attribution(name, m.start("np"), m.end("np")))
    if _SPEECH_WORDS.isdisjoint(tokens):
        # No speech verb in any case: only "according to" can name a speaker.
        if _ACCORDING_WORD in low or " per " in low:
            for m in _ACCORDING.finditer(sentence):
                np = _NP_STOP.sub("", m.group("np"))
                found_one = _clean(np)
                if found_one:
                    found.append(Attribution(found_one, m.start("np"), m.end("np")))
                elif _document(np, m.start("np"), m.end("np")):
                    found.append(_document(np, m.start("np"), m.end("np")))
        return found
    for m in _VERB.finditer(sentence):
        if _AS_BEFORE.search(sentence, max(0, m.start() - 4), m.start()):
            continue  # "as said", "as reported": a reference, not a speaker
        if _BY_AFTER.match(sentence, m.end()) and m.group() in ("published", "reported", "posted", "written"):
            continue  # "Photos published by the agency": a participle, whose doer comes after it
        name = _subject_before(sentence, m.start())
        if name:
            found.append(Attribution(name, m.start(), m.end()))
        else:
            document = _document(sentence[max(0, m.start() - 40):m.start()].rsplit(",", 1)[-1], m.start(), m.end())
            if document:
                found.append(document)
    quoted_or_listed = "," in sentence or "”" in sentence or '"' in sentence
    inverted = _INVERTED.finditer(sentence) if quoted_or_listed else filter(None, [_INVERTED.match(sentence)])
    for m in inverted:
        if _TOLD.match(m.group()):
            continue  # "X told the Dnipro Herald": the one told is not the speaker
        np = _NP_STOP.sub("", m.group("np")).strip()
        if re.match(r"^(?:on|in|at|that|it|\w+day)\b", np, re.I):
            continue
        name = _clean(np)
        if name:
            found.append(Attribution(name, m.start("np"), m.end("np")))
    for m in (_ACCORDING.finditer(sentence) if _ACCORDING_WORD in low or " per " in low else ()):
        np = _NP_STOP.sub("", m.group("np"))
        name = _clean(np)
        if name:
            found.append(Attribution(name, m.start("np"), m.end("np")))
        elif _document(np, m.start("np"), m.end("np")):
            found.append(_document(np, m.start("np"), m.end("np")))
    for m in (_PRONOUN.finditer(sentence) if not _PRONOUNS.isdisjoint(tokens) else ()):
        found.append(Attribution(m.group("p"), m.start(), m.end(), pronoun=m.group("p").lower()))
    return found


# "By Medinsky's own count", "by the ministry's tally": the counter is the speaker.
_BY_COUNT = re.compile(
    r"\b[Bb]y\s+(?P<np>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}|the\s+[a-z]+)[’']s?\s+(?:own\s+)?"
    r"(?:count|counts|tally|estimates?|calculations?|figures|data|reckoning)\b")
_TALLY_WORDS = frozenset("count counts tally estimate estimates calculation calculations figures data reckoning".split())
_BY_AFTER = re.compile(r"\s+by\b")


def _in_quote(sentence, pos):
    before = sentence[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Role nouns that stand for a person the article names elsewhere ("the mayor said", "says ombudsman").
PERSON_ROLES = (
    "mayor|governor|president|ombudsman|ombudswoman|minister|spokesman|spokeswoman|spokesperson|negotiator|commissioner"
    "|envoy|aide|adviser|advisor|commander|ambassador|chancellor|premier|senator|lawmaker|deputy"
)
# "the mayor", "The city's mayor", "the chief negotiator": a role standing alone as the speaker.
_ROLE_ONLY = re.compile(
    rf"^(?:[Tt]he\s+|[Hh]is\s+|[Hh]er\s+)?(?:[a-z’'-]+\s+|(?:city|region|country)[’']s\s+)?(?P<role>{PERSON_ROLES})$"
)
_ROLES = tuple(PERSON_ROLES.split("|"))
_NAMELESS_ROLES = frozenset("ombudsman ombudswoman commissioner negotiator envoy aide adviser advisor".split())
_ROLE_PHRASE = re.compile(rf"^(?:the\s+)?(?:[a-z’'-]+\s+){{0,2}}(?P<role>{PERSON_ROLES})$")
_ROLE_WORD = re.compile(rf"\b(?:{PERSON_ROLES})\b")
# "the mayor said", "The chief negotiator has told": what stands before and after a role that speaks.
_ROLE_SPEAKS_AFTER = re.compile(rf"\s+(?:(?:also|later|has|had|then|further)\s+)*(?:{SPEECH_VERBS})\b")
_ROLE_OPENS_BEFORE = re.compile(r"(?:^|(?<=[,;:“”\"]\s)|(?<=\band\s))(?:[Tt]he\s+)?(?:[a-z-]+\s+)?$")
# "..., says mayor", "said the ombudsman": a role after a speech verb.
_ROLE_VERB_BEFORE = re.compile(
    r"(?:^|[,”\"]\s*)(?:said|says|wrote|writes|added|adds|told|tells|reported|reports|announced)\s+"
    r"(?P<np>(?:the\s+)?(?:[a-z-]+\s+)?)$"
)
_ROLE_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>(?:the\s+)?(?:[a-z-]+\s+)?)$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_PERSON_NAME = r"[A-Z][a-zà-ÿ’'-]+(?:[^\S\n]+[A-Z][a-zà-ÿ’'-]+){1,2}(?![^\S\n]*[A-Z])"
_ROLE_NAMES = {}


def _role_name_patterns(role):
    """Where a text names the holder of a role: "Mayor Ihor Terekhov", "Ihor Terekhov, the mayor of Kharkiv"."""
    if role not in _ROLE_NAMES:
        _ROLE_NAMES[role] = (
            re.compile(rf"\b(?i:{role}),?[^\S\n]+(?P<name>{_PERSON_NAME})"),
            re.compile(rf"(?P<name>{_PERSON_NAME}),[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+|[A-Z][\w-]*[’']s[^\S\n]+)?"
                       rf"(?:[\w-]+[^\S\n]+){{0,3}}?(?i:{role})\b"),
        )
    return _ROLE_NAMES[role]


def role_attributions(sentence):
    """Speakers a sentence names only by a role ("the mayor said", "says mayor"), as Attributions."""
    found = []
    for m in _ROLE_WORD.finditer(sentence):
        window = max(0, m.start() - 60)
        if _ROLE_SPEAKS_AFTER.match(sentence, m.end()):
            before = _ROLE_OPENS_BEFORE.search(sentence, window, m.start())
            if before:
                found.append(Attribution(sentence[before.start():m.end()], before.start(), m.end()))
                continue
        before = _ROLE_VERB_BEFORE.search(sentence, window, m.start()) or _ROLE_ACCORDING.search(
            sentence, window, m.start())
        if before and not _CAPITAL_AFTER.match(sentence, m.end()):
            found.append(Attribution(sentence[before.start("np"):m.end()], before.start("np"), m.end()))
    return found


class Attributor:
    """Reads the speakers of an article's sentences, remembering who spoke last."""

    def __init__(self, text, spans):
        self.text = text
        self.spans = spans
        self._cache = {}
        self._full = {}
        self._heads = {}
        self._lower = None
        self._longer_names = {}
        self._roles_at = None
        self._holders = {}

    def _named(self, index):
        if index not in self._cache:
            s, e = self.spans[index]
            sentence = self.text[s:e]
            # Inside a quotation or not, judged from where the paragraph opens: a sentence may
            # close a quotation opened by the sentence before ('... in return," Medinsky wrote').
            found = attributions(sentence)
            if self._has_role(s, e) and _ROLE_WORD.search(sentence):
                found = self._with_roles(sentence, s, found)
            self._cache[index] = [
                a for a in found
                if not (_in_quote(sentence, a.start) and self._quoted(s + a.start))
            ]
        return self._cache[index]

    def _has_role(self, start, end):
        """Whether text[start:end] writes a role word ("mayor", "ombudsman"): found once per text."""
        if self._roles_at is None:
            low = self.text  # a role standing alone is written in lower case ("the mayor", "says ombudsman")
            found = []
            for role in _ROLES:
                at = low.find(role)
                while at >= 0:
                    found.append(at)
                    at = low.find(role, at + 1)
            self._roles_at = sorted(found)
        at = bisect_left(self._roles_at, start)
        return at < len(self._roles_at) and self._roles_at[at] < end

    def _with_roles(self, sentence, offset, found):
        """Role-only speakers ("the mayor said") as the person the article names in that role."""
        taken = {(a.start, a.end) for a in found}
        roles = [a for a in role_attributions(sentence) if (a.start, a.end) not in taken]
        if roles:
            # "..., says mayor": the verb's speaker is the role after it, not the words before it.
            found = [a for a in found if not any(0 <= r.start - a.end <= 2 for r in roles)]
        kept = []
        for a in found + roles:
            role = _ROLE_ONLY.match(a.name) if not a.pronoun else None
            if role:
                person = self._role_holder(role.group("role").lower(), offset)
                if person:
                    a = Attribution(person, a.start, a.end)
                elif a.name[:1].islower() and role.group("role") in _NAMELESS_ROLES:
                    # "according to the ombudswoman", with no one named in that role: the person who spoke last.
                    a = Attribution(a.name, a.start, a.end, pronoun="she")
                elif a.name[:1].islower():
                    continue
            kept.append(a)
        kept.sort(key=lambda a: a.start)
        return kept

    def _role_holder(self, role, offset):
        """The person the text names as holder of a role, the last named before offset, else the first after."""
        holders = self._holders.get(role)
        if holders is None:
            holders = self._holders[role] = []
            for pattern in _role_name_patterns(role):
                for m in pattern.finditer(self.text):
                    name = trim_role(m.group("name"))
                    if name and is_person(name) and not any(w.lower() in ROLE_WORDS for w in name.split()):
                        holders.append((m.start(), name))
        best = None
        for at, name in holders:
            rank = (0, offset - at) if at < offset else (1, at - offset)
            if best is None or rank < best[0]:
                best = (rank, name)
        return best[1] if best else None

    def _last_speaker(self, index, person):
        for i in range(index - 1, max(-1, index - 12), -1):
            for a in reversed(self._named(i)):
                if a.pronoun:
                    continue
                if not person or a.is_person:
                    return a.name
        return None

    def _resolve(self, a, index):
        if not a.pronoun:
            return a.name
        person = a.pronoun in ("he", "she")
        # "Russia's Defence Ministry confirmed ..., who it said ...": the pronoun is the speaker named before it.
        for b in reversed(self._named(index)):
            if not b.pronoun and b.start < a.start and (not person or b.is_person) and (person or not b.is_person):
                return b.name
        return self._last_speaker(index, person)

    def claimant(self, index, figure_pos):
        """The speaker of sentence index's figure at figure_pos (sentence offset), or None."""
        name = self._claimant(index, figure_pos)
        key = (name, index)
        if key not in self._full:
            self._full[key] = self.full_name(name, index)
        return self._full[key]

    def _claimant(self, index, figure_pos):
        found = self._named(index)
        s, e = self.spans[index]
        sentence = self.text[s:e]
        if found:
            # "1,000 people who, according to the Russian side, are soldiers", "eight residents who it said
            # had been detained", "a commitment it says it has exceeded": a speaker inside a relative clause
            # after the figure speaks of that clause, not of the figure.
            # A speaker after a semicolon speaks for the clause after it ("...; Russia said it received 106").
            kept = [a for a in found if a.start < figure_pos or ";" not in sentence[figure_pos:a.start] and not _RELATIVE_SPEAKER.search(
                sentence, max(figure_pos, a.start - 80), a.start if a.pronoun or _according_at(sentence, a.start)
                else _name_start(sentence, a))]
            if not kept:
                return None
            found = kept
        if found:
            best = min(found, key=lambda a: abs(a.start - figure_pos))
            return self._resolve(best, index)
        if self._quoted(s + figure_pos):
            # A quotation running over several sentences: its speaker is named where it closes or opens.
            before = self.text[max(0, s - 200):s + figure_pos]
            opener = before.rfind("“") if "“" in before else before.rfind('"')
            label = self._label_speaker(s - len(before) + figure_pos + opener) if opener >= 0 else None
            if label:
                return label
            for i in range(index + 1, min(len(self.spans), index + 4)):
                following = self._named(i)
                if following:
                    return self._resolve(following[0], i)
                if not self._quoted(self.spans[i][0] + 1):
                    break
            before = self.text[max(0, s - 200):s + figure_pos]
            opener = before.rfind("“") if "“" in before else before.rfind('"')
            if opener > 0 and before[:opener].rstrip().endswith(":") and index > 0:
                previous = self._named(index - 1) if opener < 200 - 0 and not self._named_in(sentence, figure_pos) else []
                head = self._named_in(before[:opener], len(before[:opener])) or self._label_speaker(
                    s - len(before) + figure_pos + opener)
                if head:
                    return head
                if previous:
                    return self._resolve(previous[-1], index - 1)
        if sentence[:1] in "“\"" and index + 1 < len(self.spans):
            following = self._named(index + 1)
            if following and following[0].start < 120 and not following[0].pronoun:
                return following[0].name
            if following and following[0].pronoun:
                return self._resolve(following[0], index + 1)
        if index + 1 < len(self.spans):
            # "Ukraine has freed 90 soldiers. President Zelensky said this on Telegram.": credited after.
            ns, ne = self.spans[index + 1]
            following = self._named(index + 1)
            if following and not following[0].pronoun and _SAID_THIS.match(self.text, ns + following[0].end, ne):
                return following[0].name
        pronoun = _PRONOUN_START.match(sentence)
        if pronoun:
            # "It also offered to hand over ...": the subject is the speaker of the sentence before.
            return self._last_speaker(index, pronoun.group("p").lower() in ("he", "she"))
        credit = _DASH_CREDIT.search(sentence)
        if credit and credit.start() > figure_pos:
            return _clean(credit.group("np"))
        credit = _COLON_AFTER.search(sentence)
        if credit and credit.start() > figure_pos and "\n" not in sentence.strip():
            # "Sides agree to swap 1,000: Turkish foreign minister": a headline credited after a colon.
            role = _ROLE_PHRASE.match(credit.group("np").lower()) if _ROLE_WORD.search(credit.group("np").lower()) else None
            named = self._role_holder(role.group("role"), s) if role else _clean(credit.group("np"))
            if named and (role or is_person(named) or named.split()[-1].lower() in ORG_WORDS):
                return named
        credit = _COLON_CREDIT.match(sentence)
        if credit and credit.end() <= figure_pos and credit.group("np").split()[0].lower() not in _LABELS:
            return _clean(credit.group("np"))
        return None

    def _label_speaker(self, opener):
        """The speaker of a quotation opened after a label: "Quote from the ministry:", or "Quote:" under a
        "Source: the ministry on Telegram" line."""
        line_start = self.text.rfind("\n", 0, opener) + 1
        label = _QUOTE_LABEL.match(self.text, line_start, opener)
        if not label:
            return None
        if label.group("np"):
            return _clean(label.group("np"))
        found = None
        for m in _SOURCE_LINE.finditer(self.text, max(0, line_start - 600), line_start):
            found = m
        return _clean(_ON_PLATFORM.sub("", found.group("np"))) if found else None

    @staticmethod
    def _named_in(text, pos):
        found = [a for a in attributions(text) if not a.pronoun and not _in_quote(text, a.start)]
        return found[-1].name if found else None

    def _quoted(self, pos):
        """Whether the text at pos is inside a quotation opened in the same paragraph."""
        start = self.text.rfind("\n\n", 0, pos)
        chunk = self.text[start + 1:pos]
        return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1

    def full_name(self, name, index):
        """"the Ministry" as the full name the article gave it ("the Russian Defense Ministry")."""
        if not name:
            return name
        candidates = self._longer_names.get(name)
        if candidates is None:
            candidates = self._longer_names[name] = self._longer(name)
        if not candidates:
            return name
        # The last full name written before the sentence, else the first one after it.
        end = self.spans[index][0]
        best = candidates[0][1]
        for start, full in candidates:
            if start >= end:
                break
            best = full
        return best

    def _longer(self, name):
        """(start, full name) of every longer name in the text that "the Ministry" may stand for, in order."""
        short = _SHORT_NAME.match(name)
        if short and short.group("head").lower() in ORG_WORDS:
            head = short.group("head")
        elif len(name.split()) <= 3 and name.split()[-1].lower() in ORG_WORDS and not is_person(name):
            head = name.split()[-1]
        else:
            return []
        bare = name.lower().removeprefix("the ")
        return [
            (start, full) for start, full, lowered in self._names_with(head.lower())
            if len(full) > len(name) and (lowered.endswith(bare) or bare in lowered)
        ]

    def _names_with(self, head):
        """(start, name, lower-cased name) of every capitalised name around a head noun, found once per text."""
        found = self._heads.get(head)
        if found is None:
            found = []
            for m in self._head_matches(head):
                full = _SPACES.sub(" ", m.group().strip())
                found.append((m.start(), full, full.lower()))
            self._heads[head] = found
        return found

    def _head_matches(self, head):
        """What _full_name_pattern(head).finditer(text) finds, searching only near where head is written."""
        pattern = _full_name_pattern(head)
        text = self.text
        if self._lower is None:
            low = text.lower()
            self._lower = low if len(low) == len(text) else ""
        low = self._lower
        if not low:
            yield from pattern.finditer(text)
            return
        pos = 0
        while True:
            at = low.find(head, pos)
            if at < 0:
                return
            # A name is at most four words before its head noun: it starts well within reach of it.
            m = pattern.search(text, max(pos, at - _NAME_REACH))
            if m is None:
                return
            yield m
            pos = m.end()


# "Quote from the Coordination Headquarters:", "Quote:": a label opening a quotation.
_QUOTE_LABEL = re.compile(r"(?:Quote|Quotes|Statement|Direct\s+speech)(?:\s+(?:from|by)\s+(?P<np>[^:\n]{2,90}?))?\s*:\s*$")
# "Source: Coordination Headquarters on Telegram; ...": the line crediting what follows.
_SOURCE_LINE = re.compile(r"^Sources?:\s*(?P<np>[^;\n]{2,120})", re.M)
_ON_PLATFORM = re.compile(r"\s+(?:on|via|in\s+its|in\s+a)\s+(?:Telegram|Facebook|X|Twitter|its\s+website|statement)\b.*$")
# A relative clause opening right before a speaker: "who, according to", "that it says", ", a commitment it says".
_RELATIVE_SPEAKER = re.compile(
    r"(?:\b(?:who|whom|which|that)\b|,\s*(?:a|an)\s+[a-z]+)\s*,?\s*(?:according\s+to\s+)?"
    r"(?:(?:the\s+)?[\w’'-]+\s+){0,3}$")


def _according_at(sentence, start):
    return sentence.endswith("according to ", 0, start) or sentence[max(0, start - 13):start].lower() == "according to "


def _name_start(sentence, a):
    """Where the speaker named before a verb starts (Attribution.start is the verb's)."""
    at = sentence.rfind(a.name.split()[0], max(0, a.start - 120), a.start) if a.name else -1
    return at if at >= 0 else a.start


_FULL_NAMES = {}
_NAME_REACH = 200
_SPACES = re.compile(r"\s+")


def _full_name_pattern(head):
    """Capitalised names around a head noun: "Russia's defence ministry", "Coordination Headquarters for ..."."""
    if head not in _FULL_NAMES:
        _FULL_NAMES[head] = re.compile(
            r"(?:\b(?:[A-Z][\w’'.-]*|defen[cs]e|interior|foreign|justice|health|human|rights)\s+){1,4}"
            + "(?i:" + re.escape(head) + ")"
            + r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w-]*)*)?"
        )
    return _FULL_NAMES[head]
