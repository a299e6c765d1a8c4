"""Storing Documents: full round trip, idempotence, and entities linked across articles."""

from __future__ import annotations

import dataclasses

from khabar.errors import InputError, Reason
from khabar.model import Entity, Meta, Span
from khabar.store import Store, ingest, list_entities, load_document


def _table_counts(store: Store) -> dict[str, int]:
    tables = ("documents", "entities", "mentions", "quotes", "places", "times")
    return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_every_layer_comes_back_as_stored(archive: Store, sample_documents: list) -> None:
    for doc in sample_documents:
        stored = load_document(archive, doc.id)
        assert stored.document == doc
        assert set(stored.entity_links) == {e.id for e in doc.entities}


def test_the_seed_fills_every_table(archive: Store) -> None:
    counts = _table_counts(archive)
    assert counts["documents"] == 3
    assert all(counts[t] > 0 for t in counts), counts


def test_ingesting_the_same_articles_again_changes_nothing(archive: Store, sample_documents: list) -> None:
    before = _table_counts(archive)
    summary = ingest(archive, sample_documents)
    assert (summary.added, summary.duplicates) == (0, len(sample_documents))
    assert _table_counts(archive) == before


def test_the_same_url_with_other_text_is_a_duplicate(archive: Store, sample_documents: list) -> None:
    seed = sample_documents[0]
    edited = dataclasses.replace(seed, id="seed-copy", text=seed.text + " ")
    assert ingest(archive, [edited]).duplicates == 1


def test_another_article_with_a_taken_id_gets_a_new_id(archive: Store, sample_documents: list) -> None:
    other = dataclasses.replace(sample_documents[1], text=sample_documents[1].text + " جديد", meta=Meta(source="x"))
    assert ingest(archive, [other]).added == 1
    assert load_document(archive, "hamza-2").document.text == other.text


def test_rejected_inputs_are_counted_with_their_reasons(archive: Store) -> None:
    error = InputError(Reason.NOT_ARABIC, "english.txt", "no Arabic letters")
    summary = ingest(archive, [error])
    assert summary.rejected == [error]
    assert summary.seen == 1


def test_a_person_named_in_two_articles_has_one_entity(archive: Store, sample_documents: list) -> None:
    seed = sample_documents[0]
    text = "قال فرانسوا هولاند إن الحكومة ستعمل."
    start = text.index("فرانسوا هولاند")
    span = Span(start, start + len("فرانسوا هولاند"))
    second = dataclasses.replace(
        seed, id="second", text=text, meta=Meta(source="x"), sentences=(), tokens=(), quotes=(), places=(),
        times=(), events=(), byline=None, entities=(Entity("e1", "PER", (span,), span),),
    )
    ingest(archive, [second])
    total, people = list_entities(archive, "PER", "هولاند")
    assert total == 1
    assert people[0].documents == 2

