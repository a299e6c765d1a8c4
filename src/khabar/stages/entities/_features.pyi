def word_features(token: str, clusters: dict[str, str], gazetteer: dict[str, frozenset[str]], ranks: dict[str, int],
                  silver: dict[str, str], /) -> list[str]:
    """``FeatureExtractor.word_features`` of ``token`` for a model without the "ngrams" option."""
