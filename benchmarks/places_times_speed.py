"""Cost of the TimeTagger and the Geocoder against the rest of the pipeline, on one core.

    python benchmarks/places_times_speed.py [--articles 500] [--seed 0]

Runs normalise, byline, segment, entities, times and places over a seeded sample of ANT articles
(``benchmarks/corpus.py``), each stage timed through ``Pipeline.run_stage``, and prints the cost table,
the share of the two stages (target: at most 20% of the pipeline's time), and the load times of the
gazetteer and the time lexicons. When the NER model is not shipped yet, a stand-in entity stage tags
every word or word pair the gazetteer names as a LOC entity (more places than NER finds, so the
Geocoder's figure is an upper bound) and the share is taken over the stages that exist.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from typing import ClassVar

from corpus import json_lines, load_line, one_core, sample_lines
from timing import print_table, read_documents, time_stages

from khabar.model import Document, Entity, Span, TokenKind
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.normalise import normalise_query
from khabar.stages.places import Geocoder, load_gazetteer
from khabar.stages.places.gazetteer import Gazetteer
from khabar.stages.times import TimeTagger

OURS = ("times", "places")
TARGET_SHARE = 0.20


class GazetteerLocs:
    """A stand-in entity stage: every word or word pair the gazetteer names is a LOC entity."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "tokens"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.names = gazetteer.names

    def __call__(self, doc: Document) -> Document:
        words = [t for t in doc.tokens if t.kind is TokenKind.WORD]
        found: dict[str, list[Span]] = {}
        i = 0
        while i < len(words):
            pair = f"{doc.text[words[i].stem_start:words[i].stem_end]} {doc.text_of(words[i + 1])}" if i + 1 < len(words) else ""
            if pair and normalise_query(pair) in self.names:
                found.setdefault(normalise_query(pair), []).append(Span(words[i].stem_start, words[i + 1].end))
                i += 2
                continue
            stem = normalise_query(doc.text[words[i].stem_start : words[i].stem_end])
            if len(stem) > 3 and stem in self.names:
                found.setdefault(stem, []).append(Span(words[i].stem_start, words[i].stem_end))
            i += 1
        entities = tuple(Entity(f"e{n}", "LOC", tuple(spans), spans[0]) for n, spans in enumerate(found.values(), 1))
        return dataclasses.replace(doc, entities=entities)


def entity_stage(gazetteer: Gazetteer) -> tuple[object, str]:
    """The shipped EntityTagger, or the stand-in when no NER model is shipped."""
    from khabar.stages.entities import EntityTagger
    from khabar.stages.entities.tagger import ModelNotFound

    try:
        return EntityTagger.load(), "EntityTagger (shipped NER model)"
    except (ModelNotFound, OSError) as error:
        return GazetteerLocs(gazetteer), f"stand-in gazetteer LOCs ({error.__class__.__name__}: no NER model yet)"


def load_times() -> dict[str, float]:
    """Seconds to load the gazetteer, build the Geocoder and build the TimeTagger."""
    out = {}
    for name, build in (("gazetteer", load_gazetteer), ("Geocoder()", Geocoder), ("TimeTagger()", TimeTagger)):
        started = time.perf_counter()
        build()
        out[name] = time.perf_counter() - started
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args(argv)
    print(load_line())
    documents, rejected, _seconds = read_documents(json_lines(sample_lines(args.articles, args.seed, ("ant",))))
    gazetteer = load_gazetteer()
    entities, which = entity_stage(gazetteer)
    pipeline = Pipeline([*core_stages(), entities, TimeTagger(), Geocoder(gazetteer)])  # type: ignore[list-item]
    print(f"{len(documents)} ANT articles ({rejected} rejected), entities from: {which}")
    with one_core() as pinned:
        print(pinned)
        costs = time_stages(pipeline, documents, args.warmup)
    print_table(costs, {}, {"times + places": list(OURS), "all stages": [s.name for s in pipeline.stages]})
    total = sum(costs.seconds.values())
    share = sum(costs.seconds[name] for name in OURS) / total if total else 0.0
    verdict = "ok" if share <= TARGET_SHARE else "OVER TARGET"
    print(f"times + places: {share:.1%} of the pipeline's CPU time (target <= {TARGET_SHARE:.0%}): {verdict}")
    print("load: " + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in load_times().items()))
    print(load_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
