"""The whole build: articles → parse → extract → resolve → load → package → serve."""

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from .errors import BuildError
from .extract import extract_claims
from .load.database import write_database
from .package.datapackage import write_package
from .parse import read_article
from .parse.errors import ArticleError
from .resolve import Resolver
from .resolve.curation import read_curation
from .resolve.reconcile.text import Fingerprint
from .serve.metadata import write_metadata

log = logging.getLogger("etl")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# The machine reader's rules are for English; None is an undecided guess.
READABLE_LANGUAGES = ("en", None)


@dataclass
class Paths:
    """Where the build reads its inputs and writes its outputs."""

    articles: Path = Path("articles")
    curation: Path = Path("curation")
    database: Path = Path("build/ledger.db")
    data: Path = Path("data")
    package: Path = Path("datapackage.json")
    metadata: Path = Path("metadata.yml")
    cache: Path | None = None  # the reader cache; None: build/cache beside the database


@dataclass
class Report:
    """What a build did, for the command line to print."""

    rows: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)  # why an article was left out, naming its file
    warnings: list = field(default_factory=list)  # articles taken in, but not wholly read
    timings: dict = field(default_factory=dict)  # stage: seconds
    cache_hits: int = 0  # articles whose reading came from the cache
    cache_misses: int = 0  # articles read afresh

    def counts(self):
        return {name: len(rows) for name, rows in self.rows.items()}


