"""Sentence boundaries in scraped Arabic news."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.model import Document, Token, TokenKind
from khabar.stages.segment import Segmenter
from khabar.stages.segment.sentences import (
    _absorb_closers,
    _is_abbreviation,
    _is_terminal,
    quoted_ranges,
    split_sentences,
)


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
        # the letters of an initialism are joined by full stops (Al Arabiya, France 24 in ANT)
        ("وقال ارتيم لقناة (تي.آر.تي) إن بلاده قد ترد.", ["وقال ارتيم لقناة (تي.آر.تي) إن بلاده قد ترد."]),
        ("مايك بومبيو، مدير السي.آي.إيه سيصبح وزيرا", ["مايك بومبيو، مدير السي.آي.إيه سيصبح وزيرا"]),
        ("ذكرت محطة (إن.تي.في): الخبر صحيح. وقال", ["ذكرت محطة (إن.تي.في): الخبر صحيح.", "وقال"]),
        # two short words glued by one full stop are two sentences
        ("وصل إلى هنا.في الصباح", ["وصل إلى هنا.", "في الصباح"]),
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


def _ends_by_scanning(text: str, tokens: tuple[Token, ...]) -> set[int]:
    """Sentence ends found by visiting every token (what split_sentences finds by searching)."""
    quoted = quoted_ranges(text)
    ends = set()
    for index, token in enumerate(tokens):
        inside = any(start < token.start < end - 1 for start, end in quoted)
        stop = _is_terminal(text, token) and not _is_abbreviation(text, tokens, index) and not inside
        closes = (token.kind is TokenKind.PUNCT and index > 0 and any(end == token.end for _, end in quoted)
                  and tokens[index - 1].end == token.start and _is_terminal(text, tokens[index - 1]))
        if stop or closes:
            ends.add(_absorb_closers(text, tokens, index))
    return ends


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet='قال د ج. ..!?؟…«»"“”()\n 3', max_size=60))
def test_the_search_finds_the_ends_a_scan_finds(segmenter: Segmenter, text: str) -> None:
    tokens = segmenter(Document(id="t", text=text)).tokens
    last_of_line = {i for i, t in enumerate(tokens) if i + 1 == len(tokens) or "\n" in text[t.end : tokens[i + 1].start]}
    expected = sorted(_ends_by_scanning(text, tokens) | last_of_line)
    assert [s.end for s in split_sentences(text, tokens)] == [tokens[i].end for i in expected]
