"""The neural NER model in torch (training only): character CNN + fastText vectors -> BiLSTM -> CRF.

Each token is its fastText vector (frozen, ``stages.entities.inputs``) beside a max-pooled CNN over its
characters; a bidirectional LSTM reads the sentence; a linear layer gives each BILOU label a score and a
linear-chain CRF (transitions, start and end scores) scores the label path. Export (``export_onnx``)
writes the network up to the label scores as ONNX, and the CRF's weights beside it: khabar tags with
onnxruntime and a Viterbi decoder in numpy/C (``stages/entities/neural.py``), never with torch.

The backward LSTM reads each sentence reversed within its own length (``reverse_within``), so padding
only ever follows a sentence's real tokens and never changes their scores: the same graph serves a batch
of sentences of any lengths, in training and in ONNX.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from khabar.stages.entities.inputs import CHAR_VOCAB, MAX_CHARS

IMPOSSIBLE = -10_000.0  # the score of a label sequence BILOU forbids


@dataclass(frozen=True)
class Architecture:
    """Sizes of the network (written to model.json)."""

    word_dim: int = 64
    char_dim: int = 32
    char_filters: int = 64
    char_width: int = 3
    hidden: int = 100
    dropout: float = 0.5


def reverse_within(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Each row of ``x`` [B, T, ...] reversed over its first ``lengths[b]`` steps, padding left in place."""
    steps = torch.arange(x.shape[1], device=x.device).unsqueeze(0)  # [1, T]
    last = lengths.unsqueeze(1) - 1
    index = torch.where(steps <= last, last - steps, steps)  # [B, T]
    return torch.gather(x, 1, index.unsqueeze(-1).expand(-1, -1, x.shape[2]))