def article_files(folder):
    """The article files in a folder, in order of source id: the order the build resolves them in."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BuildError(folder, None, "articles folder not found")
    found = (p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))
    return sorted(found, key=lambda p: (p.stem, p.name))  # in order of source id (the name without its suffix)


class ArticleRead(NamedTuple):
    """What the per-article stage makes of one file."""

    article: object  # etl.parse.article.Article, or None if skipped
    readings: list | None  # the machine's ClaimReadings; None for a reviewed source
    problem: str | None  # why the file was skipped, naming it
    fingerprint: object = None  # its story's Fingerprint, for story families


def read_one(path, curated_ids=frozenset()):
    """Parse one article, fingerprint its story and, unless it is reviewed, read its claims.

    Returns an ArticleRead; runs in worker processes, and is the unit of work
    every engine (processes, Dask) runs.
    """
    try:
        article = read_article(path)
        readings = None if article.source_id in curated_ids else extract_claims(article)
        fingerprint = Fingerprint(article.text, article.body)
    except ArticleError as error:
        return ArticleRead(None, None, str(error))
    except Exception as error:  # a fault in the reader must not lose the other articles
        return ArticleRead(None, None, f"{path}: could not be read ({type(error).__name__}: {error}); please report it")
    return ArticleRead(article, readings, None, fingerprint)


_CURATED = frozenset()


def _init_worker(curated_ids):
    global _CURATED
    _CURATED = curated_ids


def _read_in_worker(path):
    return read_one(path, _CURATED)


def _chunk_size(count, workers):
    """Tasks handed to a worker at a time: a few dozen per worker, to balance without chatter."""
    return max(8, min(256, count // (workers * 16) or 1))


ENGINES = ("processes", "dask")
CACHE_BATCH = 500  # cached entries loaded at a time


def _read_many(files, curated_ids, workers, engine):
    """read_one over files, in file order, on the chosen engine."""
    if engine == "dask":
        yield from read_with_dask(files, curated_ids, workers)
    elif workers > 1 and len(files) > 50:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(curated_ids,)) as pool:
            yield from pool.map(_read_in_worker, files, chunksize=_chunk_size(len(files), workers))
    else:
        for path in files:
            yield read_one(path, curated_ids)


def read_with_dask(files, curated_ids=frozenset(), workers=1, partition=200):
    """read_one over files on a Dask bag, results in file order.

    Dask is imported here only, so the default build needs no engine. With no
    dask.distributed client the bag runs on Dask's local process scheduler;
    with one (create a Client before calling build(..., engine="dask")) the
    same bag runs on the cluster's workers, which need this package and the
    articles at the same paths.
    """
    try:
        import dask.bag as bag
    except ImportError as error:
        raise BuildError(None, None, "the dask engine needs dask (pinned in requirements.txt)") from error
    files = [str(path) for path in files]
    if not files:
        return []
    partitions = max(1, min(len(files), max(workers * 4, len(files) // partition)))
    work = bag.from_sequence(files, npartitions=partitions).map(read_one, curated_ids)
    try:
        from dask.distributed import default_client

        default_client()
        return work.compute()
    except (ImportError, ValueError):
        import dask

        with dask.config.set({"multiprocessing.context": "fork" if os.name == "posix" else "spawn"}):
            return work.compute(scheduler="processes" if workers > 1 else "synchronous", num_workers=workers)


def read_articles(files, curated_ids=frozenset(), workers=1, progress=None, cache=None, engine="processes"):
    """Parse and extract every file, in parallel when workers > 1, in file order.

    With a cache (etl.cache.ReaderCache), a file whose name and bytes the
    cache knows is not read again; only the others go to the engine.
    """
    progress = progress or (lambda items, **_: items)
    if engine not in ENGINES:
        raise BuildError(None, None, f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if cache is None:
        yield from progress(_read_many(files, curated_ids, workers, engine), length=len(files), label="Reading articles")
        return
    from .cache import file_key

    keys = [file_key(path) for path in files]
    present = cache.keys_present(keys)
    fresh = _read_many([path for path, key in zip(files, keys) if key not in present], curated_ids, workers, engine)
    # Cached entries are loaded a few hundred at a time, in file order, not all at once.
    ahead = iter([key for key in keys if key in present])
    known = {}
    for path, key in progress(list(zip(files, keys)), length=len(files), label="Reading articles"):
        if key in present:
            if key not in known:
                known = cache.get_many([key, *islice(ahead, CACHE_BATCH)])
            entry = known.pop(key, None)
            if entry is None:  # unreadable after all: read the file again, here
                read = read_one(path, curated_ids)
                cache.misses += 1
                if read.problem is None:
                    cache.put(key, read.article, read.readings, read.fingerprint)
                yield read
                continue
            article, readings, fingerprint = entry
            cache.hits += 1
            if article is not None and article.source_id in curated_ids:
                readings = None
            elif article is not None and readings is None:
                readings = extract_claims(article)
                cache.put(key, article, readings, fingerprint)
            yield ArticleRead(article, readings, None, fingerprint)
        else:
            read = next(fresh)
            cache.misses += 1
            if read.problem is None:
                cache.put(key, read.article, read.readings, read.fingerprint)
            yield read
    cache.flush()


def gather(paths, use_curation=True, workers=1, progress=None, cache=None, engine="processes", timings=None):
    """Read and resolve everything, writing nothing: {table: rows} and a Report."""
    timings = {} if timings is None else timings
    clock = time.perf_counter()
    curation = read_curation(paths.curation, sources=use_curation)
    report = Report(timings=timings)
    resolver, prints, hashes, names = Resolver(curation), {}, {}, {}
    resolving = 0.0  # seconds spent resolving, between reads
    files = article_files(paths.articles)
    for article, found, problem, fingerprint in read_articles(
        files, frozenset(curation.sources), workers, progress, cache, engine
    ):
        if problem:
            report.skipped.append(problem)
            continue
        if article.sha256 in hashes:
            report.skipped.append(f"{article.file_name}: the same text as {hashes[article.sha256]}; skipped")
            continue
        if article.source_id in names:
            report.skipped.append(
                f"{article.file_name}: the same name as {names[article.source_id]} (source id {article.source_id!r}); "
                "skipped: rename one of them"
            )
            continue
        hashes[article.sha256] = names[article.source_id] = article.file_name
        prints[article.source_id] = fingerprint
        if found is not None and article.meta.language not in READABLE_LANGUAGES:
            report.warnings.append(
                f"{article.file_name}: written in {article.meta.language!r}; the reader reads English only, "
                "so its figures need a person to curate them"
            )
            found = []
        started = time.perf_counter()
        resolver.add(article, found)
        resolving += time.perf_counter() - started
    for problem in report.skipped:
        log.warning("skipped %s", problem)
    for warning in report.warnings:
        log.warning("%s", warning)
    if cache is not None:
        report.cache_hits, report.cache_misses = cache.hits, cache.misses
    timings["read"] = time.perf_counter() - clock - resolving
    clock = time.perf_counter()
    report.rows = resolver.tables(prints)
    timings["resolve"] = resolving + time.perf_counter() - clock
    return report


def build(paths=None, use_curation=True, workers=1, progress=None, package=True, cache=True, engine="processes"):
    """Run the whole build and write the database, the data package and metadata.yml.

    Every output is written to a temporary file and moved into place once
    complete: a build that fails leaves the previous outputs as they were.
    With cache (the default), what parse and extract read from each article
    is kept in paths.cache (build/cache/ beside the database) and an article
    whose bytes and reader are unchanged is not read again. The Report
    carries the time each stage took (report.timings, in seconds).
    """
    paths = paths or Paths()
    timings = {}
    reader_cache = None
    if cache:
        from .cache import ReaderCache

        reader_cache = ReaderCache(paths.cache or paths.database.parent / "cache")
    try:
        report = gather(paths, use_curation, workers, progress, reader_cache, engine, timings)
    finally:
        if reader_cache is not None:
            reader_cache.close()
    clock = time.perf_counter()
    write_database(paths.database, report.rows)
    timings["load"] = time.perf_counter() - clock
    if package:
        clock = time.perf_counter()
        write_package(report.rows, paths.data, paths.package)
        write_metadata(paths.metadata)
        timings["package"] = time.perf_counter() - clock
    return report
