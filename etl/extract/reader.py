"""The machine reader: an article in, the figures that count people out.

``extract_claims(article)`` walks the sentences of the article's body, finds
the numbers in them, keeps those that count people (bodies, prisoners, the
killed) and reads each one's qualifier, subject, side, recipient, measure,
claimant and date. See the modules it calls for the rules of each field.

Sides, beyond what each module reads:

- "6,000 each", "1,000 on each side": one claim per side, each received by
  its own side.
- "killed on both sides": one claim with side "both".
- "1,000 for 1,000": see ``sides``; the first figure is the claimant's own
  people (Russia's for a Russian speaker, otherwise Ukraine's).
- "servicemen", "our ..." with no nationality: the claimant's side.
- "another 2,239 bodies", "a figure of 1,248": what the figure does not say
  is taken from the figure read before it.
- "Our people are home. 84 of them: ...": "of them" with no people in its own
  sentence points back to the people the sentence before names.
- Parts of a total ("including 47 members of the National Guard", "Among
  them are 81 defenders", "Of the 230, 224 were soldiers"): the subject and
  side of the whole ("the freed Ukrainians include ..."), or of the figure
  read before; the measure is the clause's own, as for the whole.
- The dead: captives "among 74 people killed" are counted as killed; the
  victims of "a Russian strike" are Ukraine's and of "Ukrainian shelling"
  Russia's; the killed are received by no one.
- People who "remain in captivity" or "in custody", or who "had been detained"
  (unless the sentence goes on to free them), are no handover: measure other,
  no recipient.
- A group added to a handover ("additionally handed over 22") with no day of
  its own takes the day of the handover it is added to; the handover may be
  any of the last figures read.
- A page of dated posts (a channel's footers, a live blog's headings): a
  post's figures are read as if published on the post's day (``dates.post_dates``).
- "Under that deal, each side is to return 1,200": agreed, as of the day the
  sentence before gives the deal.
- "Kyiv says 1,212 bodies were returned": returned to the speaker's side;
  "the 115 men freed included ...": a participle names no giver.
- Tables copied from an encyclopedia: see ``tables``. A row's notes are read as
  a sentence: their figures are parts of the row's handover, on the row's day.
- "Russia and Ukraine swapped 300 prisoners", "410 captives from both sides",
  "200 prisoners would be swapped": both sides' people, received by both.
- People killed in a strike ("killing four people", "kills 3") are not
  counted: only soldiers' and captives' deaths, and tolls counted over time.
- "everyone on board was killed, including 30 prisoners of war": killed.

Work done per sentence (clause breaks, verbs, dates, cue words) is kept in a
``memo.Memo`` and shared by every figure in the sentence.
"""

import re
from datetime import timedelta

from .claimants import BOTH_SIDES, Attributor
from .counted import BODY_CUES, CAPTIVE_CUES, HELD_AFTER, TRANSFER_CUES, read_counted
from .dates import _explicit_days, _may_name_day, _nearest, _relative_candidates, agreement_day, latest_year, narrative_day, post_date, post_dates, read_dates
from .figures import _DIGIT, NUMBER_WORDS, find_figures
from .measures import UNDER_THAT, captured_before, clause_bounds, read_measure
from .memo import Memo, last_word
from .qualifiers import read_qualifier
from .reading import ClaimReading
from .sentences import sentence_spans
from .tables import note_cells, read_tables
from .sides import country_before, read_recipient, swap_partner
from .vocabulary import COUNTED_NOUNS, NATIONALITY, OWN_SIDE_NOUNS, other_side, side_of_place, voice_side

_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b",
    re.I,
)
_LIST_AFTER = re.compile(
    r"\s*(?:$|[.,;:)–—-]|(?:on|in|at|and|or|were|was|have|had|from|by|each|apiece|today|yesterday|tonight|this|last)\b)", re.I
)
_LIST_BEFORE = re.compile(
    r"(?:[:,;–—]|\band|\bwhile|\bwhereas|\breceived|\bgot|\breturned|\bhanded\s+over|\bgave"
    r"|\b(?:hands?|gives?|sends?)\s+back|\breceives|\bgets|\breturns)\s*(?:\w+\s+)?$", re.I)
# "Ukraine receives 1,000 bodies, hands back 31": the people given back are the other side's.
_GIVES_BACK = re.compile(r"\b(?:hand(?:s|ed)?|give(?:s)?|gave|send(?:s)?|sent)\s+back\s*$", re.I)
# "...; Russia Receives 26": the one who receives the listed figure is named before it.
_RECEIVER_BEFORE = re.compile(
    r"(?:[;,]|\band)\s+(?:the\s+)?(?P<place>Ukraine|Kyiv|Kiev|Russia|Moscow)\s+(?:receives?|received|gets|got)\s*$", re.I)
