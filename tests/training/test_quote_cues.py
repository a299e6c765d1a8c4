"""Expanding the reporting-verb table into its forms (khabar.training.quote_cues)."""

from __future__ import annotations

from khabar.training.quote_cues import (
    Lemma,
    count_cues,
    expand,
    masdar_forms,
    participle_forms,
    past_forms,
    present_forms,
)

DA_A = Lemma("دعا", "defective", "دعا", "دعو", "يدعو", "داعي", "دعوة")
NAFA = Lemma("نفى", "defective", "نفى", "نفي", "ينفي", "نافي", "نفي")
ASHAR = Lemma("أشار", "hollow", "أشار", "أشر", "يشير", "مشير", "إشارة")


def test_defective_verbs() -> None:
    assert past_forms(DA_A)[:5] == ["دعا", "دعت", "دعوا", "دعوا", "دعتا"]
    assert "دعوت" in past_forms(DA_A) and "نفيت" in past_forms(NAFA) and "نفيا" in past_forms(NAFA)
    assert present_forms(DA_A)[4:6] == ["يدعون", "تدعون"] and present_forms(NAFA)[4] == "ينفون"


def test_hollow_verb_short_stem_and_derived_forms() -> None:
    assert {"أشرت", "أشرنا", "أشرن"} <= set(past_forms(ASHAR))
    assert participle_forms(ASHAR) == ["مشيرا", "مشيرة", "مشيرين"]
    assert masdar_forms(ASHAR)[:2] == ["إشارته", "إشارتها"]  # ta marbuta becomes ت before a suffix


def test_counting_cue_use() -> None:
    forms = expand([ASHAR])
    seen, as_cue = count_cues(["وأشار الوزير إلى أن الوضع مستقر", "يشير السهم إلى الشمال"], forms)
    assert seen["اشار"] == 1 and as_cue["اشار"] == 1
    assert seen["يشير"] == 1 and as_cue["يشير"] == 0
