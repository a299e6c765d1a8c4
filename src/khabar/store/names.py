"""What the archive knows of one document's entity: its name without clitics, its forms, titles and place.

The archive links entities across articles by these records (``resolve.py``), not by the raw canonical
text: "للولايات المتحدة" is the name "الولايات المتحدة" (ل + the article, whose alef "لل" does not write),
and a place the gazetteer resolved is known by its gazetteer id, whatever the article called it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.model import Document, Entity, Place, Span
from khabar.store.keys import name_key

SEPARATOR = "\x1f"  # between the forms (and titles) of one entity in a TEXT column
LAM = "ل"
ALEF = "ا"
MIN_LAM_NAME = 4  # "لله" and longer; "لل" alone is no name


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """One entity of one document, as the archive links it."""

    local_id: str  # Entity.id inside the document
    label: str
    name: str  # the canonical name as written, without proclitics
    key: str  # name_key(name)
    place: str | None  # "geo:<GeoNames id>", or "gaz:<name>:<country>" for a gazetteer place without one
    forms: tuple[str, ...]  # the keys of its mentions' names, distinct, fullest first
    roles: tuple[str, ...]  # the keys of its titles in apposition ("الرئيس الامريكي")
    mentions: int


def named_entities(doc: Document) -> list[NamedEntity]:
    """The archive's record of each entity of ``doc`` that has a name (in entity order)."""
    places = {place.entity_id: place for place in doc.places}
    found = []
    for entity in doc.entities:
        name = clean_name(doc.text, entity.canonical)
        key = name_key(name)
        if not key:
            continue
        found.append(NamedEntity(entity.id, entity.label, name, key, place_id(places.get(entity.id)),
                                 _forms(doc, entity, key), _roles(doc, entity), len(entity.mentions)))
    return found


def clean_name(text: str, span: Span) -> str:
    """The text of a name without a proclitic its span starts with: "للعراق" -> "العراق".

    The entity stage starts a name after its proclitics, except after ل + the article, which Arabic writes
    "لل" without the article's alef: that name keeps one lam, and the archive gives the alef back (a name
    that begins with lam, "للبنان" -> "البنان", is set right by the resolver, which knows "لبنان").

    >>> clean_name("زار للعراق", Span(4, 10))
    'العراق'
    """
    return without_lam_lam(text[span.start : span.end].strip())


def without_lam_lam(name: str) -> str:
    """A name that starts with ل + the article, written "لل", given the article's alef back; whether the
    segmenter split the word or not ("للفاينانشال تايمز" -> "الفاينانشال تايمز").

    >>> without_lam_lam("للولايات المتحدة")
    'الولايات المتحدة'
    """
    return ALEF + name[1:] if name.startswith(LAM + LAM) and len(name) > MIN_LAM_NAME else name


def place_id(place: Place | None) -> str | None:
    """How the archive knows a place: its GeoNames id, else the gazetteer's name and country."""
    if place is None:
        return None
    if place.geonames_id is not None:
        return f"geo:{place.geonames_id}"
    return f"gaz:{place.name}:{place.country_code or ''}"


def _forms(doc: Document, entity: Entity, key: str) -> tuple[str, ...]:
    forms = {key: 0}
    for mention in entity.mentions:
        form = name_key(clean_name(doc.text, mention))
        if form:
            forms.setdefault(form, 0)
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _roles(doc: Document, entity: Entity) -> tuple[str, ...]:
    roles = {name_key(clean_name(doc.text, role)) for role in entity.roles}
    return tuple(sorted(role for role in roles if role))


def own_identity(record: NamedEntity) -> str:
    """The archive entity a document's entity starts in: its place, else its name (spaces aside:
    "عبدالله" and "عبد الله" are one name)."""
    return f"place:{record.place}" if record.place else name_identity(record.key)


def name_identity(key: str) -> str:
    return "name:" + key.replace(" ", "")


def joined(values: Sequence[str]) -> str:
    return SEPARATOR.join(values)


def split_joined(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(SEPARATOR)) if value else ()