_GAPPED_SUBJECT = re.compile(r"\b(?:and|while|whereas)\s+(?:the\s+)?(?P<place>Ukraine|Kyiv|Kiev|Russia|Moscow)\s*$")
_VOICE_NOUNS = frozenset("servicemen serviceman personnel military".split())
SIDES_OF_EACH = ("ukraine", "russia")
# "including 47 members", "Among them are 81 defenders", "the remaining 51": part of a total counted before.
_PART_BEFORE = re.compile(
    r"(?:\bincluding|\binclud(?:e|es|ed)|\bamong\s+them(?:\s+(?:are|were|is|was))?|\bamong\s+whom(?:\s+(?:are|were|is|was))?"
    r"|\bof\s+whom|\bthe\s+(?:remaining|other)|\bthe\s+rest\s+(?:are|were)|\bof\s+them,?)\s+"
    r"(?:(?:more\s+than|at\s+least|about|around|nearly|some|over|another)\s+)?$",
    re.I,
)
# "Of the 230, 224 were soldiers and six were civilians": the total named first, its parts after.
_OF_THE_TOTAL = re.compile(r"^\W{0,3}(?:Of|Among)\s+(?:the|these|those)\s+(?P<total>\d[\d,]*|[a-z]+(?:[\s-][a-z]+)*)(?:\s+[A-Za-z’'-]+){0,3}\s*,", re.I)
# "Of those, 95 had been at Azovstal", "Of the bodies returned, 481 ...": a whole named without a figure.
_OF_THE_WHOLE = re.compile(r"^\W{0,3}(?:Of|Among)\s+(?:them|those|these|the\s+[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){0,3})\s*,\s*(?=\w)")
_HANDED = r"(?:freed|released|returned|exchanged|swapped|repatriated|handed\s+over|brought\s+home)"
# "120 of those freed", "two of the freed men": a part of the people just handed over.
_PART_AFTER = re.compile(rf"\s+of\s+(?:the|those|these)\s+(?:[A-Za-z]+\s+)?{_HANDED}\b", re.I)
# "Among the Ukrainians released were three women": the whole named before the figure.
_AMONG_BEFORE = re.compile(rf"\bAmong\s+(?:the|those)\s+[^,.;]{{0,40}}?{_HANDED}\s+(?:were|are|was|is)\s+$", re.I)
# "390 Ukrainians – 270 soldiers and 120 civilians –": a breakdown set off by dashes after its total.
_APPOSITION_BEFORE = re.compile(r"\d[\d,]*\s+[A-Za-z]+\s+[–—]\s+(?:[^–—.;]{0,40}?(?:\band|,)\s+)?$")
_NATIONALS = re.compile(r"\b(?:Ukrainians|Russians)\b")
_PREDICATE_NOUN = re.compile(r"\s+(?:were|are|was|is)\s+(?:(?:also|all|mostly)\s+)?(?P<noun>[A-Za-z’'-]+)")
# "65 Ukrainian prisoners of war were among 74 people killed": captives who died are counted as killed.
_AMONG_KILLED = re.compile(r"^\s*(?:of\s+war\s+)?(?:were|was)\s+(?:also\s+)?among\s+[^.;]{0,40}?\b(?:killed|dead|died)\b", re.I)
# "65 captured servicemen, six crew members and three escorts had died": the verb closing a list of people.
_DIED_AFTER = re.compile(r"\b(?:(?:had|have|has)\s+)?(?:died|perished)\b|\b(?:were|had\s+been|have\s+been)\s+killed\b", re.I)
# "the 65 prisoners Moscow says died": a speaker set inside the relative clause.
_SAYS_BETWEEN = re.compile(r"^\s*(?:of\s+war\s+)?(?:(?:that|who|whom)\s+)?(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+(?:says|said|claims|claimed)\s+")
# "everyone on board was killed, including 65": the people listed are among the dead.
_KILLED_INCLUDING = re.compile(r"\b(?:killed|died|dead|perished)\b[^.;:]{0,30}?,?\s+(?:including|among\s+them)\s+$", re.I)
_VERB_BETWEEN = re.compile(
    r"\b(?:were|was|are|is|had|have|has|will|would|who|which|that|while|but|when|after|before|freed|released|returned"
    r"|exchanged|swapped|handed|received|said|says)\b|[.;:]",
    re.I,
)
# "a Russian strike on Kharkiv", "Ukrainian shelling of Belgorod": the victims are the other side's.
_ATTACKER = re.compile(
    r"\b(?P<n>Russian|Ukrainian)\s+(?:(?:missile|drone|air|artillery|rocket|ballistic|glide)\s+)*"
    r"(?:strikes?|attacks?|shelling|bombardment|missiles?|drones?|airstrikes?|air\s+strikes?|bombs?)\b"
)
# "Russia fired nearly 100 missiles at Kyiv": the country that fires names the victims' side as the other.
# "The attack killed ...", "the strike": an attack the text has already named.
_THE_ATTACK = re.compile(r"\b[Tt]he\s+(?:\w+\s+)?(?:attack|strike|strikes|shelling|bombardment|assault)\b")
_KILLED_IN = re.compile(r"\b(?:killed|died|dead)\s+in\s+(?P<place>Ukraine|Russia)\b")
_NON_COMBATANTS = frozenset("civilians people children residents persons women men kids".split())
# "its own losses", "combat losses": a death toll counted over time.
_LOSSES = re.compile(r"\blosses\b", re.I)
# "confirmed by name", "have been killed": the dead counted over time, not in one event.
_DEAD_COUNTED = re.compile(
    r"\bby\s+name\b|\b(?:have|has|had)\s+(?:now\s+)?been\s+(?:\w+\s+){0,3}?(?:killed|confirmed|identified|verified|recorded)\b"
    r"|\b(?:has|have|had)\s+(?:now\s+)?(?:identified|confirmed|verified|documented|counted|recorded)\b", re.I)
_ATTACKING_COUNTRY = re.compile(
    r"\b(?P<n>Russia|Ukraine|Moscow|Kyiv|Kiev)(?:[’']s\s+(?:army|military|forces|troops))?\s+(?:\w+\s+)?"
    r"(?:fired|launched|struck|attacked|shelled|bombed|pounded)\b"
)
# "8,000 Ukrainians remain in Russian captivity": people still held, not a handover.
_STILL_HELD_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:remain(?:s|ed|ing)?|are\s+still|were\s+still|still)\s+(?:\w+\s+){0,2}?(?:in\s+(?:\w+\s+)?(?:captivity|custody|detention|prisons?)|held|detained|imprisoned|captive)\b",
    re.I,
)
# "eight of the civilians had been detained in occupied Donetsk": people taken, not handed over.
_CAPTURED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:had\s+been|have\s+been|has\s+been|were|was)\s+(?:\w+\s+)?(?:detained|captured|abducted|deported"
    r"|arrested|taken\s+(?:prisoner|captive))\b(?P<rest>[^.;]*)",
    re.I,
)
# "returned another 1,000", "got back 19", "handing over 1,000": a figure as the object of a handover verb.
_OBJECT_VERB_BEFORE = re.compile(
    r"\b(?:returned|returning|returns|handed\s+over|handing\s+over|hands?\s+over|handed\s+back|got\s+back|gets\s+back|getting\s+back"
    r"|received|receiving|receives|repatriated|repatriating|brought\s+back|took\s+back|recovered)\s+"
    r"(?:(?:another|a\s+further|more\s+than|about|around|some|nearly|almost|at\s+least|over|only|just|roughly)\s+)?$", re.I)
# What may follow such a figure with no noun: the sentence's end, a date or place, "of its own".
_BARE_OBJECT_AFTER = re.compile(
    r"\s*(?:$|[.,;:)”\"]|(?:and|in|on|at|to|from|while|last|this|that|earlier|later|of\s+(?:its|their)\s+own)\b)", re.I)
# "the release of 108 women held by Russia": people held until now, handed over in this clause.
_RELEASE_OF = re.compile(
    r"\b(?:release|return|freeing|freedom|exchange|swap|handover|repatriation)\s+of\s+(?:(?:more\s+than|about|around|some|nearly"
    r"|at\s+least|up\s+to|another|the)\s+)?$", re.I)
# "2,439 fighters had surrendered", "defenders who surrendered to Russian forces": captives taken, not handed over.
_SURRENDERED_AFTER = re.compile(
    r"^(?:\s+(?:of|from|at|in)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)?\s*(?:(?:who|that|had|have|has|reportedly|all|later"
    r"|eventually)\s+){0,3}surrender(?:ed|s)\b", re.I)
_SURRENDERED_TO = re.compile(
    r"^[^.;]{0,40}?\bsurrender(?:ed|s)\s+to\s+(?:the\s+)?(?P<place>Russia|Ukraine|Russian|Ukrainian|Moscow|Kyiv)\b")
