"""Compute the gated figures: khabar's output on the shared gold, scored by the official scorers.

The articles go through the pipeline exactly as ``khabar analyze --format jsonl --no-tokens`` runs them
(read by ``analyze_sources``, written by ``to_dict``), and each half of the gold is scored by
``score.py``, ``events_score.py``, ``places_score.py`` and ``times_score.py --core`` from the shared
``eval`` folder, run as programs: the figures are the ones a user measures. The NER figures are the
conlleval exact-span micro-F1 of the pipeline's entity stage on the report-only CoNLL test splits.

A figure's name is ``<set>/<measure>``: ``dev``, ``dev2-tune`` (dev2-hes-*, dev2-sau-*), ``dev2-check``
(dev2-ant-*, dev2-jaw-*), ``anercorp-test``, ``aqmar-test``. The second configuration (the accurate NER
model, ``default_pipeline(ner_model="accurate")``) has its own figures, named ``accurate:<set>/<measure>``:
the entity and quote figures (the ones its tagger moves) and the NER test splits.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError, ResourceError
from khabar.evaluation.places import read_jsonl
from khabar.evaluation.times_silver import ANT_FILES  # the silver set's texts
from khabar.model import Document, to_dict

Analyse = Callable[[Document], Document]
Record = dict[str, Any]

DEV2_HALVES = {"dev2-tune": ("dev2-hes-", "dev2-sau-"), "dev2-check": ("dev2-ant-", "dev2-jaw-")}
SCORER_TIMEOUT_S = 120

# measure -> (scorer, its extra arguments, the path of the figure in the scorer's JSON report)
SCORED = {
    "entities_f1": ("score.py", (), ("entities", "f1")),
    "quotes_f1": ("score.py", (), ("quotes", "f1")),
    "attributed_f1": ("score.py", (), ("attributed_quotes", "f1")),
    "events_f1": ("events_score.py", (), ("events", "f1")),
    "events_full_f1": ("events_score.py", (), ("full", "f1")),
    "times_core_accuracy": ("times_score.py", ("--core",), ("accuracy",)),
}
GOLD_MEASURES = ("entities_f1", "quotes_f1", "attributed_f1", "events_f1", "events_full_f1")
DEV2_MEASURES = (*GOLD_MEASURES, "places_accuracy", "times_core_accuracy")
NER_SPLITS = {"anercorp-test": "ner/anercorp/ANERCorp_CamelLab_test.txt", "aqmar-test": "ner/aqmar/aqmar_test.txt"}
EVAL_FILES = ("dev/articles.jsonl", "dev/gold.jsonl", "dev2/articles.jsonl", "dev2/gold.jsonl", "dev2/places.jsonl")
SCORERS = ("score.py", "events_score.py", "places_score.py", "times_score.py")
REPO_GOLD_MEASURES = ("geocoding_accuracy", "places_ner_accuracy", "dates_accuracy")
REPO_GOLD = {"places": "tests/data/places_gold.jsonl", "dates": "tests/data/times_gold.jsonl",
             "silver_times": "tests/data/times_silver.jsonl"}
# The second configuration (khabar.pipeline.accurate_pipeline) and the figures measured with it.
ACCURATE = "accurate"
ACCURATE_DEV_MEASURES = ("entities_f1",)
ACCURATE_DEV2_MEASURES = ("entities_f1", "quotes_f1", "attributed_f1")
# The times silver set (``khabar.evaluation.times_silver``): ANT articles annotated by hand, scored by
# ``times_score.py --core``; the development half is tuned on, the held-out half only measured.
SILVER_TIMES_HALVES = {"silver-dev": "dev", "silver-heldout": "heldout"}


@dataclass(frozen=True, slots=True)
class Corpora:
    """Where the gold lives: the shared ``eval`` and ``data`` folders (either may be absent) and the repo."""

    eval_dir: Path
    data_dir: Path
    repo: Path

    @classmethod
    def beside(cls, root: Path, eval_dir: Path | None = None, data_dir: Path | None = None) -> Corpora:
        """The corpora of a checkout: the folders given, else ``$KHABAR_EVAL`` / ``$KHABAR_DATA``, else
        ``../shared/eval`` and ``../shared/data`` beside it (as the tests' fixtures find them)."""
        shared = root.resolve().parent / "shared"
        eval_dir = eval_dir or Path(os.environ.get("KHABAR_EVAL", shared / "eval"))
        data_dir = data_dir or Path(os.environ.get("KHABAR_DATA", shared / "data"))
        return cls(eval_dir, data_dir, root)

    def has_ant(self) -> bool:
        return all((self.data_dir / name).is_file() for name in ANT_FILES)

    def has_eval(self) -> bool:
        return all((self.eval_dir / name).is_file() for name in (*EVAL_FILES, *SCORERS))

    def sources(self) -> dict[str, Path]:
        """Every gold file and scorer a figure depends on, by the key the baseline records its SHA under."""
        found = {f"shared/eval/{n}": self.eval_dir / n for n in (*EVAL_FILES, *SCORERS)}
        found |= {f"shared/data/{p}": self.data_dir / p for p in NER_SPLITS.values()}
        found |= {f"repo/{p}": self.repo / p for p in REPO_GOLD.values()}
        found |= {f"shared/data/{p}": self.data_dir / p for p in ANT_FILES}
        return {key: path for key, path in found.items() if path.is_file()}


@dataclass(slots=True)
class Collected:
    """The figures computed, the ones that could not be (and why), and the SHA-256 of each gold file read."""

    figures: dict[str, float] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def figure_names() -> list[str]:
    """Every figure the gate computes when all the gold is there."""
    names = [f"dev/{m}" for m in (*GOLD_MEASURES, *REPO_GOLD_MEASURES)]
    names += [f"{half}/{m}" for half in DEV2_HALVES for m in DEV2_MEASURES]
    names += [f"{half}/times_core_accuracy" for half in SILVER_TIMES_HALVES]
    return names + [f"{split}/ner_f1" for split in NER_SPLITS] + accurate_names()


def accurate_names() -> list[str]:
    """The accurate configuration's figures."""
    names = [f"dev/{m}" for m in ACCURATE_DEV_MEASURES]
    names += [f"{half}/{m}" for half in DEV2_HALVES for m in ACCURATE_DEV2_MEASURES]
    return [f"{ACCURATE}:{name}" for name in (*names, *(f"{split}/ner_f1" for split in NER_SPLITS))]


def sources_of(name: str) -> tuple[str, ...]:
    """The keys of the gold files and scorers figure ``name`` is computed from (see ``Corpora.sources``).

    >>> sources_of("aqmar-test/ner_f1")
    ('shared/data/ner/aqmar/aqmar_test.txt',)
    """
    group, measure = name.removeprefix(f"{ACCURATE}:").split("/", 1)
    if group in NER_SPLITS:
        return (f"shared/data/{NER_SPLITS[group]}",)
    if group in SILVER_TIMES_HALVES:
        return (f"repo/{REPO_GOLD['silver_times']}", *(f"shared/data/{p}" for p in ANT_FILES), "shared/eval/times_score.py")
    folder = "dev" if group == "dev" else "dev2"
    keys = [f"shared/eval/{n}" for n in (*EVAL_FILES, *SCORERS) if n.startswith((f"{folder}/", *SCORERS))]
    if measure in REPO_GOLD_MEASURES[:2]:
        keys.append(f"repo/{REPO_GOLD['places']}")
    if measure == "dates_accuracy":
        keys.append(f"repo/{REPO_GOLD['dates']}")
    return tuple(keys)


def collect(corpora: Corpora, pipeline: Any = None, accurate: Any = None) -> Collected:
    """Compute every figure the corpora allow, with ``pipeline`` (default: khabar's default pipeline) and the
    accurate configuration's with ``accurate`` (default: ``accurate_pipeline()``)."""
    from khabar.pipeline import accurate_pipeline, default_pipeline

    pipeline = pipeline or default_pipeline()
    out = Collected(sources={key: sha256(path) for key, path in corpora.sources().items()})
    _collect_default(corpora, pipeline, out)
    _collect_accurate(corpora, accurate or accurate_pipeline(), out)
    return out


def _collect_default(corpora: Corpora, pipeline: Any, out: Collected) -> None:
    """The default pipeline's figures into ``out`` (figures, or the reason each is skipped)."""
    if corpora.has_eval():
        out.figures |= _gold_figures(corpora, pipeline)
        out.figures |= {name: round(value, 4) for name, value in _repo_gold_figures(corpora, pipeline).items()}
    else:
        reason = f"no shared gold and scorers under {corpora.eval_dir} (set KHABAR_EVAL or --eval)"
        out.skipped |= {n: reason for n in figure_names() if not n.endswith("/ner_f1") and ":" not in n}
    silver = [f"{half}/times_core_accuracy" for half in SILVER_TIMES_HALVES]
    if corpora.has_eval() and corpora.has_ant():
        out.figures |= _silver_times_figures(corpora, pipeline)
    else:
        out.skipped |= dict.fromkeys(silver, f"no ANT corpus under {corpora.data_dir} or no shared scorers")
    _collect_ner(corpora, pipeline, out)


def _collect_ner(corpora: Corpora, pipeline: Any, out: Collected, prefix: str = "") -> None:
    """The entity stage's F1 on each NER test split there is."""
    for split, relative in NER_SPLITS.items():
        path = corpora.data_dir / relative
        if path.is_file():
            out.figures[f"{prefix}{split}/ner_f1"] = ner_f1(path, pipeline)
        else:
            out.skipped[f"{prefix}{split}/ner_f1"] = f"no {path} (set KHABAR_DATA or --data)"


def _collect_accurate(corpora: Corpora, pipeline: Any, out: Collected) -> None:
    """The accurate configuration's figures into ``out``, named ``accurate:<set>/<measure>``."""
    prefix = f"{ACCURATE}:"
    if corpora.has_eval():
        figures = _gold_figures(corpora, pipeline, ACCURATE_DEV_MEASURES, ACCURATE_DEV2_MEASURES, places=False)
        out.figures |= {prefix + name: value for name, value in figures.items()}
    else:
        reason = f"no shared gold and scorers under {corpora.eval_dir} (set KHABAR_EVAL or --eval)"
        out.skipped |= {n: reason for n in accurate_names() if not n.endswith("/ner_f1")}
    _collect_ner(corpora, pipeline, out, prefix)


def analyse_file(path: Path, pipeline: Any) -> list[Record]:
    """Every article of ``path`` as ``khabar analyze --format jsonl --no-tokens`` prints it."""
    from khabar.pipeline import analyze_sources

    records = []
    for result in analyze_sources([str(path)], pipeline):
        if isinstance(result, KhabarError):
            raise ResourceError(f"the gate cannot analyse {path}: {result}")
        records.append(to_dict(result, tokens=False))
    return records


def _gold_figures(corpora: Corpora, pipeline: Any, dev_measures: tuple[str, ...] = GOLD_MEASURES,
                  dev2_measures: tuple[str, ...] = (*GOLD_MEASURES, "times_core_accuracy"),
                  places: bool = True) -> dict[str, float]:
    """The dev and dev2 halves' figures (``dev_measures``, ``dev2_measures``, places when ``places``)."""
    ev = corpora.eval_dir
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="khabar-gate-") as tmp:
        folder = Path(tmp)
        dev = analyse_file(ev / "dev" / "articles.jsonl", pipeline)
        figures |= _scored_set(folder, "dev", read_jsonl(ev / "dev" / "gold.jsonl"), dev, dev_measures, ev)
        dev2, dev2_gold = analyse_file(ev / "dev2" / "articles.jsonl", pipeline), read_jsonl(ev / "dev2" / "gold.jsonl")
        gold_places = read_jsonl(ev / "dev2" / "places.jsonl")
        for half, prefixes in DEV2_HALVES.items():
            def mine(doc_id: str, prefixes: tuple[str, ...] = prefixes) -> bool:
                return doc_id.startswith(prefixes)

            gold = [g for g in dev2_gold if mine(g["id"])]
            predicted = [p for p in dev2 if mine(p["id"])]
            figures |= _scored_set(folder, half, gold, predicted, dev2_measures, ev)
            if not places:
                continue
            half_places = write_jsonl(folder / f"{half}.places.jsonl", [p for p in gold_places if mine(p["doc"])])
            report = run_scorer(ev / "places_score.py", half_places, folder / f"{half}.pred.jsonl")
            figures[f"{half}/places_accuracy"] = float(report["accuracy"])
    return figures


