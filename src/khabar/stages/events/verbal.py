"""Reading a verb's clause where its subject is not a plain noun after or before it: a relative clause
("الحزب الذي يدعم الحكومة"), a passive written with its damma ("قُتل الصحفي", "أن مواطنا يابانيا احتُجز"),
an act named as the subject ("استهدف هجوم انتحاري مسجدا").
"""

from __future__ import annotations

from khabar.stages.events.context import EventContext, is_adjective
from khabar.stages.events.participants import Participant, Reader
from khabar.stages.events.triggers import Found

RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})
AUXILIARIES = frozenset({"كان", "كانت", "كانوا", "قد", "لقد", "ما", "لا", "لم", "تزال", "يزال"})  # between a relative and its verb
RELATIVE_REACH = 3  # words back from a verb to its relative pronoun
DAMMA = "\u064f"
MAX_FRONTED = 3  # words of a noun phrase fronted before a passive verb
PASSIVE_MARK_CHARS = 5  # letters (with their marks) of a verb within which a passive's damma is written


def relative_head(ctx: EventContext, reader: Reader, found: Found, first: int) -> Participant | None:
    """The noun a relative clause opening right before a verb qualifies ("الجمعيات التي كانت تساعد"):
    an entity or a group phrase ending right before الذي / التي / الذين."""
    for at in range(found.first - 1, max(first, found.first - RELATIVE_REACH) - 1, -1):
        if ctx.norm(at) in RELATIVES:
            return _antecedent(ctx, reader, at, first) if at > first else None
        if ctx.norm(at) not in AUXILIARIES:
            return None
    return None


def fronted(ctx: EventContext, reader: Reader, index: int, first: int) -> Participant | None:
    """A noun phrase opening a clause right before a verb ("أن مواطنا يابانيا احتُجز"): after أن / إن,
    a clause boundary or the sentence start; "قد" may come between ("أن طائرة قد اختُطفت")."""
    end = index - 2 if index - 1 > first and ctx.norm(index - 1) in ("قد", "لقد") else index - 1
    for head in range(max(first, end + 1 - MAX_FRONTED), end + 1):
        opens = head == first or reader.stops(head - 1) or ctx.norm(head - 1) in ("ان", "انه")
        if opens and not ctx.proclitic(head) and not ctx.is_punct(head) and ctx.stem(head):
            phrase = reader.phrase(head, end)
            if phrase.last == end:
                return phrase
    return None


def _antecedent(ctx: EventContext, reader: Reader, relative: int, first: int) -> Participant | None:
    """The noun right before a relative pronoun: an entity, a group phrase, or a definite noun
    ("الحزب الذي")."""
    noun = relative - 1
    found = reader.entity_at(noun) or reader.phrase_before(relative, first)
    if found is not None and reader.governed(found, first):
        return None  # "المعارض الرئيسي لبوتين الذي منع": the relative may qualify the phrase before
    if found is None and ctx.stem(noun).startswith("ال") and not ctx.proclitic(noun) and not is_adjective(ctx.stem(noun)):
        found = reader.phrase(noun, noun)
    return found


def passive(ctx: EventContext, found: Found) -> bool:
    """Whether a past verb is written as a passive: a damma on its first letters ("قُتل", "اعتُقل",
    "احتُجز"); unmarked verbs are read as active."""
    token = ctx.tokens[found.first]
    return DAMMA in ctx.text[token[3] : min(token[4], token[3] + PASSIVE_MARK_CHARS)]


def event_subject(ctx: EventContext, reader: Reader, index: int, last: int) -> int | None:
    """Where the object starts when the noun right after a verb names an act, not an actor ("استهدف
    هجوم انتحاري مسجدا", "أسفرت الغارات عن"): past that noun and its adjectives; else None."""
    if index > last or ctx.proclitic(index) or index in ctx.mention_over or not reader.lexicon.names_event(ctx.stem(index)):
        return None
    end = index + 1
    while end <= last and not ctx.proclitic(end) and is_adjective(ctx.stem(end)):
        end += 1
    return end