_HELD_BY = re.compile(
    r"^[^.;]{0,50}?\b(?:held|imprisoned|jailed|captivity|custody|prisons?)\s+(?:by|in)\s+(?:the\s+)?"
    r"(?P<place>Russian\s+Federation|Russian\s+side|Ukrainian\s+side|Russia|Ukraine|Moscow|Kyiv|Kiev)\b"
)
_CAPTURED_STEM = re.compile(r"detain|captur|abduct|deport|arrest|taken", re.I)
_PARTICIPLE_AFTER = re.compile(
    r"^\s*(?:freed|released|returned|exchanged|swapped|repatriated|handed\s+over)\b(?!\s+(?:to|by|from|in\s+exchange)\b)", re.I
)
_PASSIVE_RETURN_AFTER = re.compile(
    r"^\s*(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is)\s+)(?:\w+\s+)?(?:returned|repatriated|freed|released|brought\s+(?:back|home))\b(?!\s+(?:to|by|from)\b)",
    re.I,
)
_PLANNED_AFTER = re.compile(
    r"^\s*(?:(?:were|was|are|is)\s+(?:also\s+)?(?:to|due\s+to|expected\s+to|set\s+to|scheduled\s+to)\s+(?:have\s+)?be(?:en)?"
    r"|(?:will|would|shall)\s+(?:also\s+|soon\s+)?be)\s+(?:\w+\s+)?(?:exchanged|swapped|returned|freed|released|handed|repatriated|transferred)\b",
    re.I,
)
# "with 610 more prisoners from each side due to be freed": a reduced clause naming a plan.
_DUE_AFTER = re.compile(
    r"^\s*(?:(?:from|on|of)\s+(?:each|both|either)\s+sides?\s+)?(?:(?:were|was|are|is)\s+)?(?:due|set|expected|scheduled|slated)\s+to\s+be\s+"
    r"(?:\w+\s+)?(?:exchanged|swapped|returned|freed|released|handed|repatriated|transferred)\b",
    re.I,
)
_PASSIVE_HANDED_AFTER = re.compile(
    r"^\s*(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:handed\s+over|transferred)\b(?!\s+(?:to|by|from)\b)",
    re.I,
)
# "185 servicemen and 20 civilians": civilians listed after the soldiers of a handover are a group added to it.
_AFTER_SOLDIERS = re.compile(
    r"\s+(?:[A-Za-z’'-]+\s+){0,3}?(?:servicemen|soldiers|defenders|prisoners\s+of\s+war|POWs|troops|fighters|military\s+personnel)\b"
    r"[^.;:]{0,60}?(?:,|\band\b|\bas\s+well\s+as\b|\bplus\b)\s*$",
    re.I,
)
# "also", "in addition", "besides": people handed over on top of a handover counted just before.
_ADDED = re.compile(
    r"\b(?:also|additionally|in\s+addition|besides|as\s+well|on\s+top\s+of\s+that|(?:along|together)\s+with)\b", re.I
)
_TRANSFER_AFTER = re.compile(
    r"\b(?:freed|released|returned|exchanged|swapped|repatriated|handed|brought\s+(?:back|home)|came\s+home)\b", re.I)
_ADDED_WORDS = frozenset("also additionally addition besides well top along together".split())
# "854 of the bodies": a part of people named as a whole.
_PART_OF_THE = re.compile(
    r"\s+of\s+(?:the|those|these)\s+(?:[A-Za-z]+\s+)?(?:bodies|remains|prisoners|POWs|captives|people|soldiers|servicemen"
    r"|defenders|returnees|Ukrainians|Russians)\b", re.I)
# "Among them are 82 privates and 21 officers", "among those freed were 41 guardsmen and 17 border guards":
# a list of parts goes on past its first item, up to a verb of its own.
_PART_LIST_BEFORE = re.compile(
    rf"(?:\bAmong\s+(?:the|those)\s+[^,.;]{{0,40}}?{_HANDED}\s+(?:were|are|was|is)"
    rf"|\bamong\s+(?:them|those|these|whom)(?:\s+(?:are|were|is|was))?|\bincluding)\s+(?P<items>[^.;:]{{0,100}}?)(?:,\s*(?:and\s+)?|\s+and\s+)$",
    re.I,
)
_LIST_ITEM = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b", re.I)
_VERB_IN_LIST = re.compile(
    r"\b(?:said|says|added|told|wrote|were|was|are|is|have|has|had|returned|freed|released|received|handed|came)\b", re.I)


# "270 of them soldiers and 120 civilians": a part, then the next part of the list.
_PARTS_LISTED = re.compile(r"\s+of\s+(?:them|those|these)\b[^.;:\d]{0,40}?(?:,|\band\b)\s*(?:another\s+)?$", re.I)


def _added_to(counted, value, in_sentence, previous, recent=()):
    """Whether a larger handover of the same people was counted in this sentence or just before."""
    for c in [*in_sentence, previous, *recent]:
        if c is not None and c.subject == counted.subject and c.measure == "transferred" and c.value > value \
                and (counted.side is None or c.side == counted.side):
            return c
    return None


_CAPITALS = {"ukraine": "Kyiv", "russia": "Moscow"}


def _speaker_for(claimant, side):
    """"The two countries said": each government for its own people; for both sides' people, no one alone."""
    if claimant == BOTH_SIDES:
        return _CAPITALS.get(side)
    return claimant


EVENT_KINDS = {
    ("bodies", "transferred"): "repatriation",
    ("bodies", "planned"): "repatriation",
    ("prisoners", "transferred"): "prisoner_exchange",
    ("prisoners", "planned"): "prisoner_exchange",
}


def extract_claims(article):
    """Every figure that counts people in the article's body, sorted by (figure_start, side)."""
    text = article.text
    published = article.meta.published if article.meta else None
    body = article.body or [(0, len(text))]
    spans = sentence_spans(text, body)
    claims = []
    table_lines = []
    notes = {}
    if "\t" in text or "|" in text:
        claims, table_lines = read_tables(text, published)
        if table_lines:
            spans = _rows_apart(spans, table_lines)
            notes = note_cells(text)
    attributor = Attributor(text, spans)
    # No publication date: a day written without a year takes the latest year the article mentions.
    default_year = latest_year(text) if published is None else None
    posts = post_dates(text, published)
    recent = ()  # the last figures read, before this sentence
    page_published = published
    previous = None
    named = {}  # value -> the last figure read with that value ("Of the 230, ..." names it again)
    for index, (quote_start, quote_end) in enumerate(spans):
        row_notes = None
        if table_lines and any(s < quote_end and quote_start < e for s, e in table_lines):
            # A table row is read as a row, by its columns; only its notes are read as a sentence.
            row_notes = notes.get((quote_start, quote_end))
            if row_notes is None:
                continue
        sentence = text[quote_start:quote_end]
        memo = Memo(sentence)
        words = memo.has_any(NUMBER_WORDS)
        if not _DIGIT.search(sentence) and not (words and _HAS_NUMBER.search(sentence)):
            continue
        figures = find_figures(sentence, words=words)
        if not figures:
            continue
        if posts:
            # A page of dated posts: a post's figures are as of its own day.
            published = post_date(posts, quote_start) or page_published
        in_sentence = []
        if row_notes is not None and row_notes[2]:
            memo._store["row-subject"] = row_notes[2]  # people in a row's notes are of the row's kind
        context_day = None
        if _may_name_day(sentence):
            # "On 3 January 2024, ... A week later, on 31 January": the year of the day told before.
            context_day = narrative_day(text, text.rfind("\n\n", 0, quote_start) + 1, quote_start)
        for i, figure in enumerate(figures):
            if row_notes is not None and not any(
                    s <= quote_start + figure.start < e for s, e in row_notes[0]):
                continue
            readings = _read_figure(sentence, figures, i, index, attributor, published, previous, in_sentence, memo,
                                    text[spans[index - 1][0]:spans[index - 1][1]] if index else "", default_year, named,
                                    recent, context_day)
            if row_notes is not None:
                readings = [_row_note(r, row_notes[1] or published) for r in readings]
            for reading in readings:
                reading.figure_start += quote_start
                reading.figure_end += quote_start
                reading.quote_start = quote_start
                reading.quote_end = quote_end
                claims.append(reading)
            if readings:
                previous = readings[-1]
                recent = (claims[-6:] if claims else ())
                in_sentence.extend(readings)
                for r in readings:
                    if r.subject in ("bodies", "prisoners") and r.side in SIDES_OF_EACH:
                        named.setdefault(r.value, [])[:] = [r]
    _fill_unknown_sides(claims, text)
    _mark_parts_of_earlier_total(claims)
    if not posts and page_published is not None:
        _date_undated_handovers(claims, text, page_published)
    claims.sort(key=lambda c: (c.figure_start, c.side))
    return claims


