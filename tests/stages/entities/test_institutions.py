"""The institution rules: names built on a head word and agencies' initials in parentheses — on real
sentences of Arabic news (ANT corpus, the dev articles' outlets and others)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from khabar.model import Document, Token
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities.institutions import abbreviation_mentions, institution_mentions
from khabar.stages.entities.mentions import Mention
from khabar.stages.entities.rules import EntityRules
from khabar.stages.entities.stage import tokens_by_sentence


def _sentences(text: str) -> tuple[Document, list[list[Token]]]:
    doc = Pipeline(core_stages())(Document(id="t", text=text))
    return doc, tokens_by_sentence(doc.sentences, doc.tokens)


def _texts(text: str, mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in mentions]


def _mention(text: str, surface: str, label: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), label)


@pytest.mark.parametrize(("sentence", "name"), [
    ("كان على شرطة فيرونا ووزارة الخارجية الإيطالية التواصل مع السلطات.", "وزارة الخارجية الإيطالية"),
    ("وأعلنت رئاسة أمن الدولة في السعودية توقيف عدد من الناشطات.", "رئاسة أمن الدولة"),
    ("وقالت وزارة التجهيز والنقل واللوجستيك والماء في بلاغ لها إن الأشغال انتهت.", "وزارة التجهيز والنقل واللوجستيك والماء"),
    ("ودعا مجلس الأمن الدولي إلى وقف إطلاق النار.", "مجلس الأمن الدولي"),
])
def test_institutions_named_by_a_head_and_definite_words(rules: EntityRules, sentence: str, name: str) -> None:
    _, sentences = _sentences(sentence)
    assert (name, "ORG") in _texts(sentence, institution_mentions(sentence, sentences, [], rules))


@pytest.mark.parametrize("sentence", [
    "وانتقدت منظمة العفو الدولية الاعتقالات الأخيرة.",  # the object after the subject is no part of the name
    "وتسببت حركة المرور الكثيفة في تأخير الموكب.",  # a strict head needs a tagged name after it
    "وقالت وزارة الصحة الأحد إن عدد الإصابات ارتفع.",  # a weekday ends the name
])
def test_institution_chains_stop_where_the_name_does(rules: EntityRules, sentence: str) -> None:
    _, sentences = _sentences(sentence)
    found = [name for name, _ in _texts(sentence, institution_mentions(sentence, sentences, [], rules))]
    assert "منظمة العفو الدولية الاعتقالات" not in found
    assert not any("المرور" in name or "الأحد" in name for name in found)


@pytest.mark.parametrize(("sentence", "names"), [
    ("وقالت المديرية العامة للضرائب إن الصندوق الوطني للضمان الاجتماعي والمندوبية السامية للتخطيط اتفقا.",
     ["المديرية العامة للضرائب", "الصندوق الوطني للضمان الاجتماعي", "المندوبية السامية للتخطيط"]),
    ("أعلن المجلس الاقتصادي والاجتماعي والبيئي عن تقريره.", ["المجلس الاقتصادي والاجتماعي والبيئي"]),
    ("وقالت الوكالة الدولية لمكافحة المنشطات إن الهيئة العامة للسياحة والتراث الوطني ردت.",
     ["الوكالة الدولية لمكافحة المنشطات", "الهيئة العامة للسياحة والتراث الوطني"]),
])
def test_definite_heads_with_a_complement_or_coordinated_adjectives(rules: EntityRules, sentence: str, names: list[str]) -> None:
    _, sentences = _sentences(sentence)
    assert [name for name, _ in _texts(sentence, institution_mentions(sentence, sentences, [], rules))] == names


@pytest.mark.parametrize("sentence", [
    "وقال البنك المركزي إن التضخم تراجع.",  # a head and an adjective alone: a common noun
    "وانتقدت المنظمة الدولية الاعتقالات للمرة الثانية.",  # "للمرة" is no complement
    "وانتشرت القوات العراقية والبيشمركة في المدينة.",  # a coordinated name is another entity
])
def test_definite_heads_without_a_name_after_them(rules: EntityRules, sentence: str) -> None:
    _, sentences = _sentences(sentence)
    tagged = [_mention(sentence, "البيشمركة", "ORG")] if "البيشمركة" in sentence else []
    assert institution_mentions(sentence, sentences, tagged, rules) == []


@pytest.mark.parametrize(("text", "found"), [
    ("الرباط (و م ع) - أعلنت الوزارة.", ["و م ع"]),
    ("فرانكفورت (د.ب.أ) أعلن الاتحاد.", ["د.ب.أ"]),
    ("قال (أ ف ب) ثم (ر) و(أ ب ت ث ج) و(في ما) انتهى.", ["أ ف ب"]),  # one letter, five, or words: no initials
])
def test_initials_in_parentheses_are_agencies(text: str, found: list[str]) -> None:
    _, sentences = _sentences(text)
    assert _texts(text, abbreviation_mentions(text, sentences)) == [(name, "ORG") for name in found]


def test_a_strict_head_takes_a_tagged_name(rules: EntityRules) -> None:
    text = "وقالت حركة حماس في بيان إن الاحتلال يتحمل المسؤولية."
    _, sentences = _sentences(text)
    tagged = [_mention(text, "حماس", "ORG")]
    assert ("حركة حماس", "ORG") in _texts(text, institution_mentions(text, sentences, tagged, rules))


def test_a_persons_name_ends_an_institutions_chain(rules: EntityRules) -> None:
    sentence = "وقال رئيس الغرفة الوطنية للمقاولين سمير بلحاج إن الغرفة مستعدة."
    _, sentences = _sentences(sentence)
    person = Mention(sentence.index("سمير"), sentence.index(" إن"), "PER")
    found = [name for name, _ in _texts(sentence, institution_mentions(sentence, sentences, [person], rules))]
    assert found == ["الغرفة الوطنية للمقاولين"]


def test_a_one_word_person_after_a_channel_is_its_name(rules: EntityRules) -> None:
    sentence = "وقال صحفي يعمل في تلفزيون جلوبو إن المتحف احترق، وقالت نقابة موخاريق إنها ستضرب."
    _, sentences = _sentences(sentence)
    people = [_mention(sentence, "جلوبو", "PER"), _mention(sentence, "موخاريق", "PER")]
    found = [name for name, _ in _texts(sentence, institution_mentions(sentence, sentences, people, rules))]
    assert "تلفزيون جلوبو" in found and not any("موخاريق" in name for name in found)


@pytest.mark.parametrize(("sentence", "name"), [
    ("قضت المحكمة الجنائية العراقية الأحد بسجن المتهمة.", "المحكمة الجنائية العراقية"),
    ("كشف تقرير أعده المرصد الاجتماعي التونسي عن حالات.", "المرصد الاجتماعي التونسي"),
])
def test_a_definite_head_an_adjective_and_a_nationality_name_a_body(rules: EntityRules, sentence: str, name: str) -> None:
    _, sentences = _sentences(sentence)
    assert (name, "ORG") in _texts(sentence, institution_mentions(sentence, sentences, [], rules))


def test_a_definite_head_and_a_nationality_alone_name_no_body(rules: EntityRules) -> None:
    sentence = "وأعلنت الشرطة البريطانية العثور على زجاجة."
    _, sentences = _sentences(sentence)
    assert not institution_mentions(sentence, sentences, [], rules)
