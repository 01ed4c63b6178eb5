"""Turn an article and its reviewed metadata into a row of the sources table."""


def source_row(article, outlet_id, curated=None):
    """The sources row for an article; a curator's metadata wins over the machine's."""
    meta = article.meta
    row = {
        "source_id": article.source_id,
        "outlet_id": outlet_id,
        "title": meta.title,
        "author": meta.author,
        "published": meta.published.isoformat() if meta.published else None,
        "published_basis": meta.published_basis if meta.published else "unknown",
        "wire": meta.wire,
        "language": meta.language,
        "url": meta.url,
        "file_name": article.file_name,
        "sha256": article.sha256,
        "text": article.text,
        "rights": meta.rights,
        "reviewed": 1 if curated else 0,
    }
    if curated:
        for key, value in curated.meta.items():
            if key == "outlet":
                continue
            row[key] = str(value) if key == "published" and value is not None else value
        if row["published"] is None:
            row["published_basis"] = "unknown"
    return row
