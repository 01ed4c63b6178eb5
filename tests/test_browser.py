"""The site as a person sees it: a real `datasette serve` and Debian's chromium, headless.

Screenshots of each page are saved into build/screenshots/; `make screenshots`
saves them into docs/screenshots/, shown in the README.
"""

import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from .server import datasette_server

ROOT = Path(__file__).resolve().parent.parent
# Screenshots go to build/screenshots; `make screenshots` refreshes the README's copies.
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "build" / "screenshots"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FINAL_STAGE = "2025-06-16-repatriation-final-stage"


def chromium_path():
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def server(built):
    paths, _ = built
    with datasette_server(paths.database, paths.metadata) as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (`make browser` installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (`make venv`)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    opened = context.new_page()
    yield opened
    context.close()


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    return page


def claim_id(built, value):
    import sqlite3

    paths, _ = built
    with sqlite3.connect(paths.database) as db:
        return db.execute("select claim_id from claims where value = ? order by claim_id limit 1", (value,)).fetchone()[0]


def test_home_page(page, server, built):
    visit(page, server + "/")
    assert page.locator("h1").first.inner_text() == "Exchange Ledger"
    stats = page.locator(".ledger-stats").inner_text()
    for word in ("sources", "claims", "events"):
        assert re.search(rf"\d+\s+{word}", stats), stats
    assert "Data as of" in page.locator(".freshness").inner_text()
    assert page.get_by_role("link", name="Everything in one zip").is_visible()
    assert page.get_by_role("link", name=re.compile("Figures in conflict")).first.is_visible()
    shoot(page, "home")


def test_claim_page_highlights_the_quote_in_its_paragraph(page, server, built):
    visit(page, f"{server}/ledger/claims/{claim_id(built, 1248)}")
    quote = page.locator("mark.quote")
    assert quote.is_visible()
    assert "1,248" in quote.inner_text()
    assert quote.locator("strong.figure").inner_text() == "1,248"
    excerpt = page.locator(".source-excerpt blockquote").inner_text()
    assert len(excerpt) > len(quote.inner_text())  # the quote sits inside its paragraph
    assert page.locator("a.claimant").is_visible() and page.locator("a.event").is_visible()
    assert page.locator("a.source").is_visible()
    assert "1,245" in page.locator(".siblings").inner_text()  # the other figure for the same handover
    shoot(page, "claim")
    page.locator("a.event").click()
    assert "/ledger/events/" + FINAL_STAGE in page.url


def test_source_page_highlights_every_figure(page, server, built):
    visit(page, f"{server}/ledger/claims/{claim_id(built, 1245)}")
    page.locator("a.source").click()
    assert "/ledger/sources/" in page.url
    figures = page.locator(".source-text mark.figure")
    assert figures.count() >= 2
    texts = figures.all_inner_texts()
    assert "1,245" in texts
    shoot(page, "source")
    page.locator(".source-text a.figure-link", has_text="1,245").first.click()
    assert "/ledger/claims/" in page.url


def test_figures_in_conflict_shows_both_figures(page, server):
    visit(page, server + "/ledger/figures_in_conflict")
    table = page.locator("table.rows-and-columns")
    assert table.is_visible()
    text = table.inner_text()
    assert "1,245" in text and "1,248" in text
    assert page.locator("td mark", has_text="1,248").first.is_visible()
    shoot(page, "figures-in-conflict")
    page.locator("td.col-claim_b a").first.click()
    assert "/ledger/claims/" in page.url
    assert page.locator("mark.quote").is_visible()


def test_query_form_works_from_the_page(page, server):
    visit(page, server + "/ledger/event_claims")
    page.locator("input[name=event_id]").fill(FINAL_STAGE)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    assert FINAL_STAGE in page.url
    assert "1,245" in page.locator("table.rows-and-columns").inner_text()


def test_charts_page(page, server):
    visit(page, server + "/-/charts")
    timeline = page.locator("#timeline svg")
    assert timeline.is_visible()
    box = timeline.bounding_box()
    assert box["width"] > 600 and box["height"] > 200
    assert page.locator("#timeline svg .range.conflict").count() >= 1
    assert "1,248" in timeline.text_content()
    bodies = page.locator("#returned-bodies svg")
    assert bodies.is_visible()
    assert bodies.locator("polyline.series").count() >= 1
    shoot(page, "charts")


def test_data_package_downloads(server):
    with urllib.request.urlopen(server + "/download/exchange-ledger-data.zip") as response:
        assert response.headers["content-type"] == "application/zip"
        assert response.read(2) == b"PK"
