"""A linear-chain CRF evaluated with numpy: the weights python-crfsuite learned, without crfsuite at run time.

crfsuite scores a label sequence as the sum of the weights of (attribute, label) pairs present at each
position plus the weights of each (previous label, label) transition; tagging is the Viterbi path. Its
L1-regularised models are sparse (tens of thousands of attributes), so ``export`` writes them as a dense
``[attributes, labels]`` matrix (``NAME.npz``) and the attribute names (``NAME.attributes.txt``).

Speed comes from caching: a token's static features always add the same score vector, so
``Scorer`` sums it once per distinct token (and once per token and neighbour offset) and keeps it as a
row of a growing table; a sentence's emission scores are then one fancy-index sum over row ids. The
passes of a cascade (``Scorer.cascade``) read the same features, so one scorer holds all their weights
side by side (one column block per pass) and a new token is summed once for all of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.stages.entities.features import (
    BEGIN,
    BIGRAM_AFTER,
    BIGRAM_BEFORE,
    BIGRAM_SEPARATOR,
    END,
    FeatureExtractor,
)
from khabar.stages.entities.viterbi import COMPILED, viterbi, viterbi_batch, viterbi_flat  # noqa: F401
from khabar.stages.normalise import normalise_cased as normalise

_normal_serials: Callable[..., tuple[list[str], list[str]]] | None
_static_sums: Callable[..., None] | None
_extra_emissions: Callable[..., None] | None
try:  # the optional C gathering of emission scores (setup.py); without it, numpy's (same sums, slower)
    from khabar.stages.entities._features import extra_emissions as _extra_emissions
    from khabar.stages.entities._features import normal_serials as _normal_serials
    from khabar.stages.entities._features import static_sums as _static_sums
except ImportError:  # pragma: no cover - depends on how khabar was installed
    _normal_serials = _static_sums = _extra_emissions = None

ZERO_ROW = 0  # row 0 of every table is zeros: "no feature"
ATTRIBUTES_SUFFIX = ".attributes.txt"
# table rows (weights + cached sums; 25 MB for two passes of 9 labels) before a turn-over: in a long run, ~22
# new word forms per article at 350,000 against ~33 at 250,000, each ~36 us of features and sums
TABLE_LIMIT = 350_000
KEPT_SHARE = 0.5  # of the cache's room, kept at a turn-over for the tokens used most
TABLE_GROWTH = 65_536  # room past the limit for the batch that crosses it
BATCH = 256  # sentences scored and decoded together (sorted by length, so little padding)


@dataclass(frozen=True)
class CrfWeights:
    """One CRF: labels, attribute -> row, the state weights (row 0 zeros) and the transitions (from, to)."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # [1 + attributes, labels] float32
    transitions: np.ndarray  # [labels, labels] float32

    @classmethod
    def from_crfsuite(cls, path: Path) -> CrfWeights:
        """Read a python-crfsuite model file (training time: needs python-crfsuite)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(sorted(info.labels, key=info.labels.__getitem__))
        column = {label: index for index, label in enumerate(labels)}
        attributes: dict[str, int] = {}
        for attribute, _ in info.state_features:
            attributes.setdefault(attribute, len(attributes) + 1)
        state = np.zeros((len(attributes) + 1, len(labels)), dtype=np.float32)
        for (attribute, label), weight in info.state_features.items():
            state[attributes[attribute], column[label]] = weight
        transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (before, after), weight in info.transitions.items():
            transitions[column[before], column[after]] = weight
        return cls(labels, attributes, state, transitions)

    def save(self, stem: Path) -> None:
        """Write ``stem.npz`` and ``stem.attributes.txt``."""
        np.savez_compressed(stem.with_suffix(".npz"), state=self.state, transitions=self.transitions,
                            labels=np.array(self.labels))
        names = sorted(self.attributes, key=self.attributes.__getitem__)
        stem.with_name(stem.name + ATTRIBUTES_SUFFIX).write_text("\n".join(names) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, stem: Path) -> CrfWeights:
        """Read what ``save`` wrote."""
        with np.load(stem.with_suffix(".npz")) as arrays:
            state, transitions, labels = arrays["state"], arrays["transitions"], arrays["labels"]
        names = stem.with_name(stem.name + ATTRIBUTES_SUFFIX).read_text(encoding="utf-8").split("\n")
        attributes = {name: row for row, name in enumerate(names[: len(state) - 1], 1)}
        return cls(tuple(str(label) for label in labels), attributes, state, transitions)


# Before pass k of a cascade: (k, labels of pass k - 1 or None) -> attributes to add to each token, or None.
ExtrasFor = Callable[[int, list[list[str]] | None], Sequence[Sequence[Sequence[str]]] | None]
SLOT_BITS = 3  # a feature's (slot, row) pair packed as row << SLOT_BITS | slot (window of at most 7)


def joint_weights(models: Sequence[CrfWeights]) -> tuple[dict[str, int], np.ndarray]:
    """The union of the models' attributes (-> row) and their state weights side by side, one column block each."""
    attributes = dict(models[0].attributes)  # the first model's rows stay as they are
    for weights in models[1:]:
        for name in weights.attributes:
            attributes.setdefault(name, len(attributes) + 1)
    state = np.zeros((len(attributes) + 1, sum(len(w.labels) for w in models)), dtype=np.float32)
    column = 0
    for weights in models:
        rows = np.fromiter(map(attributes.__getitem__, weights.attributes), dtype=np.intp, count=len(weights.attributes))
        own = np.fromiter(weights.attributes.values(), dtype=np.intp, count=len(rows))
        state[rows, column : column + len(weights.labels)] = weights.state[own]
        column += len(weights.labels)
    return attributes, state