_HOME = re.compile(r"\bhome\b", re.I)


def _rows_apart(spans, table_lines):
    """The sentence spans with every table row a sentence of its own."""
    out = []
    for s, e in spans:
        rows = [(rs, re_) for rs, re_ in table_lines if rs < e and s < re_]
        if not rows:
            out.append((s, e))
            continue
        cursor = s
        for rs, re_ in rows:
            if rs > cursor and text_gap(cursor, rs):
                out.append((cursor, rs))
            out.append((max(rs, s), min(re_, e)))
            cursor = min(re_, e)
        if cursor < e:
            out.append((cursor, e))
    return sorted(set(out))


def text_gap(start, end):
    return end - start > 1


def _row_note(reading, day):
    """A figure in a table row's notes: part of the row's handover or a group added to it, on the row's day."""
    if reading.subject in ("bodies", "prisoners") and reading.measure in ("transferred", "other"):
        reading.measure = "other"
        reading.as_of = day
        reading.event_date = day
        reading.event_date_precision = "day" if day else "unknown"
    return reading


def _mark_parts_of_earlier_total(claims):
    """"205 Ukrainians are home!" over "185 defenders and 20 civilians returned": figures of one
    sentence that add up to a handover counted before are its parts (measure other)."""
    by_sentence = {}
    for c in claims:
        if c.subject in ("bodies", "prisoners") and c.side in SIDES_OF_EACH and c.measure in ("transferred", "other"):
            by_sentence.setdefault((c.quote_start, c.subject, c.side), []).append(c)
    for (start, subject, side), group in by_sentence.items():
        if len(group) < 2 or not any(c.measure == "transferred" for c in group):
            continue
        total = sum(c.value for c in group)
        if any(c.quote_start < start and c.value == total and c.subject == subject and c.measure == "transferred"
               and c.side in (side, "unknown") for c in claims):
            for c in group:
                c.measure = "other"


_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|on\s+the\s+same\s+day)\b", re.I)
_UNDATED_KINDS = ("transferred", "other")


# "The swap took place late Wednesday", "The exchange happened on Saturday near the border"
_TOOK_PLACE = re.compile(
    r"\b(?:swap|exchange|handover|hand-over|repatriation|transfer)\s+(?:itself\s+)?(?:took\s+place|happened|occurred"
    r"|was\s+(?:held|carried\s+out|completed|made)|went\s+ahead)\b", re.I)


def _handover_day(text, published):
    """The day a sentence without figures gives the handover, within the week before publication, or None."""
    days = set()
    for m in _TOOK_PLACE.finditer(text):
        start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        end = len(text)
        for stop in (". ", "\n"):
            found = text.find(stop, m.end())
            if found != -1:
                end = min(end, found + 1)
        sentence = text[start:end]
        candidates = _explicit_days(sentence, published) or _relative_candidates(sentence, published)
        near = [c for c in candidates if timedelta(0) <= published - c[2] <= timedelta(days=7)]
        if near:
            days.add(_nearest(near, m.start() - start, m.end() - start)[2])
    return days.pop() if len(days) == 1 else None


def _date_undated_handovers(claims, text, published):
    """Give a handover the text does not date the day the article gives it elsewhere.

    - "The same day, 212 bodies were returned", "Of those released that day":
      the day of the last dated figure before it.
    - The same people counted again ("95 prisoners" in the headline, "95 of its
      soldiers came home on Sunday" in the story): the day given with them.
    - Otherwise, after handovers dated within the week before publication, all
      on one day, that day: the story goes on about that handover.
    Only figures that fell back to the day of publication change.
    """
    ordered = sorted(claims, key=lambda c: c.figure_start)
    undated = {id(c) for c in ordered if c.measure in _UNDATED_KINDS and c.event_date_precision == "unknown"
               and c.as_of == published}
    if not undated:
        return
    dated = [c for c in ordered if c.measure in _UNDATED_KINDS and c.event_date_precision == "day" and c.as_of]
    # A sentence that dates the handover itself ("The swap took place late Wednesday"): the day of the
    # undated handovers the figures before do not date.
    told = _handover_day(text, published) if _TOOK_PLACE.search(text) else None
    for _ in range(2):  # a second pass dates a headline by a figure dated on the first
        for c in ordered:
            if id(c) not in undated:
                continue
            before = [d for d in dated if d.figure_start < c.figure_start]
            same = {d.as_of for d in dated if d.value == c.value and d.subject == c.subject}
            day = None
            if _SAME_DAY.search(text, c.quote_start, c.quote_end) and before:
                day = before[-1].as_of
            elif len(same) == 1:
                day = next(iter(same))
            else:
                recent = [d for d in before if d.subject in ("bodies", "prisoners") and d.measure == "transferred"
                          and timedelta(0) < published - d.as_of <= timedelta(days=7)]
                # Only a single recent handover day: a story told over several days dates each day itself.
                day = recent[-1].as_of if recent and len({d.as_of for d in recent}) == 1 else None
                if day is None and told is not None and c.subject in ("bodies", "prisoners"):
                    day = told
                if day is not None:
                    sentence = text[c.quote_start:c.quote_end]
                    if _explicit_days(sentence, published) or _relative_candidates(sentence, published):
                        day = None  # a sentence that names a day of its own keeps it
            if day is not None:
                c.as_of = day
                undated.discard(id(c))
                dated.append(c)
                dated.sort(key=lambda d: d.figure_start)


