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


def test_a_meeting_spoken_of_is_not_the_speakers_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the speaker of "اللقاء يبرز أن ..." speaks of a meeting; "التقيته" is one the speaker had
    said_of = _events(pipeline, 'وقال المحلل عبد الفتاح البلعمشي إن "اللقاء يبرز أن المغرب وفرنسا وفيان للخط التقليدي".')
    assert not [e for e in said_of if e[1] == "اللقاء" and e[2] == "عبد الفتاح البلعمشي"], said_of
    had = _events(pipeline, 'وقال رشيد رحيموف: "بعد أن التقيته رأيت الدموع في عينيه".')
    assert ("CONSULT", "التقيته", "رشيد رحيموف") in [e[:3] for e in had], had
