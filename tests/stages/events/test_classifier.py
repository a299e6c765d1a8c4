"""The GSR sentence model: one feature definition, read from what the events stage found, and a filter that
decides per sentence and type."""

from __future__ import annotations

from khabar.model import Document
from khabar.stages.events.classifier import EventFilter, FeatureSet, sentence_features
from khabar.stages.events.context import EventContext
from khabar.stages.read import document_from_text

CASUALTIES = frozenset({"شخصا", "قتلى"})
ALL = FeatureSet(words=True, pairs=True, chars=True, events=True)


def _found(pipeline, text: str) -> tuple[EventContext, Document]:  # type: ignore[no-untyped-def]
    doc = pipeline(document_from_text(text, "t"))
    return EventContext(doc), doc


def test_features_name_the_triggers_casualties_and_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    ctx, doc = _found(pipeline, "وقتل 18 شخصا في هجوم انتحاري في بغداد أمس.")
    names = sentence_features(ctx, doc.events, "ASSAULT", ALL, CASUALTIES)
    assert "ev:casualties" in names and "<num>" in names
    assert any(n.startswith("ev:trigger=") for n in names) and "ev:mode=occurred" in names
    assert "w=امس" in names and any(n.startswith("p=") for n in names) and any(n.startswith("c=") for n in names)
    assert names == sentence_features(ctx, doc.events, "ASSAULT", ALL, CASUALTIES)  # deterministic


def test_feature_groups_left_out_are_not_read(pipeline) -> None:  # type: ignore[no-untyped-def]
    ctx, doc = _found(pipeline, "وقتل 18 شخصا في هجوم انتحاري في بغداد أمس.")
    names = sentence_features(ctx, doc.events, "ASSAULT", FeatureSet(pairs=False, chars=False), CASUALTIES)
    assert not any(n.startswith(("p=", "c=")) for n in names)


def _filter(bias: float) -> EventFilter:
    return EventFilter({"ASSAULT": {}}, {"ASSAULT": bias}, {"ASSAULT": 0.5}, FeatureSet(), CASUALTIES)


def test_the_filter_drops_occurred_mentions_of_its_types_only(pipeline) -> None:  # type: ignore[no-untyped-def]
    ctx, doc = _found(pipeline, "وقتل 18 شخصا في هجوم انتحاري في بغداد أمس. والتقى الوزير نظيره المغربي في الرباط.")
    kinds = {e.type for e in doc.events}
    assert "ASSAULT" in kinds and "CONSULT" in kinds
    kept = _filter(-5.0).kept(ctx, list(doc.events))
    assert {e.type for e in kept} == kinds - {"ASSAULT"}
    assert _filter(5.0).kept(ctx, list(doc.events)) == list(doc.events)


def test_the_shipped_filter_loads() -> None:
    model = EventFilter.load()
    assert model.types == {"ASSAULT", "PROTEST"}
    assert all(0.0 < t < 1.0 for t in model.threshold.values())
