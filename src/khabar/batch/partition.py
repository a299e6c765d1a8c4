"""Cut the inputs of a batch run into partitions, and read one partition back into Documents.

A JSON Lines file (``.jsonl``, ``.ndjson``, gzipped or not) is cut into ranges of ``chunk_size`` lines,
found by streaming through it once, so a file of any size is partitioned without loading it. A range is
a byte range of the (decompressed) stream: a worker seeks to its start and reads only its own lines.
Records keep the ids the plain reader gives them (``<stem>-<line>``), so a batch run and
``khabar analyze`` name every article the same way. Any other file is read whole; up to ``chunk_size``
of them make one partition.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from khabar.errors import InputError, Reason
from khabar.model import Document
from khabar.stages.read import SUFFIX_FORMATS, ReadOptions, expand_sources, read_sources
from khabar.stages.read.formats import record_document

LINES = "lines"
FILES = "files"
GZIP_SUFFIXES = (".gz", ".gzip")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: a range of lines of one JSON Lines file, or a group of files read whole.

    ``key`` is stable across runs (it depends on the input's path and the range, not on the order of
    work), so it names the partition's output files and its manifest entry.
    """

    key: str
    kind: str  # LINES | FILES
    paths: tuple[str, ...]
    first_line: int = 1  # 1-based number of the range's first line (LINES)
    lines: int = 0  # how many lines the range holds (LINES)
    byte_start: int = 0  # offset of the range in the decompressed stream (LINES)
    byte_end: int = 0

    @property
    def records(self) -> int:
        """How many articles the partition is expected to hold (for progress and ETA)."""
        return self.lines if self.kind == LINES else len(self.paths)

    def describe(self) -> dict[str, object]:
        """The JSON form kept in the manifest."""
        return {"kind": self.kind, "paths": list(self.paths), "first_line": self.first_line,
                "lines": self.lines, "byte_start": self.byte_start, "byte_end": self.byte_end}


def record_stem(path: Path) -> str:
    """The file-name stem the reader builds record ids from: ``news.jsonl.gz`` -> ``news``.

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


def is_json_lines(path: Path) -> bool:
    """Whether the reader streams this file as JSON Lines (judged by its name, as the reader does)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in GZIP_SUFFIXES:
        suffixes = suffixes[:-1]
    return bool(suffixes) and SUFFIX_FORMATS.get(suffixes[-1]) == "jsonl"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:10]


def _safe(stem: str) -> str:
    return _UNSAFE.sub("_", stem)[:40] or "input"


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() in GZIP_SUFFIXES else path.open("rb")


def line_ranges(stream: IO[bytes], chunk_size: int) -> Iterator[tuple[int, int, int, int]]:
    """``(first_line, lines, byte_start, byte_end)`` for every ``chunk_size`` lines of ``stream``.

    >>> list(line_ranges(io.BytesIO(b'{"a": 1}\\n{"a": 2}\\n{"a": 3}'), 2))
    [(1, 2, 0, 18), (3, 1, 18, 26)]
    """
    first_line, lines, start, offset = 1, 0, 0, 0
    for line in stream:
        offset += len(line)
        lines += 1
        if lines == chunk_size:
            yield first_line, lines, start, offset
            first_line, lines, start = first_line + lines, 0, offset
    if lines:
        yield first_line, lines, start, offset


def _json_lines_partitions(path: Path, chunk_size: int) -> Iterator[Partition | InputError]:
    stem = record_stem(path)
    prefix = f"{_safe(stem)}-{_digest(str(path.resolve()))}"
    try:
        with _open(path) as stream:
            ranges = list(line_ranges(stream, chunk_size))
    except FileNotFoundError:
        yield InputError(Reason.NOT_FOUND, str(path), "no such file")
        return
    except (OSError, EOFError) as exc:
        yield InputError(Reason.UNREADABLE, str(path), str(exc))
        return
    if not ranges:
        yield InputError(Reason.EMPTY, str(path), "no records")
    for first_line, lines, start, end in ranges:
        yield Partition(f"{prefix}-{first_line:09d}", LINES, (str(path),), first_line, lines, start, end)


def _files_partition(paths: list[Path]) -> Partition:
    prefix = _safe(record_stem(paths[0]))
    return Partition(f"{prefix}-{_digest(*(str(p.resolve()) for p in paths))}", FILES, tuple(map(str, paths)))


def plan_partitions(sources: Iterable[str | Path], chunk_size: int) -> Iterator[Partition | InputError]:
    """Partitions covering every input (files named, folders walked), and an InputError for each bad one."""
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    group: list[Path] = []
    for path in expand_sources(sources):
        if isinstance(path, InputError):
            yield path
        elif path.is_file() and is_json_lines(path):
            yield from _json_lines_partitions(path, chunk_size)
        else:  # read whole, or rejected with its reason (missing, a folder ...) by the reader on the worker
            group.append(path)
            if len(group) == chunk_size:
                yield _files_partition(group)
                group = []
    if group:
        yield _files_partition(group)


def read_range(partition: Partition) -> bytes:
    """The bytes of a line range, read with a seek (gzip streams decompress up to the start)."""
    with _open(Path(partition.paths[0])) as stream:
        stream.seek(partition.byte_start)
        return stream.read(partition.byte_end - partition.byte_start)


def _range_documents(partition: Partition, data: bytes, options: ReadOptions) -> Iterator[Document | InputError]:
    """The records of one line range, numbered and named exactly as the plain reader names them."""
    source = partition.paths[0]
    stem = record_stem(Path(source))
    for number, raw in enumerate(io.BytesIO(data), partition.first_line):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield record_document(json.loads(raw), f"{stem}-{number}", where, options)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield InputError(Reason.MALFORMED, where, f"not valid JSON: {exc}")
        except InputError as error:
            yield error


def read_partition(partition: Partition, options: ReadOptions) -> tuple[Iterator[Document | InputError], str]:
    """The partition's Documents and InputErrors, and the SHA-256 of the input bytes it covers."""
    if partition.kind == FILES:
        digest = hashlib.sha256()
        for path in partition.paths:
            try:
                with Path(path).open("rb") as stream:
                    digest.update(hashlib.file_digest(stream, "sha256").digest())
            except OSError:
                digest.update(b"unreadable")  # the reader rejects it with its reason
        return read_sources(partition.paths, options), digest.hexdigest()
    try:
        data = read_range(partition)
    except (OSError, EOFError) as exc:
        error = InputError(Reason.UNREADABLE, partition.paths[0], f"lines {partition.first_line}+: {exc}")
        return iter([error]), ""
    return _range_documents(partition, data, options), hashlib.sha256(data).hexdigest()