def _scored_set(folder: Path, name: str, gold: list[Record], predicted: list[Record], measures: Iterable[str],
                eval_dir: Path) -> dict[str, float]:
    """Score one set's predictions with each scorer its measures need (each scorer run once)."""
    gold_path = write_jsonl(folder / f"{name}.gold.jsonl", gold)
    pred_path = write_jsonl(folder / f"{name}.pred.jsonl", predicted)
    reports: dict[tuple[str, tuple[str, ...]], Record] = {}
    figures = {}
    for measure in measures:
        scorer, extra, keys = SCORED[measure]
        if (scorer, extra) not in reports:
            reports[scorer, extra] = run_scorer(eval_dir / scorer, gold_path, pred_path, *extra)
        value: Any = reports[scorer, extra]
        for key in keys:
            value = value[key]
        figures[f"{name}/{measure}"] = float(value)
    return figures


def run_scorer(script: Path, gold: Path, predicted: Path, *extra: str) -> Record:
    """Run an official scorer with ``--json`` and return its report."""
    command = [sys.executable, str(script), str(gold), str(predicted), "--json", *extra]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=SCORER_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ResourceError(f"{script.name} took over {SCORER_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        raise ResourceError(f"{script.name} failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    try:
        report: Record = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise ResourceError(f"{script.name} printed no JSON report: {done.stdout[:200]!r}") from exc
    return report


def _repo_gold_figures(corpora: Corpora, pipeline: Any) -> dict[str, float]:
    """The dev places (gold mentions; the pipeline's own entities) and dates of the repo's hand-made gold."""
    from khabar.evaluation import places, times

    articles = places.read_articles(corpora.eval_dir / "dev")
    gold_places = places.read_gold(corpora.repo / REPO_GOLD["places"])
    return {
        "dev/geocoding_accuracy": places.evaluate_places(gold_places, articles, places.geocoding_only()).accuracy,
        "dev/places_ner_accuracy": places.evaluate_places(gold_places, articles, pipeline, gold_entities=False).accuracy,
        "dev/dates_accuracy": times.evaluate_times(
            times.read_gold(corpora.repo / REPO_GOLD["dates"]), articles, times.time_tagging_only()).accuracy,
    }


def _silver_times_figures(corpora: Corpora, pipeline: Any) -> dict[str, float]:
    """Each half of the times silver set through the pipeline, scored by ``times_score.py --core``."""
    from khabar.evaluation.times_silver import read_silver

    gold = read_silver(corpora.repo / REPO_GOLD["silver_times"], corpora.data_dir)
    figures = {}
    with tempfile.TemporaryDirectory(prefix="khabar-gate-") as tmp:
        folder = Path(tmp)
        articles = write_jsonl(folder / "silver.articles.jsonl",
                               ({"id": g["id"], "text": g["text"], "published": g["published"]} for g in gold))
        predicted = write_jsonl(folder / "silver.pred.jsonl", analyse_file(articles, pipeline))
        for name, half in SILVER_TIMES_HALVES.items():
            half_gold = write_jsonl(folder / f"{name}.gold.jsonl", (g for g in gold if g["half"] == half))
            report = run_scorer(corpora.eval_dir / "times_score.py", half_gold, predicted, "--core")
            figures[f"{name}/times_core_accuracy"] = float(report["accuracy"])
    return figures


def ner_f1(path: Path, pipeline: Any) -> float:
    """conlleval exact-span micro-F1 (a fraction) of the pipeline's entity stage on a CoNLL test file."""
    from khabar.evaluation.conlleval import MICRO
    from khabar.evaluation.entities import SystemTagger, score_conll
    from khabar.training import conll

    sentences = conll.read_file(path, conll.guess_parser(path))
    tagger = SystemTagger(_EntityStageOf(pipeline))
    tagger.prepare = []  # the pipeline's own stages up to the entities prepare each document
    return round(score_conll(tagger, sentences)[MICRO].f1 / 100, 4)


class _EntityStageOf:
    """The pipeline's stages up to the one that provides entities, seen as an entity finder."""

    def __init__(self, pipeline: Any) -> None:
        stages = list(pipeline.stages)
        last = next((i for i, stage in enumerate(stages) if "entities" in stage.provides), None)
        if last is None:
            raise ResourceError("the pipeline has no stage that provides entities")
        self.stages = stages[: last + 1]

    def find(self, doc: Document) -> tuple[Any, ...]:
        for stage in self.stages:
            doc = stage(doc)
        return doc.entities


def write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return path
