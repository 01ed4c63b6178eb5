"""The site's pages, rendered through Datasette without a browser."""

import asyncio
import io
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(built):
    paths, _ = built
    metadata = yaml.safe_load(paths.metadata.read_text())
    return Datasette(
        [str(paths.database)],
        immutables=[],
        metadata=metadata,
        template_dir=str(ROOT / "templates"),
        plugins_dir=str(ROOT / "plugins"),
        static_mounts=[("static", str(ROOT / "static"))],
        settings={"default_cache_ttl": 3600, "suggest_facets": False},
    )


@pytest.fixture(scope="module")
def db(built):
    paths, _ = built
    connection = sqlite3.connect(paths.database)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def get(site, path):
    response = asyncio.run(site.client.get(path))
    assert response.status_code == 200, (path, response.text[:1000])
    return response


def claim_with_value(db, value):
    return db.execute("select * from claims where value = ? order by claim_id limit 1", (value,)).fetchone()


def test_home_page_says_what_this_is_and_how_much(site, db):
    html = get(site, "/").text
    assert "Who claimed what" in html
    for table in ("sources", "claims", "events"):
        count = db.execute(f"select count(*) from {table}").fetchone()[0]
        assert re.search(rf'<span class="n">{count:,}</span> {table}', html), table
    latest = db.execute("select max(published) from sources").fetchone()[0]
    assert f'datetime="{latest}"' in html
    assert "/download/exchange-ledger-data.zip" in html and "/download/datapackage.json" in html
    assert "/ledger/figures_in_conflict" in html and "/-/charts" in html
    assert "Cite" in html and "CC BY 4.0" in html


def test_claim_page_marks_the_quote_and_its_figure_in_its_paragraph(site, db):
    claim = claim_with_value(db, 1248)
    html = get(site, f"/ledger/claims/{claim['claim_id']}").text
    marked = re.search(r'<mark class="quote">(.*?)</mark>', html, re.S)
    assert marked, "the quote is not highlighted"
    assert f'<strong class="figure">{claim["figure"]}</strong>' in marked.group(1)
    assert f'/ledger/actors/{claim["claimant_id"]}"' in html
    assert f'/ledger/sources/{claim["source_id"]}"' in html
    assert f'/ledger/events/{claim["event_id"]}"' in html
    # the other figure for the same handover is shown beside it
    other = claim_with_value(db, 1245)
    assert f'/ledger/claims/{other["claim_id"]}"' in html


def test_source_page_marks_and_links_every_figure(site, db):
    source_id = claim_with_value(db, 1245)["source_id"]
    html = get(site, f"/ledger/sources/{source_id}").text
    claims = db.execute("select claim_id, figure from claims where source_id = ?", (source_id,)).fetchall()
    for claim in claims:
        assert f'href="/ledger/claims/{claim["claim_id"]}"' in html
    assert len(re.findall(r'<mark id="figure-[^"]+" class="figure">', html)) >= len({c["figure"] for c in claims}) - 1


def test_text_is_escaped():
    import importlib.util

    spec = importlib.util.spec_from_file_location("evidence", ROOT / "plugins" / "evidence.py")
    evidence = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evidence)
    text = "<b>Intro</b>\n\nThey said <script>x</script> 12 & more.\n\nEnd"
    start = text.index("They")
    claim = {"quote_start": start, "quote_end": text.index(".", start) + 1, "figure": "12", "figure_start": text.index("12")}
    html = str(evidence.quote_in_paragraph(text, claim))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "Intro" not in html and "End" not in html
    assert '<strong class="figure">12</strong>' in html


def test_figures_in_conflict_links_to_claims_and_marks_figures(site, db):
    html = get(site, "/ledger/figures_in_conflict").text
    assert "1,245" in html and "1,248" in html
    claim = claim_with_value(db, 1248)
    assert f'href="/ledger/claims/{claim["claim_id"]}"' in html
    assert "<mark>1,248</mark>" in html


def test_parameter_query_offers_choices_and_runs(site, db):
    html = get(site, "/ledger/event_claims").text
    assert "?event_id=2025-06-16-repatriation-final-stage" in html
    html = get(site, "/ledger/event_claims?event_id=2025-06-16-repatriation-final-stage").text
    assert "1,245" in html and "/ledger/claims/" in html


def test_charts_page_draws_timeline_and_returns(site):
    html = get(site, "/-/charts").text
    assert html.count("<svg") >= 2
    assert "2025-06-16" in html
    assert "1,245" in html and "1,248" in html
    assert 'class="range conflict"' in html
    assert "Bodies returned to each side over time" in html


def test_downloads_serve_the_package_and_one_zip(site, built):
    paths, _ = built
    package = get(site, "/download/datapackage.json")
    assert package.content == paths.package.read_bytes()
    assert "max-age=3600" in package.headers["cache-control"]
    claims = get(site, "/download/data/claims.csv")
    assert claims.content == (paths.data / "claims.csv").read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(get(site, "/download/exchange-ledger-data.zip").content))
    names = archive.namelist()
    assert "exchange-ledger/datapackage.json" in names and "exchange-ledger/data/claims.csv" in names
    again = get(site, "/download/exchange-ledger-data.zip").content
    assert again == get(site, "/download/exchange-ledger-data.zip").content
    assert asyncio.run(site.client.get("/download/data/../../etc/passwd.csv")).status_code == 404


