"""``khabar analyze``: run the pipeline over files or stdin and print the Documents."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, TextIO

import typer
from rich.console import Console

from khabar.errors import KhabarError
from khabar.interfaces.cli.common import (
    DEFAULT_NER,
    EXIT_OK,
    EXIT_REJECTED,
    FILES_HELP,
    MaxBytes,
    MaxChars,
    NerModel,
    Published,
    input_sources,
    loaded_pipeline,
    ner_model,
    publication_date,
    report,
    usage_error,
)
from khabar.interfaces.ingest import with_progress
from khabar.interfaces.output import DocumentWriter, OutputFormat
from khabar.model import Document
from khabar.pipeline import analyze_sources, settle_after_loading
from khabar.stages.read import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, ReadOptions


def progress_wanted(out: TextIO | None, err: TextIO | None) -> bool:
    """A progress line on stderr when a person watches it and the Documents go elsewhere (a file, a pipe):
    drawn between Documents printed on the same terminal, it would garble them."""
    return err is not None and err.isatty() and (out is None or not out.isatty())


def analyze(
    files: Annotated[list[str] | None, typer.Argument(help=FILES_HELP, show_default=False)] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="pretty for people; jsonl or json for programs.")] = OutputFormat.PRETTY,
    doc_id: Annotated[str | None, typer.Option("--id", help="The document id (one input only); default: the file's name.")] = None,
    tokens: Annotated[bool, typer.Option(help="Include the token layer in json/jsonl output.")] = True,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    published: Published = None,
    ner: NerModel = DEFAULT_NER,
) -> None:
    """Analyse Arabic news articles: entities, quotes, places and dates, with exact offsets."""
    if doc_id is not None and files is not None and len(files) > 1:
        raise usage_error("--id names one document; give one input with it")
    published = publication_date(published)
    model = ner_model(ner)
    sources = input_sources(files, "analyze")
    pipeline = loaded_pipeline(model)
    settle_after_loading()
    writer = DocumentWriter(sys.stdout, fmt, tokens=tokens)
    rejected = 0
    results: Iterable[Document | KhabarError] = analyze_sources(sources, pipeline, ReadOptions(max_bytes=max_bytes, max_chars=max_chars), doc_id, published)
    if progress_wanted(sys.stdout, sys.stderr):
        results = with_progress(results, Console(stderr=True))
    for result in results:
        if isinstance(result, KhabarError):
            report(result)
            rejected += 1
            continue
        try:
            writer.write(result)
        except KhabarError as error:
            report(error)
            rejected += 1
    writer.close()
    raise typer.Exit(EXIT_REJECTED if rejected else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
