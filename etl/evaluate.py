"""Measure the machine reader against the curated claims.

Every reviewed source is read by machine with its curation switched off, and
the machine's claims are matched to the curated ones. A figure is right when
its value, subject and side all agree; a field (qualifier, measure,
recipient, claimant, as_of) is right when the figure is right and the field
agrees too. Precision divides by the machine's claims, recall by the curated
ones.

A crawler knows where and when it found an article even when the text does
not say. So, unless ``text_only`` is set, an article whose text states no
publication date or outlet is given the reviewed ones before it is read, as
a crawler's metadata would give them; the figures are read from the text
alone either way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from datetime import date

from .build import Paths, article_files
from .extract import extract_claims
from .parse import read_article
from .resolve import resolve
from .resolve.curation import Curation, read_curation

FIGURE = ("value", "subject", "side")
FIELDS = ("qualifier", "measure", "recipient", "claimant_id", "as_of")
TARGETS = {"figure": 0.95, **{name: 0.90 for name in FIELDS}}


@dataclass
class Score:
    """Counts of right, found and expected items, and the ratios from them."""

    right: int = 0
    found: int = 0
    expected: int = 0

    @property
    def precision(self):
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self):
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Scores for the figure and each field, and the claims that went wrong."""

    scores: dict = field(default_factory=dict)
    missed: list = field(default_factory=list)  # curated claims the machine did not find
    spurious: list = field(default_factory=list)  # machine claims with no curated match
    wrong: list = field(default_factory=list)  # (field, curated claim, machine claim)

    def failures(self, targets=TARGETS):
        """Names of the measures below their targets."""
        return [
            name for name, score in self.scores.items()
            if score.precision < targets[name] or score.recall < targets[name]
        ]


def match_claims(curated, machine):
    """Pairs (curated, machine) with the same figure, nearest in the text first."""
    by_key = defaultdict(list)
    for row in machine:
        by_key[tuple(row[k] for k in FIGURE)].append(row)
    pairs, unmatched = [], []
    for row in curated:
        candidates = by_key.get(tuple(row[k] for k in FIGURE))
        if not candidates:
            unmatched.append(row)
            continue
        best = min(candidates, key=lambda m: abs(m["figure_start"] - row["figure_start"]))
        candidates.remove(best)
        pairs.append((row, best))
    leftover = [row for rows in by_key.values() for row in rows]
    return pairs, unmatched, leftover


def evaluate(paths=None, text_only=False):
    """Read every reviewed source by machine and score it against its curation."""
    paths = paths or Paths()
    curation = read_curation(paths.curation)
    registry_only = Curation(actors=curation.actors, events=curation.events)
    articles, readings = [], {}
    for path in article_files(paths.articles):
        if path.stem not in curation.sources:
            continue
        article = read_article(path)
        if not text_only:
            add_crawl_metadata(article, curation.sources[path.stem].meta, curation.actors)
        articles.append(article)
        readings[article.source_id] = extract_claims(article)
    curated_rows = resolve(articles, {}, curation)["claims"]
    machine_rows = resolve(articles, readings, registry_only)["claims"]
    return score(curated_rows, machine_rows)


def add_crawl_metadata(article, reviewed, actors):
    """Give an article the reviewed publication date and outlet its text does not state."""
    meta = article.meta
    if meta.published is None and reviewed.get("published") and len(str(reviewed["published"])) == 10:
        meta.published = date.fromisoformat(str(reviewed["published"]))
        meta.published_basis = "inferred"
    if meta.outlet is None and reviewed.get("outlet"):
        names = {actor["id"]: actor["name"] for actor in actors}
        meta.outlet = names.get(reviewed["outlet"], reviewed["outlet"])


def score(curated_rows, machine_rows):
    """Score machine claim rows against curated claim rows, source by source."""
    result = Evaluation(scores={name: Score() for name in ("figure", *FIELDS)})
    by_source = defaultdict(lambda: ([], []))
    for row in curated_rows:
        by_source[row["source_id"]][0].append(row)
    for row in machine_rows:
        by_source[row["source_id"]][1].append(row)
    for source_id in sorted(by_source):
        curated, machine = by_source[source_id]
        pairs, missed, spurious = match_claims(curated, machine)
        result.missed.extend(missed)
        result.spurious.extend(spurious)
        for name, s in result.scores.items():
            s.found += len(machine)
            s.expected += len(curated)
        result.scores["figure"].right += len(pairs)
        for expected, found in pairs:
            for name in FIELDS:
                if expected[name] == found[name]:
                    result.scores[name].right += 1
                else:
                    result.wrong.append((name, expected, found))
    return result
