"""Train the neural NER tagger (torch, training only) and export it to ONNX for onnxruntime.

Architecture: per token, the word and clitic-stripped stem embeddings (initialised from the ANT word2vec
vectors), a character CNN over the normal form, and the sum of embeddings of the token's static CRF
features (clusters, gazetteer, affixes, shape...); a BiLSTM (or a masked CNN) encoder; a linear layer to
BIO emission scores and a linear-chain CRF (transitions, start, end) decoded with Viterbi in numpy.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from khabar.evaluation.conlleval import evaluate
from khabar.stages.entities.encoding import (
    MAX_CHARS,
    PAD,
    SKIPPED_FEATURES,
    Batch,
    Encoder,
    read_vocab,
    write_vocab,
)
from khabar.stages.entities.features import FeatureExtractor
from khabar.training.conll import Sentence

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
MIN_FEATURE_COUNT = 2


@dataclass
class NeuralSettings:
    """Hyper-parameters of the neural tagger."""

    encoder: str = "lstm"
    hidden: int = 128
    layers: int = 1
    char_dim: int = 32
    char_filters: int = 64
    feature_dim: int = 64
    dropout: float = 0.5
    word_dropout: float = 0.05
    learning_rate: float = 2e-3
    batch_size: int = 32
    epochs: int = 30
    seed: int = 13


class CharCNN(nn.Module):
    """Character embeddings, one convolution, max over the word's characters."""

    def __init__(self, alphabet: int, dim: int, filters: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(alphabet, dim, padding_idx=PAD)
        self.conv = nn.Conv1d(dim, filters, kernel_size=3, padding=1)

    def forward(self, chars: torch.Tensor) -> torch.Tensor:
        """[B, T, C] char ids -> [B, T, filters]."""
        batch, length, width = chars.shape
        flat = self.embed(chars.reshape(batch * length, width)).transpose(1, 2)
        pooled = torch.relu(self.conv(flat)).amax(dim=2)
        return pooled.reshape(batch, length, -1)


class ConvEncoder(nn.Module):
    """Residual 1-D convolutions over the sentence; padding positions are zeroed after each layer."""

    def __init__(self, size: int, hidden: int, layers: int, dropout: float) -> None:
        super().__init__()
        self.project = nn.Linear(size, 2 * hidden)
        self.convs = nn.ModuleList(nn.Conv1d(2 * hidden, 2 * hidden, 3, padding=1) for _ in range(layers))
        self.dropout = nn.Dropout(dropout)

    def forward(self, inputs: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """[B, T, size] -> [B, T, 2*hidden]."""
        state = torch.relu(self.project(inputs)) * mask
        for conv in self.convs:
            update = torch.relu(conv(self.dropout(state).transpose(1, 2))).transpose(1, 2)
            state = (state + update) * mask
        return state


class NerNet(nn.Module):
    """Embeddings + encoder + emission layer; the CRF parameters live here too."""

    def __init__(self, vectors: np.ndarray, alphabet: int, features: int, settings: NeuralSettings) -> None:
        super().__init__()
        dim = vectors.shape[1]
        table = np.zeros((vectors.shape[0] + 2, dim), dtype=np.float32)
        table[2:] = vectors
        self.words = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=False, padding_idx=PAD)
        self.chars = CharCNN(alphabet, settings.char_dim, settings.char_filters)
        self.features = nn.Embedding(features, settings.feature_dim, padding_idx=PAD)
        size = 2 * dim + settings.char_filters + settings.feature_dim
        self.dropout = nn.Dropout(settings.dropout)
        self.kind = settings.encoder
        if settings.encoder == "lstm":
            self.encoder: nn.Module = nn.LSTM(size, settings.hidden, settings.layers, batch_first=True,
                                              bidirectional=True)
        else:
            self.encoder = ConvEncoder(size, settings.hidden, settings.layers, settings.dropout)
        self.emit = nn.Linear(2 * settings.hidden, len(LABELS))
        self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))

    def forward(self, words: torch.Tensor, stems: torch.Tensor, chars: torch.Tensor,
                features: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """Emission scores [B, T, labels]; ``lengths`` (training only) packs the LSTM input."""
        inputs = torch.cat([self.words(words), self.words(stems), self.chars(chars),
                            self.features(features).sum(dim=2)], dim=2)
        inputs = self.dropout(inputs)
        if self.kind == "lstm" and lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(inputs, lengths.cpu(), batch_first=True, enforce_sorted=False)
            encoded, _ = self.encoder(packed)
            encoded, _ = nn.utils.rnn.pad_packed_sequence(encoded, batch_first=True, total_length=inputs.shape[1])
        elif self.kind == "lstm":
            encoded, _ = self.encoder(inputs)
        else:
            encoded = self.encoder(inputs, (words != PAD).unsqueeze(2).to(inputs.dtype))
        return self.emit(self.dropout(encoded))


def crf_loss(net: NerNet, emissions: torch.Tensor, labels: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean negative log-likelihood of the gold paths under the linear-chain CRF."""
    batch, length, _ = emissions.shape
    rows = torch.arange(batch, device=emissions.device)
    gold = net.start[labels[:, 0]] + emissions[rows, 0, labels[:, 0]]
    alpha = net.start + emissions[:, 0]
    for step in range(1, length):
        on = mask[:, step]
        gold = gold + on * (net.transitions[labels[:, step - 1], labels[:, step]] + emissions[rows, step, labels[:, step]])
        moved = torch.logsumexp(alpha.unsqueeze(2) + net.transitions, dim=1) + emissions[:, step]
        alpha = torch.where(on.bool().unsqueeze(1), moved, alpha)
    last = labels.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
    gold = gold + net.end[last]
    return (torch.logsumexp(alpha + net.end, dim=1) - gold).mean()


def crf_decode(net: NerNet, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
    """Batched Viterbi on the device; returns one label-id path per sentence."""
    batch, length, _ = emissions.shape
    score = net.start + emissions[:, 0]
    history = []
    for step in range(1, length):
        best, index = (score.unsqueeze(2) + net.transitions).max(dim=1)
        on = mask[:, step].bool().unsqueeze(1)
        score = torch.where(on, best + emissions[:, step], score)
        history.append(torch.where(on, index, torch.arange(len(LABELS), device=score.device).expand_as(index)))
    score = score + net.end
    paths = [score.argmax(1)]
    for index in reversed(history):
        paths.append(index.gather(1, paths[-1].unsqueeze(1)).squeeze(1))
    stacked = torch.stack(paths[::-1], dim=1).tolist()
    lengths = mask.sum(1).long().tolist()
    return [path[:size] for path, size in zip(stacked, lengths, strict=True)]


def build_vocabularies(sentences: list[Sentence], extractor: FeatureExtractor, out: Path) -> None:
    """Write the char and static-feature vocabularies seen in the training data."""
    chars: Counter[str] = Counter()
    features: Counter[str] = Counter()
    from khabar.stages.entities.normalise import normalise

    for sentence in sentences:
        for token, _ in sentence:
            chars.update(normalise(token)[:MAX_CHARS])
            features.update(f for f in extractor.static(token) if not f.startswith(SKIPPED_FEATURES))
    write_vocab(sorted(chars), out / "chars.txt")
    write_vocab(sorted(f for f, n in features.items() if n >= MIN_FEATURE_COUNT), out / "feature_vocab.txt")


def make_encoder(directory: Path, extractor: FeatureExtractor) -> Encoder:
    """An Encoder over the vocabularies in a model directory."""
    return Encoder(read_vocab(directory / "embeddings_vocab.txt"), read_vocab(directory / "chars.txt"),
                   read_vocab(directory / "feature_vocab.txt"), extractor)


def to_tensors(batch: Batch, device: torch.device) -> list[torch.Tensor]:
    """The four model inputs of a Batch on a device."""
    return [torch.from_numpy(array).to(device) for array in (batch.words, batch.stems, batch.chars, batch.features)]


def label_tensor(sentences: Sequence[Sentence], length: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """Padded gold label ids and the float mask."""
    index = {label: i for i, label in enumerate(LABELS)}
    labels = torch.zeros(len(sentences), length, dtype=torch.long)
    mask = torch.zeros(len(sentences), length)
    for row, sentence in enumerate(sentences):
        labels[row, : len(sentence)] = torch.tensor([index[tag] for _, tag in sentence])
        mask[row, : len(sentence)] = 1
    return labels.to(device), mask.to(device)


def predict(net: NerNet, encoder: Encoder, sentences: Sequence[Sequence[str]], device: torch.device,
            batch_size: int = 256) -> list[list[str]]:
    """Tag sentences with the torch model (exact-length groups, like the runtime)."""
    net.eval()
    results: dict[int, list[str]] = {}
    by_length: dict[int, list[int]] = {}
    for index, sentence in enumerate(sentences):
        by_length.setdefault(len(sentence), []).append(index)
    with torch.no_grad():
        for size, members in by_length.items():
            for start in range(0, len(members), batch_size):
                group = members[start : start + batch_size]
                if size == 0:
                    results.update({i: [] for i in group})
                    continue
                emissions = net(*to_tensors(encoder.batch([sentences[i] for i in group]), device))
                mask = torch.ones(emissions.shape[:2], device=device)
                for i, path in zip(group, crf_decode(net, emissions, mask), strict=True):
                    results[i] = [LABELS[label] for label in path]
    return [results[i] for i in range(len(sentences))]


def score(net: NerNet, encoder: Encoder, sentences: list[Sentence], device: torch.device) -> float:
    """Micro F1 on labelled sentences."""
    predicted = predict(net, encoder, [[t for t, _ in s] for s in sentences], device)
    return evaluate([[g for _, g in s] for s in sentences], predicted)["micro"].f1


def seed_everything(seed: int) -> None:
    """Seed python, numpy and torch."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def length_batches(train: list[Sentence], size: int, pool: int = 50) -> list[list[Sentence]]:
    """Shuffled batches of similar-length sentences (less padding, shorter CRF loops)."""
    order = list(range(len(train)))
    random.shuffle(order)
    batches = []
    for start in range(0, len(order), size * pool):
        block = sorted(order[start : start + size * pool], key=lambda i: len(train[i]))
        batches += [[train[i] for i in block[b : b + size]] for b in range(0, len(block), size)]
    random.shuffle(batches)
    return batches


def run_epoch(net: NerNet, optimiser: torch.optim.Optimizer, encoder: Encoder, train: list[Sentence],
              settings: NeuralSettings, device: torch.device) -> float:
    """One pass over shuffled training data; returns the mean loss."""
    net.train()
    total = 0.0
    batches = length_batches(train, settings.batch_size)
    for chunk in batches:
        batch = encoder.batch([[t for t, _ in s] for s in chunk])
        inputs = to_tensors(batch, device)
        drop = (torch.rand_like(inputs[0], dtype=torch.float) < settings.word_dropout) & (inputs[0] != PAD)
        inputs[0] = inputs[0].masked_fill(drop, 1)
        labels, mask = label_tensor(chunk, inputs[0].shape[1], device)
        loss = crf_loss(net, net(*inputs, torch.from_numpy(batch.lengths)), labels, mask)
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        optimiser.step()
        total += loss.item()
    return total / max(1, len(batches))


def train_neural(train: list[Sentence], dev: dict[str, list[Sentence]], directory: Path, extractor: FeatureExtractor,
                 settings: NeuralSettings, device: torch.device) -> tuple[NerNet, list[dict[str, float]]]:
    """Train for ``settings.epochs``; returns the last model and per-epoch dev F1 history."""
    seed_everything(settings.seed)
    build_vocabularies(train, extractor, directory)
    encoder = make_encoder(directory, extractor)
    vectors = np.load(directory / "embeddings.npy").astype(np.float32)
    net = NerNet(vectors, len(encoder.chars) + 2, len(encoder.features) + 2, settings).to(device)
    optimiser = torch.optim.Adam(net.parameters(), lr=settings.learning_rate)
    decay = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda epoch: 1.0 / (1.0 + 0.05 * epoch))
    history = []
    for epoch in range(1, settings.epochs + 1):
        started = time.perf_counter()
        loss = run_epoch(net, optimiser, encoder, train, settings, device)
        decay.step()
        scores = {name: score(net, encoder, sentences, device) for name, sentences in dev.items()}
        history.append({"epoch": epoch, "loss": loss, **scores})
        print(f"epoch {epoch} loss {loss:.3f} {scores} {time.perf_counter() - started:.1f}s", flush=True)
    return net, history


def export(net: NerNet, directory: Path) -> None:
    """Write ``ner.onnx`` (emissions) and ``crf.npz`` (transitions, start, end)."""
    net = net.cpu().eval()
    example = [torch.ones(1, 3, dtype=torch.long), torch.ones(1, 3, dtype=torch.long),
               torch.ones(1, 3, MAX_CHARS, dtype=torch.long), torch.ones(1, 3, 28, dtype=torch.long)]
    names = ["words", "stems", "chars", "features"]
    axes = {name: {0: "batch", 1: "length"} for name in [*names, "emissions"]}
    torch.onnx.export(net, tuple(example), str(directory / "ner.onnx"), input_names=names,
                      output_names=["emissions"], dynamic_axes=axes, opset_version=17, dynamo=False)
    np.savez(directory / "crf.npz", transitions=net.transitions.detach().numpy(),
             start=net.start.detach().numpy(), end=net.end.detach().numpy(), labels=np.array(LABELS))


def settings_dict(settings: NeuralSettings) -> dict[str, object]:
    """Settings as a plain dict (for printing and the model card)."""
    return asdict(settings)
