"""Hand-built Documents for archive tests: the seed article with every layer filled, and small oddities.

The NLP stages (entities, quotes, places, times) land in ``default_pipeline()`` one by one; these
annotations let the store, the API and the web page be tested on all layers now. ``annotate_seed``
fills only the layers a Document does not have yet, so it keeps working as the stages arrive.
Loaded by path from the conftest files (test folders are not packages).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from khabar.model import (
    Document,
    Entity,
    Event,
    EventMode,
    Meta,
    Place,
    Quote,
    QuoteKind,
    Span,
    TimeExpression,
)
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.read import document_from_text, read_path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "src" / "khabar" / "resources" / "examples" / "seed.txt"
SEED_META = {"published": "2016-10-25", "outlet": "المغرب اليوم", "url": "https://example.org/seed"}

# (id, label, canonical name, shorter forms used later in the text)
SEED_ENTITIES = (
    ("e1", "PER", "جان إيف لو دريان", ("لو دريان",)),
    ("e2", "PER", "أشتون كارتر", ("كارتر",)),
    ("e3", "PER", "فرانسوا هولاند", ("هولاند",)),
    ("e4", "PER", "إبراهيم الجعفري", ()),
    ("e5", "LOC", "الموصل", ()),
    ("e6", "LOC", "الرقة", ()),
    ("e7", "LOC", "باريس", ()),
    ("e8", "LOC", "العراق", ()),
    ("e9", "ORG", "داعش", ()),
)
# (id, kind, cue, content start, content end, speaker name)
SEED_QUOTES = (
    ("q1", QuoteKind.INDIRECT, "قال", "إنه يجري حالياً", "تنظيم داعش الإرهابي", "لو دريان"),
    ("q2", QuoteKind.DIRECT, "واستطرد", "إن الخلافة أمر", "لن تستطيع البقاء", "لو دريان"),
    ("q3", QuoteKind.DIRECT, "وقال", "نحن كأعضاء", "على الرقة أيضا", "كارتر"),
    ("q4", QuoteKind.DIRECT, "وأضاف:", "مستقبل المدينة", "والعراق على المحك", "هولاند"),
)
SEED_PLACES = (
    ("e5", "Mosul", 36.335, 43.119, "IQ", "city"),
    ("e6", "Ar Raqqah", 35.95, 39.009, "SY", "city"),
    ("e7", "Paris", 48.853, 2.349, "FR", "city"),
    ("e8", "Iraq", 33.0, 44.0, "IQ", "country"),
)
SEED_TIMES = (("الثلاثاء", "DATE", "2016-10-25"), ("عام 2014", "DATE", "2014"))
# (id, type, trigger, actor entity or phrase, target entity, place entity, mode, date, quote)
SEED_EVENTS = (
    ("v1", "ASSAULT", "غارات", "فرنسا", "e9", "e8", EventMode.OCCURRED, "2014", None),
    ("v2", "DEMAND", "دعا", "e3", None, None, EventMode.OCCURRED, "2016-10-25", None),
    ("v3", "CONSULT", "اجتماع", "وزراء دفاع 11 دولة", None, "e7", EventMode.OCCURRED, "2016-10-25", "q1"),
    ("v4", "ASSAULT", "لمهاجمة", "e9", None, None, EventMode.PLANNED, None, "q4"),
)


def words(text: str, needle: str) -> list[Span]:
    """Every whole-word occurrence of ``needle`` in ``text``."""
    pattern = re.compile(rf"(?<![\w]){re.escape(needle)}(?![\w])")
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def first(text: str, needle: str, start: int = 0) -> Span:
    index = text.index(needle, start)
    return Span(index, index + len(needle))


def seed_document(pipeline: Pipeline | None = None) -> Document:
    """The seed article read from the package, run through ``pipeline`` (the core stages by default)."""
    doc = next(read_path(SEED))
    doc = dataclasses.replace(doc, id="seed", meta=dataclasses.replace(doc.meta, **SEED_META))
    return (pipeline or Pipeline(core_stages()))(doc)


def annotate_seed(doc: Document) -> Document:
    """Fill the seed's empty layers (entities, quotes, places, times, events) with hand-made annotations."""
    text = doc.text
    changes: dict[str, object] = {}
    entities = doc.entities
    if not entities:
        entities = tuple(_seed_entity(text, *row) for row in SEED_ENTITIES)
        changes["entities"] = entities
    if not doc.quotes:
        changes["quotes"] = tuple(_seed_quote(text, entities, *row) for row in SEED_QUOTES)
    if not doc.places and "entities" in changes:
        changes["places"] = tuple(
            Place(entity_id, name, lat, lon, country, feature, 0.9, focus=entity_id == "e5")
            for entity_id, name, lat, lon, country, feature in SEED_PLACES
        )
    if not doc.times:
        changes["times"] = tuple(TimeExpression(first(text, t), kind, value, True) for t, kind, value in SEED_TIMES)
    if not doc.events and "entities" in changes and "quotes" in changes:
        changes["events"] = tuple(_seed_event(text, entities, *row) for row in SEED_EVENTS)
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def _seed_entity(text: str, entity_id: str, label: str, name: str, short: tuple[str, ...]) -> Entity:
    full = words(text, name)
    mentions = list(full)
    for form in short:
        mentions += [s for s in words(text, form) if not any(f.contains(s) for f in full)]
    return Entity(entity_id, label, tuple(sorted(mentions)), full[0])


