"""How the archive commands print: Rich for people, JSON Lines for programs."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from khabar.interfaces.cli.common import report
from khabar.store import DocumentHit, EntitySummary, IngestSummary, QuoteHit, SearchPage, Snippet

MATCH_STYLE = "bold black on yellow"


class ListFormat(StrEnum):
    PRETTY = "pretty"
    JSONL = "jsonl"
    CSV = "csv"


# One shape for a quote wherever the command line lists quotes (khabar quotes FILES and khabar quotes ARCHIVE,
# JSON Lines and CSV): the article, the quote's id, kind and offsets as in the Document JSON, then its words.
QUOTE_COLUMNS = ("doc", "title", "published", "id", "kind", "start", "end", "said", "cue", "speaker", "speaker_id")
HIT_COLUMNS = ("id", "title", "outlet", "published", "url", "score", "snippet")
ENTITY_COLUMNS = ("id", "name", "label", "documents", "mentions", "quotes")


def print_jsonl(items: Any) -> None:
    """One JSON object per line on stdout, Arabic kept readable."""
    for item in items:
        print(json.dumps(dataclasses.asdict(item), ensure_ascii=False, sort_keys=True))


def print_rows(rows: list[dict[str, Any]], fmt: ListFormat, columns: tuple[str, ...] | None = None) -> None:
    """Flat rows on stdout: JSON Lines, or CSV with a header (``columns``, else the first row's keys)."""
    if fmt is ListFormat.CSV:
        names = columns or (tuple(rows[0]) if rows else ())
        writer = csv.DictWriter(sys.stdout, fieldnames=names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, sort_keys=True))
    sys.stdout.flush()


def quote_hit_row(quote: QuoteHit) -> dict[str, Any]:
    """A stored quote as a row of ``QUOTE_COLUMNS`` (its id and speaker id are the archive's)."""
    return {"doc": quote.document.id, "title": quote.document.title, "published": quote.document.published,
            "id": str(quote.id), "kind": quote.kind, "start": quote.start, "end": quote.end,
            "said": "".join(part for part, _ in quote.content.parts), "cue": quote.cue, "speaker": quote.speaker,
            "speaker_id": None if quote.speaker_id is None else str(quote.speaker_id)}


def hit_row(hit: DocumentHit) -> dict[str, Any]:
    return {"id": hit.id, "title": hit.title, "outlet": hit.outlet, "published": hit.published, "url": hit.url,
            "score": hit.score, "snippet": "".join(part for part, _ in hit.snippet.parts)}


def entity_row(entity: EntitySummary) -> dict[str, Any]:
    return dataclasses.asdict(entity)


def snippet_text(snippet: Snippet) -> Text:
    text = Text()
    for part, is_match in snippet.parts:
        text.append(part, style=MATCH_STYLE if is_match else None)
    return text


def print_summary(summary: IngestSummary, db: Path, console: Console) -> None:
    """The ingest's counts and speed, then every rejected input with its reason (none is dropped silently)."""
    console.print(
        f"[bold]{summary.added:,}[/] new articles, {summary.duplicates:,} already in the archive, "
        f"[{'red' if summary.rejected else 'green'}]{len(summary.rejected):,} rejected[/] "
        f"in {summary.seconds:.1f} s ({summary.per_second:,.0f} articles/s) -> {db}",
        highlight=False,
    )
    if summary.rejected:
        console.print("[bold red]rejected:[/]")
        for error in summary.rejected:
            report(error)


def print_hits(page: SearchPage, offset: int, console: Console) -> None:
    console.print(f"[dim]{page.total:,} articles[/]", highlight=False)
    for number, hit in enumerate(page.hits, offset + 1):
        details = " · ".join(filter(None, [hit.id, hit.outlet, hit.published]))
        console.print(Text.assemble((f"{number}. ", "dim"), (hit.title or hit.id, "bold"), (f"  [{details}]", "dim")))
        console.print(snippet_text(hit.snippet))
        console.print()


def print_entities(total: int, entities: tuple[EntitySummary, ...], console: Console) -> None:
    table = Table("id", "name", "label", "articles", "mentions", "quotes", title=f"{total:,} entities")
    for entity in entities:
        table.add_row(str(entity.id), entity.name, entity.label, f"{entity.documents:,}", f"{entity.mentions:,}", f"{entity.quotes:,}")
    console.print(table)


def print_quotes(total: int, quotes: tuple[QuoteHit, ...], console: Console) -> None:
    console.print(f"[dim]{total:,} quotes[/]", highlight=False)
    for quote in quotes:
        source = " · ".join(filter(None, [quote.document.id, quote.document.published]))
        console.print(Text.assemble((quote.speaker or "(unattributed)", "bold cyan"), (f"  [{quote.kind}; {source}]", "dim")))
        console.print(Text.assemble("  «", snippet_text(quote.content), "»"))
        console.print()
