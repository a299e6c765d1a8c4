"""Properties that hold for any text: offsets in bounds and ordered, the view maps back, JSON round-trips."""

from __future__ import annotations

from operator import attrgetter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.model import Document, all_spans, check_offsets, from_json, to_json
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.normalise import normalise

ARABIC = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىةـًٌٍَُِّْ «»\"“”،؛؟.!:()\n\u200f٠١٢3"), max_size=300)
ANY_TEXT = st.text(max_size=200)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=ARABIC)
def test_pipeline_offsets_hold(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(Document(id="p", text=text))
    assert doc.text == text
    check_offsets(doc)
    assert all(0 <= s.start < s.end <= len(text) for s in all_spans(doc))
    assert list(doc.tokens) == sorted(doc.tokens, key=attrgetter("start"))
    assert all(t.start <= t.stem_start < t.stem_end <= t.end for t in doc.tokens)
    assert from_json(to_json(doc)) == doc


@SETTINGS
@given(text=ARABIC)
def test_every_word_character_is_in_a_token(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(Document(id="p", text=text))
    covered = {i for t in doc.tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ARABIC, ANY_TEXT))
def test_the_view_maps_back_over_the_whole_text(text: str) -> None:
    view = normalise(text)
    assert len(view.starts) == len(view.ends) == len(view.text)
    assert list(view.starts) == sorted(view.starts) and list(view.ends) == sorted(view.ends)
    covered = {i for s, e in zip(view.starts, view.ends, strict=True) for i in range(s, e)}
    assert covered == (set(range(len(text))) if view.text else set())
    for i in range(len(view.text)):
        assert 0 <= view.starts[i] < view.ends[i] <= len(text)


@pytest.fixture(scope="module")
def core_pipeline() -> Pipeline:
    return Pipeline(core_stages())


@SETTINGS
@given(text=ANY_TEXT)
def test_any_unicode_survives_the_core_pipeline(core_pipeline: Pipeline, text: str) -> None:
    doc = core_pipeline(Document(id="u", text=text))
    check_offsets(doc)
    assert from_json(to_json(doc)) == doc
