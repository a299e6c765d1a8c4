"""Train khabar's accurate NER model (kind ``bilstm-crf``, the second configuration: ``--ner accurate``) and
write it, with its model card, into ``khabar/resources/ner_accurate``.

    python -m khabar.training.ner --data ../shared/data              # the shipped model (CPU, ~1 hour)
    python -m khabar.training.ner --data ../shared/data --dev        # tuning run: ANERcorp train's tail and
                                                                     # AQMAR dev held out and scored per epoch

Needs ``pip install 'khabar[train]'`` (torch, CPU build: see the README) and the fastText vectors of
``python -m khabar.training.embeddings`` (``--embeddings``, default ``build/ner/fasttext.npz``); the model
ships its own copy of them, with the vectors of frequent training forms tuned (``embeddings.npz``). The data are those of ``ner_data.load_corpora``. Seeded: the same data, package versions and
``--threads`` give the same weights. After training, the ANERcorp test split and AQMAR test are scored for
the model card only: no setting is chosen on them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from khabar.evaluation.conlleval import MICRO, Score, evaluate, format_table
from khabar.stages.entities.inputs import EMBEDDINGS_FILE, Batch, Embeddings, encode, word_form
from khabar.stages.entities.neural import (
    CHARACTERS_FILE,
    CRF_FILE,
    KIND,
    NETWORK_FILE,
    Consistency,
    CrfWeights,
    decode_document,
)
from khabar.training.conll import ENTITY_TYPES, Sentence
from khabar.training.ner_data import Corpora, DataSettings, describe, load_corpora, to_bilou

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "ner_accurate"
DEFAULT_EMBEDDINGS = Path("build") / "ner" / "fasttext.npz"
TAGS = ["O", *(f"{prefix}-{kind}" for kind in ENTITY_TYPES for prefix in "BILU")]
CLIP = 5.0
CARD_NOTES = """\
- Files: `chars.onnx` (a form's characters -> its character vector), `ner.onnx` (token vectors -> BiLSTM ->
  BILOU label scores), `crf.npz` (the CRF's transition, start and end scores), `embeddings.npz` (fastText
  vectors of the ANT vocabulary, with the frequent training forms' vectors as training tuned them, and the
  hashed character n-gram rows for other forms). khabar runs them with onnxruntime and numpy
  (`khabar/stages/entities/neural.py`); torch is needed for training only.
