"""The range of values a hedged figure allows, and who counts as an official.

exact 1,245 allows 1,245 only; more_than 6,000 allows 6,001 and up;
at_least 6,000 allows 6,000 and up; about 1,200 allows ±10% (1,080 to
1,320); up_to 6,000 allows 0 to 6,000; fewer_than 50 allows 0 to 49. The
same rule as the canned query figures_in_conflict.
"""

import math

ABOUT = 0.1
# Measures whose figures are not estimates of one number: parts of a
# handover ("including 20 civilians", "12 defenders of Mariupol") differ
# without disagreeing.
UNCOMPARABLE = ("other",)


def value_range(value, qualifier):
    """(low, high) of the values a figure allows; high may be infinity."""
    if qualifier == "exact":
        return value, value
    if qualifier == "more_than":
        return value + 1, math.inf
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    if qualifier == "up_to":
        return 0, value
    if qualifier == "fewer_than":
        return 0, max(value - 1, 0)
    return 0, math.inf


def claim_range(claim):
    return value_range(claim["value"], claim["qualifier"])


def overlap(a, b):
    """Whether two (low, high) ranges share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def officials(actors):
    """Ids of the parties' own voices: persons and government bodies of Ukraine or Russia."""
    return {
        row["actor_id"]
        for row in actors
        if row.get("kind") in ("person", "government_body") and row.get("side") in ("ukraine", "russia")
    }


def written(value, qualifier=None):
    """A figure as a reader would say it: 'more than 6,000'."""
    words = {"exact": "", "more_than": "more than ", "at_least": "at least ", "about": "about ", "up_to": "up to ", "fewer_than": "fewer than "}
    return f"{words.get(qualifier, '')}{value:,}"
