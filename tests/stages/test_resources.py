"""The one reader of khabar's resource files: blank lines and comments skipped, tabs split, headers, errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.stages.resources import numbered_lines, read_resource, resource, resource_lines, resource_rows

TABLE = "# a comment\nkey\tname\tnote\n\nbeirut\tبيروت\t\n   \n#key\tcommented\ncairo\tالقاهرة\tcapital\n"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "table.tsv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_blank_and_comment_lines_are_skipped(table: Path) -> None:
    assert resource_lines(table) == ["key\tname\tnote", "beirut\tبيروت\t", "cairo\tالقاهرة\tcapital"]


def test_cells_are_split_on_tabs_and_kept_as_written(table: Path) -> None:
    rows = resource_rows(table, header=True)
    assert rows == [["beirut", "بيروت", ""], ["cairo", "القاهرة", "capital"]]  # the trailing empty cell stays


def test_a_header_named_by_its_first_cell_is_skipped(table: Path, tmp_path: Path) -> None:
    assert [row[0] for row in resource_rows(table, header="key")] == ["beirut", "cairo"]
    headless = tmp_path / "headless.tsv"
    headless.write_text("beirut\tبيروت\ncairo\tالقاهرة\n", encoding="utf-8")
    assert len(resource_rows(headless, header="key")) == 2  # no header there: no row lost
    assert len(resource_rows(headless, header=True)) == 1  # header=True drops the first line, whatever it is


def test_a_first_cell_that_only_starts_like_the_header_is_data(tmp_path: Path) -> None:
    path = tmp_path / "keys.tsv"
    path.write_text("key\tvalue\nkeyboard\t1\n", encoding="utf-8")
    assert resource_rows(path, header="key") == [["keyboard", "1"]]


def test_line_numbers_count_every_line_of_the_file(table: Path) -> None:
    assert numbered_lines(table, header="key") == [(4, "beirut\tبيروت\t"), (7, "cairo\tالقاهرة\tcapital")]


def test_a_gzip_file_is_read_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv.gz"
    path.write_bytes(gzip.compress(TABLE.encode("utf-8")))
    assert resource_rows(path, header="key") == [["beirut", "بيروت", ""], ["cairo", "القاهرة", "capital"]]


def test_a_missing_file_is_a_resource_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"missing\.tsv \(run `khabar build x`\)"):
        resource_rows(tmp_path / "missing.tsv", hint="run `khabar build x`")


def test_a_file_that_is_not_utf8_is_a_resource_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ResourceError, match="latin1.tsv"):
        resource_lines(path)
    broken = tmp_path / "broken.tsv.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(ResourceError, match="broken.tsv.gz"):
        read_resource(broken)


def test_a_shipped_file_is_named_from_the_resources_folder() -> None:
    assert resource_rows(resource("times", "months.tsv"), header=True)[0][0] == "1"
    with pytest.raises(ResourceError, match=r"cannot read resources/times/nothing\.tsv"):
        resource_lines(resource("times", "nothing.tsv"))
