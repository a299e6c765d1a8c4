"""The ``khabar`` command line. Each command is a thin wrapper around a library call.

Exit codes: 0 all went well; 1 some input was rejected (each with a one-line reason on stderr, the
rest still processed); 2 bad usage.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import sys

import typer

from khabar.interfaces.cli import (
    analyze,
    batch,
    corrections,
    ingest,
    models,
    ner,
    quotes,
    render,
    search,
    serve,
)

app = typer.Typer(
    name="khabar",
    help="Read Arabic news into structured, searchable facts: entities, quotes, places and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="Log to stderr: -v info, -vv debug."),
) -> None:
    """khabar: who is named, who said what, where and when, in Arabic news. Offline."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# The command list is explicit: no import-time registry decides what the CLI offers.
analyze.register(app)
render.register(app)
models.register(app)
ner.register(app, models.eval_app)
ingest.register(app)
search.register(app)
corrections.register(app)
serve.register(app)
quotes.register(app)
batch.register(app)


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started with it closed (``>&-``): writing is a broken pipe,
    which click ends with exit code 1 (as it ends ``khabar analyze ... | head``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "standard output is closed")

    def fileno(self) -> int:  # click points the broken stream at /dev/null before it exits
        return os.open(os.devnull, os.O_WRONLY)


def main() -> None:
    """Entry point of the ``khabar`` console script."""
    if sys.stdout is None:
        print("khabar: standard output is closed: a command that prints will stop at its first line (exit 1)",
              file=sys.stderr)
        sys.stdout = _ClosedOutput()
    app()
