"""World regions and country centres for the gazetteer build (countryinfo, CLDR, regions.tsv)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.training.place_regions import CountryFacts, expand_members, mean_point, read_regions, read_table
from khabar.training.place_words import fingerprint, write

REGIONS = Path(__file__).resolve().parents[2] / "src" / "khabar" / "resources" / "places" / "regions.tsv"


def test_members_expand_m49_codes_and_reject_nonsense() -> None:
    members = {"015": ["DZ", "EG", "MA"]}
    assert expand_members("015, TN", members, "x") == ["DZ", "EG", "MA", "TN"]
    with pytest.raises(ResourceError):
        expand_members("999", members, "x")
    with pytest.raises(ResourceError):
        expand_members("Morocco", members, "x")


def test_a_region_is_at_the_mean_of_its_countries() -> None:
    facts = {"A": CountryFacts(10.0, 20.0, ()), "B": CountryFacts(30.0, 40.0, ()), "C": CountryFacts(None, None, ())}
    assert mean_point(["A", "B", "C"], facts) == (20.0, 30.0)
    assert mean_point(["C"], facts) is None


def test_the_hand_kept_regions_are_well_formed() -> None:
    rows = read_regions(REGIONS)
    assert {"x:arab-world", "x:middle-east", "x:maghreb"} <= {r["key"] for r in rows}
    arab = next(r for r in rows if r["key"] == "x:arab-world")
    assert len(arab["members"].split(",")) == 22


@pytest.mark.skipif(importlib.util.find_spec("countryinfo") is None, reason="countryinfo missing (pip install 'khabar[build]')")
def test_m49_members_from_countryinfo() -> None:
    from khabar.training.place_regions import country_facts, m49_members

    facts = country_facts()
    members = m49_members(facts)
    assert {"DZ", "EG", "LY", "MA", "SD", "TN"} <= set(members["015"])
    assert "FR" in members["155"] and "FR" not in members["015"]
    assert facts["DZ"].latitude is not None and 20 < facts["DZ"].latitude < 35


def test_place_words_skip_evaluation_articles_and_write_counts(tmp_path: Path) -> None:
    from collections import Counter

    assert fingerprint("قال  الوزير\nإن") == fingerprint("قال الوزير إن")
    out = tmp_path / "common.tsv"
    assert write(Counter({"الجديده": 40, "سلا": 2}), Counter({"الجديده": 1}), out, min_uses=5) == 1
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "الجديده\t40\t1"


def test_hand_tables_are_read_one_way_and_a_short_row_is_named(tmp_path: Path) -> None:
    table = tmp_path / "extra.tsv"
    table.write_text("# a comment\nkey\tarabic\n\nsahel\tالساحل\nbad\n", encoding="utf-8")
    rows = read_table(table, ("key", "arabic"))
    assert next(rows) == {"line": "extra.tsv:4", "key": "sahel", "arabic": "الساحل"}
    with pytest.raises(ResourceError, match="extra.tsv:5: expected 2 columns, got 1"):
        next(rows)