def _fill_unknown_sides(claims, text):
    """Sides the sentence left open, from the rest of the article.

    A headline's "200 prisoners come home" takes the side of the same figure
    in the body; a speaker's "185 soldiers are home" is the speaker's own
    people; otherwise "the 502 bodies handed over" are the people most of
    the article's figures of the same subject count.
    """
    known = [c for c in claims if c.side in SIDES_OF_EACH]
    for c in claims:
        if c.side != "unknown" or c.subject not in ("bodies", "prisoners"):
            continue
        side = None
        same = [k for k in known if k.value == c.value and k.subject == c.subject]
        if same:
            side = same[0].side
        if side is None and _HOME.search(text, c.quote_start, c.quote_end):
            side = voice_side(c.claimant)
        if side is None:
            sides = [k.side for k in known if k.subject == c.subject]
            if sides:
                side = max(SIDES_OF_EACH, key=lambda x: (sides.count(x), -sides.index(x) if x in sides else -99))
        if side is not None:
            c.side = side
            if c.recipient is None:
                c.recipient = side
            c.confidence = round(max(0.05, c.confidence - 0.1), 2)


def _may_be_still_held(after):
    low = after.lower()
    return "remain" in low or "still" in low


def _after_head(sentence, figure, counted):
    """The words after a figure and the noun it counts ("... were returned")."""
    end = counted.head_end or figure.end
    return sentence[end:end + 80]


_OF_THEM = re.compile(r"\s*of\s+(?:them|those|these)\b", re.I)
# "Forty-one of them were civilians": a part of the people of the sentence before, described.
_OF_THEM_ARE = re.compile(r"\s*of\s+(?:them|those|these)\s+(?:[a-z]+\s+)?(?:were|are|was|is|had|have|included|include)\b"
    r"(?!\s+(?:\w+\s+)?(?:returned|handed|freed|released|repatriated|exchanged|sent|transferred|swapped)\b)", re.I)
_PEOPLE_BEFORE = re.compile(
    r"\b(?P<our>our\s+)?(?:(?P<nat>Ukrainian|Russian)\s+)?(?P<noun>people|soldiers|servicemen|defenders|heroes|warriors|citizens"
    r"|prisoners|POWs|captives|civilians|guys|boys|bodies|remains)\b",
    re.I,
)


def _people_before(counted, prior):
    """Read "N of them" from the people the sentence before names ("Our people are home.")."""
    found = None
    for m in _PEOPLE_BEFORE.finditer(prior):
        found = m
    if found is None:
        return
    noun = found.group("noun").lower()
    if noun in ("bodies", "remains"):
        counted.subject = "bodies"
    elif CAPTIVE_CUES.search(prior) or noun in ("prisoners", "pows", "captives"):
        counted.subject = "prisoners"
    else:
        return
    counted.noun = noun
    counted.explicit_subject = False
    if found.group("nat"):
        counted.side = NATIONALITY[found.group("nat").lower()]
        counted.explicit_side = True
    elif found.group("our"):
        counted.possessive = "our"


def _part_of(sentence, figure, counted):
    """"total" for the N of "Of the N, ...", "part" for a figure counting part of it, else None."""
    total = _OF_THE_TOTAL.match(sentence)
    if total:
        if total.start("total") == figure.start:
            return "total"
        if figure.start > total.end():
            if counted.noun is None:
                counted.reference = True  # "Of the bodies returned, 481 came from ...": the whole's people
            return "part"
    whole = _OF_THE_WHOLE.match(sentence)
    if whole and figure.start >= whole.end() and not _OF_THE_TOTAL.match(sentence):
        counted.reference = True  # "Of the bodies returned, 481 came from Donetsk": no noun, the whole's own
        return "part"
    if last_word(sentence[max(0, figure.start - 40):figure.start].rstrip(" ,")) in _PART_LAST_WORDS \
            and _PART_BEFORE.search(sentence, max(0, figure.start - 40), figure.start):
        return "part"
    window = max(0, figure.start - 80)
    if _PART_AFTER.match(sentence, figure.end) or _PART_OF_THE.match(sentence, figure.end) or _AMONG_BEFORE.search(sentence, window, figure.start) \
            or _APPOSITION_BEFORE.search(sentence, window, figure.start):
        return "part"
    listed = _PART_LIST_BEFORE.search(sentence, max(0, figure.start - 160), figure.start)
    if listed and _LIST_ITEM.search(listed.group("items")) and not _VERB_IN_LIST.search(listed.group("items")):
        return "part"  # "among them 213 soldiers and 17 civilians": the second item is a part too
    return None


def _names_part_after(sentence, figure):
    """Whether the words after the figure name it as part of a whole ("five of the returnees", "41 of them")."""
    return bool(_PART_AFTER.match(sentence, figure.end) or _PART_OF_THE.match(sentence, figure.end)
                or _OF_THEM_ARE.match(sentence, figure.end))


# The words _PART_BEFORE can end with.
_PART_LAST_WORDS = frozenset(
    "including include includes included them are were is was whom remaining other than least about around "
    "nearly some over another".split()
)


# A strike, raid or shelling: the people it kills are its victims, not fallen soldiers.
_STRIKE = re.compile(
    r"\b(?:strikes?|struck|attacks?|shelling|shelled|bombardment|bombs?|bombing|drones?|missiles?|rockets?"
    r"|airstrikes?|air\s+raids?|explosions?|blasts?)\b",
    re.I,
)
_COMBATANT_NOUNS = frozenset(
    "soldiers servicemen troops fighters defenders prisoners pows captives personnel military marines".split())


_COUNTRY = r"(?:Russia|Ukraine|Moscow|Kyiv|Kiev)"
# "Russia and Ukraine exchanged", "Ukraine, Russia Swap", "the two sides traded": both sides give and receive.
_MUTUAL_PAIR = re.compile(
    rf"(?:\b{_COUNTRY}\s*(?:,|and|&)\s*{_COUNTRY}|\b(?:the\s+two|both)\s+(?:sides|countries|parties))\s+"
    rf"(?:(?:have|had|has|will|would|also|again)\s+)*(?:exchang|swap|trad)\w*\s+(?:\w+\s+){{0,3}}$",
    re.I,
)
_BOTH_SIDES_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:from|on|of|to)\s+both\s+(?:sides|parties|countries)\b", re.I)
# "the UAE said it had mediated 16 swaps that freed 4,231 captives", "the ICRC facilitated the return of
# the remains of 169 people": a go-between counts the people of both sides it helped hand over.
_GO_BETWEEN = re.compile(r"\b(?:mediat\w*|facilitat\w*|intermediar\w*|brokered|brokering)\b", re.I)
# "200 prisoners would be swapped", "the total number of prisoners exchanged ... to 4,641": an exchange, no giver named.
_MUTUAL_PASSIVE_AFTER = re.compile(
    r"^\s*(?:(?:were|was|have\s+been|had\s+been|would\s+be|will\s+be|to\s+be|are|be)\s+)?(?:exchanged|swapped|traded)\b"
    r"(?!\s+(?:for|on\s+each|each|with)\b)",
    re.I,
)
_MUTUAL_NOUN_BEFORE = re.compile(
    r"\b(?:prisoners|captives|POWs|people)\s+(?:exchanged|swapped)\b[^.;:]{0,60}?\b(?:to|at|reached|of)\s+$", re.I)


