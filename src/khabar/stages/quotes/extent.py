"""Where indirect content stops short of its clause boundary: at a full stop the segmenter missed, before a
circumstantial clause opened by a participle, and before when it was said after a whole quotation.
"""

from __future__ import annotations

from khabar.stages.quotes.context import QuoteContext


def sentence_end(ctx: QuoteContext, start: int, end: int) -> int:
    """Indirect content ends with its sentence, even where a stray quotation mark kept the segmenter from
    ending the sentence there ("... الخماسي. ورفض معصيد ..."): at the first full stop outside quotation marks."""
    depth_until = -1
    for index in range(start, end):
        if index in ctx.close_of:
            depth_until = max(depth_until, ctx.close_of[index])
        elif index > depth_until and ctx.is_punct(index, ".!?\u061f") and ctx.is_word(index + 1) and not _initials(
                ctx, index):
            return index
    return end


MAX_INITIAL = 3  # letters of a spelled initial: "بي", "دي", "إس"


def _initials(ctx: QuoteContext, index: int) -> bool:
    """Whether the dot at ``index`` joins spelled initials ("بي.دي.في.إس.ايه"): short words glued on both sides
    (not "... الحالة.وأضاف", a full stop without its space)."""
    return (index > 0 and ctx.glued(index - 1, index) and ctx.glued(index, index + 1)
            and len(ctx.chars(index - 1)) <= MAX_INITIAL and len(ctx.chars(index + 1)) <= MAX_INITIAL)


def before_participle_clause(ctx: QuoteContext, start: int, end: int) -> int:
    """A circumstantial clause after a comma, opened by a participle the lexicon lacks ("، متفاديا
    الحديث عن ..."), is the journalist's, not the content: the content ends before it."""
    for index in range(start + 2, end):
        if ctx.is_punct(index - 1, ",،") and _participle_shaped(ctx, index) and ctx.is_word(index + 1):
            return index - 1
    return end


def _participle_shaped(ctx: QuoteContext, index: int) -> bool:
    """An accusative active participle of a derived verb: مُ...ًا ("متفاديا", "مستنكرا"), not an adverb."""
    form = ctx.norm(index)
    return (len(form) >= 6 and form[0] == "م" and form.endswith("ا") and not form.endswith("اا")
            and not ctx.word_is(index, "adverb") and form not in ctx.lexicon.cues)


def before_circumstance(ctx: QuoteContext, start: int, end: int) -> int:
    """Leave out when it was said: 'إنه «...» بعد جولة على مخيم': the quotation the content opened with is
    all of it. (Inside unquoted content "خلال ..." may be part of what was said, and stays.)"""
    opening = start + 1 if ctx.exactly(start, "complementiser") else start
    if opening in ctx.close_of and ctx.close_of[opening] < end and ctx.word_is(ctx.close_of[opening] + 1, "circumstance"):
        return ctx.close_of[opening]
    return end
