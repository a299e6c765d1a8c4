"""Acts someone undergoes or receives, and who is named as doing them after من: "تعرض لانتقادات واسعة من
المعارضة" (the one exposed is the target, the opposition acts), "حظي باستقبال حار من قبل المشجعين",
"بدعم من التحالف الدولي", "بطلب من موسكو", "قمة تجمع X بـ Y"; and the emotion nouns whose genitive feels them ("أثارت ...
حفيظة البوليساريو").
"""

from __future__ import annotations

from khabar.stages.events.context import is_adjective
from khabar.stages.events.participants import Participant, Reader
from khabar.stages.events.triggers import Found

BACKED = frozenset({"SUPPORT", "AID", "DEMAND", "COOPERATE"})  # "بدعم من X", "بطلب من X": X acts
UNDERGO_REACH = 3  # words back from an act to the verb its subject undergoes it with


def backer(reader: Reader, found: Found, last: int) -> Participant | None:
    """Who is named after من right after a verbal noun with بـ, an adjective between ("بدعم من
    فرنسا", "بدعم كامل من القيادة", "بطلب من موسكو"): the one backing or asking; not an agent phrase
    ("من قبل": read as the agent)."""
    if found.trigger.type not in BACKED or not reader.ctx.proclitic(found.first).endswith("ب"):
        return None  # "بالانسحاب من الاتفاق": what one withdraws from
    return named_by(reader, found, last)


def named_by(reader: Reader, found: Found, last: int) -> Participant | None:
    """Who is named after من right after a verbal noun, an adjective between ("لانتقادات واسعة من
    المعارضة"), not in an agent phrase; or None."""
    ctx = reader.ctx
    for at in range(found.last + 1, min(last - 1, found.last + 2) + 1):
        if ctx.norm(at) == "من":
            if reader.lexicon.has("agent", ctx.stem(at + 1)):
                return None
            return reader.at(at + 1, last) or reader.object_phrase(at + 1, last)
        if reader.stops(at) or ctx.proclitic(at) or not (is_adjective(ctx.stem(at)) or _qualifies(reader, found, at)):
            return None
    return None


def _qualifies(reader: Reader, found: Found, at: int) -> bool:
    """Whether the word right after an indefinite verbal noun is its indefinite adjective ("بدعم كامل",
    "لانتقادات واسعة"): no article, no entity, not a preposition."""
    ctx = reader.ctx
    return at == found.last + 1 and not ctx.stem(found.last).startswith("ال") and not ctx.stem(at).startswith("ال") \
        and at not in ctx.mention_over and not reader.is_prep(at)


def exposed(reader: Reader, found: Found, first: int) -> int | None:
    """The verb that its subject undergoes an act with, within three words before the act: "تعرض"
    ("was subjected to") before لـ ("تعرضوا لهجوم", "تعرضت مواقعه لقصف", "تعرض لانتقادات"), or "حظي"
    ("received") before بـ ("حظي باستقبال حار", "تحظى بدعم"); else None."""
    ctx = reader.ctx
    clitic = ctx.proclitic(found.first)
    cue = "exposed" if clitic.endswith("ل") else "received" if clitic.endswith("ب") else None
    if cue is None:
        return None
    for at in range(found.first - 1, max(first, found.first - UNDERGO_REACH) - 1, -1):
        if reader.lexicon.has(cue, ctx.stem(at)) or reader.lexicon.has(cue, ctx.norm(at)):
            return at
        if reader.stops(at):
            return None
    return None


def undergoer(reader: Reader, verb: int, found: Found, first: int) -> Participant | None:
    """Who undergoes an act after the verb at ``verb``: its subject between, or before it."""
    if verb + 1 < found.first:  # its subject between
        return reader.at(verb + 1, found.first - 1) or reader.phrase(verb + 1, found.first - 1)
    return reader.before(verb, first) or reader.phrase_before(verb, first)


def experienced(reader: Reader, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
    """An emotion noun ("أثارت المكتسبات التي حققها المغرب حفيظة البوليساريو"): whoever feels it
    disapproves (its genitive, or whoever is named right after it), of what or whom caused it (the
    person, body or place named before it in the clause)."""
    ctx, after = reader.ctx, found.last + 1
    while after <= last and ctx.punct_text(after) in ("«", '"', "“"):
        after += 1
    actor = reader.at(after, last) or reader.entity_after(after, min(last, after + 1)) \
        if after <= last and not ctx.proclitic(after) else None  # "غضب جبهة البوليساريو"
    cause = None
    for at in range(found.first - 1, first - 1, -1):
        candidate = reader.entity_at(at) or (reader.phrase(at, found.first - 1)
                                             if reader.lexicon.has("phrase_head", ctx.stem(at)) else None)
        if candidate is not None and (candidate.entity is None or actor is None or candidate.entity is not actor.entity):
            cause = candidate
            break
    return actor, cause


def brought_together(reader: Reader, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None] | None:
    """A meeting followed by the verb that brings its parties together ("قمة ثلاثية تجمع الرئيس الإيراني
    بالرئيسين", "اللقاء الذي جمعه بنظيريه"): the party after the verb, or the one its pronoun names (named
    before), meets the one after بـ / مع; None when no such verb follows within two words."""
    ctx = reader.ctx
    for at in range(found.last + 1, min(last - 1, found.last + 2) + 1):
        if reader.lexicon.has("joins", ctx.stem(at)):
            token = ctx.tokens[at]
            met = reader.after_prep(at + 1, last, ("ب", "مع"))
            suffix = ctx.text[token[4] : token[1]]
            if suffix in ("ه", "ها"):  # "جمعه": him, named before
                return reader.mentioned_before(found.first, first, ungoverned=True), met
            if suffix:
                return None  # "قمة جمعتهما": both parties were named before
            first_party = reader.at(at + 1, last)
            return (first_party, met) if first_party is not None else None
        if reader.stops(at) or not (ctx.norm(at) in ("الذي", "التي") or is_adjective(ctx.stem(at))):
            return None
    return None

