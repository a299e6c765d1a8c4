"""Whether a sentence reports an assault or a protest as happening: a logistic model per event type.

A trigger ("هجوم", "مظاهرة") is often named without a new event being reported: a past attack recalled, an
investigation, a trial, a generic statement, a planned or feared one. The model reads the sentence of the
events of its type and keeps their occurred mentions only when the sentence reports one. Its inputs
(``sentence_features``, the one definition used by training and by the stage) are the sentence's word stems
and stem pairs, its character n-grams, and what the events stage found there: the triggers of the type,
their mode and tense, participants, place, date and quote, casualty counts ("قتل 18 شخصا") and other event
types. Trained by ``khabar.training.event_filter`` on the GSR sample (openeventdata/arabic_event_gsr, MIT);
the weights ship as ``resources/events/filter.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from khabar.errors import ResourceError
from khabar.model import Event, EventMode, TokenKind
from khabar.stages.events.context import EventContext

FILTER_FILE = Path(__file__).resolve().parents[2] / "resources" / "events" / "filter.json"
NUMBER = "<num>"
CASUALTY_WINDOW = 3  # tokens between a number and a casualty word ("18 شخصا ... قتلى")
CHAR_SIZES = (3, 4)
PRESENT_PREFIXES = ("ي", "ت", "ن")


@dataclass(frozen=True, slots=True)
class FeatureSet:
    """Which feature groups a model reads (chosen by cross-validation, stored with its weights)."""

    words: bool = True
    pairs: bool = True
    chars: bool = False
    events: bool = True

    def to_dict(self) -> dict[str, bool]:
        return {"words": self.words, "pairs": self.pairs, "chars": self.chars, "events": self.events}


def sentence_features(ctx: EventContext, events: Sequence[Event], kind: str, groups: FeatureSet,
                      casualty_words: frozenset[str]) -> list[str]:
    """The model's inputs for the sentence of ``events`` (every event found in one sentence, at least one)."""
    first, last = ctx.sentence_range(ctx.token_index(events[0].trigger.start))
    indices = list(range(first, last + 1))
    stems = [ctx.stem(i) for i in indices if ctx.stem(i)]
    out: list[str] = []
    if groups.words:
        out += [f"w={s}" for s in set(stems)]
    if groups.pairs:
        out += [f"p={a}_{b}" for a, b in set(zip(stems, stems[1:], strict=False))]
    if groups.chars:
        out += sorted({f"c={g}" for s in stems for g in _char_grams(s)})
    if groups.events:
        out += _event_features(ctx, indices, events, kind, casualty_words)
    return out


def _char_grams(stem: str) -> Iterable[str]:
    word = f"<{stem}>"
    for size in CHAR_SIZES:
        for i in range(len(word) - size + 1):
            yield word[i : i + size]


def _event_features(ctx: EventContext, indices: list[int], events: Sequence[Event], kind: str,
                    casualty_words: frozenset[str]) -> list[str]:
    """What the events stage found in the sentence: its triggers of ``kind`` and the rest."""
    mine = [e for e in events if e.type == kind]
    out = {f"ev:count={min(len(mine), 3)}", f"ev:others={min(len(events) - len(mine), 2)}"}
    out |= {f"ev:type={e.type}" for e in events if e.type != kind}
    for event in mine:
        at = ctx.token_index(event.trigger.start)
        stem, token = ctx.stem(at), ctx.norm(at)
        tense = "noun" if stem.startswith("ال") else "present" if stem.startswith(PRESENT_PREFIXES) else "other"
        out |= {f"ev:trigger={stem}", f"ev:mode={event.mode.value}", f"ev:tense={tense}",
                f"ev:actor={event.actor is not None}", f"ev:target={event.target is not None}",
                f"ev:place={event.place_id is not None}", f"ev:dated={event.date_span is not None}",
                f"ev:quoted={event.quote_id is not None}", f"ev:first={at - indices[0] < 3}",
                f"ev:clitic={token[: len(token) - len(stem)] if token.endswith(stem) else '?'}"}
    numbers = [i for i in indices if ctx.tokens[i][2] is TokenKind.NUMBER]
    if numbers:
        out.add(NUMBER)
    if any(ctx.stem(j) in casualty_words for i in numbers
           for j in range(i + 1, min(indices[-1], i + CASUALTY_WINDOW) + 1)):
        out.add("ev:casualties")
    return sorted(out)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Per event type: feature weights, a bias and a threshold on the probability, and the feature set."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: dict[str, float]
    groups: FeatureSet
    casualty_words: frozenset[str]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.bias)

    def probability(self, names: Iterable[str], kind: str) -> float:
        weights = self.weights[kind]
        score = self.bias[kind] + sum(weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def reports(self, ctx: EventContext, events: Sequence[Event], kind: str) -> bool:
        """Whether the sentence of ``events`` (all found in one sentence) reports a ``kind`` event."""
        names = sentence_features(ctx, events, kind, self.groups, self.casualty_words)
        return self.probability(names, kind) >= self.threshold[kind]

    def kept(self, ctx: EventContext, events: Sequence[Event]) -> list[Event]:
        """``events`` less the occurred ones of a type the model knows in a sentence that reports none;
        other types and modes always stand."""
        by_sentence: dict[int, list[Event]] = {}
        for event in events:
            by_sentence.setdefault(ctx.sentence_of[ctx.token_index(event.trigger.start)], []).append(event)
        dropped: set[int] = set()
        for found in by_sentence.values():
            for kind in {e.type for e in found} & self.types:
                if not self.reports(ctx, found, kind):
                    dropped |= {id(e) for e in found if e.type == kind and e.mode is EventMode.OCCURRED}
        return [e for e in events if id(e) not in dropped]

    @classmethod
    def load(cls, path: Path = FILTER_FILE) -> EventFilter:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["weights"], data["bias"], data["threshold"], FeatureSet(**data["features"]),
                       frozenset(data["casualty_words"]))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ResourceError(f"event filter {path}: {exc}") from exc

    def to_json(self) -> str:
        weights = {kind: {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-3}
                   for kind, w in sorted(self.weights.items())}
        return json.dumps({"bias": self.bias, "threshold": self.threshold, "features": self.groups.to_dict(),
                           "casualty_words": sorted(self.casualty_words), "weights": weights},
                          ensure_ascii=False, indent=0, sort_keys=True)
