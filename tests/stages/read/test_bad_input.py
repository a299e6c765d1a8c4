"""Inputs found to break the reader (issue 22): each reproduced here, each now read or refused with a reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.errors import InputError, Reason
from khabar.model import Document
from khabar.stages.read import ReadOptions, document_from_text, read_path
from khabar.stages.read.formats import feed_documents, record_document

ARTICLE = "قال وزير الدفاع الفرنسي إن الوضع في الموصل صعب."
REPO = Path(__file__).resolve().parents[3]


def read_all(path: Path | str) -> list[Document | InputError]:
    return list(read_path(path, ReadOptions()))


def encodable(doc: Document) -> bool:
    """Whether every string of the Document can be written as UTF-8 (what the outputs and SQLite need)."""
    from khabar.model import to_json

    try:
        to_json(doc).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------- lone surrogates


def test_a_lone_surrogate_in_json_lines_is_replaced_and_noted_and_the_other_records_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    records = [{"text": ARTICLE}, {"text": "قال \ud800 الوزير إن الوضع صعب", "title": "عنوان \udfff"}, {"text": ARTICLE}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")  # json escapes them: \ud800
    results = read_all(path)
    assert [type(r) for r in results] == [Document] * 3
    repaired = results[1]
    assert isinstance(repaired, Document) and encodable(repaired)
    assert repaired.text == "قال \ufffd الوزير إن الوضع صعب" and repaired.meta.title == "عنوان \ufffd"
    notes = [d for d in repaired.diagnostics if d.code == "lone_surrogate"]
    assert len(notes) == 1 and '"text"' in notes[0].message and '"title"' in notes[0].message


def test_a_lone_surrogate_in_a_json_file_and_in_an_html_record_and_an_id(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "a\udc80", "text": ARTICLE + " \ud83d"}), encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and encodable(doc) and doc.id == "a\ufffd"
    html = {"html": f"<html><body><article><p>{ARTICLE} \ud800</p><p>{ARTICLE}</p></article></body></html>"}
    doc = record_document(html, "h", "x.json", ReadOptions())
    assert encodable(doc) and "\ufffd" in doc.text


def test_a_caller_string_with_a_lone_surrogate_becomes_a_writable_document() -> None:
    doc = document_from_text(ARTICLE + "\ud800", "d1")
    assert encodable(doc) and doc.text.endswith("\ufffd")
    assert any(d.code == "lone_surrogate" for d in doc.diagnostics)


def test_a_valid_surrogate_pair_is_one_character_and_no_note(tmp_path: Path) -> None:
    path = tmp_path / "emoji.jsonl"
    path.write_text('{"text": "' + ARTICLE + ' \\ud83d\\ude00"}\n', encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and doc.text.endswith("\U0001f600") and not doc.diagnostics


# ---------------------------------------------------------------- encodings and JSON errors


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_refused_as_binary(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(f"{ARTICLE}\n{ARTICLE}\n".encode(encoding))
    (doc,) = read_all(path)
    assert isinstance(doc, Document) and doc.text.startswith(ARTICLE) and doc.meta.encoding == encoding


def test_binary_with_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 4)
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.reason is Reason.BINARY


def test_a_json_error_says_line_and_column_once(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text('[{"text": "قال الوزير"},\n {"text": oops}]', encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.detail == "not valid JSON: expecting value at line 2, column 11"
    control = tmp_path / "control.jsonl"
    control.write_bytes(b'{"text": "\xd9\x82\xd8\xa7\xd9\x84\n"}\n')  # a raw newline inside the string: two broken lines
    errors = read_all(control)
    assert all(isinstance(e, InputError) for e in errors)
    assert errors[0].detail == "not valid JSON: invalid control character at column 14"
    assert not any(" at at " in e.detail for e in errors if isinstance(e, InputError))


def test_json_lines_under_a_json_name_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    assert [type(r) for r in read_all(path)] == [Document, Document]


# ---------------------------------------------------------------- feeds, stdin, HTML


def test_a_feed_with_junk_says_how_many_items_it_lost() -> None:
    item = f"<item><title>عنوان</title><description>{ARTICLE}</description></item>"
    data = f'<?xml version="1.0"?><rss><channel><title>t</title>{item}JUNK<<>>{item}{item}</channel></rss>'.encode()
    results = list(feed_documents(data, "f", "f.rss", ReadOptions()))
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(errors) == 1 and errors[0].reason is Reason.MALFORMED
    assert "1 of its 3 items could not be read" in errors[0].detail
    assert sum(isinstance(r, Document) for r in results) == 2


def test_closed_stdin_is_a_reason_not_an_attribute_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (error,) = read_all("-")
    assert isinstance(error, InputError) and error.reason is Reason.UNREADABLE and "closed" in error.detail


def test_html_without_lxml_html_clean_is_one_clear_reason_not_a_traceback(tmp_path: Path) -> None:
    """Python 3.11's own pip installs lxml without lxml_html_clean, which justext imports: simulated by
    blocking both imports in a fresh interpreter."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    text = tmp_path / "seed.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code = ("import sys; sys.modules['lxml_html_clean'] = None; sys.modules['lxml.html.clean'] = None; "
            "from khabar.interfaces.cli import main; sys.argv = ['khabar', 'analyze', '-f', 'jsonl', "
            f"{str(page)!r}, {str(text)!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"khabar: rejected {page}: unsupported:") and "pip install lxml_html_clean" in line
    assert json.loads(result.stdout)["id"] == "seed"  # the other input still came out


def test_lxml_html_clean_is_declared() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lxml_html_clean' in pyproject


def test_trafilatura_warnings_stay_out_of_the_one_line_reason(tmp_path: Path) -> None:
    page = tmp_path / "junk.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    code = f"from khabar.interfaces.cli import main; import sys; sys.argv = ['khabar', 'analyze', {str(page)!r}]; main()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"khabar: rejected {page}: not_arabic: no Arabic letters; khabar reads Arabic news"]


def test_a_page_whose_root_is_a_script_is_no_article_and_no_traceback(tmp_path: Path) -> None:
    """Found by the property test: lxml makes the script the document's root, which cannot be dropped."""
    page = tmp_path / "script.html"
    page.write_bytes(b"</SCRIPT>\x1f<SCRIPT>")
    code = f"from khabar.interfaces.cli import main; import sys; sys.argv = ['khabar', 'analyze', {str(page)!r}]; main()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"khabar: rejected {page}: no_text: no article text found in the HTML"]


# ---------------------------------------------------------------- folders


def test_a_folders_readme_and_licence_are_skipped_and_counted(tmp_path: Path) -> None:
    """Issue 22: `khabar batch ../shared/data/news/ant/` exited 1 on the folder's README and LICENSE files."""
    from khabar.stages.read import expand_sources, skipped_files

    for name in ("README_v1.1.md", "LICENSE_v1.1_Apache-2.0", "LICENSE", ".DS_Store", "notes.docx", "CHANGELOG.txt"):
        (tmp_path / name).write_text("English text about the corpus", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "readme.txt").write_text("about", encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    assert [p.name for p in expand_sources([tmp_path])] == ["article.txt", "news.jsonl"]
    assert len(skipped_files([tmp_path])) == 7
    named = tmp_path / "README_v1.1.md"
    assert list(expand_sources([named])) == [named]  # named on the command line: read, and refused if not Arabic
