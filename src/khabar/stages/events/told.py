"""Whether a trigger found tells a new event: not a reference back to one told ("هذه الزيارة", "خلال
اللقاء"), a description ("يمثل تهديدا"), a count ("حالات اعتداء"), a remembrance ("ذكرى الانتفاضة"), the
crime an accusation alleges, an anonymous source's request ("طلب عدم نشر اسمه") or a game ("قمة الدوري");
and one event of a type per sentence unless the participants differ.
"""

from __future__ import annotations

from khabar.model import Event, Span
from khabar.stages.events.context import EventContext
from khabar.stages.events.lexicon import EventLexicon
from khabar.stages.events.triggers import Found

REFERRED_TYPES = frozenset({"CONSULT", "SUPPORT", "AID", "AGREE", "COOPERATE", "SANCTION", "INVESTIGATE"})  # "خلال اللقاء" is told once
ACCUSED_WORDS = 5  # words before a crime noun within which an accusation makes it the alleged crime


def once_per_sentence(ctx: EventContext, events: list[Event]) -> list[Event]:
    """One event of a type per sentence unless the participants differ: "قتل 18 شخصا في هجوم انتحاري"
    names one assault with two words; a mention that adds no participant is the same event again."""
    kept: list[Event] = []
    seen: dict[tuple[int, str], list[Event]] = {}
    for event in events:
        key = (ctx.sentence_of[ctx.token_index(event.trigger.start)], event.type)
        before = seen.setdefault(key, [])
        if any(_no_more(event, other) for other in before):
            continue
        before.append(event)
        kept.append(event)
    return kept


def _no_more(event: Event, other: Event) -> bool:
    """Whether ``event`` names no participant ``other`` lacks."""
    def same(a_id: str | None, a: Span | None, b_id: str | None, b: Span | None) -> bool:
        return a is None or (a_id is not None and a_id == b_id) or a == b
    return same(event.actor_id, event.actor, other.actor_id, other.actor) \
        and same(event.target_id, event.target, other.target_id, other.target)


def refers_back(ctx: EventContext, lexicon: EventLexicon, found: Found) -> bool:
    """Whether a noun trigger refers back to an event already told ("هذه الزيارة", "تلك الأحداث", "خلال
    اللقاء" with no one named after it), describes rather than tells one ("يمثل تهديدا"), counts cases ("5
    حالات اعتداء": a statistic), or names the crime an accusation alleges ("اتهام نتنياهو بالفساد")."""
    if found.trigger.verbal or found.first == 0:
        return False
    previous = ctx.norm(found.first - 1)
    if lexicon.has("demonstrative", previous) or lexicon.has("copula", previous) or lexicon.has("statistic", previous):
        return True  # "هذه الزيارة", "يمثل تهديدا", "حالات اعتداء": no event told
    if _during_the_event(ctx, lexicon, found, previous):
        return True
    first, _ = ctx.sentence_range(found.first)
    return found.trigger.type == "CRIME" and any(
        lexicon.has("accusation", ctx.norm(at)) or lexicon.has("accusation", ctx.stem(at))
        for at in range(max(first, found.first - ACCUSED_WORDS), found.first))


def _during_the_event(ctx: EventContext, lexicon: EventLexicon, found: Found, previous: str) -> bool:
    """"خلال اللقاء، اطلع ...": a definite meeting, visit or deal after a time preposition, with no one
    named right after it, is the one already told."""
    after = found.last + 1
    if not lexicon.has("during", previous) or found.trigger.type not in REFERRED_TYPES \
            or not ctx.stem(found.first).startswith("ال") or ctx.tokens[found.last][4] < ctx.tokens[found.last][1]:
        return False
    return after >= len(ctx) or ctx.is_punct(after) or (
        after not in ctx.mention_over and ctx.norm(after) not in ("مع", "بين") and not ctx.proclitic(after).endswith("ل"))


def a_match(ctx: EventContext, lexicon: EventLexicon, event: Event) -> bool:
    """Whether a meeting is a game ("لقاء الفريقين", "قمة الكلاسيكو", "يلتقي ريال مدريد برشلونة"): a
    meeting between no named people, in a sentence about a game (a sports word there)."""
    if event.type != "CONSULT" or any(
            entity_id and ctx.doc.entity(entity_id).label == "PER" for entity_id in (event.actor_id, event.target_id)):
        return False
    first, last = ctx.sentence_range(ctx.token_index(event.trigger.start))
    return not lexicon.words.get("sport", frozenset()).isdisjoint(ctx.stems[first : last + 1])


def anonymous_source(ctx: EventContext, lexicon: EventLexicon, found: Found) -> bool:
    """Whether a request is the news formula of a source kept anonymous ("المسؤول، الذي طلب عدم نشر
    اسمه", "طلب عدم الكشف عن هويته"): no demand between parties."""
    after = found.last + 1
    return found.trigger.type == "DEMAND" and after + 1 < len(ctx) and ctx.norm(after) == "عدم" \
        and lexicon.has("anonymity", ctx.stem(after + 1))


def a_reference(ctx: EventContext, event: Event) -> bool:
    """A definite event noun with no participants ("خلال اللقاء", "بعد الهجوم") names an event told before
    (the guidelines record it once), not a new one."""
    index = ctx.token_index(event.trigger.start)
    return ctx.stem(index).startswith("ال") and event.actor is None and event.target is None \
        and not ctx.tokens[index][3] > ctx.tokens[index][0] and event.type in REFERRED_TYPES