def _seed_quote(
    text: str, entities: tuple[Entity, ...], quote_id: str, kind: QuoteKind, cue: str, begin: str, end: str, speaker: str
) -> Quote:
    """A quote whose speaker is the entity (the pipeline's or ours) with a mention of ``speaker``."""
    content = Span(text.index(begin), text.index(end) + len(end))
    cue_span = first(text, cue, max(0, text.rfind("\n", 0, content.start)))
    said = [s for s in words(text, speaker) if s.end <= content.start][-1]
    entity = next((e for e in entities if e.label == "PER" and any(m.overlaps(said) for m in e.mentions)), None)
    return Quote(quote_id, kind, content, cue_span, entity.id if entity else None, said)


def _seed_event(
    text: str, entities: tuple[Entity, ...], event_id: str, kind: str, trigger: str, actor: str, target: str | None,
    place: str | None, mode: EventMode, date: str | None, quote: str | None,
) -> Event:
    """An event whose actor is an entity id ("e3") or a phrase of the text after the trigger or before it."""
    trigger_span = first(text, trigger)
    ids = {e.id: e for e in entities}
    if actor in ids:
        actor_span = min(ids[actor].mentions, key=lambda m: abs(m.start - trigger_span.start))
        actor_id: str | None = actor
    else:
        actor_span, actor_id = first(text, actor, max(0, trigger_span.start - 40)), None
    return Event(
        event_id, kind, trigger_span, mode, actor_id, actor_span, target, None, place, date, None, quote,
    )


def hamza_document() -> Document:
    """Diacritics, hamza and ta marbuta, to check that a plain query finds them."""
    text = "أعلنت الأُمَمُ المتّحدة أنّ المساعدات وصلت إلى مدينةِ المَوْصِل، وقال مسؤولٌ إنّ الوضعَ مستقرّ."
    return Pipeline(core_stages())(
        dataclasses.replace(document_from_text(text, "hamza"), meta=Meta(source="<test>", published="2017-03-01"))
    )


def script_document() -> Document:
    """An article whose text and entity name hold markup: it must show as text, never run."""
    text = 'قال الوزير <script>window.__xss = 1</script> إن <img src=x onerror="window.__xss=2"> الوضع في الموصل مستقر.'
    doc = document_from_text(text, "xss")
    name = first(text, "<script>window.__xss = 1</script>")
    loc = first(text, "الموصل")
    return dataclasses.replace(
        Pipeline(core_stages())(doc),
        meta=Meta(source="<test>", title="<b>عنوان</b> <script>window.__xss = 3</script>", published="2018-01-02"),
        entities=(Entity("e1", "PER", (name,), name), Entity("e2", "LOC", (loc,), loc)),
        quotes=(Quote("q1", QuoteKind.INDIRECT, Span(loc.start - 7, len(text) - 1), first(text, "قال"), "e1", name),),
    )


def all_samples() -> list[Document]:
    return [annotate_seed(seed_document()), hamza_document(), script_document()]
