"""``khabar train``, ``khabar eval`` and ``khabar build``: make and measure khabar's own resources."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DATA_HELP = "The shared data folder (corpora, gazetteers, news)."

build_app = typer.Typer(help="Build the shipped data files from their sources (reproducible).", no_args_is_help=True)


@build_app.command("vocab")
def build_vocab(
    data: Annotated[Path, typer.Option(help=DATA_HELP)] = Path("../shared/data"),
    min_count: Annotated[int, typer.Option(help="Keep forms seen at least this often.")] = 3,
) -> None:
    """Count the word forms of the ANT news corpus for the clitic splitter."""
    from khabar.training import vocab

    raise typer.Exit(vocab.main(["--data", str(data), "--min-count", str(min_count)]))


def register(app: typer.Typer) -> None:
    app.add_typer(build_app, name="build")
