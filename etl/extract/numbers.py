"""Read a figure as written into its value: "1,245" is 1245, "1K" 1000, "three" 3."""

import re

from .figures import DIGITS, WORDS, _digits_value, words_value


def figure_value(figure):
    """The whole number a figure as written stands for, or None if it is not one."""
    figure = figure.strip()
    m = DIGITS.fullmatch(figure)
    if m:
        return _digits_value(m)
    if WORDS.fullmatch(figure):
        return words_value(re.sub(r"\s+", " ", figure))
    return None
