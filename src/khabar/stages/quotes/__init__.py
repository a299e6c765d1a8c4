"""Who said what: direct, indirect and mixed quotes, each with its cue and speaker."""

from khabar.stages.quotes.finder import QuoteFinder, find_quotes
from khabar.stages.quotes.lexicon import QuoteLexicon

__all__ = ["QuoteFinder", "QuoteLexicon", "find_quotes"]
