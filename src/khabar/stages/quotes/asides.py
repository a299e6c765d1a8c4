"""Asides in the words between a cue and its content: a relative clause between commas or dashes, a request
not to be named ("طلب عدم الكشف عن اسمه"), "ويدعى" (is called), and ", يضيف البلاغ،" naming the source of
another verb's statement. The opener steps over them; the verbs in them report nothing.
"""

from __future__ import annotations

from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.lexicon import Cue

DASHES = "-–—"
MAX_RELATIVE_ASIDE = 20  # "، التي تعتبرها أنقرة منظمة "إرهابية" وتخشى أن تؤسس حكما ذاتيا على حدودها،"


def relative_aside_end(ctx: QuoteContext, index: int, stop: int) -> int | None:
    """The closing comma of a relative clause between commas that starts at ``index`` (", الذي/التي ..., ")."""
    marks = ",،" if ctx.is_punct(index, ",،") else DASHES if ctx.is_punct(index, DASHES) else None
    if marks is None or index + 1 > stop or not ctx.word_is(index + 1, "relative"):
        return None  # ", الذي ...،" or "- الذي ... -"
    for close in range(index + 2, min(stop, index + 1 + MAX_RELATIVE_ASIDE) + 1):
        if ctx.is_punct(close, marks):
            return close
        if ctx.is_punct(close) and not ctx.is_punct(close, '"«»“”()'):
            return None
    return None


CALLED = ("ادعى", "دعى")  # the lemma, and how "يدعى"/"تدعى" (is called) end as written


def is_called(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    """Whether "يدعى" at ``index`` is يُدعى (is called), written with its alif maqsura, not يدّعي (claims)."""
    return cue.lemma == CALLED[0] and ctx.chars(index).endswith(CALLED[1])


NOT_TO_BE = frozenset(("عدم", "بعدم"))  # "طلب عدم الكشف عن اسمه", "اشترط عدم ذكر اسمه"
MAX_ANONYMITY_TOKENS = 6


def asks_anonymity(ctx: QuoteContext, index: int) -> bool:
    """Whether the cue at ``index`` asks not to be named ("طلب عدم الكشف عن هويته"): it reports nothing."""
    return index + 1 < len(ctx) and ctx.norm(index + 1) in NOT_TO_BE


def anonymity_end(ctx: QuoteContext, index: int, limit: int) -> int:
    """The last token of "طلب عدم الكشف عن هويته": before a comma, a complementiser or a quotation."""
    last = index + 1
    for after in range(index + 2, min(limit, index + 1 + MAX_ANONYMITY_TOKENS) + 1):
        if not ctx.is_word(after) or ctx.exactly(after, "complementiser"):
            break
        last = after
    return last


MAX_ASIDE_WORDS = 4  # "، يضيف البلاغ ذاته،"


def parenthetical_end(ctx: QuoteContext, index: int) -> int | None:
    """The closing comma of an aside "، يضيف البلاغ،" whose verb is at ``index``, right after a subject
    ("واعتبر العثماني، يضيف البلاغ، أن ..."): the source of the report, inside another verb's clause."""
    if index < 2 or not ctx.is_punct(index - 1, ",،") or ctx.has_conjunction(index):
        return None
    for close in range(index + 1, min(len(ctx), index + 2 + MAX_ASIDE_WORDS)):
        if ctx.is_punct(close, ",،"):
            return close if close > index + 1 and _clause_verb_before(ctx, index - 1) else None
        if not ctx.is_word(close):
            return None
    return None


def _clause_verb_before(ctx: QuoteContext, comma: int) -> bool:
    """Whether a reporting verb opens the clause a few words before ``comma`` (its subject between)."""
    first, _ = ctx.sentence_bounds(comma)
    for index in range(comma - 1, max(first, comma - 1 - MAX_ASIDE_WORDS * 2) - 1, -1):
        if not ctx.is_word(index):
            return False
        cue = ctx.lexicon.cues.get(ctx.norm(index))
        if cue is not None and cue.is_verb:
            return True
    return False
