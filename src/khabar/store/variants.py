"""Spellings of one foreign name: "دونالد ترمب" and "دونالد ترامب", "فلاديمير بوتن" and "فلاديمير بوتين".

Outlets transliterate differently: long vowels written or not, G as غ or ج. Two names of a person that
read the same once those differences are set aside (``skeleton``) are one person when the archive's
articles also see them in the same company: the people, places and bodies named beside each, compared
as cosine similarity. "محمد حسن" and "محمود حسين" share a skeleton too, but not their company; and names
that two articles name side by side as two entities are two people.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

MIN_SIMILARITY = 0.25  # cosine of the two names' company (entities named beside them), at least
MAX_TOGETHER_SHARE = 0.5  # two names seen side by side in more than this share of the rarer one's articles differ
MIN_DOCUMENTS = 2  # a spelling seen once says too little about its company
_SOUNDS = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز"})
_INNER_VOWELS = re.compile("[اويى]")
_INITIALS = {"ي": "ج"}  # Korean and other romanisations write one sound as Y or J: "كيم يونغ اون", "كيم جونغ اون"
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(key: str, sounds: bool = True) -> tuple[str, ...]:
    """The name with its inner long vowels dropped and its consonants as transliteration spells them.

    >>> skeleton("دونالد ترمب") == skeleton("دونالد ترامب")
    True
    >>> skeleton("انغيلا ميركل") == skeleton("انجيلا ميركل")
    True
    """
    words = []
    for word in (key.translate(_SOUNDS) if sounds else key).split():
        rest = _DOUBLED.sub(r"\1", _INNER_VOWELS.sub("", word[1:]))
        words.append((_INITIALS.get(word[:1], word[:1]) if sounds else word[:1]) + rest)
    return tuple(words)


def variant_heads(
    keys: Mapping[str, str],
    documents: Mapping[str, set[int]],
    identities: Mapping[int, set[str]],
    refused: Iterable[tuple[str, str]] = (),
    sounds: bool = True,
) -> dict[str, str]:
    """Person identity -> the identity of the commoner spelling of the same name, for each variant found.

    ``keys``: the people's identities (of two words or more) and their keys; ``documents``: each identity's
    articles; ``identities``: each article's identities; ``refused``: (key, identity) pairs people split.
    """
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for identity, key in keys.items():
        if len(key.split()) >= 2 and len(documents.get(identity, ())) >= MIN_DOCUMENTS:
            groups[skeleton(key, sounds)].append(identity)
    refused = set(refused)
    heads: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda identity: (-len(documents[identity]), identity))
        chosen: list[str] = []
        for member in members:
            head = next((h for h in chosen if _same(h, member, documents, identities)
                         and (keys[member], h) not in refused), None)
            if head is None:
                chosen.append(member)
            else:
                heads[member] = head
    return heads


def _same(head: str, member: str, documents: Mapping[str, set[int]], identities: Mapping[int, set[str]]) -> bool:
    together = len(documents[head] & documents[member])
    if together > MAX_TOGETHER_SHARE * len(documents[member]):
        return False
    return _cosine(company(head, documents, identities), company(member, documents, identities)) >= MIN_SIMILARITY


def company(identity: str, documents: Mapping[str, set[int]], identities: Mapping[int, set[str]]) -> dict[str, float]:
    """The entities named beside ``identity``, each weighed by how many of its articles name it and how
    rare it is in the archive (a name beside everything, such as a big country, says little)."""
    counts: Counter[str] = Counter()
    for document in documents[identity]:
        counts.update(identities[document])
    counts.pop(identity, None)
    total = max(len(identities), 1)
    return {name: count * math.log1p(total / len(documents[name])) for name, count in counts.items() if name in documents}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[name] for name, count in a.items() if name in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
