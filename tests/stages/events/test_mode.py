"""The mode of an event (``stages/events/mode.py``) read from the words around its trigger."""

from __future__ import annotations

import pytest

from khabar.stages.read import document_from_text


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("وقد قتل ثلاثة أشخاص في الهجوم.", "occurred"),  # قد + a past verb asserts
        ("وكان الإقليم الحدودي قد تعرض لقصف صاروخي.", "occurred"),  # كان ... قد: it had happened
        ("وقد يتعرض المدنيون لقصف جديد.", "hypothetical"),  # قد + a present verb: it may
        ("وذكر شاهد أن اثنين من التفجيرات وقعا في سوق.", "occurred"),  # "من" alone is no intent
        ("وتوجه الوفد إلى القاهرة من أجل الاجتماع بالوزير.", "planned"),
    ],
)
def test_mode(pipeline, text: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(document_from_text(text, "t"))
    assert doc.events, text
    assert doc.events[-1].mode.value == mode, [(doc.text_of(e.trigger), e.mode.value) for e in doc.events]
