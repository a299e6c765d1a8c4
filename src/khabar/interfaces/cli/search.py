"""``khabar search`` and ``khabar entities``: ask the archive from the terminal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.interfaces.cli.archive_output import (
    ENTITY_COLUMNS,
    HIT_COLUMNS,
    ListFormat,
    entity_row,
    hit_row,
    print_entities,
    print_hits,
    print_jsonl,
    print_rows,
)
from khabar.interfaces.cli.common import DB_ARGUMENT, DB_OPTION, database, deprecated, opened_archive
from khabar.model import EntityLabel
from khabar.store import Filters, list_entities, search_documents

QUERY_HELP = 'Words (all must appear), "a phrase", word* (prefix), -word (leave out), a OR b. Hamza and diacritics do not matter.'
FORMAT_HELP = "pretty for people; jsonl or csv for programs and spreadsheets."


def search(
    db: Annotated[Path, typer.Argument(help="The archive made by khabar ingest.")],
    query: Annotated[str, typer.Argument(help=QUERY_HELP)] = "",
    entity: Annotated[str | None, typer.Option(help="Only articles naming this entity (id or name).")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only articles quoting this speaker (id or name).")] = None,
    place: Annotated[str | None, typer.Option(help="Only articles about this place (id or name).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    date_from: Annotated[datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ListFormat.PRETTY,
) -> None:
    """Search the archive: ranked articles with highlighted snippets."""
    filters = Filters(entity, speaker, place, outlet, date_from and date_from.date(), date_to and date_to.date())
    with opened_archive(db, readonly=True) as store:
        page = search_documents(store, query, filters, limit=limit, offset=offset)
    if fmt is ListFormat.PRETTY:
        print_hits(page, offset, Console())
    else:
        if fmt is ListFormat.JSONL:
            print_jsonl(page.hits)  # the snippet's parts and the matches' offsets, as the API gives them
        else:
            print_rows([hit_row(hit) for hit in page.hits], fmt, HIT_COLUMNS)


def entities(
    db: Annotated[Path | None, DB_ARGUMENT] = None,
    old_db: Annotated[Path | None, DB_OPTION] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="How many.")] = 20,
    top: Annotated[int | None, typer.Option("--top", min=1, max=100, hidden=True, help="Deprecated: --limit.")] = None,
    label: Annotated[EntityLabel | None, typer.Option("--type", case_sensitive=False, help="Only this kind.")] = None,
    name: Annotated[str | None, typer.Option(help="Only names containing this.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ListFormat.PRETTY,
) -> None:
    """The entities named in the most articles."""
    if top is not None:
        deprecated("--top", f"--limit {top}")
        limit = top
    with opened_archive(database(db, old_db, "entities"), readonly=True) as store:
        total, found = list_entities(store, label and label.value, name, limit=limit)
    if fmt is ListFormat.PRETTY:
        print_entities(total, found, Console())
    else:
        print_rows([entity_row(e) for e in found], fmt, ENTITY_COLUMNS)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
    app.command("entities")(entities)
