"""No input gives a traceback (issue 22): random bytes, JSON and HTML to the readers, each result a Document
that can be written or an InputError with a one-line reason (the API's parameters: tests/interfaces/test_api_no_500.py)."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.errors import InputError
from khabar.model import Document, to_json
from khabar.stages.read import ReadOptions, read_stream
from khabar.stages.read.formats import record_document

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FORMATS = [None, "text", "html", "json", "jsonl", "feed", "warc"]
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإ «»،.\n"
ARABIC_TEXT = st.text(st.sampled_from(ARABIC), min_size=1, max_size=80)
SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)
TEXTS = st.one_of(st.text(max_size=80), ARABIC_TEXT, st.tuples(ARABIC_TEXT, SURROGATES, ARABIC_TEXT).map("".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "id", "title", "html", "url",
                                                                                  "published", "source", "author", "x"]),
                                                                inner, max_size=5),
    max_leaves=12,
)
TAGS = st.sampled_from(["p", "div", "article", "script", "title", "h1", "meta", "body", "html", "a", "!--", "![CDATA["])
HTML = st.lists(st.one_of(TEXTS, TAGS.map(lambda t: f"<{t}>"), TAGS.map(lambda t: f"</{t}>")), max_size=20).map("".join)


def check_results(results: list[Document | InputError]) -> None:
    for result in results:
        assert isinstance(result, Document | InputError), result
        if isinstance(result, Document):
            to_json(result).encode("utf-8")  # what every output and the archive need
        else:
            assert result.reason.value and "\n" not in result.message


@SETTINGS
@given(data=st.binary(max_size=600), fmt=st.sampled_from(FORMATS))
def test_random_bytes_are_read_or_refused(data: bytes, fmt: str | None) -> None:
    check_results(list(read_stream(io.BytesIO(data), "<random>", "r", ReadOptions(), fmt=fmt)))


@SETTINGS
@given(value=JSON_VALUES, lines=st.booleans())
def test_random_json_is_read_or_refused(value: Any, lines: bool) -> None:
    raw = json.dumps(value)  # escapes lone surrogates as \udXXX, as a scraper's JSON would
    data = (raw + "\n" + raw + "\n") if lines else raw
    check_results(list(read_stream(io.BytesIO(data.encode()), "<random>", "r", ReadOptions(), fmt="jsonl" if lines else "json")))
    try:
        check_results([record_document(value, "r", "<random>", ReadOptions())])
    except InputError as error:
        check_results([error])


@SETTINGS
@given(html=HTML, arabic=st.text(st.sampled_from(ARABIC), max_size=200))
def test_random_html_is_read_or_refused(html: str, arabic: str) -> None:
    page = f"<html><body>{html}<p>{arabic}</p>{html}</body></html>"
    check_results(list(read_stream(io.BytesIO(page.encode("utf-8", "surrogatepass")), "<random>", "r", ReadOptions(), fmt="html")))
