"""Reading every input format, and refusing every bad input with one clear reason."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.errors import InputError, Reason
from khabar.model import Document
from khabar.stages.read import ReadOptions, document_from_text, expand_sources, read_path, read_stream
from khabar.stages.read.formats import MAX_REPLACEMENT_NOTES

ARTICLE = "باريس ـ المغرب اليوم\nقال وزير الدفاع الفرنسي إن الوضع في الموصل صعب.\n"


def read_all(path: Path | str, **options: int) -> list[Document | InputError]:
    return list(read_path(path, ReadOptions(**options)))


def only_error(results: list[Document | InputError]) -> InputError:
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def only_doc(results: list[Document | InputError]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


# ---------------------------------------------------------------- text and encodings


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("cp1256", b"", "cp1256"),
     ("iso8859_6", b"", "iso8859_6")],
)
def test_text_encodings_are_detected_and_recorded(tmp_path: Path, encoding: str, prefix: bytes, expected: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + ARTICLE.encode(encoding))
    doc = only_doc(read_all(path))
    assert doc.text == ARTICLE and doc.meta.encoding == expected and doc.id == "article"


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    assert only_doc(read_all(path)).text == ARTICLE


# ---------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", Reason.EMPTY),
        (b"  \n\t ", Reason.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), Reason.BINARY),
        (b"%PDF-1.7\n%\xe2\xe3", Reason.BINARY),
        (b"The minister said the situation was difficult.", Reason.NOT_ARABIC),
        ("Привет, мир. Это не арабский текст.".encode(), Reason.NOT_ARABIC),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, reason: Reason) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = only_error(read_all(path))
    assert error.reason is reason and error.source == str(path)
    assert "\n" not in error.message and error.message.startswith(str(path))


def test_a_missing_file(tmp_path: Path) -> None:
    assert only_error(read_all(tmp_path / "nope.txt")).reason is Reason.NOT_FOUND


def test_a_directory_given_as_a_file(tmp_path: Path) -> None:
    error = only_error(read_all(tmp_path))
    assert error.reason is Reason.IS_DIRECTORY and "folder" in error.detail


def test_a_huge_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # 50 MB of Arabic
        chunk = ARTICLE.encode("utf-8") * 1000
        while out.tell() < 50_000_000:
            out.write(chunk)
    error = only_error(read_all(path))
    assert error.reason is Reason.TOO_LARGE and "MB" in error.detail and "JSON Lines" in error.detail


def test_a_too_long_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    assert only_error(read_all(path, max_chars=100)).reason is Reason.TOO_LARGE


def test_undecodable_bytes_are_decoded_or_refused_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    result = read_all(path)
    assert len(result) == 1  # a Document of mojibake would be refused as not Arabic, or read as Arabic


LONG_ARTICLE = ARTICLE * 3
UTF8 = LONG_ARTICLE.encode("utf-8")


@pytest.mark.parametrize("damage", ["cut inside its last letter", "one byte flipped", "four bytes broken"])
def test_slightly_damaged_utf8_stays_utf8_and_the_damage_is_noted(tmp_path: Path, damage: str) -> None:
    # read as a code page instead, every Arabic letter would become two wrong ones
    data = {"cut inside its last letter": (LONG_ARTICLE + "قال").encode()[:-1],
            "one byte flipped": UTF8[:40] + b"\xff" + UTF8[41:],
            "four bytes broken": UTF8[:40] + b"\xd8" * 4 + UTF8[44:]}[damage]
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    doc = only_doc(read_all(path))
    assert doc.meta.encoding == "utf-8" and "الموصل" in doc.text
    notes = [d for d in doc.diagnostics if d.code == "undecodable_bytes"]
    assert notes and all(d.span is not None and set(doc.text_of(d.span)) == {"\ufffd"} for d in notes)
    assert sum(len(doc.text_of(d.span)) for d in notes if d.span) == doc.text.count("\ufffd")


def test_a_cut_utf16_file_is_read_and_a_false_byte_order_mark_refused(tmp_path: Path) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_bytes(LONG_ARTICLE.encode("utf-16")[:-1])  # an odd number of bytes: once a traceback
    doc = only_doc(read_all(cut))
    assert doc.meta.encoding == "utf-16" and doc.text.startswith(LONG_ARTICLE.strip()[:20])
    assert [d.code for d in doc.diagnostics] == ["undecodable_bytes"]
    false = tmp_path / "false.txt"
    false.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8" * 200)  # lone surrogates: not UTF-16 at all
    error = only_error(read_all(false))
    assert error.reason is Reason.UNDECODABLE and "byte-order mark" in error.detail


def test_a_document_holding_many_undecodable_places_gets_a_bounded_list_of_notes(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("\ufffd ".join([LONG_ARTICLE] * 30), encoding="utf-8")
    notes = [d for d in only_doc(read_all(path)).diagnostics if d.code == "undecodable_bytes"]
    assert len(notes) == MAX_REPLACEMENT_NOTES + 1 and "9 more" in notes[-1].message


# ---------------------------------------------------------------- HTML


def test_html_main_text_title_date_author(tmp_path: Path) -> None:
    html = f"""<html><head><title>عنوان الخبر</title><meta name="author" content="أحمد الريدي">
    <meta property="article:published_time" content="2020-10-01T23:00:00"></head><body>
    <nav>الرئيسية | رياضة | اقتصاد</nav><article><h1>عنوان الخبر</h1>
    <p>{ARTICLE}</p><p>وأضاف الوزير أن الحكومة ستواصل العمل مع الشركاء الدوليين لضمان الاستقرار في المنطقة.</p></article>
    <footer>جميع الحقوق محفوظة</footer><script>var x = "<p>لا</p>";</script></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = only_doc(read_all(path))
    assert doc.meta.format == "html" and doc.meta.title == "عنوان الخبر"
    assert doc.meta.published and doc.meta.published.startswith("2020-10-01")
    assert "الموصل" in doc.text and "var x" not in doc.text
    assert doc.text.startswith("عنوان الخبر")


