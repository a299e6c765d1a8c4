"""What the commands share: reporting rejected inputs on stderr, and the exit codes."""

from __future__ import annotations

import datetime
import sys

import typer

from khabar.errors import InputError, KhabarError, StageError

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


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


def publication_date(value: str | None) -> str | None:
    """``--published`` as an ISO date, or a usage error (exit 2) for a value that is not one."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise usage_error(f"--published {value!r} is not a date (YYYY-MM-DD)") from None
