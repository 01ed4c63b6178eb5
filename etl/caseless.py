"""Case-insensitive patterns run fast: case-sensitively, on lower-cased text.

Python's re module matches case-insensitive literals slowly. On ASCII text, a
case-insensitive pattern finds the same spans as its caseless twin (the
pattern with its capital letters lower-cased, compiled without IGNORECASE)
run on the text lower-cased once. Parse and extract both use this.
"""

import re

# What to lower-case in a pattern's source: single capital letters, but not
# escapes (\S, \W, \B, \D) or group names.
_CASED = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|[A-Z]")


def caseless(pattern):
    """A case-insensitive pattern recompiled to run, case-sensitively, on lower-cased text."""
    source = _CASED.sub(lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def lowered(text):
    """text lower-cased when it is ASCII (where case-insensitive matching is matching lower-cased), else None."""
    return text.lower() if text.isascii() else None
