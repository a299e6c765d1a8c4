"""The committed floors and the comparison of computed figures with them.

A figure passes when it is at least its floor minus ``epsilon`` (the pipeline is deterministic: epsilon
only absorbs float noise, so losing one entity on a dev2 half fails). Updating only ever raises floors:
it refuses while any figure is below its floor, and a floor can be lowered only by editing the file by
hand, where the diff shows it. A gold file or scorer whose SHA-256 differs from the recorded one fails
every figure computed from it until ``accept_gold`` re-baselines those figures on the new gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.gate.figures import Collected, sources_of

EPSILON = 0.001
ABOUT = ("Floors of khabar's quality gate (python -m khabar.evaluation.gate; tests/eval_gate.py). "
         "--update only raises them; lowering one is a hand edit that the commit explains.")


class Status(StrEnum):
    OK = "ok"
    ROSE = "rose"  # above its floor by more than epsilon: --update raises the floor
    BELOW = "below"
    NO_FLOOR = "no floor"
    NOT_COMPUTED = "not computed"  # a floor the gate no longer computes
    GOLD_CHANGED = "gold changed"
    SKIPPED = "skipped"  # its gold is absent on this machine

    @property
    def fails(self) -> bool:
        return self in (Status.BELOW, Status.NO_FLOOR, Status.NOT_COMPUTED, Status.GOLD_CHANGED)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One figure against its floor."""

    name: str
    status: Status
    value: float | None = None
    floor: float | None = None
    detail: str = ""

    def line(self) -> str:
        value = "     -" if self.value is None else f"{self.value:.4f}"
        floor = "     -" if self.floor is None else f"{self.floor:.4f}"
        status = self.status.upper() if self.status.fails else self.status
        return f"  {self.name:34s} {value}  floor {floor}  {status}{'  ' + self.detail if self.detail else ''}"


@dataclass(slots=True)
class Baseline:
    """Floors by figure name, the SHA-256 of each gold file they were measured on, and the tolerance."""

    floors: dict[str, float] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    epsilon: float = EPSILON

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls({k: float(v) for k, v in raw["floors"].items()}, dict(raw["sources"]), float(raw["epsilon"]))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ResourceError(f"{path} is not a gate baseline: {exc}") from exc

    def save(self, path: Path) -> None:
        raw = {"about": ABOUT, "epsilon": self.epsilon, "floors": self.floors, "sources": self.sources}
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    def changed_sources(self, collected: Collected) -> set[str]:
        """Gold files read now whose SHA the baseline records otherwise (or not at all)."""
        return {key for key, sha in collected.sources.items() if self.sources.get(key) != sha}


def compare(collected: Collected, baseline: Baseline) -> list[Verdict]:
    """Each figure computed, skipped or floored, against its floor, in name order."""
    changed = baseline.changed_sources(collected)
    verdicts = []
    for name in sorted({*collected.figures, *collected.skipped, *baseline.floors}):
        verdicts.append(_verdict(name, collected, baseline, changed))
    return verdicts


def _verdict(name: str, collected: Collected, baseline: Baseline, changed: set[str]) -> Verdict:
    floor = baseline.floors.get(name)
    if name in collected.skipped:
        return Verdict(name, Status.SKIPPED, floor=floor, detail=collected.skipped[name])
    if name not in collected.figures:
        return Verdict(name, Status.NOT_COMPUTED, floor=floor, detail="the gate no longer computes it")
    value = collected.figures[name]
    if floor is None:
        return Verdict(name, Status.NO_FLOOR, value, detail="run --update to set it")
    moved = sorted(changed.intersection(sources_of(name)))
    if moved:
        return Verdict(name, Status.GOLD_CHANGED, value, floor, f"changed since the floor was set: {', '.join(moved)}")
    if value < floor - baseline.epsilon:
        return Verdict(name, Status.BELOW, value, floor, f"{value - floor:+.4f}")
    if value > floor + baseline.epsilon:
        return Verdict(name, Status.ROSE, value, floor, f"{value - floor:+.4f}")
    return Verdict(name, Status.OK, value, floor)


def failed(verdicts: Iterable[Verdict]) -> list[Verdict]:
    return [v for v in verdicts if v.status.fails]


class UpdateRefused(ResourceError):
    """``--update`` would lower a floor (or the gold changed and was not accepted)."""


def raised(collected: Collected, baseline: Baseline, *, accept_gold: bool = False) -> tuple[Baseline, list[Verdict]]:
    """The baseline with every floor raised to its figure, and the verdicts of the figures that moved.

    Refuses (``UpdateRefused``) while any figure is below its floor, or computed from a changed gold file
    unless ``accept_gold``: then that figure's floor becomes its value on the new gold, up or down.
    Figures with no floor get one; skipped figures keep theirs.
    """
    verdicts = compare(collected, baseline)
    blocking = [v for v in verdicts if v.status in (Status.BELOW, Status.NOT_COMPUTED)
                or (v.status is Status.GOLD_CHANGED and not accept_gold)]
    if blocking:
        raise UpdateRefused("refusing to lower floors:\n" + "\n".join(v.line() for v in blocking))
    floors = dict(baseline.floors)
    moved = []
    for verdict in verdicts:
        if verdict.value is None or verdict.status is Status.OK:
            continue
        floors[verdict.name] = verdict.value
        moved.append(verdict)
    sources = {**baseline.sources, **collected.sources}
    return Baseline(floors, sources, baseline.epsilon), moved
