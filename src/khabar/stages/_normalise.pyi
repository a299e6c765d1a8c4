from typing import Any

def view(text: str, table: Any, expansions: dict[int, str], /) -> tuple[str, bytes, bytes]:
    """The view of ``text`` by the code-point ``table`` (a buffer of 65,536 uint32) and the presentation forms'
    ``expansions``, with each view character's raw range (int64 bytes)."""
