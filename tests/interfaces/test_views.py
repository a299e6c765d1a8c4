"""The Document as people are shown it: the Document JSON plus the views its layers declare."""

from __future__ import annotations

from khabar.interfaces.views import VIEWS, document_view
from khabar.model import LIST_LAYERS, Document, Event, Span, TimeExpression, from_dict, to_dict
from khabar.stages.times import describe_time


def test_every_declared_view_is_said_and_nothing_else() -> None:
    declared = {(layer.name, field.key) for layer in LIST_LAYERS for field in layer.views}
    assert declared == set(VIEWS) and {("times", "words"), ("events", "date_words")} <= declared


def test_an_events_date_is_said_in_words() -> None:
    text = "قصفت الطائرات المدينة أمس"
    events = (Event("v1", "ASSAULT", Span(0, 4), date="REF-P1D"), Event("v2", "ASSAULT", Span(0, 4)))
    view = document_view(Document(id="d", text=text, events=events))
    assert [v["date_words"] for v in view["events"]] == ["قبل يوم من تاريخ النشر", None]


def test_times_carry_their_words_and_the_document_json_stays_minimal() -> None:
    text = "قال أمس إن الاجتماع يعقد الثلاثاء ويستمر ثلاثة أيام"
    times = (TimeExpression(Span(4, 7), "DATE", "REF-P1D"), TimeExpression(Span(25, 33), "DATE", "XXXX-WXX-2"),
             TimeExpression(Span(41, 50), "DURATION", "P3D"))
    doc = Document(id="d", text=text, times=times)
    view = document_view(doc)
    assert [t["words"] for t in view["times"]] == [describe_time(t.value, t.type) for t in times]
    assert view["times"][1]["words"] == "يوم الثلاثاء (لم يُحدَّد تاريخه)"
    assert all("words" not in t for t in to_dict(doc)["times"])
    assert from_dict(view) == doc  # the words are read past, never taken for the truth
    assert "tokens" not in view and "tokens" in document_view(doc, tokens=True)
