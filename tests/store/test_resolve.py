"""Entities resolved across articles: one per person, organisation or place; corrections kept."""

from __future__ import annotations

import dataclasses
import importlib
import re
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from khabar.model import Document, Entity, Event, Meta, Place, Quote, QuoteKind, Span, to_json
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.read import document_from_text
from khabar.store import (
    EventFilters,
    Filters,
    Store,
    entity_detail,
    find_events,
    find_quotes,
    ingest,
    list_entities,
    open_store,
)
from khabar.store.corrections import (
    CorrectionError,
    list_corrections,
    merge_entities,
    split_name,
    undo_correction,
)
from khabar.store.resolve import resolve
from khabar.store.sqlite import MIGRATIONS

CORE = Pipeline(core_stages())
# The modules (khabar.store exports functions of the same names)
resolve_module = importlib.import_module("khabar.store.resolve")
ingest_module = importlib.import_module("khabar.store.ingest")
US = Place("x", "United States", 38.9, -77.0, "US", "country", 0.95, geonames_id=6252001)
# (label, the entity's name as its first mention, its other mentions' text, its place)
EntitySpec = tuple[str, str, Sequence[str], Place | None]


def spans(text: str, needle: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]


def article(doc_id: str, text: str, *entities: EntitySpec, speaker: str | None = None) -> Document:
    """A segmented article with hand-made entities; ``speaker``: a quote said by this phrase, no entity."""
    doc = CORE(dataclasses.replace(document_from_text(text, doc_id), meta=Meta(source=doc_id, published="2018-01-01")))
    made, places = [], []
    for number, (label, name, others, place) in enumerate(entities, 1):
        first = _first_span(text, name)
        mentions = [first] + [s for other in others for s in spans(text, other) if not s.overlaps(first)]
        made.append(Entity(f"e{number}", label, tuple(sorted(set(mentions))), first))
        if place is not None:
            places.append(dataclasses.replace(place, entity_id=f"e{number}"))
    quotes = ()
    if speaker is not None:
        said = spans(text, speaker)[-1]
        quotes = (Quote("q1", QuoteKind.INDIRECT, Span(said.end + 1, len(text)), None, None, said),)
    return dataclasses.replace(doc, entities=tuple(made), places=tuple(places), quotes=quotes)


def _first_span(text: str, name: str) -> Span:
    return spans(text, name)[0]


def with_event(doc: Document, kind: str, trigger: str, actor: str, target: str | None = None,
               place: str | None = None) -> Document:
    """``doc`` with one more event; each participant is the article's entity named so nearest the trigger,
    or the phrase alone where no entity is named so."""
    at = spans(doc.text, trigger)[0]

    def named(name: str | None) -> tuple[str | None, Span | None]:
        if name is None:
            return None, None
        span = min(spans(doc.text, name), key=lambda s: abs(s.start - at.start))
        return next((e.id for e in doc.entities if span in e.mentions), None), span

    (actor_id, actor_span), (target_id, target_span) = named(actor), named(target)
    event = Event(f"v{len(doc.events) + 1}", kind, at, actor_id=actor_id, actor=actor_span, target_id=target_id,
                  target=target_span, place_id=named(place)[0])
    return dataclasses.replace(doc, events=(*doc.events, event))


def trump_articles() -> list[Document]:
    full = [article(f"full{i}", f"قال الرئيس الأمريكي دونالد ترامب في واشنطن إن ترامب سيزور الصين {'قريبا ' * i}.",
                    ("PER", "دونالد ترامب", ["ترامب"], None), ("LOC", "واشنطن", [], None), ("LOC", "الصين", [], None))
            for i in range(4)]
    short = [article(f"short{i}", f"أعلن ترامب من واشنطن أنه سيلتقي رئيس الصين {'غدا ' * i}.",
                     ("PER", "ترامب", [], None), ("LOC", "واشنطن", [], None), ("LOC", "الصين", [], None))
             for i in range(3)]
    ivanka = article("ivanka", "زارت إيفانكا ترامب نيويورك.", ("PER", "إيفانكا ترامب", [], None))
    return full + short + [ivanka]


def trump_events() -> list[Document]:
    """trump_articles with an event each: Trump (called so in full or by his surname) visits or meets China
    from Washington; Ivanka visits New York."""
    docs = trump_articles()
    full = [with_event(d, "CONSULT", "سيزور", "ترامب", "الصين", "واشنطن") for d in docs[:4]]
    short = [with_event(d, "CONSULT", "سيلتقي", "ترامب", "الصين", "واشنطن") for d in docs[4:7]]
    return [*full, *short, with_event(docs[7], "CONSULT", "زارت", "إيفانكا ترامب")]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "archive.db", create=True)
    yield opened
    opened.close()