def test_served_immutable_the_home_page_takes_counts_from_the_inspect_file(built, db):
    """With `make serve`'s -i and --inspect-file, no table is counted per visit: the counts are the inspect file's."""
    paths, _ = built
    counts = {name: db.execute(f"select count(*) from [{name}]").fetchone()[0] for name in ("sources", "claims", "events", "actors", "conflicts")}
    inspected = {name: {"count": n + 1000} for name, n in counts.items()}
    site = Datasette(
        immutables=[str(paths.database)],
        inspect_data={"ledger": {"hash": "x", "file": str(paths.database), "size": 1, "tables": inspected}},
        metadata=yaml.safe_load(paths.metadata.read_text()),
        template_dir=str(ROOT / "templates"),
        plugins_dir=str(ROOT / "plugins"),
        static_mounts=[("static", str(ROOT / "static"))],
    )
    html = get(site, "/").text
    for name, n in counts.items():
        label = "figures in conflict" if name == "conflicts" else name
        assert re.search(rf'<span class="n">{n + 1000:,}</span> {label}', html), name
    # Kept while immutable, the lists of choices and the charts are the same on a second visit.
    def choices(path):
        return re.search(r'<details class="choices".*?</details>', get(site, path).text, re.S).group(0)

    for path in ("/ledger/actor_claims", "/ledger/event_claims"):
        assert choices(path) == choices(path)
    assert get(site, "/-/charts").text == get(site, "/-/charts").text
    assert "vladimir-medinsky" in get(site, "/ledger/actor_claims").text


def _plugin(name):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"ledger_{name}", ROOT / "plugins" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_canned_queries_are_served_a_page_at_a_time():
    from etl.serve.queries import PAGE_SIZE, QUERIES

    connection = sqlite3.connect(":memory:")
    connection.execute("create table t (n integer)")
    connection.executemany("insert into t values (?)", [(i,) for i in range(PAGE_SIZE * 2 + 5)])
    sql = "select n from t order by n\nlimit" + QUERIES[0].served_sql.rsplit("\nlimit", 1)[1]

    def page(value):
        return [n for (n,) in connection.execute(sql, {"page": value})]

    assert page("") == page("1") == page("0") == page("x") == list(range(PAGE_SIZE))
    assert page("2") == list(range(PAGE_SIZE, 2 * PAGE_SIZE))
    assert page("3") == [2 * PAGE_SIZE + i for i in range(5)]
    assert page("4") == []
    for query in QUERIES:
        assert query.served_sql.startswith(query.sql.strip()) and ":page" in query.served_sql


def test_canned_query_page_links_to_the_next_and_previous(site):
    first = get(site, "/ledger/event_ledger").text
    assert "on page 1, 100 rows a page" in first and 'rel="prev"' not in first
    second = get(site, "/ledger/event_ledger?page=2").text
    assert "on page 2" in second and 'rel="prev" href="/ledger/event_ledger"' in second
    chosen = get(site, "/ledger/event_claims?event_id=2025-06-16-repatriation-final-stage&page=2").text
    assert 'href="/ledger/event_claims?event_id=2025-06-16-repatriation-final-stage"' in chosen


def test_served_immutable_pages_and_slow_answers_are_kept(built):
    paths, _ = built
    site = Datasette(
        immutables=[str(paths.database)],
        metadata=yaml.safe_load(paths.metadata.read_text()),
        template_dir=str(ROOT / "templates"),
        plugins_dir=str(ROOT / "plugins"),
        static_mounts=[("static", str(ROOT / "static"))],
    )
    first = get(site, "/ledger/figures_in_conflict").text
    assert get(site, "/ledger/figures_in_conflict").text == first
    assert site.page_cache.hits >= 1
    hits = site.page_cache.hits
    with_cookie = asyncio.run(site.client.get("/ledger/figures_in_conflict", cookies={"ds_actor": "x"}))
    assert with_cookie.status_code == 200 and site.page_cache.hits == hits  # never served from the cache
    assert asyncio.run(site.client.get("/ledger/no_such_table")).status_code == 404
    assert asyncio.run(site.client.get("/ledger/no_such_table")).status_code == 404
    assert site.page_cache.hits == hits  # nor is an error page kept
    assert hasattr(site.get_database("ledger"), "sql_cache")


def test_the_sql_cache_runs_a_slow_statement_once_and_keeps_no_failure():
    sql_cache = _plugin("sql_cache")
    calls = []

    class Results:
        def __init__(self, rows):
            self.rows = rows

    async def execute(sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True):
        calls.append(sql)
        await asyncio.sleep(0.02)
        if sql == "fails":
            raise ValueError(sql)
        return Results([1, 2, 3])

    cache = sql_cache.SqlCache(execute)

    async def scenario():
        together = await asyncio.gather(*(cache.execute("slow", {"a": 1}) for _ in range(5)))
        again = await cache.execute("slow", {"a": 1})
        other = await cache.execute("slow", {"a": 2})
        magic = [await cache.execute("select :_actor_id", {}) for _ in range(2)]
        failures = 0
        for _ in range(2):
            try:
                await cache.execute("fails")
            except ValueError:
                failures += 1
        return together, again, other, magic, failures

    together, again, other, magic, failures = asyncio.run(scenario())
    assert all(r is together[0] for r in together) and again is together[0] and other is not again
    assert calls.count("slow") == 2 and calls.count("select :_actor_id") == 2
    assert failures == 2 and calls.count("fails") == 2


def test_the_home_page_is_the_same_as_datasettes_own_index_would_render(site):
    html = get(site, "/").text
    assert 'rel="alternate" type="application/json+datasette"' in html
    assert "Datasette v0" in html and 'id="download"' in html