def feature_slots(attributes: dict[str, int], window: Sequence[int]) -> dict[str, tuple[int, ...]]:
    """Static feature -> the packed (slot, row) pairs it fires: slot 0 as the token's own attribute, slot k
    as the attribute of the neighbour at ``window[k - 1]`` ("-1:w=..."). A feature absent fires nothing."""
    prefixes = {f"{offset}": slot for slot, offset in enumerate(window, 1)}
    slots: dict[str, tuple[int, ...]] = {}
    for name, row in attributes.items():
        head, colon, rest = name.partition(":")
        slot = prefixes.get(head, 0) if colon else 0
        feature = rest if slot else name
        slots[feature] = (*slots.get(feature, ()), row << SLOT_BITS | slot)
    return slots


def bigram_rows(attributes: dict[str, int]) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """The ``bi-=a|b`` and ``bi+=a|b`` attributes as nested look-ups ``a -> b -> row``, for words without
    "|" (a pair with one is looked up by its full name, as the split would be ambiguous)."""
    before: dict[str, dict[str, int]] = {}
    after: dict[str, dict[str, int]] = {}
    for name in [name for name in attributes if name.startswith((BIGRAM_BEFORE, BIGRAM_AFTER))]:
        if name.count(BIGRAM_SEPARATOR) == 1:
            table, prefix = (after, BIGRAM_AFTER) if name.startswith(BIGRAM_AFTER) else (before, BIGRAM_BEFORE)
            first, second = name[len(prefix) :].split(BIGRAM_SEPARATOR)
            table.setdefault(first, {})[second] = attributes[name]
    return before, after


