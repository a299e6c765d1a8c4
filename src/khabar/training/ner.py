"""Train khabar's neural NER model and write it, with its model card, into ``khabar/resources/ner``.

    python -m khabar.training.ner --data ../shared/data              # the shipped model (CPU, ~1 hour)
    python -m khabar.training.ner --data ../shared/data --dev        # tuning run: ANERcorp train's tail and
                                                                     # AQMAR dev held out and scored per epoch

Needs ``pip install 'khabar[train]'`` (torch, CPU build: see the README) and the embeddings of
``python -m khabar.training.embeddings`` (``embeddings.npz``, looked for in ``--embeddings``, default the
output folder). The data are those of ``ner_data.load_corpora``. Seeded: the same data, package versions and
``--threads`` give the same weights. After training, the ANERcorp test split and AQMAR test are scored for
the model card only: no setting is chosen on them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from khabar.evaluation.conlleval import MICRO, Score, evaluate, format_table
from khabar.stages.entities.inputs import EMBEDDINGS_FILE, Embeddings, encode
from khabar.stages.entities.neural import CRF_FILE, KIND, NETWORK_FILE, CrfWeights, to_bio
from khabar.training.conll import ENTITY_TYPES, Sentence
from khabar.training.ner_data import Corpora, DataSettings, describe, load_corpora, to_bilou

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "ner"
TAGS = ["O", *(f"{prefix}-{kind}" for kind in ENTITY_TYPES for prefix in "BILU")]
CLIP = 5.0


@dataclass
class TrainSettings:
    """Optimisation settings, the data switches and the network's sizes."""

    epochs: int = 20
    learning_rate: float = 1e-3
    batch: int = 32
    seed: int = 13
    threads: int = 1  # more is slower on a shared 2-core machine (spinning threads), and changes the weights
    data: DataSettings = field(default_factory=DataSettings)
    hidden: int = 100
    char_filters: int = 64
    dropout: float = 0.5


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

    def __init__(self, settings: TrainSettings, embeddings: Embeddings) -> None:
        import torch

        from khabar.training.ner_model import Architecture, Tagger

        torch.manual_seed(settings.seed)
        torch.set_num_threads(settings.threads)
        self.settings = settings
        self.embeddings = embeddings
        self.shape = Architecture(word_dim=embeddings.dim, hidden=settings.hidden, char_filters=settings.char_filters,
                                  dropout=settings.dropout)
        self.model = Tagger(self.shape, TAGS)
        self.optimiser = torch.optim.Adam(self.model.parameters(), lr=settings.learning_rate)

    def step(self, sentences: list[Sentence]) -> float:
        """One update on a batch of labelled sentences; the batch's loss per sentence."""
        import torch

        inputs = encode([[token for token, _ in s] for s in sentences], self.embeddings)
        tags = np.zeros(inputs.mask.shape, dtype=np.int64)
        for row, sentence in enumerate(sentences):
            tags[row, : len(sentence)] = [TAGS.index(tag) for tag in to_bilou([tag for _, tag in sentence])]
        self.model.train()
        scores = self.model.encoder(torch.from_numpy(inputs.words), torch.from_numpy(inputs.chars),
                                    torch.from_numpy(inputs.lengths.astype(np.int64)))
        loss = self.model.crf.loss(scores, torch.from_numpy(tags), torch.from_numpy(inputs.mask)) / len(sentences)
        self.optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), CLIP)
        self.optimiser.step()
        return float(loss)

    def epoch(self, sentences: list[Sentence], number: int) -> float:
        """One pass over the training sentences; the mean loss per sentence."""
        rng = np.random.default_rng(self.settings.seed + number)
        losses = [self.step([sentences[i] for i in chunk]) for chunk in batches([len(s) for s in sentences], self.settings.batch, rng)]
        return float(np.mean(losses))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels from the model as it stands (torch for the scores, the run-time decoder for the path)."""
        import torch

        from khabar.training.ner_model import crf_arrays

        self.model.eval()
        crf = CrfWeights(**crf_arrays(self.model.crf))
        out: list[list[str]] = []
        with torch.no_grad():
            for start in range(0, len(sentences), 64):
                chunk = [list(s) for s in sentences[start : start + 64]]
                inputs = encode(chunk, self.embeddings)
                scores = self.model.encoder(torch.from_numpy(inputs.words), torch.from_numpy(inputs.chars),
                                            torch.from_numpy(inputs.lengths.astype(np.int64))).numpy()
                out += [to_bio([TAGS[i] for i in path]) for path in crf.decode(scores, inputs.mask)]
        return out

    def save(self, out: Path) -> None:
        """Write ``ner.onnx`` and ``crf.npz``."""
        from khabar.training.ner_model import crf_arrays, export_onnx

        export_onnx(self.model.encoder, out / NETWORK_FILE, self.shape.word_dim)
        arrays = crf_arrays(self.model.crf)
        np.savez(out / CRF_FILE, transitions=arrays["transitions"], start=arrays["start"], end=arrays["end"])


def score(tagger: Any, groups: dict[str, list[Sentence]]) -> dict[str, dict[str, Score]]:
    """conlleval scores of ``tagger`` on each named corpus."""
    return {name: evaluate([[tag for _, tag in s] for s in sentences], tagger.tag_many([[t for t, _ in s] for s in sentences]))
            for name, sentences in groups.items()}


def train(corpora: Corpora, embeddings: Embeddings, settings: TrainSettings) -> tuple[Trainer, list[str]]:
    """Train for ``settings.epochs`` epochs, printing the loss and, each epoch, the dev scores."""
    trainer = Trainer(settings, embeddings)
    sentences = [s for s in corpora.training_sentences() if s]
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
                "settings": asdict(settings)}
    (directory / "model.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    defaults, data = TrainSettings(), DataSettings()
    parser = argparse.ArgumentParser(prog="python -m khabar.training.ner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="data root (has ner/)")
    parser.add_argument("--eval", type=Path, default=None, help="evaluation folder: dev and dev2's tune half as in-domain data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--embeddings", type=Path, default=None, help="embeddings.npz (default: the one in --out)")
    parser.add_argument("--dev", action="store_true", help="tuning run: hold out ANERcorp train's tail, score AQMAR dev")
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--learning-rate", type=float, default=defaults.learning_rate)
    parser.add_argument("--batch", type=int, default=defaults.batch)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=defaults.threads, help="torch threads (the weights depend on it)")
    parser.add_argument("--hidden", type=int, default=defaults.hidden)
    parser.add_argument("--char-filters", type=int, default=defaults.char_filters)
    parser.add_argument("--dropout", type=float, default=defaults.dropout)
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
                             args.char_filters, args.dropout)
    print(f"settings: {asdict(settings)}", flush=True)
    corpora = load_corpora(args.data, args.eval, data, args.dev)
    print("\n".join(describe(corpora)), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    source = args.embeddings or args.out / EMBEDDINGS_FILE
    embeddings = Embeddings.load(source)
    started = time.perf_counter()
    trainer, log = train(corpora, embeddings, settings)
    seconds = time.perf_counter() - started
    if source.resolve() != (args.out / EMBEDDINGS_FILE).resolve():
        shutil.copyfile(source, args.out / EMBEDDINGS_FILE)
    trainer.save(args.out)
    write_manifest(args.out, settings, trainer)
    from khabar.stages.entities.tagger import load_tagger

    scores = score(load_tagger(args.out, cached=False), {**corpora.dev, **corpora.report})
    for name, table in scores.items():
        print(format_table(table, name))
    if not args.dev:
        from khabar.training.model_card import write_card

        write_card(args.out, corpora, describe(corpora), asdict(settings), scores, seconds, "\n".join(log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
