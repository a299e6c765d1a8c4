"""The events stage: who did what to whom, where and when, as PLOVER event mentions.

Triggers are found on the tokens' normal forms from the lexicon in ``resources/events`` (``triggers.py``)
and kept when they tell a new event (``told.py``); each trigger's participants are read from its clause
(``participants.py``, ``clause.py``; a verb's relative clause, marked passive or act-as-subject in
``verbal.py``; acts undergone, received or backed, "تعرض لانتقادات", "بدعم من", in ``undergone.py``), its mode from the words around it (``mode.py``), its place from a LOC entity of its
sentence, its date from a time expression of its sentence or else the publication date, and a verbal
event is linked to the quote that reports it. A trigger inside an entity's name ("مجلس التعاون") is none.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from khabar.model import Document, Event, Quote, Span
from khabar.stages.entities.roles import load_titles
from khabar.stages.events.classifier import FILTER_FILE, EventFilter
from khabar.stages.events.context import EventContext, is_adjective
from khabar.stages.events.lexicon import EventLexicon
from khabar.stages.events.mode import mode_of
from khabar.stages.events.nominal import definite, is_nominal
from khabar.stages.events.participants import DONE_TO, Participant, Reader, sound_plural
from khabar.stages.events.told import a_match, a_reference, anonymous_source, once_per_sentence, refers_back
from khabar.stages.events.triggers import Found, match_triggers
from khabar.stages.events.undergone import backer, brought_together, experienced, exposed, named_by, undergoer
from khabar.stages.events.verbal import event_subject, fronted, passive, relative_head

STAGE = "events"
VERBAL_TYPES = frozenset({"DEMAND", "DISAPPROVE", "SUPPORT", "REJECT", "AGREE", "THREATEN", "CONCEDE"})
POSSESSED_TARGET = frozenset({"ASSAULT", "COERCE"})  # "اعتقاله": he is arrested; "تحقيقهم": they investigate
ACCUSING = frozenset({"اتهم"})  # a possessive on these names whom it is done to ("لاتهامه")
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "بين X وY": a meeting, a deal between two parties
AGENT_WORDS = 2  # the words of an agent phrase before its agent ("من قبل", "على يد")
PLURAL_SUBJECT = ("وا", "ون")  # a verb ending carrying its plural subject: "قتلوا", "يهاجمون"
WORDS_ATTACK = frozenset({"هاجم"})
OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})  # a verb's suffix naming whom it is done to  # an attack that reports a statement made is one in words


class EventReader:
    """Turns one found trigger into an Event."""

    def __init__(self, ctx: EventContext, lexicon: EventLexicon, titles: frozenset[str]) -> None:
        self.ctx = ctx
        self.lexicon = lexicon
        self.reader = Reader(ctx, lexicon, titles)
        self.chain: tuple[int, Participant] | None = None  # the last actor found, with its sentence
        published = ctx.doc.meta.published
        self.publication_day = published[:10] if published and len(published) >= 10 else None

    def events(self, found: Found) -> list[Event]:
        """The events of one trigger: one per actor and target when they are coordinated ("مدعومة
        بالمقاتلين الأكراد وتحالف جوي تقوده الولايات المتحدة": two supporters, two events)."""
        ctx = self.ctx
        first, last = ctx.sentence_range(found.first)
        actor, target = self.participants(found, first, last)
        read = actor
        if actor is not None and self._anaphoric(actor):
            actor = self.implied_speaker(found.first, first)  # "ودعا المتحدث ذاته": the speaker before
        quote = self.quote_of(found)
        told = quote is not None and self._inside(quote, found) and not found.trigger.verbal \
            and found.trigger.type != "DISAPPROVE"  # "بعد توقيع اتفاق الصخيرات" in a quote: not the speaker's act
        if actor is None and quote is not None and found.trigger.verbal and self._inside(quote, found):
            # "أن مجلس الأمن جدد ... وأشاد بـ": whoever the quote names before the verb acts, not its speaker
            actor = self.reader.mentioned_before(
                found.first, max(first, ctx.token_index(quote.content.start)), ungoverned=True)
        if actor is None and quote is not None and not told and (
                found.trigger.type in VERBAL_TYPES or found.trigger.type == "CONSULT" and not self._inside(quote, found)):
            actor = self.speaker(quote)  # "أن الوزير ذهب لزيارة": not the speaker's visit
        if actor is None and found.trigger.type in VERBAL_TYPES and not told:
            actor = self.implied_speaker(found.first, first)
        if actor is not read and _same_participant(actor, target) and exposed(self.reader, found, first) is not None:
            actor = None  # "وتعرض البابا لانتقادات": the one criticised is no speaker criticising himself
        date, date_span = self.date_of(first, last)
        kind = found.trigger.type
        if kind == "ASSAULT" and found.trigger.lemma in WORDS_ATTACK and found.trigger.verbal and target is not None \
                and target.entity is not None and target.entity.label in ("PER", "ORG") and self._said_after(found, last):
            kind = "DISAPPROVE"  # "هاجم البرلماني ... الرئيس السابق، قائلا إنه ...": an attack in words
        template = Event(
            id="", type=kind, trigger=Span(ctx.tokens[found.first][3] + found.skip, ctx.tokens[found.last][4]),
            mode=mode_of(ctx, self.lexicon, found.first, found.trigger), place_id=self.place_of(found, first, last),
            date=date, date_span=date_span, quote_id=quote.id if quote else None,
        )
        actors = [actor, *self.reader.coordinated(actor, last, after=found.last)]
        targets = [target, *self.reader.coordinated(target, last, after=found.last)]
        return [
            dataclasses.replace(template, actor_id=a.entity.id if a and a.entity else None, actor=a.span if a else None,
                                target_id=t.entity.id if t and t.entity else None, target=t.span if t else None)
            for a in actors for t in targets if not _same_participant(a, t)
        ]

    def _said_after(self, found: Found, last: int) -> bool:
        """Whether a statement is reported after the trigger in its sentence (its cue there: "قائلا")."""
        low, high = self.ctx.ends[found.last], self.ctx.ends[last]
        return any(q.cue is not None and low <= q.cue.start < high for q in self.ctx.quotes)

    def _anaphoric(self, participant: Participant) -> bool:
        """Whether a phrase refers back to someone named before: "المتحدث ذاته", "المصدر نفسه"."""
        ctx, after = self.ctx, participant.first + 1
        return participant.entity is None and self.lexicon.has("anaphor", ctx.stem(participant.first)) \
            and after < len(ctx) and (self.lexicon.has("self", ctx.stem(after)) or self.lexicon.has("self", ctx.norm(after)))

    def participants(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        """Actor and target from the clause: agent phrases, then VSO or SVO order, then construct states."""
        trigger = found.trigger
        if trigger.agent_preps:  # "القوات الحكومية، مدعومة بالمقاتلين الأكراد"
            actor = self.reader.after_prep(found.last + 1, last, trigger.agent_preps)
            return actor, self.reader.before(found.first, first) or self.reader.phrase_before(found.first, first)
        between = self._between(found, last) if trigger.type in RECIPROCAL else None
        if between is not None:
            actor, target = between
        elif (trigger.verbal or trigger.kind in ("extra", "phrase")) and not self._nominal(found):
            actor, target = self._verbal(found, first, last)
        else:
            actor, target = self._nominal_participants(found, first, last)
        if actor is None and self.chain is not None and self.chain[0] == self.ctx.sentence_of[found.first] \
                and self.ctx.proclitic(found.first)[:1] in ("و", "ف"):
            actor = self.chain[1]  # "مجلس الأمن جدد ... وأشاد ...": the subject goes on
        if actor is not None:
            self.chain = (self.ctx.sentence_of[found.first], actor)
        if target is not None and actor is not None and (target.span == actor.span or target.entity is not None
                                                         and target.entity is actor.entity):
            target = None
        return actor, target

    def _between(self, found: Found, last: int) -> tuple[Participant | None, Participant | None] | None:
        """"اجتماع بين ماكرون والملك", "اتفاق بين الحكومة والنقابات": the first party acts, the second is
        met; None when no بين follows the trigger (an adjective may come between)."""
        ctx, reader = self.ctx, self.reader
        for at in range(found.last + 1, min(last, found.last + 3) + 1):
            if ctx.norm(at) == "بين" and at < last:
                first_party = reader.at(at + 1, last) or reader.entity_after(at + 1, last)
                others = reader.coordinated(first_party, last, after=found.last) if first_party is not None else []
                return first_party, others[0] if others else None
            if reader.stops(at) or reader.is_prep(at) or ctx.proclitic(at):
                return None
        return None

    def _nominal(self, found: Found) -> bool:
        return is_nominal(self.ctx, self.reader, self.lexicon, found)

    def _verbal(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        reader, trigger, after, ctx = self.reader, found.trigger, found.last + 1, self.ctx
        agent = reader.agent(found.last, last)
        before = reader.before(found.first, first, verbal=trigger.verbal)
        if trigger.kind == "past" and passive(ctx, found):  # "قُتل الصحفي", "مواطنا يابانيا احتُجز"
            done_to = before or fronted(ctx, reader, found.first, first) or reader.object_phrase(after, last) \
                or reader.after(after, last)
            return agent, done_to
        if before is not None:
            return agent or before, reader.target_of(trigger, after, last)
        if trigger.kind == "participle":
            return agent, reader.target_of(trigger, after, last)
        if agent is not None and agent.first - AGENT_WORDS > after:
            # a passive: "اعتقل عشرات الناشطين من قبل قوات الأمن", "قتل الصحفي على يد مسلحين": its subject,
            # between the verb and the agent phrase, is whom it is done to
            return agent, reader.target_of(trigger, after, agent.first - AGENT_WORDS - 1)
        act_end = event_subject(ctx, reader, after, last) if agent is None and trigger.verbal else None
        if act_end is not None:  # "واستهدفت الغارات مواقع المسلحين": an act is the subject, its object follows
            return None, reader.target_of(trigger, act_end, last)
        head = relative_head(ctx, reader, found, first) if agent is None else None
        if head is not None:  # "الحزب الذي يدعم الحكومة", "المدينة التي هاجمها المسلحون"
            token = ctx.tokens[found.first]
            if token[4] < token[1]:  # the verb's pronoun is the head: whom it is done to; its subject follows
                return reader.after(after, last), head
            object_ = reader.target_of(trigger, after, last)
            if object_ is None and trigger.type in DONE_TO:
                return None, head  # "ريجيني الذي قتل في 2016": no object, a passive; "العامري الذي قتل 12 شخصا" acts
            return head, object_
        if agent is None and trigger.type in DONE_TO and self._object_pronoun(found):
            # "جنود عراقيين قتلهم عناصر تنظيم داعش": the pronoun is whom it is done to, told before; its subject follows
            return reader.after(after, last), None
        actor = agent or reader.after(after, last)
        if agent is None and actor is not None and self._disagrees(found, actor):
            # "كما دعت الصحفيين إلى": a feminine verb takes no masculine plural subject; it is the object
            return None, actor
        start = self._past(actor, last) if actor is not None and actor.first >= after else after
        closing = self.ctx.aside_end(start, last) if actor is not None else None
        start = closing + 1 if closing is not None else start  # "ونوه رئيس الحكومة، في كلمته، بعمل ..."
        # no subject found: the noun right after the verb is more likely its unknown subject than its object,
        # unless the verb carries its subject ("وقتلوا ثلاثة أشخاص")
        carried = ctx.stem(found.last).endswith(PLURAL_SUBJECT)
        return actor, reader.target_of(trigger, start, last, phrase=actor is not None or carried)

    def _disagrees(self, found: Found, subject: Participant) -> bool:
        """Whether a past verb written with its feminine ت ("دعت", "اعتقلت") is followed by a phrase
        headed by a masculine sound plural ("الصحفيين", "مسلحين"), which cannot be its subject."""
        ctx, trigger = self.ctx, found.trigger
        stem = ctx.stem(found.last)
        feminine = trigger.kind == "past" and stem.endswith("ت") and not trigger.lemma.endswith("ت")
        head = ctx.stem(subject.first)
        return feminine and subject.entity is None and (sound_plural(head) or head.endswith(("يين", "يون")))

    def _object_pronoun(self, found: Found) -> bool:
        """Whether a verb carries its object as a pronoun ("قتلهم", "هاجمها", "يستهدفه"), not "نا" (we or us)."""
        token = self.ctx.tokens[found.last]
        return token[4] < token[1] and self.ctx.text[token[4] : token[1]] in OBJECT_PRONOUNS

    def _past(self, actor: Participant, last: int) -> int:
        """The first token after an actor, its name in apposition included ("الرئيس الفرنسي، فرانسوا هولاند")."""
        ctx, start = self.ctx, actor.last + 1
        titled = ctx.stem(actor.first) in self.reader.titles
        while start <= last and actor.entity is not None:
            if ctx.punct_text(start) in ("،", ","):
                following = start + 1 <= last and (ctx.mention_over.get(start + 1) or ctx.role_over.get(start + 1))
                closing = None if following and following.entity is actor.entity else ctx.aside_end(start, last)
                start = start + 1 if closing is None else closing + 1  # "أشاد الملك محمد السادس، في خطابه، بـ"
                continue
            mention = ctx.mention_over.get(start) or ctx.role_over.get(start)
            if mention is None or mention.entity is not actor.entity:
                break
            titled = mention.first in ctx.role_over and start not in ctx.mention_over
            start = mention.last + 1  # "انتقد نزار بركة، الأمين العام لحزب الاستقلال، طريقة ..."
        if not titled:
            return start
        for at in range(start, min(last, start + 1) + 1):  # "دعا الأمين العام لحزب الاستقلال الحكومة"
            mention = ctx.mention_at.get(at)
            if mention is not None and mention.entity.label in ("ORG", "LOC") and ctx.proclitic(at).endswith("ل"):
                end = mention.last + 1  # the body the title belongs to is passed, and the comma closing it
                return end + 1 if end <= last and ctx.punct_text(end) in ("،", ",") else end
        return start

    def _nominal_participants(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        reader, trigger, after = self.reader, found.trigger, found.last + 1
        if self.lexicon.has("experiencer", self.ctx.stem(found.first)):
            return experienced(reader, found, first, last)
        verb = exposed(reader, found, first)
        undergone = undergoer(reader, verb, found, first) if verb is not None else None
        backing = backer(reader, found, last)
        if backing is not None:  # "بدعم من التحالف الدولي", "بطلب من موسكو": who backs or asks acts
            return backing, undergone
        joined = brought_together(reader, found, first, last) if trigger.type == "CONSULT" else None
        if joined is not None:
            return joined
        performer = reader.organiser(found.last, last, cue="performer")
        if performer is not None:  # "زيارة أداها الوزير إلى المنستير", "غارات شنتها المقاتلات على صعدة"
            return performer, reader.target_of(trigger, performer.last + 1, last)
        organiser = reader.organiser(found.last, last) if trigger.type == "CONSULT" else None
        if organiser is not None:  # "وتابع الشامي، في ندوة نظمتها مؤسسة ...": the host meets the guest
            return organiser, reader.mentioned_before(found.first, first)
        agent = reader.agent(found.last, last)
        token = self.ctx.tokens[found.last]
        if token[4] < token[1]:  # a possessive suffix: "استقباله لأعضاء اللجنة", "لاتهامه بالتخطيط"
            possessor = reader.mentioned_before(found.first, first, ungoverned=True) \
                or reader.mentioned_before(found.first, first)
            done_to = reader.lam_target(after, last)
            if done_to is not None:  # "حصارها للقدس", "رفضه لعقوبات": the possessor acts, on what لـ names
                return agent or possessor, done_to
            if trigger.type in POSSESSED_TARGET or trigger.lemma in ACCUSING:  # his arrest, accusing him: done to him
                chained = self.chain[1] if self.chain and self.chain[0] == self.ctx.sentence_of[found.first] else None
                return agent or (chained if chained is not possessor else None), possessor
            return agent or possessor, reader.target_of(trigger, after, last)
        genitive = reader.at(after, last) if after <= last and not reader.is_prep(after) \
            and not self.ctx.proclitic(after) else None
        subject = reader.before(found.first, first)  # "وتنفذ فرنسا غارات": the light verb's subject
        if verb is not None:  # "تعرضت مواقعه لقصف الحرس الثوري": the guard bombs, the one exposed is hit
            return agent or genitive or named_by(reader, found, last), undergone
        if trigger.type in DONE_TO:
            by = reader.lam_object(genitive.last + 1, last) or reader.after_prep(genitive.last + 1, last, ("ل",)) \
                if genitive is not None else None
            if by is not None:
                return agent or genitive, by  # "اعتقال الشرطة لـ X"
            return agent or subject, genitive or reader.target_of(trigger, after, last)
        if genitive is not None and "obj" in trigger.target_preps and (
                self.ctx.proclitic(found.first)[-1:] in ("و", "ل") or trigger.type != "CONSULT" and not self._acts(genitive, last)):
            # "لدعم الشعب الفلسطيني", "باتهام نتنياهو": a verbal noun's genitive is what it is done to, unless
            # an object follows it ("رفض بعثة المينورسو إجراء ...")
            return agent or subject, genitive
        if agent is None and subject is not None and genitive is not None and self.ctx.proclitic(found.first)[-1:] in ("ب", "ل"):
            return subject, genitive  # "ذهب الوزير لزيارة حفتر", "قام الرئيس بزيارة الملك": the genitive is visited
        start = genitive.last + 1 if genitive is not None else after
        told_before = definite(self.ctx, found)  # "وقبيل الاجتماع دعا هولاند": told before
        return agent or genitive or subject, reader.target_of(trigger, start, last, nearby=not told_before)

    def _acts(self, genitive: Participant, last: int) -> bool:
        """Whether a verbal noun's genitive is its subject: an object or a لـ phrase follows it."""
        ctx, after = self.ctx, genitive.last + 1
        if after > last or self.reader.stops(after) or self.reader.is_prep(after):
            return False
        clitic = ctx.proclitic(after)
        stem = ctx.stem(after)  # "باتهام نتنياهو رسمياً": an adverb is no object
        return clitic.endswith("ل") or not clitic and bool(stem) and not is_adjective(stem) and not stem.endswith("يا")

    def quote_of(self, found: Found) -> Quote | None:
        """The quote a verbal trigger reports: its cue, or the quote opening right after it, or around it."""
        ctx = self.ctx
        start, end = ctx.starts[found.first], ctx.ends[found.last]
        sentence_end = ctx.ends[ctx.sentence_range(found.last)[1]]
        around = None
        for quote in ctx.quotes:
            if quote.cue is not None and quote.cue.start < end and start < quote.cue.end:
                return quote
            if end <= quote.content.start <= min(end + 12, sentence_end):
                return quote
            if around is None and quote.content.start <= start and end <= quote.content.end:
                around = quote
        return around

    def _inside(self, quote: Quote, found: Found) -> bool:
        """Whether the trigger lies inside the quote's content (what the speaker tells of others)."""
        return quote.content.start <= self.ctx.starts[found.first] < quote.content.end

    def speaker(self, quote: Quote) -> Participant | None:
        ctx = self.ctx
        if quote.speaker_id is None:
            return None
        entity = ctx.doc.entity(quote.speaker_id)
        span = quote.speaker if quote.speaker is not None else entity.canonical
        index = ctx.token_index(span.start)
        return Participant(index, ctx.token_index(span.end - 1), entity, span)

    def implied_speaker(self, index: int, first: int) -> Participant | None:
        """The subject of a verbal act with none written ("ودعا إلى ..."): the last speaker before it,
        in this sentence or the one before, else the nearest person or organisation named before it."""
        ctx = self.ctx
        start = ctx.starts[index]
        previous_first, _ = ctx.sentence_range(max(0, first - 1))
        horizon = ctx.starts[previous_first]
        best = None
        for quote in ctx.quotes:
            cue_start = quote.cue.start if quote.cue is not None else quote.content.start
            if horizon <= cue_start < start and quote.speaker_id is not None:
                best = quote
        if best is not None:
            return self.speaker(best)
        return self.reader.mentioned_before(index, first)

    def place_of(self, found: Found, first: int, last: int) -> str | None:
        """A LOC entity of the sentence after "في" or "ب" (nearest the trigger), else None."""
        ctx = self.ctx
        best: tuple[int, str] | None = None
        for index in range(first, last + 1):
            mention = ctx.mention_at.get(index)
            if mention is None or mention.entity.label != "LOC":
                continue
            if ctx.proclitic(index).endswith("ب") or index > first and ctx.norm(index - 1) in ("في", "مدينه", "بمدينه"):
                distance = abs(index - found.first)
                if best is None or distance < best[0]:
                    best = (distance, mention.entity.id)
        return best[1] if best else None

    def date_of(self, first: int, last: int) -> tuple[str | None, Span | None]:
        """The value of a DATE of the sentence, else the publication day."""
        ctx = self.ctx
        low, high = ctx.starts[first], ctx.ends[last]
        for time in ctx.times:
            if low <= time.span.start < high and time.type == "DATE" and time.value[:1].isdigit():
                return time.value, time.span
        return self.publication_day, None


def find_events(
    doc: Document, lexicon: EventLexicon, titles: frozenset[str] = frozenset(), event_filter: EventFilter | None = None
) -> tuple[Event, ...]:
    """Every event mention of ``doc``, numbered in text order; ``event_filter`` drops assaults and protests
    named in a sentence that reports none."""
    ctx = EventContext(doc)
    reader = EventReader(ctx, lexicon, titles)
    events = (event for found in match_triggers(ctx, lexicon)
              if not refers_back(ctx, lexicon, found) and not anonymous_source(ctx, lexicon, found)
              for event in reader.events(found))
    kept = once_per_sentence(ctx, [e for e in events if not a_reference(ctx, e) and not a_match(ctx, lexicon, e)])
    if event_filter is not None:
        kept = event_filter.kept(ctx, kept)
    return tuple(dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(kept, 1))


def _same_participant(a: Participant | None, b: Participant | None) -> bool:
    """Whether two participants are one ("اجتماع بين ماكرون والملك": the king met is not the one meeting)."""
    if a is None or b is None:
        return False
    return a.span == b.span or a.entity is not None and a.entity is b.entity


class EventFinder:
    """Fill ``events``: PLOVER event mentions linked to the Document's entities, places, dates and quotes."""

    name: ClassVar[str] = STAGE
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "byline", "tokens", "sentences", "entities", "times", "quotes"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(
        self, lexicon: EventLexicon | None = None, titles: frozenset[str] | None = None,
        event_filter: EventFilter | None | bool = False,
    ) -> None:
        """``event_filter``: none (False, the default: every trigger stands), the shipped model (True), or
        another one."""
        self.lexicon = lexicon if lexicon is not None else EventLexicon.load()
        self.titles = titles if titles is not None else load_titles()
        if event_filter is True:
            event_filter = EventFilter.load() if FILTER_FILE.exists() else None
        self.event_filter = event_filter or None

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, events=find_events(doc, self.lexicon, self.titles, self.event_filter))
