"""CRF features for Arabic NER over ANERcorp-like tokens (punctuation split off, clitics attached).

Every word gets a tuple of *static* features that depend on the word alone (normal form, clitic-stripped
stem, affixes, shape, word-cluster ids, gazetteer membership, corpus frequency band). They are computed
once per distinct token and cached; a token's features are its own static features plus its neighbours'
(at offsets -2..+2, each a smaller, prefixed subset) and a few word bigrams. So tagging costs a few
dictionary look-ups and list concatenations per token.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from khabar.stages.normalise import normalise_cased as normalise
from khabar.stages.segment.clitics import stem_candidates, strip_clitics

# a new token's rows for a CRF scorer (crf.Scorer._add_rows): (tokens, slots, table, used, ids) -> the new used
RowSummer = Callable[[list[str], dict[str, tuple[int, ...]], np.ndarray, int, np.ndarray], int]

_compiled_features: Callable[[str, dict[str, str], dict[str, frozenset[str]], dict[str, int], dict[str, str]], list[str]] | None
_compiled_rows: Callable[..., int] | None
_compiled_second_pass: Callable[[Sequence[Sequence[str]], Sequence[Sequence[str]], int], list[list[tuple[str, ...]]]] | None
try:  # the optional C versions (setup.py); without them, the Python code below (same features, slower)
    from khabar.stages.entities._features import second_pass_attributes as _compiled_second_pass
    from khabar.stages.entities._features import summed_rows as _compiled_rows
    from khabar.stages.entities._features import word_features as _compiled_features
except ImportError:  # pragma: no cover - depends on how khabar was installed
    _compiled_features = _compiled_rows = _compiled_second_pass = None

COMPILED = _compiled_features is not None  # whether the C word features are in use

CLUSTER_FILE = "clusters.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
SILVER_FILE = "silver.tsv"
FREQUENCY_BANDS = (1_000, 10_000, 50_000)
_BAND_NAMES = tuple((band, str(band)) for band in FREQUENCY_BANDS)
AFFIX_LENGTHS = (1, 2, 3)
LONG_WORD = 8
ARABIC_LETTERS = range(0x0621, 0x064B)
_ARABIC_ONLY = re.compile("[\u0621-\u064a]+")
BEGIN = "<s>"
END = "</s>"
BIGRAM_BEFORE, BIGRAM_AFTER, BIGRAM_SEPARATOR = "bi-=", "bi+=", "|"  # "bi-=<previous>|<word>", "bi+=<word>|<next>"
WINDOW = (-2, -1, 1, 2)
WIDE_WINDOW = (-3, -2, -1, 1, 2, 3)
NGRAM_SIZE = 3
CACHE_LIMIT = 20_000  # tokens whose feature lists are kept (the CRF scorers keep their own summed rows)
STEM_CACHE = 1 << 15  # token_stem's memo: 87% of a running article's tokens found (95% with 100,000 entries)
# Which static features a neighbour at a given distance contributes (by feature-name prefix).
NEIGHBOUR_KEYS = {
    1: ("w=", "st=", "pre=", "c1=", "c2=", "sc1=", "sc2=", "g=", "sh=", "fb=", "s2=", "s3=", "sv="),
    2: ("w=", "st=", "c1=", "sc1=", "g="),
    3: ("w=", "sc1="),
}


@dataclass(frozen=True)
class Lexicon:
    """Word-level resources: cluster ids per granularity, gazetteer tags, frequency ranks."""

    clusters: Mapping[str, str] = field(default_factory=dict)  # word -> its cluster ids, coarse to fine, tab-separated
    gazetteer: Mapping[str, frozenset[str]] = field(default_factory=dict)
    ranks: Mapping[str, int] = field(default_factory=dict)
    silver: Mapping[str, str] = field(default_factory=dict)  # stem -> type mined from news (training/silver.py)

    @classmethod
    def read(cls, directory: Path) -> Lexicon:
        """Read ``clusters.tsv``, ``gazetteer.tsv`` and ``silver.tsv`` from a model directory (missing = empty)."""
        clusters: dict[str, str] = {}
        cluster_path = directory / CLUSTER_FILE
        if cluster_path.exists():  # the ids stay one string per word until a new word asks for them (load time)
            clusters = dict(line.split("\t", 1) for line in _data_lines(cluster_path))
        ranks = {word: rank for rank, word in enumerate(clusters)}  # the file lists words by frequency
        gazetteer: dict[str, frozenset[str]] = {}
        gazetteer_path = directory / GAZETTEER_FILE
        if gazetteer_path.exists():
            for line in _data_lines(gazetteer_path):
                word, tags = line.split("\t")
                gazetteer[word] = frozenset(tags.split(","))
        silver: dict[str, str] = {}
        if (directory / SILVER_FILE).exists():
            for line in _data_lines(directory / SILVER_FILE):
                stem, kind = line.split("\t")
                silver[stem] = kind
        return cls(clusters, gazetteer, ranks, silver)


def _data_lines(path: Path) -> list[str]:
    """Lines of a TSV resource, without the header comment and the newline."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def shape(token: str) -> str:
    """A coarse word class: arabic, latin, digit, punct, mixed.

    >>> [shape(t) for t in ("بغداد", "CNN", "2003", "،", "F16")]
    ['arabic', 'latin', 'digit', 'punct', 'mixed']
    """
    if _ARABIC_ONLY.fullmatch(token):  # most tokens: skip the loop
        return "arabic"
    kinds = set()
    for char in token:
        if ord(char) in ARABIC_LETTERS:
            kinds.add("arabic")
        elif char.isdigit():
            kinds.add("digit")
        elif char.isalpha():
            kinds.add("latin")
        else:
            kinds.add("punct")
    return kinds.pop() if len(kinds) == 1 else "mixed"


