"""Partitioning: JSON Lines ranges cover every line exactly once, and read back as the plain reader reads."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from khabar.batch.partition import (
    FILES,
    LINES,
    Spill,
    line_ranges,
    plan_partitions,
    read_partition,
    read_range,
)
from khabar.errors import InputError, Reason
from khabar.model import Document
from khabar.stages.read import ReadOptions, read_path, read_sources, record_stem

line = st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")) | st.sampled_from([b"", b"  ", b'{"text": "\xd9\x82\xd8\xa7\xd9\x84"}'])


@given(lines=st.lists(line, max_size=40), trailing_newline=st.booleans(), chunk_size=st.integers(1, 9))
def test_line_ranges_cover_every_line_exactly_once(lines: list[bytes], trailing_newline: bool, chunk_size: int) -> None:
    data = b"\n".join(lines) + (b"\n" if trailing_newline and lines else b"")
    ranges = list(line_ranges(io.BytesIO(data), chunk_size))
    assert b"".join(data[start:end] for _, _, start, end in ranges) == data  # contiguous, no gap, no overlap
    expected_lines = io.BytesIO(data).readlines()
    assert sum(count for _, count, _, _ in ranges) == len(expected_lines)
    next_line = 1
    for first_line, count, start, end in ranges:
        assert first_line == next_line and 1 <= count <= chunk_size
        assert io.BytesIO(data[start:end]).readlines() == expected_lines[first_line - 1 : first_line - 1 + count]
        next_line += count
    assert all(count == chunk_size for _, count, _, _ in ranges[:-1])


def test_a_gzipped_file_is_cut_at_the_same_lines(tmp_path: Path, jsonl_writer) -> None:  # type: ignore[no-untyped-def]
    plain = jsonl_writer(tmp_path / "news.jsonl", 11)
    zipped = tmp_path / "news.jsonl.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = (list(plan_partitions([path], 4)) for path in (plain, zipped))
    assert [(p.first_line, p.lines, p.byte_start, p.byte_end) for p in a] == [
        (p.first_line, p.lines, p.byte_start, p.byte_end) for p in b]
    assert [read_range(p) for p in a] == [read_range(p) for p in b]
    assert [p.lines for p in a] == [4, 4, 3] and all(p.kind == LINES for p in a)


def test_gzipped_ranges_are_copied_out_and_read_back_the_same(tmp_path: Path, jsonl_writer) -> None:  # type: ignore[no-untyped-def]
    plain = jsonl_writer(tmp_path / "news.jsonl", 11)
    zipped = tmp_path / "news.jsonl.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    spill = Spill(tmp_path / "chunks", skip=lambda partition: partition.first_line == 1)  # as if done
    copied = list(plan_partitions([zipped], 4, spill))
    assert copied[0].spill is None and all(p.spill is not None and Path(p.spill).is_file() for p in copied[1:])
    assert [read_range(p) for p in copied] == [read_range(p) for p in plan_partitions([plain], 4)]
    assert [p.describe() for p in copied] == [p.describe() for p in plan_partitions([zipped], 4)]


def test_a_truncated_gzip_file_keeps_what_came_before_the_damage(tmp_path: Path, jsonl_writer) -> None:  # type: ignore[no-untyped-def]
    whole = gzip.compress(jsonl_writer(tmp_path / "news.jsonl", 40).read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    planned = list(plan_partitions([cut], 2, Spill(tmp_path / "chunks", skip=lambda partition: False)))
    assert isinstance(planned[-1], InputError) and planned[-1].reason is Reason.UNREADABLE
    from_ranges = [r for p in planned[:-1] for r in read_partition(p, ReadOptions())[0]]  # type: ignore[arg-type]
    plain = list(read_path(cut))
    assert [_key(r) for r in from_ranges] == [_key(r) for r in plain[:-1]] and len(from_ranges) > 2


def test_records_read_from_ranges_are_the_plain_readers_records(tmp_path: Path, jsonl_writer) -> None:  # type: ignore[no-untyped-def]
    deep = "[" * 100_000 + "]" * 100_000  # once a RecursionError that failed the whole partition
    path = jsonl_writer(tmp_path / "2015-07-21.news.jsonl", 9, ("", "not json", '{"text": "English"}', "", deep))
    options = ReadOptions()
    from_ranges = []
    for partition in plan_partitions([path], 3):
        results, digest = read_partition(partition, options)
        from_ranges.extend(results)
        assert len(digest) == 64
    plain = list(read_path(path, options))
    assert [_key(r) for r in from_ranges] == [_key(r) for r in plain]
    assert sum(isinstance(r, Document) for r in plain) == 9


def _key(result: Document | InputError) -> tuple:
    if isinstance(result, InputError):
        return ("error", result.reason, result.source)
    return ("doc", result.id, result.text, result.meta)


def test_other_files_are_grouped_and_keys_are_stable(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text("قال الوزير إن الوضع مستقر", encoding="utf-8")
    first = list(plan_partitions([tmp_path], 2))
    assert [len(p.paths) for p in first] == [2, 2, 1] and all(p.kind == FILES for p in first)
    monkeypatch.chdir(tmp_path)
    again = list(plan_partitions(["."], 2))
    assert [p.key for p in again] == [p.key for p in first]  # relative or absolute: the same partitions
    results, _ = read_partition(first[0], ReadOptions())
    assert [d.id for d in results] == [d.id for d in read_sources(first[0].paths)]


def test_inputs_that_cannot_be_partitioned_are_reasons_not_crashes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    (tmp_path / "folder").mkdir()
    image = tmp_path / "image.jsonl"
    image.write_bytes(b"\n\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # refused once, as the plain reader does
    plan = list(plan_partitions([empty, "-", tmp_path / "folder", image], 10))
    assert [item.reason for item in plan if isinstance(item, InputError)] == [Reason.EMPTY, Reason.UNSUPPORTED, Reason.EMPTY,
                                                                             Reason.BINARY]
    assert not [item for item in plan if not isinstance(item, InputError)]


def test_record_stem_is_the_readers_id_prefix() -> None:
    assert record_stem(Path("a.b.ndjson.gz")) == "a.b"
    assert record_stem(Path("news.JSONL")) == "news"
