"""Mark the places where the news happens (``Place.focus``) among all the places an article names.

A place's weight is its number of mentions, doubled for a mention in the article's opening (the title,
dateline and lead), and halved for countries and world regions, which frame the story more often than
they locate it. The focus places are the heaviest ones with at least ``share`` of the top weight. A
dateline alone does not make a focus: outlets file everything from their home city.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from khabar.model import Document, Entity, Place

OPENING_CHARS = 300  # title, dateline and the lead sentence, for news copy
BROAD_FEATURES = frozenset({"country", "region"})
MIN_FOCUS_CONFIDENCE = 0.3


def _weight(entity: Entity, place: Place, byline_end: int) -> float:
    body = [m for m in entity.mentions if m.start >= byline_end]
    weight = float(len(body)) + sum(1.0 for m in body if m.start < byline_end + OPENING_CHARS)
    return weight * (0.5 if place.feature in BROAD_FEATURES else 1.0)


def mark_focus(places: Sequence[Place], entities: Sequence[Entity], doc: Document,
               max_focus: int, share: float) -> tuple[Place, ...]:
    """``places`` with ``focus`` set on the few where the article's news happens."""
    by_id = {e.id: e for e in entities}
    byline_end = doc.byline.span.end if doc.byline is not None else 0
    weights = {
        p.entity_id: _weight(by_id[p.entity_id], p, byline_end) if p.confidence >= MIN_FOCUS_CONFIDENCE else 0.0
        for p in places
    }
    top = max(weights.values(), default=0.0)
    if top <= 0:
        return tuple(places)
    ranked = sorted((w, i) for i, w in enumerate(weights[p.entity_id] for p in places) if w >= share * top)
    chosen = {i for _w, i in sorted(ranked, key=lambda r: (-r[0], r[1]))[:max_focus]}
    return tuple(dataclasses.replace(p, focus=True) if i in chosen else p for i, p in enumerate(places))
