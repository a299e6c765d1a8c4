"""``khabar quotes``: who said what, from articles (FILE...) or from the archive (--db);
``khabar eval quotes``: the quote stage's scores on a gold set."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from khabar.errors import KhabarError
from khabar.interfaces.cli.archive_output import (
    QUOTE_COLUMNS,
    ListFormat,
    print_quotes,
    print_rows,
    quote_hit_row,
)
from khabar.interfaces.cli.common import (
    DB_OPTION,
    EXIT_OK,
    EXIT_REJECTED,
    deprecated,
    is_database,
    loaded_pipeline,
    need_data,
    opened_archive,
    report,
    usage_error,
)
from khabar.model import Document, Quote
from khabar.pipeline import analyze_sources
from khabar.store import Filters, find_quotes
from khabar.store.keys import name_key

FILES_HELP = "An archive made by khabar ingest, or articles to read (.txt, .html, .json/.jsonl, RSS/Atom, WARC, .gz; '-' for stdin)."
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
    """One row of ``QUOTE_COLUMNS`` per quote of ``doc`` (ids as in its Document JSON: q1, e3)."""
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    return [{"doc": doc.id, "title": doc.meta.title, "published": doc.meta.published, "id": q.id, "kind": q.kind.value,
             "start": q.content.start, "end": q.content.end, "said": doc.text_of(q.content),
             "cue": doc.text_of(q.cue) if q.cue else None,
             "speaker": names.get(q.speaker_id or "") or (doc.text_of(q.speaker) if q.speaker else None),
             "speaker_id": q.speaker_id} for q in doc.quotes]


def said_by(doc: Document, speaker: str) -> Document:
    """``doc`` with only the quotes of ``speaker``: an entity id of the article (e3), or a name matched as the
    archive matches one (normalised, whole words: "لو دريان" is "جان إيف لو دريان"), on the entity's name or
    mentions or the speaker phrase."""
    wanted = name_key(speaker)
    names = {e.id: {name_key(doc.text_of(m)) for m in (e.canonical, *e.mentions)} for e in doc.entities}

    def matches(quote: Quote) -> bool:
        if quote.speaker_id == speaker.strip():
            return True
        keys = names.get(quote.speaker_id or "", set()) | ({name_key(doc.text_of(quote.speaker))} if quote.speaker else set())
        return any(f" {wanted} " in f" {key} " for key in keys)

    return dataclasses.replace(doc, quotes=tuple(q for q in doc.quotes if wanted and matches(q)))


def _from_files(files: list[str], speaker: str | None, fmt: ListFormat) -> int:
    """Analyse the files and print their quotes (``speaker``'s only, when given); the number of rejected inputs."""
    pipeline = loaded_pipeline()
    console, rejected, rows = Console(), 0, []
    for result in analyze_sources(files, pipeline):
        if isinstance(result, KhabarError):
            report(result)
            rejected += 1
            continue
        doc = said_by(result, speaker) if speaker else result
        if fmt is ListFormat.PRETTY:
            console.print(who_said_what(doc))
        elif fmt is ListFormat.JSONL:
            print_rows(quote_rows(doc), fmt)
        else:
            rows += quote_rows(doc)
    if fmt is ListFormat.CSV:
        print_rows(rows, fmt, QUOTE_COLUMNS)
    return rejected


def _from_archive(db: Path, about: str, speaker: str | None, limit: int, offset: int, fmt: ListFormat) -> None:
    with opened_archive(db, readonly=True) as store:
        total, found = find_quotes(store, about, Filters(speaker=speaker), limit=limit, offset=offset)
    if fmt is ListFormat.PRETTY:
        print_quotes(total, found, Console())
    else:
        print_rows([quote_hit_row(q) for q in found], fmt, QUOTE_COLUMNS)


def quotes(
    sources: Annotated[list[str] | None, typer.Argument(metavar="ARCHIVE | FILES...", help=FILES_HELP, show_default=False)] = None,
    old_db: Annotated[Path | None, DB_OPTION] = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker (id or name).")] = None,
    about: Annotated[str, typer.Option(help="Archive: only quotes whose content matches these words.")] = "",
    limit: Annotated[int, typer.Option(min=1, max=100, help="Archive: how many.")] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="pretty for people; jsonl or csv for programs.")] = ListFormat.PRETTY,
) -> None:
    """Who said what: each statement with its speaker and cue, from articles or from the archive."""
    sources = sources or []
    if old_db is not None:
        deprecated("--db", f"name the archive first: khabar quotes {old_db} ...")
    if old_db is not None and sources:
        raise usage_error("give articles to read, or an archive (not both); see khabar quotes --help")
    if old_db is not None or (len(sources) == 1 and is_database(sources[0]) and Path(sources[0]).is_file()):
        _from_archive(old_db or Path(sources[0]), about, speaker, limit, offset, fmt)
        raise typer.Exit(EXIT_OK)
    if not sources:
        raise usage_error("give articles to read, or an archive; see khabar quotes --help")
    if about:
        raise usage_error("--about searches an archive: name the archive (khabar quotes ARCHIVE --about WORDS)")
    raise typer.Exit(EXIT_REJECTED if _from_files(sources, speaker, fmt) else EXIT_OK)


def eval_quotes(
    gold: Annotated[Path, typer.Option(help=GOLD_HELP)] = Path("../shared/eval/dev/gold.jsonl"),
    gold_entities: Annotated[bool, typer.Option(help="Take entities from the gold lists (attribution apart from NER).")] = False,
    errors: Annotated[bool, typer.Option(help="List missed quotes, false alarms and wrong speakers.")] = False,
    out: Annotated[Path | None, typer.Option(help="Also write the predictions as JSON Lines (for score.py).")] = None,
) -> None:
    """Print quote and attributed-quote precision, recall and F1 on a gold set (as score.py counts them)."""
    from khabar.evaluation import quotes as evaluation

    need_data(gold, "khabar eval quotes", "the gold articles (shared/eval/dev/gold.jsonl layout)", "--gold")
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
