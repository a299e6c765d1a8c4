"""Train khabar's NER model and write it, with its model card, into ``khabar/resources/ner``.

    python -m khabar.training.ner --data /work/shared/data             # CRF (default), a few minutes
    python -m khabar.training.ner --data /work/shared/data --dev       # tuning run: hold out the tail of
                                                                       # ANERcorp train, score it + AQMAR dev

Training data: ANERcorp (CAMeL split) train, AQMAR train and (outside ``--dev``) AQMAR dev; optionally the
Wojood sample. The unlabeled-text resources (``clusters.tsv``, ``embeddings*``) come from
``python -m khabar.training.clusters`` and must already be in the output folder; the gazetteer is
rebuilt here. After training, the ANERcorp test split and AQMAR test are scored for the model card only:
no setting is chosen on them.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from khabar.evaluation.conlleval import MICRO, Score, evaluate, format_table
from khabar.stages.entities.features import FeatureExtractor, Lexicon
from khabar.training import conll, gazetteer
from khabar.training.conll import Sentence

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "ner"
DEV_SHARE = 1 / 6
SEED = 13


@dataclass
class CrfSettings:
    """python-crfsuite L-BFGS settings and the training-data switches."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 200
    aqmar: bool = True
    wojood: bool = False
    extra: dict[str, float] = field(default_factory=dict)


@dataclass
class Corpora:
    """The labelled data of one run, by role."""

    train: dict[str, list[Sentence]]
    dev: dict[str, list[Sentence]]
    report: dict[str, list[Sentence]]


def split_tail(sentences: list[Sentence], share: float) -> tuple[list[Sentence], list[Sentence]]:
    """Split off the last ``share`` of tokens (whole sentences), like the CAMeL split does."""
    total = conll.count_tokens(sentences)
    seen = 0
    for index, sentence in enumerate(sentences):
        seen += len(sentence)
        if seen >= total * (1 - share):
            return sentences[: index + 1], sentences[index + 1 :]
    return sentences, []


def load_corpora(data: Path, settings: CrfSettings, dev_mode: bool) -> Corpora:
    """Read every corpus and assign it to training, tuning (dev) or reporting."""
    anercorp = conll.load_anercorp(data, "train")
    aqmar_dev = conll.load_aqmar(data, "dev")
    train: dict[str, list[Sentence]] = {}
    dev: dict[str, list[Sentence]] = {}
    if dev_mode:
        train["anercorp_train_head"], dev["anercorp_train_tail"] = split_tail(anercorp, DEV_SHARE)
        dev["aqmar_dev"] = aqmar_dev
    else:
        train["anercorp_train"] = anercorp
        if settings.aqmar:
            train["aqmar_dev"] = aqmar_dev
    if settings.aqmar:
        train["aqmar_train"] = conll.load_aqmar(data, "train")
    if settings.wojood:
        train["wojood_sample"] = conll.load_wojood(data, "train") + conll.load_wojood(data, "val")
    report = {} if dev_mode else {"anercorp_test": conll.load_anercorp(data, "test"),
                                  "aqmar_test": conll.load_aqmar(data, "test")}
    return Corpora(train, dev, report)


def describe(corpora: Corpora) -> list[str]:
    """One line per corpus: role, name, sentences, tokens."""
    lines = []
    for role, group in (("train", corpora.train), ("dev", corpora.dev), ("report", corpora.report)):
        for name, sentences in group.items():
            lines.append(f"{role:<7}{name:<22}{len(sentences):>7} sentences {conll.count_tokens(sentences):>8} tokens")
    return lines


def train_crf(sentences: list[Sentence], extractor: FeatureExtractor, settings: CrfSettings, target: Path) -> None:
    """Fit a CRF with L-BFGS and write it to ``target``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.sentence([token for token, _ in sentence]), [tag for _, tag in sentence])
    trainer.set_params({"c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations,
                        "feature.possible_transitions": True, **settings.extra})
    trainer.train(str(target))


def score_all(directory: Path, groups: dict[str, list[Sentence]]) -> dict[str, dict[str, Score]]:
    """Load the model in ``directory`` fresh and score it on every named corpus."""
    from khabar.stages.entities.tagger import NerTagger

    tagger = NerTagger.load(directory, cached=False)
    results = {}
    for name, sentences in groups.items():
        predicted = tagger.tag_many([[token for token, _ in sentence] for sentence in sentences])
        results[name] = evaluate([[tag for _, tag in sentence] for sentence in sentences], predicted)
    return results


def write_manifest(directory: Path, kind: str, settings: dict[str, object]) -> None:
    """Write ``model.json`` (what the tagger loads)."""
    manifest = {"kind": kind, "labels": ["PER", "ORG", "LOC", "MISC"], "settings": settings}
    (directory / "model.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m khabar.training.ner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="data root (has ner/, gazetteers/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--dev", action="store_true", help="tuning run: hold out ANERcorp train tail, score AQMAR dev")
    parser.add_argument("--c1", type=float, default=CrfSettings.c1)
    parser.add_argument("--c2", type=float, default=CrfSettings.c2)
    parser.add_argument("--iterations", type=int, default=CrfSettings.max_iterations)
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp alone")
    parser.add_argument("--wojood", action="store_true", help="add the Wojood sample to training")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Train, write the model and its card, print the scores."""
    args = parse_args(argv)
    settings = CrfSettings(args.c1, args.c2, args.iterations, not args.no_aqmar, args.wojood)
    print(f"settings: {asdict(settings)} seed={SEED} python={platform.python_version()}")
    corpora = load_corpora(args.data, settings, args.dev)
    print("\n".join(describe(corpora)))
    args.out.mkdir(parents=True, exist_ok=True)
    gazetteer.write(gazetteer.collect(args.data), args.out / gazetteer.GAZETTEER_FILE)
    extractor = FeatureExtractor(Lexicon.read(args.out))
    started = time.perf_counter()
    training = [sentence for sentences in corpora.train.values() for sentence in sentences]
    train_crf(training, extractor, settings, args.out / "ner.crfsuite")
    seconds = time.perf_counter() - started
    print(f"trained CRF on {len(training)} sentences in {seconds:.0f}s")
    write_manifest(args.out, "crf", asdict(settings))
    scores = score_all(args.out, {**corpora.dev, **corpora.report})
    for name, table in scores.items():
        print(format_table(table, name))
    if not args.dev:
        from khabar.training.model_card import write_card

        write_card(args.out, corpora, describe(corpora), asdict(settings), scores, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
