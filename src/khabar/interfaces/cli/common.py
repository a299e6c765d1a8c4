"""What the commands share: reporting rejected inputs on stderr, and the exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from khabar.errors import InputError, KhabarError, StageError
from khabar.stages.read import skipped_files

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
MAX_NAMED = 5  # skipped files named on stderr; the rest counted


def note_skipped(sources: Iterable[str | Path]) -> int:
    """Say on stderr which files inside the folders named are not read (README, LICENSE ...); how many."""
    skipped = skipped_files(sources)
    if skipped:
        names = ", ".join(p.name for p in skipped[:MAX_NAMED])
        more = f" and {len(skipped) - MAX_NAMED} more" if len(skipped) > MAX_NAMED else ""
        print(f"khabar: skipping {len(skipped)} file(s) in the folders that are not articles: {names}{more}",
              file=sys.stderr, flush=True)
    return len(skipped)


def report(error: KhabarError) -> None:
    """One line on stderr for a rejected input or a failed document."""
    if isinstance(error, InputError):
        line = f"khabar: rejected {error.message}"
    elif isinstance(error, StageError):
        line = f"khabar: failed {error}"
    else:
        line = f"khabar: {error}"
    print(line, file=sys.stderr, flush=True)


def usage_error(message: str) -> typer.Exit:
    """Print a usage problem on stderr and return the exit (code 2) to raise."""
    print(f"khabar: {message}", file=sys.stderr)
    return typer.Exit(EXIT_USAGE)


def fail(error: KhabarError) -> typer.Exit:
    """Report an error that stops a command, and return the exit (code 1) to raise."""
    report(error)
    return typer.Exit(EXIT_REJECTED)
