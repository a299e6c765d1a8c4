"""Score geocoding against the hand-made gold of ``tests/data/places_gold.jsonl``.

Each gold line names an article of the dev set (texts and publication dates in
``shared/eval/dev/articles.jsonl``) and its places: the mentions' offsets, and either the GeoNames id
(cities, continents; and for countries also the ISO code), or, for regions and features the packages
have no GeoNames record of, a point and a tolerance in km. A gold place is right when the predicted
place has the same GeoNames id, or, for a country, the same country code and the country feature, or,
without an id, lies within the tolerance.

By default the Documents carry the gold LOC mentions as entities, so geocoding is measured on its own;
``analyse`` may instead run a whole pipeline, whose LOC entities are then matched to the gold places by
overlapping mentions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.model import Document, Entity, Meta, Place, Span
from khabar.stages.byline import BylineFinder
from khabar.stages.normalise import Normaliser
from khabar.stages.places import Geocoder

EARTH_RADIUS_KM = 6371.0
Analyse = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """One place of the gold: where it is named and what it should resolve to."""

    name: str
    mentions: tuple[Span, ...]
    feature: str
    geonames_id: int | None
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    tolerance_km: float = 0.0
    aliases: tuple[str, ...] = ()  # the other surface forms of the place in the text


@dataclass(slots=True)
class PlacesReport:
    """Counts and the places that went wrong, for printing."""

    total: int = 0
    right: int = 0
    unresolved: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def lines(self) -> list[str]:
        """The report for people."""
        head = (f"places: {self.right}/{self.total} right ({self.accuracy:.1%}), "
                f"{self.unresolved} unresolved, {self.total - self.right - self.unresolved} wrong")
        return [head, *("  " + e for e in self.errors)]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSON Lines file."""
    try:
        with open(path, encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(f"cannot read {path}: {exc}") from exc


def read_articles(dev: Path) -> dict[str, dict[str, Any]]:
    """The dev articles (id -> {text, published, ...}) of ``dev/articles.jsonl``."""
    return {row["id"]: row for row in read_jsonl(dev / "articles.jsonl")}


def geocoding_only() -> Analyse:
    """Normalise, find the byline and geocode: what the Geocoder needs besides the (gold) entities."""
    stages = (Normaliser(), BylineFinder(), Geocoder())

    def analyse(doc: Document) -> Document:
        for stage in stages:
            doc = stage(doc)
        return doc

    return analyse


def _gold_place(row: dict[str, Any]) -> GoldPlace:
    return GoldPlace(
        name=row["name"],
        mentions=tuple(Span(s, e) for s, e in row["mentions"]),
        feature=row["feature"],
        geonames_id=row.get("geonames_id"),
        country=row.get("country"),
        latitude=row.get("lat"),
        longitude=row.get("lon"),
        tolerance_km=float(row.get("tolerance_km", 0.0)),
        aliases=tuple(row.get("aliases", ())),
    )


def read_gold(path: Path) -> dict[str, list[GoldPlace]]:
    """The gold places of each article."""
    return {row["id"]: [_gold_place(p) for p in row["places"]] for row in read_jsonl(path)}


def gold_document(doc_id: str, article: dict[str, Any], places: Iterable[GoldPlace]) -> Document:
    """The article as a Document whose entities are the gold places (``p1``, ``p2`` ...)."""
    entities = tuple(
        Entity(f"p{i}", "LOC", place.mentions, place.mentions[0]) for i, place in enumerate(places, start=1)
    )
    meta = Meta(source=doc_id, published=article.get("published"))
    return Document(id=doc_id, text=article["text"], meta=meta, entities=entities)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine).

    >>> round(distance_km(48.8534, 2.3488, 51.5085, -0.1257))
    344
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def is_right(gold: GoldPlace, place: Place) -> bool:
    """Whether ``place`` is the gold place (same id, same country, or close enough)."""
    if gold.feature == "country":
        return place.feature == "country" and place.country_code == gold.country
    if gold.geonames_id is not None:
        return place.geonames_id == gold.geonames_id
    if gold.latitude is None or gold.longitude is None:
        return False
    return distance_km(gold.latitude, gold.longitude, place.latitude, place.longitude) <= gold.tolerance_km


def _predicted(doc: Document, gold: GoldPlace, index: int, gold_entities: bool) -> Place | None:
    places = {p.entity_id: p for p in doc.places}
    if gold_entities:
        return places.get(f"p{index}")
    for entity in doc.entities:  # the pipeline's own entities: the one sharing a mention with the gold
        if entity.id in places and any(m.overlaps(g) for m in entity.mentions for g in gold.mentions):
            return places[entity.id]
    return None


def evaluate_places(gold: dict[str, list[GoldPlace]], articles: dict[str, dict[str, Any]],
                    analyse: Analyse, *, gold_entities: bool = True) -> PlacesReport:
    """Geocode every gold article with ``analyse`` and count the gold places resolved right."""
    report = PlacesReport()
    for doc_id, places in gold.items():
        if doc_id not in articles:
            raise ResourceError(f"gold article {doc_id!r} is not in the dev articles")
        doc = analyse(gold_document(doc_id, articles[doc_id], places if gold_entities else ()))
        for index, gold_place in enumerate(places, start=1):
            report.total += 1
            place = _predicted(doc, gold_place, index, gold_entities)
            if place is None:
                report.unresolved += 1
                report.errors.append(f"{doc_id} {gold_place.name}: unresolved")
            elif is_right(gold_place, place):
                report.right += 1
            else:
                report.errors.append(f"{doc_id} {gold_place.name}: got {place.name} ({place.country_code}, "
                                     f"{place.feature}, id {place.geonames_id}), want id {gold_place.geonames_id} "
                                     f"({gold_place.country}, {gold_place.feature})")
    return report
