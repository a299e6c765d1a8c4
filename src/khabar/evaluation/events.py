"""The events stage measured: event F1 on the dev gold (by ``shared/eval/events_score.py``'s rules) and
ASSAULT / PROTEST sentence detection on the GSR sample's held-out part.

Event matching as the official scorer does it: a predicted event matches an unmatched gold event of the
same type whose trigger lies in the same sentence (sentences end at . ! ? ؟ or a line break); a matched
event's actor (target) is right when the names match (``evaluation/names.py``) or both are absent; "full"
needs type, actor and target right. dev2's tune half (hes, sau) is for tuning; its check half (ant, jaw)
is for figures only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from khabar.evaluation import events_silver
from khabar.evaluation.names import same_name
from khabar.model import EventMode, to_dict
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages.events.gsr import KINDS, gsr_rows, held_out
from khabar.stages.read import document_from_text

SENTENCE_END = re.compile(r"[.!?؟\n]")
HALVES = {"tune": ("dev2-hes", "dev2-sau"), "check": ("dev2-ant", "dev2-jaw")}


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold items; precision, recall and F1 from them."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def f1(self) -> float:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(self.f1, 4), "tp": self.tp, "pred": self.pred,
                "gold": self.gold}


@dataclass(slots=True)
class EventReport:
    events: Counts = field(default_factory=Counts)
    full: Counts = field(default_factory=Counts)
    actor_right: int = 0  # of the matched events
    target_right: int = 0

    def as_dict(self) -> dict[str, Any]:
        matched = self.events.tp
        return {"events": self.events.as_dict(), "full": self.full.as_dict(),
                "actor_accuracy": round(self.actor_right / matched, 4) if matched else 0.0,
                "target_accuracy": round(self.target_right / matched, 4) if matched else 0.0}


def _sentence(text: str, position: int) -> tuple[int, int]:
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, position)), default=0)
    end = SENTENCE_END.search(text, position)
    return start, end.start() if end else len(text)


def _names(pred: dict[str, Any], event: dict[str, Any], role: str) -> list[str]:
    entities = {e["id"]: e for e in pred.get("entities", [])}
    names: list[str] = []
    entity = entities.get(event.get(role) or "")
    if entity is not None:
        names += [entity["name"], *(pred["text"][m["start"] : m["end"]] for m in entity["mentions"])]
    if event.get(role + "_text"):
        names.append(event[role + "_text"])
    return names


def _right(gold_name: str | None, names: list[str], aliases: dict[str, list[str]]) -> bool:
    if not gold_name:
        return not names
    return bool(names) and same_name(aliases.get(gold_name, [gold_name]), names)


def score_article(gold: dict[str, Any], pred: dict[str, Any], report: EventReport) -> None:
    """Add one article's matches to ``report``."""
    text = gold["text"]
    aliases = {e["name"]: [e["name"], *e.get("aliases", [])] for e in gold.get("entities", [])}
    predicted = pred.get("events", [])
    used: set[int] = set()
    for counts in (report.events, report.full):
        counts.pred += len(predicted)
        counts.gold += len(gold.get("events", []))
    for event in gold.get("events", []):
        low, high = _sentence(text, event["trigger"]["start"])
        hit = next((i for i, p in enumerate(predicted) if i not in used and p["type"] == event["type"]
                    and low <= p["trigger"]["start"] <= high), None)
        if hit is None:
            continue
        used.add(hit)
        report.events.tp += 1
        actor = _right(event.get("actor"), _names(pred, predicted[hit], "actor"), aliases)
        target = _right(event.get("target"), _names(pred, predicted[hit], "target"), aliases)
        report.full.tp += actor and target
        report.actor_right += actor
        report.target_right += target


