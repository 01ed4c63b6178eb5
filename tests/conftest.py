"""Shared fixtures: one full build of the repository's articles into a temporary folder."""

import shutil
from pathlib import Path

import pytest

from etl.build import Paths, build

ROOT = Path(__file__).resolve().parent.parent


def paths_in(target, articles, curation):
    """Build paths reading articles and curation, writing every output under target."""
    return Paths(
        articles=articles,
        curation=curation,
        database=target / "build" / "ledger.db",
        data=target / "data",
        package=target / "datapackage.json",
        metadata=target / "metadata.yml",
    )


def copy_inputs(target):
    """Copy the repository's articles and curation into target; return build paths there."""
    shutil.copytree(ROOT / "articles", target / "articles")
    shutil.copytree(ROOT / "curation", target / "curation")
    return paths_in(target, target / "articles", target / "curation")


def published_files(paths):
    """{file name: bytes} of what a build publishes: data/, datapackage.json and metadata.yml."""
    files = {p.name: p.read_bytes() for p in sorted(paths.data.iterdir())}
    files["datapackage.json"] = paths.package.read_bytes()
    files["metadata.yml"] = paths.metadata.read_bytes()
    return files


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The repository's dataset, built from scratch: (paths, report)."""
    paths = copy_inputs(tmp_path_factory.mktemp("built"))
    report = build(paths)
    return paths, report


@pytest.fixture
def inputs(tmp_path):
    """A private copy of the articles and curation, free to break."""
    return copy_inputs(tmp_path)