def _sequential_sums(table: np.ndarray, rows: np.ndarray, firsts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Row sums of groups of ``table`` rows: group g sums ``table[rows[firsts[g] : firsts[g] + sizes[g]]]``.

    Added one row after another, left to right (((a + b) + c) + ...), in the table's float32, as the C routine
    does: numpy's own reductions sum in an order of their choosing (pairwise, by blocks), so both paths
    spell the order out and give the very same bits whatever numpy's version.
    """
    sums = table[rows[firsts]]
    for step in range(1, int(sizes.max(initial=1))):
        longer = np.flatnonzero(sizes > step)
        sums[longer] += table[rows[firsts[longer] + step]]
    return sums


class Scorer:
    """Emission scores and labels of one CRF, or of a cascade of CRFs over the same static features,
    mirroring ``FeatureExtractor.sentence`` (+ per-pass extra attributes)."""

    def __init__(self, weights: CrfWeights | Sequence[CrfWeights], extractor: FeatureExtractor) -> None:
        models = (weights,) if isinstance(weights, CrfWeights) else tuple(weights)
        if not models or len(extractor.window) >= 1 << SLOT_BITS:
            raise ValueError("a Scorer needs at least one CRF and a window of at most 7 neighbours")
        self.extractor = extractor
        self.attributes, self._state = joint_weights(models)
        # each pass's labels and transitions: the models' own attribute names and weights are not kept, as
        # the joint ones hold them (14 MB less in every process that loads the tagger)
        self._passes = tuple((m.labels, m.transitions) for m in models)
        self._columns = tuple(slice(sum(len(m.labels) for m in models[:i]), sum(len(m.labels) for m in models[: i + 1]))
                              for i in range(len(models)))
        self._slots = feature_slots(self.attributes, extractor.window)
        self._bigrams = bigram_rows(self.attributes)
        # the C routine that sums a new token's rows, where the extractor has one (features.py)
        self._row_summer = extractor.row_summer() if self._state.dtype == np.float32 else None
        self._compiled_gather = _static_sums is not None and self._state.dtype == np.float32  # _static_scores in C
        self._lock = threading.Lock()  # the caches grow as text is tagged: one thread at a time (API, Dask threads)
        self._reset()

    def _reset(self) -> None:
        # room for the whole cache at once: np.zeros maps pages lazily, so memory grows as rows are written,
        # and the table is never copied to grow (unless one batch brings more new rows than the room left)
        self._table = np.zeros((max(TABLE_LIMIT, len(self._state)) + TABLE_GROWTH, self._state.shape[1]), dtype=self._state.dtype)
        self._table[: len(self._state)] = self._state
        self._used = len(self._state)
        # token -> its serial number, 0, 1, 2 ... in the dict's order; ids[serial]: the token's own row id and
        # one per neighbour offset; uses[serial]: its look-ups since the last turn-over
        self._rows: dict[str, int] = {}
        self._ids = np.zeros((TABLE_GROWTH, 1 + len(self.extractor.window)), dtype=np.intp)
        self._uses = np.zeros(TABLE_GROWTH, dtype=np.int64)
        self._boundary = {offset: self.attributes.get(f"{offset}:{BEGIN if offset < 0 else END}", ZERO_ROW) for offset in (-1, 1)}
        self._window = np.array(self.extractor.window, dtype=np.int64)
        self._edges = np.array([self._boundary.get(offset, ZERO_ROW) for offset in self.extractor.window], dtype=np.int64)

    def _turn_over(self) -> None:
        """The table is full: keep the summed rows of the tokens used most since the last turn-over (up to
        ``KEPT_SHARE`` of the room, moved to the front of the cache) and forget the others.

        Running news keeps its everyday words cached this way, where emptying the cache would make every
        word new again. The scores do not change: a kept row holds the very sum a recomputed one would.
        """
        base = len(self._state)
        budget = int((TABLE_LIMIT - base) * KEPT_SHARE)
        tokens = list(self._rows)
        order = np.argsort(-self._uses[: len(tokens)], kind="stable")  # most used first, ties in order of arrival
        ids = self._ids[order]
        summed = ids >= base  # rows of the cache (each a sum of one token's), not of the weights
        kept = int(np.searchsorted(np.cumsum(np.count_nonzero(summed, axis=1)), budget, side="right"))
        ids, summed = ids[:kept], summed[:kept]
        moved = ids[summed]  # in reading order, so the kept rows keep their order at the front
        ids[summed] = np.arange(base, base + len(moved))
        # in place (the fancy index copies the kept rows out first): no second table, no more memory
        self._table[base : base + len(moved)] = self._table[moved]
        self._ids[:kept] = ids
        self._rows = dict(zip([tokens[i] for i in order[:kept].tolist()], range(kept), strict=True))
        self._used = base + len(moved)
        self._uses[:] = 0

    def _add_rows(self, tokens: Iterable[str]) -> None:
        """Cache the rows of tokens not seen before (``_summed_ids``) and give them serial numbers."""
        new = [token for token in dict.fromkeys(tokens) if token not in self._rows]
        if not new:
            return
        ids = self._summed_ids(new)
        serial = len(self._rows)
        if serial + len(new) > len(self._uses):
            extra = max(TABLE_GROWTH, len(new))
            self._uses = np.concatenate([self._uses, np.zeros(extra, dtype=self._uses.dtype)])
            self._ids = np.concatenate([self._ids, np.zeros((extra, ids.shape[1]), dtype=self._ids.dtype)])
        self._ids[serial : serial + len(new)] = ids
        self._rows.update(zip(new, range(serial, serial + len(new)), strict=True))

    def _summed_ids(self, new: list[str]) -> np.ndarray:
        """``[new tokens, 1 + window]`` row ids of new tokens, summing their feature weights.

        A token has ``1 + len(window)`` rows (groups): its own features, then its features as a neighbour at
        each offset. A group of one attribute uses that attribute's row; an empty group, the zero row; a
        larger one, a new row of the table holding its sum (in feature order). The C routine does it all in
        one call where it is built (``FeatureExtractor.row_summer``), else numpy does the sums.
        """
        width = 1 + len(self.extractor.window)
        if self._row_summer is not None:
            self._make_room(len(new) * width)
            written = np.empty((len(new), width), dtype=np.int64)
            self._used = self._row_summer(new, self._slots, self._table, self._used, written)
            return written
        slot_of, features = self._slots.get, self.extractor.word_features  # uncached: this cache holds their sums
        packed: list[int] = []
        counts: list[int] = []
        for token in new:
            before = len(packed)
            for pairs in map(slot_of, features(token)):
                if pairs is not None:
                    packed += pairs
            counts.append(len(packed) - before)
        codes = np.fromiter(packed, dtype=np.intp, count=len(packed))
        group = np.repeat(np.arange(len(new)) * width, counts) + (codes & ((1 << SLOT_BITS) - 1))
        order = np.argsort(group, kind="stable")  # by group, each group's attributes in feature order
        group, rows = group[order], codes[order] >> SLOT_BITS
        sizes = np.bincount(group, minlength=len(new) * width)
        firsts = np.cumsum(sizes) - sizes
        ids = np.zeros(len(new) * width, dtype=np.intp)  # empty groups: the zero row
        single = sizes == 1
        ids[single] = rows[firsts[single]]
        multi = sizes > 1
        fresh = int(np.count_nonzero(multi))
        if fresh:
            sums = _sequential_sums(self._table, rows, firsts[multi], sizes[multi])
            self._make_room(fresh)
            self._table[self._used : self._used + fresh] = sums
            ids[multi] = np.arange(self._used, self._used + fresh)
            self._used += fresh
        return ids.reshape(len(new), width)

    def _make_room(self, rows: int) -> None:
        """Grow the table if ``rows`` more rows would not fit (the room past TABLE_LIMIT is seldom exceeded)."""
        if self._used + rows > len(self._table):
            extra = max(TABLE_GROWTH, self._used + rows - len(self._table))
            self._table = np.concatenate([self._table, np.zeros((extra, self._table.shape[1]), dtype=self._table.dtype)])

    def _static_scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """``[all tokens, all passes' labels]`` scores of the static features of non-empty sentences, in order.

        Each token's own and neighbour rows come from the cache; neighbours are gathered with numpy shifts
        inside each sentence, the sentence edges using crfsuite's ``-1:<s>``/``1:</s>`` attributes.
        """
        if self._compiled_gather:
            return self._compiled_static_scores(sentences)
        # a token's static features depend on it only through its normal form (FeatureExtractor.word_features):
        # rows are kept per form, so spelling variants share them, and the bigrams read the same forms
        forms = [[*map(normalise, sentence)] for sentence in sentences]
        tokens = [form for sentence in forms for form in sentence]
        found = list(map(self._rows.get, tokens))  # one look-up per token; the new ones are looked up again
        if None in found:
            self._add_rows([token for token, serial in zip(tokens, found, strict=True) if serial is None])
            rows_of = self._rows
            found = [rows_of[token] if serial is None else serial for token, serial in zip(tokens, found, strict=True)]
        serials = np.fromiter(found, dtype=np.intp, count=len(found))
        np.add.at(self._uses, serials, 1)
        rows = self._ids[serials]
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.intp)
        position = np.arange(len(tokens)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        size = np.repeat(lengths, lengths)
        table = self._table
        scores = table[rows[:, 0]]
        for slot, offset in enumerate(self.extractor.window, 1):
            inside = (position + offset >= 0) & (position + offset < size)
            other = np.clip(np.arange(len(tokens)) + offset, 0, len(tokens) - 1)
            edge = self._boundary.get(offset, ZERO_ROW)
            scores += table[np.where(inside, rows[other, slot], edge)]
        bigrams = self._bigram_rows(forms)
        scores += table[bigrams[:, 0]]
        scores += table[bigrams[:, 1]]
        return scores

    def _compiled_static_scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """``_static_scores`` by the C routines of ``_features.c``: the same forms, serials, uses and float32 sums
        (added in the same order), without a Python step per token."""
        assert _normal_serials is not None and _static_sums is not None
        lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        serials = np.empty(int(lengths.sum()), dtype=np.int64)
        forms, missing = _normal_serials(sentences, self._rows, serials)
        if missing:
            self._add_rows(missing)
            absent = np.flatnonzero(serials < 0)
            serials[absent] = [self._rows[forms[i]] for i in absent.tolist()]
        scores = np.empty((len(forms), self._table.shape[1]), dtype=np.float32)
        before, after = self._bigrams
        _static_sums(forms, lengths, serials, self._ids, self._uses, self._table, self._window, self._edges, before, after,
                     self.attributes, scores)
        return scores

    def _bigram_rows(self, forms: Sequence[Sequence[str]]) -> np.ndarray:
        """``[N, 2]`` rows of each token's ``bi-`` and ``bi+`` attributes ("bi-=<previous>|<word>",
        "bi+=<word>|<next>", of the tokens' normal ``forms``), looked up word by word in ``_bigrams``."""
        before, after = self._bigrams
        empty: dict[str, int] = {}
        attributes = self.attributes
        out: list[int] = []
        for sentence in forms:
            words = [BEGIN, *sentence, END]
            # a pair with a "|" in a word is looked up by its full name, as splitting it would be ambiguous
            separated = any(BIGRAM_SEPARATOR in word for word in sentence)
            for previous, word, following in zip(words, words[1:], words[2:], strict=False):
                if separated and (BIGRAM_SEPARATOR in previous or BIGRAM_SEPARATOR in word):
                    out.append(attributes.get(BIGRAM_BEFORE + previous + BIGRAM_SEPARATOR + word, ZERO_ROW))
                else:
                    out.append(before.get(previous, empty).get(word, ZERO_ROW))
                if separated and (BIGRAM_SEPARATOR in word or BIGRAM_SEPARATOR in following):
                    out.append(attributes.get(BIGRAM_AFTER + word + BIGRAM_SEPARATOR + following, ZERO_ROW))
                else:
                    out.append(after.get(word, empty).get(following, ZERO_ROW))
        return np.fromiter(out, dtype=np.intp, count=len(out)).reshape(len(out) // 2, 2)

    def _emissions(self, static: np.ndarray, columns: slice, extras: Sequence[Sequence[Sequence[str]]] | None) -> np.ndarray:
        """A pass's emission scores: its ``columns`` of the ``static`` scores, plus the scores of per-token ``extras``
        (in C where built: the same sums in the same order)."""
        if extras is None:
            return static[:, columns]
        if self._compiled_gather and _extra_emissions is not None:
            out = np.empty((len(static), columns.stop - columns.start), dtype=np.float32)
            _extra_emissions(extras, self.attributes, self._state, columns.start, columns.stop, static, out)
            return out
        return static[:, columns] + self._extra_scores(extras, columns)

    def _extra_scores(self, extras: Sequence[Sequence[Sequence[str]]], columns: slice) -> np.ndarray:
        """``[all tokens, labels]`` scores of per-token extra attributes (a later pass's), for one pass's columns."""
        distinct: dict[tuple[str, ...], int] = {}  # most tokens share their extras with others: sum each set once
        which = np.array([distinct.setdefault(tuple(token_extras), len(distinct)) for sentence in extras for token_extras in sentence],
                         dtype=np.intp)
        attributes = self.attributes
        rows = [[attributes.get(a, ZERO_ROW) for a in token_extras] for token_extras in distinct]
        width = max((len(row) for row in rows), default=0)
        ids = np.array([row + [ZERO_ROW] * (width - len(row)) for row in rows], dtype=np.intp).reshape(len(rows), width)
        sums = self._state[ids].sum(axis=1)[:, columns]  # extras are attributes: rows of the state, never of the cache
        return sums[which]

    def tag(self, tokens: Sequence[str], extras: Sequence[Sequence[str]] | None = None) -> list[str]:
        """The best labels of one sentence under the first CRF."""
        return self.tag_many([tokens], None if extras is None else [extras])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], extras: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:
        """The best labels of each sentence under the first CRF (``extras``: attributes added per token)."""
        return self.cascade(sentences, None if extras is None else lambda _index, _previous: extras)[0]

    def cascade(self, sentences: Sequence[Sequence[str]], extras_for: ExtrasFor | None = None) -> list[list[list[str]]]:
        """Every pass's labels of each sentence. Before pass k, ``extras_for(k, labels of pass k - 1)`` (``None``
        before pass 0) may give attributes to add per token, e.g. what the previous pass found.

        Sentences are scored and decoded in batches of similar length; the static scores are summed once
        for all passes.
        """
        order = [i for i in sorted(range(len(sentences)), key=lambda i: len(sentences[i])) if sentences[i]]
        batches = [order[start : start + BATCH] for start in range(0, len(order), BATCH)]
        results: list[list[list[str]]] = []
        with self._lock:
            static = []
            for batch in batches:
                if self._used >= TABLE_LIMIT:  # between batches only: rows handed out stay valid within one
                    self._turn_over()
                static.append(self._static_scores([sentences[i] for i in batch]))
            for index, columns in enumerate(self._columns):
                extras = extras_for(index, results[-1] if results else None) if extras_for is not None else None
                labels: list[list[str]] = [[] for _ in sentences]
                for batch, scores in zip(batches, static, strict=True):
                    emissions = self._emissions(scores, columns, None if extras is None else [extras[i] for i in batch])
                    for i, path in zip(batch, self._decode(index, [len(sentences[i]) for i in batch], emissions), strict=True):
                        labels[i] = path
                results.append(labels)
        return results

    def _decode(self, index: int, sizes: list[int], scores: np.ndarray) -> list[list[str]]:
        """The Viterbi labels under pass ``index`` of sentences of ``sizes`` tokens whose emissions are stacked in ``scores``."""
        labels, transitions = self._passes[index]
        names = [labels[i] for i in viterbi_flat(scores, sizes, transitions).tolist()]
        ends = np.cumsum(sizes).tolist()
        return [names[end - size : end] for size, end in zip(sizes, ends, strict=True)]
