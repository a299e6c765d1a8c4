"""Markup in an article's text is never an entity (issue 22: "script" and "alert" were tagged MISC)."""

from __future__ import annotations

from khabar.model import Document
from khabar.stages.entities.markup import markup_spans, outside_markup
from khabar.stages.entities.mentions import Mention

ATTACK = 'قال الوزير إن الوضع مستقر <script>alert("xss")</script> في المدينة. <img src=x onerror="alert(1)"> وأكد الرئيس.'


def test_markup_is_found_and_news_text_is_not() -> None:
    found = [ATTACK[start:end] for start, end in markup_spans(ATTACK)]
    assert found == ["<script>", 'alert("xss")', "</script>", '<img src=x onerror="alert(1)">']
    news = "قالت وكالة رويترز (Reuters) إن شبكة CNN نقلت عن مصدر في الأمم المتحدة (UN) أن 3 < 5 و5 > 3."
    assert markup_spans(news) == []


def test_mentions_over_markup_are_dropped_whatever_found_them() -> None:
    text = "<b>الموصل</b> قال alert(1) محمد &nbsp; علي"
    mentions = [Mention(0, 3, "MISC"), Mention(3, 9, "LOC"), Mention(14, 17, "PER"), Mention(18, 23, "MISC"),
                Mention(27, 31, "PER"), Mention(32, 38, "MISC"), Mention(39, 42, "PER")]
    kept = outside_markup(text, mentions)
    assert [text[m.start : m.end] for m in kept] == ["الموصل", "قال", "محمد", "علي"]


def test_the_pipeline_tags_no_markup_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(Document(id="x", text=ATTACK))
    spans = markup_spans(ATTACK)
    for entity in doc.entities:
        for mention in entity.mentions:
            assert all(mention.end <= start or end <= mention.start for start, end in spans), doc.text_of(mention)
