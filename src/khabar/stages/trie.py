"""Word lists as regular expressions written as a trie: the one implementation the stages compile lexicons with."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], spaces: str | None = None) -> str:
    """A regex matching exactly ``words``, written as a trie so that it runs in C fast.

    A trie tries a handful of first letters instead of every word in turn (three times faster on the times
    stage's month and unit lists than a flat alternation). With ``spaces``, a space in a word matches that
    pattern instead (``r"\\s+"``: any run of white space).

    >>> trie_pattern(["قال", "قالت", "قلت"])
    'ق(?:ال(?:ت)?|لت)'
    >>> trie_pattern(["امس", "اول امس", "اليوم"], spaces=r"\\s+")
    'ا(?:ليوم|مس|ول\\\\s+امس)'
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie, spaces)


def _render(node: dict[str, dict], spaces: str | None) -> str:
    branches = [(spaces if char == " " and spaces is not None else re.escape(char)) + _render(child, spaces)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    body = f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body