class Encoder(nn.Module):
    """Inputs -> per-token label scores, in two parts that ship as two ONNX graphs: ``characters`` (a form's
    characters -> its character vector; the tagger keeps it per form) and ``sentences`` (token vectors ->
    label scores)."""

    def __init__(self, shape: Architecture, labels: int) -> None:
        super().__init__()
        self.chars = nn.Embedding(CHAR_VOCAB, shape.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(shape.char_dim, shape.char_filters, shape.char_width, padding=shape.char_width // 2)
        self.dropout = nn.Dropout(shape.dropout)
        width = shape.word_dim + shape.char_filters
        self.forward_lstm = nn.LSTM(width, shape.hidden, batch_first=True)
        self.backward_lstm = nn.LSTM(width, shape.hidden, batch_first=True)
        self.scores = nn.Linear(2 * shape.hidden, labels)

    def characters(self, chars: torch.Tensor) -> torch.Tensor:
        """Character vectors of forms: ``chars`` [N, W] -> [N, char_filters]."""
        letters = self.chars(chars).transpose(1, 2)  # [N, E, W]
        # padding characters score 0, below or equal to any real one's (after relu): the width a batch is padded
        # to never changes a token's vector
        present = (chars > 0).unsqueeze(1).to(letters.dtype)
        return (torch.relu(self.conv(letters)) * present).max(dim=2).values

    def forward(self, words: torch.Tensor, chars: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        batch, steps = chars.shape[0], chars.shape[1]
        pooled = self.characters(chars.reshape(batch * steps, chars.shape[2])).reshape(batch, steps, -1)
        return self.sentences(torch.cat([words, pooled], dim=2), lengths)

    def sentences(self, vectors: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Label scores [B, T, labels] of sentences of token vectors [B, T, word_dim + char_filters]."""
        x = self.dropout(vectors)
        ahead, _ = self.forward_lstm(x)
        back, _ = self.backward_lstm(reverse_within(x, lengths))
        states = torch.cat([ahead, reverse_within(back, lengths)], dim=2)
        return self.scores(self.dropout(states))


def allowed_transitions(labels: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BILOU's rules as boolean masks: (from, to) pairs, first labels, last labels."""
    def parts(label: str) -> tuple[str, str]:
        return (label[0], label[2:]) if label != "O" else ("O", "")

    size = len(labels)
    pairs = np.zeros((size, size), dtype=bool)
    for i, before in enumerate(labels):
        for j, after in enumerate(labels):
            (p, kind), (q, other) = parts(before), parts(after)
            inside = p in ("B", "I")
            pairs[i, j] = (q in ("I", "L") and other == kind) if inside else q in ("O", "B", "U")
    first = np.array([parts(label)[0] in ("O", "B", "U") for label in labels])
    last = np.array([parts(label)[0] in ("O", "L", "U") for label in labels])
    return pairs, first, last


class Crf(nn.Module):
    """A linear-chain CRF with start, end and transition scores; forbidden BILOU moves fixed at IMPOSSIBLE."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        pairs, first, last = (torch.from_numpy(mask) for mask in allowed_transitions(labels))
        self.register_buffer("pairs", pairs)
        self.register_buffer("first", first)
        self.register_buffer("last", last)
        self.transitions = nn.Parameter(torch.zeros(len(labels), len(labels)))
        self.start = nn.Parameter(torch.zeros(len(labels)))
        self.end = nn.Parameter(torch.zeros(len(labels)))

    def weights(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Transitions, start and end scores with the forbidden ones masked."""
        impossible = torch.tensor(IMPOSSIBLE)
        pairs, first, last = self.get_buffer("pairs"), self.get_buffer("first"), self.get_buffer("last")
        return (torch.where(pairs, self.transitions, impossible), torch.where(first, self.start, impossible),
                torch.where(last, self.end, impossible))

    def loss(self, scores: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of the gold paths; ``scores`` [B, T, L], ``tags`` [B, T], ``mask`` [B, T]."""
        transitions, start, end = self.weights()
        batch = torch.arange(scores.shape[0])
        lengths = mask.sum(dim=1)
        gold = start[tags[:, 0]] + scores[batch, 0, tags[:, 0]]
        alpha = start + scores[:, 0]  # [B, L]
        for step in range(1, scores.shape[1]):
            live = mask[:, step]
            moved = transitions[tags[:, step - 1], tags[:, step]] + scores[batch, step, tags[:, step]]
            gold = gold + moved * live
            nxt = torch.logsumexp(alpha.unsqueeze(2) + transitions + scores[:, step].unsqueeze(1), dim=1)
            alpha = torch.where(live.unsqueeze(1), nxt, alpha)
        gold = gold + end[tags[batch, lengths - 1]]
        total = torch.logsumexp(alpha + end, dim=1)
        return (total - gold).sum()


class Tagger(nn.Module):
    """Encoder + CRF."""

    def __init__(self, shape: Architecture, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels
        self.encoder = Encoder(shape, len(labels))
        self.crf = Crf(labels)


class _Characters(nn.Module):
    def __init__(self, encoder: Encoder) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, chars: torch.Tensor) -> torch.Tensor:
        return self.encoder.characters(chars)


class _Sentences(nn.Module):
    def __init__(self, encoder: Encoder) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, vectors: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return self.encoder.sentences(vectors, lengths)


def export_onnx(encoder: Encoder, characters: Path, sentences: Path, width: int) -> None:
    """Write the encoder as two ONNX graphs, opset 17: ``characters`` (input ``chars`` [N, W] int64, output
    ``vectors``) and ``sentences`` (inputs ``vectors`` [B, T, width] float32 and ``lengths`` [B]; output
    ``scores``)."""
    encoder.eval()  # the wrappers too: the exporter puts each module back in the mode it found it in
    torch.onnx.export(_Characters(encoder).eval(), (torch.ones(3, MAX_CHARS, dtype=torch.int64),), str(characters),
                      input_names=["chars"], output_names=["vectors"],
                      dynamic_axes={"chars": {0: "forms", 1: "letters"}, "vectors": {0: "forms"}},
                      opset_version=17, dynamo=False)
    torch.onnx.export(_Sentences(encoder).eval(), (torch.zeros(2, 5, width), torch.tensor([5, 3])), str(sentences),
                      input_names=["vectors", "lengths"], output_names=["scores"],
                      dynamic_axes={"vectors": {0: "batch", 1: "steps"}, "lengths": {0: "batch"},
                                    "scores": {0: "batch", 1: "steps"}},
                      opset_version=17, dynamo=False)


def quantise(path: Path) -> None:
    """Rewrite an ONNX graph with its LSTM and matrix weights as int8 (onnxruntime's dynamic quantisation):
    on the dev splits 70.9 / 64.6 -> 70.6 / 64.5 F1 and the same document-level figures, for ~1.5x the
    tokens per second."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(path), str(path), weight_type=QuantType.QInt8)


def crf_arrays(crf: Crf) -> dict[str, np.ndarray]:
    """The CRF's masked weights as float32 arrays (``transitions``, ``start``, ``end``)."""
    transitions, start, end = (t.detach().numpy().astype(np.float32) for t in crf.weights())
    return {"transitions": transitions, "start": start, "end": end}
