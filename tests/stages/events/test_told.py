"""Whether a trigger found tells a new event (``stages/events/told.py``)."""

from __future__ import annotations

import pytest

from khabar.model import Document
from khabar.stages.read import document_from_text


def _events(pipeline, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc: Document = pipeline(document_from_text(text, "t"))
    return [(e.type, doc.text_of(e.trigger)) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "و تم رصد 5 حالات اعتداء بالعنف في ولاية سوسة.",  # a statistic, no event told
        "واحتفل السكان أمس بذكرى انتفاضة 16 غشت.",  # a remembrance, no event told
        "وأضاف المسؤول، الذي طلب عدم نشر اسمه، أن الطائرات ستنطلق من القاعدة.",  # an anonymous source
        "ويلتقي ريال مدريد مع برشلونة في قمة الدوري الإسباني يوم السبت.",  # a game, no meeting
        "واطلع الشيخ عبدالله بن زايد خلال اللقاء على تطورات الوضع.",  # the meeting already told
    ],
)
def test_no_event_is_told(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipeline, text) == []


def test_a_meeting_of_people_in_a_sports_story_stands(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "والتقى رئيس النادي محمد علي بالوزير خالد الفيصل.")
    assert [e[0] for e in found] == ["CONSULT"], found


def test_a_meeting_with_someone_named_is_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وأكد الوزير خلال لقاء مع نظيره الفرنسي دعم بلاده.")
    assert ("CONSULT", "لقاء") in found, found
