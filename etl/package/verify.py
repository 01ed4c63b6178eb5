"""Check a published data package against the raw articles it came from.

Every source's recorded SHA-256 must match its file in the articles folder,
and every claim's offsets must slice its quote and figure out of its
source's text. Run it on a downloaded copy to trust it without rebuilding.
"""

import csv
import hashlib
from pathlib import Path

csv.field_size_limit(1 << 30)


def verify(data_dir, articles_dir):
    """A list of problems, each naming the file and data row; empty when all is well."""
    data_dir, articles_dir = Path(data_dir), Path(articles_dir)
    problems, texts = [], {}
    sources = data_dir / "sources.csv"
    with open(sources, newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=1):
            texts[row["source_id"]] = row["text"]
            article = articles_dir / row["file_name"]
            if not article.exists():
                problems.append(f"{sources} row {line}: {article} is missing")
                continue
            digest = hashlib.sha256(article.read_bytes()).hexdigest()
            if digest != row["sha256"]:
                problems.append(f"{sources} row {line}: {article} has changed since the build (sha256 {digest[:12]}…, recorded {row['sha256'][:12]}…)")
    claims = data_dir / "claims.csv"
    with open(claims, newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=1):
            text = texts.get(row["source_id"])
            if text is None:
                problems.append(f"{claims} row {line}: unknown source {row['source_id']!r}")
                continue
            start, end, at = int(row["quote_start"]), int(row["quote_end"]), int(row["figure_start"])
            if text[start:end] != row["quote"]:
                problems.append(f"{claims} row {line}: claim {row['claim_id']}: the quote is not at {start}-{end} of its source")
            if text[at:at + len(row["figure"])] != row["figure"]:
                problems.append(f"{claims} row {line}: claim {row['claim_id']}: the figure {row['figure']!r} is not at {at}")
    return problems
