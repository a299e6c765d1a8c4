"""Corpus loaders on tiny inline samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.training import conll

ANERCORP_SAMPLE = """فرانكفورت B-LOC
(د O
أعلن\tO
اتحاد B-ORG
صناعة I-ORG

ألمانيا B-PERS
"""

AQMAR_SAMPLE = """\u200eالبندقيين B-PER
القسطنطينية B-LOC
يورو B-MIS
2008 I-MIS
"""

WOJOOD_SAMPLE = """روسيا B-ORG
مجلس B-ORG
الأمن I-ORG
الأسد I-ORG B-PERS
1987 B-DATE
$#$ O
نابلس B-GPE
"""


def test_anercorp_sentences_and_tag_renaming() -> None:
    sentences = list(conll.parse_anercorp(ANERCORP_SAMPLE.splitlines()))
    assert len(sentences) == 2
    assert sentences[0][0] == ("فرانكفورت", "B-LOC")
    assert sentences[0][2] == ("أعلن", "O")
    assert sentences[1] == [("ألمانيا", "B-PER")]


def test_aqmar_mis_becomes_misc_and_marks_are_stripped() -> None:
    sentence = next(conll.parse_aqmar(AQMAR_SAMPLE.splitlines()))
    assert sentence[0] == ("البندقيين", "B-PER")
    assert [tag for _, tag in sentence[2:]] == ["B-MISC", "I-MISC"]


def test_wojood_outer_layer_mapped_and_paragraph_marks_dropped() -> None:
    sentence = next(conll.parse_wojood(WOJOOD_SAMPLE.splitlines()))
    tokens = [token for token, _ in sentence]
    assert "$#$" not in tokens
    assert dict(sentence) == {"روسيا": "B-ORG", "مجلس": "B-ORG", "الأمن": "I-ORG", "الأسد": "I-ORG",
                              "1987": "O", "نابلس": "B-LOC"}


@pytest.mark.parametrize(("tag", "expected"), [("B-PERS", "B-PER"), ("I-MISC", "I-MISC"), ("O", "O"),
                                                 ("B-DATE", "O"), ("X-PERS", "O"), ("garbage", "O")])
def test_map_tag(tag: str, expected: str) -> None:
    assert conll.map_tag(tag, conll.ANERCORP_TYPES) == expected


def test_repair_bio_turns_orphan_inside_into_begin() -> None:
    repaired = conll.repair_bio([("a", "O"), ("b", "I-LOC"), ("c", "I-LOC"), ("d", "I-PER")])
    assert [tag for _, tag in repaired] == ["O", "B-LOC", "I-LOC", "B-PER"]


def test_read_file_and_guess_parser(tmp_path: Path) -> None:
    path = tmp_path / "aqmar_test.txt"
    path.write_text(AQMAR_SAMPLE, encoding="utf-8")
    sentences = conll.read_file(path, conll.guess_parser(path))
    assert conll.count_tokens(sentences) == 4


def test_trailing_sentence_without_blank_line() -> None:
    assert len(list(conll.parse_anercorp(["a O", "b B-LOC"]))) == 1


DATA = Path("/work/shared/data")


@pytest.mark.skipif(not (DATA / conll.ANERCORP_TRAIN).exists(), reason="needs /work/shared/data (ANERcorp)")
def test_real_anercorp_counts() -> None:
    sentences = conll.load_anercorp(DATA, "test")
    assert conll.count_tokens(sentences) == 25_008
    tags = {tag for sentence in sentences for _, tag in sentence}
    assert tags <= {"O"} | {f"{p}-{t}" for p in "BI" for t in conll.ENTITY_TYPES}
