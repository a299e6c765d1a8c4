"""Properties that hold on any text: offsets in bounds, content non-empty, speakers that exist,
unbalanced quotation marks reported as diagnostics (never a crash, never a guess).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import from_json, to_json
from khabar.stages.quotes.marks import UNBALANCED, pair_marks

# Words that exercise the quote finder (cues, complementisers, attributions, marks), plus noise.
WORDS = ["قال", "وقال", "قالت", "إن", "أن", "إنه", "الوزير", "لو دريان", "دريان", "مصادر", "مطلعة", "،", ".", ":",
         '"', "«", "»", "“", "”", "مضيفا", "وحذر", "من", "بحسب", "وفقا", "لـ", "البيان", "وأوضح", "التي", "أوضحت",
         "كان", "قد", "أشار", "إلى", "ونقلت", "عن", "قوله", "الاثنين", "في", "ويذكر", "لم", "يذكر", "-", "(", ")",
         "\n", "ب", "بـ", "حسب", "ما", "ذكر", "موقع", "على", "حد", "تعبيره", "ودعا", "مُ", "ـ", "123", "CNN"]
NOISE = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىةـًٌٍَُِّْ«»\"،؛؟.!:\n"), max_size=12)
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), NOISE), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_quotes_hold_together_on_any_text(text: str, analyse: Callable[..., Any]) -> None:
    if not text.strip():
        return
    doc = analyse(text, ("PER", "لو دريان", "دريان"), ("ORG", "الوزير"))  # the pipeline checks every offset
    ids = {e.id for e in doc.entities}
    for quote in doc.quotes:
        assert 0 <= quote.content.start < quote.content.end <= len(doc.text)
        assert doc.text_of(quote.content).strip()
        assert quote.speaker_id is None or quote.speaker_id in ids
        for span in (quote.cue, quote.speaker):
            assert span is None or 0 <= span.start < span.end <= len(doc.text)
    assert [q.id for q in doc.quotes] == [f"q{i}" for i in range(1, len(doc.quotes) + 1)]
    assert from_json(to_json(doc)).quotes == doc.quotes


@given(text=st.text(st.sampled_from('ab «»“”"\n'), max_size=40))
def test_every_mark_is_paired_or_reported(text: str) -> None:
    pairs, unpaired = pair_marks(text)
    used = [at for pair in pairs for at in pair] + unpaired
    assert sorted(used) == [i for i, c in enumerate(text) if c in '«»“”"']
    assert all(open_ < close and "\n" not in text[open_:close] for open_, close in pairs)


def test_unbalanced_quotation_mark_is_a_diagnostic(analyse: Callable[..., Any]) -> None:
    # CN-middleEast-345-20180323: a doubled opening mark leaves one without a partner
    text = 'وأضاف: ""نحن نبني دبلوماسيتنا على أساس مبادئنا".\nوقال الوزير «إن الوضع مستقر.'
    doc = analyse(text)
    found = [d for d in doc.diagnostics if d.code == UNBALANCED]
    assert [doc.text_of(d.span) for d in found] == ['"', "«"]
    assert all(d.stage == "quotes" for d in found)
    assert not any("الوضع مستقر" in doc.text_of(q.content) and q.kind.value == "direct" for q in doc.quotes)


def test_existing_diagnostics_are_kept(analyse: Callable[..., Any], finder: Any) -> None:
    import dataclasses

    from khabar.model import Diagnostic

    doc = analyse('قال الوزير "نعم')
    earlier = Diagnostic("read", "note", "kept")
    again = finder(dataclasses.replace(doc, diagnostics=(earlier,)))
    assert again.diagnostics[0] == earlier and again.diagnostics[1].code == UNBALANCED


def test_text_without_tokens_has_no_quotes(finder: Any) -> None:
    from khabar.model import Document

    assert finder(Document(id="empty", text=" ")).quotes == ()
