"""The speaker phrase after a cue (speaker.py): adverbs before the subject, a title that goes on to its name.

Sentences are invented in the style of the outlets the rules generalise to; entities are given the way the
entity stage would find them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

QuotesOf = Callable[..., list[Any]]


def test_an_adverb_after_the_verb_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = "وأكد الوزير كمال الدين أن الوضع مستقر. وقال ردا على سؤال للصحفيين، إن الحكومة لن تتراجع."
    first, second = quotes_of(text, ("PER", "كمال الدين"))
    assert first.speaker == second.speaker == "كمال الدين"
    assert second.content == "إن الحكومة لن تتراجع"


def test_min_qabl_is_an_adverb_not_a_subordinator(quotes_of: QuotesOf) -> None:
    text = "ويتابع سامي العلوي الفريق منذ سنوات، وقال من قبل إن حلمه أن يدربه."
    [quote] = quotes_of(text, ("PER", "سامي العلوي"))
    assert quote.speaker == "سامي العلوي" and quote.content == "إن حلمه أن يدربه"


def test_an_adverb_of_frequency_before_the_content(quotes_of: QuotesOf) -> None:
    text = "وأكد سامي العلوي أن الموسم صعب. وقال مرارا إن الفريق يحتاج إلى مدافع."
    assert [q.speaker for q in quotes_of(text, ("PER", "سامي العلوي"))] == ["سامي العلوي", "سامي العلوي"]


def test_fihi_between_the_verb_and_its_subject(quotes_of: QuotesOf) -> None:
    text = "وصدر بيان في الوقت الذي أوضح فيه مسؤول في الوزارة أن الاجتماع تأجل."
    [quote] = quotes_of(text)
    assert quote.speaker == "مسؤول في الوزارة" and quote.content == "أن الاجتماع تأجل"


def test_a_title_with_a_complement_goes_on_to_the_name(quotes_of: QuotesOf) -> None:
    text = "قال النائب عن حزب العمال بمجلس النواب سمير الهادي، إن البرلمان فقد ثقة الناخبين."
    [quote] = quotes_of(text, ("PER", "سمير الهادي"), ("ORG", "حزب العمال"))
    assert quote.speaker == "سمير الهادي"


def test_a_title_goes_on_to_the_name_after_a_comma_before_a_time_and_an_addressee(quotes_of: QuotesOf) -> None:
    text = "وقال الناطق الرسمي باسم المحكمة الابتدائية، سمير الهادي اليوم لوكالة الأنباء إن التحقيق متواصل."
    [quote] = quotes_of(text, ("PER", "سمير الهادي"))
    assert quote.speaker == "سمير الهادي" and quote.content == "إن التحقيق متواصل"


def test_a_person_met_with_is_not_the_title_holder(quotes_of: QuotesOf) -> None:
    text = "وقال وزير الخارجية في مؤتمر صحفي مع نظيره سمير الهادي إن الحل سياسي."
    [quote] = quotes_of(text, ("PER", "سمير الهادي"))
    assert quote.speaker != "سمير الهادي"


def test_amma_bisha_n_names_a_topic_not_the_speaker(quotes_of: QuotesOf) -> None:
    text = 'أما بشأن مشروع قانون الضريبة، فقال الملك سامي العلوي إن المشروع "جدلي".'
    [quote] = quotes_of(text, ("PER", "سامي العلوي"))
    assert quote.speaker == "سامي العلوي"


def test_khilalahu_and_ta_qiban_are_no_speakers(quotes_of: QuotesOf) -> None:
    text = "عقد الوزير سامي العلوي لقاء صحفيا، أكد خلاله أن الاتفاق تم. وأكد تعقيبا على الانتقادات، أن الإصلاح ماض."
    assert [q.speaker for q in quotes_of(text, ("PER", "سامي العلوي"))] == ["سامي العلوي", "سامي العلوي"]


def test_a_relative_before_a_verb_with_an_object_pronoun_is_its_object(quotes_of: QuotesOf) -> None:
    text = 'وانتقد سامي العلوي تطبيق التتبع الجديد، الذي اعتبره "يهدد خصوصية المستخدمين".'
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert [q.speaker for q in quotes if q.cue == "اعتبره"] == ["سامي العلوي"]


def test_a_relative_before_a_verb_and_its_own_subject(quotes_of: QuotesOf) -> None:
    quotes = quotes_of("وأشاد الوزير بالإجراءات التي وصفها الملك بأنها تاريخية.")
    assert [(q.cue, q.speaker) for q in quotes if q.cue == "وصفها"] == [("وصفها", "الملك")]


def test_a_body_after_a_relative_and_its_verb_speaks_before_a_complementiser(quotes_of: QuotesOf) -> None:
    text = 'ونبهت الهيئة إلى "المؤشرات السلبية المتفاقمة" التي قالت الهيئة إنها "تهدد حرية العمل الصحفي".'
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes if q.cue == "قالت"] == ["الهيئة"]



def test_a_clitic_written_apart_is_no_speaker(quotes_of: QuotesOf) -> None:
    text = 'وقال سامي العلوي إن التهديدات في منطقة وصفها بـ "محيط من عنف" يجب أن تواجه معا.'
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert all(q.speaker not in ("بـ", "ب") for q in quotes)


def test_an_outlet_in_quotation_marks_after_a_bare_title_is_the_addressee(quotes_of: QuotesOf) -> None:
    assert [q.speaker for q in quotes_of('وقال المدرب لصحيفة "الرياضية" إن الفريق جاهز.')] == ["المدرب"]
    quotes = quotes_of('وزير الخارجية السعودي لـ"العربية": لا تفاوض مع الحوثيين\nوقال الوزير إن الحل سياسي.')
    assert [q.speaker for q in quotes if q.cue == ":"] == ["وزير الخارجية السعودي"]


def test_an_outlet_after_a_title_of_two_words_is_its_complement(quotes_of: QuotesOf) -> None:
    quotes = quotes_of('وقال المنسق العام لشبكة "دستورنا" إن الحوار متعثر.')
    assert [q.speaker for q in quotes] == ['المنسق العام لشبكة "دستورنا"']


def test_a_second_name_after_a_bare_name_is_the_object(quotes_of: QuotesOf) -> None:
    text = "واتهمت أنقرة دمشق بدعم المتمردين في الشمال."
    [quote] = quotes_of(text, ("LOC", "أنقرة"), ("LOC", "دمشق"))
    assert quote.speaker == "أنقرة"


def test_the_audience_of_a_verb_of_telling_is_no_part_of_the_subject(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("وأخبر بوتين الصحفيين أمام الكرملين أنه سيلتقي نظيره قريبا.")
    assert quote.speaker == "بوتين" and quote.content == "أنه سيلتقي نظيره قريبا"


def test_a_title_before_the_audience_is_the_subject(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("وأبلغ وزير الإعلام الصحفيين أن الحكومة ستعلن برنامجها.")
    assert quote.speaker == "وزير الإعلام"
