"""Crude stand-in layers (entities, quotes, places) for the archive benchmark, while the real stages are missing.

Not NLP: a few dozen well-known names matched as whole words on the normalised view, and a "quote" for
each sentence where a reporting verb follows a matched person. It exists only so that the archive's
entity, mention, quote and place tables reach realistic sizes and their queries can be timed.
"""

from __future__ import annotations

import dataclasses
import re

from khabar.model import Document, Entity, Place, Quote, QuoteKind, Span
from khabar.model.normalised import Normalised
from khabar.stages.normalise import normalise, normalise_query

PEOPLE = ("دونالد ترامب", "ترامب", "بوتين", "ماكرون", "أردوغان", "محمد بن سلمان", "نتنياهو", "ميركل", "تيريزا ماي",
          "روحاني", "بشار الأسد", "عبد الفتاح السيسي", "ميسي", "رونالدو", "محمد صلاح", "كيم جونغ أون", "غوتيريش")
ORGS = ("الأمم المتحدة", "الاتحاد الأوروبي", "مجلس الأمن", "حلف الناتو", "منظمة الصحة العالمية", "صندوق النقد الدولي",
        "الفيفا", "البنك الدولي", "جامعة الدول العربية", "تنظيم الدولة")
PLACES = {
    "العراق": (33.0, 44.0, "IQ", "country"), "سوريا": (35.0, 38.0, "SY", "country"), "السعودية": (24.0, 45.0, "SA", "country"),
    "الإمارات": (24.0, 54.0, "AE", "country"), "مصر": (27.0, 30.0, "EG", "country"), "إيران": (32.0, 53.0, "IR", "country"),
    "تركيا": (39.0, 35.0, "TR", "country"), "روسيا": (60.0, 100.0, "RU", "country"), "تونس": (34.0, 9.0, "TN", "country"),
    "واشنطن": (38.9, -77.04, "US", "city"), "موسكو": (55.75, 37.62, "RU", "city"), "باريس": (48.85, 2.35, "FR", "city"),
    "لندن": (51.51, -0.13, "GB", "city"), "بغداد": (33.34, 44.4, "IQ", "city"), "دمشق": (33.51, 36.29, "SY", "city"),
    "القاهرة": (30.06, 31.25, "EG", "city"), "الرياض": (24.69, 46.72, "SA", "city"), "الموصل": (36.34, 43.12, "IQ", "city"),
    "بيروت": (33.89, 35.5, "LB", "city"), "القدس": (31.77, 35.23, None, "city"), "غزة": (31.5, 34.47, "PS", "city"),
}
CUES = ("قال", "وقال", "أكد", "وأكد", "أضاف", "وأضاف", "أعلن", "وأعلن")


def _pattern(names: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(normalise_query(n)) for n in names), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:[وبل]|ال)?({'|'.join(alternatives)})(?!\w)")


_NAMES = [(label, name) for label, names in (("PER", PEOPLE), ("ORG", ORGS), ("LOC", tuple(PLACES))) for name in names]
_PATTERN = _pattern([name for _, name in _NAMES])
_LABEL = {normalise_query(name): label for label, name in _NAMES}
_PLACE = {normalise_query(name): row for name, row in PLACES.items()}
_CUE = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, map(normalise_query, CUES)))})(?!\w)")


def add_fake_layers(doc: Document) -> Document:
    """The Document with stand-in entities, places and quotes."""
    view = doc.normalised or normalise(doc.text)
    found: dict[str, list[Span]] = {}
    for match in _PATTERN.finditer(view.text):
        found.setdefault(match.group(1), []).append(Span(*view.original_span(*match.span(1))))
    entities = tuple(
        Entity(f"e{i}", _LABEL[key], tuple(spans), spans[0]) for i, (key, spans) in enumerate(found.items(), 1)
    )
    by_key = dict(zip(found, entities, strict=True))
    places = tuple(
        Place(by_key[key].id, key, lat, lon, country, feature, 0.5)
        for key, (lat, lon, country, feature) in _PLACE.items() if key in by_key
    )
    return dataclasses.replace(doc, entities=entities, places=places, quotes=_quotes(doc, view.text, view, entities))


def _quotes(doc: Document, text: str, view: Normalised, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    people = sorted((m, e) for e in entities if e.label == "PER" for m in e.mentions)
    quotes: list[Quote] = []
    for sentence in doc.sentences:
        start, end = view.view_span(sentence.start, sentence.end)
        cue = _CUE.search(text, start, end)
        if cue is None:
            continue
        cue_span = Span(*view.original_span(*cue.span()))
        speaker = next(((m, e) for m, e in people if sentence.start <= m.start and m.end <= sentence.end), None)
        if cue_span.end + 2 >= sentence.end:
            continue
        content = Span(cue_span.end + 1, sentence.end)
        quotes.append(Quote(f"q{len(quotes) + 1}", QuoteKind.INDIRECT, content, cue_span,
                            speaker[1].id if speaker else None, speaker[0] if speaker else None))
    return tuple(quotes)