def people(store: Store, name: str) -> list[tuple[str, int]]:
    return [(e.name, e.documents) for e in list_entities(store, "PER", name, limit=50)[1]]


def test_a_short_form_the_archive_uses_for_one_person_is_that_person(store: Store) -> None:
    ingest(store, trump_articles())
    assert people(store, "ترامب") == [("دونالد ترامب", 7), ("إيفانكا ترامب", 1)]
    (trump,) = [e for e in list_entities(store, "PER", "دونالد ترامب")[1]]
    assert set(entity_detail(store, trump.id).aliases) >= {"دونالد ترامب", "ترامب"}


def test_a_short_form_many_people_share_stays_apart(store: Store) -> None:
    # three people, each called "محمد" in their own articles: "محمد" alone could be any of them
    names = ["علي محمد", "أحمد محمد", "سامي محمد"] * 3
    docs = [article(f"m{i}", f"قال {name} إن محمد سيصل {'غدا ' * i}.", ("PER", name, ["محمد"], None))
            for i, name in enumerate(names)]
    docs += [article(f"x{i}", f"وصل محمد إلى المدينة {'اليوم ' * i}.", ("PER", "محمد", [], None)) for i in range(3)]
    ingest(store, docs)
    found = dict(people(store, "محمد"))
    assert found == {"محمد": 3, "علي محمد": 3, "أحمد محمد": 3, "سامي محمد": 3}


def test_one_name_is_one_entity_whatever_its_label(store: Store) -> None:
    labels = ["ORG", "ORG", "ORG", "MISC", "LOC"]
    ingest(store, [article(f"d{i}", f"هاجم تنظيم داعش المدينة {'مجددا ' * i}.", (label, "داعش", [], None))
                   for i, label in enumerate(labels)])
    total, found = list_entities(store, name="داعش")
    assert total == 1 and (found[0].label, found[0].documents) == ("ORG", 5)


def test_places_are_one_by_gazetteer_id_and_lose_their_clitics(store: Store) -> None:
    ingest(store, [
        article("a", "أعلنت الولايات المتحدة دعمها.", ("LOC", "الولايات المتحدة", [], US)),
        article("b", "قدمت أمريكا مساعدات.", ("LOC", "أمريكا", [], US)),
        article("c", "وجه الوزير رسالة للولايات المتحدة.", ("LOC", "للولايات المتحدة", [], US)),
        article("d", "وجه الوزير رسالة للولايات المتحدة مجددا.", ("LOC", "للولايات المتحدة", [], US)),
    ])
    total, found = list_entities(store, "LOC")
    assert total == 1 and found[0].documents == 4 and found[0].name == "الولايات المتحدة"
    detail = entity_detail(store, found[0].id)
    assert "أمريكا" in detail.aliases and not any(alias.startswith("لل") for alias in detail.aliases)


def test_a_spelling_variant_seen_in_the_same_company_is_the_same_person(store: Store) -> None:
    docs = [article(f"a{i}", f"قال دونالد ترامب في واشنطن إن الصين ثم روسيا {'ستتفاوضان ' * i}.",
                    ("PER", "دونالد ترامب", [], None), ("LOC", "واشنطن", [], None),
                    ("LOC", "الصين", [], None), ("LOC", "روسيا", [], None)) for i in range(4)]
    docs += [article(f"b{i}", f"قال دونالد ترمب في واشنطن إن الصين ثم روسيا {'تتفاوضان ' * i}.",
                     ("PER", "دونالد ترمب", [], None), ("LOC", "واشنطن", [], None),
                     ("LOC", "الصين", [], None), ("LOC", "روسيا", [], None)) for i in range(2)]
    ingest(store, docs)
    assert people(store, "دونالد") == [("دونالد ترامب", 6)]


def test_a_quote_by_a_short_name_alone_goes_to_the_person(store: Store) -> None:
    docs = trump_articles()
    docs.append(article("said", "وقال ترامب إن المحادثات ستستمر", speaker="ترامب"))
    ingest(store, docs)
    (trump,) = [e for e in list_entities(store, "PER", "دونالد ترامب")[1]]
    total, quotes = find_quotes(store, "", None)
    assert total == 1 and quotes[0].speaker_id == trump.id and quotes[0].speaker == "دونالد ترامب"
    assert trump.quotes == 1


