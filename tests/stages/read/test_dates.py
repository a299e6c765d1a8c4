"""Publication dates: the source's own wins; a date guessed from the text is noted and never used."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from khabar.model import Document
from khabar.pipeline import analyze_sources, default_pipeline
from khabar.stages.read import read_path
from khabar.stages.read.dates import html_date, iso_date, url_date

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
STATED = {
    "metadata-date.html": "2016-10-25T09:30:00+01:00",
    "json-ld-date.html": "2017-01-20T21:43:00+01:00",
    "time-element-date.html": "2018-03-13T10:05:00+00:00",
    "url-date.html": "2018-02-18",
}
WARC_DATE = "2019-06-01T08:00:00Z"


def read_one(path: Path) -> Document:
    (doc,) = read_path(path)
    assert isinstance(doc, Document), doc
    return doc


def codes(doc: Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


@pytest.mark.parametrize(("name", "expected"), sorted(STATED.items()))
def test_the_date_a_page_states_is_the_publication_date(name: str, expected: str) -> None:
    doc = read_one(PAGES / name)
    assert doc.meta.published == expected
    assert "guessed_date" not in codes(doc)


def test_a_page_without_a_stated_date_gets_none_and_the_guess_is_only_noted() -> None:
    doc = read_one(PAGES / "no-date.html")
    assert doc.meta.published is None
    (note,) = [d for d in doc.diagnostics if d.code == "guessed_date"]
    assert "not used" in note.message and "--published" in note.message


def test_no_sample_page_gets_a_date_its_source_does_not_state() -> None:
    # Every date written in the pages' words (12 مارس 2019, 2019/03/14, © 2020, 2019-05-04 ...) is a
    # trap for a text-guessing extractor: none of them may become a publication date.
    for page in sorted(PAGES.glob("*.html")):
        assert read_one(page).meta.published == STATED.get(page.name), page.name


def write_warc(path: Path, pages: list[Path], warc_date: str | None) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": warc_date} if warc_date else None
            record = writer.create_warc_record(f"https://x.test/{page.stem}", "response", payload=io.BytesIO(page.read_bytes()),
                                               http_headers=headers, warc_headers_dict=warc_headers)
            writer.write_record(record)


def test_in_a_warc_the_page_s_own_date_wins_then_the_record_s_date(tmp_path: Path) -> None:
    pages = sorted(PAGES.glob("*.html"))
    write_warc(tmp_path / "crawl.warc.gz", pages, WARC_DATE)
    docs = [d for d in read_path(tmp_path / "crawl.warc.gz") if isinstance(d, Document)]
    assert len(docs) == len(pages)
    for page, doc in zip(pages, docs, strict=True):
        if page.name in STATED:
            assert doc.meta.published == STATED[page.name] and "capture_date" not in codes(doc)
        else:  # no date in the page: the capture date, said to be one
            assert doc.meta.published == "2019-06-01T08:00:00+00:00" and "capture_date" in codes(doc)
            assert "guessed_date" not in codes(doc)


def test_a_warc_record_whose_page_states_no_date_and_has_no_warc_date(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    write_warc(tmp_path / "crawl.warc.gz", [PAGES / "no-date.html"], None)
    with (tmp_path / "crawl.warc.gz").open("rb") as stream:  # warcio fills in a WARC-Date when none is given
        stamped = next(iter(ArchiveIterator(stream))).rec_headers.get_header("WARC-Date")
    doc = read_one(tmp_path / "crawl.warc.gz")
    assert doc.meta.published == iso_date(stamped) and "capture_date" in codes(doc)


def test_published_on_the_command_line_fills_a_page_without_a_date_and_relative_times_resolve(tmp_path: Path) -> None:
    pipeline = default_pipeline()
    (doc,) = analyze_sources([str(PAGES / "no-date.html")], pipeline, published="2019-12-03")
    assert isinstance(doc, Document) and doc.meta.published == "2019-12-03"
    last_year = [t for t in doc.times if doc.text_of(t.span) == "العام الماضي"]
    assert last_year and last_year[0].value == "2018" and last_year[0].resolved
    (stated,) = analyze_sources([str(PAGES / "metadata-date.html")], pipeline, published="2019-12-03")
    assert isinstance(stated, Document) and stated.meta.published == STATED["metadata-date.html"]


def test_without_an_anchor_relative_times_stay_unresolved() -> None:
    (doc,) = analyze_sources([str(PAGES / "no-date.html")], default_pipeline())
    assert isinstance(doc, Document) and doc.meta.published is None
    last_year = [t for t in doc.times if doc.text_of(t.span) == "العام الماضي"]
    assert last_year and not last_year[0].resolved and not last_year[0].value.startswith("2019")


def test_a_feed_item_date_in_no_known_format_is_noted(tmp_path: Path) -> None:
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة</title><item><title>خبر</title>'
           "<link>https://x.test/1</link><pubDate>yesterday</pubDate><description>"
           "قال وزير الدفاع الفرنسي إن الوضع في الموصل صعب جدا.</description></item></channel></rss>")
    path = tmp_path / "feed.rss"
    path.write_text(rss, encoding="utf-8")
    doc = read_one(path)
    assert doc.meta.published is None and "unparsed_date" in codes(doc)


def test_a_json_record_s_date_wins_over_its_html_s(tmp_path: Path) -> None:
    record = {"html": (PAGES / "metadata-date.html").read_text(encoding="utf-8"), "published": "2016-10-24"}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert read_one(path).meta.published == "2016-10-24"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<meta name="pubdate" content="2016-10-25">', "2016-10-25"),
        ('<meta itemprop="datePublished" content="Tue, 25 Oct 2016 09:00:00 GMT">', "2016-10-25T09:00:00+00:00"),
        ('<meta name="date" content="garbage"><meta property="og:published_time" content="2016-10-25">', "2016-10-25"),
        ('<time pubdate datetime="2016-10-25T10:00">الثلاثاء</time>', "2016-10-25T10:00:00"),
        ('<script type="application/ld+json">[{"datePublished": "2016-10-25"}]</script>', "2016-10-25"),
        ('<script type="application/ld+json">{not json</script><p>2016-10-25</p>', None),
        ("<p>الثلاثاء 25 أكتوبر 2016</p><footer>© 2016</footer>", None),
        ('<meta property="article:modified_time" content="2016-10-25">', None),
    ],
)
def test_html_date_reads_metadata_only(html: str, expected: str | None) -> None:
    assert html_date(f"<html><head>{html}</head><body><p>نص</p></body></html>", None) == expected


def test_url_dates() -> None:
    assert url_date("https://x.test/news/2016/10/25/slug") == "2016-10-25"
    assert url_date("https://x.test/news/2016-10-25-slug") == "2016-10-25"
    assert url_date("https://x.test/news/2016/02/30/slug") is None  # no such day
    assert url_date("https://x.test/news/12345678") is None
    assert url_date(None) is None
