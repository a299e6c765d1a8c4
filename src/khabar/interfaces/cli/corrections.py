"""``khabar merge``, ``khabar split`` and ``khabar corrections``: correct how the archive resolved its entities.

A correction is kept in the archive and applied again after every ingest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.interfaces.cli.common import DB_ARGUMENT, DEFAULT_DB, opened_archive
from khabar.store import (
    Store,
    entity_detail,
    list_corrections,
    merge_entities,
    split_name,
    undo_correction,
)

ARCHIVE = Annotated[Path, typer.Argument(help="The archive (SQLite) made by khabar ingest.", show_default=False)]


def merge(
    db: ARCHIVE,
    ids: Annotated[list[int], typer.Argument(help="Archive ids of the entities that are one (khabar entities); the first is kept.")],
) -> None:
    """Merge entities the archive keeps apart: one person under two names, a place twice."""
    with opened_archive(db) as store:
        _show(store, merge_entities(store, ids), "merged into")


def split(
    db: ARCHIVE,
    entity_id: Annotated[int, typer.Argument(help="The entity that goes by a name that is someone else's.")],
    name: Annotated[str, typer.Argument(help='The name to take off it ("ترامب").')],
) -> None:
    """Take the articles that call an entity by a name alone off it: they become their own entity."""
    with opened_archive(db) as store:
        _show(store, split_name(store, entity_id, name), "split off as")


def corrections(
    db: Annotated[Path | None, DB_ARGUMENT] = None,
    undo: Annotated[int | None, typer.Option(help="Forget the correction with this id.")] = None,
) -> None:
    """List the merges and splits made in the archive (or undo one)."""
    with opened_archive(db or DEFAULT_DB) as store:
        if undo is not None:
            undo_correction(store, undo)
        found = list_corrections(store)
    table = Table("id", "kind", "entity", "other", "made", title=f"{len(found):,} corrections")
    for c in found:
        table.add_row(str(c.id), c.kind, c.identity, c.other, c.made_at)
    Console().print(table)


def _show(store: Store, entity_id: int, what: str) -> None:
    detail = entity_detail(store, entity_id)
    entity = detail.entity
    Console().print(f"{what} [bold]{entity.name}[/] (id {entity.id}, {entity.label}): {entity.documents:,} articles, "
                    f"{entity.quotes:,} quotes; names: {'، '.join(detail.aliases)}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("merge")(merge)
    app.command("split")(split)
    app.command("corrections")(corrections)
