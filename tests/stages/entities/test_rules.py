"""The name rules: known names, trimming, fitting places to the gazetteer — on real
sentences of Arabic news (ANT corpus, the dev articles' outlets and others)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import Document, Token, TokenKind
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities.mentions import Mention, tagged_mentions
from khabar.stages.entities.rules import (
    EntityRules,
    StemMemo,
    _stem_word,
    credits,
    known_name_mentions,
    repair_places,
    token_stems,
    trim,
)
from khabar.stages.entities.stage import tokens_by_sentence
from khabar.stages.segment.cache import RecentCache


def _sentences(text: str) -> tuple[Document, list[list[Token]]]:
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    return doc, tokens_by_sentence(doc.sentences, doc.tokens)


def _texts(text: str, mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in mentions]


def _mention(text: str, surface: str, label: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), label)


def test_known_names_are_found_without_their_clitics(rules: EntityRules) -> None:
    text = "وتواصل القوات العراقية مدعومة بالبيشمركة هجومها على داعش، بحسب وكالة فرانس برس وCNN."
    _, sentences = _sentences(text)
    found = _texts(text, known_name_mentions(text, sentences, rules))
    assert ("البيشمركة", "ORG") in found and ("داعش", "ORG") in found
    assert ("وكالة فرانس برس", "ORG") in found and ("CNN", "ORG") in found


def test_everyday_words_that_are_outlet_names_are_not_known_names(rules: EntityRules) -> None:
    text = "وقال مصدر في المدينة اليوم إن الشرق الأوسط يشهد توترا."
    _, sentences = _sentences(text)
    assert known_name_mentions(text, sentences, rules) == []


@pytest.mark.parametrize(("surface", "label"), [
    ("فيروس كورونا", "ORG"), ("كورونا", "PER"), ("بكوفيد", "ORG"), ("درهم", "LOC"),  # words that look like names
    ("الحكومة المغربية", "ORG"), ("المستشار الليبي", "PER"),  # a generic noun and a nationality
    ("حزب", "ORG"), ("الاتحاد", "ORG"),  # a head alone
    ("يابانيا", "LOC"), ("فرنسية", "ORG"), ("مصريا", "PER"),  # a nationality without the article
])
def test_mentions_that_name_no_one_are_dropped(rules: EntityRules, surface: str, label: str) -> None:
    text = f"وقال {surface} إن ذلك صحيح."
    assert trim(text, _mention(text, surface, label), rules) is None


@pytest.mark.parametrize(("surface", "label", "kept"), [
    ("الحكومة المغربية الجديدة", "ORG", "الحكومة المغربية الجديدة"),  # more than nationalities after it
    ("حزب الاستقلال", "ORG", "حزب الاستقلال"),
    ("العاصمة جوبا", "LOC", "جوبا"),
    ("الرئيس", "LOC", "الرئيس"),  # generic nouns go only with nationalities after them
    ("روسيا", "LOC", "روسيا"), ("ليبيا", "LOC", "ليبيا"),  # countries spelt as an accusative nisba
])
def test_names_around_those_words_stay(rules: EntityRules, surface: str, label: str, kept: str) -> None:
    text = f"وقال {surface} إن ذلك صحيح."
    trimmed = trim(text, _mention(text, surface, label), rules)
    assert trimmed is not None and text[trimmed.start : trimmed.end] == kept


def test_picture_credits_are_found() -> None:
    text = "هسبريس - محمد الراجي (صور: منير محيمدات)\nقال الوزير (كاريكاتير: عماد السنوني) و(المصدر: وزارة)."
    assert [text[a:b] for a, b in credits(text)] == ["(صور: منير محيمدات)", "(كاريكاتير: عماد السنوني)"]


@pytest.mark.parametrize(("surface", "label", "kept"), [
    ("داعش الإرهابي", "ORG", "داعش"),
    ("الموصل العراقية", "LOC", "الموصل"),
    ("آبي لدى", "PER", "آبي"),
    ("الولايات المتحدة الأمريكية", "LOC", "الولايات المتحدة الأمريكية"),
    ("القوات المسلحة", "ORG", "القوات المسلحة"),
])
def test_trim_drops_words_that_never_end_a_name(rules: EntityRules, surface: str, label: str, kept: str) -> None:
    text = f"قال التقرير إن {surface} كان حاضرا."
    trimmed = trim(text, _mention(text, surface, label), rules)
    assert trimmed is not None and text[trimmed.start : trimmed.end] == kept


def test_trim_of_nothing_but_function_words_is_none(rules: EntityRules) -> None:
    text = "قال إنه في الطريق"
    assert trim(text, _mention(text, "في", "LOC"), rules) is None


@pytest.mark.parametrize(("sentence", "tagged", "fitted"), [
    ("ووصل الرئيس إلى أديس أبابا صباح الأحد.", "أديس", "أديس أبابا"),
    ("مسؤول روسي: ربما سممت لندن الجاسوس لتبرير ميزانية الجيش", "لندن الجاسوس", "لندن"),
    ("وبدأت حملة لطرد مسلحي التنظيم من الموصل شمالي العراق.", "الموصل", "الموصل"),
])
def test_places_are_fitted_to_the_gazetteer(rules: EntityRules, sentence: str, tagged: str, fitted: str) -> None:
    _, sentences = _sentences(sentence)
    (mention,) = repair_places(sentence, sentences, [_mention(sentence, tagged, "LOC")], rules)
    assert sentence[mention.start : mention.end] == fitted


def test_tagged_mentions_are_cut_at_inner_quotation_marks() -> None:
    text = 'وقالت منظمة "هيومن رايتس ووتش" إن الاعتقالات تعسفية.'
    _, sentences = _sentences(text)
    (tokens,) = sentences
    words = [text[t.start : t.end] for t in tokens]
    first, last = words.index("منظمة"), words.index("ووتش")
    labels = [["B-ORG" if i == first else "I-ORG" if first < i <= last else "O" for i in range(len(tokens))]]
    (mention,) = tagged_mentions(sentences, labels, text)
    assert text[mention.start : mention.end] == "هيومن رايتس ووتش"


def test_a_known_place_inside_a_longer_name_defers_to_it() -> None:
    from khabar.stages.entities import EntityTagger

    class NoTags:
        def tag_many(self, sentences):  # type: ignore[no-untyped-def]
            return [["O"] * len(s) for s in sentences]

    stage = EntityTagger.load()
    stage = EntityTagger(NoTags(), stage.heads, stage.roles.titles, stage.outlets, stage.rules)
    text = "وقال أستاذ في جامعة الموصل إن الوضع في الموصل هادئ."
    doc, _ = _sentences(text)
    found = {(doc.text_of(m), e.label) for e in stage.find(doc) for m in e.mentions}
    assert ("جامعة الموصل", "ORG") in found and ("الموصل", "LOC") in found


def test_a_name_after_lam_lam_keeps_the_whole_token(rules: EntityRules) -> None:
    # "للعراق": the article's alef is not written, so no substring is "العراق"; score.py reads "لل" as "ال"
    text = "وقال إن الحظر سبب خسائر للعراق وللموصل."
    _, sentences = _sentences(text)
    found = _texts(text, known_name_mentions(text, sentences, rules))
    assert ("للموصل", "LOC") in found


def test_a_proclitic_glued_to_an_unknown_place_is_dropped(rules: EntityRules) -> None:
    text = "وزار الوفد فرنسا وباريس أمس."
    _, sentences = _sentences(text)
    mention = _mention(text, "وباريس", "LOC")
    (fitted,) = repair_places(text, sentences, [mention], rules)
    assert text[fitted.start : fitted.end] in ("باريس",)


def test_token_stems_are_each_word_tokens_stem_word() -> None:
    text = "وللعراق وبالموصل، قال CNN إن 2014 «للمرة» الأولى لل ـ"
    _, sentences = _sentences(text)
    expected = [[_stem_word(text, t) if t.kind.value in ("word", "latin") else "" for t in tokens] for tokens in sentences]
    assert token_stems(text, sentences) == expected
    assert expected[0][0] == "العراق"  # "لل": the article given back its alef


def test_remembered_stems_are_the_stems_worked_out() -> None:
    memo: StemMemo = RecentCache(3)  # small: the generations turn over within the texts
    texts = ["وللعراق وبالموصل، قال CNN إن 2014 «للمرة» الأولى", "العراق للعراق وللعراق؛ بالموصل الموصل وللمرة", "وللعراق"]
    for text in texts * 2:
        _, sentences = _sentences(text)
        expected = [[_stem_word(text, t) if t.kind.value in ("word", "latin") else "" for t in tokens] for tokens in sentences]
        assert token_stems(text, sentences, memo, compiled=False) == expected
        assert token_stems(text, sentences, compiled=True) == expected


STEM_TEXT = st.text(st.sampled_from("للوبالموصلأإآةىیَّـ‏ﻻﷺﺎ😀٣۴AbZ x،«»"), max_size=14)


@settings(max_examples=300, deadline=None)
@given(STEM_TEXT, st.data())
def test_the_compiled_stems_are_the_python_ones_on_any_tokens(text: str, data: st.DataObject) -> None:
    """Any token ranges over text with marks, presentation forms (one of 18 letters), characters beyond the
    BMP, capitals and a "ل" before a "ل" stem: the C stems are those of ``_stem_word``."""
    kinds = [TokenKind.WORD, TokenKind.LATIN, TokenKind.PUNCT, TokenKind.NUMBER]
    tokens = []
    for _ in range(data.draw(st.integers(0, 6))):
        start, stem_start, end = sorted(data.draw(st.tuples(*[st.integers(0, len(text))] * 3)))
        tokens.append(Token(start, end, data.draw(st.sampled_from(kinds)), stem_start, end))
    sentences = [tokens[:2], tokens[2:]]
    assert token_stems(text, sentences, compiled=True) == token_stems(text, sentences, compiled=False)


def test_the_compiled_stems_refuse_tokens_outside_the_text() -> None:
    from khabar.stages.entities._features import rule_stems
    from khabar.stages.normalise import CODE_MAP, EXPANSIONS

    kinds = frozenset({TokenKind.WORD})
    with pytest.raises(ValueError, match="outside the text"):
        rule_stems("قال", [[Token(0, 9, TokenKind.WORD, 0, 9)]], kinds, CODE_MAP, EXPANSIONS)
    with pytest.raises(ValueError, match="outside the text"):
        rule_stems("قال", [[Token(2, 3, TokenKind.WORD, 1, 3)]], kinds, CODE_MAP, EXPANSIONS)
    with pytest.raises(TypeError, match="Token tuples"):
        rule_stems("قال", [[(0, 3)]], kinds, CODE_MAP, EXPANSIONS)
    with pytest.raises(ValueError, match="65,536 uint32"):
        rule_stems("قال", [], kinds, CODE_MAP[:10], EXPANSIONS)
    with pytest.raises(TypeError, match="word_kinds must be a set"):
        rule_stems("قال", [], [TokenKind.WORD], CODE_MAP, EXPANSIONS)  # type: ignore[arg-type]
    assert max(map(len, EXPANSIONS.values())) <= 18  # the C buffer's room per character (MAX_EXPANSION)


def test_a_lam_before_a_token_is_no_proclitic_of_it() -> None:
    """The alef comes back only after a proclitic "ل" of the token itself, not after a "ل" ending the word before."""
    text = "قال لل"
    sentences = [[Token(0, 3, TokenKind.WORD, 0, 3), Token(5, 6, TokenKind.WORD, 5, 6), Token(4, 6, TokenKind.WORD, 5, 6)]]
    for compiled in (True, False):
        assert token_stems(text, sentences, compiled=compiled) == [["قال", "ل", "ال"]]


def test_stems_keep_characters_beyond_the_table_and_expand_ligatures() -> None:
    text = "وA\U0001f600\ufdfa\u0651ـلا"
    sentences = [[Token(0, len(text), TokenKind.WORD, 1, len(text))]]
    for compiled in (True, False):
        assert token_stems(text, sentences, compiled=compiled) == [["a\U0001f600صلي الله عليه وسلملا"]]


@pytest.mark.parametrize(("sentence", "tagged", "kept"), [
    ("وقالت المنظمة إن الحد الأقصى خمسة.", "المنظمة إن الحد الأقصى", None),  # a head alone is no name
    ("وأطلقت مؤسسة هذه المبادرة أمس.", "مؤسسة هذه المبادرة", None),
    ("وقال حزب الاستقلال إن الحكومة فشلت.", "حزب الاستقلال إن الحكومة", "حزب الاستقلال"),
])
def test_a_name_ends_before_a_complementiser_or_demonstrative(rules: EntityRules, sentence: str, tagged: str,
                                                             kept: str | None) -> None:
    found = trim(sentence, _mention(sentence, tagged, "ORG"), rules)
    assert (sentence[found.start : found.end] if found is not None else None) == kept


def test_the_preposition_doon_is_no_place(rules: EntityRules) -> None:
    sentence = "ودعاه لزيارة الجزائر دون تحديد موعد."
    assert trim(sentence, _mention(sentence, "دون", "LOC"), rules) is None


def test_a_gazetteer_name_keeps_its_nationality_when_asked(rules: EntityRules) -> None:
    sentence = "وفي الأراضي الفلسطينية منذ العام 2015."
    mention = _mention(sentence, "الأراضي الفلسطينية", "LOC")
    kept = trim(sentence, mention, rules, adjectives=False)
    assert kept is not None and sentence[kept.start : kept.end] == "الأراضي الفلسطينية"


def test_a_known_name_may_end_in_a_number(rules: EntityRules) -> None:
    sentence = "وكشف الشاب أنه ينحدر من أسرة فقيرة. (فرانس 24)"
    _, sentences = _sentences(sentence)
    assert ("فرانس 24", "ORG") in _texts(sentence, known_name_mentions(sentence, sentences, rules))


