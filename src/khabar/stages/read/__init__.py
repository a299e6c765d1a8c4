"""Read any input into Documents, validating at the edge.

``read_path`` and ``read_stream`` yield a ``Document`` for every article and an ``InputError`` (never
raised, so one bad record does not stop the others) for every input or record that cannot be read.
Formats: plain text in UTF-8 (with or without BOM), Windows-1256 or ISO-8859-6; HTML pages; JSON and
JSON Lines records; RSS/Atom feeds; WARC archives; any of them gzip-compressed.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from khabar.errors import JSON_TOO_DEEP, InputError, Reason
from khabar.model import Document, Meta
from khabar.stages.read.decode import decode, sniff_stream
from khabar.stages.read.formats import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    ReadOptions,
    feed_documents,
    html_document,
    json_error,
    json_record,
    make_document,
    record_document,
    warc_documents,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "ReadOptions",
    "ReadResult",
    "document_from_text",
    "expand_sources",
    "format_of",
    "read_path",
    "read_sources",
    "read_stream",
    "record_stem",
    "skipped_files",
    "sniff_format",
]

log = logging.getLogger(__name__)

ReadResult = Document | InputError
STDIN = "-"
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
GZIP_SUFFIXES = (".gz", ".gzip")
STREAMED = frozenset({"jsonl", "warc"})
# Files a folder of articles often holds beside them (README.md, LICENSE_v1.1 ...): never read from a folder
NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "NOTICE", "AUTHORS",
                "CONTRIBUTING", "CITATION", "MANIFEST")


def document_from_text(text: str, doc_id: str = "text", source: str = "<text>", options: ReadOptions | None = None) -> Document:
    """A Document from a string already in memory (an API body, a test); ``InputError`` if unusable.

    >>> document_from_text("قال الوزير إن الوضع مستقر", "d1").id
    'd1'
    """
    return make_document(text, doc_id, Meta(source=source, format="text"), options or ReadOptions())


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes of an input whose name says nothing."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"<"):
        return "feed" if b"<rss" in start or b"<feed" in start or b"<rdf" in start else "html"
    return "text"


def format_of(path: Path) -> tuple[str | None, bool]:
    """``(format, gzipped)`` from the file name; format None when the name does not tell."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] in GZIP_SUFFIXES
    if gzipped:
        suffixes = suffixes[:-1]
    return (SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None), gzipped


def record_stem(path: Path) -> str:
    """The file-name stem record ids are built from: ``news.jsonl.gz`` -> ``news``.

    >>> record_stem(Path("أخبار/2015-07-21.jsonl.gz"))
    '2015-07-21'
    """
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in SUFFIX_FORMATS or suffix.lower() in GZIP_SUFFIXES:
            name = name[: -len(suffix)]
        else:
            break
    return name or path.name


