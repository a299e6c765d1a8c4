"""Train khabar's fast NER model (the default, kind ``crf``) and write it, with its model card, into
``khabar/resources/ner``.

    khabar train ner --kind crf                                        # the shipped model, a few minutes
    python -m khabar.training.ner_crf --data /work/shared/data --dev   # tuning run: hold out the tail of
                                                                       # ANERcorp train, score it + AQMAR dev

Training data: ANERcorp (CAMeL split) train, AQMAR train and (outside ``--dev``) AQMAR dev; optionally the
Wojood sample. The unlabeled-text resource (``clusters.tsv``) comes from
``khabar train clusters`` (``python -m khabar.training.clusters``) and must already be in the output folder; the gazetteer is
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

from khabar.evaluation.conlleval import Score, evaluate, format_table
from khabar.stages.entities.crf import ATTRIBUTES_SUFFIX, CrfWeights
from khabar.stages.entities.features import (
    DOCUMENT_WINDOW,
    SILVER_FILE,
    FeatureExtractor,
    Lexicon,
    second_pass,
)
from khabar.training import conll, gazetteer
from khabar.training.conll import Sentence
from khabar.training.ner_data import split_tail  # the one tail split, as the neural trainer's

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "ner"
DEV_SHARE = 1 / 6
FIRST_PASS = "ner"  # the shipped weights: ner.npz + ner.attributes.txt (numpy, see stages/entities/crf.py)
SECOND_PASS = "ner2"
CRFSUITE = ".crfsuite"  # python-crfsuite's own files: written to a temporary folder, exported, not shipped
CARD_NOTES = """\
- The weights are python-crfsuite's, exported to numpy (`ner.npz`, `ner2.npz` and their attribute lists);
  khabar tags with numpy alone (`khabar/stages/entities/crf.py`), label for label as crfsuite would.
- The scores above are the CRF's alone. What `khabar analyze` reports adds the entity stage's rules
  (known names, institution names, boundary fixes, gazetteer-fitted places) and coreference:
  `khabar eval ner --data PATH` prints both, and the document-level entity scores on the dev gold.
- Training is deterministic (L-BFGS, contiguous jackknife folds): the same data and package versions give
  the same files byte for byte.
"""


@dataclass
class CrfSettings:
    """python-crfsuite L-BFGS settings and the training-data switches."""

    c1: float = 0.02
    c2: float = 0.05
    max_iterations: int = 200
    passes: int = 2
    folds: int = 5
    window: int = DOCUMENT_WINDOW
    aqmar: bool = True
    wojood: bool = False
    options: list[str] = field(default_factory=list)
    silver_tokens: int = 0  # ANT tokens tagged to mine the silver name list (0: no list)


@dataclass
class Corpora:
    """The labelled data of one run, by role."""

    train: dict[str, list[Sentence]]
    dev: dict[str, list[Sentence]]
    report: dict[str, list[Sentence]]


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
        train["aqmar_train"] = conll.load_aqmar(data, "train")
    if settings.aqmar and not dev_mode:
        train["aqmar_dev"] = aqmar_dev
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


Rows = list[list[str]]


def fit_crf(job: tuple[list[Rows], list[list[str]], dict[str, object], str]) -> str:
    """Fit one CRF with L-BFGS on feature rows and labels; write it to the path; return the path."""
    import pycrfsuite

    rows, labels, params, path = job
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence_rows, sentence_labels in zip(rows, labels, strict=True):
        trainer.append(sentence_rows, sentence_labels)
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(path)
    return path


def tag_rows(path: str, rows: list[Rows]) -> list[list[str]]:
    """Tag feature rows with the CRF at ``path``."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return [list(tagger.tag(sentence_rows)) for sentence_rows in rows]


