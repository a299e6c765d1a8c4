"""The GSR sample (openeventdata/arabic_event_gsr, MIT) as training and evaluation read it: its rows and
the one seeded split into a training part and a held-out part (``khabar.training.event_filter`` fits on
the first; ``khabar.evaluation.events`` reports the second)."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

KINDS = ("ASSAULT", "PROTEST")
HELD_OUT = 0.3
SEED = "khabar-events-1"


def gsr_rows(eval_dir: Path, kind: str) -> Iterator[tuple[str, str, bool]]:
    """(id, text, yes) of one GSR file, "ambiguous" rows left out ("yes" against both "no"s)."""
    with (eval_dir / "events" / f"{kind.lower()}_gsr.csv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["label"] != "ambiguous":
                yield row["id"], row["text"], row["label"] == "yes"


def held_out(sentence_id: str, seed: str = SEED) -> bool:
    """Whether a sentence belongs to the held-out part (a seeded hash of its id, 30%)."""
    digest = hashlib.sha256(f"{seed}:{sentence_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < HELD_OUT
