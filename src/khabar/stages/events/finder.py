"""The events stage: who did what to whom, where and when, as PLOVER event mentions.

Triggers are found on the tokens' normal forms (their stems, so "ودعا" and "بالتعاون" are found) from the
lexicon in ``resources/events``; each trigger's participants are read from its clause
(``participants.py``), its mode from the words around it (``mode.py``), its place from a LOC entity of its
sentence, its date from a time expression of its sentence or else the publication date, and a verbal
event is linked to the quote that reports it. A trigger inside an entity's name ("مجلس التعاون") is none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from khabar.model import Document, Event, Quote, QuoteKind, Span
from khabar.stages.entities.roles import load_titles
from khabar.stages.events.classifier import FILTER_FILE, EventFilter
from khabar.stages.events.context import EventContext
from khabar.stages.events.lexicon import EventLexicon, Trigger
from khabar.stages.events.mode import mode_of
from khabar.stages.events.participants import DONE_TO, Participant, Reader

STAGE = "events"
VERBAL_TYPES = frozenset({"DEMAND", "DISAPPROVE", "SUPPORT", "REJECT", "AGREE", "THREATEN", "CONCEDE"})
ACCUSING = frozenset({"اتهم"})  # a possessive on these names whom it is done to ("لاتهامه")
REFERRED_TYPES = frozenset({"CONSULT", "SUPPORT", "AID", "AGREE", "COOPERATE", "SANCTION", "INVESTIGATE"})  # "خلال اللقاء" is told once
PREP_WINDOW = 6  # tokens after a trigger within which a required preposition must come (حقق في)


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger found at tokens ``[first, last]``."""

    first: int
    last: int
    trigger: Trigger


def match_triggers(ctx: EventContext, lexicon: EventLexicon) -> Iterator[Found]:
    """Every trigger of the article, longest first at each token, none inside an entity mention."""
    index = 0
    known = lexicon.by_first
    stems, norms, count = ctx.stems, ctx.norms, len(ctx)
    while index < count:
        stem, norm = stems[index], norms[index]
        if not stem or (stem not in known and norm not in known and stem[:-1] + "ه" not in known
                        and norm[1:] not in known):  # most words: no form of theirs starts a trigger
            index += 1
            continue
        found = _match_at(ctx, lexicon, index)
        if found is None or _in_a_name(ctx, index):
            index += 1
            continue
        yield found
        index = found.last + 1


def _in_a_name(ctx: EventContext, index: int) -> bool:
    """Whether token ``index`` lies inside the name of an organisation, person or place ("مجلس التعاون");
    a MISC name may be an event's own ("قمة هلسنكي", "مسيرات العودة")."""
    mention = ctx.mention_over.get(index)
    return mention is not None and mention.entity.label != "MISC"


def _match_at(ctx: EventContext, lexicon: EventLexicon, index: int) -> Found | None:
    for form in _forms(ctx, index, lexicon):
        for trigger in lexicon.by_first.get(form, ()):
            last = index + len(trigger.words) - 1
            if last >= len(ctx) or any(ctx.stem(index + k) != w and ctx.norm(index + k) != w
                                       for k, w in enumerate(trigger.words[1:], 1)):
                continue
            if trigger.needs_preps and not _prep_follows(ctx, last, trigger.needs_preps):
                continue
            if trigger.type == "SUPPORT" and last + 1 < len(ctx) and lexicon.has("material", ctx.stem(last + 1)):
                trigger = dataclasses.replace(trigger, type="AID")  # "دعما مدفعيا": material support
            return Found(index, last, trigger)
    return None


def _forms(ctx: EventContext, index: int, lexicon: EventLexicon | None = None) -> tuple[str, ...]:
    """The forms token ``index`` may be listed under: its stem, the whole token, and the stem with its
    ta marbuta restored before a suffix ("مساعدتهم" -> "مساعده")."""
    stem = ctx.stem(index)
    if not stem:
        return ()
    token = ctx.tokens[index]
    forms = [stem]
    if token[4] < token[1] and stem.endswith("ت") and not (lexicon and lexicon.has("not_possessed", stem[:-1] + "ه")):
        forms.append(stem[:-1] + "ه")  # "مسيرته" is his career, not a march
    norm = ctx.norm(index)
    if norm != stem:
        forms.append(norm)
    if norm[:1] in ("و", "ف") and len(norm) > 3 and stem == norm:
        forms.append(norm[1:])  # a conjunction the clitic splitter kept ("ونوه")
    return tuple(forms)