def test_the_html_extractor_is_imported_by_the_first_html_page_only(tmp_path: Path) -> None:
    # trafilatura and lxml add 22 MB to every process: one that reads text and JSON Lines never loads them
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "قال الوزير إن المحادثات مستمرة. " * 5 + "</p></body></html>", encoding="utf-8")
    script = (f"import sys; from khabar.pipeline import default_pipeline; from khabar.stages.read import read_path; "
              f"default_pipeline(); list(read_path({str(tmp_path / 'a.txt')!r})); "
              f"print('trafilatura' in sys.modules, 'lxml' in sys.modules); list(read_path({str(page)!r})); "
              f"print('trafilatura' in sys.modules)")
    (tmp_path / "a.txt").write_text("قال الوزير إن المحادثات مستمرة.", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "True"]


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>قال الوزير إن <b>الوضع صعب جدا في الموصل والرقة<p>وأضاف أن", encoding="utf-8")
    doc = only_doc(read_all(path))
    assert "الموصل" in doc.text


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    assert only_error(read_all(path)).reason in (Reason.NO_TEXT, Reason.NOT_ARABIC)


# ---------------------------------------------------------------- JSON and JSON Lines


def test_jsonl_with_one_malformed_line_loses_nothing_else(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "title": "عنوان", "url": "https://x.test/1",
                    "published": "2016-10-26", "source": "المغرب اليوم"}, ensure_ascii=False),
        '{"id": "a2", "text": "قال',
        json.dumps({"text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "a4", "body": 5}),
        "",
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    results = read_all(path)
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.id for d in docs] == ["a1", "batch-3"]
    assert docs[0].meta.published == "2016-10-26" and docs[0].meta.outlet == "المغرب اليوم"
    assert [(e.reason, e.source) for e in errors] == [(Reason.MALFORMED, f"{path}:2"), (Reason.MALFORMED, f"{path}:4")]


def test_jsonl_lines_that_cannot_be_parsed_say_why(tmp_path: Path) -> None:
    good = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"\n".join([good, json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("cp1256"),
                                  b"[" * 100_000 + b"]" * 100_000, good]))
    results = read_all(path)
    assert [isinstance(r, Document) for r in results] == [True, False, False, True]
    not_utf8, deep = results[1], results[2]
    assert isinstance(not_utf8, InputError) and "not UTF-8, which JSON Lines must be" in not_utf8.detail
    assert isinstance(deep, InputError) and deep.reason is Reason.MALFORMED and "nested too deeply" in deep.detail
    whole = tmp_path / "deep.json"
    whole.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert "nested too deeply" in only_error(read_all(whole)).detail


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, bytes(range(256)) * 8])
def test_a_binary_file_named_jsonl_is_refused_once(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(content)
    error = only_error(read_all(path))  # not one "malformed" per newline byte in it
    assert error.reason is Reason.BINARY and "not JSON Lines" in error.detail


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(3):
            out.write(json.dumps({"id": f"n{i}", "text": ARTICLE}, ensure_ascii=False) + "\n")
    assert [r.id for r in read_all(path)] == ["n0", "n1", "n2"]  # type: ignore[union-attr]


def test_a_huge_jsonl_is_not_refused_for_its_size(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text((json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n") * 50, encoding="utf-8")
    assert len(read_all(path, max_bytes=1000)) == 50


def test_json_file_with_a_list_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    records = [{"text": ARTICLE, "time": "Sun, 18 Feb 2018 21:35:43 +0400"}, {"text": ARTICLE, "date": "last week"}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    first, second = read_all(path)
    assert first.meta.published == "2018-02-18T21:35:43+04:00"  # type: ignore[union-attr]
    assert second.meta.published is None and second.diagnostics[0].code == "unparsed_date"  # type: ignore[union-attr]


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "قال"', encoding="utf-8")
    assert only_error(read_all(path)).reason is Reason.MALFORMED


# ---------------------------------------------------------------- feeds, WARC, stdin


RSS = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>المغرب اليوم</title>
<item><title>خبر أول</title><link>https://x.test/1</link><pubDate>Wed, 26 Oct 2016 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{ARTICLE}</p>]]></description></item>
<item><title>English item</title><link>https://x.test/2</link><description>Only English here.</description></item>
</channel></rss>"""


def test_rss_gives_one_document_per_item(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_all(path)
    assert isinstance(first, Document) and first.meta.url == "https://x.test/1"
    assert first.meta.published == "2016-10-26T10:00:00+00:00" and first.meta.outlet == "المغرب اليوم"
    assert isinstance(second, InputError) and second.reason is Reason.NOT_ARABIC


def test_atom_feed(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>
    <entry><title>خبر</title><id>urn:x:1</id><updated>2016-10-26T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom, encoding="utf-8")
    doc = only_doc(read_all(path))
    assert doc.id == "urn:x:1" and "الموصل" in doc.text


def test_warc_responses_become_documents(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in (("https://x.test/a", f"<html><body><p>{ARTICLE}</p></body></html>"), ("https://x.test/b.png", None)):
            kind = "text/html; charset=utf-8" if body else "image/png"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            payload = io.BytesIO(body.encode("utf-8") if body else b"\x89PNG")
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    doc = only_doc(read_all(path))
    assert doc.meta.url == "https://x.test/a" and doc.meta.format == "html" and "الموصل" in doc.text


def test_a_broken_warc(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    assert only_error(read_all(path)).reason is Reason.MALFORMED


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(ARTICLE.encode(), "text"), (b"<html><body><p>" + ARTICLE.encode() + b"</p></body></html>", "html"),
     (json.dumps({"text": ARTICLE}).encode() + b"\n", "json")],
)
def test_streams_are_sniffed(data: bytes, fmt: str) -> None:
    (doc,) = read_stream(io.BytesIO(data), "<stdin>", "stdin")
    assert isinstance(doc, Document) and doc.meta.format == fmt and "الموصل" in doc.text


def test_text_in_memory() -> None:
    assert document_from_text(ARTICLE, "x").text == ARTICLE
    with pytest.raises(InputError, match="not_arabic"):
        document_from_text("hello world")


def test_expand_sources_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.jsonl", "sub/c.png"):
        (tmp_path / name).write_text("x")
    found = list(expand_sources([tmp_path]))
    assert [p.name for p in found] == ["a.txt", "b.jsonl"]  # type: ignore[union-attr]
    empty = tmp_path / "empty"
    empty.mkdir()
    (error,) = expand_sources([empty])
    assert isinstance(error, InputError) and error.reason is Reason.EMPTY
