"""What the parse stage hands on: an article's text, metadata and body."""

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass
class ArticleMeta:
    """Metadata read from an article. What the text does not state stays None."""

    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[date] = None
    published_basis: str = "unknown"  # stated / inferred / unknown
    wire: Optional[str] = None  # AFP, AP, Reuters, TASS ...
    language: Optional[str] = None  # ISO 639-1
    url: Optional[str] = None
    outlet: Optional[str] = None  # the outlet's name as the text gives it
    rights: Optional[str] = None  # a rights notice found in the text


@dataclass
class Article:
    """One article: its file, its decoded text and what was read from it.

    ``text`` is the raw file decoded, with any byte-order mark removed and
    line endings turned into LF. Every offset in the dataset points into it.
    ``body`` lists the (start, end) spans of the article proper: everything
    outside them is page furniture (appeals, link lists, "About us"...).
    """

    source_id: str
    file_name: str
    sha256: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    body: list = field(default_factory=list)
