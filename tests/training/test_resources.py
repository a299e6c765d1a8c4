"""The gazetteer builder on small inputs."""

from __future__ import annotations

from khabar.training import gazetteer


def test_gazetteer_marks_first_and_following_words() -> None:
    table = gazetteer.build([("جان إيف لو دريان", "PER"), ("بغداد", "LOC"), ("Paris", "LOC")])
    assert table["جان"] == {"PERB"}
    assert table["دريان"] == {"PERI"}
    assert table["بغداد"] == {"LOCB"}
    assert "Paris" not in table


def test_gazetteer_normalises_entries() -> None:
    assert "اسامه" in gazetteer.build([("أسامة", "PER")])