- The scores above are the tagger's alone, with document consistency (`model.json`), each file read as one
  document. What `khabar analyze` reports adds the entity stage's rules and coreference: `khabar eval ner
  --data PATH` prints both, and the document-level entity scores on the dev gold.
- Training is seeded (torch, numpy): the same data, package versions and `--threads` give the same weights.
- Training log (loss per sentence, per epoch):
"""


@dataclass
class TrainSettings:
    """Optimisation settings, the data switches and the network's sizes."""

    epochs: int = 15
    learning_rate: float = 3e-3  # Adam's, falling linearly to a tenth of it by the last epoch
    batch: int = 16
    seed: int = 13
    threads: int = 1  # more is slower on a shared 2-core machine (spinning threads), and changes the weights
    data: DataSettings = field(default_factory=DataSettings)
    hidden: int = 100
    char_filters: int = 64
    dropout: float = 0.5
    tuned_words: int = 20_000  # the most frequent training forms whose vectors training adjusts (0: all frozen)
    word_dropout: float = 0.2  # the share of tuned forms given their untuned vector in a batch
    consistency: float = 3.0  # the document consistency bonus (neural.Consistency; 0: off), chosen on the dev splits
    quantise: bool = True  # ner.onnx's weights as int8 (ner_model.quantise)


def batches(sizes: Sequence[int], batch: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Sentence indices in batches of similar length, in a shuffled order (``rng``)."""
    order = rng.permutation(len(sizes))
    chunks = [order[i : i + batch * 50] for i in range(0, len(order), batch * 50)]  # sort within chunks of 50 batches
    out = []
    for chunk in chunks:
        chunk = chunk[np.argsort([sizes[i] for i in chunk], kind="stable")]
        out += [chunk[i : i + batch] for i in range(0, len(chunk), batch)]
    return [out[i] for i in rng.permutation(len(out))]


class Trainer:
    """The torch model, its optimiser and the data as tensors."""

    def __init__(self, settings: TrainSettings, embeddings: Embeddings, tuned: Sequence[str] = ()) -> None:
        import torch

        from khabar.training.ner_model import Architecture, Tagger

        torch.manual_seed(settings.seed)
        torch.set_num_threads(settings.threads)
        self.settings = settings
        self.embeddings = embeddings
        self.shape = Architecture(word_dim=embeddings.dim, hidden=settings.hidden, char_filters=settings.char_filters,
                                  dropout=settings.dropout)
        self.model = Tagger(self.shape, TAGS)
        # a trainable change to the vectors of the ``tuned`` forms (row 0: every other form, kept at zero)
        self.tuned = {form: row for row, form in enumerate(tuned, 1)}
        self.delta = torch.nn.Embedding(len(self.tuned) + 1, embeddings.dim, padding_idx=0)
        torch.nn.init.zeros_(self.delta.weight)
        self.optimiser = torch.optim.Adam([*self.model.parameters(), self.delta.weight], lr=settings.learning_rate)
        self.rng = np.random.default_rng(settings.seed)
        self.consistency = Consistency(settings.consistency)

    def words(self, sentences: Sequence[Sequence[str]], inputs: Batch, dropout: float = 0.0) -> Any:
        """The word vectors of a batch with the tuned forms' changes added (each dropped at rate ``dropout``)."""
        import torch

        words = torch.from_numpy(inputs.words)
        if not self.tuned:
            return words
        ids = np.zeros(inputs.mask.shape, dtype=np.int64)
        for row, sentence in enumerate(sentences):
            ids[row, : len(sentence)] = [self.tuned.get(word_form(token), 0) for token in sentence]
        if dropout:
            ids[self.rng.random(ids.shape) < dropout] = 0
        return words + self.delta(torch.from_numpy(ids))

    def tuned_embeddings(self) -> Embeddings:
        """The embeddings with the tuned forms' vectors changed as training changed them (what ships)."""
        if not self.tuned:
            return self.embeddings
        base = self.embeddings
        words = dict(base.words)
        for form in self.tuned:
            words.setdefault(form, len(words))
        vectors = np.zeros((len(words), base.dim), dtype=np.float32)
        vectors[: len(base.words)] = base.vectors
        forms = list(self.tuned)
        rows = [words[form] for form in forms]
        vectors[rows] = base.lookup(forms) + self.delta.weight.detach().numpy()[1:]
        return Embeddings(words, vectors.astype(np.float16), base.buckets, base.min_n, base.max_n)

    def step(self, sentences: list[Sentence]) -> float:
        """One update on a batch of labelled sentences; the batch's loss per sentence."""
        import torch

        tokens = [[token for token, _ in s] for s in sentences]
        inputs = encode(tokens, self.embeddings)
        tags = np.zeros(inputs.mask.shape, dtype=np.int64)
        for row, sentence in enumerate(sentences):
            tags[row, : len(sentence)] = [TAGS.index(tag) for tag in to_bilou([tag for _, tag in sentence])]
        self.model.train()
        words = self.words(tokens, inputs, self.settings.word_dropout)
        scores = self.model.encoder(words, torch.from_numpy(inputs.chars), torch.from_numpy(inputs.lengths.astype(np.int64)))
        loss = self.model.crf.loss(scores, torch.from_numpy(tags), torch.from_numpy(inputs.mask)) / len(sentences)
        self.optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([*self.model.parameters(), self.delta.weight], CLIP)
        self.optimiser.step()
        return float(loss.detach())

    def epoch(self, sentences: list[Sentence], number: int) -> float:
        """One pass over the training sentences; the mean loss per sentence."""
        rng = np.random.default_rng(self.settings.seed + number)
        share = (number - 1) / max(1, self.settings.epochs - 1)
        for group in self.optimiser.param_groups:
            group["lr"] = self.settings.learning_rate * (1 - 0.9 * share)
        losses = [self.step([sentences[i] for i in chunk]) for chunk in batches([len(s) for s in sentences], self.settings.batch, rng)]
        return float(np.mean(losses))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels from the model as it stands (torch for the scores, the run-time decoder for the path)."""
        import torch

        from khabar.training.ner_model import crf_arrays

        self.model.eval()
        crf = CrfWeights(**crf_arrays(self.model.crf))
        embeddings = self.tuned_embeddings()  # as the run-time tagger will read them
        emissions: list[np.ndarray] = []
        with torch.no_grad():
            for start in range(0, len(sentences), 64):
                chunk = [list(s) for s in sentences[start : start + 64]]
                inputs = encode(chunk, embeddings)
                scores = self.model.encoder(torch.from_numpy(inputs.words), torch.from_numpy(inputs.chars),
                                            torch.from_numpy(inputs.lengths.astype(np.int64))).numpy()
                emissions += [scores[row, : len(sentence)] for row, sentence in enumerate(chunk)]
        forms = [[word_form(token) for token in sentence] for sentence in sentences]
        return decode_document(crf, emissions, forms, TAGS, self.consistency)

    def save(self, out: Path) -> None:
        """Write ``ner.onnx``, ``crf.npz`` and the (tuned) ``embeddings.npz``."""
        from khabar.training.ner_model import crf_arrays, export_onnx, quantise

        self.tuned_embeddings().save(out / EMBEDDINGS_FILE)
        export_onnx(self.model.encoder, out / CHARACTERS_FILE, out / NETWORK_FILE, self.shape.word_dim + self.shape.char_filters)
        if self.settings.quantise:
            quantise(out / NETWORK_FILE)
        arrays = crf_arrays(self.model.crf)
        np.savez(out / CRF_FILE, transitions=arrays["transitions"], start=arrays["start"], end=arrays["end"])


def score(tagger: Any, groups: dict[str, list[Sentence]]) -> dict[str, dict[str, Score]]:
    """conlleval scores of ``tagger`` on each named corpus."""
    return {name: evaluate([[tag for _, tag in s] for s in sentences], tagger.tag_many([[t for t, _ in s] for s in sentences]))
            for name, sentences in groups.items()}


def frequent_forms(sentences: Sequence[Sentence], limit: int, min_count: int = 2) -> list[str]:
    """The ``limit`` most frequent forms of the training tokens seen at least ``min_count`` times (ties: first seen)."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for token, _ in sentence:
            form = word_form(token)
            counts[form] = counts.get(form, 0) + 1
    ranked = sorted(counts, key=lambda form: -counts[form])
    return [form for form in ranked[:limit] if counts[form] >= min_count]


def train(corpora: Corpora, embeddings: Embeddings, settings: TrainSettings) -> tuple[Trainer, list[str]]:
    """Train for ``settings.epochs`` epochs, printing the loss and, each epoch, the dev scores."""
    sentences = [s for s in corpora.training_sentences() if s]
    trainer = Trainer(settings, embeddings, frequent_forms(sentences, settings.tuned_words))
    log = []
    for number in range(1, settings.epochs + 1):
        started = time.perf_counter()
        loss = trainer.epoch(sentences, number)
        line = f"epoch {number:2d} loss {loss:8.3f} ({time.perf_counter() - started:.0f}s)"
        if corpora.dev:
            line += "".join(f"  {name} {table[MICRO].f1:.2f}" for name, table in score(trainer, corpora.dev).items())
        print(line, flush=True)
        log.append(line)
    return trainer, log


def write_manifest(directory: Path, settings: TrainSettings, trainer: Trainer) -> None:
    """Write ``model.json`` (what the tagger loads)."""
    manifest = {"kind": KIND, "labels": list(ENTITY_TYPES), "tags": TAGS, "architecture": asdict(trainer.shape),
                "consistency": asdict(trainer.consistency), "settings": asdict(settings)}
    (directory / "model.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    defaults, data = TrainSettings(), DataSettings()
    parser = argparse.ArgumentParser(prog="python -m khabar.training.ner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="data root (has ner/)")
    parser.add_argument("--eval", type=Path, default=None,
                        help="evaluation folder: dev and dev2's tune half as in-domain data (default: 'eval' beside --data)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--embeddings", type=Path, default=DEFAULT_EMBEDDINGS, help="the fastText vectors (khabar train embeddings)")
    parser.add_argument("--dev", action="store_true", help="tuning run: hold out ANERcorp train's tail, score AQMAR dev")
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--learning-rate", type=float, default=defaults.learning_rate)
    parser.add_argument("--batch", type=int, default=defaults.batch)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=defaults.threads, help="torch threads (the weights depend on it)")
    parser.add_argument("--hidden", type=int, default=defaults.hidden)
    parser.add_argument("--char-filters", type=int, default=defaults.char_filters)
    parser.add_argument("--dropout", type=float, default=defaults.dropout)
    parser.add_argument("--tuned-words", type=int, default=defaults.tuned_words, help="training forms whose vectors are tuned")
    parser.add_argument("--word-dropout", type=float, default=defaults.word_dropout)
    parser.add_argument("--consistency", type=float, default=defaults.consistency, help="document consistency bonus (0: off)")
    parser.add_argument("--quantise", action=argparse.BooleanOptionalAction, default=defaults.quantise, help="int8 LSTM weights")
    parser.add_argument("--no-aqmar", action="store_true")
    parser.add_argument("--no-wojood", action="store_true")
    parser.add_argument("--newsfane", action=argparse.BooleanOptionalAction, default=data.newsfane)
    parser.add_argument("--in-domain", type=int, default=data.in_domain, help="repeats of the in-domain articles (0: none)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Train, write the model and its card, print the scores."""
    args = parse_args(argv)
    data = DataSettings(aqmar=not args.no_aqmar, wojood=not args.no_wojood, newsfane=args.newsfane, in_domain=args.in_domain)
    settings = TrainSettings(args.epochs, args.learning_rate, args.batch, args.seed, args.threads, data, args.hidden,
                             args.char_filters, args.dropout, args.tuned_words, args.word_dropout, args.consistency, args.quantise)
    print(f"settings: {asdict(settings)}", flush=True)
    eval_dir = args.eval if args.eval is not None else args.data.parent / "eval"
    corpora = load_corpora(args.data, eval_dir if eval_dir.is_dir() else None, data, args.dev)
    print("\n".join(describe(corpora)), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    embeddings = Embeddings.load(args.embeddings)
    started = time.perf_counter()
    trainer, log = train(corpora, embeddings, settings)
    seconds = time.perf_counter() - started
    trainer.save(args.out)
    write_manifest(args.out, settings, trainer)
    if args.dev:  # a tuning run keeps torch's weights too, for experiments on the trained network
        import torch

        torch.save({"model": trainer.model.state_dict(), "delta": trainer.delta.state_dict()}, args.out / "model.pt")
    from khabar.stages.entities.tagger import load_tagger

    scores = score(load_tagger(args.out, cached=False), {**corpora.dev, **corpora.report})
    for name, table in scores.items():
        print(format_table(table, name))
    if not args.dev:
        from khabar.training.model_card import write_card

        write_card(args.out, corpora, describe(corpora), asdict(settings), scores, seconds,
                   CARD_NOTES + "\n```\n" + "\n".join(log) + "\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
