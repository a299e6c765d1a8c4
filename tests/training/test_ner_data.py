"""The neural NER's training data: retokenising, BILOU, NewsFANE's train part, gold projected on tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.entities.neural import to_bio
from khabar.training import conll, ner_data
from khabar.training.ner_data import AlignmentError, newsfane_train_part, project_gold, segmented, to_bilou

TAGS = st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]), max_size=12)


def test_retokenise_cuts_as_khabar_does_and_keeps_the_entity() -> None:
    assert ner_data.retokenise([("(د", "B-ORG"), ("ب", "I-ORG"), ("أ)", "I-ORG")]) == [
        ("(", "O"), ("د", "B-ORG"), ("ب", "I-ORG"), ("أ", "I-ORG"), (")", "O")]
    assert ner_data.retokenise([("المقبل،", "O"), ("بـ34.3", "O")]) == [("المقبل", "O"), ("،", "O"), ("بـ", "O"), ("34.3", "O")]
    assert ner_data.retokenise([("واشنطن،", "B-LOC"), ("قال", "O")]) == [("واشنطن", "B-LOC"), ("،", "O"), ("قال", "O")]


@given(TAGS)
def test_bilou_keeps_the_spans_of_bio(tags: list[str]) -> None:
    bilou = to_bilou(tags)
    assert len(bilou) == len(tags)
    assert to_bio(bilou) == to_bio(to_bilou(to_bio(bilou)))
    assert conll.repair_bio([("x", t) for t in to_bio(bilou)]) == conll.repair_bio([("x", t) for t in tags])


def test_bilou_examples() -> None:
    assert to_bilou(["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]) == [
        "B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-LOC", "L-LOC"]


def test_newsfane_types_map_onto_the_four() -> None:
    lines = ["\u200eفرانكفورت\tB-Population-Center", "اتحاد\tB-Government", "ميسي\tB-Athlete", "الطائرة\tB-Air",
             "الفلسطينيين\tB-Group", "\t", "x\tB-Unknown"]
    first, second = ner_data.parse_newsfane(lines)
    assert [tag for _, tag in first] == ["B-LOC", "B-ORG", "B-PER", "B-MISC", "O"]
    assert second == [("x", "O")]


def _sentence(text: str, tag: str = "O") -> list[tuple[str, str]]:
    return [(word, tag) for word in text.split()]


def test_newsfane_keeps_train_sentences_only() -> None:
    train = [_sentence("أعلن اتحاد صناعة السيارات في ألمانيا امس ان الشركات تواجه عاما صعبا"),
             _sentence("وقال المتحدث باسم الحكومة ان المفاوضات ستستأنف الاسبوع المقبل في القاهرة")]
    test = [_sentence("أمر جلالة الملك عبدالله الثاني امس بتنفيذ حزمة من المشاريع التعليمية والصحية")]
    newsfane = [_sentence("اعلن اتحاد صناعة السيارات في المانيا امس ان الشركات تواجه عاما صعبا", "B-ORG"),
                _sentence("امر جلالة الملك عبدالله الثاني امس بتنفيذ حزمة من المشاريع التعليمية والصحية"),
                _sentence("وقال المتحدث باسم الحكومة ان المفاوضات ستستانف الاسبوع المقبل في القاهرة")]
    kept = newsfane_train_part(newsfane, train, test)
    assert kept == [newsfane[0], newsfane[2]]  # spelling (hamza) differences do not matter; the test sentence goes
    with pytest.raises(AlignmentError):
        newsfane_train_part([_sentence("نص لا علاقة له بالمدونة على الاطلاق وهو اطول من ثلاثين حرفا بكثير")], train, test)


def test_gold_names_are_found_on_tokens_with_their_clitics() -> None:
    doc = segmented("t", "قال جان إيف لو دريان في باريس إن لو دريان سيزور بالمغرب. وأكدت فرنسا ذلك.")
    sentences = project_gold(doc, [("PER", ["جان إيف لو دريان", "لو دريان"]), ("LOC", ["المغرب", "باريس"]),
                                   ("LOC", ["فرنسا"])])
    tagged = [(token, tag) for sentence in sentences for token, tag in sentence if tag != "O"]
    assert tagged == [("جان", "B-PER"), ("إيف", "I-PER"), ("لو", "I-PER"), ("دريان", "I-PER"), ("باريس", "B-LOC"),
                      ("لو", "B-PER"), ("دريان", "I-PER"), ("بالمغرب", "B-LOC"), ("فرنسا", "B-LOC")]
    assert len(sentences) == 2


def test_the_check_half_is_never_training_data(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="check half"):
        ner_data.in_domain(tmp_path, ("dev2-ant-",))
    with pytest.raises(ValueError, match="check half"):
        ner_data.in_domain(tmp_path, ("dev2-",))


@pytest.mark.slow
def test_newsfane_train_part_shares_no_sentence_with_anercorp_test(data_dir: Path) -> None:
    newsfane = conll.read_file(data_dir / ner_data.NEWSFANE_FILE, ner_data.parse_newsfane)
    test = conll.load_anercorp(data_dir, "test")
    kept = ner_data.newsfane_train_part(newsfane, conll.load_anercorp(data_dir, "train"), test)
    assert len(kept) > len(newsfane) / 2
    test_letters = ner_data.letters(test)
    assert not any(ner_data.letters([sentence]) in test_letters for sentence in kept)


@pytest.mark.slow
def test_in_domain_articles_are_the_shippable_tune_half(eval_dir: Path) -> None:
    articles = ner_data.in_domain(eval_dir)
    assert articles and all(not key.startswith(("dev2-ant", "dev2-jaw", "dev2-sau")) for key in articles)
    tags = [tag for sentences in articles.values() for s in sentences for _, tag in s]
    assert sum(tag.startswith("B-") for tag in tags) > 100
