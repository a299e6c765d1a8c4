"""The events stage on constructions news uses: who did what to whom, in which mode, linked to what."""

from __future__ import annotations

import pytest

from khabar.model import Document, EventMode
from khabar.stages.read import document_from_text


def _events(pipeline, text: str) -> list[tuple[str, str, str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    doc: Document = pipeline(document_from_text(text, "t"))

    def who(entity_id: str | None, span) -> str | None:  # type: ignore[no-untyped-def]
        if entity_id:
            return doc.text_of(doc.entity(entity_id).canonical)
        return doc.text_of(span) if span else None

    return [(e.type, doc.text_of(e.trigger), who(e.actor_id, e.actor), who(e.target_id, e.target), e.mode.value)
            for e in doc.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # VSO: the subject after the verb, the object after it
        ("وانتقد الرئيس الفرنسي فرانسوا هولاند الحكومة العراقية.", ("DISAPPROVE", "انتقد", "فرانسوا هولاند", "الحكومة العراقية")),
        # SVO: the subject before the verb
        ("الجزائر تساند حكومة الوفاق الوطني في ليبيا.", ("SUPPORT", "تساند", "الجزائر", "حكومة الوفاق الوطني")),
        # a light verb's subject acts through the event noun
        ("وتنفذ فرنسا غارات في العراق منذ عام 2014.", ("ASSAULT", "غارات", "فرنسا", None)),
    ],
)
def test_actor_and_target_from_the_clause(pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert expected in [event[:4] for event in found], found


def test_a_passive_names_its_agent_after_min_qibal(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "واغتيل الصحفي محمد علي من قبل مسلحين في بغداد.")
    assert ("ASSAULT", "اغتيل", "مسلحين") in [event[:3] for event in found], found


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("لم تهاجم القوات المدينة أمس.", "تهاجم", EventMode.DENIED),
        ("وسيزور الرئيس الفرنسي المغرب الشهر المقبل.", "يزور", EventMode.PLANNED),
        ("وهدد الجيش بقصف المدينة.", "قصف", EventMode.THREATENED),
        ("وإذا هاجمت القوات المدينة فإن الوضع سيتدهور.", "هاجمت", EventMode.HYPOTHETICAL),
        ("وهاجمت القوات المدينة أمس.", "هاجمت", EventMode.OCCURRED),
    ],
)
def test_the_mode_is_read_from_the_words_before(pipeline, text: str, trigger: str, mode: EventMode) -> None:  # type: ignore[no-untyped-def]
    modes = {t: m for _, t, _, _, m in _events(pipeline, text)}
    assert modes.get(trigger) == mode.value, modes


def test_a_noun_referring_back_or_describing_is_no_new_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "والتقى الوزير نظيره المغربي في الرباط. وتأتي هذه الزيارة بعد سنوات. والإرهاب يمثل تهديدا للمنطقة."
    triggers = [t for _, t, _, _, _ in _events(pipeline, text)]
    assert "التقى" in triggers
    assert "الزيارة" not in triggers and "تهديدا" not in triggers


