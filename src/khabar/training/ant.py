"""The ANT news corpus (Apache-2.0) in the shared data folder: its files, read one article at a time.

The builders that learn from news text (the segmenter's vocabulary, the word clusters, the place-word
counts) read it through ``ant_records``; SaudiNewsNet is non-commercial and never feeds a shipped file.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ANT_DIR = Path("news") / "ant"
ANT_FILES = ("ant_v2.1_multisource.jsonl.gz", "ant_v1.1_jawharafm.jsonl.gz")


def ant_records(data: Path, files: Iterable[str] = ANT_FILES) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """``(file name, line number, record)`` for every article of ``files`` under ``data/news/ant``, in order."""
    for name in files:
        with gzip.open(data / ANT_DIR / name, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                yield name, number, json.loads(line)