def test_merges_and_splits_are_kept_across_ingests_and_can_be_undone(store: Store) -> None:
    ingest(store, trump_articles())
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    ivanka = list_entities(store, "PER", "إيفانكا ترامب")[1][0]
    kept = split_name(store, trump.id, "ترامب")
    assert kept != trump.id and people(store, "ترامب") == [("دونالد ترامب", 4), ("ترامب", 3), ("إيفانكا ترامب", 1)]
    assert merge_entities(store, [trump.id, ivanka.id]) == trump.id
    ingest(store, [article("later", "قال ترامب إن الصين شريك.", ("PER", "ترامب", [], None)),
                   article("later2", "زارت إيفانكا ترامب باريس.", ("PER", "إيفانكا ترامب", [], None))])
    assert people(store, "ترامب") == [("دونالد ترامب", 6), ("ترامب", 4)]
    assert entity_detail(store, ivanka.id).entity.id == trump.id  # the merged id shows the entity kept
    assert [c.kind for c in list_corrections(store)] == ["split", "merge"]
    undo_correction(store, list_corrections(store)[0].id)
    assert people(store, "ترامب")[0] == ("دونالد ترامب", 10)


def test_corrections_that_cannot_be_made_say_why(store: Store) -> None:
    ingest(store, trump_articles())
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    with pytest.raises(CorrectionError, match="no entity"):
        merge_entities(store, [trump.id, 99999])
    with pytest.raises(CorrectionError, match="itself"):
        split_name(store, trump.id, "دونالد ترامب")
    with pytest.raises(CorrectionError, match="no article calls"):
        split_name(store, trump.id, "أوباما")
    with pytest.raises(CorrectionError, match="no correction"):
        undo_correction(store, 12345)


def test_an_archive_of_the_first_schema_is_relinked_from_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        for number, doc in enumerate(trump_articles(), 1):
            blob = zlib.compress(to_json(doc, indent=None).encode("utf-8"))
            conn.execute("INSERT INTO documents (rowid, id, content_hash, source, text, document, ingested_at) "
                         "VALUES (?, ?, ?, 'x', ?, ?, 'now')", (number, doc.id, f"h{number}", doc.text, blob))
    with pytest.raises(Exception, match="open it once for writing"):
        open_store(path, readonly=True)
    with open_store(path) as store:
        assert people(store, "ترامب") == [("دونالد ترامب", 7), ("إيفانكا ترامب", 1)]
    with open_store(path, readonly=True) as store:
        assert store.connection.execute("SELECT count(*) FROM pending").fetchone()[0] == 0


def test_a_small_ingest_into_a_big_archive_follows_the_decisions_made_before(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, trump_events())
    monkeypatch.setattr(resolve_module, "SMALL_ARCHIVE", 0)  # as if the archive were big: no full resolution
    monkeypatch.setattr(resolve_module, "FULL_SHARE", 10.0)
    called = []
    monkeypatch.setattr(ingest_module, "resolve", lambda s: called.append(s))
    new = article("new", "قال ترامب إن المحادثات مع الصين ستستمر.", ("PER", "ترامب", [], None))
    said = article("said", "وهاجم ترامب وسائل الإعلام مجددا")  # "ترامب" a phrase, no entity
    ingest(store, [with_event(new, "CONSULT", "المحادثات", "ترامب"), with_event(said, "DISAPPROVE", "وهاجم", "ترامب"),
                   article("newer", "وصل السفير الجديد إلى موسكو.", ("PER", "السفير الجديد", [], None))])
    assert called == []
    assert people(store, "ترامب") == [("دونالد ترامب", 8), ("إيفانكا ترامب", 1)]
    assert people(store, "السفير الجديد") == [("السفير الجديد", 1)]  # a name never seen: its own entity
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    assert {"new", "said"} < set(event_actors(store, str(trump.id))) and references_follow_their_entities(store)


def test_corrections_applied_at_once_are_what_a_full_resolution_gives(store: Store) -> None:
    said = with_event(article("said", "وهاجم ترامب وسائل الإعلام وقال ترامب إنها كاذبة", speaker="ترامب"),
                      "DISAPPROVE", "وهاجم", "ترامب")
    ingest(store, [*trump_events(), said])
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    ivanka = list_entities(store, "PER", "إيفانكا ترامب")[1][0]
    split_name(store, trump.id, "ترامب")
    merge_entities(store, [ivanka.id, list_entities(store, "PER", "ترامب")[1][1].id])
    tables = {
        "doc_entities": "SELECT document, local_id, entity FROM doc_entities ORDER BY 1, 2",
        "entities": "SELECT rowid, documents, mentions, quotes FROM entities ORDER BY 1",
        "quotes": "SELECT rowid, speaker FROM quotes ORDER BY 1",
        "events": "SELECT rowid, actor, target, place FROM events ORDER BY 1",
    }
    before = {name: store.connection.execute(sql).fetchall() for name, sql in tables.items()}
    assert resolve(store).moved == 0
    assert {name: store.connection.execute(sql).fetchall() for name, sql in tables.items()} == before


