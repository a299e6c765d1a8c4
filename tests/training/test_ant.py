"""The ANT corpus reader shared by the builders (``khabar.training.ant``), on a small corpus of its shape."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from khabar.training.ant import ANT_DIR, ANT_FILES, ant_records


def test_every_article_of_every_file_in_order_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / ANT_DIR
    folder.mkdir(parents=True)
    for index, name in enumerate(ANT_FILES):
        with gzip.open(folder / name, "wt", encoding="utf-8") as out:
            for line in range(2):
                out.write(json.dumps({"title": f"t{index}{line}", "text": "قال الوزير"}, ensure_ascii=False) + "\n")
    found = [(name, number, record["title"]) for name, number, record in ant_records(tmp_path)]
    assert found == [(ANT_FILES[0], 0, "t00"), (ANT_FILES[0], 1, "t01"), (ANT_FILES[1], 0, "t10"), (ANT_FILES[1], 1, "t11")]
    assert [name for name, _, _ in ant_records(tmp_path, ANT_FILES[1:])] == [ANT_FILES[1]] * 2
