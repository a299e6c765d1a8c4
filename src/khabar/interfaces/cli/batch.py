"""``khabar batch``: analyse many articles on a Dask cluster into Parquet tables; resumable."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from khabar.batch import INSTALL_HINT, missing_modules
from khabar.errors import KhabarError
from khabar.interfaces.cli.common import (
    DEFAULT_NER,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    NerModel,
    fail,
    ner_model,
    note_skipped,
    usage_error,
)
from khabar.pipeline import pipeline_factory

INPUTS_HELP = "Files and folders: JSON Lines (.jsonl, .jsonl.gz: cut into chunks), .txt, .html, .json, feeds, WARC."


def batch(
    inputs: Annotated[list[str], typer.Argument(help=INPUTS_HELP, show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder: Parquet tables, manifest, rejected.jsonl.")],
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes of a local Dask cluster (default: one per core).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Use a running Dask cluster: tcp://HOST:8786.")] = None,
    db: Annotated[Path | None, typer.Option(help="Also load the results into this SQLite archive.")] = None,
    chunk_size: Annotated[int, typer.Option(min=1, help="Articles (JSON Lines records, or files) per partition.")] = 1000,
    ner: NerModel = DEFAULT_NER,
) -> None:
    """Analyse many articles on Dask into Parquet tables; a re-run resumes where the last one stopped."""
    if workers is not None and scheduler is not None:
        raise usage_error("give --workers (a local cluster) or --scheduler (a running one), not both")
    model = ner_model(ner)
    if missing := missing_modules():
        print(f"khabar: batch runs need {', '.join(missing)}: {INSTALL_HINT}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    from khabar.batch.engine import BatchOptions, run_batch, summary_line
    from khabar.batch.progress import RichProgress

    note_skipped(inputs)
    try:
        report = run_batch(inputs, BatchOptions(out, chunk_size, workers, scheduler, db=db,
                                                     pipeline_factory=pipeline_factory(model)), RichProgress())
    except KhabarError as error:
        raise fail(error) from None
    except OSError as error:  # no scheduler at that address, a full disk, a folder we may not write
        print(f"khabar: {error}", file=sys.stderr)
        raise typer.Exit(EXIT_REJECTED) from None
    print(summary_line(report), file=sys.stderr)
    raise typer.Exit(EXIT_REJECTED if report.rejected or report.failed else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
