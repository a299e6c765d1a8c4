"""Acts undergone, received or backed (``stages/events/undergone.py``): "تعرض لانتقادات من", "حظي باستقبال
من قبل", "بدعم من", "بطلب من"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتقدمت القوات في المدينة بدعم من التحالف الدولي.", ("SUPPORT", "التحالف الدولي", None)),
        ("وعقدت المنظمة اجتماعا في لاهاي بطلب من موسكو.", ("DEMAND", "موسكو", None)),
    ],
)
def test_who_is_named_after_min_backs(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = events_of(text)
    assert expected in found, found


def test_an_agent_phrase_after_bi_is_no_backer(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وتحظى الجهود بدعم كامل من قبل الحكومة اليمنية.")
    assert any(kind == "SUPPORT" and actor == "الحكومة اليمنية" for kind, actor, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of تعرض / حظي undergoes the act named after it; who is named after من does it
        ("وتعرض الوزير لانتقادات واسعة من المعارضة.", ("DISAPPROVE", "المعارضة", "الوزير")),
        ("وحظي المنتخب باستقبال حار من قبل المشجعين.", ("CONSULT", "المشجعين", "المنتخب")),
        ("وتحظى جهود المبعوث بدعم كامل من الحكومة.", ("SUPPORT", "الحكومة", "جهود المبعوث")),
    ],
)
def test_who_undergoes_an_act(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = events_of(text)
    assert expected in found, found


def test_the_one_criticised_is_no_speaker_criticising(events_of) -> None:  # type: ignore[no-untyped-def]
    found = events_of("وتعرض البابا فرنسيس لانتقادات في تشيلي.")
    assert ("DISAPPROVE", None, "فرنسيس") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting followed by the verb that brings its parties together
        ("وتستضيف إيران قمة ثلاثية تجمع الرئيس الإيراني حسن روحاني بالرئيس الروسي فلاديمير بوتين.",
         ("CONSULT", "حسن روحاني", "فلاديمير بوتين")),
        ("وقال الوزير بعد لقاء جمعه بنظيره التونسي عثمان الجرندي إن العلاقات متينة.", ("CONSULT", None, "عثمان الجرندي")),
    ],
)
def test_a_meeting_that_brings_parties_together(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = events_of(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتعرضت المستشفيات للقصف مساء الثلاثاء.", ("ASSAULT", None, "المستشفيات")),
        ("وخضع الوزير للاستجواب في مقر الشرطة.", ("INVESTIGATE", None, "الوزير")),
    ],
)
def test_an_act_after_contracted_lil_is_undergone(events_of, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    """"للقصف" is ل + القصف: after "تعرض"/"خضع" the act is told and the one subjected suffers it."""
    found = events_of(text)
    assert expected in found, found


def test_a_purpose_after_contracted_lil_is_no_act(events_of) -> None:  # type: ignore[no-untyped-def]
    """"غادر الشباب للقتال": what for, no fight told (only an act undergone is read off "للـ")."""
    assert events_of("وغادر مئات الشباب للقتال في الخارج.") == []
