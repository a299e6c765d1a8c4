"""Whether an event is reported as done, intended, threatened, denied or only imagined.

Read from the few words before the trigger in its clause: a negation (لم، لا، عدم) denies it, a threat
verb (هدد بـ) threatens it, a condition or modal (إذا، لو، يجب، يمكن) makes it hypothetical, and the future
prefix (سيركز), a future or intention word (سوف، يعتزم، المقرر، من أجل) or a following "المقبل" plans it.
"""

from __future__ import annotations

from khabar.model import EventMode
from khabar.stages.events.context import EventContext
from khabar.stages.events.lexicon import EventLexicon, Trigger

LOOK_BACK = 3  # words before the trigger that can carry its mode
LOOK_AHEAD = 4  # words after it ("... الأسبوع المقبل")
PLUPERFECT = frozenset({"كان", "كانت", "كانوا"})  # "كان ... قد" + verb: it had happened
PLUPERFECT_REACH = 6  # words before قد within which كان comes


def mode_of(ctx: EventContext, lexicon: EventLexicon, index: int, trigger: Trigger) -> EventMode:
    """The mode of the trigger at token ``index``."""
    first, last = ctx.sentence_range(index)
    window = [i for i in range(max(first, index - LOOK_BACK), index) if not ctx.is_punct(i) and i not in ctx.mention_over]
    pairs = [(i, ctx.norm(i)) for i in window] + [(i, ctx.norm(i)[1:]) for i in window if ctx.norm(i)[:1] in ("و", "ف")]
    before = [w for _, w in pairs]
    stems_before = [ctx.stem(i) for i in window]  # "لو دريان" is no "لو": mentions are left out
    if any(lexicon.has("negation", w) for w in before):
        return EventMode.DENIED
    if any(lexicon.has("threat", w) for w in (*before, *stems_before)):
        return EventMode.THREATENED
    if any(lexicon.has("hypothetical", w) and not _perfect(ctx, at, w, first) for at, w in pairs):
        return EventMode.HYPOTHETICAL
    if trigger.kind == "present" and ctx.proclitic(index).endswith("س"):
        return EventMode.PLANNED
    after = [ctx.norm(i) for i in range(index + 1, min(last, index + LOOK_AHEAD) + 1)]
    if any(lexicon.has("future", w) for w in (*before, *stems_before, *after)):
        return EventMode.PLANNED
    if not trigger.verbal and stems_before and lexicon.has("intent", stems_before[-1]):
        return EventMode.PLANNED
    return EventMode.OCCURRED


def _perfect(ctx: EventContext, at: int, word: str, first: int) -> bool:
    """Whether "قد" at token ``at`` asserts rather than doubts: before a past verb ("قد وقعت", "لقد
    قتل"), or after كان ("وكان الإقليم قد تعرض لقصف": it had been shelled); before a present verb it
    means "may" ("قد يتعرض")."""
    if word not in ("قد", "لقد") or at + 1 >= len(ctx):
        return False
    following = ctx.stem(at + 1)
    if following[:1] in ("ي", "ن"):
        return False
    return following[:1] != "ت" or any(
        ctx.stem(i) in PLUPERFECT for i in range(max(first, at - PLUPERFECT_REACH), at))
