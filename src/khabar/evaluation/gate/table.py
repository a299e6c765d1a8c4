"""The README's quality table, generated from the baseline's floors (never typed by hand).

The table sits between two marker lines in README.md; ``write_readme`` rewrites what lies between them
and a test fails when the README and the baseline disagree.
"""

from __future__ import annotations

from pathlib import Path

from khabar.errors import ResourceError

START = "<!-- quality-gate:start (generated from tests/eval_baseline.json by python -m khabar.evaluation.gate --update; do not edit) -->"
END = "<!-- quality-gate:end -->"

GOLD_ROWS = (
    ("entities F1 (`score.py`)", "entities_f1"),
    ("quotes F1 (`score.py`)", "quotes_f1"),
    ("attributed quotes F1 (`score.py`)", "attributed_f1"),
    ("events F1 (`events_score.py`)", "events_f1"),
    ("events with actor and target right, F1 (`events_score.py`)", "events_full_f1"),
    ("places right (`places_score.py`)", "places_accuracy"),
    ("times right, core (`times_score.py --core`)", "times_core_accuracy"),
)
DEV_ROWS = (
    ("places right, given the gold LOC mentions (`tests/data/places_gold.jsonl`)", "geocoding_accuracy"),
    ("places right, the pipeline's own entities (same gold)", "places_ner_accuracy"),
    ("dates right (`tests/data/times_gold.jsonl`)", "dates_accuracy"),
)
SILVER_ROW = ("times right, core, ANT silver set (`tests/data/times_silver.jsonl`; `times_score.py --core`)",
              "silver-dev/times_core_accuracy", "silver-heldout/times_core_accuracy")
NER_ROWS = (
    ("ANERcorp CAMeL test split", "anercorp-test/ner_f1"),
    ("AQMAR test split (Wikipedia)", "aqmar-test/ner_f1"),
)
COLUMNS = ("dev", "dev2-tune", "dev2-check")
ACCURATE_ROWS = GOLD_ROWS[:3]  # the accurate configuration's gold rows (its NER rows are NER_ROWS)


def _cell(floors: dict[str, float], name: str) -> str:
    return f"{floors[name]:.3f}" if name in floors else "—"


def render(floors: dict[str, float]) -> str:
    """The Markdown between the markers (without them)."""
    lines = [
        "| measure | dev (7 articles) | dev2 tune half (hes, sau) | dev2 check half (ant, jaw) |",
        "|---|---|---|---|",
    ]
    for title, measure in GOLD_ROWS:
        lines.append(f"| {title} | " + " | ".join(_cell(floors, f"{c}/{measure}") for c in COLUMNS) + " |")
    for title, measure in DEV_ROWS:
        lines.append(f"| {title} | {_cell(floors, 'dev/' + measure)} | — | — |")
    title, dev, heldout = SILVER_ROW
    lines += ["", "| times silver set (36 development articles, 18 held-out) | development half | held-out half |",
              "|---|---|---|", f"| {title} | {_cell(floors, dev)} | {_cell(floors, heldout)} |"]
    lines += ["", "| NER, exact-span micro-F1 of the entity stage (conlleval; report only, never tuned on) | F1 |",
              "|---|---|"]
    lines += [f"| {title} | {_cell(floors, name)} |" for title, name in NER_ROWS]
    return "\n".join([*lines, "", *_accurate(floors)])


def _accurate(floors: dict[str, float]) -> list[str]:
    """The accurate configuration's rows (``--ner accurate``; figures named ``accurate:<set>/<measure>``)."""
    lines = ["| accurate configuration (`--ner accurate`: the neural tagger) | dev (7 articles) | dev2 tune half | "
             "dev2 check half |", "|---|---|---|---|"]
    for title, measure in ACCURATE_ROWS:
        lines.append(f"| {title} | " + " | ".join(_cell(floors, f"accurate:{c}/{measure}") for c in COLUMNS) + " |")
    for title, name in NER_ROWS:
        lines.append(f"| NER F1, {title} | {_cell(floors, 'accurate:' + name)} | — | — |")
    return lines


def _split(text: str, path: Path) -> tuple[str, str, str]:
    head, start, rest = text.partition(START)
    body, end, tail = rest.partition(END)
    if not start or not end:
        raise ResourceError(f"{path} has no quality table markers ({START!r} ... {END!r})")
    return head, body, tail


def readme_table(path: Path) -> str:
    """The table now in the README (between the markers, stripped)."""
    return _split(path.read_text(encoding="utf-8"), path)[1].strip()


def write_readme(path: Path, floors: dict[str, float]) -> bool:
    """Rewrite the README's table from ``floors``; whether anything changed."""
    text = path.read_text(encoding="utf-8")
    head, body, tail = _split(text, path)
    table = render(floors)
    if body.strip() == table:
        return False
    path.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")
    return True
