"""What the commands share: naming and opening the archive, reporting rejected inputs on stderr, the exit codes."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from khabar.errors import InputError, KhabarError, StageError
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages.read import SUFFIX_FORMATS, skipped_files
from khabar.store import QueryError, Store, open_store

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
MAX_NAMED = 5  # skipped files named on stderr; the rest counted


# The archive is named first, as sqlite-utils and Datasette take their database; --db is the old spelling.
DEFAULT_DB = Path("khabar.db")
DB_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db3")
SQLITE_HEADER = b"SQLite format 3\x00"
DB_ARGUMENT = typer.Argument(help="The archive (SQLite) made by khabar ingest; default khabar.db.", show_default=False)
DB_OPTION = typer.Option("--db", help="Deprecated: name the archive first (khabar COMMAND ARCHIVE ...).", hidden=True)

# The options of the commands that read articles (analyze, ingest, render), said once.
FILES_HELP = "Articles to read: .txt (UTF-8, Windows-1256, ISO-8859-6), .html, .json/.jsonl, RSS/Atom, WARC, .gz; '-' or nothing for stdin."
Published = Annotated[str | None, typer.Option(help=(
    "Publication date (YYYY-MM-DD) of articles whose source states none (a date guessed from a page's text is "
    "never used); relative dates are resolved against it."))]
MaxBytes = Annotated[int, typer.Option(help="Largest file read whole (JSON Lines and WARC are streamed).")]
MaxChars = Annotated[int, typer.Option(help="Longest document text accepted.")]
# The NER model of every command that runs the pipeline (analyze, ingest, batch, render, serve), said once.
NerModel = Annotated[str, typer.Option("--ner", metavar="fast|accurate|PATH", help=(
    "The NER model: fast (the default: a CRF, >= 100 articles/s per core), accurate (the neural tagger: better "
    "entities on unseen outlets, slower and larger) or the folder of a model trained with khabar train ner."))]
DEFAULT_NER = "fast"


def deprecated(old: str, new: str) -> None:
    """A note on stderr that an option still works but has a new spelling."""
    print(f"khabar: {old} is deprecated and will go: {new}", file=sys.stderr, flush=True)


def database(positional: Path | None, old_option: Path | None, command: str = "serve") -> Path:
    """The archive a command works on: named first, or by the deprecated ``--db`` (with a note)."""
    if positional is not None and old_option is not None:
        raise usage_error(f"the archive is named twice ({positional} and --db {old_option}): name it first only")
    if old_option is not None:
        deprecated("--db", f"name the archive first, as in khabar {command} {old_option} ...")
        return old_option
    return positional or DEFAULT_DB


def is_database(argument: str) -> bool:
    """Whether a first argument names an archive rather than an article source: an SQLite file, or a path
    that does not exist yet and is not named as an article (``new.db``, ``archive``; not ``a.txt``)."""
    path = Path(argument)
    if argument == "-" or path.is_dir():
        return False
    if path.is_file():
        try:
            with path.open("rb") as stream:
                head = stream.read(len(SQLITE_HEADER))
        except OSError:
            return False
        return head == SQLITE_HEADER or (not head and path.suffix.lower() in DB_SUFFIXES)
    suffixes = {suffix.lower() for suffix in path.suffixes}
    return path.suffix.lower() in DB_SUFFIXES or not suffixes & {*SUFFIX_FORMATS, ".gz", ".gzip"}


def split_database(arguments: list[str], old_option: Path | None, command: str) -> tuple[Path, list[str]]:
    """``(archive, sources)`` from ``khabar COMMAND ARCHIVE SOURCES...``, or from the old spellings
    (``SOURCES... --db ARCHIVE``; ``SOURCES...`` alone into khabar.db) with a deprecation note."""
    if old_option is not None:
        deprecated("--db", f"name the archive first: khabar {command} {old_option} SOURCES...")
        return old_option, arguments
    if arguments and is_database(arguments[0]):
        if len(arguments) == 1:
            raise usage_error(f"nothing to {command}: give the sources after the archive (khabar {command} {arguments[0]} FILES...)")
        return Path(arguments[0]), arguments[1:]
    deprecated("sources without an archive", f"name the archive first: khabar {command} {DEFAULT_DB} SOURCES...")
    return DEFAULT_DB, arguments


def need_data(path: Path, command: str, what: str, option: str) -> None:
    """A usage error naming the data a command needs, where it looked, and the option that points elsewhere."""
    if not path.exists():
        raise usage_error(f"{command} needs {what}, looked for at {path} (not found): it comes with khabar's shared "
                          f"data, not with the package; give its place with {option} PATH")


def need_modules(command: str, modules: Iterable[str], extra: str) -> None:
    """A usage error naming the extra to install when a module a command needs is missing."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise usage_error(f"{command} needs {', '.join(missing)}: pip install 'khabar[{extra}]'")


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


@contextmanager
def opened_archive(db: Path, *, readonly: bool = False, create: bool = False) -> Iterator[Store]:
    """The archive ``db`` for a command's work: a bad search query is a usage error (exit 2), any other error
    khabar raises (a missing archive, an unknown entity id) one stderr line and exit 1."""
    try:
        with open_store(db, readonly=readonly, create=create) as store:
            yield store
    except QueryError as error:
        raise usage_error(f"bad query: {error}") from None
    except KhabarError as error:
        raise fail(error) from None


def input_sources(files: list[str] | None, command: str) -> list[str]:
    """The files named, or stdin (``-``); a usage error when nothing is named and stdin is a terminal."""
    sources = files or ["-"]
    if sources == ["-"] and sys.stdin is not None and sys.stdin.isatty():
        raise usage_error(f"no input: give files, or pipe an article on stdin (see khabar {command} --help)")
    return sources


def ner_model(choice: str) -> str | Path:
    """``--ner`` checked before any work: a shipped model's name, or the folder of a trained one; a usage error
    (exit 2, one line) for an unknown name or a folder without a model."""
    from khabar.stages.entities.tagger import MANIFEST, MODELS, ModelNotFound, UnknownModel, model_dir

    try:
        directory = model_dir(choice)
        if not (directory / MANIFEST).is_file():
            raise ModelNotFound(directory, MANIFEST)
    except (UnknownModel, ModelNotFound) as error:
        raise usage_error(f"--ner: {error}") from None
    return choice if choice in MODELS else directory


def loaded_pipeline(ner: str | Path = DEFAULT_NER) -> Pipeline:
    """The full pipeline with the NER model ``ner``, its models loaded; one stderr line and exit 1 when one
    cannot be."""
    try:
        return default_pipeline(ner_model=ner)
    except KhabarError as error:
        raise fail(error) from None


def publication_date(value: str | None) -> str | None:
    """``--published`` as an ISO date, or a usage error (exit 2) for a value that is not one."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise usage_error(f"--published {value!r} is not a date (YYYY-MM-DD)") from None
