"""The Dask engine runs the same per-article code and gives the same dataset as local processes."""

from bench.corpus import write_corpus
from etl.build import Paths, build, read_with_dask
from tests.conftest import ROOT


def _paths(root, articles):
    return Paths(
        articles=articles,
        curation=ROOT / "curation",
        database=root / "ledger.db",
        data=root / "data",
        package=root / "datapackage.json",
        metadata=root / "metadata.yml",
    )


def _outputs(paths):
    files = {p.name: p.read_bytes() for p in sorted(paths.data.iterdir())}
    files["datapackage.json"] = paths.package.read_bytes()
    return files


def test_dask_and_processes_build_the_same_dataset(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60, seed=5)
    local = _paths(tmp_path / "local", corpus / "articles")
    on_dask = _paths(tmp_path / "dask", corpus / "articles")
    a = build(local, use_curation=False, workers=2, cache=False)
    b = build(on_dask, use_curation=False, workers=2, cache=False, engine="dask")
    assert a.rows == b.rows
    assert _outputs(local) == _outputs(on_dask)


def test_dask_keeps_file_order(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 7, seed=6)
    files = sorted((corpus / "articles").iterdir())
    results = read_with_dask(files, workers=1, partition=2)
    assert [read.article.file_name for read in results] == [p.name for p in files]
