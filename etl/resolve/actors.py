"""Resolve names as articles write them to actors in the registry.

"Russia's Defense Ministry", "the Russian Defence Ministry" and "Ministry of
Defence of Russia" should all land on one actor. Names are compared after
normalising case, apostrophes, articles and British/American spelling; a name
that matches no alias becomes a new actor rather than being dropped.
"""

import re
import unicodedata
from functools import lru_cache

from ..yamlfile import without_line

SPELLINGS = {"defense": "defence", "kiev": "kyiv", "zelenskyy": "zelensky", "zelenskiy": "zelensky"}
DROP_WORDS = {"the", "a", "an", "s"}
PERSON_NAME = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}$")
BODY_WORDS = re.compile(
    r"\b(ministry|headquarters|office|committee|council|service|government|authorities|"
    r"administration|commission|command|agency|staff|delegation|officials?|kremlin|parliament|army|forces)\b",
    re.I,
)
ANONYMOUS_WORDS = re.compile(r"\b(source|sources|anonymous|unnamed|insider)\b", re.I)
UKRAINE_WORDS = re.compile(r"\b(ukrain\w*|kyiv|kiev)\b", re.I)
RUSSIA_WORDS = re.compile(r"\b(russia\w*|moscow|kremlin)\b", re.I)


@lru_cache(maxsize=65536)  # the same few hundred names recur in every article
def normalise(name):
    """A name reduced to lower-case words, for comparing aliases."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    name = re.sub(r"'s\b", "", name)
    words = re.findall(r"[^\W_]+", name)
    return " ".join(SPELLINGS.get(w, w) for w in words if w not in DROP_WORDS)


def slug(name):
    """A stable identifier made from a name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


class ActorRegistry:
    """The known actors, looked up by any of their names."""

    def __init__(self, actors):
        self.rows = {}
        self._by_name = {}
        for actor in actors:
            actor = without_line(actor)
            self.add(actor, method=actor.get("method", "curated"))

    def add(self, actor, method="machine"):
        """Register an actor (a dict with id, name, kind, side, aliases)."""
        if actor["id"] in self.rows:
            return actor["id"]
        aliases = list(actor.get("aliases") or [])
        self.rows[actor["id"]] = {
            "actor_id": actor["id"],
            "name": actor["name"],
            "kind": actor["kind"],
            "side": actor["side"],
            "aliases": " | ".join(aliases) or None,
            "description": actor.get("description"),
            "method": method,
        }
        for name in [actor["name"], actor["id"].replace("-", " "), *aliases]:
            self._by_name.setdefault(normalise(name), actor["id"])
        return actor["id"]

    def lookup(self, name, exact=False):
        """The actor id for a name, or None when no alias matches.

        Unless ``exact``, a known name that ends the phrase also counts, as the
        head of an English noun phrase comes last: "Kremlin aide Vladimir
        Medinsky" is Vladimir Medinsky, while "Kyiv Herald" is not Kyiv.
        """
        key = normalise(name)
        if not key:
            return None
        if key in self._by_name or exact:
            return self._by_name.get(key)
        words = key.split()
        for start in range(1, len(words)):
            found = self._by_name.get(" ".join(words[start:]))
            if found:
                return found
        return None

    def resolve(self, name):
        """The actor id for a name, registering a new actor if none matches."""
        found = self.lookup(name)
        if found:
            return found
        return self.add(guess_actor(name), method="machine")

    def resolve_outlet(self, name):
        """The actor id for an outlet's name, registering a media actor if new."""
        found = self.lookup(name, exact=True)
        if found:
            return found
        return self.add({"id": slug(name), "name": name, "kind": "media", "side": "none"}, method="machine")


def guess_actor(name):
    """A new actor for a name the registry does not know, with a guessed kind and side."""
    name = " ".join(name.split())
    if ANONYMOUS_WORDS.search(name):
        kind = "anonymous"
    elif BODY_WORDS.search(name):
        kind = "government_body"
    elif PERSON_NAME.match(name):
        kind = "person"
    else:
        kind = "government_body"
    ukraine, russia = bool(UKRAINE_WORDS.search(name)), bool(RUSSIA_WORDS.search(name))
    side = "ukraine" if ukraine and not russia else "russia" if russia and not ukraine else "none"
    return {"id": slug(name), "name": name, "kind": kind, "side": side}
