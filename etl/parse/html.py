"""Read a saved web page with trafilatura: its main text and metadata.

trafilatura is imported only here, and only when a page is read, so that
reading plain-text articles stays fast.
"""

from datetime import date

from .article import ArticleMeta
from .errors import ArticleError


def page_text_and_meta(html, file_name):
    """(text, ArticleMeta) for a saved page: headline, blank line, main text."""
    import trafilatura

    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise ArticleError(file_name, None, "no article text found in the page")
    found = trafilatura.extract_metadata(html)
    meta = ArticleMeta()
    if found is not None:
        meta.title = found.title or None
        meta.author = found.author or None
        meta.url = found.url or None
        meta.outlet = found.sitename or None
        meta.published = _iso_date(found.date)
        if meta.published:
            meta.published_basis = "stated"
    if meta.title and not text.startswith(meta.title):
        text = f"{meta.title}\n\n{text}"
    return text.replace("\r\n", "\n").replace("\r", "\n"), meta


def _iso_date(value):
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
