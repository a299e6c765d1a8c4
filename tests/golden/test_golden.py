"""Golden real articles: the whole output must stay as reviewed, and the facts must hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.model import Document, to_dict
from khabar.stages.read import read_path

GOLDEN = Path(__file__).parent
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir() and any(p.glob("article.*")))


def analysed(case: Path, pipeline) -> Document:  # type: ignore[no-untyped-def]
    (article,) = case.glob("article.*")
    (doc,) = read_path(article)
    assert isinstance(doc, Document), doc
    return pipeline(doc)


def comparable(doc: Document, case: Path) -> dict:  # type: ignore[type-arg]
    out = to_dict(doc)
    out["meta"]["source"] = case.name  # the path differs between machines
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_output_is_as_reviewed(case: Path, pipeline, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    got = comparable(analysed(case, pipeline), case)
    expected = case / "expected.json"
    if request.config.getoption("--update-golden"):
        expected.write_text(json.dumps(got, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return
    if not expected.exists():
        pytest.fail(f"{expected} is missing: run pytest --update-golden and review it")
    assert got == json.loads(expected.read_text(encoding="utf-8"))


def _surfaces(doc: Document, label: str) -> set[str]:
    return {doc.text_of(m) for e in doc.entities if e.label == label for m in (*e.mentions, e.canonical)}


FACT_CASES = [c for c in CASES if (c / "facts.json").exists()]


@pytest.mark.parametrize("case", FACT_CASES, ids=lambda p: p.name)
def test_facts_hold(case: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    facts = json.loads((case / "facts.json").read_text(encoding="utf-8"))
    doc = analysed(case, pipeline)
    if "byline" in facts:
        assert doc.byline is not None
        for part, text in facts["byline"].items():
            span = getattr(doc.byline, part)
            assert span is not None and doc.text_of(span) == text
    if "entities" not in pipeline.provides:
        pytest.skip("the pipeline has no entity stage yet")
    for label, names in facts.get("must", {}).items():
        assert set(names) <= _surfaces(doc, label), f"{label}: missing {set(names) - _surfaces(doc, label)}"
    if facts.get("exact_mentions"):
        _check_exact_mentions(doc, facts["must"])
    for label, names in facts.get("must_not", {}).items():
        assert not set(names) & _surfaces(doc, label), f"{label}: wrongly found {set(names) & _surfaces(doc, label)}"
    if "quotes" in pipeline.provides:
        assert len(doc.quotes) >= facts.get("min_quotes", 0)
        speakers = {doc.text_of(doc.entity(q.speaker_id).canonical) for q in doc.quotes if q.speaker_id}
        assert set(facts.get("speakers", ())) <= speakers
    if "events" in pipeline.provides:
        _check_events(doc, facts.get("events", []), facts.get("min_events", 0))


def _check_events(doc: Document, expected: list[dict[str, str]], least: int) -> None:
    """Each expected event is found: its type on its trigger, with its actor (an entity's mention or the
    phrase) when one is given."""
    assert len(doc.events) >= least
    for fact in expected:
        found = [e for e in doc.events if e.type == fact["type"] and doc.text_of(e.trigger) == fact["trigger"]]
        assert found, f"no {fact['type']} event on {fact['trigger']!r}"
        if "actor" in fact:
            actors = set()
            for event in found:
                if event.actor_id:
                    entity = doc.entity(event.actor_id)
                    actors |= {doc.text_of(m) for m in (*entity.mentions, entity.canonical)}
                if event.actor:
                    actors.add(doc.text_of(event.actor))
            assert fact["actor"] in actors, f"{fact['type']} {fact['trigger']!r}: actor {fact['actor']} not in {actors}"


def _check_exact_mentions(doc: Document, must: dict[str, list[str]]) -> None:
    """Every whole-word occurrence of a required name (one proclitic allowed before it), not inside a
    longer required name, is a mention with exactly its offsets and the right label."""
    from khabar.evaluation.quotes import locate

    found = {(m.start, m.end, e.label) for e in doc.entities for m in e.mentions}
    occurrences = [(s, e, label) for label, names in must.items() for name in names for s, e in locate(doc.text, name)]
    for start, end, label in occurrences:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in occurrences):
            continue
        assert (start, end, label) in found, f"{label} {doc.text[start:end]!r} at [{start}, {end}) is no exact mention"
