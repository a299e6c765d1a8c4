"""Read sources, run the pipeline and store the results: what ``khabar ingest`` and ``khabar demo`` share.

This is glue between layers that do not know each other (the pipeline and the store), so it lives
with the interfaces.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from khabar.errors import InputError, KhabarError
from khabar.model import Document
from khabar.pipeline import Pipeline, with_publication_date
from khabar.stages.read import ReadOptions, expand_sources, read_path
from khabar.store import IngestSummary, Store, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
PROGRESS_EVERY = 25  # redraw the bar every this many articles: Rich is not free


def read_expanded(sources: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Document | InputError]:
    """Every article in the files named and in the files inside the folders named."""
    for item in expand_sources(sources):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item, options)


def with_progress(results: Iterable[Document | KhabarError], console: Console) -> Iterator[Document | KhabarError]:
    """Pass the results through while a progress line shows how many articles and how fast."""
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.completed:,}[/] articles"),
        TextColumn("{task.fields[rate]:,.0f} articles/s"),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.description}"),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("", total=None, rate=0.0)
        started = time.perf_counter()
        count = 0
        for count, result in enumerate(results, 1):
            yield result
            if count % PROGRESS_EVERY == 0:
                source = result.meta.source if isinstance(result, Document) else ""
                progress.update(task, completed=count, rate=count / (time.perf_counter() - started), description=source)
        progress.update(task, completed=count, rate=count / max(time.perf_counter() - started, 1e-9), description="")


def ingest_sources(
    store: Store,
    sources: Iterable[str | Path],
    pipeline: Pipeline,
    options: ReadOptions | None = None,
    console: Console | None = None,
    published: str | None = None,
) -> IngestSummary:
    """Analyse every article in ``sources`` and store it; show progress on ``console`` when given.

    ``published`` (ISO 8601) is the publication date of articles whose source states none.
    """
    read = read_expanded(sources, options)
    if published is not None:
        read = (with_publication_date(doc, published) for doc in read)
    results: Iterable[Document | KhabarError] = pipeline.run_many(read)
    if console is not None:
        results = with_progress(results, console)
    return ingest(store, results)


def example_sources() -> list[Path]:
    """The sample articles shipped with khabar (the seed article and a few from the ANT corpus)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))
