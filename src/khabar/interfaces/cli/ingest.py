"""``khabar ingest``: analyse articles and store them in a searchable SQLite archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.interfaces.cli.archive_output import print_summary
from khabar.interfaces.cli.common import (
    DB_OPTION,
    DEFAULT_NER,
    EXIT_OK,
    EXIT_REJECTED,
    MaxBytes,
    MaxChars,
    NerModel,
    Published,
    loaded_pipeline,
    ner_model,
    note_skipped,
    opened_archive,
    publication_date,
    split_database,
)
from khabar.interfaces.ingest import ingest_sources
from khabar.pipeline import settle_after_loading
from khabar.stages.read import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, ReadOptions

SOURCES_HELP = "The archive (SQLite; created when missing), then files or folders: .txt, .html, .json/.jsonl, RSS/Atom, WARC, .gz."


def ingest(
    arguments: Annotated[list[str], typer.Argument(metavar="ARCHIVE SOURCES...", help=SOURCES_HELP, show_default=False)],
    old_db: Annotated[Path | None, DB_OPTION] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    published: Published = None,
    ner: NerModel = DEFAULT_NER,
) -> None:
    """Analyse articles and store them in the archive; an article already there is left as it is."""
    db, sources = split_database(arguments, old_db, "ingest")
    published = publication_date(published)
    model = ner_model(ner)
    console = Console(stderr=True)
    note_skipped(sources)
    with opened_archive(db, create=True) as store:
        pipeline = loaded_pipeline(model)
        settle_after_loading()
        summary = ingest_sources(store, sources, pipeline, ReadOptions(max_bytes, max_chars), console, published)
    print_summary(summary, db, console)
    raise typer.Exit(EXIT_REJECTED if summary.rejected else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
