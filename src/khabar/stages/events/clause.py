"""What the words of a clause name, for the participant reader (``participants.py``): where a search
stops, prepositions, the entity or group a token starts or lies in (a mention, a title in apposition, a
surname alone, an organisation's head word), and a short noun phrase naming no entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.model import Entity, Span
from khabar.stages.events.context import EventContext, Mention, is_adjective
from khabar.stages.events.lexicon import EventLexicon

SEPARATE_PREPS = frozenset({"في", "علي", "الي", "من", "عن", "مع", "ضد", "حول", "بشان", "لدي", "تجاه", "نحو", "عبر", "خلال", "بعد", "قبل", "منذ", "بين", "عند"})
ATTACHED_PREPS = ("ب", "ل", "ك")
MAX_PHRASE = 3  # words of a participant phrase that names no entity
TITLE_WORDS = 6  # words of a title before the name it introduces


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity (with the mention or phrase naming it here) or a phrase alone; tokens [first, last]."""

    first: int
    last: int
    entity: Entity | None
    span: Span


class Clause:
    """Lookups on one article's clauses, shared by the readers of participants."""

    def __init__(self, ctx: EventContext, lexicon: EventLexicon, titles: frozenset[str]) -> None:
        self.ctx = ctx
        self.lexicon = lexicon
        self.titles = titles

    def stops(self, index: int) -> bool:
        """Whether a participant search stops at token ``index`` (punctuation or a clause boundary)."""
        ctx = self.ctx
        if ctx.is_punct(index):
            return ctx.punct_text(index) not in ("«", "»", '"', "“", "”", "(", ")")
        return self.lexicon.has("boundary", ctx.norm(index))

    def is_prep(self, index: int) -> bool:
        return self.ctx.norm(index) in SEPARATE_PREPS

    # ---------------------------------------------------------------- participants

    def entity_at(self, at: int) -> Participant | None:
        """The entity token ``at`` names: a mention, a title in apposition, a person's surname alone, or
        a title written before that person's name elsewhere in the article ("الملك" for محمد السادس)."""
        ctx = self.ctx
        mention = ctx.mention_over.get(at) or ctx.role_over.get(at)
        if mention is not None:
            return _of(mention)
        named = ctx.named.get(ctx.stem(at)) or self.headed(at)
        if named is not None:
            return Participant(at, at, named, Span(ctx.tokens[at][3], ctx.tokens[at][4]))
        if ctx.stem(at) in self.titles:  # "بشجاعة الرئيس الأمريكي": the title written before a name elsewhere
            for end in range(min(len(ctx) - 1, at + TITLE_WORDS - 1), at - 1, -1):
                titled = ctx.titled.get(" ".join(ctx.stems[at : end + 1]))
                if titled is not None:
                    if end + 1 < len(ctx) and not ctx.proclitic(end + 1) and is_adjective(ctx.stem(end + 1)):
                        return None  # "الرئيس الأمريكي" is not the president titled "الرئيس" before a name elsewhere
                    return Participant(at, end, titled, Span(ctx.tokens[at][3], ctx.tokens[end][4]))
        return None

    def at(self, index: int, last: int) -> Participant | None:
        """The participant starting at token ``index``: an entity mention, a title in apposition (its
        person), a title followed by a name ("وزير الخارجية الجزائري"), or a phrase naming a group."""
        ctx = self.ctx
        mention = ctx.mention_at.get(index) or ctx.mention_over.get(index)
        if mention is not None and mention.first >= index - 1:
            return _of(mention)
        role = ctx.role_over.get(index)
        if role is not None:
            return _of(role)
        stem = ctx.stem(index)
        named = ctx.named.get(stem) or self.headed(index)
        if named is not None:
            return Participant(index, index, named, Span(ctx.tokens[index][3], ctx.tokens[index][4]))
        if index < last and self.lexicon.has("demonstrative", ctx.norm(index)) and self.headed(index + 1):
            return Participant(index, index + 1, self.headed(index + 1), Span(ctx.tokens[index][3], ctx.tokens[index + 1][4]))
        if stem in self.titles:
            found = self.named_after(index, last)
            if found is not None:
                return found
            phrase = self.phrase(index, last)
            titled = ctx.titled.get(" ".join(ctx.stems[phrase.first : phrase.last + 1]))
            return Participant(phrase.first, phrase.last, titled, phrase.span) if titled is not None else phrase
        if self.lexicon.has("phrase_head", stem):
            return self.phrase(index, last)
        return None

    def headed(self, index: int) -> Entity | None:
        """The organisation a definite head word names after its full name came ("اللجنة")."""
        found = self.ctx.heads.get(self.ctx.stem(index))
        return found[1] if found is not None and found[0] < index else None

    def named_after(self, index: int, last: int) -> Participant | None:
        """The person or organisation named within a title's words after ``index`` (commas allowed)."""
        ctx = self.ctx
        for at in range(index + 1, min(last, index + TITLE_WORDS) + 1):
            if ctx.is_punct(at) and ctx.punct_text(at) not in ("،", ","):
                return None
            mention = ctx.mention_at.get(at)
            if mention is not None and mention.entity.label == "PER":
                return _of(mention)
            if mention is None and (self.is_prep(at) or self.lexicon.has("boundary", ctx.norm(at))):
                return None
        return None  # "وزير خارجية الإمارات الشيخ عبدالله": a place or body inside the title is passed

    def phrase(self, index: int, last: int) -> Participant:
        """Up to MAX_PHRASE words from ``index``: a head and its adjectives or genitive; a part named with
        من takes the whole it is part of ("كوكبة من عناصر الأمن")."""
        ctx = self.ctx
        if index + 2 <= last and self.lexicon.has("partitive", ctx.stem(index)) and ctx.norm(index + 1) == "من" \
                and not self.stops(index + 2):
            whole = self.entity_at(index + 2) or self.phrase(index + 2, last)
            return Participant(index, whole.last, whole.entity, Span(self._phrase_start(index), whole.span.end))
        end = index
        while end + 1 <= last and end - index + 1 < MAX_PHRASE:
            following = end + 1
            if self.stops(following) or self.is_prep(following) or not ctx.stem(following):
                break
            head = ctx.stem(index)  # a sound plural keeping its ن is in no construct ("مسلحون مركزا")
            head_is_construct = end == index and not head.startswith("ال") and not sound_plural(head)
            if ctx.proclitic(following) or following in ctx.mention_over:
                owner = ctx.mention_at.get(following) if head_is_construct and head and not ctx.proclitic(following) \
                    and head not in self.titles else None  # "رئيس إريتريا" is a person, not the country
                if owner is not None:  # "عناصر تنظيم داعش": the members of a named body act as that body
                    return Participant(index, owner.last, owner.entity, Span(self._phrase_start(index), owner.span.end))
                break
            itself = self._itself(following)
            pointed = self.lexicon.has("demonstrative", ctx.norm(end))  # "أعضاء هذه اللجنة": the noun pointed at
            agreeing = sound_plural(head) and sound_plural(ctx.stem(following))  # "مسلحين مجهولين"
            if not head_is_construct and not pointed and not agreeing and not is_adjective(ctx.stem(following)) and not itself:
                break  # "الملك الحكومة": a second definite noun starts the object
            end = following
            if itself:
                break  # "المتحدث ذاته": the phrase ends there
        return Participant(index, end, None, Span(self._phrase_start(index), ctx.tokens[end][4]))

    def _phrase_start(self, index: int) -> int:
        """Where a phrase starts: after an attached clitic ("بالمتظاهرين"), but at the word's start when
        لـ swallowed the article's alif ("للمتظاهرين" is ل + المتظاهرين: its stem "لمتظاهرين" is no word)."""
        ctx, token = self.ctx, self.ctx.tokens[index]
        elided = ctx.proclitic(index) == "ل" and ctx.stem(index).startswith("ل") and ctx.norm(index).startswith("لل")
        return token[0] if elided else token[3]

    def _itself(self, index: int) -> bool:
        return self.lexicon.has("self", self.ctx.stem(index)) or self.lexicon.has("self", self.ctx.norm(index))

    def governed(self, found: Participant, first: int) -> bool:
        """Whether a preposition governs a participant (an attached ب/ل/ك, or a preposition before it)."""
        return self.ctx.proclitic(found.first).endswith(ATTACHED_PREPS) or found.first > first \
            and self.is_prep(found.first - 1)


def sound_plural(stem: str) -> bool:
    """Whether a word ends like a sound masculine plural ("مسلحون", "مواطنين"; not "ملايين")."""
    return stem.endswith("ون") or stem.endswith("ين") and len(stem) > 4 and stem[-3] not in ("ي", "ا")


def _of(mention: Mention) -> Participant:
    return Participant(mention.first, mention.last, mention.entity, mention.span)
