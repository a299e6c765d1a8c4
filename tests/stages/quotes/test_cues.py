"""The cue lexicon grown for issue 18: verbs and participles of news writing beyond قال/أكد, lead verbs
("مضى قائلا", "انتهى إلى القول"), nested straight quotation marks, and forms that look like cues but are
other words. Real sentences from the ANT corpus (Apache-2.0), document cited, unless marked "constructed".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from khabar.stages.quotes.marks import pair_marks

QuotesOf = Callable[..., list[Any]]


def test_lead_verb_reports_before_qailan(quotes_of: QuotesOf) -> None:
    # AL-aswaq-economy 2018/06/01 (ماكرون-وميركل): "ومضى قائلا" goes on with the speaker before
    text = ('وقال الرئيس الفرنسي "هذا القرار ليس فقط غير قانوني بل أيضا خطأ في جوانب كثيرة"، مضيفاً أن الولايات '
            'المتحدة ترد على الاختلالات العالمية بنزعة قومية اقتصادية وتجارية. ومضى قائلا "القومية الاقتصادية '
            'تقود إلى الحرب".')
    quotes = quotes_of(text)
    assert [q.cue for q in quotes] == ["قال", "مضيفاً", "مضى"]
    assert quotes[2].content == "القومية الاقتصادية تقود إلى الحرب" and quotes[2].speaker == "الرئيس الفرنسي"


def test_lead_verb_with_ila_al_qawl(quotes_of: QuotesOf) -> None:
    # AL-aswaq-economy 2018/06/11 (خبير-بريطاني-استثمارات)
    text = ('وانتهى الخبير البريطاني إلى القول إن "الحملة التي قام بها أخيراً الأمير محمد بن سلمان لمكافحة الفساد '
            'سيكون لها تأثير إيجابي على تعزيز مستويات الشفافية على المدى الطويل".')
    [quote] = quotes_of(text, ("PER", "محمد بن سلمان"))
    assert quote.kind == "mixed" and quote.speaker == "الخبير البريطاني" and quote.content.startswith('إن "الحملة')


def test_lead_verb_without_a_filler_reports_nothing(quotes_of: QuotesOf) -> None:
    # constructed: مضى counts time, ذهب goes somewhere
    assert quotes_of("ومضى عام على الاتفاق، وذهب الوفد إلى جنيف ليؤكد أن بلاده ستشارك.") == []


def test_participle_mubrizan_starts_a_quote_of_its_own(quotes_of: QuotesOf) -> None:
    # SK-middle-east 1056036 (Sky News Arabia)
    text = ("وعبر الرئيس، في كلمة ترؤسه لمجلس الوزراء المنعقد يوم الثلاثاء الماضي، عن ارتياحه لتقديم مشروع القانون "
            "هذا في الآجال المحددة، مبرزا أن مصادقة البرلمان على هذا النص سيكون \"تتويجا لمسار استعادة الجزائر\".")
    quotes = quotes_of(text)
    assert [q.cue for q in quotes][-1] == "مبرزا"
    assert quotes[-1].content.startswith("أن مصادقة البرلمان") and quotes[-1].speaker == "الرئيس"


def test_monday_is_no_cue(quotes_of: QuotesOf) -> None:
    # constructed: "اثنين" is a past form of أثنى on paper, and "two" or Monday in news
    text = "وقال الوزير يوم الاثنين إن الاجتماع سيعقد في اثنين من المواقع."
    [quote] = quotes_of(text)
    assert quote.cue == "قال"


def test_straight_quotation_inside_a_straight_quotation() -> None:
    # Hespress style: the inner "كورونا" opens after a space and closes before one
    text = 'وقال بركة، "رغم خطورة الوضع، فإن تدبير جائحة "كورونا" يرتكز على الارتجالية". وانتهى'
    pairs, unpaired = pair_marks(text)
    assert unpaired == []
    assert [(text[a + 1 : b]) for a, b in pairs] == [
        'رغم خطورة الوضع، فإن تدبير جائحة "كورونا" يرتكز على الارتجالية', "كورونا"]


def test_straight_quotes_that_do_not_tell_their_side_alternate() -> None:
    # constructed: a closing mark glued to the next paragraph's opening one ('."مع')
    text = 'قال: "نعم"."لا" ثم'
    assert pair_marks(text) == ([(5, 9), (11, 14)], [])


def test_postposed_cue_reports_the_clause_before_it(quotes_of: QuotesOf) -> None:
    # constructed, Hespress style: the cue and speaker close the sentence
    text = ("وأشار معصيد إلى الإجراءات القبلية التي اتخذت، حيث أصبحت النقابة رقما قويا في الساحة، يضيف معصيد، "
            "الذي أكد أن مخرجات المؤتمر تهم الجميع.")
    quotes = quotes_of(text, ("PER", "معصيد"))
    assert [(q.cue, q.content) for q in quotes] == [
        ("أشار", "إلى الإجراءات القبلية التي اتخذت"),
        ("يضيف", "حيث أصبحت النقابة رقما قويا في الساحة"),
        ("أكد", "أن مخرجات المؤتمر تهم الجميع"),
    ]
    assert {q.speaker for q in quotes} == {"معصيد"}


def test_a_form_that_is_mostly_another_word_counts_where_the_text_says_so(quotes_of: QuotesOf) -> None:
    # constructed: عبر is "via" unless written with its shadda; داعية a preacher unless it governs إلى
    assert [q.cue for q in quotes_of("وعبّر الوزير عن ارتياحه للنتائج.")] == ["عبّر"]
    assert quotes_of("وصل الوفد عبر الحدود عن طريق البر.") == []
    quotes = quotes_of("وقالت الوزيرة إن الوضع مستقر، داعية إلى الهدوء.")
    assert [q.cue for q in quotes] == ["قالت", "داعية"]


def test_ma_after_a_pronoun_is_what_not_not(quotes_of: QuotesOf) -> None:
    # constructed after Hespress: "وهو ما اعتبرته الوزارة بأنه ..."
    text = 'مدد مجلس الأمن ولاية البعثة لمدة سنة؛ وهو ما اعتبرته الوزارة بأنه "إشارة واضحة إلى تشبثه بالحل".'
    [quote] = quotes_of(text)
    assert quote.cue == "اعتبرته" and quote.speaker == "الوزارة" and quote.content.startswith("بأنه")


def test_participle_with_its_object(quotes_of: QuotesOf) -> None:
    # constructed after Hespress: the object of نفى, ثمن, استغرب is what was said
    quotes = quotes_of("وأكد معصيد أن المؤتمر يهم الجميع، نافيا ممارسة الاتحاد أي مزايدات في ملفات التعليم.",
                       ("PER", "معصيد"))
    assert [(q.cue, q.content) for q in quotes][-1] == ("نافيا", "ممارسة الاتحاد أي مزايدات في ملفات التعليم")
    quotes = quotes_of('وقالت الجبهة إن الخطوة "استفزازية"، مستغربة "صمت" الأمم المتحدة في الموضوع.')
    assert [(q.kind, q.content) for q in quotes][-1] == ("mixed", '"صمت" الأمم المتحدة في الموضوع')
    quotes = quotes_of('أورد المكتب أن الزيارة همت التباحث، مثمّنا "دور الدولة الإيجابي".')
    assert [(q.kind, q.content) for q in quotes][-1] == ("direct", "دور الدولة الإيجابي")


def test_attributions_with_a_reporting_verb(quotes_of: QuotesOf) -> None:
    # ANT (France24, 2018): "حسبما قال X" needs no title to be a speaker; "كما يقول X" attributes the clause
    quotes = quotes_of("وأدرجت اللجنة أسرة المتهم ضمن دائرة العقوبة، حسبما قال أبو حامد.")
    assert [(q.cue, q.speaker, q.content) for q in quotes] == [
        ("حسبما", "أبو حامد", "أدرجت اللجنة أسرة المتهم ضمن دائرة العقوبة")]
    quotes = quotes_of("الداخل اليمني يلعب دورا مهما في مساندة قضية البلاد كما يقول المحلل خالد عبد الهادي.")
    assert [(q.cue, q.speaker) for q in quotes] == [("كما يقول", "خالد عبد الهادي")]  # the person found after its title


def test_a_communique_that_says(quotes_of: QuotesOf) -> None:
    # ANT (France24, 2018): "ببيان نعي جاء فيه إن ..."
    text = 'وقد أرفقتها الوكالة ببيان نعي جاء فيه إن "نجل الخليفة" قتل في حمص.'
    [quote] = quotes_of(text)
    assert quote.cue == "جاء" and quote.speaker == "بيان نعي" and quote.content.startswith("إن")


def test_a_title_speaks_for_its_holder_not_the_state(quotes_of: QuotesOf) -> None:
    # ANT (JawharaFM, 2018): with no name found, the speaker is the phrase, not Palestine
    text = 'وقال سفير دولة فلسطين في تونس إن الشعب الفلسطيني كان ضحية هذه الاستراتيجية.'
    [quote] = quotes_of(text, ("LOC", "دولة فلسطين"), ("LOC", "تونس"))
    assert quote.speaker == "سفير دولة فلسطين في تونس"


def test_a_present_verb_with_wa_goes_on_with_the_subject_before(quotes_of: QuotesOf) -> None:
    # Hespress headline style: both verbs have العثماني as subject
    text = 'العثماني يشتكي من "إحباط المغاربة" ويدعو إلى "التحلي بالإيجابية"\nوقال العثماني إن الحكومة تعمل.'
    quotes = quotes_of(text, ("PER", "العثماني"))
    assert [(q.cue, q.speaker) for q in quotes][:2] == [("يشتكي", "العثماني"), ("يدعو", "العثماني")]


def test_words_inside_a_quoted_name_open_nothing(quotes_of: QuotesOf) -> None:
    # constructed after SaudiNewsNet style: "إن" inside the initiative's name is no complementiser
    text = 'وقال كارل نويمان المتحدث باسم مبادرة "إن تشارج" في برلين، "إننا نشعر بالمسؤولية".'
    [quote] = quotes_of(text, ("PER", "كارل نويمان"))
    assert quote.content == "إننا نشعر بالمسؤولية"


def test_object_after_a_title_in_commas(quotes_of: QuotesOf) -> None:
    # Hespress style: "استبعد X، رئيس الحكومة، العودة إلى ..."
    text = "استبعد سعد الدين العثماني، رئيس الحكومة، العودة إلى الحجر الصحي الشامل."
    [quote] = quotes_of(text, ("PER", "سعد الدين العثماني"))
    assert quote.content == "العودة إلى الحجر الصحي الشامل" and quote.speaker == "سعد الدين العثماني"


def test_speaker_name_in_quotation_marks_before_a_colon(quotes_of: QuotesOf) -> None:
    # Saudi outlets write the speaker's name in quotation marks: 'وقال "الجعويني": "..."'
    [quote] = quotes_of('وقال "الجعويني": "تتزامن هذه التحركات مع انطلاق مبادرة جديدة".')
    assert quote.kind == "direct" and quote.content == "تتزامن هذه التحركات مع انطلاق مبادرة جديدة"


def test_indirect_content_ends_at_a_full_stop_the_segmenter_missed(quotes_of: QuotesOf) -> None:
    # a stray quotation mark keeps the segmenter from ending the sentence; the content still ends there
    text = 'وأشار معصيد، بمقر الاتحاد بالدار البيضاء"، إلى المنعرجات التي عرفها التنسيق. ورفض التنسيق مع نقابتين.'
    quotes = quotes_of(text, ("PER", "معصيد"))
    assert quotes[0].content == "إلى المنعرجات التي عرفها التنسيق"


def test_a_participle_the_lexicon_lacks_ends_the_content(quotes_of: QuotesOf) -> None:
    # "، متفاديا الحديث عن ..." is the journalist's circumstance, not what was said
    [quote] = quotes_of("وأكد معصيد أن مخرجات المؤتمر تهم الجميع، متفاديا الحديث عن السياق السياسي.", ("PER", "معصيد"))
    assert quote.content == "أن مخرجات المؤتمر تهم الجميع"


def test_when_it_was_said_is_left_out_after_a_whole_quotation(quotes_of: QuotesOf) -> None:
    # SaudiNewsNet style: 'إنه «...» بعد جولة على مخيم'
    text = "وقال أوبراين إنه «من الواضح أن الحرب الوحشية خلفت حصيلة مروعة» بعد جولة على مخيم في جوبا."
    [quote] = quotes_of(text, ("PER", "أوبراين"))
    assert quote.content == "إنه «من الواضح أن الحرب الوحشية خلفت حصيلة مروعة»"


def test_where_it_was_said_is_no_content(quotes_of: QuotesOf) -> None:
    # ANT (JawharaFM): "على هامش" is where the minister spoke, not what he stressed
    text = "وأكد الوزير على هامش اجتماع اللجنة العليا أن الاستراتيجية ضرورية."
    [quote] = quotes_of(text)
    assert quote.content == "أن الاستراتيجية ضرورية"


def test_a_verb_inside_content_with_no_subject_reports_nothing(quotes_of: QuotesOf) -> None:
    # ANT (JawharaFM): the increase "revealed" something; only سوفان speaks
    text = 'وقالت سوفان إن الزيادة في أعداد المقاتلين كشفت "التأثير المحدود" للجهود المبذولة.'
    quotes = quotes_of(text, ("ORG", "سوفان"))
    assert [q.cue for q in quotes] == ["قالت"]


def test_whoever_said_quotes_no_one(quotes_of: QuotesOf) -> None:
    # ANT (CNN, 2018): "من وصفهم بـ"إرهابيين"" is whom he described, not a new statement
    text = 'قال بشار الجعفري إن تعريض حياة السوريين للخطر من أجل حماية من وصفهم بـ"إرهابيين" أمر غير مقبول.'
    quotes = quotes_of(text, ("PER", "بشار الجعفري"))
    assert [q.cue for q in quotes] == ["قال"]


def test_a_relative_clause_with_a_source_after_its_verb(quotes_of: QuotesOf) -> None:
    # ANT (Al Arabiya, 2018): "والذي يرى كثيرون في الغرب بأنه": the many speak, not the deal
    text = "قال ماكرون إنه لا يعلم مصير الاتفاق النووي والذي يرى كثيرون في الغرب بأنه أفضل أمل."
    quotes = quotes_of(text, ("PER", "ماكرون"))
    assert [(q.cue, q.speaker) for q in quotes][-1] == ("يرى", "كثيرون")


def test_an_aside_naming_the_source_is_no_statement_of_its_own(quotes_of: QuotesOf) -> None:
    # Hespress style: "واعتبر العثماني، يضيف البلاغ، أن ..." is العثماني's statement, as the communiqué reports
    text = 'واعتبر العثماني، يضيف البلاغ، أن "تجربة عريضة الحياة أبانت عن تعبئة مهمة".'
    [quote] = quotes_of(text, ("PER", "العثماني"))
    assert (quote.cue, quote.speaker) == ("اعتبر", "العثماني") and quote.content.startswith('أن "تجربة')


def test_an_interview_line_is_a_direct_quote(quotes_of: QuotesOf) -> None:
    # ANT (France24, 2018), interview format: a line opens with the speaker's name and a colon
    text = ("عنوان المقال\nتحدثت فرانس24 مع المخرجة في باريس.\nوقالت إنها سعيدة.\n"
            "سيلين مارتوليه: عندما بدأنا الحديث معهن، لم يكن أبدا هدفنا دعائيا.")
    quotes = quotes_of(text, ("PER", "سيلين مارتوليه"))
    assert ("direct", "سيلين مارتوليه", ":", "عندما بدأنا الحديث معهن، لم يكن أبدا هدفنا دعائيا") in quotes


def test_a_present_verb_with_wa_goes_on_with_the_sentences_subject(quotes_of: QuotesOf) -> None:
    # ANT (Sky News Arabia, 2018)
    text = 'وتعتمد مصر تماما على مياه النيل وتقول إن "لها حقوقا تاريخية" في النهر.'
    [quote] = quotes_of(text, ("LOC", "مصر"))
    assert quote.cue == "تقول" and quote.content.startswith("إن")


def test_unvowelled_bayyana_reports_before_a_complementiser(quotes_of: QuotesOf) -> None:
    # constructed, in the style of Tunisian outlets that write بيّن without its shadda
    text = "وأكد البنك المركزي أنه راسل الشركة. وبين البنك المركزي، أن الشركة وضعت شروطا. كما بين أن الملف مفتوح."
    quotes = quotes_of(text, ("ORG", "البنك المركزي"))
    assert [q.cue for q in quotes] == ["أكد", "بين", "بين"]
    assert {q.speaker for q in quotes} == {"البنك المركزي"}


def test_bayna_between_stays_a_preposition(quotes_of: QuotesOf) -> None:
    # constructed
    assert quotes_of("وبين الطرفين خلافات كبيرة حول أن تكون الحكومة موحدة.") == []
    assert quotes_of("وقارن الخبير بين الفريقين، مؤكدا أن الأول أقوى.")[0].cue == "مؤكدا"


def test_a_feminine_present_with_wa_has_a_speaker_left_implied(quotes_of: QuotesOf) -> None:
    # constructed, in the style of BBC Arabic's present-tense reporting
    text = "وقالت سلمى حداد إن الأحزاب ذكورية. وتقول إن الجمعية لن تقبل بأقل من ذلك. وتضيف أن النساء مستعدات."
    quotes = quotes_of(text, ("PER", "سلمى حداد"))
    assert [(q.cue, q.speaker) for q in quotes] == [("قالت", "سلمى حداد"), ("تقول", "سلمى حداد"), ("تضيف", "سلمى حداد")]


def test_impersonal_and_subject_led_presents_stay_unquoted(quotes_of: QuotesOf) -> None:
    # constructed: "it is mentioned", evidence that points, people a quotation talks about
    assert quotes_of("ويذكر أن الاتفاق وقع عام 2015.") == []
    assert quotes_of("فإن مجموعة متزايدة من الأدلة تشير إلى أن الدهون هي السبب.") == []
    quotes = quotes_of('وقال سامي العلوي: "هناك من يقولون إن الحكومة لم تفعل شيئا".', ("PER", "سامي العلوي"))
    assert [q.cue for q in quotes] == ["قال"]


def test_asking_not_to_be_named_is_no_statement_and_stops_no_speaker_zone(quotes_of: QuotesOf) -> None:
    # constructed, in the style of agency copy
    quotes = quotes_of("وقال مسؤول أمريكي طلب عدم الكشف عن اسمه لرويترز إن القوات ستنسحب.")
    assert [(q.cue, q.speaker, q.content) for q in quotes] == [("قال", "مسؤول أمريكي", "إن القوات ستنسحب")]
    quotes = quotes_of("وأضاف المسؤول، الذي طلب عدم نشر اسمه، أن الطائرات ستنطلق من القاعدة.")
    assert [(q.cue, q.speaker) for q in quotes] == [("أضاف", "المسؤول")]


def test_an_asylum_seeker_demands_nothing(quotes_of: QuotesOf) -> None:
    # constructed
    assert quotes_of("وتشهد المدينة اضطرابات منذ الاشتباه في تورط لاجئ عراقي وطالب لجوء سوري في قتل شخص بالسكين.") == []
    assert quotes_of("وطالب الحزب بالإفراج عن المعتقلين.")[0].cue == "طالب"


def test_forms_that_are_other_words_report_nothing(quotes_of: QuotesOf) -> None:
    # constructed: نصر in "نصر الله", باعتباره (as being), يدعى (is called)
    assert quotes_of("وقال حسن نصر الله أن الخطة جاهزة.", ("PER", "حسن نصر الله"))[0].cue == "قال"
    assert [q.cue for q in quotes_of("وأشاد الرئيس باللاعب باعتباره لاعبا لن يتكرر.")] == ["أشاد"]
    quotes = quotes_of('وقال أحد سكان المنطقة ويدعى سامي العلوي إنه سمع "دوي انفجارات".', ("PER", "سامي العلوي"))
    assert [(q.cue, q.speaker) for q in quotes] == [("قال", "سامي العلوي")]
    assert [q.cue for q in quotes_of("ويدعي المتهم أنه كان خارج البلاد.")] == ["يدعي"]


def test_adjectives_and_nouns_that_look_like_participles(quotes_of: QuotesOf) -> None:
    # constructed: "كن حذرا" (be careful), "مناشدة عاجلة" (an urgent appeal)
    assert quotes_of("وقال الخبير: كن حذرا، إن شرب الماء أثناء القيادة يشتت انتباهك.")[0].cue == "قال"
    assert quotes_of("ووجه المسؤول مناشدة عاجلة وملحة للمانحين للالتزام بتعهداتهم.") == []


def test_news_agencies_are_a_source(quotes_of: QuotesOf) -> None:
    # constructed
    text = "أمر الرئيس بإعلان هدنة إنسانية يومية في الغوطة الشرقية، كما أفادت وكالات أنباء روسية الاثنين."
    [quote] = quotes_of(text)
    assert quote.cue == "أفادت" and quote.content == "أمر الرئيس بإعلان هدنة إنسانية يومية في الغوطة الشرقية"


def test_unvowelled_bayyana_before_where_it_was_said(quotes_of: QuotesOf) -> None:
    # constructed
    text = "وكان الوزير سامي العلوي بين في تصريحات له، الخميس، أن الضربة دمرت أغلب المواقع."
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert [(q.cue, q.speaker) for q in quotes] == [("بين", "سامي العلوي")]


def test_a_renewed_statement(quotes_of: QuotesOf) -> None:
    # constructed: "جدد تأكيده على", "جددت دعوتها إلى"
    quotes = quotes_of("وجدد البنك المركزي في ذات البلاغ، تأكيده على عدم وجود أي سبب للمنع.", ("ORG", "البنك المركزي"))
    assert [(q.cue, q.speaker, q.content) for q in quotes] == [
        ("تأكيده", "البنك المركزي", "على عدم وجود أي سبب للمنع")]
    assert [q.cue for q in quotes_of("وجددت الوزارة دعوتها إلى ضبط النفس.")] == ["دعوتها"]
    assert quotes_of("وجاء تأكيده على الموقف في الاجتماع السابق.") == []  # no verb of renewing before it


def test_a_present_of_judging_opening_its_sentence_is_the_passive(quotes_of: QuotesOf) -> None:
    assert quotes_of("ويعتبر المسجد من أقدم المساجد في المدينة.") == []
    assert quotes_of("تعتبر البرازيل من بين المنتخبات المرشحة للقب.", ("LOC", "البرازيل")) == []


def test_a_present_of_judging_with_its_complementiser_reports(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("ويعتبر الخبراء أن القرار خاطئ.")
    assert quote.cue == "يعتبر" and quote.content == "أن القرار خاطئ"


def test_a_verb_of_accusing_with_its_preposition_right_after_it_is_the_passive(quotes_of: QuotesOf) -> None:
    assert quotes_of("واحتجز القس في تركيا منذ عام 2016، واتهم بالمساعدة في تدبير محاولة انقلاب.") == []


def test_a_verb_of_accusing_with_the_accused_reports(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("واتهم سامي العلوي المعارضة بالتحريض على العنف.", ("PER", "سامي العلوي"))
    assert quote.speaker == "سامي العلوي" and quote.content == "بالتحريض على العنف"


def test_kashafa_an_with_a_noun_reports_what_was_revealed(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("وكشفت سعاد بنعلي، مديرة الصندوق، عن ارتفاع الدين العام إلى مستوى قياسي.", ("PER", "سعاد بنعلي"))
    assert quote.speaker == "سعاد بنعلي" and quote.content == "عن ارتفاع الدين العام إلى مستوى قياسي"
