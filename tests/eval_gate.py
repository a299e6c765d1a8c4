"""The quality gate: every figure of tests/eval_baseline.json holds its floor on the shared gold.

Also run on its own: ``python -m pytest tests/eval_gate.py`` or ``python -m khabar.evaluation.gate``
(which prints every figure); ``--update`` there raises the floors after an improvement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.evaluation.gate import Baseline, Corpora, Status, collect, compare, failed
from khabar.evaluation.gate.command import BASELINE, report_lines

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_every_figure_holds_its_floor(pipeline) -> None:  # type: ignore[no-untyped-def]
    corpora = Corpora.beside(REPO)
    if not corpora.has_eval():
        pytest.skip(f"no shared gold and scorers under {corpora.eval_dir}: the quality gate needs ../shared/eval")
    baseline = Baseline.load(REPO / BASELINE)
    verdicts = compare(collect(corpora, pipeline), baseline)
    report = "\n".join(report_lines(verdicts, BASELINE, baseline.epsilon, 0))
    assert not failed(verdicts), report
    assert any(v.status is not Status.SKIPPED for v in verdicts), report
