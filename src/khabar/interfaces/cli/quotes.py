"""``khabar quotes``: who said what, from articles (FILE...) or from the archive (--db);
``khabar eval quotes``: the quote stage's scores on a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from khabar.errors import KhabarError
from khabar.interfaces.cli.archive_output import ListFormat, print_jsonl, print_quotes
from khabar.interfaces.cli.common import EXIT_OK, EXIT_REJECTED, fail, report, usage_error
from khabar.model import Document
from khabar.pipeline import analyze_sources, default_pipeline
from khabar.store import Filters, QueryError, find_quotes, open_store

FILES_HELP = "Articles to read (.txt, .html, .json/.jsonl, RSS/Atom, WARC, .gz); '-' for stdin."
GOLD_HELP = "The gold file (shared/eval/dev/gold.jsonl layout)."
MAX_SAID = 160  # characters of a statement shown in a table cell


def _said(doc: Document, start: int, end: int) -> str:
    text = " ".join(doc.text[start:end].split())
    return text if len(text) <= MAX_SAID else text[: MAX_SAID - 1] + "…"


def who_said_what(doc: Document) -> Table:
    """A table of the article's quotes: speaker (entity name, else the phrase), cue, kind, statement."""
    table = Table(title=f"Who said what — {doc.meta.title or doc.id}", show_lines=True, title_justify="left")
    for column in ("#", "speaker", "cue", "kind", "said"):
        table.add_column(column, overflow="fold")
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    for number, quote in enumerate(doc.quotes, 1):
        phrase = doc.text_of(quote.speaker) if quote.speaker else ""
        speaker = Text(names.get(quote.speaker_id or "", "") or phrase or "—", style="bold cyan" if quote.speaker_id else "")
        if quote.speaker_id and phrase and phrase != speaker.plain:
            speaker.append(f"\n({phrase})", style="dim")
        cue = doc.text_of(quote.cue) if quote.cue else ""
        table.add_row(str(number), speaker, cue, quote.kind.value, _said(doc, quote.content.start, quote.content.end))
    if not doc.quotes:
        table.add_row("", "—", "", "", "no reported speech found")
    return table


def quote_rows(doc: Document) -> list[dict[str, Any]]:
    """One JSON-ready row per quote of ``doc``: the article, the statement and who said it."""
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    return [{"doc": doc.id, "id": q.id, "kind": q.kind.value, "start": q.content.start, "end": q.content.end,
             "said": doc.text_of(q.content), "cue": doc.text_of(q.cue) if q.cue else None,
             "speaker": q.speaker_id, "speaker_name": names.get(q.speaker_id or ""),
             "speaker_text": doc.text_of(q.speaker) if q.speaker else None} for q in doc.quotes]


def _from_files(files: list[str], fmt: ListFormat) -> int:
    """Analyse the files and print their quotes; the number of rejected inputs."""
    try:
        pipeline = default_pipeline()
    except KhabarError as error:
        raise fail(error) from None
    console, rejected = Console(), 0
    for result in analyze_sources(files, pipeline):
        if isinstance(result, KhabarError):
            report(result)
            rejected += 1
        elif fmt is ListFormat.JSONL:
            for row in quote_rows(result):
                print(json.dumps(row, ensure_ascii=False, sort_keys=True))
        else:
            console.print(who_said_what(result))
    return rejected


def _from_archive(db: Path, about: str, speaker: str | None, limit: int, offset: int, fmt: ListFormat) -> None:
    try:
        with open_store(db, readonly=True) as store:
            total, found = find_quotes(store, about, Filters(speaker=speaker), limit=limit, offset=offset)
    except QueryError as error:
        raise usage_error(f"bad query: {error}") from None
    except KhabarError as error:
        raise fail(error) from None
    if fmt is ListFormat.JSONL:
        print_jsonl(found)
    else:
        print_quotes(total, found, Console())


def quotes(
    files: Annotated[list[str] | None, typer.Argument(help=FILES_HELP, show_default=False)] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Ask the archive made by khabar ingest instead.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Archive: only quotes by this speaker (id or name).")] = None,
    about: Annotated[str, typer.Option(help="Archive: only quotes whose content matches these words.")] = "",
    limit: Annotated[int, typer.Option(min=1, max=100, help="Archive: how many.")] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="pretty for people; jsonl for programs.")] = ListFormat.PRETTY,
) -> None:
    """Who said what: each statement with its speaker and cue, from articles or from the archive."""
    if bool(files) == bool(db):
        raise usage_error("give articles to read, or --db ARCHIVE (not both); see khabar quotes --help")
    if db is not None:
        _from_archive(db, about, speaker, limit, offset, fmt)
        raise typer.Exit(EXIT_OK)
    raise typer.Exit(EXIT_REJECTED if _from_files(files or [], fmt) else EXIT_OK)


def eval_quotes(
    gold: Annotated[Path, typer.Option(help=GOLD_HELP)] = Path("../shared/eval/dev/gold.jsonl"),
    gold_entities: Annotated[bool, typer.Option(help="Take entities from the gold lists (attribution apart from NER).")] = False,
    errors: Annotated[bool, typer.Option(help="List missed quotes, false alarms and wrong speakers.")] = False,
    out: Annotated[Path | None, typer.Option(help="Also write the predictions as JSON Lines (for score.py).")] = None,
) -> None:
    """Print quote and attributed-quote precision, recall and F1 on a gold set (as score.py counts them)."""
    from khabar.evaluation import quotes as evaluation

    try:
        scores, documents = evaluation.evaluate_gold(gold, gold_entities)
    except (KhabarError, OSError, ValueError) as error:
        raise usage_error(f"cannot evaluate on {gold}: {error}") from None
    if out is not None:
        evaluation.write_predictions(documents, out)
    print("\n".join(evaluation.report_lines(scores, errors)))


def register(app: typer.Typer) -> None:
    from khabar.interfaces.cli.models import eval_app

    app.command("quotes")(quotes)
    eval_app.command("quotes")(eval_quotes)
