"""With its optional C extensions or without them, khabar writes the very same Documents: on any text (marks,
NUL, lone surrogates, presentation forms, bidi controls) and on the golden real articles.

One process runs both: the C pipeline as installed, and a pipeline built and run while every compiled routine
is hidden (each module falls back to its Python/numpy code when its ``_compiled...`` name is None).
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.model import Document, to_json
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.byline import load_outlets
from khabar.stages.entities import crf, features, rules, viterbi
from khabar.stages.entities.coref import load_heads
from khabar.stages.entities.roles import load_titles
from khabar.stages.entities.stage import EntityTagger
from khabar.stages.entities.tagger import Tagger, load_tagger
from khabar.stages.places.geocoder import Geocoder
from khabar.stages.quotes.finder import QuoteFinder
from khabar.stages.read import read_path
from khabar.stages.times.tagger import TimeTagger

# The NER's routines with a Python twin. (The normaliser and the tokeniser loop have none: their C is the one
# implementation, held to its Python reference by tests/stages/test_normalise.py and tests/stages/segment.)
COMPILED_ROUTINES = [
    (features, "_compiled_features"),
    (features, "_compiled_rows"),
    (features, "_compiled_second_pass"),
    (viterbi, "_compiled_viterbi"),
    (crf, "_normal_serials"),
    (crf, "_static_sums"),
    (crf, "_extra_emissions"),
    (rules, "_compiled_stems"),
]
ODD = ["\x00", "\ud800", "\udfff", "\u200f", "\ufdfa", "\ufefb", "ـ", "\u064e", "|", "٣", "😀", "A", "ى", "ة", "لل", "\u00a0", "«", "»", ":"]
TEXT = st.lists(st.sampled_from([*"ابتجحدرسعفقكلمنهوي ءأإآةى.،:«»\n", *ODD, "قال", "الموصل", "إن", "محمد"]), max_size=120).map("".join)
GOLDEN = sorted((Path(__file__).parents[1] / "golden").glob("*/article.*"))

pytestmark = pytest.mark.skipif(any(getattr(module, name) is None for module, name in COMPILED_ROUTINES),
                                reason="khabar was installed without some of its C extensions: nothing to compare")


@contextlib.contextmanager
def without_c() -> Iterator[None]:
    """Every compiled routine hidden: the code runs its Python/numpy path."""
    with pytest.MonkeyPatch.context() as patch:
        for module, name in COMPILED_ROUTINES:
            patch.setattr(module, name, None)
        yield


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    """(the C pipeline, the Python one): the Python one's tagger is loaded afresh with the C hidden, so that its
    scorer and feature extractor hold no compiled routine either."""
    def build(tagger: Tagger) -> Pipeline:
        entities = EntityTagger(tagger, load_heads(), load_titles(), load_outlets(), rules.load_rules())
        return Pipeline([*core_stages(), entities, TimeTagger(), Geocoder(), QuoteFinder()])

    compiled = build(load_tagger(cached=False))
    with without_c():
        python = build(load_tagger(cached=False))
    return compiled, python


def both(pipelines: tuple[Pipeline, Pipeline], doc: Document) -> tuple[str, str]:
    compiled, python = pipelines
    with without_c():
        expected = to_json(python(doc))
    return to_json(compiled(doc)), expected


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gives_the_same_document(pipelines: tuple[Pipeline, Pipeline], text: str) -> None:
    got, expected = both(pipelines, Document(id="t", text=text))
    assert got == expected


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.parent.name)
def test_golden_articles_with_odd_characters_give_the_same_documents(pipelines: tuple[Pipeline, Pipeline], case: Path) -> None:
    (doc,) = read_path(case)
    assert isinstance(doc, Document)
    got, expected = both(pipelines, doc)
    assert got == expected
    chars = list(doc.text)
    rng = random.Random(case.parent.name)
    for _ in range(60):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(ODD))
    got, expected = both(pipelines, Document(id=doc.id, text="".join(chars), meta=doc.meta))
    assert got == expected
