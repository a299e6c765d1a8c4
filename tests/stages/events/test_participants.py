"""Participants read from the clause (``stages/events/participants.py``): passives, SVO group phrases,
light verbs before a verbal noun."""

from __future__ import annotations

import pytest

from khabar.model import Document
from khabar.stages.read import document_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive: the subject between the verb and "من قبل" / "على يد" is whom it is done to
        ("واعتقل عشرات الناشطين من قبل قوات الأمن.", ("COERCE", "قوات الأمن", "عشرات الناشطين")),
        ("وقتل الصحفي على يد مسلحين مجهولين.", ("ASSAULT", "مسلحين مجهولين", "الصحفي")),
        # a group phrase right before a verb is its subject (SVO after إن / أن)
        ("وقال الوزير إن الشرطة اعتقلت ثلاثة أشخاص.", ("COERCE", "الشرطة", "ثلاثة أشخاص")),
        ("وأعلن المتحدث أن المسلحين هاجموا مركزا للشرطة.", ("ASSAULT", "المسلحين", "مركزا")),
        # a light verb's subject after it acts through the verbal noun (VSO)
        ("حيث قامت الجبهة الانفصالية بإطلاق أعيرة نارية.", ("ASSAULT", "الجبهة الانفصالية", None)),
        ("وألقت السلطات القبض على الناشط.", ("COERCE", "السلطات", "الناشط")),
        ("وقدمت الحكومة مساعدات للمتضررين.", ("AID", "الحكومة", "للمتضررين")),
        # a possessed verbal noun: the possessor acts on what لـ names after it
        ("وأنهت القوات حصارها لمواقع المتمردين.", ("ASSAULT", None, "مواقع المتمردين")),
        ("وأعرب الوزير عن رفضه للعقوبات الأمريكية.", ("REJECT", None, "للعقوبات الأمريكية")),
        # what only qualifies the noun is passed: a coordinated noun, a dual adjective, a negated one
        ("وعبر العثماني عن شكره وتقديره الكبيرين لأصحاب العريضة.", ("SUPPORT", None, "أصحاب العريضة")),
        ("وجدد الاتحاد المساندة اللا مشروطة للأساتذة المتعاقدين.", ("SUPPORT", None, "للأساتذة المتعاقدين")),
    ],
)
def test_participants_of_a_clause(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in events_of(text)


def test_a_passive_without_a_subject_has_no_target(events_of) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", "مسلحين مجهولين", None) in events_of("وقتل على يد مسلحين مجهولين.")



@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("وجاء ذلك عقب اعتقاله للاشتباه في ارتكابه جريمة.", "COERCE"),  # a reason after لـ, not whom
        ("وسلمت اللجنة تقريرها بشأن العريضة الداعية لإحداث صندوق للمرضى.", "DEMAND"),  # a purpose
    ],
)
def test_a_purpose_after_lam_is_no_target(events_of, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert [target for found, _, target in events_of(text) if found == kind] == [None]


def test_a_verb_inside_a_quote_acts_for_whom_the_quote_names(events_of) -> None:  # type: ignore[no-untyped-def]
    text = 'وقالت وزارة الخارجية في بيان إن "مجلس الأمن جدد دعمه للمسار السياسي، وأشاد بالجهود المبذولة".'
    actors = [actor for kind, actor, _ in events_of(text) if kind == "SUPPORT"]
    assert actors and all(actor == "مجلس الأمن" for actor in actors), actors


def test_an_organisation_named_again_by_its_head_word(events_of) -> None:  # type: ignore[no-untyped-def]
    text = "وقال رئيس نادي الهلال إن النادي يدعم المدرب الجديد."
    assert ("SUPPORT", "نادي الهلال", "المدرب") in events_of(text)


def test_the_noun_a_verbal_noun_governs_after_bi_is_the_target(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وأشادت الوزيرة الألمانية بتحمل الأوساط الاقتصادية المسؤولية.")
    assert ("SUPPORT", "الوزيرة الألمانية", "الأوساط الاقتصادية") in found, found


def test_the_subject_before_qad_acts(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وكانت السلطات المغربية قد اعتقلت زمار في ديسمبر.")
    assert ("COERCE", "السلطات المغربية", "زمار") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act named right after the verb is its subject: no actor, the object follows it
        ("واستهدف هجوم انتحاري مسجدا في كابول.", ("ASSAULT", None, "مسجدا")),
        ("واستهدفت الغارات مواقع المسلحين.", ("ASSAULT", None, "مواقع المسلحين")),
    ],
)
def test_an_act_as_the_subject(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert events_of(text)[0] == expected


def test_a_measure_aimed_at_people_is_no_attack(events_of) -> None:  # type: ignore[no-untyped-def]
    assert events_of("ويستهدف مشروع المرسوم الجديد الأجراء والمتدربين.") == []


def test_a_light_verbs_subject_visits_the_genitive(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وقام الرئيس الفرنسي بزيارة الملك محمد السادس في الرباط.")
    assert ("CONSULT", "الرئيس الفرنسي", "محمد السادس") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive written with its damma: whoever is named before or after it is whom it is done to
        ("أعلنت الحكومة أن مواطنا يابانيا احتُجز هذا الشهر.", ("COERCE", None, "مواطنا يابانيا")),
        ("وقُتل الصحفي في بغداد.", ("ASSAULT", None, "الصحفي")),
        ("واعتُقل ثلاثة ناشطين من قبل الشرطة.", ("COERCE", "الشرطة", "ثلاثة ناشطين")),
    ],
)
def test_a_marked_passive(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in events_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause's verb: the noun it qualifies acts, or with the verb's pronoun, is acted on
        ("وأكد الحزب الذي يدعم الحكومة موقفه.", ("SUPPORT", "الحزب", "الحكومة")),
        ("حتى الجمعيات التي كانت تساعد المهاجرين لم تتمكن من التنقل.", ("AID", "الجمعيات", "المهاجرين")),
        ("وزار الوزير المسلحين الذين هاجمهم الجيش أمس.", ("ASSAULT", "الجيش", "المسلحين")),
    ],
)
def test_a_relative_clause(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in events_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ووصلت الأمور إلى حد مهاجمة كوكبة من عناصر الأمن في الحي.", ("ASSAULT", None, "كوكبة من عناصر الأمن")),
        ("واعتقلت الشرطة عددا من المتظاهرين.", ("COERCE", "الشرطة", "عددا من المتظاهرين")),
    ],
)
def test_a_part_takes_its_whole(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in events_of(text)


def test_a_verb_carrying_its_subject_takes_an_object(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("هاجم المسلحون القرية وقتلوا ثلاثة أشخاص.")
    assert ("ASSAULT", "المسلحون", "ثلاثة أشخاص") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كالطالب الإيطالي جوليو ريجيني الذي قتل في بداية عام 2016.", ("ASSAULT", None, "جوليو ريجيني")),
        ("قام التونسي أحمد حنشي بقتل شابتين في مرسيليا.", ("ASSAULT", "أحمد حنشي", "شابتين")),
        ("وقال إن طائرة قد اختُطفت أثناء افتتاح الدورة.", ("ASSAULT", None, "طائرة")),
    ],
)
def test_pool_error_classes(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    # a relative clause with no object is a passive; a light verb's subject is the person named; قد is passed
    assert expected in events_of(text)


def test_a_plain_noun_after_bi_names_no_target(events_of) -> None:  # type: ignore[no-untyped-def]
    assert events_of("وأشاد الوزير بحقوق الإنسان في البلاد.") == [("SUPPORT", "الوزير", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # light verbs of carrying out: أدى زيارة، نفذ غارات، تعقد اجتماعا
        ("وكان الوزير المصري يؤدي زيارة إلى تونس.", ("CONSULT", "الوزير المصري", "تونس")),
        ("وذكر أن وزير الخارجية سامح شكري، كان أدى زيارة عمل إلى تونس.", ("CONSULT", "سامح شكري", "تونس")),
        ("كما نفذت المقاتلات عدة غارات على محافظة صعدة.", ("ASSAULT", "المقاتلات", "صعدة")),
        # the act's subject after a verb carrying its pronoun (performer cue list)
        ("في زيارة رسمية يجريها الوزير للجزائر تستمر أسبوعا.", ("CONSULT", "الوزير", "للجزائر")),
        ("وذلك بعد غارات شنتها القوات الحكومية على المدينة.", ("ASSAULT", "القوات الحكومية", "المدينة")),
        # a body no entity names, right after the verb, before a place further on
        ("وقال خلال لقاء تواصلي نظمته الكتابة الجهوية للحزب بجهة الرباط إنه متفائل.", ("CONSULT", "الكتابة الجهوية", None)),
    ],
)
def test_a_verb_of_carrying_out(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = events_of(text)
    assert expected in found, found


def test_a_place_after_a_place_word_is_where(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("واندلع الاشتباك خلال مداهمة في غابة ببلدة ترال جنوبي كشمير.")
    assert found and all(target is None for kind, _, target in found if kind == "COERCE"), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun in construct with a named body names that body ("عناصر تنظيم داعش", "لأمن الولايات المتحدة")
        ("وهاجم عناصر تنظيم داعش قرية في ريف حلب.", ("ASSAULT", "تنظيم داعش", "قرية")),
        ("ويشكل الرجال الثلاثة تهديدا لأمن الولايات المتحدة.", ("THREATEN", None, "الولايات المتحدة")),
    ],
)
def test_a_noun_in_construct_with_a_named_body(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = events_of(text)
    assert expected in found, found


def test_a_verb_carrying_its_object_pronoun_takes_no_object_after_its_subject(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وتعود الجثث إلى جنود قتلهم عناصر تنظيم داعش الإرهابي خلال هجمات.")
    assert ("ASSAULT", "تنظيم داعش", None) in found, found


def test_a_feminine_verb_takes_no_masculine_plural_subject(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("كما دعت الصحفيين إلى التشبث بالقواعد المهنية.")
    assert ("DEMAND", None, "الصحفيين") in found, found


def test_a_title_with_another_nationality_names_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "الرئيس" written before Putin's name does not make "الرئيس الأمريكي" Putin (the roles the entities
    # stage attached are kept to the one written before his name, as in articles where it attaches none)
    import dataclasses

    from khabar.stages.entities.roles import load_titles
    from khabar.stages.events.clause import Clause
    from khabar.stages.events.context import EventContext
    from khabar.stages.events.lexicon import EventLexicon

    doc: Document = pipeline(document_from_text(
        "والتقى الرئيس فلاديمير بوتين وزير الخارجية الصيني وانغ يي في موسكو. وجرت القمة بين كيم والرئيس الأمريكي في سنغافورة.", "t"))
    doc = dataclasses.replace(doc, entities=tuple(dataclasses.replace(e, roles=e.roles[:1]) for e in doc.entities))
    ctx = EventContext(doc)
    clause = Clause(ctx, EventLexicon.load(), load_titles())
    president = next(i for i in range(len(ctx)) if ctx.norm(i) == "والرئيس")
    assert clause.entity_at(president) is None
    assert clause.entity_at(ctx.norms.index("الرئيس")) is not None  # the title before the name still names him
