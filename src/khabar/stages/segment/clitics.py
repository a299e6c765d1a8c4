"""Tell attached clitics from a word's own letters, with corpus frequencies as the judge.

Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future marker (س) and object or
possessive pronouns (ه ها هم ...) attached to the word. "بالموصل" is ب + الموصل but "باريس" is one
word; "ولبنان" is و + لبنان but "وزير" is one word. Without a morphological analyser (khabar ships
none), the news itself decides: a prefix is split off when the rest is a word the corpus knows about as
well as the whole form. The definite article ال stays in the stem: names such as "الموصل" include it.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.stages.segment.cache import RecentCache

TATWEEL = "\u0640"
_DIACRITICS = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670" + "".join(map(chr, range(0x0610, 0x061B)))
_INVISIBLE = "\u200c\u200d\u200e\u200f\u00ad"
_LIGHT_TABLE = {ord(c): None for c in _DIACRITICS + TATWEEL + _INVISIBLE}

CONJUNCTIONS = ("و", "ف")
PARTICLES = ("ب", "ل", "ك", "س")
IMPERFECT_PREFIXES = "يتنأ"  # س only before an imperfect verb: سيكون، ستقوم
SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")  # longest first; ي and ك are too ambiguous
ARTICLE = "ال"
# Closed-class words whose first letter looks like a clitic but is not one.
NEVER_SPLIT = frozenset(
    "كان كانت كانوا كانا كل كلا كلما لكن لكنه لكنها لدى لدي لقد لأن لان لما لهذا فقط فيه فيها فيما "
    "فيهم بين بينما بعد بعض بعيدا بل سوف سوى وهو وهي ولا".split()
)
_PREFIXES = tuple(
    sorted(
        {c + p for c in ("", *CONJUNCTIONS) for p in ("", *PARTICLES)} - {""},
        key=len,
        reverse=True,
    )
)
_PREFIXES_BY_INITIAL = {letter: tuple(p for p in _PREFIXES if p[0] == letter) for letter in {p[0] for p in _PREFIXES}}
_SUFFIXES_BY_FINAL = {letter: tuple(s for s in SUFFIXES if s[-1] == letter) for letter in {s[-1] for s in SUFFIXES}}
CHUNK_CACHE_LIMIT = 40_000  # chunks the tokeniser remembers, per generation (cache.py says why so few)
# a chunk's tokens relative to the chunk: (start, end, kind, stem_start, stem_end) each (kind: a TokenKind)
Relative = tuple[tuple[int, int, Any, int, int], ...]
MIN_STEM = 3  # two-letter rests are too often letters of the word itself: ورد، ولي، وطن


def light_form(word: str) -> str:
    """A word without diacritics, tatweel or invisible marks; hamza and alef forms are kept.

    >>> light_form("وَقَالَ")
    'وقال'
    """
    return word.translate(_LIGHT_TABLE)


def load_vocab(path: Path | None = None) -> dict[str, int]:
    """Read ``form TAB count`` lines (gzip) into a dict; the shipped list when ``path`` is None."""
    source = path or resources.files("khabar") / "resources" / "vocab.tsv.gz"
    try:
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
            return {form: int(count) for form, count in (line.rstrip("\n").split("\t") for line in lines)}
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot read the word-frequency list {source}: {exc}") from exc


@dataclass(slots=True)
class CliticSplitter:
    """Find the stem of an Arabic word token: ``split("بالموصل") == (1, 7)`` (prefix ب, no suffix).

    ``ratio``: the rest must be at least this share as frequent as the whole form;
    ``min_count``: and seen at least this often.
    """

    vocab: dict[str, int]
    ratio: float = 0.5
    min_count: int = 5
    # the tokeniser's memo: a chunk of text between spaces (or a word within one) -> its tokens, relative to it
    chunks: RecentCache[str, Relative] = field(
        default_factory=lambda: RecentCache(CHUNK_CACHE_LIMIT), repr=False)

    def split(self, token: str) -> tuple[int, int]:
        """Return ``(stem_start, stem_end)`` as offsets into ``token`` (raw, diacritics included).

        Worked out on every call: the tokeniser remembers the tokens of the chunks it has seen (``chunks``),
        words included, so each word is split once in a long while.
        """
        light = token if TATWEEL not in token and token.isalpha() else light_form(token)  # isalpha: no marks
        if len(light) < 3 or light in NEVER_SPLIT:
            return 0, len(token)
        prefix = self._prefix_length(light)
        suffix = self._suffix_length(light[prefix:])
        start, end = prefix, len(light) - suffix
        if len(light) == len(token):
            return start, end
        return _raw_offsets(token, start, end)

    def _count(self, form: str) -> int:
        return self.vocab.get(form, 0)

    def _prefix_length(self, light: str) -> int:
        prefixes = _PREFIXES_BY_INITIAL.get(light[0], ())
        whole = self._count(light) if prefixes else 0
        for prefix in prefixes:
            rest = light[len(prefix) :]
            if not light.startswith(prefix) or len(rest) < MIN_STEM:
                continue
            if prefix.endswith("س") and rest[0] not in IMPERFECT_PREFIXES:
                continue
            if self._is_word(rest, whole) or self._is_definite_rest(prefix, rest, whole):
                return len(prefix)
        return 0

    def _is_word(self, rest: str, whole: int) -> bool:
        count = self._count(rest)
        return count >= self.min_count and count + 1 >= self.ratio * (whole + 1)

    def _is_definite_rest(self, prefix: str, rest: str, whole: int) -> bool:
        # و/ف/ب/ك + ال...: reliable even for rare words, unless the whole form is itself common (والد).
        if prefix[-1] == "ل" and rest.startswith("ل") and len(rest) >= 4:
            # ل + ال writes لل: "للصحفيين" is ل + (ا)لصحفيين when "الصحفيين" is a word
            return self._count("ا" + rest) >= self.min_count
        if not rest.startswith(ARTICLE) or len(rest) < 4 or prefix[-1] in "لس":
            return False
        return whole <= 5 * self._count(rest) + 5

    def _suffix_length(self, stem: str) -> int:
        if stem.startswith(ARTICLE):
            return 0  # a definite noun takes no possessive pronoun
        suffixes = _SUFFIXES_BY_FINAL.get(stem[-1], ()) if stem else ()
        whole = self._count(stem) if suffixes else 0
        for suffix in suffixes:
            base = stem[: -len(suffix)]
            if not stem.endswith(suffix) or len(base) < 3:
                continue
            candidates = (base, base[:-1] + "ة") if base.endswith("ت") else (base,)
            if any(self._is_word(form, whole) for form in candidates):
                return len(suffix)
        return 0


def _raw_offsets(token: str, light_start: int, light_end: int) -> tuple[int, int]:
    """Map stem offsets in the light form back to the raw token (skipping diacritics and tatweel)."""
    kept = [i for i, char in enumerate(token) if ord(char) not in _LIGHT_TABLE]
    start = kept[light_start] if light_start < len(kept) else 0
    end = kept[light_end - 1] + 1 if light_end > 0 else len(token)
    # diacritics written on the stem's last letter belong to the stem
    while end < len(token) and ord(token[end]) in _LIGHT_TABLE:
        end += 1
    return start, max(end, start + 1)
