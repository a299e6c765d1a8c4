"""End to end in real headless Chromium (Debian's ``chromium``, driven by Playwright; nothing downloaded).

Ingests the seed article through the default pipeline (layers the pipeline does not fill yet are
completed by hand, see tests/store/samples.py), serves the app on 127.0.0.1, searches "الموصل", opens the
article and checks the highlights; then checks that markup inside an article shows as text and never runs.
Screenshots go to a temporary folder, or to ``$KHABAR_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.store import ingest, list_entities, open_store

CHROMIUM = Path(os.environ.get("KHABAR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 20_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn (the api extra) is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser_archive(tmp_path_factory: pytest.TempPathFactory, sample_builders) -> Path:  # type: ignore[no-untyped-def]
    from khabar.pipeline import default_pipeline

    samples = sample_builders
    seed = samples.annotate_seed(samples.seed_document(default_pipeline()))
    path = tmp_path_factory.mktemp("web") / "khabar.db"
    with open_store(path, create=True) as store:
        ingest(store, [seed, samples.hamza_document(), samples.script_document()])
    return path


@pytest.fixture(scope="module")
def server(browser_archive: Path) -> Iterator[str]:
    from khabar.interfaces.api import ApiSettings, create_app

    port = _free_port()
    config = uvicorn.Config(create_app(ApiSettings(db=browser_archive)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="ar")
        tab = context.new_page()
        tab.set_default_timeout(TIMEOUT_MS)
        tab.errors = []  # type: ignore[attr-defined]
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))  # type: ignore[attr-defined]
        yield tab
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("KHABAR_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(page, url: str, ready: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector(f"body[data-ready='{ready}']")


def test_search_open_the_article_and_see_the_highlights(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/", "search")
    page.fill("#q", "الموصل")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit mark")
    seed_hit = page.locator(".hit", has=page.locator("a[href^='#/doc/seed']"))
    assert "الموصل" in seed_hit.locator("mark").all_inner_texts()
    page.screenshot(path=str(shots / "search.png"), full_page=True)

    seed_hit.locator("a.hit-title").click()
    page.wait_for_selector("article.doc .article-text")
    page.wait_for_selector("body[data-ready='doc']")
    article = page.locator("article.doc .article-text")
    people = article.locator(".ent-PER").all_inner_texts()
    assert any("لو دريان" in text for text in people)
    assert any("الموصل" in text for text in article.locator(".ent-LOC").all_inner_texts())
    speakers = article.locator(".quote .speaker").all_inner_texts()
    assert any("لو دريان" in s for s in speakers) and any("كارتر" in s for s in speakers)
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.errors == []


def test_a_person_page_shows_quotes_over_time(page, server: str, browser_archive: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(browser_archive, readonly=True) as store:
        person = list_entities(store, "PER", "لو دريان")[1][0]
    _open(page, f"{server}/#/entity/{person.id}", "entity")
    assert "لو دريان" in page.inner_text("h1")
    assert page.locator(".day .quote-item").count() >= 2
    assert page.locator("svg.timeline rect").count() >= 2
    page.screenshot(path=str(shots / "person.png"), full_page=True)


def test_events_beside_the_article_and_on_an_actors_page(page, server: str, browser_archive: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/doc/seed", "doc")
    events = page.locator("aside .events .event")
    assert events.count() >= 10
    assert any("غارات" in t for t in events.all_inner_texts())
    page.screenshot(path=str(shots / "article-events.png"), full_page=True)
    with open_store(browser_archive, readonly=True) as store:
        actor = store.connection.execute(
            "SELECT actor FROM events WHERE actor IS NOT NULL GROUP BY actor ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        target = store.connection.execute(
            "SELECT target FROM events WHERE target IS NOT NULL GROUP BY target ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    _open(page, f"{server}/#/entity/{actor}", "entity")
    page.wait_for_selector(".entity-events .did .event")
    assert page.locator(".entity-events .did .event .event-context").count() >= 1
    page.screenshot(path=str(shots / "actor-events.png"), full_page=True)
    _open(page, f"{server}/#/entity/{target}", "entity")
    page.wait_for_selector(".entity-events .done-to .event")
    assert page.errors == []


def test_the_map_draws_places_offline(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/map", "map")
    page.wait_for_selector("svg.map circle.pin")
    assert page.locator("svg.map circle.pin").count() >= 4
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    page.locator("ul.chips a").first.click()
    page.wait_for_selector("body[data-ready='place']")
    assert page.locator("svg.map circle.pin-focus").count() == 1


def test_markup_in_an_article_shows_as_text_and_never_runs(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/search?q=" + "مستقر", "search")
    _open(page, server + "/#/doc/xss", "doc")
    text = page.inner_text("article.doc .article-text")
    assert "<script>window.__xss = 1</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert "<b>عنوان</b>" in page.inner_text("article.doc h1")
    assert page.evaluate("window.__xss") is None
    assert page.locator("article.doc script, article.doc img, article.doc b").count() == 0
    page.screenshot(path=str(shots / "xss.png"), full_page=True)


def test_the_offline_api_docs_render(page, server: str) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/docs", "docs")
    assert page.locator(".endpoint").count() >= 7


def test_chromium_is_found_where_the_ci_installs_it() -> None:
    assert shutil.which("chromium") or CHROMIUM.is_file()


def test_a_malformed_fragment_shows_an_arabic_error_not_a_hang(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 22: "#/doc/%E0%A4%A" threw an uncaught URIError and left "جارٍ التحميل…" for ever."""
    page.errors.clear()
    _open(page, server + "/#/doc/%E0%A4%A", "error")
    shown = page.inner_text("#view .error")
    assert "الرابط غير صالح" in shown and "URIError" not in shown
    assert page.errors == []
    page.screenshot(path=str(shots / "bad-link.png"), full_page=True)


def test_an_api_error_reads_in_arabic(page, server: str) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/entity/9223372036854775808", "entity")
    box = page.locator("#view .error")
    assert "في الطلب قيمة غير صالحة" in box.locator("span").inner_text()
    assert "9223372036854775807" in box.locator("details code").text_content()  # the server's words, folded away
    _open(page, server + "/#/doc/no-such-document", "doc")
    assert "لم يُعثر على ما طلبته" in page.inner_text("#view .error span")
