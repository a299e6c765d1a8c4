"""Repairs to the tagger's mentions (``stages/entities/repairs.py``), on invented sentences of news."""

from __future__ import annotations

import pytest

from khabar.model import Document, Token
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities.coref import Cluster, name_words
from khabar.stages.entities.mentions import Mention
from khabar.stages.entities.repairs import (
    COPY,
    CUE,
    copied_mentions,
    designated_places,
    merge_spellings,
    person_edges,
    quoted_works,
    split_coordinated,
    team_mentions,
    without_known_prefix,
)
from khabar.stages.entities.rules import EntityRules


def _tokens(text: str) -> list[Token]:
    return list(Pipeline(core_stages())(Document(id="t", text=text)).tokens)


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), label)


def _names(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in mentions]


@pytest.mark.parametrize(("text", "name", "label", "pieces"), [
    ("والتقى كيم وترامب في سنغافورة.", "كيم وترامب", "PER", ["كيم", "ترامب"]),
    ("وسجلت ولايات صفاقس وتوزر وبن عروس حالات.", "صفاقس وتوزر وبن عروس", "LOC", ["صفاقس", "توزر", "بن عروس"]),
    ("زار البوسنة والهرسك الأسبوع الماضي.", "البوسنة والهرسك", "LOC", ["البوسنة والهرسك"]),  # one gazetteer name
    ("وقال فريديريك ويلي إن الحكومة ستقرر.", "فريديريك ويلي", "PER", ["فريديريك ويلي"]),  # "ويلي" is a name
])
def test_coordinated_names_are_cut_at_the_conjunction(rules: EntityRules, text: str, name: str, label: str,
                                                      pieces: list[str]) -> None:
    found = split_coordinated(text, _tokens(text), [_mention(text, name, label)], rules)
    assert _names(text, found) == [(piece, label) for piece in pieces]


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("وقال بافل دوروف مؤسس تليغرام إن التطبيق آمن.", "بافل دوروف مؤسس تليغرام", "بافل دوروف"),
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره.", "الروسي فلاديمير بوتين", "فلاديمير بوتين"),
    ("وقال إسماعيل ولد الشيخ أحمد إن المحادثات مستمرة.", "إسماعيل ولد الشيخ أحمد", "إسماعيل ولد الشيخ أحمد"),
    ("وقال محمد المصري إن المحادثات مستمرة.", "محمد المصري", "محمد المصري"),  # a surname that is a nisba
])
def test_person_edges(rules: EntityRules, text: str, name: str, kept: str) -> None:
    found = person_edges(text, _mention(text, name, "PER"), rules)
    assert found is not None and text[found.start : found.end] == kept


@pytest.mark.parametrize(("text", "name"), [
    ("بعد تسمم جاسوس روسي وابنته.", "جاسوس روسي"),
    ("وعثر على الجاسوس الروسي فاقدا الوعي.", "الجاسوس الروسي"),
    ("أصبح شاب باكستاني مشهورا.", "باكستاني"),
])
def test_a_noun_and_its_nationality_name_no_one(rules: EntityRules, text: str, name: str) -> None:
    assert person_edges(text, _mention(text, name, "PER"), rules) is None


def test_a_quoted_work_after_a_work_noun_is_misc() -> None:
    text = 'ونال الجائزة عن كتابه "حديقة الغروب" العام الماضي، وقابل "حديقة الغروب" ثانية.'
    first = _mention(text, "حديقة الغروب", "PER")
    found = quoted_works(text, _tokens(text), [first])
    assert [(m.label, m.source) for m in found] == [("MISC", CUE)]


def test_a_place_after_a_team_word_is_an_organisation() -> None:
    text = "وقاد اللاعب فريقه برشلونة إلى الفوز في برشلونة."
    first = _mention(text, "برشلونة", "LOC")
    last = Mention(text.rindex("برشلونة"), text.rindex("برشلونة") + len("برشلونة"), "LOC")
    found = team_mentions(text, _tokens(text), [first, last])
    assert [(m.label, m.source) for m in found] == [("ORG", CUE), ("LOC", "ner")]


def test_a_person_mention_opening_with_a_known_company_starts_after_it() -> None:
    text = "وشهد مؤسس موقع فايسبوك مارك زوكربرغ أمام البرلمان."
    run_on, company = _mention(text, "فايسبوك مارك زوكربرغ", "PER"), _mention(text, "فايسبوك", "ORG")
    found = without_known_prefix(text, [run_on], [company])
    assert _names(text, found) == [("مارك زوكربرغ", "PER")]


