"""`python -m etl verify` trusts a package only while it matches its articles."""

import csv
import io

from etl.build import build
from etl.package.verify import verify


def test_a_fresh_build_verifies(built):
    paths, _ = built
    assert verify(paths.data, paths.articles) == []


def test_a_changed_article_is_caught(inputs):
    build(inputs)
    article = sorted(inputs.articles.iterdir())[0]
    article.write_bytes(article.read_bytes() + b"\nAn edit after the build.\n")
    problems = verify(inputs.data, inputs.articles)
    assert len(problems) == 1
    assert "sources.csv row 1" in problems[0] and article.name in problems[0] and "changed" in problems[0]


def test_a_shifted_quote_is_caught(inputs):
    build(inputs)
    claims = inputs.data / "claims.csv"
    rows = list(csv.reader(io.StringIO(claims.read_text(encoding="utf-8"))))
    names = rows[0]
    # Shift the second claim's quote_start by one: the slice no longer matches.
    rows[2][names.index("quote_start")] = str(int(rows[2][names.index("quote_start")]) + 1)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    claims.write_text(out.getvalue(), encoding="utf-8")
    problems = verify(inputs.data, inputs.articles)
    assert problems and "claims.csv" in problems[0] and "quote is not at" in problems[0]
