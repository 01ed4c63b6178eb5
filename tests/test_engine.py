"""The Dask engine runs the same per-article code and gives the same dataset as local processes."""

from bench.corpus import write_corpus
from etl.build import build, read_with_dask
from tests.conftest import ROOT, paths_in, published_files


def _paths(root, articles):
    return paths_in(root, articles, ROOT / "curation")


def test_dask_and_processes_build_the_same_dataset(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60, seed=5)
    local = _paths(tmp_path / "local", corpus / "articles")
    on_dask = _paths(tmp_path / "dask", corpus / "articles")
    a = build(local, use_curation=False, workers=2, cache=False)
    b = build(on_dask, use_curation=False, workers=2, cache=False, engine="dask")
    assert a.rows == b.rows
    assert published_files(local) == published_files(on_dask)


def test_dask_keeps_file_order(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 7, seed=6)
    files = sorted((corpus / "articles").iterdir())
    results = read_with_dask(files, workers=1, partition=2)
    assert [read.article.file_name for read in results] == [p.name for p in files]