def test_a_name_tagged_once_is_found_where_the_article_repeats_it(rules: EntityRules) -> None:
    from khabar.stages.entities.rules import token_stems
    from khabar.stages.entities.stage import tokens_by_sentence

    text = "وقال زوكربرغ إن الشركة آسفة. وأضاف لزوكربرغ مساعده أن البنك المركزي تدخل، ثم عاد البنك المركزي."
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    tagged = [_mention(text, "زوكربرغ", "PER"), _mention(text, "البنك المركزي", "ORG")]
    found = copied_mentions(text, sentences, token_stems(text, sentences), tagged, rules, {})
    # the person where no mention is yet (after a proclitic too); a head and its adjective is a description
    assert [(m.start, m.label, m.source) for m in found] == [(text.index("زوكربرغ مساعده"), "PER", COPY)]


def test_an_everyday_word_tagged_as_a_name_is_copied_nowhere(rules: EntityRules) -> None:
    from khabar.stages.entities.rules import token_stems
    from khabar.stages.entities.stage import tokens_by_sentence

    text = "ووصل دون تأخير، وغادر دون وداع."
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    found = copied_mentions(text, sentences, token_stems(text, sentences), [_mention(text, "دون", "LOC")], rules,
                            {"دون": 100_000})
    assert found == []


def test_a_country_named_as_an_adjective_after_a_definite_noun_is_not_copied(rules: EntityRules) -> None:
    from khabar.stages.entities.rules import token_stems
    from khabar.stages.entities.stage import tokens_by_sentence

    text = "زار الوزير السعودية أمس. واعتقلت السلطات السعودية ناشطا، وقالت إن السعودية ترحب."
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    found = copied_mentions(text, sentences, token_stems(text, sentences), [_mention(text, "السعودية", "LOC")], rules, {})
    # "السلطات السعودية": the adjective agreeing with its noun (GUIDELINES: not annotated); "إن السعودية": the country
    assert [(m.start, m.label) for m in found] == [(text.index("السعودية ترحب"), "LOC")]


def _cluster(text: str, *names: tuple[str, str]) -> Cluster:
    cluster = Cluster()
    for name, label in names:
        mention = Mention(text.index(name), text.index(name) + len(name), label)
        cluster.add(mention, name_words(name))
    return cluster


def test_spellings_of_one_foreign_name_are_one_entity(rules: EntityRules) -> None:
    text = "قمة هلسنكي وقمة هلسينكي وتليغرام وتليجرام"
    clusters = [_cluster(text, ("هلسنكي", "LOC")), _cluster(text, ("هلسينكي", "LOC")),
                _cluster(text, ("تليغرام", "ORG")), _cluster(text, ("تليجرام", "ORG"))]
    merged = merge_spellings(clusters, rules.first_names)
    assert [sorted(text[m.start : m.end] for m in c.mentions) for c in merged] == [["هلسنكي", "هلسينكي"], ["تليجرام", "تليغرام"]]


def test_names_a_vowel_apart_stay_apart(rules: EntityRules) -> None:
    text = "محمود عباس ومحمد عباس وكامبل ثم كامبل"
    people = [_cluster(text, ("محمود عباس", "PER")), _cluster(text, ("محمد عباس", "PER"))]
    assert len(merge_spellings(people, rules.first_names)) == 2  # first names are names of their own
    campbells = [_cluster(text, ("كامبل", "PER")), _cluster(text, ("كامبل", "PER"))]
    assert len(merge_spellings(campbells, rules.first_names)) == 2  # told apart by coref already


def test_a_rare_word_after_a_designator_is_a_place() -> None:
    from khabar.stages.entities.rules import token_stems
    from khabar.stages.entities.stage import tokens_by_sentence

    text = "هبطت الطائرة في قاعدة حميميم أمس، ثم نقلت قاعدة بيانات إلى منطقة اليورو وبمدينة كهبوب. زار بلده سيغير."
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    counts = {"حميميم": 143, "أمس": 50_000, "بيانات": 1675, "اليورو": 393, "كهبوب": 25}  # "سيغير": none
    # "كهبوب" keeps the ك the splitter took off; "بلده" (his country) is no "بلدة" (a town)
    found = designated_places(text, sentences, token_stems(text, sentences), counts)
    assert _names(text, found) == [("قاعدة حميميم", "LOC"), ("كهبوب", "LOC")]  # a facility keeps its designator


def test_a_coordinated_list_that_opens_after_a_proclitic_is_cut_too(rules: EntityRules) -> None:
    text = "وحلت ولايات سوسة وتوزر وباجة وبن عروس بعدها."
    start = text.index("توزر")
    mention = Mention(start, text.index(" بعدها"), "LOC")  # the name starts inside "وتوزر"
    found = split_coordinated(text, _tokens(text), [mention], rules)
    assert _names(text, found) == [("توزر", "LOC"), ("باجة", "LOC"), ("بن عروس", "LOC")]