class FeatureExtractor:
    """Turns sentences into CRF feature lists; static per-word features are cached."""

    def __init__(self, lexicon: Lexicon, options: frozenset[str] = frozenset(), compiled: bool = COMPILED) -> None:
        self.lexicon = lexicon
        self.options = options
        self.window = WIDE_WINDOW if "wide" in options else WINDOW
        self._static: dict[str, tuple[str, ...]] = {}
        self._neighbour: dict[tuple[str, int], tuple[str, ...]] = {}
        # the C version covers models without n-gram features over a lexicon of plain dicts (as read from disk)
        tables = (lexicon.clusters, lexicon.gazetteer, lexicon.ranks, lexicon.silver)
        self._compiled = compiled and "ngrams" not in options and all(type(table) is dict for table in tables)

    def static(self, token: str) -> tuple[str, ...]:
        """The features that depend on the token alone (cached)."""
        cached = self._static.get(token)
        if cached is None:
            if len(self._static) >= CACHE_LIMIT:
                self._static.clear()
                self._neighbour.clear()
            cached = self._static[token] = tuple(self.word_features(token))
        return cached

    def row_summer(self) -> RowSummer | None:
        """The C routine that computes new tokens' features and sums their weights into a CRF scorer's table
        (``crf.Scorer._add_rows``), bound to this lexicon; None where the C features are not in use."""
        if not self._compiled or _compiled_rows is None:
            return None
        lexicon = self.lexicon
        return functools.partial(_compiled_rows, lexicon.clusters, lexicon.gazetteer, lexicon.ranks, lexicon.silver)

    def word_features(self, token: str) -> list[str]:
        """Compute one token's static features, uncached (a CRF ``Scorer`` caches what they add up to).

        They depend on the token only through ``normalise(token)``: the scorer keeps them per normal form.
        """
        if self._compiled and _compiled_features is not None:
            lexicon = self.lexicon
            return _compiled_features(token, lexicon.clusters, lexicon.gazetteer, lexicon.ranks, lexicon.silver)  # type: ignore[arg-type]
        word = normalise(token)
        prefix, stem = strip_clitics(word)
        features = ["bias", "w=" + word, "st=" + stem, "pre=" + prefix, "sh=" + shape(word)]
        for size in AFFIX_LENGTHS:
            if len(stem) > size:
                features += [f"p{size}={stem[:size]}", f"s{size}={stem[-size:]}"]
        if len(stem) >= LONG_WORD:
            features.append("long")
        if "ngrams" in self.options:
            features += [f"ng={stem[i : i + NGRAM_SIZE]}" for i in range(1, len(stem) - NGRAM_SIZE)]
        features += self._cluster_features(word, stem)
        features += self._gazetteer_features(word)
        if self.lexicon.silver:
            kind = self.lexicon.silver.get(token_stem(token))
            if kind is not None:
                features.append("sv=" + kind)
        features.append("fb=" + self._frequency_band(word))
        return features

    def _cluster_features(self, word: str, stem: str) -> list[str]:
        """Cluster ids of the word and of its best-known stripped form."""
        ids = self.lexicon.clusters.get(word)
        features = [f"c{level}={cluster}" for level, cluster in enumerate(ids.split("\t"), 1)] if ids else []
        for form in stem_candidates(word)[1:] or (stem,):
            ids = self.lexicon.clusters.get(form)
            if ids:
                return features + [f"sc{level}={cluster}" for level, cluster in enumerate(ids.split("\t"), 1)]
        return features

    def _gazetteer_features(self, word: str) -> list[str]:
        """Gazetteer tags of the word or any of its clitic-stripped forms."""
        tags: set[str] = set()
        for form in stem_candidates(word):
            tags.update(self.lexicon.gazetteer.get(form, ()))
        return ["g=" + tag for tag in sorted(tags)]

    def _frequency_band(self, word: str) -> str:
        """How common the word is in the unlabeled news (rank band, or ``oov``)."""
        rank = self.lexicon.ranks.get(word)
        if rank is None:
            return "oov"
        for band, name in _BAND_NAMES:  # a loop, not next(generator): this runs for every new word
            if rank < band:
                return name
        return "rare"

    def neighbour(self, token: str, offset: int) -> tuple[str, ...]:
        """A subset of the token's static features, renamed for a neighbour at ``offset`` (cached)."""
        key = (token, offset)
        cached = self._neighbour.get(key)
        if cached is None:
            keys = NEIGHBOUR_KEYS[abs(offset)]
            cached = tuple(f"{offset}:{f}" for f in self.static(token) if f.startswith(keys))
            self._neighbour[key] = cached
        return cached

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists for every token of a sentence."""
        words = [normalise(token) for token in tokens]
        rows: list[list[str]] = []
        last = len(tokens) - 1
        for index, token in enumerate(tokens):
            row = list(self.static(token))
            for offset in self.window:
                other = index + offset
                if 0 <= other <= last:
                    row.extend(self.neighbour(tokens[other], offset))
                elif abs(offset) == 1:
                    row.append(f"{offset}:{BEGIN if offset < 0 else END}")
            previous = words[index - 1] if index else BEGIN
            following = words[index + 1] if index < last else END
            row += [BIGRAM_BEFORE + previous + BIGRAM_SEPARATOR + words[index], BIGRAM_AFTER + words[index] + BIGRAM_SEPARATOR + following]
            rows.append(row)
        return rows


DOCUMENT_WINDOW = 10  # sentences either side that count as the same document for the second pass
MIN_CONTEXT_STEM = 2


def entity_type(label: str) -> str:
    """``B-PER`` -> ``PER``; ``O`` -> ``O``."""
    return label[2:] if len(label) > 2 else label


@functools.lru_cache(maxsize=STEM_CACHE)
def token_stem(token: str) -> str:
    """The normalised token without its clitics (cached: the second pass asks for every token)."""
    return strip_clitics(normalise(token))[1]


def _context_features(others: list[str]) -> tuple[str, ...]:
    """Features from the first-pass types of the other occurrences of a stem nearby."""
    if not others:
        return (NO_CONTEXT,)
    counts: dict[str, int] = {}
    for kind in others:
        counts[kind] = counts.get(kind, 0) + 1
    majority = max(sorted(counts), key=counts.__getitem__)
    return ("dmaj=" + majority, *("dt=" + kind for kind in sorted(counts) if kind != "O"))


NO_CONTEXT = "dn=0"
_ALONE = (NO_CONTEXT,)
_ALL_O = _context_features(["O"])


class _Occurrences:
    """Where each stem of a document occurs (sentence indices, in reading order) and which first-pass types
    its occurrences have: most stems have one type everywhere (function words are all "O"), and their
    context features then depend only on whether another occurrence is in the window."""

    def __init__(self, stems: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> None:
        self.rows: dict[str, list[int]] = {}  # stem -> the sentence of each occurrence
        typed: dict[str, list[str]] = {}  # stem -> the types of its occurrences the first pass did not call O
        for row, (words, tags) in enumerate(zip(stems, labels, strict=True)):
            for stem, tag in zip(words, tags, strict=True):
                if len(stem) < MIN_CONTEXT_STEM:
                    continue
                rows = self.rows.get(stem)
                if rows is None:
                    self.rows[stem] = [row]
                else:
                    rows.append(row)
                if tag != "O":
                    typed.setdefault(stem, []).append(entity_type(tag))
        self.uniform: dict[str, tuple[str, ...]] = {}  # stem of one type -> what another occurrence says
        mixed = set()
        for stem, rows in self.rows.items():
            if len(rows) == 1:  # alone in the document, whatever its type
                continue
            kinds = typed.get(stem)
            if kinds is None:
                self.uniform[stem] = _ALL_O
            elif len(kinds) == len(rows) and len(set(kinds)) == 1:
                self.uniform[stem] = _context_features(kinds[:1])
            else:
                mixed.add(stem)
        # stems of several types: each occurrence's (sentence, position, type), to count the types around one
        self.items: dict[str, list[tuple[int, int, str]]] = {stem: [] for stem in mixed}
        if mixed:
            for row, (words, tags) in enumerate(zip(stems, labels, strict=True)):
                for column, (stem, tag) in enumerate(zip(words, tags, strict=True)):
                    if stem in mixed:
                        self.items[stem].append((row, column, entity_type(tag)))


def second_pass_attributes(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                           window: int = DOCUMENT_WINDOW, compiled: bool = COMPILED) -> list[list[tuple[str, ...]]]:
    """The second pass's extra attributes of every token: first-pass labels and document consistency.

    ``labels`` are the first-pass labels of ``sentences``; a token's context is every other occurrence of
    its clitic-stripped stem within ``window`` sentences, and the features say which entity types the first
    pass gave them (so a name recognised once is recognised everywhere). The C version where built
    (``compiled``): the lines below are its reference.
    """
    if compiled and _compiled_second_pass is not None:
        return _compiled_second_pass(sentences, labels, window)
    stems = [[token_stem(token) for token in tokens] for tokens in sentences]
    found = _Occurrences(stems, labels)
    contexts: dict[tuple[str, int, str], tuple[str, ...]] = {}
    result = []
    for row, (words, tags) in enumerate(zip(stems, labels, strict=True)):
        around = [BEGIN, *tags, END]
        sentence_extras: list[tuple[str, ...]] = []
        for column, stem in enumerate(words):
            extra = _label_attributes(around[column], around[column + 1], around[column + 2])
            rows = found.rows.get(stem)
            if rows is None:  # too short a stem to have a context
                sentence_extras.append(extra)
            elif len(rows) == 1:  # the token alone: no other occurrence
                sentence_extras.append(extra + _ALONE)
            elif (same := found.uniform.get(stem)) is not None:
                alone = bisect.bisect_right(rows, row + window) - bisect.bisect_left(rows, row - window) == 1
                sentence_extras.append(extra + (_ALONE if alone else same))
            else:
                # the other occurrences of a stem in one sentence's window are the same for every token of that
                # stem and first-pass type there: the features are computed once per (stem, sentence, type)
                key = (stem, row, entity_type(around[column + 1]))
                context = contexts.get(key)
                if context is None:
                    low, high = bisect.bisect_left(rows, row - window), bisect.bisect_right(rows, row + window)
                    context = contexts[key] = _context_features([kind for r, c, kind in found.items[stem][low:high]
                                                                 if (r, c) != (row, column)])
                sentence_extras.append(extra + context)
        result.append(sentence_extras)
    return result


@functools.cache
def _label_attributes(before: str, label: str, after: str) -> tuple[str, str, str]:
    """The second pass's attributes for the first-pass labels of the token, the one before it and after it
    (``<s>``/``</s>`` at the sentence's edges)."""
    return "s1=" + label, "s1-1=" + before, "s1+1=" + after


def second_pass(rows: list[list[list[str]]], sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                window: int = DOCUMENT_WINDOW) -> list[list[list[str]]]:
    """Feature rows with the second pass's attributes added (``second_pass_attributes``)."""
    extras = second_pass_attributes(sentences, labels, window)
    return [[row + list(extra) for row, extra in zip(sentence_rows, sentence_extras, strict=True)]
            for sentence_rows, sentence_extras in zip(rows, extras, strict=True)]
