from collections.abc import Callable
from typing import Any

from khabar.model import Token

def lay_out(text: str, cache: Any, resolve: Callable[[str], tuple[tuple[int, int, Any, int, int], ...]],
            token_type: type[Token], rules: tuple[Any, ...] | None = None, /) -> tuple[Token, ...]:
    """The tokens of ``text``, chunk by chunk: ``cache.recent`` (a dict) first, else a plain word split here
    by ``rules`` (when given), else ``resolve(chunk)``."""

def split_word(word: str, rules: tuple[Any, ...], /) -> tuple[int, int]:
    """``(stem_start, stem_end)`` of a word of plain Arabic letters, as ``CliticSplitter.split`` finds them."""
