"""khabar's quality gate: every gated figure computed from the shared gold, compared with committed floors.

``python -m khabar.evaluation.gate [--update [--accept-gold]] [--json]`` (and ``tests/eval_gate.py``
under pytest) analyses the dev and dev2 articles with the default pipeline, scores them with the official
scorers, scores the entity stage on the ANERcorp and AQMAR test splits, and compares each figure with its
floor in ``tests/eval_baseline.json``. ``--update`` raises the floors that rose and rewrites the README's
quality table; it never lowers one.
"""

from khabar.evaluation.gate.baseline import Baseline, Status, UpdateRefused, Verdict, compare, failed, raised
from khabar.evaluation.gate.figures import Collected, Corpora, collect, figure_names, sources_of

__all__ = [
    "Baseline",
    "Collected",
    "Corpora",
    "Status",
    "UpdateRefused",
    "Verdict",
    "collect",
    "compare",
    "failed",
    "figure_names",
    "raised",
    "sources_of",
]
