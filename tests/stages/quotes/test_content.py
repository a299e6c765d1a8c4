"""What was said: direct, indirect and mixed content, nominal attributions, headlines, and what is no
quote. Real sentences from the ANT corpus (Apache-2.0), document numbers cited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Analyse = Callable[..., Any]
QuotesOf = Callable[..., list[Any]]


# ---------------------------------------------------------------- direct


def test_direct_quote_after_the_speaker(quotes_of: QuotesOf) -> None:
    # BB-culture-32-20180123: an adjunct and a quoted name before the verb stay out of the content
    text = ('وعبر "إنستغرام"، قالت العارضة البريطانية "شاركت مؤخرا في حملة إعلانية، وكنت سعيدة لأن هذه '
            'الحملة تحتفي بمبدأ قبول الآخر".')
    assert quotes_of(text) == [("direct", "العارضة البريطانية", "قالت",
                                "شاركت مؤخرا في حملة إعلانية، وكنت سعيدة لأن هذه الحملة تحتفي بمبدأ قبول الآخر")]


def test_direct_quote_after_a_colon_spans_sentences(quotes_of: QuotesOf) -> None:
    # AL-internationalNews-438-20180312
    text = 'وقال المتحدث باسم المطار: "نحاول إخماد الحريق وإنقاذ المسافرين.. وننتظر التفاصيل". وقد أغلق المطار.'
    assert quotes_of(text) == [("direct", "المتحدث باسم المطار", "قال", "نحاول إخماد الحريق وإنقاذ المسافرين.. وننتظر التفاصيل")]


def test_colon_inside_a_quotation_is_content(quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1680-20180607
    text = 'وقال ترامب "لكل منكم ولمسلمي العالم أجمع: رمضان مبارك".'
    assert quotes_of(text, ("PER", "ترامب")) == [("direct", "ترامب", "قال", "لكل منكم ولمسلمي العالم أجمع: رمضان مبارك")]


def test_direct_quote_after_a_colon_without_marks(quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1490-20180528: ends at the sentence's end (", لكن تبين أن" is no new speaker)
    text = ("أضافت الصحيفة: كنا نعتقد أن السيادة تعود للشعب الإيطالي ويمارسها في حدود القواعد التي يخولها "
            "الدستور، لكن تبين أن السيادة تمارسها امبراطورية برلين.")
    [quote] = quotes_of(text)
    assert quote[:3] == ("direct", "الصحيفة", "أضافت") and quote[3].startswith("كنا نعتقد")


def test_quotation_before_the_verb(quotes_of: QuotesOf) -> None:
    # BB-culture-323-20181004
    text = '"تهانينا، هذا هو الجواب الصحيح"، قال المقدم بينما صفق الحاضرون للفائز.'
    assert quotes_of(text) == [("direct", "المقدم", "قال", "تهانينا، هذا هو الجواب الصحيح")]


def test_negated_cue_between_verb_and_quotation(quotes_of: QuotesOf) -> None:
    # FR-culture-108-20180705: "لم يكشف عن هويته" reports nothing; ", مضيفا أنه" continues the speaker
    text = ('أعلن مسؤول في دار النشر "غاليمار" الباريسية الخميس لم يكشف عن هويته "توفي كلود لنزمان صباح اليوم '
            'في منزله"، مضيفا أنه "تم التأكد من وفاته في مستشفى سان بتراير" في العاصمة الفرنسية.')
    first, second = quotes_of(text)
    assert first == ("direct", "مسؤول", "أعلن", "توفي كلود لنزمان صباح اليوم في منزله")
    assert second[:3] == ("mixed", "مسؤول", "مضيفا") and second[3].endswith("في العاصمة الفرنسية")


# ---------------------------------------------------------------- indirect and mixed


def test_indirect_content_ends_before_a_participle(quotes_of: QuotesOf) -> None:
    # FR-economy-3-20180210
    text = ("وقال الحميدي إن الاقتصادات العربية يجب أن تنمو بمعدل 5 إلى 6 بالمئة لخلق الوظائف الضرورية، مضيفا "
            "أن نصف عدد السكان في الدول العربية هم دون الـ25 من العمر.")
    assert [q[3] for q in quotes_of(text)] == [
        "إن الاقتصادات العربية يجب أن تنمو بمعدل 5 إلى 6 بالمئة لخلق الوظائف الضرورية",
        "أن نصف عدد السكان في الدول العربية هم دون الـ25 من العمر",
    ]


def test_name_in_quotation_marks_after_li_is_no_content(quotes_of: QuotesOf) -> None:
    # AL-economy-913-20180628
    text = ('وأكد أحمد الوكيل رئيس اتحاد الغرف التجارية لـ "العربية.نت"، أنه تم الاتفاق مع وزير التموين على أن '
            'يتحمل المنتجون مؤقتا لآثار ارتفاع أسعار الوقود.')
    [quote] = quotes_of(text, ("PER", "أحمد الوكيل"))
    assert quote[:3] == ("indirect", "أحمد الوكيل", "أكد") and quote[3].startswith("أنه تم الاتفاق")


def test_indirect_with_a_quoted_fragment_is_mixed(quotes_of: QuotesOf) -> None:
    # FR-economy-53-20180609
    text = ('وكانت وزيرة الخارجية الكندية كريستيا فريلاند قد أعلنت قبيل ذلك أن فرض واشنطن رسوما على وارداتها '
            'من الفولاذ والألومنيوم "مخالف للقانون" وسيواجه بإجراءات انتقامية.')
    [quote] = quotes_of(text, ("PER", "كريستيا فريلاند"))
    assert quote == ("mixed", "كريستيا فريلاند", "أعلنت", 'أن فرض واشنطن رسوما على وارداتها من الفولاذ والألومنيوم '
                     '"مخالف للقانون" وسيواجه بإجراءات انتقامية')


def test_scare_quotes_are_no_direct_quote(quotes_of: QuotesOf) -> None:
    # SK-technology-1631-20181013 (headline and first sentence)
    text = ('تسريبات تؤكد تطوير مايكروسوفت لهاتف بميزة "غير مسبوقة"\n'
            'كشفت تسريبات جديدة، أن شركة مايكروسوفت، تعكف على تطوير هاتف ذكي بميزة "غير مسبوقة".')
    assert quotes_of(text) == [("mixed", "تسريبات جديدة", "كشفت", 'أن شركة مايكروسوفت، تعكف على تطوير هاتف ذكي بميزة "غير مسبوقة"')]


# ---------------------------------------------------------------- nominal attributions and headlines


def test_preposed_attribution_bihasab(quotes_of: QuotesOf) -> None:
    # FR-culture-14-20180115: the content starts after "ف" of "فإن"
    text = 'وبحسب مصدر أمني، فإن فيلم "جنغل" الذي يعرض في الصالات اللبنانية منذ أسبوعين، نال إجازة عرض.'
    assert quotes_of(text) == [("mixed", "مصدر أمني", "بحسب", 'إن فيلم "جنغل" الذي يعرض في الصالات اللبنانية منذ أسبوعين، نال إجازة عرض')]


def test_postposed_attribution_wafq_ma(quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1828-20180615
    text = ("لقي الملا فضل الله، وهو زعيم طالبان باكستان، حتفه الخميس في ضربة جوية أمريكية، وفق ما أعلن الجمعة "
            "مسؤول في وزارة الدفاع الأفغانية.")
    [quote] = quotes_of(text, ("PER", "الملا فضل الله"), ("ORG", "وزارة الدفاع الأفغانية"))
    # the verb after "وفق ما" is the cue, as in "بحسب ما قال X"; the day between it and its subject is skipped
    assert quote[1:3] == ("مسؤول في وزارة الدفاع الأفغانية", "أعلن")
    assert quote[3] == "لقي الملا فضل الله، وهو زعيم طالبان باكستان، حتفه الخميس في ضربة جوية أمريكية"


def test_attribution_to_a_text_is_no_quote(quotes_of: QuotesOf) -> None:
    # JA-localNews (JawharaFM): "حسب مقتضيات الفصل 35" names a rule, not a speaker
    assert quotes_of("قرر المكتب الجامعي التعهد بالملف حسب مقتضيات الفصل 35 من القانون الأساسي.") == []


def test_headline_speaker_colon(quotes_of: QuotesOf) -> None:
    # CN-middleEast-345-20180323 (headline)
    text = 'وزير خارجية قطر: دول "الحصار" افتعلت الأزمة وتحاول تغيير نظام الحكم\nدبي (CNN)-- بدأ الاجتماع.'
    assert quotes_of(text) == [("direct", "وزير خارجية قطر", ":", 'دول "الحصار" افتعلت الأزمة وتحاول تغيير نظام الحكم')]


def test_headline_with_a_place_as_topic_is_no_quote(quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1828-20180615 (headline): "أفغانستان:" is the topic, not a speaker
    text = "أفغانستان: وزارة الدفاع تعلن مقتل زعيم طالبان باكستان الملا فضل الله في ضربة أمريكية\nبدأ الاجتماع."
    assert quotes_of(text, ("LOC", "أفغانستان")) == []


# ---------------------------------------------------------------- no quote


def test_impersonal_negated_and_passive_cues_report_nothing(quotes_of: QuotesOf) -> None:
    # JA-economy-134-20170307, FR-internationalNews-1123-20180507, AL-sport-2110-20180625
    assert quotes_of("ويذكر أن مؤشر أسعار الإستهلاك العائلي تراجع بنسبة 0،3 بالمائة خلال شهر فيفري 2017.") == []
    assert quotes_of("ولم يعلن نصرالله عدد المقاعد التي حصدها حزبه.") == []
    text = 'فيما نشر أحد المواقع الرياضية كاريكاتير، كُتب عليه كل عام وأنت بخير ميسي "الشاب الذي حصد كل الجوائز إلا هذه".'
    assert quotes_of(text) == []


def test_writing_is_quoted_only_after_a_colon(quotes_of: QuotesOf) -> None:
    # SK-sport-85-20180223: a tattoo, not a statement
    text = 'فقد كتب نجم باريس سان جيرمان زلاتان إبراهيموفيتش على ذراعه الأيمن اسمه باللغة العربية "إبراهيمموفيج".'
    assert quotes_of(text) == []


def test_a_contrasted_voice_ends_the_content_before_it(quotes_of: QuotesOf) -> None:
    # constructed: "ولكن X تقول", "إلا أن X قالت" open a new statement with its subject before the verb
    text = "وأفادت تقارير بأن الغارات أدت إلى مقتل مدنيين، ولكن موسكو تقول إنها لا تستهدف سوى المسلحين."
    reports, denial = quotes_of(text, ("LOC", "موسكو"))
    assert reports.content == "بأن الغارات أدت إلى مقتل مدنيين"
    assert (denial.speaker, denial.content) == ("موسكو", "إنها لا تستهدف سوى المسلحين")
    text = "وقال المسؤول إن الشابة تستطيع العودة، إلا أن محامية الشابة قالت إنها تخشى الاعتقال."
    assert [q.content for q in quotes_of(text)] == ["إن الشابة تستطيع العودة", "إنها تخشى الاعتقال"]


def test_a_relative_clause_between_commas_opens_no_content(quotes_of: QuotesOf) -> None:
    # constructed: the أن inside the aside belongs to its own verb (تخشى أن)
    text = ("وأعلنت الوحدات الكردية، التي تعتبرها أنقرة منظمة إرهابية وتخشى أن تؤسس حكما ذاتيا، "
            "أنها قررت سحب مستشاريها من المدينة.")
    [quote] = quotes_of(text, ("ORG", "الوحدات الكردية"))
    assert quote.speaker == "الوحدات الكردية" and quote.content == "أنها قررت سحب مستشاريها من المدينة"


def test_the_question_asked_is_no_content(quotes_of: QuotesOf) -> None:
    # constructed: "ردا على سؤال ... إن كان ..." is whether, the question the speaker answers
    text = 'وقال الرئيس ردا على سؤال لدى وصوله، إن كان قلقا من انسحاب الشركة، إن "الأمر متروك للشركات".'
    [quote] = quotes_of(text)
    assert quote.content == 'إن "الأمر متروك للشركات"'


def test_spelled_initials_do_not_end_the_sentence(quotes_of: QuotesOf) -> None:
    # constructed: the dots of "بي.دي.في" join initials; "الحالة.وقال" is a full stop without its space
    [quote] = quotes_of("وأظهرت وثائق داخلية، أن شركة بي.دي.في للنفط اشترت خاما أجنبيا.")
    assert quote.content == "أن شركة بي.دي.في للنفط اشترت خاما أجنبيا"
    quotes = quotes_of("وأكد الوزير أن الوضع صعب في هذه الحالة.وقال إن الحل قريب.")
    assert [q.content for q in quotes] == ["أن الوضع صعب في هذه الحالة", "إن الحل قريب"]


def test_a_relative_clause_between_dashes_opens_no_content(quotes_of: QuotesOf) -> None:
    # constructed
    text = ('وأضاف رئيس الوزراء - الذي قال مرارا إن بلاده لن تشارك في أي ضربات - أن التفويض سيمنح '
            '"وفقا لكل حالة على حدة".')
    quotes = quotes_of(text)
    assert [q.cue for q in quotes] == ["قال", "أضاف"]
    assert quotes[1].content.startswith("أن التفويض سيمنح")
