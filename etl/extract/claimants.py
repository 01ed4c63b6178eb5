"""Who a figure is attributed to, as the text names them.

Attribution is found in all its usual forms: "X said", "said X", "according
to X", "X told Y", "X wrote on Telegram", "X announced", "X reported ...".
Role words are trimmed where a proper name is present ("Kremlin aide
Vladimir Medinsky" is "Vladimir Medinsky"); organisations and plain nouns
are kept whole ("Russia's Defense Ministry", "authorities in Moscow", "An
anonymous source"). "he added", "he also said" point back to the last named
person; a quotation with no speaker of its own takes the speaker of the
sentence that follows it. With no attribution the outlet speaks: None.
"""

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    r"said|says|say|announced|announces|reported|reports|confirmed|confirms|stated|states|wrote|writes"
    r"|told|tells|added|adds|noted|notes|claimed|claims|posted|posts|declared|declares|expressed|tweeted"
    r"|explained|stressed|emphasi[sz]ed|insisted|revealed|indicated|specified|clarified|informed|estimated"
    r"|acknowledged|admitted|alleged|asserted|commented|mentioned|highlighted|underlined|published|publishes"
    r"|put\s+the\s+(?:figure|number|toll)"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|initially|earlier|previously|separately|then|further|officially|publicly|has|had|have|"
    r"had\s+previously|on\s+\w+day|\w+day|late\s+\w+day|in\s+a\s+statement))+\s*$",
    re.I,
)
_PRONOUN = re.compile(rf"\b(?P<p>he|she|it|they)\s+(?:(?:also|later|further|then)\s+)?(?:{SPEECH_VERBS})\b", re.I)
_INVERTED = re.compile(rf"(?:^|[,”\"]\s*)(?:{SPEECH_VERBS})\s+(?P<np>(?:the\s+)?[A-Z][^,.;:“”\"()]*)")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>[^,.;:“”\"()]+)", re.I)
_NP_STOP = re.compile(r"\b(?:who|which|that|whose|on|in\s+a|in\s+an|at|after|as|when|while|citing)\b.*$")
_BOUNDARY = re.compile(
    r"[,;:“”\"()\u2013\u2014]|\b(?:that|which|who|as|after|when|while|because|but|if|where)\b|\band\s+(?=[a-z])"
)
_WORD = re.compile(r"[^\s]+")

ROLE_WORDS = frozenset(
    """minister president prime foreign defense defence deputy chief head commissioner ombudsman
    spokesman spokesperson spokeswoman general gen. col. lt. colonel major mr mrs ms dr human rights
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
NOT_SPEAKERS = frozenset("it this that which who they there reported as".split())


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


def _clean(phrase):
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.")
    if not phrase or any(ch.isdigit() for ch in phrase) or phrase.lower() in NOT_SPEAKERS:
        return None
    if len(phrase.split()) > 12:
        return None
    if not re.search(r"[A-Z]", phrase) and not re.search(
        r"\b(?:source|sources|officials?|authorities|ministry|spokes\w+|headquarters|negotiator|agency|military)\b", phrase
    ):
        return None
    return trim_role(phrase)


def _subject_before(sentence, verb_start):
    """The speaker phrase ending right before a speech verb."""
    head = sentence[:verb_start]
    head = _ADVERBS.sub("", head)
    if head.rstrip().endswith(","):
        # "Moscow's chief negotiator, and Kremlin associate, Vladimir Medinsky, expressed"
        segments = [s for s in head.rstrip().rstrip(",").split(",")]
        chosen = None
        for segment in reversed(segments[-3:]):
            segment = segment.strip()
            words = segment.split()
            if not words or len(words) > 6:
                break
            if chosen is None or (is_person(_clean(segment) or "") and not is_person(chosen or "")):
                chosen = _clean(segment.removeprefix("and "))
            if is_person(chosen or ""):
                break
        return chosen
    cut = 0
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
    phrase = head[cut:]
    phrase = re.sub(r"^\s*(?:and|but|so|then)\s+", "", phrase)
    return _clean(phrase)


def attributions(sentence):
    """Every speaker a sentence names, with offsets into the sentence."""
    found = []
    for m in _VERB.finditer(sentence):
        if sentence[max(0, m.start() - 3):m.start()].lower() in ("as ", "s, "):
            continue
        name = _subject_before(sentence, m.start())
        if name:
            found.append(Attribution(name, m.start(), m.end()))
    for m in _INVERTED.finditer(sentence):
        np = _NP_STOP.sub("", m.group("np")).strip()
        if re.match(r"^(?:on|in|at|that|it|\w+day)\b", np, re.I):
            continue
        name = _clean(np)
        if name:
            found.append(Attribution(name, m.start("np"), m.end("np")))
    for m in _ACCORDING.finditer(sentence):
        name = _clean(_NP_STOP.sub("", m.group("np")))
        if name:
            found.append(Attribution(name, m.start("np"), m.end("np")))
    for m in _PRONOUN.finditer(sentence):
        found.append(Attribution(m.group("p"), m.start(), m.end(), pronoun=m.group("p").lower()))
    return found


def _in_quote(sentence, pos):
    before = sentence[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


class Attributor:
    """Reads the speakers of an article's sentences, remembering who spoke last."""

    def __init__(self, text, spans):
        self.text = text
        self.spans = spans
        self._cache = {}

    def _named(self, index):
        if index not in self._cache:
            s, e = self.spans[index]
            sentence = self.text[s:e]
            self._cache[index] = [a for a in attributions(sentence) if not _in_quote(sentence, a.start)]
        return self._cache[index]

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
        return self._last_speaker(index, person)

    def claimant(self, index, figure_pos):
        """The speaker of sentence index's figure at figure_pos (sentence offset), or None."""
        found = self._named(index)
        if found:
            best = min(found, key=lambda a: abs(a.start - figure_pos))
            return self._resolve(best, index)
        s, e = self.spans[index]
        sentence = self.text[s:e]
        if sentence[:1] in "“\"" and index + 1 < len(self.spans):
            following = self._named(index + 1)
            if following and following[0].start < 120 and not following[0].pronoun:
                return following[0].name
            if following and following[0].pronoun:
                return self._resolve(following[0], index + 1)
        return None
