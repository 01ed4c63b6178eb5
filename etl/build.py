"""The whole build: articles → parse → extract → resolve → load → package → serve."""

import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError
from .extract import extract_claims
from .load.database import write_database
from .package.datapackage import write_package
from .parse import read_article
from .parse.errors import ArticleError
from .resolve import resolve
from .resolve.curation import read_curation
from .serve.metadata import write_metadata

log = logging.getLogger("etl")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class Paths:
    """Where the build reads its inputs and writes its outputs."""

    articles: Path = Path("articles")
    curation: Path = Path("curation")
    database: Path = Path("build/ledger.db")
    data: Path = Path("data")
    package: Path = Path("datapackage.json")
    metadata: Path = Path("metadata.yml")


@dataclass
class Report:
    """What a build did, for the command line to print."""

    rows: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)  # (file name, reason)

    def counts(self):
        return {name: len(rows) for name, rows in self.rows.items()}


def article_files(folder):
    """The article files in a folder, in a stable order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BuildError(folder, None, "articles folder not found")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))


def read_one(path, curated_ids=frozenset()):
    """Parse one article and, unless it is reviewed, read its claims.

    Returns (article, readings, skip reason); runs in worker processes.
    """
    try:
        article = read_article(path)
    except ArticleError as error:
        return None, None, str(error)
    readings = None if article.source_id in curated_ids else extract_claims(article)
    return article, readings, None


def read_articles(files, curated_ids=frozenset(), workers=1, progress=None):
    """Parse and extract every file, in parallel when workers > 1, in file order."""
    progress = progress or (lambda items, **_: items)
    if workers > 1 and len(files) > 50:
        with ProcessPoolExecutor(workers) as pool:
            chunk = max(1, len(files) // (workers * 8))
            results = pool.map(read_one, files, [curated_ids] * len(files), chunksize=chunk)
            yield from progress(results, length=len(files), label="Reading articles")
    else:
        for path in progress(files, length=len(files), label="Reading articles"):
            yield read_one(path, curated_ids)


def gather(paths, use_curation=True, workers=1, progress=None):
    """Read and resolve everything, writing nothing: {table: rows} and a Report."""
    curation = read_curation(paths.curation, sources=use_curation)
    report = Report()
    articles, readings, hashes = [], {}, {}
    files = article_files(paths.articles)
    for article, found, problem in read_articles(files, frozenset(curation.sources), workers, progress):
        if problem:
            report.skipped.append(problem)
            continue
        if article.sha256 in hashes:
            report.skipped.append(f"{article.file_name}: the same text as {hashes[article.sha256]}; skipped")
            continue
        hashes[article.sha256] = article.file_name
        articles.append(article)
        if found is not None:
            readings[article.source_id] = found
    for problem in report.skipped:
        log.warning("skipped %s", problem)
    report.rows = resolve(articles, readings, curation)
    return report


def build(paths=None, use_curation=True, workers=1, progress=None, package=True):
    """Run the whole build and write the database, the data package and metadata.yml.

    Every output is written to a temporary file and moved into place once
    complete: a build that fails leaves the previous outputs as they were.
    """
    paths = paths or Paths()
    report = gather(paths, use_curation, workers, progress)
    write_database(paths.database, report.rows)
    if package:
        write_package(report.rows, paths.data, paths.package)
        write_metadata(paths.metadata)
    return report
