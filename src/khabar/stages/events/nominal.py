"""Whether a trigger written like a verb is read as a noun here: a verbal noun ("قصف", "دعم") looks like
its past verb, and only the words around it tell them apart."""

from __future__ import annotations

from khabar.stages.events.context import EventContext
from khabar.stages.events.lexicon import EventLexicon
from khabar.stages.events.participants import Reader
from khabar.stages.events.triggers import Found

COORDINATION_REACH = 6  # words back within which a coordinated verbal noun's first conjunct is looked for
VERBAL_NOUN_PREPS = frozenset({"عن", "من", "علي", "الي", "مع", "ضد"})  # a definite noun before these is a verbal noun


def definite(ctx: EventContext, found: Found) -> bool:
    """Whether a trigger word has the article; a past verb never does: its ال is the root's ("التقى",
    "التزم")."""
    return ctx.stem(found.first).startswith("ال") and found.trigger.kind != "past"


def is_nominal(ctx: EventContext, reader: Reader, lexicon: EventLexicon, found: Found) -> bool:
    """Whether a verb-like form is a noun here: it has the article, or a preposition governs it ("بعد
    قصف الحرس الثوري لمناطق", "لقصف"): a past verb never follows one; or it is coordinated with a
    verbal noun."""
    if definite(ctx, found):
        return True
    if found.trigger.kind not in ("past", "extra"):
        return False
    return ctx.proclitic(found.first).endswith(("ب", "ل")) or found.first > 0 and (
        reader.is_prep(found.first - 1) or lexicon.has("before_noun", ctx.norm(found.first - 1))) \
        or _coordinated_noun(ctx, reader, found)


def _coordinated_noun(ctx: EventContext, reader: Reader, found: Found) -> bool:
    """Whether a bare triliteral after "و" is a verbal noun coordinated with one before it ("بحماية
    المدنيين ودعم الجيش", "الدفاع عن القضية ودعم الشعب"): that one governed by ب/ل or followed by its
    own preposition, within a few words of the clause."""
    at = found.first
    token = ctx.tokens[at]
    if found.trigger.kind != "past" or ctx.proclitic(at) != "و" or token[4] < token[1] or len(ctx.stem(at)) != 3:
        return False
    for index in range(at - 1, max(ctx.sentence_range(at)[0], at - COORDINATION_REACH) - 1, -1):
        if reader.stops(index) or ctx.proclitic(index)[:1] == "و":
            return False
        if index in ctx.mention_over or index in ctx.role_over:
            continue
        if ctx.proclitic(index) in ("ب", "ل", "لل") and ctx.stem(index)[:1] not in ("", "ه"):
            return True
        if ctx.stem(index).startswith("ال") and ctx.norm(index + 1) in VERBAL_NOUN_PREPS:
            return True
    return False
