"""Tell attached clitics from a word's own letters, with corpus frequencies as the judge.

Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future marker (س) and object or
possessive pronouns (ه ها هم ...) attached to the word. "بالموصل" is ب + الموصل but "باريس" is one
word; "ولبنان" is و + لبنان but "وزير" is one word. Without a morphological analyser (khabar ships
none), the news itself decides: a prefix is split off when the rest is a word the corpus knows about as
well as the whole form. The definite article ال stays in the stem: names such as "الموصل" include it.

khabar's one clitic splitter: one inventory of clitics and one set of rules (``proclitic_lengths``,
``article_length``, the minimum stems), used two ways. ``CliticSplitter`` judges the candidates by the
corpus (the tokens' stems); ``strip_clitics``/``stem_candidates`` take them by the rules alone, the article
included (the NER's features, and look-ups in name lists). The C tokeniser (``_layout.c``) reads the same
rules as data (``CLITIC_RULES``).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.stages.normalise import LIGHT, TATWEEL, light_form
from khabar.stages.segment.cache import RecentCache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"  # only before an imperfect verb: سيكون، ستقوم
PARTICLES = (*PREPOSITIONS, FUTURE)
IMPERFECT_PREFIXES = "يتنأ"
SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")  # longest first; ي and ك are too ambiguous
ARTICLE = "ال"
LAM = ARTICLE[1]
FEMININE = ("ت", "ة")  # a feminine noun's ة is written ت before a suffix: حكومتها
MIN_STEM = 3  # letters left by a one-letter clitic or before a suffix: two are too often the word's own (ورد، ولي، وطن)
MIN_DEFINITE_STEM = 2  # letters left by the article, ال or the ل of ل + ال (للحق): الحق، الدم، اليد
DEFINITE_DOMINANCE = 5  # و/ف/ب/ك + ال... splits unless the whole form is over this many times as common (والد)
# Closed-class words whose first letter looks like a clitic but is not one.
NEVER_SPLIT = frozenset(
    "كان كانت كانوا كانا كل كلا كلما لكن لكنه لكنها لدى لدي لقد لأن لان لما لهذا فقط فيه فيها فيما "
    "فيهم بين بينما بعد بعض بعيدا بل سوف سوى وهو وهي ولا".split()
)
# The rules as data, for the C tokeniser (_layout.c reads nothing else of them):
CLITIC_RULES = ("".join(CONJUNCTIONS), "".join(PARTICLES), FUTURE, IMPERFECT_PREFIXES, ARTICLE, SUFFIXES,
                "".join(FEMININE), MIN_STEM, MIN_DEFINITE_STEM, DEFINITE_DOMINANCE)
CHUNK_CACHE_LIMIT = 40_000  # chunks the tokeniser remembers, per generation (cache.py says why so few)
# a chunk's tokens relative to the chunk: (start, end, kind, stem_start, stem_end) each (kind: a TokenKind)
Relative = tuple[tuple[int, int, Any, int, int], ...]
# Bounded memos of the rules-only splits (the NER's features ask for every new word form): 49-54% found at
# 2**14 over articles 3,000-4,000 of a long run.
SPLIT_CACHE_SIZE = 1 << 14


def proclitic_lengths(word: str, *, future: bool = True) -> tuple[int, ...]:
    """The lengths of the proclitics the rules allow at the start of ``word``, longest first.

    A conjunction, a particle, or both, each leaving ``MIN_STEM`` letters; the future س only before an
    imperfect prefix, and only when ``future`` (without corpus counts to judge, سيارة and سنة would lose
    their first letter). Which of them is a clitic is for the caller to judge.

    >>> proclitic_lengths("وبالموصل"), proclitic_lengths("سيكون"), proclitic_lengths("سيكون", future=False)
    ((2, 1), (1,), ())
    """
    particles = PARTICLES if future else PREPOSITIONS
    lengths = []
    if word[:1] in CONJUNCTIONS and word[1:2] in particles:
        lengths.append(2)
    if word[:1] in CONJUNCTIONS or word[:1] in particles:
        lengths.append(1)
    return tuple(n for n in lengths if len(word) - n >= MIN_STEM
                 and (word[n - 1] != FUTURE or word[n] in IMPERFECT_PREFIXES))


def article_length(rest: str, *, after_lam: bool) -> int:
    """The letters of the article at the start of ``rest``: 2 for ال, 1 for the ل left of it after the
    preposition ل (ل + الحكومة is written للحكومة), else 0; ``MIN_DEFINITE_STEM`` letters must remain.

    >>> article_length("الموصل", after_lam=False), article_length("لحكومه", after_lam=True)
    (2, 1)
    """
    length = 1 if after_lam and rest.startswith(LAM) else 2 if rest.startswith(ARTICLE) else 0
    return length if length and len(rest) - length >= MIN_DEFINITE_STEM else 0


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def strip_clitics(word: str) -> tuple[str, str]:
    """Split a normalised word into (proclitics, stem) by the rules alone: the longest proclitics, then the article.

    No corpus judges here (the NER's features: the CRF learns how far to trust them), so the future س is
    never stripped; ``CliticSplitter`` judges the same candidates by the corpus.

    >>> strip_clitics("وبالموصل")
    ('وبال', 'موصل')
    >>> strip_clitics("للحكومه")
    ('لل', 'حكومه')
    >>> strip_clitics("ولبنان")
    ('ول', 'بنان')
    """
    forms = stem_candidates(word)
    stem = forms[-1]
    return word[: len(word) - len(stem)], stem


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def stem_candidates(word: str) -> tuple[str, ...]:
    """Every form of a normalised word after stripping 0..all proclitics by the rules, longest first.

    Used for dictionary look-ups (gazetteers, vocabulary), where the greedy split can be wrong; after the
    ل of ل + ال, the form with its article written whole comes before the bare stem.

    >>> stem_candidates("ولبنان"), stem_candidates("وللحكومه")
    (('ولبنان', 'لبنان', 'بنان'), ('وللحكومه', 'للحكومه', 'الحكومه', 'حكومه'))
    """
    lengths = proclitic_lengths(word, future=False)
    prefix = lengths[0] if lengths else 0
    forms = [word[k:] for k in range(prefix + 1)]
    rest = forms[-1]
    article = article_length(rest, after_lam=prefix > 0 and word[prefix - 1] == LAM)
    if article == 1:  # ل + ال: the definite noun (written whole) and its stem stand for what follows the ل
        return (*forms[:-1], ARTICLE + rest[1:], rest[1:])
    return (*forms, rest[article:]) if article else tuple(forms)


def load_vocab(path: Path | None = None) -> dict[str, int]:
    """Read ``form TAB count`` lines (gzip) into a dict; the shipped list when ``path`` is None."""
    source = path or resources.files("khabar") / "resources" / "vocab.tsv.gz"
    try:
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
            return {form: int(count) for form, count in (line.rstrip("\n").split("\t") for line in lines)}
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot read the word-frequency list {source}: {exc}") from exc


@lru_cache(maxsize=1)
def shipped_vocab() -> dict[str, int]:
    """The shipped word-frequency list, read once per process and shared by whoever asks (the splitter,
    the search for names after titles). Nobody may change it."""
    return load_vocab()


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
        plain = TATWEEL not in token and token.isalpha()  # isalpha: no marks, so the token is its light form
        light = token if plain else light_form(token)
        if len(light) < MIN_STEM or light in NEVER_SPLIT:
            return 0, len(token)
        prefix = self._prefix_length(light)
        suffix = self._suffix_length(light[prefix:])
        start, end = prefix, len(light) - suffix
        return (start, end) if plain else LIGHT.view(token).original_span(start, end)

    def _count(self, form: str) -> int:
        return self.vocab.get(form, 0)

    def _prefix_length(self, light: str) -> int:
        lengths = proclitic_lengths(light)
        whole = self._count(light) if lengths else 0
        for length in lengths:
            rest = light[length:]
            if self._is_word(rest, whole) or self._is_definite_rest(light[length - 1], rest, whole):
                return length
        return 0

    def _is_word(self, rest: str, whole: int) -> bool:
        count = self._count(rest)
        return count >= self.min_count and count + 1 >= self.ratio * (whole + 1)

    def _is_definite_rest(self, clitic: str, rest: str, whole: int) -> bool:
        # و/ف/ب/ك + ال...: reliable even for rare words, unless the whole form is itself common (والد).
        article = article_length(rest, after_lam=clitic == LAM)
        if article == 1:  # ل + ال writes لل: "للصحفيين" is ل + (ا)لصحفيين when "الصحفيين" is a word
            return self._count(ARTICLE[0] + rest) >= self.min_count
        if article != 2 or clitic in (LAM, FUTURE):
            return False
        return whole <= DEFINITE_DOMINANCE * self._count(rest) + DEFINITE_DOMINANCE

    def _suffix_length(self, stem: str) -> int:
        if stem.startswith(ARTICLE):
            return 0  # a definite noun takes no possessive pronoun
        suffixes = _SUFFIXES_BY_FINAL.get(stem[-1], ()) if stem else ()
        whole = self._count(stem) if suffixes else 0
        written, feminine = FEMININE
        for suffix in suffixes:
            base = stem[: -len(suffix)]
            if not stem.endswith(suffix) or len(base) < MIN_STEM:
                continue
            candidates = (base, base[:-1] + feminine) if base.endswith(written) else (base,)
            if any(self._is_word(form, whole) for form in candidates):
                return len(suffix)
        return 0


_SUFFIXES_BY_FINAL = {letter: tuple(s for s in SUFFIXES if s[-1] == letter) for letter in {s[-1] for s in SUFFIXES}}
