"""The dashboard in real headless Chromium (Debian's ``chromium``, driven by Playwright):
matrix -> evidence -> document -> search, and hostile articles that must stay inert.

Skipped when chromium is missing, except in CI (``CI`` set), where that is a failure."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_fixtures import demo_db, hostile_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the Debian chromium package",
                    pytrace=False)
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def _serve(db: Path) -> Iterator[str]:
    """A real uvicorn server over ``db`` on a free localhost port, in a thread."""
    import uvicorn

    from stancemap.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(demo_db(tmp_path_factory))


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(hostile_db(tmp_path_factory))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Playwright gives each launch a fresh, temporary profile."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, errors


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_matrix_cell_evidence_document_and_search(demo_server: str, page: Page) -> None:
    page.goto(demo_server + "/")
    rows = page.locator("table.matrix tbody tr th")
    for n, name in enumerate(("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan",
                              "Turkmenistan")):  # the watch list comes first
        expect(rows.nth(n)).to_have_text(name)
    shot(page, "01-matrix")

    cell = page.locator("a.cell[href*='actor=KAZ&'][href*='issue=recognize-annexation-2022']")
    expect(cell).to_contain_text("oppose")
    cell.click()
    evidence = page.locator("#evidence .ev mark.sent",
                            has_text="has not recognised the regions of Ukraine")
    expect(evidence).to_be_visible()
    assert page.url.rstrip("/") == demo_server  # opened in the panel, not a new page
    shot(page, "02-evidence")

    card = page.locator("#evidence .ev").filter(
        has_text="has not recognised the regions of Ukraine").first
    card.locator("a.doclink").click()
    page.wait_for_url("**/document/*#s-*")
    target = page.url.split("#s-")[1]
    pieces = page.locator(f".hl-s.flash[data-statements~='{target}']")
    expect(pieces.first).to_be_visible()  # the statement linked to is highlighted
    assert "has not recognised the regions of Ukraine" in "".join(pieces.all_inner_texts())
    expect(page.locator(".doctext a.hl-m").first).to_be_visible()
    shot(page, "03-document")

    page.fill("header input[name=q]", "referendums")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=referendums")
    expect(page.locator("#statement-results .hit mark").first).to_be_visible()
    expect(page.locator("#document-results .hit").first).to_be_visible()
    shot(page, "04-search")


def test_timeline_discrepancies_events_actor_pages(demo_server: str, page: Page) -> None:
    page.goto(demo_server + "/timeline?actor=KAZ&issue=crimea-annexation")
    dated = page.locator("ol.entries li .date").all_inner_texts()
    assert len(dated) >= 2
    expect(page.locator("svg.timeline circle.mark")).to_have_count(
        len([d for d in dated if d != "undated"]))
    shot(page, "05-timeline")
    page.goto(demo_server + "/actor/KAZ")
    expect(page.locator("h1")).to_have_text("Kazakhstan")
    expect(page.locator("ul.aliases")).to_contain_text("Qazaqstan")
    shot(page, "06-actor")
    for path, heading in (("/discrepancies", "Discrepancies"), ("/events", "Events")):
        page.goto(demo_server + path)
        expect(page.locator("h1")).to_have_text(heading)
        shot(page, f"07-{heading.lower()}")


def test_narrow_screen(demo_server: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_server + "/")
    page.locator("a.cell").first.click()
    expect(page.locator("#evidence .ev").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 2  # the matrix scrolls inside its box, the page does not
    shot(page, "08-narrow")
    context.close()


def test_hostile_article_stays_inert(hostile_server: str, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_server + "/documents")
    page.locator("a", has_text="Hostile").click()
    page.wait_for_url("**/document/*")
    text = page.locator(".doctext").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert '<a href="javascript:window.__pwned=1">click me</a>' in text
    expect(page.locator("h1")).to_contain_text("Hostile <script>window.__pwned=1</script>")
    assert page.locator(".doctext script, .doctext img, main img").count() == 0
    shot(page, "09-hostile-document")
    for path in ("/", "/search?q=pwned", "/actor/TJK", "/actor/KAZ",
                 "/evidence?actor=KAZ&issue=recognize-annexation-2022",
                 "/timeline?actor=KAZ&issue=recognize-annexation-2022"):
        page.goto(hostile_server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("a[href^='javascript' i]").count() == 0, path
    page.goto(hostile_server + "/")
    expect(page.locator("table.matrix")).to_contain_text("Tajikistan <script>")
    page.locator("a.cell[href*='actor=KAZ&']").first.click()
    expect(page.locator("#evidence .ev").first).to_be_visible()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "10-hostile-matrix")
    assert not dialogs