def evaluate_gold(gold: Iterable[dict[str, Any]], pipeline: Pipeline) -> EventReport:
    """Run ``pipeline`` over the gold articles' texts and score their events."""
    report = EventReport()
    for article in gold:
        doc = document_from_text(article["text"], article["id"])
        published = (article.get("meta") or {}).get("published")
        if published:
            doc = replace(doc, meta=replace(doc.meta, published=published))
        score_article(article, to_dict(pipeline(doc), tokens=False), report)
    return report


def read_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_dev(eval_dir: Path, pipeline: Pipeline | None = None) -> dict[str, EventReport]:
    """Event figures on dev2's tune and check halves and on the seed's gold events."""
    pipeline = pipeline or default_pipeline()
    dev2 = read_gold(eval_dir / "dev2" / "gold.jsonl")
    out = {half: evaluate_gold([g for g in dev2 if g["id"].startswith(prefixes)], pipeline)
           for half, prefixes in HALVES.items()}
    out["seed"] = evaluate_gold([g for g in read_gold(eval_dir / "dev" / "gold.jsonl") if g.get("events")], pipeline)
    return out


def evaluate_gsr(eval_dir: Path, pipeline: Pipeline | None = None, part: str = "held_out") -> dict[str, Counts]:
    """ASSAULT and PROTEST sentence detection on the GSR sample: a sentence is detected when khabar finds
    an occurred event of the file's type in it. ``part``: held_out (the figures to report), train or all."""
    pipeline = pipeline or default_pipeline(reported_events=True)
    out = {}
    for kind in KINDS:
        counts = Counts()
        for sentence_id, text, yes in gsr_rows(eval_dir, kind):
            if part != "all" and held_out(sentence_id) != (part == "held_out"):
                continue
            doc = pipeline(document_from_text(text, sentence_id))
            found = any(e.type == kind and e.mode is EventMode.OCCURRED for e in doc.events)
            counts.tp += found and yes
            counts.pred += found
            counts.gold += yes
        out[kind] = counts
    return out


def evaluate_silver(data_dir: Path, pipeline: Pipeline | None = None,
                    gold_file: Path = events_silver.GOLD_FILE) -> dict[str, EventReport]:
    """Event figures on the ANT silver set (``evaluation/events_silver.py``): its development half and its
    held-out half (only measured)."""
    pipeline = pipeline or default_pipeline()
    articles = events_silver.silver_articles(data_dir, events_silver.read_gold(gold_file))
    return {name: evaluate_gold([a for a in articles if a["held_out"] == held], pipeline)
            for name, held in (("silver-dev", False), ("silver-held-out", True))}


def report(eval_dir: Path, gsr_part: str = "held_out", data_dir: Path | None = None) -> dict[str, Any]:
    """Every event figure as one JSON-ready object (what ``khabar eval events`` prints); the silver set's
    when ``data_dir`` (holding the ANT corpus) is given."""
    dev = {name: r.as_dict() for name, r in evaluate_dev(eval_dir).items()}
    if data_dir is not None:
        dev |= {name: r.as_dict() for name, r in evaluate_silver(data_dir).items()}
    gsr = {kind: c.as_dict() for kind, c in evaluate_gsr(eval_dir, part=gsr_part).items()}
    return {"dev": dev, "gsr": gsr, "gsr_part": gsr_part}


def report_lines(data: dict[str, Any]) -> list[str]:
    lines = ["events (type and sentence) | full (type, actor and target)"]
    for name, figures in data["dev"].items():
        e, f = figures["events"], figures["full"]
        lines.append(f"  {name:15s} event F1 {e['f1']:.3f} (P {e['p']:.3f} R {e['r']:.3f}, {e['tp']}/{e['pred']}/{e['gold']})"
                     f"   full F1 {f['f1']:.3f}")
    lines.append(f"GSR sentence detection ({data['gsr_part']} part; yes against both no's)")
    for kind, c in data["gsr"].items():
        lines.append(f"  {kind:8s} F1 {c['f1']:.3f} (P {c['p']:.3f} R {c['r']:.3f}, {c['tp']}/{c['pred']}/{c['gold']})")
    return lines
