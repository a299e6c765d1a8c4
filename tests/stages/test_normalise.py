"""The normalised view: what it unifies, and that every view character maps back to raw text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import Document
from khabar.stages import normalise as normalise_module
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


@pytest.mark.parametrize("raw", ["أحمدٌ", "\ufdfd", "\ufdfa", "مرحبـــا", "ً قال", "\u200f", "ﻷمر", "ب\ufe71ت", "\ufe71ب"])
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


# presentation forms among them: ﻻ, ﷽ (many letters), ﷺ, and U+FE71, U+FCF2, which become nothing
@given(st.text(st.one_of(st.characters(), st.sampled_from("أإآىةـًٌ٣۴\u200f\u00a0ABCﻻ\ufdfd\ufdfa\ufe71\ufcf2𝐀\ud800"))))
def test_the_fast_paths_map_as_character_by_character(text: str) -> None:
    """The C path, the numpy path and the general one give the same view and the same map back."""
    from khabar.stages.normalise import _normalise_char_by_char

    general = _normalise_char_by_char(text)
    expected = (general.text, list(general.starts), list(general.ends))
    for compiled in (False, True):
        fast = normalise(text, compiled=compiled)
        assert (fast.text, list(fast.starts), list(fast.ends)) == expected


@pytest.mark.skipif(not normalise_module.COMPILED, reason="khabar was installed without its C normaliser")
def test_the_c_path_refuses_a_table_of_the_wrong_size() -> None:
    from khabar.stages._normalise import view

    with pytest.raises(ValueError, match="65,536"):
        view("قال", bytes(16), {})
    with pytest.raises(ValueError, match="no expansion"):
        view("ﻻ", normalise_module.CODE_MAP, {})
    assert view("قال", normalise_module.CODE_MAP, {})[0] == "قال"
