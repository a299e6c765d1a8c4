from collections.abc import Sequence

import numpy as np

def word_features(token: str, clusters: dict[str, str], gazetteer: dict[str, frozenset[str]], ranks: dict[str, int],
                  silver: dict[str, str], /) -> list[str]:
    """``FeatureExtractor.word_features`` of ``token`` for a model without the "ngrams" option."""

def summed_rows(clusters: dict[str, str], gazetteer: dict[str, frozenset[str]], ranks: dict[str, int], silver: dict[str, str],
                tokens: list[str], slots: dict[str, tuple[int, ...]], table: np.ndarray, used: int, ids: np.ndarray, /) -> int:
    """``crf.Scorer._add_rows``'s sums for new ``tokens``: new rows written to ``table`` from ``used`` on, each token's
    row per slot written to ``ids``; returns the new ``used``."""

def normal_serials(sentences: Sequence[Sequence[str]], rows: dict[str, int], serials: np.ndarray, /) -> tuple[list[str], list[str]]:
    """Each token's normal form and serial (-1 where ``rows`` lacks it) written to ``serials``: (forms, missing forms)."""

def static_sums(forms: list[str], lengths: np.ndarray, serials: np.ndarray, ids: np.ndarray, uses: np.ndarray, table: np.ndarray,
                window: np.ndarray, edges: np.ndarray, before: dict[str, dict[str, int]], after: dict[str, dict[str, int]],
                attributes: dict[str, int], out: np.ndarray, /) -> None:
    """``crf.Scorer._static_scores``'s sums of each token's own, neighbour and bigram rows, written to ``out``."""

def second_pass_attributes(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], window: int, /) -> list[list[tuple[str, ...]]]:
    """``features.second_pass_attributes``: each token's first-pass label attributes and stem context."""

def rule_stems(text: str, sentences: Sequence[Sequence[tuple[object, ...]]], word_kinds: frozenset[object], table: np.ndarray,
               expansions: dict[int, str], /) -> list[list[str]]:
    """``rules.token_stems``: each word token's stem in the search view ("" for other tokens)."""

def extra_emissions(extras: Sequence[Sequence[Sequence[str]]], attributes: dict[str, int], state: np.ndarray, start: int, stop: int,
                    static: np.ndarray, out: np.ndarray, /) -> None:
    """A pass's emission scores into ``out``: ``static[:, start:stop]`` plus the rows of each token's extra attributes."""
