"""The event lexicon expands into trigger forms deterministically, and the shipped triggers.tsv is its output."""

from __future__ import annotations

from khabar.stages.events import EventLexicon
from khabar.training.event_triggers import (
    TRIGGERS,
    excluded_forms,
    expand,
    noun_entry,
    read_entries,
    verb_entry,
)


def test_a_verb_gives_its_past_present_participle_and_verbal_noun() -> None:
    entry = verb_entry("انتقد\tsound\tانتقد\t-\tينتقد\tمنتقد\tانتقاد\tDISAPPROVE\tobj\tانتقادات".split("\t"))
    forms = {f for f, _ in entry.forms}
    assert {"انتقد", "انتقدت", "انتقدوا", "ينتقد", "تنتقد", "منتقدا", "انتقاد", "الانتقاد", "انتقاده", "انتقادات"} <= forms
    assert entry.type == "DISAPPROVE"


def test_a_noun_gives_its_article_and_accusative_forms() -> None:
    forms = {f for f, _ in noun_entry("هجوم\tASSAULT\tعلى\tهجمات".split("\t")).forms}
    assert {"هجوم", "الهجوم", "هجوما", "هجمات", "الهجمات"} <= forms


def test_forms_that_are_other_words_are_left_out() -> None:
    forms = expand(read_entries(), excluded_forms())
    assert "هنا" not in forms  # هنأ normalised: "here"
    assert "المعارضه" not in forms  # "the opposition"
    assert forms["ودعا"[1:]][1] == "DEMAND"


def test_the_shipped_triggers_are_the_lexicon_expanded() -> None:
    shipped = {line.split("\t")[0]: line.split("\t")[2] for line in TRIGGERS.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")}
    expected = {form: kind for form, (_, kind, _, _) in expand(read_entries(), excluded_forms()).items()}
    assert shipped == expected, "resources/events/triggers.tsv is stale: run python -m khabar.training.event_triggers build"
    assert EventLexicon.load().by_first["هاجم"][0].type == "ASSAULT"
