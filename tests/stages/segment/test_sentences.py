"""Sentence boundaries in scraped Arabic news."""

from __future__ import annotations

import pytest

from khabar.model import Document
from khabar.stages.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def sentences(segmenter: Segmenter, text: str) -> list[str]:
    doc = segmenter(Document(id="t", text=text))
    return [text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير إن الوضع صعب. وأضاف أنه سيعود.", ["قال الوزير إن الوضع صعب.", "وأضاف أنه سيعود."]),
        ("فاز انتخابياً.وسيكون رئيسا", ["فاز انتخابياً.", "وسيكون رئيسا"]),
        ("التقى د. محمد بالوزير", ["التقى د. محمد بالوزير"]),
        ("التقى د.محمد بالوزير", ["التقى د.محمد بالوزير"]),
        ("كتبت ج. ك. رولينغ الرواية. ثم نشرتها", ["كتبت ج. ك. رولينغ الرواية.", "ثم نشرتها"]),
        ("هل انتهى؟! نعم.", ["هل انتهى؟!", "نعم."]),
        ("على أنغام الموسيقى.. زعيما إثيوبيا", ["على أنغام الموسيقى..", "زعيما إثيوبيا"]),
        ("العنوان\nالنص الأول\n\nالنص الثاني", ["العنوان", "النص الأول", "النص الثاني"]),
        ("بلغ النمو 3.5 في المئة. ثم تراجع", ["بلغ النمو 3.5 في المئة.", "ثم تراجع"]),
    ],
)
def test_boundaries(segmenter: Segmenter, text: str, expected: list[str]) -> None:
    assert sentences(segmenter, text) == expected


def test_a_quotation_stays_in_its_sentence(segmenter: Segmenter) -> None:
    # the seed article: a direct quote with several inner sentences, then the next paragraph
    text = 'واستطرد لو دريان: "إن الخلافة أمر افتراضي.. وعندما لا تكون هناك خلافة. لذلك يجب البقاء".\nوبدأت القوات'
    assert sentences(segmenter, text) == [
        'واستطرد لو دريان: "إن الخلافة أمر افتراضي.. وعندما لا تكون هناك خلافة. لذلك يجب البقاء".',
        "وبدأت القوات",
    ]


def test_a_quote_ending_with_a_full_stop_closes_the_sentence(segmenter: Segmenter) -> None:
    text = 'قال: «نحن هنا. وسنبقى.» وأضاف أن الأمر انتهى.'
    assert sentences(segmenter, text) == ["قال: «نحن هنا. وسنبقى.»", "وأضاف أن الأمر انتهى."]


def test_an_unbalanced_quote_does_not_swallow_the_paragraph(segmenter: Segmenter) -> None:
    text = 'قال "نحن هنا. وسنبقى. وأضاف أن الأمر انتهى.'
    assert len(sentences(segmenter, text)) == 3


def test_empty_and_blank_texts(segmenter: Segmenter) -> None:
    assert sentences(segmenter, "") == []
    assert sentences(segmenter, " \n ") == []