def event_actors(store: Store, actor: str) -> list[str]:
    """The articles of the events ``actor`` (an entity id or a name) took part in as actor."""
    return sorted(hit.document.id for hit in find_events(store, EventFilters(actor=actor), limit=100)[1])


def references_follow_their_entities(store: Store) -> bool:
    """Every event participant with an entity in its article is where that entity is in the archive."""
    return store.connection.execute(
        "SELECT count(*) FROM events v JOIN doc_entities d ON d.document = v.document "
        "AND d.local_id IN (v.actor_local, v.target_local, v.place_local) "
        "WHERE d.entity NOT IN (coalesce(v.actor, -1), coalesce(v.target, -1), coalesce(v.place, -1))"
    ).fetchone()[0] == 0


def test_events_follow_their_participants_to_the_archive_entity(store: Store) -> None:
    ingest(store, trump_events())
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    everyone = sorted([f"full{i}" for i in range(4)] + [f"short{i}" for i in range(3)])
    # by id (the entity page), by its full name, by the surname the short articles use
    assert event_actors(store, str(trump.id)) == event_actors(store, "دونالد ترامب") == event_actors(store, "ترامب") == everyone
    total, hits = find_events(store, EventFilters(place="واشنطن", target="الصين"))
    assert total == 7 and {(h.actor_id, h.actor) for h in hits} == {(trump.id, "دونالد ترامب")}
    assert event_actors(store, "إيفانكا ترامب") == ["ivanka"]
    assert references_follow_their_entities(store)


def test_events_follow_merges_splits_and_their_undoing(store: Store) -> None:
    # with participants named by a phrase and no entity: "ترامب" (the speaker too), "إيفانكا ترامب"
    said = with_event(article("said", "وهاجم ترامب وسائل الإعلام وقال ترامب إنها كاذبة", speaker="ترامب"),
                      "DISAPPROVE", "وهاجم", "ترامب")
    visit = with_event(article("visit", "وصلت إيفانكا ترامب إلى باريس"), "CONSULT", "وصلت", "إيفانكا ترامب")
    ingest(store, [*trump_events(), said, visit])
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    ivanka = list_entities(store, "PER", "إيفانكا ترامب")[1][0]
    surname = split_name(store, trump.id, "ترامب")
    assert event_actors(store, str(trump.id)) == [f"full{i}" for i in range(4)]
    assert event_actors(store, str(surname)) == ["said", *(f"short{i}" for i in range(3))]
    assert find_quotes(store, "", Filters(speaker=str(surname)))[1][0].speaker_id == surname
    assert merge_entities(store, [trump.id, ivanka.id]) == trump.id
    assert event_actors(store, str(ivanka.id)) == event_actors(store, str(trump.id)) == [
        "full0", "full1", "full2", "full3", "ivanka", "visit"]
    assert references_follow_their_entities(store)
    later = article("later", "قال ترامب إنه سيلتقي رئيس الصين.", ("PER", "ترامب", [], None), ("LOC", "الصين", [], None))
    ingest(store, [with_event(later, "CONSULT", "سيلتقي", "ترامب", "الصين")])
    assert "later" in event_actors(store, str(surname)) and "later" not in event_actors(store, str(trump.id))
    undo_correction(store, list_corrections(store)[0].id)  # the split: the surname is Trump's again
    assert len(event_actors(store, str(trump.id))) == 11 and references_follow_their_entities(store)


def test_an_event_by_a_short_name_alone_goes_to_the_person(store: Store) -> None:
    said = with_event(article("said", "وهاجم ترامب وسائل الإعلام مجددا"), "DISAPPROVE", "وهاجم", "ترامب")
    ingest(store, [*trump_articles(), said])
    trump = list_entities(store, "PER", "دونالد ترامب")[1][0]
    (hit,) = find_events(store, EventFilters(actor=str(trump.id)))[1]
    assert (hit.document.id, hit.actor_id, hit.actor) == ("said", trump.id, "دونالد ترامب")