def _prep_follows(ctx: EventContext, last: int, preps: tuple[str, ...]) -> bool:
    _, sentence_last = ctx.sentence_range(last)
    for index in range(last + 1, min(sentence_last, last + PREP_WINDOW) + 1):
        clitic = ctx.proclitic(index)
        if ctx.norm(index) in preps or (clitic and any(clitic.endswith(p) for p in preps if len(p) == 1)):
            return True
    return False


_MEETING_VERBS = ("التق", "التأم")  # التقى، التأم: verbs of meeting that open with the letters of ال


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
        if actor is not None and self._anaphoric(actor):
            actor = self.implied_speaker(found.first, first)  # "ودعا المتحدث ذاته": the speaker before
        quote = self.quote_of(found)
        if actor is None and quote is not None and found.trigger.type in VERBAL_TYPES | {"CONSULT"} and not (
                found.trigger.type == "CONSULT" and self._mentioned_inside(found, quote)):
            actor = self.speaker(quote)
        if actor is None and found.trigger.type in VERBAL_TYPES:
            actor = self.implied_speaker(found.first, first)
        date, date_span = self.date_of(first, last)
        template = Event(
            id="", type=found.trigger.type, trigger=Span(ctx.tokens[found.first][3], ctx.tokens[found.last][4]),
            mode=mode_of(ctx, self.lexicon, found.first, found.trigger), place_id=self.place_of(found, first, last),
            date=date, date_span=date_span, quote_id=quote.id if quote else None,
        )
        actors = [actor, *self.reader.coordinated(actor, last, after=found.last)]
        targets = [target, *self.reader.coordinated(target, last, after=found.last)]
        return [
            dataclasses.replace(template, actor_id=a.entity.id if a and a.entity else None, actor=a.span if a else None,
                                target_id=t.entity.id if t and t.entity else None, target=t.span if t else None)
            for a in actors for t in targets
        ]

    def _anaphoric(self, participant: Participant) -> bool:
        """Whether a phrase refers back to someone named before: "المتحدث ذاته", "المصدر نفسه"."""
        ctx, after = self.ctx, participant.first + 1
        return participant.entity is None and self.lexicon.has("anaphor", ctx.stem(participant.first)) \
            and after < len(ctx) and self.lexicon.has("self", ctx.stem(after))

    def participants(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        """Actor and target from the clause: agent phrases, then VSO or SVO order, then construct states."""
        trigger = found.trigger
        if trigger.agent_preps:  # "القوات الحكومية، مدعومة بالمقاتلين الأكراد"
            actor = self.reader.after_prep(found.last + 1, last, trigger.agent_preps)
            return actor, self.reader.before(found.first, first) or self.reader.phrase_before(found.first, first)
        if trigger.verbal or trigger.kind in ("extra", "phrase") and not self._nominal(found):
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

    def _nominal(self, found: Found) -> bool:
        """Whether an extra form is a noun (it has the article, or a noun-like ending)."""
        return self.ctx.stem(found.first).startswith("ال")

    def _verbal(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        reader, trigger, after = self.reader, found.trigger, found.last + 1
        agent = reader.agent(found.last, last)
        before = reader.before(found.first, first)
        if before is not None:
            return agent or before, reader.target_of(trigger, after, last)
        if trigger.kind == "participle":
            return agent, reader.target_of(trigger, after, last)
        actor = agent or reader.after(after, last)
        start = self._past(actor, last) if actor is not None and actor.first >= after else after
        return actor, reader.target_of(trigger, start, last)

    def _past(self, actor: Participant, last: int) -> int:
        """The first token after an actor, its name in apposition included ("الرئيس الفرنسي، فرانسوا هولاند")."""
        ctx, start = self.ctx, actor.last + 1
        while start <= last and actor.entity is not None:
            if ctx.punct_text(start) in ("،", ","):
                start += 1
                continue
            mention = ctx.mention_over.get(start) or ctx.role_over.get(start)
            if mention is None or mention.entity is not actor.entity:
                break
            start = mention.last + 1  # "انتقد نزار بركة، الأمين العام لحزب الاستقلال، طريقة ..."
        return start

    def _nominal_participants(self, found: Found, first: int, last: int) -> tuple[Participant | None, Participant | None]:
        reader, trigger, after = self.reader, found.trigger, found.last + 1
        agent = reader.agent(found.last, last)
        token = self.ctx.tokens[found.last]
        if token[4] < token[1]:  # a possessive suffix: "استقباله لأعضاء اللجنة", "لاتهامه بالتخطيط"
            possessor = reader.mentioned_before(found.first, first)
            if trigger.type in DONE_TO or trigger.lemma in ACCUSING:  # his arrest, accusing him: done to him
                chained = self.chain[1] if self.chain and self.chain[0] == self.ctx.sentence_of[found.first] else None
                return agent or (chained if chained is not possessor else None), possessor
            return agent or possessor, reader.target_of(trigger, after, last)
        genitive = reader.at(after, last) if after <= last and not reader.is_prep(after) \
            and not self.ctx.proclitic(after) else None
        subject = reader.before(found.first, first)  # "وتنفذ فرنسا غارات": the light verb's subject
        if trigger.type in DONE_TO:
            by = reader.after_prep(genitive.last + 1, last, ("ل",)) if genitive is not None else None
            if by is not None:
                return agent or genitive, by  # "اعتقال الشرطة لـ X"
            return agent or subject, genitive or reader.target_of(trigger, after, last)
        if genitive is not None and "obj" in trigger.target_preps and self.ctx.proclitic(found.first)[-1:] in ("و", "ل"):
            # "لدعم الشعب الفلسطيني", "... ودعم الشعب": a verbal noun continuing a clause takes its object
            return agent or subject, genitive
        start = genitive.last + 1 if genitive is not None else after
        return agent or genitive or subject, reader.target_of(trigger, start, last)

    def _mentioned_inside(self, found: Found, quote: Quote) -> bool:
        """Whether a definite noun in the speaker's own quoted words names a meeting already known
        ('أن "اللقاء يبرز أن ..."'): the one who speaks of it is not thereby the one who met."""
        ctx = self.ctx
        start = ctx.starts[found.first]
        word = ctx.doc.text[start : ctx.ends[found.first]]
        definite = word.startswith("ال") and not word.startswith(_MEETING_VERBS)  # "التقيته" is a verb
        if not (quote.content.start <= start < quote.content.end and definite):
            return False
        before = ctx.doc.text[quote.content.start : start]
        opened = before.count('"') % 2 == 1 or before.count("«") > before.count("»")
        return opened or quote.kind is QuoteKind.DIRECT  # in the speaker's own words ("أن موعد الزيارة" is reported)

    def quote_of(self, found: Found) -> Quote | None:
        """The quote a verbal trigger reports: its cue, or the quote opening right after it, or around it."""
        ctx = self.ctx
        start, end = ctx.starts[found.first], ctx.ends[found.last]
        around = None
        for quote in ctx.quotes:
            if quote.cue is not None and quote.cue.start < end and start < quote.cue.end:
                return quote
            if end <= quote.content.start <= end + 12:
                return quote
            if around is None and quote.content.start <= start and end <= quote.content.end:
                around = quote
        return around

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
    events = (event for found in match_triggers(ctx, lexicon) if not refers_back(ctx, lexicon, found)
              for event in reader.events(found))
    kept = [e for e in events if not _a_reference(ctx, e) and (event_filter is None or event_filter.keeps(ctx, e))]
    return tuple(dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(kept, 1))


def refers_back(ctx: EventContext, lexicon: EventLexicon, found: Found) -> bool:
    """Whether a noun trigger refers back to an event already told ("هذه الزيارة", "تلك الأحداث") or
    describes rather than tells one ("يمثل تهديدا")."""
    if found.trigger.verbal or found.first == 0:
        return False
    previous = ctx.norm(found.first - 1)
    return lexicon.has("demonstrative", previous) or lexicon.has("copula", previous)


def _a_reference(ctx: EventContext, event: Event) -> bool:
    """A definite event noun with no participants ("خلال اللقاء", "بعد الهجوم") names an event told before
    (the guidelines record it once), not a new one."""
    index = ctx.token_index(event.trigger.start)
    return ctx.stem(index).startswith("ال") and event.actor is None and event.target is None \
        and not ctx.tokens[index][3] > ctx.tokens[index][0] and event.type in REFERRED_TYPES


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
