from collections.abc import Callable
from typing import Any

from khabar.model import Token

def lay_out(text: str, cache: Any, resolve: Callable[[str], tuple[tuple[int, int, Any, int, int], ...]],
            token_type: type[Token], /) -> tuple[Token, ...]:
    """The tokens of ``text``, chunk by chunk: ``cache.recent`` (a dict) first, else ``resolve(chunk)``."""
