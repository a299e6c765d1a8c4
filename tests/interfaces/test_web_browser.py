"""End to end in real headless Chromium (Debian's ``chromium``, driven by Playwright; nothing downloaded).

Ingests the seed article through the default pipeline (layers the pipeline does not fill yet are
completed by hand, see tests/store/samples.py), serves the app on 127.0.0.1, searches "الموصل", opens the
article and checks the highlights; then checks that markup inside an article shows as text and never runs.
Screenshots go to a temporary folder, or to ``$KHABAR_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from khabar.model import Document, Entity, Meta, Place, Quote, QuoteKind, Span
from khabar.stages.read import document_from_text
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


PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
# Places beyond the seed's four, for the map's clusters: (name, gazetteer name, lat, lon, country, feature)
MORE_PLACES = (
    ("بغداد", "Baghdad", 33.34, 44.40, "IQ", "city"), ("أربيل", "Erbil", 36.19, 44.01, "IQ", "city"),
    ("دمشق", "Damascus", 33.51, 36.29, "SY", "city"), ("القاهرة", "Cairo", 30.04, 31.24, "EG", "city"),
    ("واشنطن", "Washington", 38.90, -77.04, "US", "city"), ("طوكيو", "Tokyo", 35.69, 139.69, "JP", "city"),
)


def drian_in_months(count: int) -> list[Document]:
    """Short articles quoting Le Drian, one every five weeks from 2015 on: a timeline of three years."""
    from khabar.pipeline import Pipeline, core_stages

    core = Pipeline(core_stages())
    docs = []
    for number in range(count):
        day = date(2015, 1, 3) + timedelta(days=36 * number)
        place = MORE_PLACES[number % len(MORE_PLACES)]
        text = f"قال وزير الخارجية جان إيف لو دريان في {place[0]} إن الحوار مستمر رقم {number}."
        doc = core(dataclasses.replace(document_from_text(text, f"drian-{number}"),
                                       meta=Meta(source="<test>", published=day.isoformat())))
        name = Span(text.index("جان"), text.index("جان") + len("جان إيف لو دريان"))
        where = Span(text.index(place[0]), text.index(place[0]) + len(place[0]))
        said = Span(text.index(" إن") + 1, len(text) - 1)
        docs.append(dataclasses.replace(
            doc, entities=(Entity("e1", "PER", (name,), name), Entity("e2", "LOC", (where,), where)),
            quotes=(Quote("q1", QuoteKind.INDIRECT, said, Span(0, 3), "e1", name),),
            places=(Place("e2", place[1], place[2], place[3], place[4], place[5], 0.9, geonames_id=1000 + number % 6),),
        ))
    return docs


@pytest.fixture(scope="module")
def browser_archive(tmp_path_factory: pytest.TempPathFactory, sample_builders) -> Path:  # type: ignore[no-untyped-def]
    from khabar.pipeline import default_pipeline
    from khabar.stages.read import read_path

    samples = sample_builders
    pipeline = default_pipeline()
    seed = samples.annotate_seed(samples.seed_document(pipeline))
    undated = pipeline(next(iter(read_path(PAGES / "no-date.html"))))  # no date: its relative times stay unresolved
    path = tmp_path_factory.mktemp("web") / "khabar.db"
    with open_store(path, create=True) as store:
        ingest(store, [seed, samples.hamza_document(), samples.script_document(), undated, *drian_in_months(34)])
    return path


@pytest.fixture(scope="module")
def server(browser_archive: Path, live_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from khabar.interfaces.api import ApiSettings, create_app

    with live_server(create_app(ApiSettings(db=browser_archive))) as port:
        yield f"http://127.0.0.1:{port}"


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
    if page.url.startswith("http"):  # a new hash renders without a reload: wait for that render, not the last one
        page.evaluate("delete document.body.dataset.ready")
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
    article.locator(".ent-LOC").first.screenshot(path=str(shots / "highlight.png"))
    assert page.errors == []


# Every highlight covers whole words: no letter stands right before or after it (a clitic such as the ل of
# «لتنظيم» is inside the highlight, not cut off); and its type is drawn after it, outside the text.
WORD_EDGES = """() => {
  const letter = /[\\p{L}\\p{M}]/u;
  const text = (node, last) => {  // the article's text beside a mark (a speaker's name is a label, not text)
    while (node && (!node.textContent || node.classList?.contains("speaker"))) node = last ? node.previousSibling : node.nextSibling;
    return node ? node.textContent : "";
  };
  return [...document.querySelectorAll("article.doc .article-text .ent")].flatMap((mark) => {
    const before = text(mark.previousSibling, true).slice(-1), after = text(mark.nextSibling, false).slice(0, 1);
    const label = getComputedStyle(mark, "::after").content;
    const bad = [];
    if (letter.test(before) || letter.test(after)) bad.push(`${before}|${mark.textContent}|${after}`);
    if (!label.includes(mark.dataset.type)) bad.push(`no label after ${mark.textContent}: ${label}`);
    return bad;
  });
}"""


def test_highlights_keep_words_whole_and_copying_gives_the_text_as_written(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/doc/seed", "doc")
    assert page.evaluate(WORD_EDGES) == []
    marks = page.locator("article.doc .article-text .ent").all_inner_texts()
    assert any(text.startswith("لتنظيم") for text in marks) or any(text.startswith("ل") and "داعش" in text for text in marks)
    stored = page.evaluate("fetch('/documents/seed').then((r) => r.json()).then((d) => d.text)")
    copied = page.evaluate("""() => {
      const selection = getSelection();
      selection.selectAllChildren(document.querySelector("article.doc .article-text"));
      return selection.toString();
    }""")
    assert copied == stored  # no type label, no speaker name, no joiner: the text as written
    page.evaluate("getSelection().removeAllRanges()")


def test_dates_are_said_in_words_never_as_codes(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/doc/no-date", "doc")
    assert "تاريخ النشر غير معروف" in page.inner_text("article.doc .doc-meta")
    said = page.locator(".times .time-value").all_inner_texts()
    assert said and any(s.endswith("من تاريخ النشر") for s in said), said
    side = page.inner_text("aside.doc-side")
    assert not re.search(r"XXXX|_REF|REF[+-]|\bP\d|\bPX|\d{4}-W", side), side
    titles = page.eval_on_selector_all("article.doc .article-text .ent-TIME", "(marks) => marks.map((m) => m.title)")
    assert titles and not any(re.search(r"XXXX|_REF|REF[+-]", t) for t in titles), titles
    page.screenshot(path=str(shots / "undated.png"), full_page=True)
    # the page says what the API says (describe_time's words), in the list and in each date's tooltip
    api = page.evaluate("fetch('/documents/no-date').then((r) => r.json()).then((d) => d.times.map((t) => t.words))")
    assert said == api and {t.removeprefix("زمن: ") for t in titles} <= set(api), (said, api, titles)


def test_a_person_page_shows_quotes_over_time(page, server: str, browser_archive: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(browser_archive, readonly=True) as store:
        person = list_entities(store, "PER", "لو دريان")[1][0]
    _open(page, f"{server}/#/entity/{person.id}", "entity")
    assert "لو دريان" in page.inner_text("h1")
    assert page.locator(".day .quote-item").count() >= 2
    assert page.locator("svg.timeline rect").count() >= 2
    page.screenshot(path=str(shots / "person.png"), full_page=True)
    page.locator("figure.timeline-frame").screenshot(path=str(shots / "timeline.png"))
    # an axis of months (37 of them, three years) whose labels never overlap, and a count axis with ticks
    months = page.eval_on_selector_all("svg.timeline .x-label", "(ls) => ls.map((l) => { const b = l.getBoundingClientRect(); return [b.left, b.right, l.textContent]; })")
    assert len(months) >= 5 and all(not re.search(r"\d{4}-\d{2}", text) for _, _, text in months)
    spans = sorted((left, right) for left, right, _ in months)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
    assert page.locator("svg.timeline .y-label").count() >= 3 and page.locator("svg.timeline .grid").count() >= 3


def test_events_beside_the_article_and_on_an_actors_page(page, server: str, browser_archive: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/doc/seed", "doc")
    events = page.locator("aside .events .event")
    assert events.count() >= 10
    assert any("غارات" in t for t in events.all_inner_texts())
    dates = page.locator("aside .events .event-date").all_inner_texts()  # in words, as the API says them
    assert dates and not any(re.search(r"\d{4}-\d|XXXX|REF", d) for d in dates), dates
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


COUNT_ON_MAP = """() => [...document.querySelectorAll("svg.map .pins [data-count]")]
  .reduce((sum, node) => sum + Number(node.dataset.count), 0)"""


def test_the_map_draws_places_offline_zooms_and_clusters(page, server: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    _open(page, server + "/#/map", "map")
    page.wait_for_selector("svg.map .pins [data-count]")
    places = page.locator("ul.chips li").count()
    assert places >= 10 and page.evaluate(COUNT_ON_MAP) == places  # every place drawn, alone or in a cluster
    assert page.locator("svg.map g.cluster").count() >= 1  # the Iraqi and Syrian places are one cluster afar
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    before = page.locator("svg.map g.cluster").count()
    page.locator("svg.map g.cluster").first.click()  # opens the cluster: zooms in on its places
    zoom = float(page.get_attribute("svg.map", "data-zoom") or 1)
    assert zoom > 1.5 and page.evaluate(COUNT_ON_MAP) == places
    page.screenshot(path=str(shots / "map-zoomed.png"), full_page=True)
    page.click("button[aria-label='العالم كله']")
    assert float(page.get_attribute("svg.map", "data-zoom") or 0) == 1 and page.locator("svg.map g.cluster").count() == before
    page.click("button[aria-label='تكبير']")
    assert float(page.get_attribute("svg.map", "data-zoom") or 0) > 1.5
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.mouse.wheel(0, -300)
    assert all(url.startswith(server) for url in requests)  # offline: no tile server
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


# What a reader sees of one article: its date line, legend, and each highlight, quote, speaker and cue with
# its tooltip and text (an entity with an archive page is a link on the web page, a mark offline: same class).
ARTICLE_SEEN = """(article) => ({
  meta: article.querySelector(".doc-meta").textContent,
  legend: article.querySelector(".legend").textContent,
  text: article.querySelector(".article-text").textContent,
  marks: [...article.querySelectorAll(".article-text [class]")].map((n) =>
    [n.className, n.getAttribute("title"), n.dataset.label || null, n.dataset.type || null, n.textContent]),
})"""
RENDERED = ("seed", "no-date", "xss")


def test_khabar_render_draws_the_web_pages_article_offline(page, server: str, browser_archive: Path, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    """`khabar render`'s page, opened from a file, fetches nothing and shows each article as the web page does."""
    from khabar.interfaces.render import page_html
    from khabar.store import load_document

    web = []
    for doc_id in RENDERED:
        _open(page, f"{server}/#/doc/{doc_id}", "doc")
        web.append(page.eval_on_selector("article.doc", ARTICLE_SEEN))
    with open_store(browser_archive, readonly=True) as store:
        docs = [load_document(store, doc_id).document for doc_id in RENDERED]
    rendered = tmp_path / "render.html"
    rendered.write_text(page_html(docs), encoding="utf-8")
    page.errors.clear()
    fetched: list[str] = []

    def note(request) -> None:  # type: ignore[no-untyped-def]
        fetched.append(request.url)

    page.on("request", note)
    page.goto(rendered.as_uri())
    page.wait_for_selector("body[data-ready='render']")
    page.remove_listener("request", note)
    offline = page.eval_on_selector_all("article.doc", f"(articles) => articles.map({ARTICLE_SEEN})")
    assert fetched == [rendered.as_uri()] and page.errors == []
    assert offline == web and len(web[0]["marks"]) >= 40 and "زمن: " in str(web[1]["marks"])
    assert page.evaluate("window.__xss") is None and page.locator("article.doc .article-text script").count() == 0
    assert page.evaluate(WORD_EDGES) == []
    copied = page.evaluate("""() => [...document.querySelectorAll("article.doc .article-text")].map((text) => {
      getSelection().selectAllChildren(text);
      return getSelection().toString();
    })""")
    assert copied == [doc.text for doc in docs]
    page.screenshot(path=str(shots / "render.png"), full_page=True)


def test_khabar_render_without_javascript_still_shows_the_text(page, browser_archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from khabar.interfaces.render import page_html
    from khabar.store import load_document

    with open_store(browser_archive, readonly=True) as store:
        doc = load_document(store, "seed").document
    rendered = tmp_path / "render.html"
    rendered.write_text(page_html([doc]), encoding="utf-8")
    context = page.context.browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(rendered.as_uri())
        assert plain.inner_text("article.doc .article-text") == doc.text
    finally:
        context.close()
