"""Venues and buildings ("مسرح محمد الخامس", "ملعب ويمبلي", "جامعة القاهرة") placed in their city.

An entity whose name opens with a building word of ``designators.tsv`` (مسرح، ملعب، قصر، جامعة ...) is a
venue, whatever label the tagger gave it (a university is often an ORG). A venue the gazetteer knows by name
("البيت الأبيض", "قصر الإليزيه") is placed there by the Geocoder; one named after a place ("جامعة القاهرة",
"ملعب الرباط") at that place; otherwise at the city the text puts it in:

1. "X في الرباط", "X بالرباط" right after a mention (``context.place_after``);
2. the nearest city named before it in the same sentence, else the nearest one after it (a city named as a
   reference point, "جنوب بغداد", only when no other is);
3. the dateline's city;
4. the article's most mentioned city, when it has one.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.model import Document, Entity, Normalised, Place, Span
from khabar.stages.places.gazetteer import Gazetteer, name_key

BUILDING = "building"
CITY_FEATURES = frozenset({"city"})
DIRECTIONS = frozenset(name_key(w) for w in ("جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي"))
REFERENCE_CHARS = 12  # the word before a mention


def is_venue(entity: Entity, view: Normalised, gazetteer: Gazetteer) -> bool:
    """Whether the entity's name opens with a building word ("مسرح", "ملعب", "قصر" ...) or is a building of
    the gazetteer ("البيت الأبيض", often the tagger's ORG)."""
    start, end = view.view_span(entity.canonical.start, entity.canonical.end)
    words = view.text[start:end].split()
    if len(words) > 1 and gazetteer.designators.get(words[0]) == BUILDING:
        return True
    return any(c.feature == BUILDING for c in gazetteer.lookup(name_key(view.text[start:end])))


def venue_city(entity: Entity, places: Sequence[Place], entities: Sequence[Entity], doc: Document,
               dateline: Place | None) -> Place | None:
    """The city place a venue without a place of its own is in (see the module's docstring, 2 to 4)."""
    by_id = {e.id: e for e in entities}
    cities = [(m, p) for p in places if p.feature in CITY_FEATURES and p.entity_id != entity.id
              for m in by_id[p.entity_id].mentions]
    if not cities:
        return dateline
    first = min(entity.mentions)
    sentence = _sentence_of(doc.sentences, first.start)
    same = [(m, p) for m, p in cities if sentence is not None and sentence.start <= m.start < sentence.end]
    if same:
        located = [(m, p) for m, p in same if not _reference_point(doc.text, m)]
        same = located or same  # "في الناصرية ... جنوب بغداد، في ساحة الحبوبي": Baghdad only locates Nasiriyah
        before = [(m, p) for m, p in same if m.start < first.start]
        return max(before)[1] if before else min(same)[1]
    if dateline is not None:
        return dateline
    counts: dict[str, int] = {}
    for _, place in cities:
        counts[place.entity_id] = counts.get(place.entity_id, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return next(p for p in places if p.entity_id == ranked[0][0])
    return None


def _reference_point(text: str, mention: Span) -> bool:
    """Whether a city is named as a reference point: after a direction ("جنوب بغداد", "شمالي حلب")."""
    words = text[max(0, mention.start - REFERENCE_CHARS) : mention.start].split()
    return bool(words) and name_key(words[-1]) in DIRECTIONS


def _sentence_of(sentences: Sequence[Span], offset: int) -> Span | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)
