"""The normalised view: what it unifies, and that every view character maps back to raw text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import Document
from khabar.stages.normalise import TATWEEL, Normaliser, normalise, normalise_char, normalise_query


@pytest.mark.parametrize(
    ("raw", "view"),
    [
        ("أحمدٌ", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنه"),
        ("مستشفى", "مستشفي"),
        ("مرحبـــا", "مرحبا"),
        ("٢٠١٦ و۲۰۱۶", "2016 و2016"),
        ("\u200fقال\u200e", "قال"),
        ("ﻻ", "لا"),
        ("CNN", "cnn"),
        ("ک ی", "ك ي"),
    ],
)
def test_view(raw: str, view: str) -> None:
    assert normalise(raw).text == view
    assert normalise_query(raw) == view


@pytest.mark.parametrize("raw", ["أحمدٌ", "\ufdfd", "\ufdfa", "مرحبـــا", "ً قال", "\u200f", "ﻷمر"])
def test_map_back_covers_the_whole_raw_text(raw: str) -> None:
    view = normalise(raw)
    covered = set()
    for start, end in zip(view.starts, view.ends, strict=True):
        covered.update(range(start, end))
    expected = set(range(len(raw))) if view.text else set()
    assert covered == expected
    assert list(view.starts) == sorted(view.starts) and list(view.ends) == sorted(view.ends)


def test_words_map_back_whole() -> None:
    raw = "قالَ أحمدٌ: مرحبـــا ﷺ"
    view = normalise(raw)
    for word in ("احمد", "مرحبا"):
        start = view.text.index(word)
        s, e = view.original_span(start, start + len(word))
        assert normalise_query(raw[s:e]) == word
    ligature = view.text.index("صلي الله")  # one presentation form, 18 view characters
    s, e = view.original_span(ligature, len(view.text))
    assert raw[s:e] == "\ufdfa"


def test_view_span_finds_the_view_of_a_raw_range() -> None:
    raw = "وَقَالَ الرئيس"
    view = normalise(raw)
    start, end = view.view_span(8, 14)
    assert view.text[start:end] == "الرئيس"


def test_deleted_characters() -> None:
    assert normalise_char(TATWEEL) == ""
    assert normalise("ًًً").text == ""


def test_stage_attaches_the_view_without_changing_the_text() -> None:
    doc = Document(id="d", text="قالَ الرئيسُ")
    out = Normaliser()(doc)
    assert out.text == doc.text and out.normalised is not None and out.normalised.text == "قال الرئيس"


@given(st.text(st.one_of(st.characters(), st.sampled_from("أإآىةـًٌ٣۴\u200f\u00a0ABCﻻ\ufdfd𝐀"))))
def test_the_fast_path_maps_as_character_by_character(text: str) -> None:
    """The numpy path and the general one give the same view and the same map back."""
    from khabar.stages.normalise import _normalise_char_by_char

    fast, general = normalise(text), _normalise_char_by_char(text)
    assert (fast.text, list(fast.starts), list(fast.ends)) == (general.text, list(general.starts), list(general.ends))
