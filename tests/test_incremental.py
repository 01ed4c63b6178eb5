"""Incremental builds: the reader cache re-reads only what changed, and changes nothing in the outputs."""

import shutil

from bench.corpus import write_corpus
from etl.build import build
from tests.conftest import ROOT, paths_in, published_files


def _paths(root, articles):
    return paths_in(root, articles, ROOT / "curation")


def test_only_new_and_changed_articles_are_read_again(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 12, seed=2)
    paths = _paths(tmp_path / "warm", corpus / "articles")

    first = build(paths, use_curation=False)
    assert (first.cache_hits, first.cache_misses) == (0, 12)

    again = build(paths, use_curation=False)
    assert (again.cache_hits, again.cache_misses) == (12, 0)

    write_corpus(corpus, 13, seed=2, start=12)  # one article added
    added = build(paths, use_curation=False)
    assert (added.cache_hits, added.cache_misses) == (12, 1)
    assert added.counts()["sources"] == 13

    changed = sorted((corpus / "articles").iterdir())[3]
    changed.write_bytes(changed.read_bytes().replace(b"\n\n", b"\n\nUpdated.\n\n", 1))
    edited = build(paths, use_curation=False)
    assert (edited.cache_hits, edited.cache_misses) == (12, 1)

    clean = _paths(tmp_path / "clean", corpus / "articles")
    fresh = build(clean, use_curation=False, cache=False)
    assert fresh.rows == edited.rows
    assert published_files(clean) == published_files(paths)


def test_the_cache_is_emptied_when_the_reader_changes(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4, seed=4)
    paths = _paths(tmp_path / "out", corpus / "articles")
    build(paths, use_curation=False)
    import etl.cache

    monkeypatch.setattr(etl.cache, "reader_version", lambda: "another-reader")
    report = build(paths, use_curation=False)
    assert (report.cache_hits, report.cache_misses) == (0, 4)
    assert [p.name for p in (paths.database.parent / "cache").glob("reader-*.sqlite")] == ["reader-another-reader.sqlite"]


def test_reviewed_sources_come_from_the_cache_without_machine_claims(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    paths = _paths(tmp_path / "out", articles)
    machine = build(paths, use_curation=False)  # caches every article's machine reading
    curated = build(paths)  # the reviewed sources must now take their curated claims
    assert curated.cache_hits == machine.cache_misses
    clean = build(_paths(tmp_path / "clean", articles), cache=False)
    assert curated.rows == clean.rows


def test_an_unreadable_cache_entry_is_read_again_from_the_file(tmp_path):
    import sqlite3

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 6, seed=3)
    paths = _paths(tmp_path / "warm", corpus / "articles")
    first = build(paths, use_curation=False)
    (cache_file,) = (paths.database.parent / "cache").glob("reader-*.sqlite")
    with sqlite3.connect(cache_file) as db:
        db.execute("UPDATE entries SET value = x'00' WHERE rowid = (SELECT min(rowid) FROM entries)")
    again = build(paths, use_curation=False)
    assert (again.cache_hits, again.cache_misses) == (5, 1)
    assert again.rows == first.rows
