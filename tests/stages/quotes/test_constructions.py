"""Each construction of reported speech, on real sentences from the ANT corpus (Apache-2.0).

Sentences come from outlets other than the dev articles' where possible (France24 "FR-", JawharaFM
"JA-"); the ANT document number is cited above each. Entities are given the way the entity stage
would find them, so speaker linking is tested apart from NER.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Analyse = Callable[..., Any]
QuotesOf = Callable[..., list[Any]]


def _one(quotes: list[Any]) -> Any:
    assert len(quotes) == 1, quotes
    return quotes[0]


# ---------------------------------------------------------------- speakers


def test_verb_subject_title_with_name_in_apposition(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # JA-localNews-3677-20170425; the participle داعيا starts a second quote of the same speaker
    text = ("حذر الامين العام المساعد للاتحاد العام التونسي للشغل، بوعلي المباركي، اليوم الثلاثاء في مدنين، "
            "من خطورة توسع الاحتجاجات الاجتماعية بالبلاد، ومن إمكانية توظيفها سياسيا، داعيا الحكومة إلى "
            "التحرك العاجل، والانطلاق في تنفيذ إجراءات سريعة تعيد الامل والثقة إلى المواطن.")
    warning, call = quotes_of(text, ("PER", "بوعلي المباركي"))
    assert warning.speaker == call.speaker == "بوعلي المباركي"
    assert (warning.cue, call.cue) == ("حذر", "داعيا")
    assert warning.content.startswith("من خطورة") and warning.content.endswith("توظيفها سياسيا")
    assert call.content.startswith("إلى التحرك العاجل") and call.content.endswith("إلى المواطن")


def test_speaker_phrase_without_entities_keeps_title_and_apposition(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # JA-localNews-3677-20170425, as above, with no entity stage at all
    text = "حذر الامين العام المساعد للاتحاد العام التونسي للشغل، بوعلي المباركي، اليوم الثلاثاء في مدنين، من خطورة توسع الاحتجاجات."
    quote = _one(quotes_of(text))
    assert quote.speaker == "الامين العام المساعد للاتحاد العام التونسي للشغل، بوعلي المباركي"


def test_subject_before_the_verb_with_kana_qad(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-economy-45-20180601
    text = ('وكان وزير الاقتصاد الفرنسي برونو لو مير قد قال الخميس إن "دول الاتحاد الأوروبي لن توافق أبدا على '
            'التفاوض تحت الضغط" مع الولايات المتحدة في شأن الرسوم الجمركية، مشددا على أن الأوروبيين لا '
            'يستطيعون فهم مثل هذا القرار ضد "الحلفاء المقربين".')
    first, second = quotes_of(text, ("PER", "برونو لو مير"))
    assert first == ("mixed", "برونو لو مير", "قال", first.content)
    assert first.content.endswith("في شأن الرسوم الجمركية")
    assert second.speaker == "برونو لو مير" and second.cue == "مشددا" and second.content.startswith("على أن")


def test_subject_before_a_relative_pronoun(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1151-20180509
    text = ('أما صحيفة "رسالات" فاستعادت في صحفتها الأولى تصريحات محمد جواد لاريجاني مسؤول الشؤون الدولية في '
            'السلطة القضائية الإيرانية الذي قال إنه لا يجب الاعتماد على الأوروبيين من أجل الحفاظ على الاتفاق.')
    quote = _one(quotes_of(text, ("PER", "محمد جواد لاريجاني"), ("ORG", "رسالات")))
    assert quote.speaker == "محمد جواد لاريجاني" and quote.content.startswith("إنه لا يجب")


def test_subject_before_a_comma_framed_aside(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # BB-culture-278-20180829
    text = ('ولكن الهيئة، المعروفة اختصارا بـ"أوفكوم"، قالت إن الدعاية التي تروج للإصلاحات، وللعلاقات '
            'البريطانية السعودية، أغفلت "الجدل العام المحتدم"، بشأن تلك القضايا.')
    quote = _one(quotes_of(text))
    assert quote.speaker == "الهيئة" and quote.kind == "mixed"


def test_side_marker_min_jihatihi(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-economy-56-20180609
    text = 'من جهته، قال وزير الخارجية الروسي سيرغي لافروف إن موسكو وبكين اقترحتا "خريطة طريق" لحل الأزمة.'
    quote = _one(quotes_of(text, ("PER", "سيرغي لافروف")))
    assert quote == ("mixed", "سيرغي لافروف", "قال", 'إن موسكو وبكين اقترحتا "خريطة طريق" لحل الأزمة')


def test_side_marker_after_the_subject_ends_it(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1828-20180615
    text = "وأكد الجيش الأمريكي من جانبه الخميس أنه نفذ ضربة جوية استهدفت قائدا كبيرا للمتشددين في إقليم كونار."
    assert _one(quotes_of(text)).speaker == "الجيش الأمريكي"


def test_unnamed_sources_are_kept_as_phrases(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1217-20180513 and FR-internationalNews-1828-20180615
    quote = _one(quotes_of("ذكرت مصادر مطلعة على القضية أن الرجل هاجم الناس في الشارع بشكل عشوائي."))
    assert quote == ("indirect", "مصادر مطلعة", "ذكرت", "أن الرجل هاجم الناس في الشارع بشكل عشوائي")
    text = "قال مسؤول في وزارة الدفاع الأفغانية الجمعة إن زعيم طالبان باكستان الملا فضل الله، قتل الخميس في ضربة جوية أمريكية."
    doc = analyse(text, ("ORG", "وزارة الدفاع الأفغانية"))
    assert doc.text_of(doc.quotes[0].speaker) == "مسؤول في وزارة الدفاع الأفغانية"


def test_communique_speaks_for_the_body_that_issued_it(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-2669-20180811
    text = ("نشرت وزارة الداخلية الأردنية السبت بيانا أعلنت فيه مقتل رجل شرطة وإصابة ستة آخرين.\n"
            'وقال البيان إن "انفجارا وقع مساء أمس (الجمعة) لدورية مشتركة لقوات الدرك والأمن العام في منطقة الفحيص".')
    doc = analyse(text, ("ORG", "وزارة الداخلية الأردنية"))
    quote = next(q for q in doc.quotes if doc.text_of(q.cue) == "قال")
    assert doc.text_of(quote.speaker) == "البيان"
    assert doc.text_of(doc.entity(quote.speaker_id).canonical) == "وزارة الداخلية الأردنية"


def test_relayed_speaker_after_naql_an(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-1146-20180508
    text = ('ونقلت وكالة الأنباء السورية الرسمية (سانا) عن مصدر عسكري قوله إن "الدفاعات الجوية السورية تصدت '
            'لصاروخين إسرائيليين ودمرتهما في منطقة الكسوة بريف دمشق".')
    quote = _one(quotes_of(text, ("ORG", "وكالة الأنباء السورية الرسمية", "سانا")))
    assert quote.speaker == "مصدر عسكري" and quote.kind == "mixed" and quote.content.startswith('إن "الدفاعات')


def test_naqlan_an_inside_the_verb_phrase_names_the_source(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-economy-24-20180308
    text = "وأشارت الوكالة نقلا عن مصادر مطلعة على الخطط، أن الدول ستحصل على إعفاء من الرسوم الجمركية."
    quote = _one(quotes_of(text))
    assert (quote.speaker, quote.cue) == ("مصادر مطلعة", "أشارت")


def test_people_who_speak_together_get_a_quote_each(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # SK (dev article ant-03): one statement, two speakers joined by و
    text = ("دعا رئيس الوزراء الإثيوبي آبي أحمد ورئيس إريتريا أسياسي أفورقي إلى الحب والوحدة، وطي صفحة الماضي.")
    quotes = quotes_of(text, ("PER", "آبي أحمد"), ("PER", "أسياسي أفورقي"))
    assert {q.speaker for q in quotes} == {"آبي أحمد", "أسياسي أفورقي"}
    assert {q.content for q in quotes} == {"إلى الحب والوحدة، وطي صفحة الماضي"}


def test_a_named_subject_object_is_the_content(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # SK (dev article ant-04): "أكد" with its object, no complementiser
    text = "وأكدت وحدات حماية المرأة الكردية الاثنين مصرع المقاتلة البريطانية آنا كامبل البالغة 27 عاما في 15 مارس."
    quote = _one(quotes_of(text, ("ORG", "وحدات حماية المرأة الكردية"), ("PER", "آنا كامبل")))
    assert quote.speaker == "وحدات حماية المرأة الكردية" and quote.content.startswith("مصرع المقاتلة")


def test_participle_takes_the_subject_of_the_clause(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # FR-internationalNews-10-20180218
    text = 'ووصف رئيس الوزراء الإسرائيلي تلك التصريحات "بالفاضحة"، مضيفا أنه يعتزم مناقشة هذه المسألة فورا مع نظيره البولندي.'
    quotes = quotes_of(text)
    assert [q.cue for q in quotes] == ["وصف", "مضيفا"]
    assert {q.speaker for q in quotes} == {"رئيس الوزراء الإسرائيلي"}


def test_circumstantial_present_continues_the_subject(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # BB-culture-212-20180630
    text = ('وكتبت العارضة على موقعها الشخصي، في منشور بعنوان "حائط العار"، تقول إن تجربتها في مصر جعلتها '
            'تقرر "المضي قدما في كسر الحواجز الدينية والسياسية".')
    quote = _one(quotes_of(text))
    assert quote.cue == "تقول" and quote.content.startswith("إن تجربتها")


def test_aside_with_a_masdar_cue_does_not_stop_the_verb(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # BB-middleEast-143-20180306: "ذكر" in "رفض ذكر اسمه" is a verbal noun, not a second cue
    text = ('وقال المحامي، الذي رفض ذكر اسمه، إن النيابة العسكرية أمرت بحبس أحمد الجارحي، مخرج مسرحية '
            '"سليمان خاطر".')
    [quote] = quotes_of(text)
    assert quote[1:3] == ("المحامي", "قال") and quote[3].startswith("إن النيابة العسكرية")


def test_a_pronoun_mid_sentence_takes_the_sentence_subject(analyse: Analyse, quotes_of: QuotesOf) -> None:
    # SK-middleEast-2784-20180706: "لكنه أشار" is the report, not the agency quoted before
    text = ('قالت وكالة "رويترز"، الجمعة، إنها حصلت على تقرير أولي لمنظمة حظر الأسلحة الكيماوية.\n'
            "وأكد التقرير العثور على مواد كيماوية عضوية مختلفة تحتوي على الكلور في عينات أخذت من موقعين، لكنه "
            "أشار إلى أنه لم يتم العثور على أدلة على استخدام غازات أعصاب.")
    said = quotes_of(text, ("ORG", "رويترز"))
    assert said[0][1] == "رويترز"
    assert said[-1][2] == "أشار" and said[-1][1].startswith("التقرير")


def test_a_quotation_paragraph_continues_the_speaker_before(quotes_of: QuotesOf) -> None:
    # BB-middleEast-613-20180613
    text = ("وقالت هدى محمد إنهم تعرضوا لمضايقات شديدة بعد واقعة القتل.\n"
            '"اضطررنا للرحيل إلى منطقة أخرى والمكوث مع أسرة أمي حتي تهدأ الأحوال".')
    first, second = quotes_of(text, ("PER", "هدى محمد"))
    assert second == ("direct", "هدى محمد", None, "اضطررنا للرحيل إلى منطقة أخرى والمكوث مع أسرة أمي حتي تهدأ الأحوال")


def test_a_noun_after_a_preposition_is_no_participle(quotes_of: QuotesOf) -> None:
    # BBC Arabic (ANT), 2018: "أسفه" (his regret) reads "آسفة" on the normalised view; it ends no clause
    text = ("وأعرب سيد محمد تقي طباطبائي، مدير العلاقات العامة في الشركة، عن أسفه لسقوط الطائرة التي أقلعت "
            "من مطار مهرآباد.")
    quote = _one(quotes_of(text, ("PER", "سيد محمد تقي طباطبائي")))
    assert (quote.speaker, quote.cue) == ("سيد محمد تقي طباطبائي", "أعرب")
    assert quote.content == "عن أسفه لسقوط الطائرة التي أقلعت من مطار مهرآباد"


def test_a_speaker_the_tagger_missed_is_named_after_the_title(quotes_of: QuotesOf) -> None:
    # Sky News Arabia (ANT), 2018: no entity given; the name after the title becomes the speaker, and
    # the coach's later quotes with "وتابع" go on with him
    text = ("وأعرب المدير الفني للأسيوطي، علي ماهر، عن سعادته بالفوز على الأهلي، وقال: \"الاجتهاد والعمل "
            "الجاد والإخلاص يؤدي دائما إلى نتائج جيدة\".")
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["علي ماهر", "علي ماهر"]


def test_a_statement_after_when_they_said_it(quotes_of: QuotesOf) -> None:
    # BBC Arabic (ANT), 2018: "بعد أن قال X إن" is a statement of its own, and ends the one before it
    text = ("قال وزير الخارجية الأردني أيمن الصفدي إن الحكومة ستحترم مطالب الشعب، وذلك بعد أن قال المتظاهرون "
            "الذين أجبروا رئيس الوزراء على الاستقالة إنهم سيستمرون في الاحتجاج.")
    first, second = quotes_of(text, ("PER", "أيمن الصفدي"))
    assert (first.speaker, first.content) == ("أيمن الصفدي", "إن الحكومة ستحترم مطالب الشعب")
    assert (second.speaker, second.content) == ("المتظاهرون", "إنهم سيستمرون في الاحتجاج")


def test_the_speakers_own_first_person_inside_the_quotation_is_no_new_statement(quotes_of: QuotesOf) -> None:
    # BBC Arabic (ANT), 2018: "أعتقد" reads as the past "اعتقد" on the normalised view; its hamza says "I"
    text = 'وأضاف فرانك فيتر "من المهم المحافظة على الحوار لأني أعتقد أنه في هذه الحالة سيخسر الجميع".'
    quote = _one(quotes_of(text, ("PER", "فرانك فيتر")))
    assert (quote.cue, quote.kind) == ("أضاف", "direct")


def test_a_verb_glued_to_a_quotation_goes_on_with_its_clause(quotes_of: QuotesOf) -> None:
    # Sky News Arabia (ANT), 2018: no comma before "رحبت": no postposed speaker "بهم بريطانيا"
    text = ('وأضافت زخاروفا "هل تعلمون عدد الروس الذين ننتظر تسلمهم من لندن؟ أكثر من 40 شخصا، وكذلك سفاحين" '
            "رحبت بهم بريطانيا ومنحتهم اللجوء.")
    quote = _one(quotes_of(text, ("PER", "زخاروفا")))
    assert (quote.speaker, quote.cue) == ("زخاروفا", "أضافت")


def test_a_passive_present_quotes_no_one(quotes_of: QuotesOf) -> None:
    # BBC Arabic (ANT), 2018: "يُعتقد" (it is believed), with the damma written
    assert quotes_of('فيسبوك يحظر صفحات يُعتقد أنها "تؤثر" على الانتخابات الأمريكية') == []


def test_a_condition_is_no_statement(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2018: "إذا تحدثت واشنطن عن ..." says what would happen if
    text = "وقالت الوكالة إن مصير القمة سيكون واضحا، إذا تحدثت واشنطن عن نزع سلاح الشمال النووي."
    quote = _one(quotes_of(text, ("LOC", "واشنطن")))
    assert quote.content == "إن مصير القمة سيكون واضحا، إذا تحدثت واشنطن عن نزع سلاح الشمال النووي"


def test_a_think_verb_that_opens_nothing_ends_no_statement(quotes_of: QuotesOf) -> None:
    # BBC Arabic (ANT), 2018: "ولكنه وجد رابطا" (it found a link) is part of what Facebook said
    text = "كما ذكر فيسبوك أنه لم يجد النطاق الروسي للإنترنت، ولكنه وجد رابطا بين وكالة أبحاث الإنترنت وأحد الحسابات."
    quote = _one(quotes_of(text, ("ORG", "فيسبوك")))
    assert quote.content.endswith("وأحد الحسابات")


def test_a_body_word_points_back_to_the_body_that_spoke(quotes_of: QuotesOf) -> None:
    # CNN Arabic and BBC Arabic (ANT), 2018: "الوزارة"، "الشركة" for the body quoted before
    text = ("وقالت الخارجية الفلسطينية، في بيان، إن الاحالة هي ممارسة لحق دولة فلسطين. وقالت الوزارة إن "
            "التأخير لا يخدم مبادئ العدالة.")
    first, second = quotes_of(text)
    assert first.speaker == second.speaker == "الخارجية الفلسطينية"
    text = "وقال فيسبوك إن التحقيقات ما زالت في مراحلها المبكرة. وقالت الشركة إنها ستواصل جهودها."
    assert [q.speaker for q in quotes_of(text, ("ORG", "فيسبوك"))] == ["فيسبوك", "فيسبوك"]


def test_an_unnamed_source_is_not_a_body_to_point_back_to(quotes_of: QuotesOf) -> None:
    text = "وقال مصدر عسكري إن المعارك مستمرة. وقالت الحكومة إنها ستتحرك."
    assert [q.speaker for q in quotes_of(text)] == ["مصدر عسكري", "الحكومة"]


def test_a_noun_with_a_pronoun_before_bi_anna_is_the_object(quotes_of: QuotesOf) -> None:
    # France 24 (ANT), 2018: "ووصف نهجها بأنه" goes on with the sentence's subject
    text = 'وكان الاتحاد الأوروبي انتقد مسبقا هذه المقاربة لماي ووصف نهجها بأنه "انتقائي".'
    quote = _one(quotes_of(text, ("ORG", "الاتحاد الأوروبي")))
    assert (quote.speaker, quote.content) == ("الاتحاد الأوروبي", 'بأنه "انتقائي"')


def test_kin_with_a_pronoun_speak(quotes_of: QuotesOf) -> None:
    quote = _one(quotes_of("وقال أهلها إنها توفيت بمرض غير معروف."))
    assert quote.speaker == "أهلها"


def test_a_headline_runs_to_its_line_end_and_a_threat_opens_it(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2018
    text = "هازارد: سعيد في تشيلسي.. لا أفكر في الرحيل\nقال إيدن هازارد، لاعب وسط تشيلسي، إنه لا يتعجل."
    headline = quotes_of(text, ("PER", "إيدن هازارد", "هازارد"))[0]
    assert (headline.speaker, headline.content) == ("إيدن هازارد", "سعيد في تشيلسي.. لا أفكر في الرحيل")
    text = "كوريا الشمالية تهدد: سنلغي قمة كيم-ترمب لهذا السبب\nذكرت وسائل إعلام رسمية أن القمة قد تلغى."
    headline = quotes_of(text, ("LOC", "كوريا الشمالية"))[0]
    assert (headline.speaker, headline.cue, headline.content) == ("كوريا الشمالية", "تهدد", "سنلغي قمة كيم-ترمب لهذا السبب")


def test_a_present_verb_with_wa_goes_on_with_the_subject_before_the_first_verb(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2018, a headline: the person the first verb acts on does not speak
    text = "كوبر ينفي قصة الحضري ويقول: أين الدليل؟\nرفض هيكتور كوبر مدرب مصر التعليق."
    said = [q for q in quotes_of(text, ("PER", "هيكتور كوبر", "كوبر"), ("PER", "الحضري")) if q.cue == "يقول"]
    assert [q.speaker for q in said] == ["هيكتور كوبر"]


def test_a_name_after_a_title_in_apposition_and_no_clause_after_a_comma(quotes_of: QuotesOf) -> None:
    # CNN Arabic and Al Arabiya (ANT), 2018
    text = "كشف قائد مركز المصالحة الروسي، اللواء أليكسي تسيغانكوف، أن العسكريين الروس دمروا طائرتين."
    assert _one(quotes_of(text, ("PER", "أليكسي تسيغانكوف"))).speaker == "أليكسي تسيغانكوف"
    text = ("ودفع كوبر بالشناوي في أول مباراتين وهو الأمر الذي اثار، وفقا لتقارير صحفية محلية، غضب الحضري. "
            "وقال الحضري إنه يأمل في المشاركة.")
    speakers = [q.speaker for q in quotes_of(text, ("PER", "الحضري"), ("PER", "كوبر"))]
    assert "الحضري" in speakers and not any(s and "غضب" in s for s in speakers)


def test_a_body_named_in_quotation_marks_is_no_quote(quotes_of: QuotesOf) -> None:
    # France 24 and CNN Arabic (ANT), 2018: names of bodies are written in quotation marks
    text = ('أفاد الإعلام الرسمي السوري بأن الحكومة دعت "منظمة حظر الأسلحة الكيميائية" لإرسال بعثة. '
            'وأعلن المتحدث باسم قوات التحالف "تحالف دعم الشرعية في اليمن" أن الدفاع الجوي رصد صاروخين.')
    contents = [q.content for q in quotes_of(text)]
    assert contents == ['بأن الحكومة دعت "منظمة حظر الأسلحة الكيميائية" لإرسال بعثة', "أن الدفاع الجوي رصد صاروخين"]


def test_announcing_about_a_noun_phrase(quotes_of: QuotesOf) -> None:
    # CNN Arabic and Sky News Arabia (ANT), 2018; a noun that governs عن keeps it ("أعلن الاستغناء عن")
    text = "أعلن تركي آل الشيخ، رئيس هيئة الرياضة السعودية، الجمعة، عن إقامة بطولة رباعية دولية."
    quote = _one(quotes_of(text, ("PER", "تركي آل الشيخ")))
    assert (quote.speaker, quote.content) == ("تركي آل الشيخ", "عن إقامة بطولة رباعية دولية")
    text = "وأعلنت إدارة النادي الاستغناء عن 14 لاعبا."
    assert all(not q.content.startswith("عن") for q in quotes_of(text))


def test_unquoted_speech_after_a_colon_goes_on_until_the_journalist_resumes(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2018
    text = ("وأضاف الحضري: بالتأكيد سأكون سعيدا لو شاركت في مباراة الغد. هذا الأمر غير مضمون والقرار بيد "
            "إدارة الفريق. وسيكون سن الحضري يوم الاثنين 45 عاما.")
    quote = _one(quotes_of(text, ("PER", "الحضري")))
    assert quote.content == "بالتأكيد سأكون سعيدا لو شاركت في مباراة الغد. هذا الأمر غير مضمون والقرار بيد إدارة الفريق"


def test_unquoted_speech_after_a_colon_ignores_a_dash_before_it(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2017: a score's spaced dash earlier in the text once made the content end before it began
    text = ("فاز فريقه نيويورك سيتي 3 - 1 على منافسه دالاس. وقال فيا عقب انتهاء المباراة: الآن علي أن أعمل "
            "لتسجيل الهدف 402، هذه هي العقلية التي تمتعت بها دائما. ومن بين الأهداف التي سجلها فيا 59 هدفا.")
    quote = _one(quotes_of(text, ("PER", "فيا")))
    assert quote.content == "الآن علي أن أعمل لتسجيل الهدف 402، هذه هي العقلية التي تمتعت بها دائما"


def test_topics_of_tunisian_reports(quotes_of: QuotesOf) -> None:
    # JawharaFM (ANT), 2016: "أما X ...، فقد عبرت"، "كان X (8 نواب)، أكد ... واعتبر"
    text = ("أما الجبهة الشعبية (15 نائبا)، التي رفضت المشاركة في مشاورات الحكومة من بدايتها، فقد عبرت عن "
            "تمسكها بعدم منح الحكومة الثقة، معتبرة أنها حكومة محاصصة.")
    assert [q.speaker for q in quotes_of(text)] == ["الجبهة الشعبية", "الجبهة الشعبية"]
    text = "من ناحيته كان حزب آفاق تونس ( 8 نواب)، أكد دعمه للحكومة واعتبر أن مشاركته في هذه الحكومة واجب وطني."
    said = [q for q in quotes_of(text, ("LOC", "تونس")) if q.cue == "اعتبر"]
    assert [q.speaker for q in said] == ["حزب آفاق تونس"]


def test_kana_inside_a_question_names_no_speaker(quotes_of: QuotesOf) -> None:
    # Al Arabiya (ANT), 2017: the one asked answers, not the subject of the question's كان
    text = ("وردا على سؤال عما إذا كان يحلم بمباراة نهائية بين البرازيل وألمانيا، أجاب أليسون قائلا: "
            "حلمي هو الكأس، لا يهمني المنافس على الإطلاق.")
    assert [q.speaker for q in quotes_of(text, ("PER", "أليسون"))] == ["أليسون"]


def test_the_one_asked_answers(quotes_of: QuotesOf) -> None:
    # CNN (ANT), 2018
    text = ("وعندما سئل الأمير محمد بن سلمان في المقابلة عما إذا كان خاشقجي يواجه تهما في السعودية، "
            "قال إنه من المهم أولا اكتشاف مكان خاشقجي.")
    quote = _one(quotes_of(text, ("PER", "محمد بن سلمان"), ("PER", "خاشقجي")))
    assert quote.speaker == "محمد بن سلمان"


def test_a_document_speaks_for_the_body_whose_document_it_is(quotes_of: QuotesOf) -> None:
    # the pattern of Hespress's survey reports (tune half): the body the tagger missed is named after its
    # document, and "الوثيقة ذاتها"/"البحث" point back to it past a person quoted between
    text = ("وأكد بحث للمندوبية السامية للتخطيط أن المملكة تضم سبعة آلاف لاجئ. وقال الحقوقي محمد النشناش إن "
            "وضعهم صعب. وتبرز الوثيقة ذاتها أن أغلبهم فقدوا عملهم. ويشير البحث إلى أن ثلثهم يعملون في الخدمات.")
    speakers = [q.speaker for q in quotes_of(text, ("PER", "محمد النشناش"))]
    assert speakers == ["للمندوبية السامية للتخطيط", "محمد النشناش", "للمندوبية السامية للتخطيط", "للمندوبية السامية للتخطيط"]


def test_a_report_points_back_to_the_named_body(quotes_of: QuotesOf) -> None:
    text = ("وأفاد بنك المغرب بأن عدد الأوراق المزورة ارتفع. وقال الخبير محمد علي إن الرقم ضعيف. "
            "وسجل التقرير أن عمليات المراقبة مكنت من طرد أوراق غير صالحة.")
    speakers = [q.speaker for q in quotes_of(text, ("ORG", "بنك المغرب"), ("PER", "محمد علي"))]
    assert speakers == ["بنك المغرب", "محمد علي", "بنك المغرب"]


def test_a_title_after_a_cue_that_goes_on_is_the_person_speaking(quotes_of: QuotesOf) -> None:
    # the variation of Hespress (tune half) and Sky News (ANT): a title the person was never introduced
    # with, after "استدرك"/"أضاف", continues the voice; after "قال" a new title is someone else
    text = ("وقال عبد الفتاح البلعمشي، أستاذ العلاقات الدولية، إن العلاقات متينة. واستدرك رئيس المركز المغربي "
            "للدبلوماسية الموازية بأن التوترات مسألة عادية. وقال وزير الخارجية إن الزيارة مهمة.")
    speakers = [q.speaker for q in quotes_of(text, ("PER", "عبد الفتاح البلعمشي"))]
    assert speakers == ["عبد الفتاح البلعمشي", "عبد الفتاح البلعمشي", "وزير الخارجية"]


def test_a_participle_goes_on_with_the_subject_of_the_opening_verb(quotes_of: QuotesOf) -> None:
    # Sky News (ANT), 2018: the opening verb reports no statement itself; its subject speaks on
    text = ('أعلنت الإدارة الأميركية، الاثنين، تحركها لمنع شركة "تشاينا موبايل" من دخول سوق الاتصالات، '
            "موصية برفض طلبها، نظرا لما تمثله الشركة من تهديد للأمن القومي.")
    quote = _one([q for q in quotes_of(text) if q.cue == "موصية"])
    assert quote.speaker == "الإدارة الأميركية"


def test_who_issued_a_statement_speaks_in_it(quotes_of: QuotesOf) -> None:
    # JawharaFM (ANT), 2016
    text = ("أصدر حزب العمال بيانا بمناسبة العيد العالمي للعمال، أكد فيه أن تونس تمر بمرحلة خطيرة تتسم "
            "باستفحال الأزمة الاقتصادية.")
    quote = _one(quotes_of(text, ("ORG", "حزب العمال"), ("LOC", "تونس")))
    assert quote.speaker == "حزب العمال"


def test_a_subject_before_its_apposition_and_the_verb(quotes_of: QuotesOf) -> None:
    # France 24 (ANT), 2018: "غير أن X، الباحث في ...، أكد أن"; named by the tagger or not
    text = ('غير أن مات هيربر، الباحث في المنظمة السويسرية "المبادرة الدولية ضد الجرائم المنظمة" والمتخصصة '
            'في شؤون الهجرة، أكد أن "هذا الانخفاض توقف منذ كانون الثاني".')
    assert _one(quotes_of(text)).speaker == "مات هيربر"
    assert _one(quotes_of(text, ("PER", "مات هيربر"))).speaker == "مات هيربر"


def test_an_after_a_relay_or_before_an_age_opens_no_statement(quotes_of: QuotesOf) -> None:
    # CNN and France 24 (ANT), 2018: the source after "نقلا عن"; an age after "وفاتها ...، عن"
    text = ("أعلنت الحكومة السورية موافقتها على بدء المفاوضات مع الجماعة، الأحد، وفقا لما ذكرته وكالة "
            "الأنباء الرسمية نقلا عن مصدر رسمي.")
    assert all(not q.content.startswith("عن مصدر") for q in quotes_of(text))
    text = "أعلن اليوم الاثنين مصدر من عائلة الممثلة السورية مي سكاف، المقيمة في باريس، وفاتها بشكل مفاجئ، عن 49 عاما."
    assert all(not q.content.startswith("عن 49") for q in quotes_of(text))


def test_a_clause_attributed_after_it(quotes_of: QuotesOf) -> None:
    # France 24 (ANT), 2018: "...، كما قال X" / "وفق ما قال X" attribute the clause before them
    text = ("بعد أكثر من ثلاث ساعات على بدء الاقتراع كانت مشاركة العسكريين والأمنيين ضعيفة جدا كما قال "
            "شكري الطالبي من شبكة مراقبون.")
    quote = _one(quotes_of(text, ("PER", "شكري الطالبي")))
    assert quote.speaker == "شكري الطالبي" and quote.cue == "قال"
    assert quote.content.endswith("ضعيفة جدا")
    text = 'وقال الاتحاد إن "اللاعب أعفي من مهامه"، وفق ما ذكرت صحيفة الإندبندنت.'
    assert [q.speaker for q in quotes_of(text, ("ORG", "الاتحاد"), ("ORG", "الإندبندنت"))] == ["الاتحاد"]


def test_the_object_after_a_titled_subject_and_asides(quotes_of: QuotesOf) -> None:
    # Sky News (ANT), 2018: "أكد TITLE NAME [، aside]* OBJECT"
    text = "أكد النجم المصري محمد صلاح عدم وجود مكان للأنانية بين ثلاثي هجوم فريقه ليفربول الإنجليزي."
    quote = _one(quotes_of(text, ("PER", "محمد صلاح"), ("ORG", "ليفربول")))
    assert quote.speaker == "محمد صلاح" and quote.content.startswith("عدم وجود مكان")
    text = "أعلن الرئيس الروسي، فلاديمير بوتن، رسميا الخميس، انطلاق النسخة الحادية والعشرين لنهائيات كأس العالم."
    quote = _one(quotes_of(text, ("PER", "فلاديمير بوتن")))
    assert quote.speaker == "فلاديمير بوتن" and quote.content.startswith("انطلاق النسخة")


def test_a_quotation_right_after_the_speaker_with_no_colon(quotes_of: QuotesOf) -> None:
    # written for this test: the cue, its subject, then the quotation with no ":" and no "إن"
    first = _one(quotes_of('وقال رئيس البلدية "سنفتح الطريق أمام السيارات الأسبوع المقبل بعد انتهاء الأشغال".'))
    assert first == ("direct", "رئيس البلدية", "قال", "سنفتح الطريق أمام السيارات الأسبوع المقبل بعد انتهاء الأشغال")
    second = _one(quotes_of("وأضاف كريم بنعلي «لن نقبل بأي تأجيل للمشروع مهما كانت الظروف».", ("PER", "كريم بنعلي")))
    assert second == ("direct", "كريم بنعلي", "أضاف", "لن نقبل بأي تأجيل للمشروع مهما كانت الظروف")
    third = _one(quotes_of("وتابع “لا أحد يريد الحرب في المنطقة”."))
    assert third == ("direct", None, "تابع", "لا أحد يريد الحرب في المنطقة")


def test_a_writer_posting_a_quotation(quotes_of: QuotesOf) -> None:
    # written for this test: a writing verb with its writer or a medium named, then the quotation
    posted = _one(quotes_of('وكتب الوزير على حسابه في تويتر "نحن فخورون بما حققه فريقنا الوطني اليوم".'))
    assert posted == ("direct", "الوزير", "كتب", "نحن فخورون بما حققه فريقنا الوطني اليوم")
    named = _one(quotes_of('وكتبت سلمى العلوي "عشرات العائلات فقدت منازلها بسبب الفيضانات".', ("PER", "سلمى العلوي")))
    assert named == ("direct", "سلمى العلوي", "كتبت", "عشرات العائلات فقدت منازلها بسبب الفيضانات")


def test_words_written_on_something_or_a_title_are_no_quote(quotes_of: QuotesOf) -> None:
    # written for this test: a slogan on a wall, a tattoo, the title of a book
    assert quotes_of('وكتب على الجدار "لا للحرب في بلادنا أبدا".') == []
    assert quotes_of('وكتب اللاعب على ذراعه "الحياة معركة لا تنتهي أبدا".') == []
    assert quotes_of('وكتب الروائي كتابا بعنوان "أيام في المدينة القديمة" عن طفولته.') == []


def test_a_person_named_after_a_preposition_is_no_implied_speaker(quotes_of: QuotesOf) -> None:
    # written for this test: the name after مع/عن/إلى/على (and the nouns they govern) is who was met or
    # spoken about; the cue with no subject goes on with the voice before
    people = (("PER", "سامي الهادي"), ("PER", "كريم بنعلي"))
    opening = "وقال رئيس الوزراء سامي الهادي إن الحكومة ستدعم المزارعين. "
    for clause in ("وخلال لقائه مع وزير المالية كريم بنعلي، أكد أن الميزانية تسمح بذلك.",
                   "وردا على سؤال عن كريم بنعلي، أوضح أن العلاقة بينهما جيدة.",
                   "وفي رسالة إلى كريم بنعلي أشار إلى أن الدعم سيبدأ قريبا.",
                   "وفي تعليق على تصريحات كريم بنعلي، أكد أن الدعم سيبدأ قريبا."):
        first, second = quotes_of(opening + clause, *people)
        assert first.speaker == second.speaker == "سامي الهادي", clause


def test_a_person_named_as_a_subject_still_goes_on_speaking(quotes_of: QuotesOf) -> None:
    # written for this test: a title's complement with a preposition before the name is no object
    text = ("التقى وزير الخارجية في الحكومة المغربية كريم بنعلي نظيره الإسباني أمس. "
            "وأكد أن العلاقات بين البلدين ممتازة.")
    quote = _one(quotes_of(text, ("PER", "كريم بنعلي")))
    assert quote.speaker == "كريم بنعلي"