def fold_bounds(size: int, folds: int) -> list[tuple[int, int]]:
    """Contiguous [start, end) sentence ranges of ``folds`` near-equal folds."""
    return [(k * size // folds, (k + 1) * size // folds) for k in range(folds)]


def train_passes(corpora: dict[str, list[Sentence]], extractor: FeatureExtractor, settings: CrfSettings,
                 out: Path, jobs: int, rows: list[Rows] | None = None) -> None:
    """Train the first-pass CRF and, with jackknifed first-pass labels, the second-pass CRF; export both.

    ``rows`` are the sentences' feature rows when computed elsewhere (the silver list's halves)."""
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    sentences = [s for group in corpora.values() for s in group]
    if rows is None:
        rows = [extractor.sentence([token for token, _ in s]) for s in sentences]
    labels = [[tag for _, tag in s] for s in sentences]
    params: dict[str, object] = {"c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations}
    with tempfile.TemporaryDirectory() as tmp:
        bounds = fold_bounds(len(rows), settings.folds) if settings.passes > 1 else []
        work = [(rows[:a] + rows[b:], labels[:a] + labels[b:], params, f"{tmp}/fold{k}{CRFSUITE}")
                for k, (a, b) in enumerate(bounds)]
        work.append((rows, labels, params, f"{tmp}/{FIRST_PASS}{CRFSUITE}"))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            paths = list(pool.map(fit_crf, work))
        CrfWeights.from_crfsuite(Path(paths[-1])).save(out / FIRST_PASS)
        if settings.passes == 1:
            return
        held_out = [tags for (a, b), path in zip(bounds, paths[:-1], strict=True) for tags in tag_rows(path, rows[a:b])]
        enriched: list[Rows] = []
        start = 0
        for group in corpora.values():
            tokens = [[token for token, _ in s] for s in group]
            stop = start + len(group)
            enriched += second_pass(rows[start:stop], tokens, held_out[start:stop], settings.window)
            start = stop
        second = fit_crf((enriched, labels, params, f"{tmp}/{SECOND_PASS}{CRFSUITE}"))
        CrfWeights.from_crfsuite(Path(second)).save(out / SECOND_PASS)


def _mine(job: tuple[str, Path, int, list[str], str]) -> dict[str, str]:
    """Tag the news with one exported first-pass model and list the words it tags as names."""
    from khabar.stages.entities.crf import Scorer
    from khabar.training import silver

    weights_stem, lexicon_dir, tokens, known, data = job
    scorer = Scorer(CrfWeights.load(Path(weights_stem)), FeatureExtractor(Lexicon.read(Path(lexicon_dir))))
    tagged, seen = silver.tag_counts(scorer, silver.news_sentences(Path(data), tokens))
    return silver.silver_list(tagged, seen, known)


def silver_rows(corpora: dict[str, list[Sentence]], lexicon: Lexicon, settings: CrfSettings, data: Path,
                out: Path, jobs: int) -> list[Rows]:
    """Mine the silver name lists (``training/silver.py``) and return every sentence's feature rows.

    Each half of the training sentences gets the list mined by a first-pass CRF trained on the other
    half; the list mined by a CRF trained on all of them is written to ``out/silver.tsv`` for run time.
    """
    import dataclasses
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    from khabar.training import silver

    sentences = [s for group in corpora.values() for s in group]
    plain = FeatureExtractor(dataclasses.replace(lexicon, silver={}))
    rows = [plain.sentence([token for token, _ in s]) for s in sentences]
    labels = [[tag for _, tag in s] for s in sentences]
    first, second = silver.halves(len(sentences))
    params: dict[str, object] = {"c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations}
    with tempfile.TemporaryDirectory() as tmp:
        parts = {"a": first, "b": second, "all": range(len(sentences))}
        work = [([rows[i] for i in part], [labels[i] for i in part], params, f"{tmp}/{name}{CRFSUITE}") for name, part in parts.items()]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            paths = list(pool.map(fit_crf, work))
        for path in paths:
            CrfWeights.from_crfsuite(Path(path)).save(Path(path).with_suffix(""))
        mining = [(str(Path(path).with_suffix("")), str(out), settings.silver_tokens,
                   sorted(set(silver.vocabulary(sentences[i] for i in part))), str(data))
                  for path, part in zip(paths, parts.values(), strict=True)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            from_a, from_b, from_all = pool.map(_mine, mining)
    silver.write_silver(from_all, out / SILVER_FILE)
    print(f"silver lists: {len(from_a)} / {len(from_b)} words from the halves, {len(from_all)} shipped")
    for_b = FeatureExtractor(dataclasses.replace(lexicon, silver=from_a))
    for_a = FeatureExtractor(dataclasses.replace(lexicon, silver=from_b))
    return [(for_a if i in first else for_b).sentence([token for token, _ in sentences[i]]) for i in range(len(sentences))]


def score_all(directory: Path, groups: dict[str, list[Sentence]]) -> dict[str, dict[str, Score]]:
    """Load the model in ``directory`` fresh and score it on every named corpus."""
    from khabar.stages.entities.tagger import NerTagger

    tagger = NerTagger.load(directory, cached=False)
    results = {}
    for name, sentences in groups.items():
        predicted = tagger.tag_many([[token for token, _ in sentence] for sentence in sentences])
        results[name] = evaluate([[tag for _, tag in sentence] for sentence in sentences], predicted)
    return results


def write_manifest(directory: Path, settings: dict[str, object]) -> None:
    """Write ``model.json`` (what the tagger loads)."""
    manifest = {"kind": "crf", "labels": ["PER", "ORG", "LOC", "MISC"], "passes": settings["passes"],
                "window": settings["window"], "options": settings["options"], "settings": settings}
    (directory / "model.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m khabar.training.ner_crf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="data root (has ner/, gazetteers/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--dev", action="store_true", help="tuning run: hold out ANERcorp train tail, score AQMAR dev")
    parser.add_argument("--c1", type=float, default=CrfSettings.c1)
    parser.add_argument("--c2", type=float, default=CrfSettings.c2)
    parser.add_argument("--iterations", type=int, default=CrfSettings.max_iterations)
    parser.add_argument("--passes", type=int, choices=(1, 2), default=CrfSettings.passes)
    parser.add_argument("--folds", type=int, default=CrfSettings.folds, help="jackknife folds for the second pass")
    parser.add_argument("--window", type=int, default=CrfSettings.window, help="document window (sentences)")
    parser.add_argument("--jobs", type=int, default=2, help="CRFs trained in parallel")
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp alone")
    parser.add_argument("--wojood", action="store_true", help="add the Wojood sample to training")
    parser.add_argument("--silver-tokens", type=int, default=CrfSettings.silver_tokens,
                        help="ANT tokens to tag for the silver name list (0: none)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Train, write the model and its card, print the scores."""
    args = parse_args(argv)
    settings = CrfSettings(args.c1, args.c2, args.iterations, args.passes, args.folds, args.window,
                           not args.no_aqmar, args.wojood, silver_tokens=args.silver_tokens)
    print(f"settings: {asdict(settings)} (deterministic: L-BFGS, contiguous folds) python={platform.python_version()}")
    corpora = load_corpora(args.data, settings, args.dev)
    print("\n".join(describe(corpora)))
    args.out.mkdir(parents=True, exist_ok=True)
    gazetteer.write(gazetteer.collect(args.data), args.out / gazetteer.GAZETTEER_FILE)
    extractor = FeatureExtractor(Lexicon.read(args.out))
    started = time.perf_counter()
    for stale in (f"{SECOND_PASS}.npz", f"{SECOND_PASS}{ATTRIBUTES_SUFFIX}", "ner.crfsuite", "ner2.crfsuite", SILVER_FILE):
        (args.out / stale).unlink(missing_ok=True)
    rows = None
    if settings.silver_tokens:
        rows = silver_rows(corpora.train, extractor.lexicon, settings, args.data, args.out, args.jobs)
    train_passes(corpora.train, extractor, settings, args.out, args.jobs, rows)
    seconds = time.perf_counter() - started
    print(f"trained {settings.passes}-pass CRF in {seconds:.0f}s")
    write_manifest(args.out, asdict(settings))
    scores = score_all(args.out, {**corpora.dev, **corpora.report})
    for name, table in scores.items():
        print(format_table(table, name))
    if not args.dev:
        from khabar.training.model_card import write_card

        write_card(args.out, corpora, describe(corpora), asdict(settings), scores, seconds, CARD_NOTES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
