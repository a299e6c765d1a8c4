"""Bylines and datelines as spans: place, outlet or agency, author."""

from __future__ import annotations

import pytest

from khabar.model import Document
from khabar.stages.byline import BylineFinder


@pytest.fixture(scope="module")
def finder() -> BylineFinder:
    return BylineFinder()


def parts(finder: BylineFinder, text: str) -> tuple[str | None, str | None, str | None] | None:
    byline = finder.find(text)
    if byline is None:
        return None
    return tuple(text[s.start : s.end] if s else None for s in (byline.place, byline.outlet, byline.author))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("باريس ـ المغرب اليوم\nقال وزير", ("باريس", "المغرب اليوم", None)),
        ("أبوظبي - سكاي نيوز عربية\nتناول بيضة", ("أبوظبي", "سكاي نيوز عربية", None)),
        ("موسكو – أسوشيتدر برس\nمسؤول روسي", ("موسكو", "أسوشيتدر برس", None)),
        ("هسبريس ـ عبد السلام الشامخ\nأعلنت", (None, "هسبريس", "عبد السلام الشامخ")),
        ("الرباط (رويترز) - قال وزير الخارجية", ("الرباط", "رويترز", None)),
        ("القاهرة - أحمد الريدي\nكشفت", ("القاهرة", None, "أحمد الريدي")),
        ("العربية.نت - وكالات\nأعلن", (None, "العربية.نت", None)),
        ("\nعنوان الخبر\nدبي، الإمارات العربية المتحدة (CNN)-- قال", ("دبي", "CNN", None)),
    ],
)
def test_bylines(finder: BylineFinder, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert parts(finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "مسؤول روسي: ربما سممت لندن الجاسوس\nذكر دبلوماسي",
        "الخميس 01 أكتوبر 2020 - 23:00\nقال",
        "ترامب يلتقي كيم - قمة تاريخية في سنغافورة اليوم\nنص",
        "قال وزير الدفاع الفرنسي إن الوضع صعب - وهو مصدر قلق خاص بالنسبة لفرنسا كواحدة من البلدان.",
        "",
    ],
)
def test_not_bylines(finder: BylineFinder, text: str) -> None:
    assert finder.find(text) is None


def test_the_text_is_not_rewritten(finder: BylineFinder) -> None:
    doc = Document(id="d", text="باريس ـ المغرب اليوم\nقال")
    out = finder(doc)
    assert out.text == doc.text and out.byline is not None and out.byline.span.end == 20