def _mutual(sentence, figure, counted, clause_start, go_between=False):
    """Whether the figure counts the people both sides handed over in an exchange."""
    memo_words = sentence.lower()
    if not any(w in memo_words for w in ("exchang", "swap", "trad", "both", "mediat", "facilitat", "intermediar", "broker")):
        return False
    if re.search(r"\b(?:Ukrainian|Russian|Ukrainians|Russians|our|its|their|foreign)\b"
                 r"(?!\s+(?:families|efforts|mediation|help|assistance|support|role|work))",
                 sentence[max(0, figure.start - 30):figure.end + 40]):
        return False
    if go_between and counted.noun in (None, "people", "captives", "prisoners", "pows", "detainees", "bodies", "remains") \
            and _GO_BETWEEN.search(sentence):
        return True
    after = sentence[counted.head_end or figure.end:(counted.head_end or figure.end) + 60]
    if _BOTH_SIDES_AFTER.match(after) or _MUTUAL_PASSIVE_AFTER.match(after):
        return True
    before = sentence[max(0, figure.start - 80):figure.start]
    if _MUTUAL_NOUN_BEFORE.search(sentence, max(0, figure.start - 120), figure.start):
        return True
    return bool(_MUTUAL_PAIR.search(before))


def _strike_victims(sentence, figure, counted, prior, in_sentence):
    """Whether a figure of the dead counts the victims of a strike ("killing three people"):
    people or no noun at all, in a sentence that tells of a strike (or of "the attack" told before)."""
    if counted.noun is not None and (counted.noun not in _NON_COMBATANTS or counted.noun in _COMBATANT_NOUNS):
        return False
    if _LOSSES.search(sentence) or re.search(r"\bsince\b|\btotal\b|\bso\s+far\b", sentence, re.I):
        return False  # a death toll counted over time
    if in_sentence and in_sentence[-1].subject == "killed":
        return False  # "65 captives were among 74 people killed": the dead of the event counted before
    return bool(_STRIKE.search(sentence) or (_THE_ATTACK.search(sentence) and prior and _STRIKE.search(prior)))


