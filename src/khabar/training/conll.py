"""Loaders for the NER corpora khabar trains and evaluates on.

Every loader yields sentences as lists of ``(token, tag)`` pairs with flat BIO tags over the four
khabar types ``PER``, ``ORG``, ``LOC`` and ``MISC``:

* ANERcorp (CAMeL Lab split): ``token TAB-or-SPACE tag``; ``PERS`` becomes ``PER``.
* AQMAR: the same two columns; ``MIS`` becomes ``MISC``.
* Wojood (sample): nested; the first tag column is the outermost layer. Its 21 types are mapped onto
  the four khabar types (see ``WOJOOD_TYPES``); types that do not map (dates, numbers, occupations,
  nationalities and languages, which ANERcorp and khabar's gold leave untagged...) become ``O``. The ``$#$`` lines are paragraph markers and are dropped.
* NewsFANE: the ANERcorp text with fine types; ``fine_types`` maps them back to the coarse ones.

A blank line ends a sentence. Stray ``I-X`` tags (no ``B-X``/``I-X`` before them) are kept as they
are: the scorer treats them as ``B-X``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

Sentence = list[tuple[str, str]]

OUTSIDE = "O"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
PARAGRAPH_MARK = "$#$"
INVISIBLE = "\u200e\u200f\ufeff"

ANERCORP_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
AQMAR_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MIS": "MISC", "MISC": "MISC"}
WOJOOD_TYPES = {
    "PERS": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WEBSITE": "MISC",
}

ANERCORP_TRAIN = "ner/anercorp/ANERCorp_CamelLab_train.txt"
ANERCORP_TEST = "ner/anercorp/ANERCorp_CamelLab_test.txt"
AQMAR_SPLIT = "ner/aqmar/aqmar_{split}.txt"
WOJOOD_SPLIT = "ner/wojood_sample/wojood_sample_{split}.txt"


def map_tag(tag: str, types: dict[str, str]) -> str:
    """Map one BIO tag through a type table; an unknown type becomes ``O``.

    >>> map_tag("B-PERS", ANERCORP_TYPES)
    'B-PER'
    >>> map_tag("I-DATE", WOJOOD_TYPES)
    'O'
    """
    if tag == OUTSIDE or "-" not in tag:
        return OUTSIDE
    prefix, _, kind = tag.partition("-")
    mapped = types.get(kind)
    if mapped is None or prefix not in ("B", "I"):
        return OUTSIDE
    return f"{prefix}-{mapped}"


def read_columns(lines: Iterator[str] | list[str]) -> Iterator[list[list[str]]]:
    """Split CoNLL-style lines into sentences of column lists (blank line = boundary)."""
    sentence: list[list[str]] = []
    for raw in lines:
        columns = raw.strip().strip(INVISIBLE).split()
        columns = [column.strip(INVISIBLE) for column in columns]
        if not columns:
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append(columns)
    if sentence:
        yield sentence


def _two_columns(lines: Iterator[str] | list[str], types: dict[str, str]) -> Iterator[Sentence]:
    """Sentences from ``token tag`` lines (extra middle columns are ignored)."""
    for rows in read_columns(lines):
        sentence = [(row[0], map_tag(row[-1], types)) for row in rows if len(row) >= 2]
        if sentence:
            yield sentence


def parse_anercorp(lines: Iterator[str] | list[str]) -> Iterator[Sentence]:
    """ANERcorp sentences with ``PERS`` renamed ``PER``."""
    return _two_columns(lines, ANERCORP_TYPES)


def parse_aqmar(lines: Iterator[str] | list[str]) -> Iterator[Sentence]:
    """AQMAR sentences with ``MIS`` renamed ``MISC``."""
    return _two_columns(lines, AQMAR_TYPES)


def parse_wojood(lines: Iterator[str] | list[str]) -> Iterator[Sentence]:
    """Wojood sentences, outermost layer only, mapped to the four khabar types."""
    for rows in read_columns(lines):
        sentence = [
            (row[0], map_tag(row[1], WOJOOD_TYPES))
            for row in rows
            if len(row) >= 2 and row[0] != PARAGRAPH_MARK
        ]
        if sentence:
            yield repair_bio(sentence)


def repair_bio(sentence: Sentence) -> Sentence:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X`` (after type mapping)."""
    repaired: Sentence = []
    previous = OUTSIDE
    for token, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append((token, tag))
        previous = tag
    return repaired


def read_file(path: Path, parser: Callable[[Iterator[str]], Iterator[Sentence]]) -> list[Sentence]:
    """Read one corpus file with the given parser."""
    with path.open(encoding="utf-8-sig") as handle:
        return list(parser(handle))


def load_anercorp(data: Path, split: str) -> list[Sentence]:
    """ANERcorp CAMeL split ``train`` or ``test`` under a data root."""
    name = ANERCORP_TRAIN if split == "train" else ANERCORP_TEST
    return read_file(data / name, parse_anercorp)


def load_aqmar(data: Path, split: str) -> list[Sentence]:
    """AQMAR ``train``, ``dev`` or ``test`` under a data root."""
    return read_file(data / AQMAR_SPLIT.format(split=split), parse_aqmar)


def load_wojood(data: Path, split: str) -> list[Sentence]:
    """Wojood sample ``train``, ``val`` or ``test`` under a data root."""
    return read_file(data / WOJOOD_SPLIT.format(split=split), parse_wojood)


def guess_parser(path: Path) -> Callable[[Iterator[str]], Iterator[Sentence]]:
    """Pick a parser from a file name (AQMAR, Wojood, otherwise ANERcorp-style)."""
    name = path.name.lower()
    if "aqmar" in name:
        return parse_aqmar
    if "wojood" in name:
        return parse_wojood
    return parse_anercorp


def count_tokens(sentences: list[Sentence]) -> int:
    """Number of tokens in a list of sentences."""
    return sum(len(sentence) for sentence in sentences)
