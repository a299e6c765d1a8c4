"""The normalised view: what it unifies, and that every view character maps back to raw text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import Document
from khabar.stages import normalise as normalise_module
from khabar.stages.normalise import (
    CASED,
    LIGHT,
    TATWEEL,
    VIEW,
    Normaliser,
    light_form,
    normalise,
    normalise_cased,
    normalise_char,
    normalise_query,
    view_by_char,
)


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
def test_the_c_view_maps_as_character_by_character(text: str) -> None:
    """Every form's C view gives the view and map back of the Python reference, and its string the same text."""
    for form in (VIEW, CASED, LIGHT):
        reference = view_by_char(text, form)
        got = normalise(text, form)
        assert (got.text, list(got.starts), list(got.ends)) == (reference.text, list(reference.starts), list(reference.ends))
        assert form.string(text) == reference.text


def test_the_c_path_refuses_a_table_of_the_wrong_size() -> None:
    from khabar.stages._normalise import view

    with pytest.raises(ValueError, match="65,536"):
        view("قال", bytes(16), {})
    with pytest.raises(ValueError, match="no expansion"):
        view("ﻻ", normalise_module.CODE_MAP, {})
    assert view("قال", normalise_module.CODE_MAP, {})[0] == "قال"


@pytest.mark.parametrize(
    ("raw", "view", "cased", "light"),
    [
        ("أحمدٌ", "احمد", "احمد", "أحمد"),
        ("أَعْلَنَ CNN", "اعلن cnn", "اعلن CNN", "أعلن CNN"),
        ("CNN قالت", "cnn قالت", "CNN قالت", "CNN قالت"),
        ("مدرسةٌ ٣", "مدرسه 3", "مدرسه 3", "مدرسة ٣"),
        ("\u200fقال\u202b", "قال", "قال", "قال"),
        ("ﻻ", "لا", "لا", "ﻻ"),
        ("قرآنۖ", "قران", "قران", "قرآن"),
    ],
)
def test_the_three_forms_differ_only_by_their_options(raw: str, view: str, cased: str, light: str) -> None:
    assert (normalise_query(raw), normalise_cased(raw), light_form(raw)) == (view, cased, light)
    assert (normalise(raw, CASED).text, normalise(raw, LIGHT).text) == (cased, light)