def test_a_trigger_inside_a_name_is_none(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "وقال الأمين العام لمجلس التعاون الخليجي إن الاجتماع المقبل سيعقد في الرياض."
    assert "COOPERATE" not in [kind for kind, *_ in _events(pipeline, text)]


def test_material_support_is_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    kinds = {t: k for k, t, *_ in _events(pipeline, "وتقدم فرنسا دعماً مدفعيا للقوات العراقية.")}
    assert kinds.get("دعماً") == "AID"


def test_a_verbal_event_is_linked_to_its_quote(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(document_from_text("ودعا الرئيس الفرنسي فرانسوا هولاند إلى الوحدة بين القوات العراقية والبيشمركة.", "q"))
    demands = [e for e in doc.events if e.type == "DEMAND"]
    assert demands and all(d.quote_id is not None for d in demands)
    quote = next(q for q in doc.quotes if q.id == demands[0].quote_id)
    assert quote.cue is not None and quote.cue.overlaps(demands[0].trigger)


def test_coordinated_participants_make_one_event_each(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "وبدأت القوات الحكومية، مدعومة بالمقاتلين الأكراد وتحالف جوي تقوده الولايات المتحدة، حملة على المدينة."
    aid = [(actor, target) for kind, _, actor, target, _ in _events(pipeline, text) if kind == "AID"]
    assert ("المقاتلين", "القوات الحكومية") in aid and ("الولايات المتحدة", "القوات الحكومية") in aid, aid


def test_the_date_is_the_sentence_date_else_the_publication_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    doc = document_from_text("وقصفت الطائرات المدينة في 12 مارس 2016. ثم التقى الوزير نظيره.", "d")
    doc = pipeline(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, published="2016-03-20")))
    dates = {doc.text_of(e.trigger): e.date for e in doc.events}
    assert dates["قصفت"] == "2016-03-12"
    assert dates["التقى"] == "2016-03-20"


def test_tokens_read_from_the_view_are_the_tokens_normalised(pipeline, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from khabar.stages.events.context import _normal_forms

    doc = pipeline(document_from_text(seed_text + " وَقَالَ الوزيـــر «مرحبـــا» ﷽ بالأُمَمِ", "seed"))
    assert doc.normalised is not None
    assert _normal_forms(doc) == _normal_forms(dataclasses.replace(doc, normalised=None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting between two parties: the first acts, the second is met, one event
        ("وعقد اجتماع بين الرئيس الفرنسي فرانسوا هولاند والملك محمد السادس في الرباط.",
         [("CONSULT", "اجتماع", "فرانسوا هولاند", "محمد السادس")]),
        # whoever feels an emotion noun disapproves of whoever caused it
        ("وأثار قرار الحكومة الفرنسية غضب الحكومة الإيرانية.",
         [("DISAPPROVE", "غضب", "الحكومة الإيرانية", "الحكومة الفرنسية")]),
    ],
)
def test_participants_of_reciprocal_and_emotion_nouns(pipeline, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = [event[:4] for event in _events(pipeline, text)]
    assert found == expected, found


def test_an_agent_phrase_names_any_noun_phrase(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "ونهبت المساعدات من قبل قيادات حوثية.")
    assert ("CRIME", "نهبت", "قيادات حوثية") in [event[:3] for event in found], found


def test_a_place_after_fi_is_where_not_whom(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "واعتقلت الشرطة الصحفي في بغداد أمس.")
    assert [(t, trig) for t, trig, _, target, _ in found if target == "بغداد"] == [], found


def test_one_event_per_sentence_unless_a_mention_adds_a_participant(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وقتل 18 شخصا في هجوم انتحاري بسيارة مفخخة في بغداد أمس.")
    assert [event[0] for event in found].count("ASSAULT") == 1, found


def test_the_crime_an_accusation_alleges_is_no_crime_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "واتهمت الشرطة الوزير بالاحتيال وغسل الأموال.")
    assert "CRIME" not in [event[0] for event in found] and "DISAPPROVE" in [event[0] for event in found], found


def test_a_frame_preposition_far_from_its_trigger_is_not_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "ويسعى البلدان إلى تحقيق السلام والرخاء والاستقرار في المنطقة.")
    assert "INVESTIGATE" not in [event[0] for event in found], found


def test_a_form_viii_verb_keeps_its_root_lam(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"التقى" is a verb, not a definite noun: its subject meets the one named after ب."""
    text = "التقى رئيس الوزراء الفرنسي، إدوارد فيليب، برئيس الحكومة المغربية، سعد الدين العثماني، في الرباط."
    assert ("CONSULT", "التقى", "إدوارد فيليب", "سعد الدين العثماني") in [e[:4] for e in _events(pipeline, text)]


def test_the_host_of_a_meeting_meets_whoever_is_named_before_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "وقال الوزير أحمد العلمي، في ندوة نظمتها مؤسسة الفقيه التطواني، إن الإصلاح ضروري."
    found = [e[:4] for e in _events(pipeline, text)]
    assert ("CONSULT", "ندوة", "مؤسسة الفقيه التطواني", "أحمد العلمي") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واعتقلت الشرطة مواطنا يابانيا في المدينة.", ("COERCE", "اعتقلت", "الشرطة", "مواطنا يابانيا")),
        ("واعتقلت الشرطة أمس في المدينة.", ("COERCE", "اعتقلت", "الشرطة", None)),  # a time is no object
    ],
)
def test_an_attack_or_arrest_takes_a_plain_noun_phrase_as_its_object(pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = [e[:4] for e in _events(pipeline, text)]
    assert expected in found, found


def test_the_speaker_referred_back_to_ends_at_itself(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"المتحدث ذاته" is the speaker named before; whom he calls on follows it as a phrase."""
    text = "قال حسن الخطاري إن الوضع صعب. ودعا المتحدث ذاته جمعيات المجتمع المدني إلى العمل."
    found = [e[:4] for e in _events(pipeline, text)]
    assert ("DEMAND", "دعا", "حسن الخطاري", "جمعيات المجتمع المدني") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title in apposition and its body are passed before the object
        ("انتقد نزار بركة، الأمين العام لحزب الاستقلال، طريقة عمل الحكومة في التصدي للجائحة.",
         ("DISAPPROVE", "انتقد", "نزار بركة", "الحكومة")),
        # an emotion is felt by the body named right after its head noun
        ("حصيلة الدبلوماسية المغربية تثير غضب جبهة البوليساريو في تندوف.", ("DISAPPROVE", "غضب", "البوليساريو")),
    ],
)
def test_participants_past_an_apposition_and_a_head_noun(pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = [e[: len(expected)] for e in _events(pipeline, text)]
    assert expected in found, found


def test_subjected_to_an_attack_reverses_the_roles(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"تعرضت مواقع الحزب لقصف الحرس الثوري": the guard bombs, the party's positions are bombed."""
    found = [e[:4] for e in _events(pipeline, "وتعرضت مواقع الحزب لقصف الحرس الثوري في المنطقة.")]
    assert ("ASSAULT", "قصف", "الحرس الثوري", "مواقع الحزب") in found, found


def test_achieving_is_no_inquiry(pipeline) -> None:  # type: ignore[no-untyped-def]
    kinds = [e[:2] for e in _events(pipeline, "وتسعى الحكومة إلى تحقيق السلام في المنطقة. وفتحت الشرطة تحقيقا في الحادث.")]
    assert ("INVESTIGATE", "تحقيق السلام") not in kinds and all(t != "تحقيق" for _, t in kinds), kinds
    assert any(kind == "INVESTIGATE" for kind, _ in kinds), kinds


def test_a_meeting_spoken_of_is_not_the_speakers_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the speaker of "اللقاء يبرز أن ..." speaks of a meeting
    said_of = _events(pipeline, 'وقال المحلل عبد الفتاح البلعمشي إن "اللقاء يبرز أن المغرب وفرنسا وفيان للخط التقليدي".')
    assert not [e for e in said_of if e[1] == "اللقاء" and e[2] == "عبد الفتاح البلعمشي"], said_of



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between the verb's subject and its required preposition is stepped over
        ("وتحدث الرئيس، في اتصال هاتفي أمس، مع نظيره الفرنسي.", "CONSULT"),
        ("وطالب وزير الصحة، خالد آيت الطالب، بتوفير الأدوية.", "DEMAND"),
        # punctuation is no word of the window
        ("وطالب الوزير الأول - أمس - بتوفير الأدوية.", "DEMAND"),
    ],
)
def test_a_frame_preposition_past_an_aside_is_its_own(pipeline, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert expected in [event[0] for event in found], found


@pytest.mark.parametrize(
    "text",
    [
        # "في بيان لها" sits in the aside: the inquiry needs its own "في" after it
        "وحققت الشرطة، في بيان لها، نتائج كبيرة هذا العام.",
        # an achieved thing before the preposition: achieving, not investigating
        "وحققت الحكومة، خلال العام الماضي، مكاسب في قطاع الصحة.",
    ],
)
def test_an_asides_own_preposition_is_not_the_frames(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert "INVESTIGATE" not in [event[0] for event in found], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target follows an aside after the subject, not the aside's own "ب"
        ("ونوه رئيس الحكومة، في كلمته بالمناسبة، بعمل الأطباء والممرضين.", ("SUPPORT", "رئيس الحكومة", "الأطباء")),
        # ... also after a named subject
        ("ودعا وزير الخارجية عبد الله الأحمد، خلال لقائه بالسفير، الحكومة إلى وقف إطلاق النار.",
         ("DEMAND", "عبد الله الأحمد", "الحكومة")),
    ],
)
def test_the_target_past_an_aside_after_the_subject(pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = [(e[0], e[2], e[3]) for e in _events(pipeline, text)]
    assert expected in found, found


def test_whom_a_time_phrase_names_is_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"بعد صدور توصية الشرطة" says when: the police are not whom the calls are made to."""
    found = _events(pipeline, "ورفض الرئيس، الأربعاء، دعوات إلى استقالته بعد صدور توصية الشرطة.")
    assert found and all(event[3] != "الشرطة" for event in found), found


@pytest.mark.parametrize(
    ("text", "march"),
    [
        ("وأكد الوزير أن المغرب ماض في مسيرة التنمية والإصلاح.", False),  # a path
        ("وشارك الآلاف في مسيرة احتجاجية وسط العاصمة.", True),
        ("ونظمت النقابات مسيرة الغضب أمام البرلمان.", True),  # what the march is for
        ("وانطلقت المسيرة الشعبية من ساحة الشهداء.", True),  # definite, with its adjective
    ],
)
def test_a_march_noun_before_a_definite_noun_is_a_path(pipeline, text: str, march: bool) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert any(event[0] == "PROTEST" for event in found) is march, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbal noun coordinated with one before it: its genitive is the target, not a subject
        ("وأكد الوزير على ضرورة الدفاع عن القضية الفلسطينية ودعم الشعب الفلسطيني.",
         ("SUPPORT", "الوزير", "الشعب الفلسطيني")),
        ("وتعهدت الحكومة بحماية المدنيين ودعم الجيش.", ("SUPPORT", "الحكومة", "الجيش")),
    ],
)
def test_a_coordinated_verbal_noun_is_no_verb(pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = [(e[0], e[2], e[3]) for e in _events(pipeline, text)]
    assert expected in found, found


def test_a_coordinated_verb_stays_a_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = [(e[0], e[2]) for e in _events(pipeline, "وانتقد الحزب قرار الحكومة ودعم الرئيس المبادرة الجديدة.")]
    assert ("SUPPORT", "الرئيس") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "وقال إنه لا إمكانية لمحاصرة الوباء بسبب غياب التلقيح.",  # a disease is besieged only in a figure
        "وتحرص الدولة على تخفيف معاناة اللاجئين.",
        "وقالت الوزيرة إن هذه الأعداد تمثل ناقوس إنذار.",
    ],
)
def test_figures_of_speech_are_no_events(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipeline, text) == []


def test_a_call_to_visit_is_an_invitation(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وقدم الرئيس الجزائري دعوة لقائد الجيش لزيارة العاصمة.")
    assert [e[:2] for e in found] == [("CONSULT", "دعوة")], found  # the visit invited to is no event of its own


def test_an_attack_in_words_is_disapproval(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "هاجم البرلماني المصري مصطفى بكري الرئيس التونسي السابق منصف المرزوقي، قائلا إنه ارتهن نفسه للخارج."
    assert [e[0] for e in _events(pipeline, text)] == ["DISAPPROVE"]


def test_an_armed_attack_stays_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وهاجم مسلحون مركزا للشرطة في سيناء.")
    assert [e[:4] for e in found] == [("ASSAULT", "هاجم", "مسلحون", "مركزا")], found


def test_a_preposition_left_on_an_event_noun(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وتدخلت الشرطة لتفريق المتظاهرين.")
    assert [(e[0], e[2], e[3]) for e in found] == [("COERCE", "الشرطة", "المتظاهرين")], found


def test_a_verb_is_not_read_inside_a_word_after_its_first_letter(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert all(e[0] != "DEMAND" for e in _events(pipeline, "وبحث الوزير مع نظيره العلاقات الثنائية."))


def test_a_conjunction_left_on_a_verb_with_a_suffix(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "واستجوبته الشرطة لساعات.")
    assert [(e[0], e[2]) for e in found] == [("INVESTIGATE", "الشرطة")], found


def test_a_clitic_left_on_a_trigger_is_outside_its_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "وتدخلت الشرطة لتفريق المتظاهرين.")
    assert [e[1] for e in found] == ["تفريق"], found


@pytest.mark.parametrize(
    "text",
    [
        "واعترضت الدفاعات الجوية صاروخا باليستيا فوق المدينة.",  # intercepting, no objection (no على)
        "وهو ما يستدعي اتخاذ موقف حاسم من الحكومة.",  # "requires", no summons
    ],
)
def test_a_verb_in_its_other_sense_is_no_disapproval(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(pipeline, text) if e[0] == "DISAPPROVE"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("واعترضت الحكومة على القرار الأخير.", "اعترضت"),
        ("وأبدت الحكومة اعتراضها الشديد على القرار.", "اعتراض"),
        ("واستدعت وزارة الخارجية السفير الإيراني.", "استدعت"),
    ],
)
def test_objecting_and_summoning_are_disapprovals(pipeline, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e[0] == "DISAPPROVE" and e[1].startswith(trigger) for e in _events(pipeline, text)), _events(pipeline, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("وجاءت إدانتها بتهمة الانتماء إلى جماعة مسلحة في شباط.", "COERCE"),  # a conviction
        ("وأدانت الحكومة الهجوم على السفارة.", "DISAPPROVE"),  # a condemnation in words
    ],
)
def test_a_conviction_with_its_charge_is_coercion(pipeline, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in _events(pipeline, text) if e[1].startswith(("إدان", "أدان"))]
    assert found and found[0][0] == kind, _events(pipeline, text)


def test_a_verb_needing_ala_reads_it_with_a_pronoun(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"وحكم عليها بالسجن": على with a pronoun after it is the preposition the verb needs."""
    assert any(e[0] == "COERCE" and e[1] == "حكم" for e in _events(pipeline, "وحكم عليها في شباط بالسجن سبعة أشهر."))
