"""The gate's command line: compute, compare, print; ``--update`` raises floors and rewrites the README."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from khabar.errors import KhabarError
from khabar.evaluation.gate.baseline import Baseline, Status, UpdateRefused, Verdict, compare, failed, raised
from khabar.evaluation.gate.figures import Collected, Corpora, collect
from khabar.evaluation.gate.table import write_readme

BASELINE = Path("tests") / "eval_baseline.json"
EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def _default_root() -> Path:
    """The checkout this module runs from (an editable install), else the current folder."""
    checkout = Path(__file__).resolve().parents[4]
    return checkout if (checkout / BASELINE).is_file() else Path.cwd()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m khabar.evaluation.gate",
        description="Compute khabar's gated quality figures from the shared gold and compare them with the "
                    "floors in tests/eval_baseline.json. Exit 0 when every figure holds its floor, 1 when one "
                    "falls below it (or has no floor, or its gold changed), 2 on an error.")
    parser.add_argument("--update", action="store_true",
                        help="raise the floors of the figures that rose and rewrite the README's table; "
                             "refuses (exit 1) while any figure is below its floor: it never lowers one")
    parser.add_argument("--accept-gold", action="store_true",
                        help="with --update: take the figures computed from a changed gold file or scorer as "
                             "their new floors, up or down (say why in the commit)")
    parser.add_argument("--json", action="store_true", help="print the verdicts as one JSON object")
    parser.add_argument("--root", type=Path, default=None,
                        help="the khabar checkout holding tests/eval_baseline.json and README.md "
                             "(default: the checkout of this module, else the current folder)")
    parser.add_argument("--eval", dest="eval_dir", type=Path, default=None,
                        help="the shared eval folder (default: $KHABAR_EVAL, else ROOT/../shared/eval)")
    parser.add_argument("--data", dest="data_dir", type=Path, default=None,
                        help="the shared data folder (default: $KHABAR_DATA, else ROOT/../shared/data)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root = args.root or _default_root()
    corpora = Corpora.beside(root, args.eval_dir, args.data_dir)
    started = time.perf_counter()
    try:
        collected = collect(corpora)
        baseline = Baseline.load(root / BASELINE)
        if args.update:
            return _update(collected, baseline, root, accept_gold=args.accept_gold)
    except UpdateRefused as refused:
        print(f"gate: {refused}", file=sys.stderr)
        return EXIT_FAILED
    except KhabarError as error:
        print(f"gate: {error}", file=sys.stderr)
        return EXIT_ERROR
    verdicts = compare(collected, baseline)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps(_as_json(verdicts, collected, seconds), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(verdicts, root / BASELINE, baseline.epsilon, seconds)))
    return EXIT_FAILED if failed(verdicts) else EXIT_PASSED


def report_lines(verdicts: list[Verdict], path: Path, epsilon: float, seconds: float) -> list[str]:
    """The verdicts for people, then one line that says whether the gate passed."""
    lines = [f"khabar quality gate: {len(verdicts)} figures against the floors in {path} (epsilon {epsilon})"]
    lines += [verdict.line() for verdict in verdicts]
    bad, rose = failed(verdicts), [v for v in verdicts if v.status is Status.ROSE]
    skipped = [v for v in verdicts if v.status is Status.SKIPPED]
    summary = f"FAILED: {len(bad)} below or without a floor" if bad else "passed"
    if rose:
        summary += f"; {len(rose)} rose (--update raises their floors)"
    if skipped:
        summary += f"; {len(skipped)} skipped (gold absent)"
    return [*lines, f"gate: {summary} ({seconds:.0f} s)"]


def _as_json(verdicts: list[Verdict], collected: Collected, seconds: float) -> dict[str, object]:
    return {"passed": not failed(verdicts), "seconds": round(seconds, 1), "sources": collected.sources,
            "figures": [{**asdict(v), "status": str(v.status)} for v in verdicts]}


def _update(collected: Collected, baseline: Baseline, root: Path, *, accept_gold: bool) -> int:
    updated, moved = raised(collected, baseline, accept_gold=accept_gold)
    updated.save(root / BASELINE)
    for verdict in moved:
        what = "new floor" if verdict.floor is None else f"{verdict.floor:.4f} -> {verdict.value:.4f}"
        print(f"gate: {verdict.name}: {what} ({verdict.status})")
    readme = root / "README.md"
    if readme.is_file() and write_readme(readme, updated.floors):
        print(f"gate: rewrote the quality table of {readme}")
    print(f"gate: {len(moved)} floors set or raised in {root / BASELINE}" if moved else "gate: no floor moved")
    return EXIT_PASSED