def _read_figure(sentence, figures, i, index, attributor, published, previous, in_sentence, memo=None, prior="",
                 default_year=None, named=None, recent=(), context_day=None):
    figure = figures[i]
    counted = read_counted(sentence, figure.start, figure.end, memo)
    if counted.subject is None and prior and _OF_THEM.match(sentence, figure.end):
        # "Our people are home. 84 of them: soldiers, officers and civilians": "them" are the people just named.
        _people_before(counted, prior)
    partner = swap_partner(sentence, figures, i)
    carried = False
    if partner is not None and counted.subject is None:
        later = figures[max(i, partner)]
        counted_later = read_counted(sentence, later.start, later.end, memo)
        if counted_later.subject:
            counted.subject, counted.noun = counted_later.subject, counted_later.noun
        elif re.search(r"\b(?:bodies|remains)\b", sentence, re.I):
            counted.subject = "bodies"
        elif not CAPTIVE_CUES.search(sentence) and previous is not None and previous.subject in ("bodies", "prisoners"):
            counted.subject = previous.subject  # "The next handover: 1,000 for 31.": the people counted just before
        elif CAPTIVE_CUES.search(sentence) or BODY_CUES.search(sentence) is None:
            counted.subject = "prisoners"
        counted.explicit_subject = False
    if counted.subject is None and counted.noun is None and partner is None and not figure.yearlike \
            and _OBJECT_VERB_BEFORE.search(sentence, max(0, figure.start - 50), figure.start) \
            and _BARE_OBJECT_AFTER.match(sentence, figure.end):
        # "Russia returned another 1,000 and got back 19", "handing over 1,000 in October": the people
        # handed over go unnamed; the sentence or the figure before says who they are.
        if re.search(r"\b(?:bodies|remains|corpses|fallen|repatriat\w*)\b", sentence, re.I):
            counted.subject = "bodies"
        elif previous is not None and previous.subject in ("bodies", "prisoners"):
            counted.subject = previous.subject
        elif re.search(r"\b(?:prisoners|captives|POWs|detainees)\b", sentence, re.I):
            counted.subject = "prisoners"
        if counted.subject is not None:
            counted.explicit_subject = False
            if re.match(r"\s+of\s+(?:its|their)\s+own\b", sentence[figure.end:]):
                counted.possessive = "its"
    if figure.yearlike and not (counted.noun and counted.explicit_subject):
        return []
    if counted.subject is None and counted.reference and previous is not None:
        counted.subject = previous.subject
        carried = True
    gapped = listed = None
    if counted.subject is None and in_sentence and not figure.yearlike and _LIST_AFTER.match(sentence, figure.end):
        # "1,000 freed: 390 on Friday, 307 on Saturday", "Kyiv received 1K soldiers and Moscow 19",
        # "handed over 6,057 bodies and received 78 in return": the noun is shared with the figure before.
        before = sentence[in_sentence[-1].figure_end - in_sentence[-1].quote_start:figure.start]
        if _LIST_BEFORE.search(before):
            listed = in_sentence[-1]
            counted.subject = in_sentence[-1].subject
            counted.explicit_subject = False
            gap = _GAPPED_SUBJECT.search(before) or _RECEIVER_BEFORE.search(before)
            gapped = side_of_place(gap.group("place")) if gap else None
            if gapped is None and _GIVES_BACK.search(before) and listed.recipient in SIDES_OF_EACH:
                gapped = other_side(listed.recipient)
            if gapped is None and not TRANSFER_CUES.search(before):
                counted.continues = True
    part = _part_of(sentence, figure, counted)
    if part is None and (in_sentence and _OF_THEM.match(sentence, figure.end)
                         or previous is not None and _OF_THEM_ARE.match(sentence, figure.end)):
        part = "part"  # "390 Ukrainians returned, 270 of them soldiers": a part of the figure before
    if part == "total" and named and figure.value in named and counted.subject in (None, named[figure.value][0].subject):
        previous = named[figure.value][0]  # "Of the 230, ...": the figure of that value read before, named again
    if part == "total" and previous is not None and counted.subject in (None, previous.subject):
        # "Of the 230, ...": the figure read before, named again.
        counted.subject = previous.subject
        counted.side = counted.side or (previous.side if previous.side in SIDES_OF_EACH else None)
        carried = True
    elif part == "part":
        referent = in_sentence[-1] if in_sentence else previous
        if counted.subject is None and counted.noun is None:
            predicate = _PREDICATE_NOUN.match(sentence, figure.end)
            if predicate and predicate.group("noun").lower() in COUNTED_NOUNS:
                counted.noun = predicate.group("noun").lower()
                counted.side = counted.side or NATIONALITY.get(counted.noun) or OWN_SIDE_NOUNS.get(counted.noun)
        if referent is not None and referent.subject == "killed" and not in_sentence:
            referent = None  # the dead of an earlier sentence are not the whole this part is of
        if referent is not None and counted.subject is None \
                and (counted.noun or counted.reference or _PART_BEFORE.search(sentence, 0, figure.start)
                     or _names_part_after(sentence, figure)):
            counted.subject = referent.subject
            counted.explicit_subject = False
            carried = True
        if counted.subject is None and referent is None and _PART_BEFORE.search(sentence, 0, figure.start):
            if BODY_CUES.search(sentence, 0, figure.start):
                counted.subject = "bodies"
            elif CAPTIVE_CUES.search(sentence, 0, figure.start):
                counted.subject = "prisoners"
            counted.explicit_subject = False
        if counted.side is None:
            # "the freed Ukrainians include 47 members": the whole is named with its nationality.
            whole = None
            for m in _NATIONALS.finditer(sentence, 0, figure.start):
                whole = m
            if whole is not None:
                counted.side = NATIONALITY[whole.group().lower()]
        if referent is not None and counted.side is None and referent.side in SIDES_OF_EACH \
                and referent.subject == counted.subject:
            counted.side = referent.side
    if counted.subject in ("bodies", "prisoners") and _AMONG_KILLED.match(_after_head(sentence, figure, counted)):
        counted.subject = "killed"
    elif counted.subject in ("bodies", "prisoners") and ("died" in sentence or "killed" in sentence or "perished" in sentence):
        after = _after_head(sentence, figure, counted)
        said = _SAYS_BETWEEN.match(after)
        if said:
            after = " " + after[said.end():]  # "the 65 prisoners Moscow says died": the saying is set aside
        died = _DIED_AFTER.search(after)
        if died and not _VERB_BETWEEN.search(after, 0, died.start()):
            counted.subject = "killed"  # "65 captured servicemen and three escorts had died"
        elif _KILLED_INCLUDING.search(sentence, max(0, figure.start - 80), figure.start):
            counted.subject = "killed"  # "everyone on board was killed, including 65 prisoners of war"
    if counted.subject is None and counted.noun in COUNTED_NOUNS and memo is not None and "row-subject" in memo._store:
        counted.subject = memo._store["row-subject"]  # "Plus 20 civilians on each side" in an exchange's row
        counted.explicit_subject = False
    if counted.subject is None:
        return []
    if counted.subject == "killed" and _strike_victims(sentence, figure, counted, prior, in_sentence):
        memo._store["strike-victims"] = True
        return []  # people killed in a strike are not a count of the war's soldiers
    if part == "part" and counted.noun in _NON_COMBATANTS and memo is not None and memo._store.get("strike-victims"):
        return []  # "killing 12 people, including three children": a part of a strike's victims

    clause_start, clause_end = clause_bounds(sentence, figure.start, figure.end, memo)
    measure, measure_cue = read_measure(sentence, figure.start, figure.end, clause_start, clause_end, memo)
    if counted.subject == "killed":
        measure = "cumulative" if measure == "cumulative" or _LOSSES.search(sentence) \
            or (part != "part" and _DEAD_COUNTED.search(sentence)) else "other"
    elif part == "total" and previous is not None and previous.subject == counted.subject:
        measure = previous.measure
    elif part == "part" and measure == "transferred":
        measure = "other"  # a part of a handover is not a second figure for it
    added_to = None
    if measure == "transferred" and listed is not None and listed.measure == "other" and (_PART_OF_THE.match(
            sentence, listed.figure_end - listed.quote_start) or _OF_THEM.match(sentence, listed.figure_end - listed.quote_start)):
        measure = "other"  # "854 of the bodies ..., 34 from ...": the list goes on counting parts
    elif measure == "transferred" and counted.subject in ("bodies", "prisoners") and memo.has_any(_ADDED_WORDS) \
            and _ADDED.search(sentence, 0, clause_end):
        added_to = _added_to(counted, figure.value, in_sentence, previous, recent)
        if added_to is not None:
            measure = "other"  # "Ukraine also brought home eight civilians": added to the handover counted before
    if measure == "transferred" and in_sentence and in_sentence[-1].measure == "other" \
            and in_sentence[-1].subject == counted.subject and _PARTS_LISTED.match(
                sentence, in_sentence[-1].figure_end - in_sentence[-1].quote_start, figure.start):
        measure = "other"  # "270 of them soldiers and 120 civilians": the list of parts goes on
    if measure == "transferred" and counted.noun == "civilians" and in_sentence and in_sentence[-1].measure == "transferred" \
            and in_sentence[-1].subject == counted.subject \
            and _AFTER_SOLDIERS.match(sentence, in_sentence[-1].figure_end - in_sentence[-1].quote_start, figure.start):
        measure = "other"  # "185 servicemen, 20 civilians": the civilians are added to the handover
    after = _after_head(sentence, figure, counted)
    if measure == "transferred" and (_PLANNED_AFTER.match(after) or _DUE_AFTER.match(after)):
        measure = "planned"  # "192 prisoners were to have been exchanged", "40 bodies will be handed over"
    released_before = _RELEASE_OF.search(sentence, max(clause_start, figure.start - 60), figure.start)
    still_held = counted.subject in ("bodies", "prisoners") and not released_before and (
        _may_be_still_held(after) and bool(_STILL_HELD_AFTER.match(after))
        or counted.head_end is not None and bool(HELD_AFTER.match(after)) and not _TRANSFER_AFTER.search(after))
    if not still_held and counted.subject in ("bodies", "prisoners") and _CAPTURED_STEM.search(after):
        taken = _CAPTURED_AFTER.match(after)
        # "who had been captured in Mariupol were freed": a capture told on the way to a handover is not one.
        still_held = bool(taken) and not _TRANSFER_AFTER.search(taken.group("rest"))
    surrendered = counted.subject == "prisoners" and _SURRENDERED_AFTER.match(after)
    if still_held or surrendered:
        measure = "other"
    captured = measure == "other" and captured_before(sentence, figure.start, memo)
    qualifier = read_qualifier(sentence, figure.start, figure.end, memo)
    claimant = attributor.claimant(index, figure.start)

    recipient, recipient_explicit = None, False
    if counted.subject in ("bodies", "prisoners"):
        recipient, recipient_explicit = read_recipient(sentence, figure.start, figure.end, clause_start, clause_end, memo)

    side, side_explicit = counted.side, counted.explicit_side
    if side is None and counted.possessive in ("its", "their"):
        # "Ukraine said 230 of its citizens", "Russia received 45 of its soldiers": the country named before.
        side = country_before(sentence, figure.start, memo)
        side_explicit = side is not None
    if side is None and (counted.possessive in ("our", "its", "their") or counted.noun in _VOICE_NOUNS):
        side = voice_side(claimant)
    if side is None and gapped:
        side = gapped
        if counted.subject in ("bodies", "prisoners") and in_sentence and in_sentence[-1].recipient == in_sentence[-1].side:
            recipient = gapped
    holder = _HELD_BY.match(after) if side is None and released_before and counted.subject in ("bodies", "prisoners") \
        else None
    if holder:
        # "the release of 108 women held by Russia": the holder's captives are the other side's people.
        side = other_side(side_of_place(holder.group("place")))
        recipient = side
    if side is None and recipient and counted.subject in ("bodies", "prisoners"):
        side = recipient
    if side is None and (counted.continues or counted.reference) and previous is not None \
            and previous.subject == counted.subject and previous.side in SIDES_OF_EACH:
        side = previous.side
        carried = True
    if side is None and counted.subject != "killed":
        same = [c for c in in_sentence if c.subject == counted.subject and c.side in SIDES_OF_EACH]
        if same:
            side = same[-1].side
            carried = True
    if side_explicit and recipient in SIDES_OF_EACH and side in SIDES_OF_EACH and recipient != side \
            and not recipient_explicit:
        recipient = side  # "Ukraine returned 95 defenders": people come home
    if recipient is None and counted.subject in ("bodies", "prisoners"):
        if side in SIDES_OF_EACH:
            recipient = side
        elif counted.continues and previous is not None and previous.subject == counted.subject:
            recipient = previous.recipient

    if counted.subject in ("bodies", "prisoners") and not recipient_explicit and recipient is not None \
            and _PARTICIPLE_AFTER.match(after) and not side_explicit:
        # "the 115 men freed included ...": a participle, whose doer the sentence does not name.
        side = voice_side(claimant) if (counted.noun in _VOICE_NOUNS or counted.possessive) else None
        recipient = side
    if counted.subject in ("bodies", "prisoners") and not recipient_explicit and _PASSIVE_RETURN_AFTER.match(
            after):
        # "Kyiv says 1,212 bodies were returned": returned to the speaker's side.
        speaker = country_before(sentence, figure.start, memo)
        if speaker:
            recipient = speaker
            if not side_explicit:
                side = speaker
    if counted.subject in ("bodies", "prisoners") and not side_explicit and not recipient_explicit \
            and _PASSIVE_HANDED_AFTER.match(after):
        # "the headquarters says 1,212 bodies were handed over today": handed over to the speaker's side.
        speaker = country_before(sentence, figure.start, memo)
        if speaker:
            side = recipient = speaker
    if counted.subject == "killed":
        recipient = None
        if side is None and counted.noun in _COMBATANT_NOUNS:
            # "the 65 prisoners Moscow says died": the dead of that number counted before.
            same = [c for c in recent if c.subject == "killed" and c.value == figure.value and c.side in SIDES_OF_EACH]
            side = same[-1].side if same else None
        if side is None:
            attacker = _ATTACKER.search(sentence)
            if attacker:
                side = "russia" if attacker.group("n") == "Ukrainian" else "ukraine"
            else:
                attacker = _ATTACKING_COUNTRY.search(sentence)
                if attacker:
                    side = "russia" if attacker.group("n") in ("Ukraine", "Kyiv", "Kiev") else "ukraine"
        if side is None and prior and _THE_ATTACK.search(sentence):
            # "The attack killed 12 people": the attack the sentence before names.
            attacker = _ATTACKER.search(prior) or _ATTACKING_COUNTRY.search(prior)
            if attacker:
                side = "russia" if attacker.group("n") in ("Ukrainian", "Ukraine", "Kyiv", "Kiev") else "ukraine"
        if side is None and part != "part" and counted.noun in _NON_COMBATANTS:
            # "12,162 civilians have been killed in Ukraine": civilians killed in a country are its own.
            place = _KILLED_IN.search(sentence, figure.end, min(len(sentence), figure.end + 80))
            side = side_of_place(place.group("place")) if place else None
        if side is None and part == "part" and in_sentence and in_sentence[-1].subject == "killed":
            side = in_sentence[-1].side
        if side is None and in_sentence and in_sentence[-1].subject == "killed" and in_sentence[-1].value < figure.value \
                and in_sentence[-1].side in SIDES_OF_EACH and re.search(r"\bamong\b", sentence[in_sentence[-1].figure_end - in_sentence[-1].quote_start:figure.start]):
            side = "both"  # "65 Ukrainian captives were among 74 people killed": the others were not all theirs
    if still_held and side is None and counted.subject in ("bodies", "prisoners"):
        # "1,800 civilians held by the Russian Federation": the holder's captives are the other side's people.
        holder = _HELD_BY.match(after)
        side = other_side(side_of_place(holder.group("place"))) if holder else None
    if captured or still_held:
        recipient = None  # people taken captive are received by no one
    if surrendered:
        # "2,400 fighters surrendered to Russian forces": taken by the side they surrendered to.
        to = _SURRENDERED_TO.match(after)
        recipient = ("russia" if to.group("place").startswith(("Russia", "Moscow")) else "ukraine") if to \
            else other_side(side)
    as_of, event_date, precision = read_dates(
        sentence, clause_start, clause_end, figure.start, figure.end, published, measure, memo, default_year, context_day
    )
    if measure == "agreed" and as_of is None and prior and UNDER_THAT.search(sentence, 0, figure.start):
        # "Under that deal, ...": the deal dated in the sentence before.
        day = agreement_day(prior, published, default_year)
        if day is not None:
            as_of, event_date, precision = day, day, "day"
    if added_to is not None and precision == "unknown" and as_of == published and added_to.as_of is not None:
        as_of = added_to.as_of  # "The Russian side additionally handed over 22": on the day of the handover added to
    if measure == "agreed":
        event_kind = "agreement"
    else:
        event_kind = EVENT_KINDS.get((counted.subject, measure), "other")
        if event_kind == "other":
            event_date, precision = None, "unknown"

    confidence = 0.4
    confidence += 0.2 if counted.explicit_subject else 0.0
    confidence += 0.15 if side_explicit else (0.05 if side in SIDES_OF_EACH else 0.0)
    confidence += 0.1 if claimant else 0.05
    confidence += 0.1 if measure_cue else 0.0
    confidence -= 0.15 if carried else 0.0
    confidence -= 0.1 if published is None and as_of is not None else 0.0  # the year is inferred
    confidence = round(min(0.95, max(0.05, confidence)), 2)

    def reading(side_, recipient_):
        return ClaimReading(
            value=figure.value, figure=figure.text, figure_start=figure.start, figure_end=figure.end,
            quote_start=0, quote_end=0, qualifier=qualifier, subject=counted.subject, side=side_,
            recipient=recipient_, measure=measure, as_of=as_of, claimant=_speaker_for(claimant, side_),
            event_kind=event_kind, event_date=event_date, event_date_precision=precision,
            confidence=confidence,
        )

    personal = counted.subject in ("bodies", "prisoners")
    if personal and not side_explicit and not counted.each and not counted.both and partner is None \
            and _mutual(sentence, figure, counted, clause_start, go_between=not recipient_explicit):
        # "Russia and Ukraine swapped 200 prisoners", "478 captives from both sides": both sides' people.
        return [reading("both", "both")]
    if counted.each and not side_explicit:
        return [reading(s, s if personal else None) for s in SIDES_OF_EACH]
    if counted.both and not side_explicit:
        return [reading("both", "both" if personal else None)]  # "410 captives from both sides" go both ways
    if partner is not None and not side_explicit:
        first = voice_side(claimant) or "ukraine"
        own = first if i < partner else ("russia" if first == "ukraine" else "ukraine")
        return [reading(own, own if personal else None)]
    return [reading(side or "unknown", recipient)]
