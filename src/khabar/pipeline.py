"""Run declared stages in order, and check after each one that the Document still holds together.

``Pipeline([...])`` refuses an order in which a stage needs a field no earlier stage provides. After
every stage it checks that the stage changed only the fields it declared and that every span of those
fields is in bounds and well ordered, naming the stage that broke an invariant.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from khabar.errors import InputError, KhabarError, OffsetError, PipelineError, StageError
from khabar.model import Document, check_offsets
from khabar.model.offsets import LAYERS
from khabar.stages.base import READ_FIELDS, Stage
from khabar.stages.byline import BylineFinder
from khabar.stages.entities.descriptions import DescriptionLinker
from khabar.stages.events import EventFinder
from khabar.stages.normalise import Normaliser
from khabar.stages.places import Geocoder
from khabar.stages.quotes import QuoteFinder
from khabar.stages.read import ReadOptions, read_sources
from khabar.stages.segment import Segmenter
from khabar.stages.times import TimeTagger

_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
GC_YOUNG_THRESHOLD = 20_000  # allocations between young-generation collections (Python's default: 700)


def settle_after_loading() -> None:
    """Tune this process's garbage collector once the models are loaded.

    For processes that run the pipeline over many articles and little else: a batch worker, ``khabar analyze``
    and ``khabar ingest`` (a library leaves the collector to its caller). The models and lexicons are millions
    of long-lived objects that the cyclic collector would rescan on every full collection (``gc.freeze``
    exempts them), and the per-word caches grow by thousands of small tuples per article, which at the
    default threshold starts a collection every few hundred allocations. Measured on 1,500 articles: the
    collector's share of the time 7% → 1%.
    """
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), middle, old)


@dataclass(frozen=True, slots=True)
class StageTiming:
    """Seconds one stage spent, summed over the documents it ran on."""

    name: str
    seconds: float
    documents: int


def _check_order(stages: Sequence[Stage]) -> None:
    available = set(READ_FIELDS)
    for stage in stages:
        if not isinstance(stage, Stage):
            raise PipelineError(f"{stage!r} is not a stage (it needs name, requires, provides and __call__)")
        missing = stage.requires - available
        if missing:
            raise PipelineError(
                f"{stage.name} requires {sorted(missing)}; provided so far: {sorted(available)}"
            )
        available |= stage.provides


def _changed_fields(before: Document, after: Document) -> set[str]:
    return {name for name in _DOCUMENT_FIELDS if getattr(before, name) is not getattr(after, name)}


class Pipeline:
    """An ordered list of stages; call it on a Document.

    >>> from khabar.stages.read import document_from_text
    >>> pipeline = Pipeline([Normaliser(), Segmenter()])
    >>> len(pipeline(document_from_text("قال الوزير إن الوضع مستقر.", "d1")).tokens)
    6
    """

    def __init__(self, stages: Sequence[Stage], *, check: bool = True) -> None:
        _check_order(stages)
        self.stages = tuple(stages)
        self.check = check

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    @property
    def provides(self) -> frozenset[str]:
        return frozenset(READ_FIELDS).union(*(stage.provides for stage in self.stages))

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = self.run_stage(stage, doc)
        return doc

    def run_stage(self, stage: Stage, doc: Document) -> Document:
        """Run one stage on ``doc``, then check what it changed."""
        try:
            out = stage(doc)
        except KhabarError as exc:
            raise StageError(stage.name, doc.id, str(exc)) from exc
        except Exception as exc:  # noqa: BLE001 - any bug in a stage is reported with the stage and document named
            raise StageError(stage.name, doc.id, f"{type(exc).__name__}: {exc}") from exc
        if self.check:
            self._verify(stage, doc, out)
        return out

    def _verify(self, stage: Stage, before: Document, after: Document) -> None:
        changed = _changed_fields(before, after)
        undeclared = changed - stage.provides
        if undeclared:
            raise StageError(stage.name, before.id, f"changed {sorted(undeclared)}, which it does not declare in provides")
        try:
            check_offsets(after, [layer for layer in LAYERS if layer in changed])
        except OffsetError as exc:
            raise StageError(stage.name, before.id, str(exc)) from exc

    def run_many(self, docs: Iterable[Document | InputError]) -> Iterator[Document | InputError | StageError]:
        """Run over many inputs; read errors pass through and a failing document becomes its StageError."""
        for doc in docs:
            if isinstance(doc, InputError):
                yield doc
                continue
            try:
                yield self(doc)
            except StageError as error:
                yield error


def core_stages() -> list[Stage]:
    """The stages every khabar pipeline starts with: normalise, byline, segment."""
    return [Normaliser(), BylineFinder(), Segmenter()]


def default_pipeline(entities: Stage | None = None, *, ner_model: str | Path | None = None,
                     reported_events: bool = False) -> Pipeline:
    """khabar's full pipeline with the shipped resources and models.

    Order: normalise, byline, segment, entities, descriptions (titles that stand for a person: "رئيس
    الحكومة"), times, places (geocodes the LOC entities), quotes (links speakers to entities), events (links
    actors, targets, places, dates and quotes). ``reported_events``: keep an occurred assault or protest only
    where the sentence reports one happening (the GSR-trained filter of ``stages/events/classifier.py``): for
    sentence-level detection; articles keep every mention by default (the filter drops recalled attacks that
    news annotators count). ``ner_model`` chooses the entity stage's tagger, as spaCy's ``sm``/``trf``:
    ``"fast"`` (the default: the CRF, within the guard rail of >= 100 articles/s per core and <= 400 MB per
    worker), ``"accurate"`` (the neural tagger: better on unseen outlets, slower and larger) or the directory
    of a trained model. ``entities`` replaces the shipped entity stage (gold entities for an evaluation).
    """
    from khabar.stages.entities import EntityTagger

    return Pipeline([
        *core_stages(), entities or EntityTagger.load(ner_model), DescriptionLinker(), TimeTagger(), Geocoder(), QuoteFinder(),
        EventFinder(event_filter=reported_events),
    ])


def accurate_pipeline() -> Pipeline:
    """The full pipeline with the accurate (neural) NER model: ``default_pipeline(ner_model="accurate")``."""
    return default_pipeline(ner_model="accurate")


def pipeline_factory(ner_model: str | Path = "fast") -> Callable[[], Pipeline]:
    """A picklable maker of the full pipeline with that NER model (batch sends it to its workers)."""
    return default_pipeline if ner_model == "fast" else functools.partial(default_pipeline, ner_model=ner_model)


def analyze_sources(
    sources: Iterable[str], pipeline: Pipeline, options: ReadOptions | None = None, doc_id: str | None = None,
    published: str | None = None,
) -> Iterator[Document | InputError | StageError]:
    """Read every source (a path or ``"-"``) and run ``pipeline`` over each article found.

    ``published`` (ISO 8601) is the publication date of articles whose source gives none: relative dates
    ("الثلاثاء", "أمس") are resolved against it.
    """
    read = read_sources(sources, options, doc_id=doc_id)
    if published is not None:
        read = (with_publication_date(doc, published) for doc in read)
    return pipeline.run_many(read)


def with_publication_date(doc: Document | InputError, published: str) -> Document | InputError:
    """``doc`` with ``meta.published`` set when it has none (read errors pass through)."""
    if isinstance(doc, InputError) or doc.meta.published:
        return doc
    return replace(doc, meta=replace(doc.meta, published=published))
