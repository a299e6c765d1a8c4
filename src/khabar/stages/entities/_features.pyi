import numpy as np

def word_features(token: str, clusters: dict[str, str], gazetteer: dict[str, frozenset[str]], ranks: dict[str, int],
                  silver: dict[str, str], /) -> list[str]:
    """``FeatureExtractor.word_features`` of ``token`` for a model without the "ngrams" option."""

def summed_rows(clusters: dict[str, str], gazetteer: dict[str, frozenset[str]], ranks: dict[str, int], silver: dict[str, str],
                tokens: list[str], slots: dict[str, tuple[int, ...]], table: np.ndarray, used: int, ids: np.ndarray, /) -> int:
    """``crf.Scorer._add_rows``'s sums for new ``tokens``: new rows written to ``table`` from ``used`` on, each token's
    row per slot written to ``ids``; returns the new ``used``."""
