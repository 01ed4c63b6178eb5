"""The parse stage: article files in, Article records out.

    >>> article = read_article("articles/003_b08837caa90a257f.txt")
    >>> article.meta.title
    'Russia Returns 1.2K Bodies to Ukraine in Final Stage of Repatriation Deal'
"""

import hashlib
from dataclasses import fields
from pathlib import Path

from .article import Article, ArticleMeta
from .decode import decode
from .errors import ArticleError
from .furniture import body_spans
from .metadata import read_metadata

HTML_SUFFIXES = (".html", ".htm")
# A news article is a few kilobytes; a file this large is something else.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

__all__ = ["Article", "ArticleError", "ArticleMeta", "body_spans", "decode", "parse_article", "read_article", "read_metadata"]


def parse_article(raw: bytes, file_name: str, source_id: str | None = None) -> Article:
    """Decode an article file's bytes and read its metadata and body.

    ``source_id`` defaults to the file name without its extension. Saved web
    pages (.html, .htm) are reduced to their main text first.
    """
    path = Path(file_name)
    text = decode(raw, file_name)
    meta = read_metadata(text, file_name) if path.suffix.lower() not in HTML_SUFFIXES else None
    if meta is None:
        from .html import page_text_and_meta

        text, page_meta = page_text_and_meta(text, file_name)
        meta = _fill_gaps(page_meta, read_metadata(text, file_name))
    return Article(
        source_id=source_id or path.stem,
        file_name=path.name,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        meta=meta,
        body=body_spans(text),
    )


def read_article(path) -> Article:
    """Read and parse one article file (.txt, .html or .htm)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(str(path), None, f"{size:,} bytes is too large to be an article (the limit is {MAX_ARTICLE_BYTES:,})")
    return parse_article(path.read_bytes(), str(path))


def _fill_gaps(meta, fallback):
    """meta, with what it lacks taken from fallback."""
    for field in fields(ArticleMeta):
        if getattr(meta, field.name) in (None, "unknown"):
            setattr(meta, field.name, getattr(fallback, field.name))
    if meta.published is None:
        meta.published_basis = "unknown"
    return meta
