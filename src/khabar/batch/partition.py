"""Cut the inputs of a batch run into partitions, and read one partition back into Documents.

A JSON Lines file (``.jsonl``, ``.ndjson``, gzipped or not) is cut into ranges of ``chunk_size`` lines,
found by streaming through it once, so a file of any size is partitioned without loading it. A range is
a byte range of the (decompressed) stream: a worker seeks to its start and reads only its own lines. A
gzip stream cannot seek, so the ranges of a gzipped file are copied out while planning (``Spill``).
Records keep the ids the plain reader gives them (``<stem>-<line>``), so a batch run and
``khabar analyze`` name every article the same way. Any other file is read whole; up to ``chunk_size``
of them make one partition.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from khabar.batch.output import write_atomically
from khabar.errors import InputError, Reason
from khabar.model import Document
from khabar.stages.read import (
    GZIP_SUFFIXES,
    ReadOptions,
    expand_sources,
    format_of,
    read_sources,
    record_stem,
)
from khabar.stages.read.decode import sniff_stream
from khabar.stages.read.formats import json_record, record_document

STDIN = "-"
LINES = "lines"
FILES = "files"
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
    spill: str | None = None  # a file holding exactly the range's bytes, read instead (gzipped inputs)

    @property
    def last_line(self) -> int:
        return self.first_line + self.lines - 1

    @property
    def records(self) -> int:
        """How many articles the partition is expected to hold (for progress and ETA)."""
        return self.lines if self.kind == LINES else len(self.paths)

    def describe(self) -> dict[str, object]:
        """The JSON form kept in the manifest (where the range is in its input, not where a copy is)."""
        paths = [str(Path(path).resolve()) for path in self.paths]  # the same however the run named them
        return {"kind": self.kind, "paths": paths, "first_line": self.first_line,
                "lines": self.lines, "byte_start": self.byte_start, "byte_end": self.byte_end}


def is_json_lines(path: Path) -> bool:
    """Whether the reader streams this file as JSON Lines (judged by its name, as the reader does)."""
    return format_of(path)[0] == "jsonl"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:10]


def _safe(stem: str) -> str:
    return _UNSAFE.sub("_", stem)[:40] or "input"


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() in GZIP_SUFFIXES:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def line_chunks(stream: IO[bytes], chunk_size: int, keep: bool = False) -> Iterator[tuple[int, int, int, int, bytes]]:
    """``(first_line, lines, byte_start, byte_end, data)`` for every ``chunk_size`` lines of ``stream``.

    ``data`` is the chunk's bytes when ``keep``, else empty (only one chunk is ever held in memory).
    """
    first_line, lines, start, offset, kept = 1, 0, 0, 0, []
    try:
        for line in stream:
            offset += len(line)
            lines += 1
            if keep:
                kept.append(line)
            if lines == chunk_size:
                yield first_line, lines, start, offset, b"".join(kept)
                first_line, lines, start, kept = first_line + lines, 0, offset, []
    except (OSError, EOFError):  # a damaged stream: the lines before the damage still make a chunk
        if lines:
            yield first_line, lines, start, offset, b"".join(kept)
        raise
    if lines:
        yield first_line, lines, start, offset, b"".join(kept)


def line_ranges(stream: IO[bytes], chunk_size: int) -> Iterator[tuple[int, int, int, int]]:
    """``(first_line, lines, byte_start, byte_end)`` for every ``chunk_size`` lines of ``stream``.

    >>> list(line_ranges(io.BytesIO(b'{"a": 1}\\n{"a": 2}\\n{"a": 3}'), 2))
    [(1, 2, 0, 18), (3, 1, 18, 26)]
    """
    for first_line, lines, start, end, _ in line_chunks(stream, chunk_size):
        yield first_line, lines, start, end


@dataclass(frozen=True)
class Spill:
    """Where the line ranges of gzipped files are copied while planning, so that a worker reads its range
    without decompressing the file from its start (which would make a big ``.jsonl.gz`` quadratic).

    ``skip`` tells which partitions need no copy (those already done).
    """

    folder: Path
    skip: Callable[[Partition], bool]

    def write(self, partition: Partition, data: bytes) -> Partition:
        """Copy the range (unless an identical copy is there from an interrupted run); name it in the partition."""
        path = self.folder / f"{partition.key}.jsonl"
        if not (path.is_file() and path.stat().st_size == len(data)):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data)
        return replace(partition, spill=str(path))


def _json_lines_partitions(path: Path, chunk_size: int, spill: Spill | None) -> Iterator[Partition | InputError]:
    prefix = f"{_safe(record_stem(path))}-{_digest(str(path.resolve()))}"
    keep = spill is not None and path.suffix.lower() in GZIP_SUFFIXES
    partitions: list[Partition] = []
    try:
        with _open(path) as stream:
            binary = sniff_stream(stream)
            if binary:  # as the plain reader says it
                yield InputError(Reason.BINARY, str(path), f"this is {binary}, not JSON Lines")
                return
            for first_line, lines, start, end, data in line_chunks(stream, chunk_size, keep):
                partition = Partition(f"{prefix}-{first_line:09d}", LINES, (str(path),), first_line, lines, start, end)
                if spill is not None and keep and not spill.skip(partition):
                    partition = spill.write(partition, data)
                partitions.append(partition)
    except FileNotFoundError:
        yield InputError(Reason.NOT_FOUND, str(path), "no such file")
        return
    except (OSError, EOFError) as exc:  # a truncated gzip file: what came before the damage is kept
        yield from partitions
        yield InputError(Reason.UNREADABLE, str(path), f"after line {partitions[-1].last_line if partitions else 0}: {exc}")
        return
    if not partitions:
        yield InputError(Reason.EMPTY, str(path), "no records")
    yield from partitions


def _files_partition(paths: list[Path]) -> Partition:
    prefix = _safe(record_stem(paths[0]))
    return Partition(f"{prefix}-{_digest(*(str(p.resolve()) for p in paths))}", FILES, tuple(map(str, paths)))


def plan_partitions(sources: Iterable[str | Path], chunk_size: int, spill: Spill | None = None) -> Iterator[Partition | InputError]:
    """Partitions covering every input (files named, folders walked), and an InputError for each bad one.

    With ``spill``, the ranges of gzipped JSON Lines files are copied out as they are found (see ``Spill``).
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    group: list[Path] = []
    for path in expand_sources(sources):
        if isinstance(path, InputError):
            yield path
        elif str(path) == STDIN:
            yield InputError(Reason.UNSUPPORTED, STDIN, "a batch run reads files and folders, not stdin")
        elif path.is_file() and is_json_lines(path):
            yield from _json_lines_partitions(path, chunk_size, spill)
        else:  # read whole, or rejected with its reason (missing, a folder ...) by the reader on the worker
            group.append(path)
            if len(group) == chunk_size:
                yield _files_partition(group)
                group = []
    if group:
        yield _files_partition(group)


def read_range(partition: Partition) -> bytes:
    """The bytes of a line range: its spilled copy, or read with a seek (gzip decompresses up to there)."""
    if partition.spill is not None:
        return Path(partition.spill).read_bytes()
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
            yield record_document(json_record(raw, where), f"{stem}-{number}", where, options)
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
