"""The query language: what it accepts, how it compiles, and the messages for what it refuses."""

from __future__ import annotations

import re

import pytest

from khabar.store import QueryError, parse_query


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("الموصل", '("الموصل")'),
        ("الموصل داعش", '("الموصل") AND ("داعش")'),
        ('"وزير الدفاع"', '("وزير الدفاع")'),
        ("«وزير الدفاع»", '("وزير الدفاع")'),
        ("موص*", '("موص"*)'),
        ("الموصل OR الرقة", '("الموصل" OR "الرقه")'),
        ("الموصل -الرقة", '("الموصل") NOT ("الرقه")'),
        ("الأُمَمُ المتّحدة", '("الامم") AND ("المتحده")'),
        ("لو-دريان", '("لو دريان")'),
        ("الموصل، الرقة؟", '("الموصل") AND ("الرقه")'),
        ("and or not", '("and") AND ("or") AND ("not")'),
    ],
)
def test_queries_compile_to_quoted_fts(query: str, match: str) -> None:
    assert parse_query(query).match() == match


def test_an_empty_query_is_empty() -> None:
    assert parse_query("  ").is_empty


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"وزير الدفاع', "unbalanced quotation mark"),
        ("«وزير الدفاع", "never closed"),
        ("وزير»", "never opened"),
        ("الموصل OR", "OR at character 8 needs a word on each side"),
        ("OR الموصل", "needs a word on each side"),
        ("الموصل OR OR الرقة", "needs a word on each side"),
        ("الموصل AND الرقة", "AND is implied"),
        ("الموصل NOT الرقة", "write -word"),
        ("الموصل NEAR الرقة", "NEAR is not supported"),
        ("(الموصل OR الرقة)", "parentheses"),
        ("title:الموصل", "column filters"),
        ("^الموصل", "^ is not part"),
        ("+الموصل", "+ is not part"),
        ("*", "goes at the end of a word"),
        ("مو*صل", "goes at the end of a word"),
        ("- الرقة", "must be followed by the word"),
        ("-الرقة", "only leaves words out"),
        ("الموصل OR -الرقة", "cannot be part of an OR"),
        ("، ؟ !", "no words to search for"),
        ("ب" * 501, "at most 500"),
        (" ".join(["كلمة"] * 40), "more than 32"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(query)


def test_fts_syntax_inside_a_phrase_is_plain_text() -> None:
    assert parse_query('"NEAR(a b) AND c*"').match() == '("near a b and c")'
