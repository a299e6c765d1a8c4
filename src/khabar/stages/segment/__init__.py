"""Sentences and tokens, with the clitic-free stem of every Arabic word."""

from khabar.stages.segment.segmenter import Segmenter, tokenise

__all__ = ["Segmenter", "tokenise"]
