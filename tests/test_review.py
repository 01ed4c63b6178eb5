"""The review round trip: an article in, read by machine, drafted, corrected, rebuilt."""

import shutil
import sqlite3

import pytest

from etl.build import build
from etl.draft import draft_source
from etl.errors import BuildError

from .conftest import ROOT

NEW = "t03_reuters_wire"


def claims(paths, source_id):
    db = sqlite3.connect(paths.database)
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute("select * from claims where source_id = ? order by claim_id", [source_id])]


def reviewed(paths, source_id):
    db = sqlite3.connect(paths.database)
    return db.execute("select reviewed from sources where source_id = ?", [source_id]).fetchone()[0]


@pytest.fixture
def with_new_article(inputs):
    shutil.copy(ROOT / "tests" / "corpus" / "articles" / f"{NEW}.txt", inputs.articles)
    return inputs


def test_a_new_article_appears_after_one_build_read_by_machine(with_new_article):
    build(with_new_article)
    found = claims(with_new_article, NEW)
    assert found and {c["method"] for c in found} == {"machine"}
    assert reviewed(with_new_article, NEW) == 0


def test_a_draft_rebuilds_into_the_same_claims_now_curated(with_new_article):
    build(with_new_article)
    machine = claims(with_new_article, NEW)
    draft = draft_source(NEW, with_new_article)
    assert draft == with_new_article.curation / "sources" / f"{NEW}.yml"
    build(with_new_article)
    curated = claims(with_new_article, NEW)
    assert reviewed(with_new_article, NEW) == 1
    assert {c["method"] for c in curated} == {"curated"}
    keys = ("claim_id", "value", "qualifier", "subject", "side", "recipient", "measure", "claimant_id", "as_of", "event_id", "quote_start", "quote_end")
    assert [{k: c[k] for k in keys} for c in curated] == [{k: c[k] for k in keys} for c in machine]


def test_a_correction_in_the_draft_wins_over_the_machine(with_new_article):
    build(with_new_article)
    draft = draft_source(NEW, with_new_article)
    text = draft.read_text(encoding="utf-8")
    corrected = text.replace("qualifier: exact", "qualifier: about", 1)
    assert corrected != text
    draft.write_text(corrected, encoding="utf-8")
    build(with_new_article)
    assert "about" in {c["qualifier"] for c in claims(with_new_article, NEW)}


def test_a_draft_never_overwrites_a_review_unless_asked(with_new_article):
    build(with_new_article)
    draft_source(NEW, with_new_article)
    with pytest.raises(BuildError, match="already reviewed"):
        draft_source(NEW, with_new_article)
    draft_source(NEW, with_new_article, overwrite=True)