def _check_file(path: Path) -> int:
    """The file's size; ``InputError`` for a missing path, a folder or an unreadable file."""
    source = str(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError(Reason.NOT_FOUND, source, "no such file") from None
    except OSError as exc:
        raise InputError(Reason.UNREADABLE, source, exc.strerror or str(exc)) from None
    if path.is_dir():
        raise InputError(Reason.IS_DIRECTORY, source, "this is a folder, not a file (khabar ingest and batch read folders)")
    if not os.access(path, os.R_OK):
        raise InputError(Reason.UNREADABLE, source, "permission denied")
    return stat.st_size


def _too_large(source: str, size: int, options: ReadOptions, more: bool = False) -> InputError:
    amount = f"more than {options.max_bytes / 1e6:.0f} MB" if more else f"{size / 1e6:.1f} MB"
    return InputError(
        Reason.TOO_LARGE, source,
        f"{amount}; khabar reads at most {options.max_bytes / 1e6:.0f} MB from one text, HTML, JSON or "
        "feed file (--max-bytes); give many articles as JSON Lines, which is read line by line",
    )


def read_path(path: str | Path, options: ReadOptions | None = None, doc_id: str | None = None) -> Iterator[ReadResult]:
    """Read one file (``"-"`` for stdin); yield its Documents and InputErrors."""
    options = options or ReadOptions()
    if str(path) == STDIN:
        stdin = _stdin()
        if stdin is None:
            yield InputError(Reason.UNREADABLE, "<stdin>", "standard input is closed: give files, or pipe articles in")
            return
        yield from read_stream(stdin, "<stdin>", "stdin", options, doc_id=doc_id)
        return
    path = Path(path)
    try:
        size = _check_file(path)
    except InputError as error:
        yield error
        return
    fmt, gzipped = format_of(path)
    if fmt == "warc":  # warcio reads .warc and .warc.gz itself
        with path.open("rb") as stream:
            yield from warc_documents(stream, record_stem(path), str(path), options)
        return
    try:
        with (gzip.open(path, "rb") if gzipped else open(path, "rb")) as stream:
            if fmt not in STREAMED and not gzipped and size > options.max_bytes:
                yield _too_large(str(path), size, options)
                return
            yield from read_stream(cast(IO[bytes], stream), str(path), record_stem(path), options, fmt=fmt, doc_id=doc_id)
    except (OSError, EOFError) as exc:
        yield InputError(Reason.UNREADABLE, str(path), str(exc))


def _stdin() -> IO[bytes] | None:
    """Standard input as bytes; None when the process was started with it closed (``<&-``)."""
    import sys

    return getattr(sys.stdin, "buffer", None)


def read_stream(
    stream: IO[bytes], source: str, stem: str, options: ReadOptions | None = None,
    fmt: str | None = None, doc_id: str | None = None,
) -> Iterator[ReadResult]:
    """Read an open binary stream in format ``fmt`` (sniffed from its first bytes when None)."""
    options = options or ReadOptions()
    if fmt is None:
        if not hasattr(stream, "peek"):
            stream = cast(IO[bytes], io.BufferedReader(cast(Any, stream)))
        fmt = sniff_format(cast(Any, stream).peek(512)[:512])
    if fmt == "jsonl":
        yield from _read_json_lines(stream, source, stem, options)
        return
    if fmt == "warc":
        yield from warc_documents(stream, stem, source, options)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield _too_large(source, len(data), options, more=True)
        return
    yield from _read_whole(data, fmt, source, stem, options, doc_id)


def _read_whole(data: bytes, fmt: str, source: str, stem: str, options: ReadOptions, doc_id: str | None) -> Iterator[ReadResult]:
    try:
        if fmt == "feed":
            yield from feed_documents(data, stem, source, options)
            return
        text, encoding = decode(data, source)
        if fmt == "json":
            yield from _read_json(text, source, stem, options)
        elif fmt == "html":
            yield html_document(text, doc_id or stem, Meta(source=source, format="html", encoding=encoding), options)
        else:
            yield make_document(text, doc_id or stem, Meta(source=source, format="text", encoding=encoding), options)
    except InputError as error:
        yield error


def _read_json(text: str, source: str, stem: str, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if _looks_like_json_lines(text):  # several objects, one per line: JSON Lines under a .json name
            yield from _read_json_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")), source, stem, options)
            return
        yield InputError(Reason.MALFORMED, source, json_error(exc))
        return
    except RecursionError:
        yield InputError(Reason.MALFORMED, source, JSON_TOO_DEEP)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        where = source if len(records) == 1 else f"{source}[{number - 1}]"
        try:
            yield record_document(record, stem if len(records) == 1 else f"{stem}-{number}", where, options)
        except InputError as error:
            yield error


def _looks_like_json_lines(text: str) -> bool:
    """Whether a text that is not one JSON value is JSON Lines: more than one line, the first a whole value
    (a pretty-printed array with a mistake on line 40 is not, and its error keeps its line)."""
    first, newline, rest = text.strip().partition("\n")
    if not newline:
        return False
    try:
        json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _read_json_lines(stream: IO[bytes], source: str, stem: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One record per line, read as a stream: a file of any size works; a bad line costs only itself."""
    seen_any = False
    binary = sniff_stream(stream)
    if binary:  # an image or archive named .jsonl: one reason, not one per "line" of it
        yield InputError(Reason.BINARY, source, f"this is {binary}, not JSON Lines")
        return
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        try:
            yield record_document(json_record(raw, where), f"{stem}-{number}", where, options)
        except InputError as error:
            yield error
    if not seen_any:
        yield InputError(Reason.EMPTY, source, "no records")


def read_sources(sources: Iterable[str | Path], options: ReadOptions | None = None, doc_id: str | None = None) -> Iterator[ReadResult]:
    """Read every source in turn (see ``read_path``)."""
    for source in sources:
        yield from read_path(source, options, doc_id=doc_id)


def is_article_file(path: Path) -> bool:
    """Whether a file found in a folder may be an article: a suffix khabar reads, and not a folder's own
    papers (README, LICENSE ...) or a hidden file. A file named on the command line is read whatever it is."""
    name = path.name.upper()
    return not name.startswith(".") and not name.startswith(NOT_ARTICLES) and format_of(path)[0] is not None


def expand_sources(sources: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and the article files inside folders named (recursively, sorted; see ``is_article_file``)."""
    for source in sources:
        path = Path(source)
        if str(source) != STDIN and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p))
            if not found:
                yield InputError(Reason.EMPTY, str(path), "the folder holds no file khabar reads")
            yield from found
        else:
            yield path


def skipped_files(sources: Iterable[str | Path]) -> list[Path]:
    """The files inside the folders among ``sources`` that ``expand_sources`` leaves out, to say so."""
    skipped: list[Path] = []
    for source in sources:
        path = Path(source)
        if str(source) != STDIN and path.is_dir():
            skipped += sorted(p for p in path.rglob("*") if p.is_file() and not is_article_file(p))
    return skipped
