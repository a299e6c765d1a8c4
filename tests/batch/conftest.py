"""A small corpus for batch runs, made from the repo's sample article, and helpers to read the output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="batch runs need the 'batch' extra (Dask distributed)")
pytest.importorskip("pyarrow", reason="batch runs need the 'batch' extra (pyarrow)")

import pyarrow.parquet as pq  # noqa: E402

from khabar.batch.tables import TABLES  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"


def paragraphs() -> list[str]:
    """The sample article's paragraphs (a real article: almaghribalyawm, 2016-10-25)."""
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_json_lines(path: Path, records: int, extra_lines: tuple[str, ...] = ()) -> Path:
    """``records`` articles of two or three paragraphs each, one per line, then ``extra_lines``."""
    parts = paragraphs()
    lines = []
    for number in range(records):
        text = "\n".join(parts[(number + k) % len(parts)] for k in range(2 + number % 2))
        lines.append(json.dumps({"title": f"خبر {number}", "text": text, "source": "test"}, ensure_ascii=False))
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> list[str]:
    """A JSON Lines file with two bad lines among 23 good ones, a folder of two text files, a missing file."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    jsonl = write_json_lines(folder / "news.jsonl", 23, ('{"text": broken', '{"text": "English only, no Arabic"}'))
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (texts / "b.txt").write_text("", encoding="utf-8")
    return [str(jsonl), str(texts), str(tmp_path / "missing.txt")]


def read_tables(out: Path) -> dict[str, list[dict]]:
    """Every table of an output folder as rows, partitions in key order (the ``partition`` column dropped)."""
    tables = {}
    for name in TABLES:
        rows = []
        for path in sorted((out / name).glob("*.parquet")):
            rows.extend(pq.read_table(path).to_pylist())
        for row in rows:
            row.pop("partition", None)
        tables[name] = rows
    return tables


def file_hashes(out: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file the manifest records (the output's fingerprint)."""
    hashes = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        for record in json.loads(line)["files"].values():
            hashes[record["path"]] = record["sha256"]
    return hashes


@pytest.fixture()
def jsonl_writer():  # type: ignore[no-untyped-def]
    """``write_json_lines`` for tests (conftest functions are reached through fixtures, not imports)."""
    return write_json_lines


@pytest.fixture()
def output():  # type: ignore[no-untyped-def]
    """Readers of an output folder: ``output.tables(out)`` and ``output.hashes(out)``."""
    return _OutputReaders()


class _OutputReaders:
    tables = staticmethod(read_tables)
    hashes = staticmethod(file_hashes)
