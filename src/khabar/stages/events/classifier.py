"""Whether a sentence reports an assault or a protest as happening: a logistic model over its words.

A trigger ("هجوم", "مظاهرة") is often named without a new event being reported: a past attack recalled,
an investigation, a trial, a planned or feared one. The model reads the trigger's sentence and keeps an
occurred ASSAULT or PROTEST event only when the sentence reports one. Trained by
``khabar.training.event_filter`` on a seeded part of the GSR sample (openeventdata/arabic_event_gsr, MIT);
its weights ship as ``resources/events/filter.json``. ``features`` is the one definition of the model's
inputs, used by training and by the stage.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from khabar.errors import ResourceError
from khabar.model import Event, EventMode
from khabar.stages.events.context import EventContext

FILTER_FILE = Path(__file__).resolve().parents[2] / "resources" / "events" / "filter.json"
NUMBER = "<num>"
NEAR = 3  # words either side of the trigger that are features of their own


def features(ctx: EventContext, event: Event) -> list[str]:
    """The model's inputs for one event: its type, trigger and mode, and the words of its sentence."""
    index = ctx.token_index(event.trigger.start)
    first, last = ctx.sentence_range(index)
    stem = ctx.stem(index)
    out = [f"lemma={stem}", f"definite={stem.startswith('ال')}", f"mode={event.mode.value}",
           f"actor={event.actor is not None}", f"target={event.target is not None}",
           f"place={event.place_id is not None}", f"dated={event.date_span is not None}",
           f"quoted={event.quote_id is not None}", f"opens={index - first < 3}"]
    words = set()
    for at in range(first, last + 1):
        token = ctx.tokens[at]
        if token[2].value == "number":
            words.add(NUMBER)
        stem = ctx.stem(at)
        if stem:
            words.add(stem)
    out += [f"w={w}" for w in sorted(words)]
    out += [f"near={ctx.stem(at)}" for at in range(max(first, index - NEAR), min(last, index + NEAR) + 1)
            if at != index and ctx.stem(at)]
    labels = {m.entity.label for at, m in ctx.mention_over.items() if first <= at <= last}
    out += [f"label={label}" for label in sorted(labels)]
    return [f"{event.type}:{f}" for f in out]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Feature weights per event type, a bias and a threshold on the probability."""

    weights: dict[str, float]
    bias: dict[str, float]
    threshold: dict[str, float]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.bias)

    def probability(self, names: list[str], event_type: str) -> float:
        score = self.bias[event_type] + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def keeps(self, ctx: EventContext, event: Event) -> bool:
        """Whether the event stands: an occurred event of a type the model knows is kept only when its
        sentence reports one; other types and modes always stand."""
        if event.type not in self.bias or event.mode is not EventMode.OCCURRED:
            return True
        return self.probability(features(ctx, event), event.type) >= self.threshold[event.type]

    @classmethod
    def load(cls, path: Path = FILTER_FILE) -> EventFilter:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ResourceError(f"event filter {path}: {exc}") from exc
        return cls(data["weights"], data["bias"], data["threshold"])

    def to_json(self) -> str:
        weights = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}
        return json.dumps({"bias": self.bias, "threshold": self.threshold, "weights": weights},
                          ensure_ascii=False, indent=0, sort_keys=True)
