"""The words the reader knows: nouns for people, nationalities, places."""

import re

BODY_NOUNS = frozenset("bodies body remains corpses corpse".split())
PRISONER_NOUNS = frozenset(
    "prisoners prisoner pows pow captives captive detainees detainee hostages hostage "
    "internees abductees deportees".split()
)
PEOPLE_NOUNS = frozenset(
    """soldiers soldier troops servicemen serviceman servicewomen servicemembers personnel people
    persons civilians civilian ukrainians russians men women children kids citizens nationals
    marines paratroopers officers guards guardsmen sailors pilots conscripts volunteers
    individuals residents defenders fighters heroes warriors combatants militants mercenaries
    members wounded compatriots fellows medics sick injured patients commanders priests chaplains
    clergymen teenagers minors guys boys girls countrymen journalists doctors nurses foreigners
    seamen""".split()
)
COUNTED_NOUNS = BODY_NOUNS | PRISONER_NOUNS | PEOPLE_NOUNS
# Words that may stand between a figure and the noun it counts.
MODIFIERS = frozenset(
    """more additional other further fallen killed dead deceased slain perished wounded injured
    seriously severely badly gravely sick ill captured military civilian ordinary young elderly
    former missing new identified unidentified total of the its their our his her own and
    ukrainian russian ukraine's russia's ukraine’s russia’s soviet mostly mainly servicemen's
    servicemen’s army navy naval national guard border armed forces service military-age
    freed released returned exchanged repatriated rescued liberated fellow foreign afu zsu azov""".split()
)
KILLED_ADJECTIVES = frozenset("fallen killed dead deceased slain perished".split())
NATIONALITY = {
    "ukrainian": "ukraine", "ukraine's": "ukraine", "ukraine’s": "ukraine", "ukrainians": "ukraine",
    "ukraine": "ukraine", "russian": "russia", "russia's": "russia", "russia’s": "russia",
    "russians": "russia", "russia": "russia", "afu": "ukraine", "zsu": "ukraine",
}
OWN_SIDE_NOUNS = {"defenders": "ukraine", "heroes": "ukraine"}

# Places and governments spoken of by name, and the side they stand for.
COUNTRY = re.compile(
    r"\b(?:(?P<ua>Ukraine|Kyiv|Kiev|Ukrainian\s+(?:side|authorities|officials|government|territory|military|army|forces|ombudsman)|Zelensky[y]?|Zelenskiy)"
    r"|(?P<ru>Russia|Moscow|Kremlin|Russian\s+(?:side|authorities|officials|government|territory|military|army|forces|ombudsman|Federation)|Medinsky|Putin))\b"
)
PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\b")

# Claimants whose words speak for one side ("our defenders", "servicemen").
_RUSSIAN_VOICE = re.compile(
    r"Russia|Russian|Moscow|Kremlin|Medinsky|Peskov|Putin|Lavrov|Zakharova|Moskalkova|Belousov|Shoigu|TASS|RIA|Interfax|Izvestia|Lantratova",
    re.I,
)
_UKRAINIAN_VOICE = re.compile(
    r"Ukrain|Kyiv|Kiev|Zelensk|Umerov|Lubinets|Budanov|Yermak|Sybiha|Coordination Headquarters|Ukrinform|Suspilne|Syrskyi|Shmyhal|Svyrydenko|Yusov",
    re.I,
)


def side_of_place(word):
    """The side a place or government name stands for: "Kyiv" is ukraine."""
    m = COUNTRY.search(word)
    if not m:
        return None
    return "ukraine" if m.group("ua") else "russia"


def voice_side(claimant):
    """Which side a claimant speaks for, judging by its name, or None."""
    if not claimant:
        return None
    ua = _UKRAINIAN_VOICE.search(claimant)
    ru = _RUSSIAN_VOICE.search(claimant)
    if ua and not ru:
        return "ukraine"
    if ru and not ua:
        return "russia"
    if ua and ru:
        return "ukraine" if ua.start() < ru.start() else "russia"
    return None


def other_side(side):
    return {"ukraine": "russia", "russia": "ukraine"}.get(side)
