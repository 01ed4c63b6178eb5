"""Articles that state no publication date still date their figures."""

from datetime import date

from etl.extract import extract_claims
from etl.parse.article import Article, ArticleMeta


def claims(text):
    article = Article(
        source_id="t", file_name="t.txt", sha256="", text=text,
        meta=ArticleMeta(published=None), body=[(0, len(text))],
    )
    return extract_claims(article)


def test_day_without_year_takes_latest_year_mentioned():
    text = ("Talks in Geneva in March 2024 led nowhere. "
            "The handover concluded on April 9, with 312 bodies returned to Ukraine.")
    (c,) = claims(text)
    assert c.as_of == date(2024, 4, 9)


def test_undated_article_with_no_year_leaves_the_day_open():
    (c,) = claims("The handover concluded on April 9, with 312 bodies returned to Ukraine.")
    assert c.as_of is None
