"""The quote lexicons: every person, gender and number of the reporting verbs, loaded as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.lexicon import RESOURCE_DIR, CueKind, QuoteLexicon, Role
from khabar.stages.resources import resource_rows
from khabar.training.quote_cues import expand, read_lemmas


def test_qala_in_all_persons_genders_and_numbers(lexicon: QuoteLexicon) -> None:
    forms = "قال قالت قالوا قالا قالتا قلن قلت قلنا يقول تقول يقولون يقولان أقول نقول قائلا قائلة قائلين"
    for form in forms.split():
        for variant in (form, "و" + form, "ف" + form):
            assert lexicon.cues[normalise_query(variant)].lemma == "قال", variant


def test_kinds_and_roles(lexicon: QuoteLexicon) -> None:
    assert lexicon.cues["مضيفا"].kind is CueKind.PARTICIPLE
    assert lexicon.cues["قوله"].kind is CueKind.MASDAR
    assert lexicon.cues["يؤكدون"].kind is CueKind.PRESENT
    assert lexicon.cues["نقلت"].role is Role.RELAY and lexicon.cues["وجد"].role is Role.THINK
    assert lexicon.cues["دعت"].np_preps == {"الي"} and lexicon.cues["حذر"].that_preps == {"من"}
    assert lexicon.cues["اكدت"].takes_object


def test_ambiguous_forms_are_left_out(lexicon: QuoteLexicon) -> None:
    for word in ("بين", "وبين", "عبر", "مجددا", "نقلا"):  # between, via, again, "نقلا عن" (an attribution)
        assert word not in lexicon.cues
    assert "نقلا" in lexicon.attributions


def test_word_classes(lexicon: QuoteLexicon) -> None:
    assert lexicon.is_a("complementiser", "بانه") and lexicon.is_a("relative", "التي")
    assert lexicon.is_a("side", "من جانبه") and lexicon.is_a("source", "مصادر")


def test_shipped_forms_follow_the_verb_table() -> None:
    shipped = {form: (lemma, kind) for form, lemma, kind, *_ in resource_rows(RESOURCE_DIR / "cue_forms.tsv")}
    assert shipped == expand(read_lemmas()), "run: python -m khabar.training.quote_cues build"


def test_a_missing_lexicon_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="words.tsv"):
        QuoteLexicon.load(tmp_path)
