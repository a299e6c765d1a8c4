"""Who acts and whom it is done to: the participants of a trigger, read from its clause.

Arabic news puts the subject after the verb (VSO: "دعا الرئيس الفرنسي فرانسوا هولاند إلى ...") or before it
(SVO: "الجزائر تساند حكومة الوفاق"); a passive or a verbal noun names its agent after "من قبل" / "على يد" /
"من طرف"; a verbal noun in construct names its actor, or for acts done to someone (an arrest, a killing)
its target ("اغتيال جاسم الذهبي", "اعتقال الشرطة لـ ..."), and a verbal noun's object may follow لـ
("استقباله لأعضاء اللجنة"); a light verb's subject acts through the verbal noun it governs ("قامت الجبهة
بإطلاق", "ألقت الشرطة القبض"). A participant is an entity mention, or where no entity is meant, a short
phrase ("القوات الحكومية", "مسلحون"); what single words name is read in ``clause.py``.
"""

from __future__ import annotations

from khabar.stages.events.clause import ATTACHED_PREPS, MAX_PHRASE, Clause, Participant, sound_plural
from khabar.stages.events.context import is_adjective
from khabar.stages.events.lexicon import Trigger

LOCATIVES = frozenset({"في", "داخل", "قرب", "بمدينه", "مدينه", "بين", "بجهه", "بولايه", "بمحافظه", "بمنطقه",
                       "باقليم", "ببلده", "بقريه", "بالعاصمه"})  # "بجهة الرباط": where, not who
DONE_TO = frozenset({"ASSAULT", "COERCE", "CRIME", "INVESTIGATE", "SANCTION"})  # a genitive names the target
PHRASE_OBJECT = frozenset({"ASSAULT", "COERCE", "DEMAND"})  # a plain noun phrase object: who is attacked, detained, called on
WINDOW = 6  # tokens after a trigger where its subject or object may start
LIGHT_REACH = 5  # words before a verbal noun within which the light verb governing it comes
AUXILIARY_KANA = frozenset({"كان", "كانت", "كانوا"})  # between a subject and its verb
NEGATORS = frozenset({"اللا", "لا", "غير"})  # "المساندة اللا مشروطة": a negated adjective
LAM_ADJECTIVES = 3  # adjectives between a verbal noun and the لـ naming its object
COORDINATED_WORDS = 4  # words after و within which a coordinated participant is named


class Reader(Clause):
    """Reads the participants around one trigger in one clause."""

    def after(self, start: int, last: int, *, skip_preps: bool = False) -> Participant | None:
        """The first participant in ``[start, start + WINDOW)`` not behind a preposition."""
        ctx = self.ctx
        for index in range(start, min(last, start + WINDOW - 1) + 1):
            if self.stops(index):
                return None
            if self.is_prep(index) or ctx.proclitic(index).endswith(ATTACHED_PREPS):
                if not skip_preps:
                    return None
                continue
            found = self.at(index, last)
            if found is not None:
                return found
        return None

    def after_prep(self, start: int, last: int, preps: tuple[str, ...], *, phrase: bool = False) -> Participant | None:
        """The participant after one of ``preps`` (a word, or a clitic ب/ل) in the trigger's clause; when
        what follows names no one ("أشاد بالجهود التي يبذلها المغرب"), the next entity of the clause, or
        (``phrase``) the noun phrase there ("ألقت الشرطة القبض على ابنها")."""
        ctx = self.ctx
        for index in range(start, min(last, start + 2 * WINDOW) + 1):
            if self.stops(index):
                return None
            norm = ctx.norm(index)
            clitic = ctx.proclitic(index)
            if norm in preps and index + 1 <= last:
                named = self.at(index + 1, last) or self.entity_after(index + 1, last)
                return named or (self.object_phrase(index + 1, last) if phrase else None)
            if clitic and any(clitic.endswith(p) for p in preps if len(p) == 1):
                found = self.at(index, last)
                if found is None and self._construct(index, last):  # "أشادت بتحمل الأوساط الاقتصادية"
                    found = self.at(index + 1, last) or (
                        self.phrase(index + 1, last) if _masdar_shaped(self.ctx.stem(index)) else None)
                return found or self.entity_after(index + 1, last)
        return None

    def _construct(self, index: int, last: int) -> bool:
        """Whether a bare noun after a clitic preposition governs the definite noun after it (a verbal
        noun in construct: "بتحمل الأوساط", "بقتل المتظاهرين"), whose phrase names whom it is about."""
        ctx, following = self.ctx, index + 1
        token = ctx.tokens[index]
        elided = ctx.norm(index).startswith("لل")  # "للجهادي الألماني": ل + the article, no construct
        if following > last or ctx.stem(index).startswith("ال") or elided or token[4] < token[1] or self.stops(following):
            return False
        return ctx.stem(following).startswith("ال") and not ctx.proclitic(following) \
            and not self.lexicon.has("not_object", ctx.stem(following)) \
            and not any(t.span.start <= ctx.starts[following] < t.span.end for t in ctx.times)

    def object_phrase(self, start: int, last: int) -> Participant | None:
        """The noun phrase right at ``start`` when it names no entity: the object of an arrest, a
        kidnapping, an attack ("خطفوا يابانيين", "احتجز مواطنا يابانيا"); not a time, a particle or a
        word behind a preposition."""
        ctx = self.ctx
        if start > last or self.stops(start) or self.is_prep(start) or ctx.proclitic(start) or not ctx.stem(start):
            return None
        stem = ctx.stem(start)
        if stem.startswith("ي") and not is_adjective(stem):
            return None  # "أمر يتعلق بالأرض": an imperfect verb
        if self.lexicon.has("not_object", stem) or self.lexicon.has("agent", stem) or any(
                t.span.start <= ctx.starts[start] < t.span.end for t in ctx.times):
            return None
        return self.phrase(start, last)

    def lam_object(self, start: int, last: int) -> Participant | None:
        """The object a verbal noun names after لـ right after its genitive ("قصف الحرس الثوري لمناطق
        في الإقليم", "اعتقال الشرطة لناشطين"): whoever or whatever is named there."""
        ctx = self.ctx
        if start > last or not ctx.proclitic(start).endswith("ل") or not ctx.stem(start):
            return None
        return self.at(start, last) or self.phrase(start, last)

    def lam_target(self, start: int, last: int) -> Participant | None:
        """What a verbal noun's لـ names right after it, an adjective or two between ("استقباله لأعضاء
        اللجنة", "المساندة اللامشروطة للأساتذة", "حصارها للقدس"); not a time, a reason or a purpose
        ("اعتقاله للاشتباه", "لمدة ثلاثة أيام")."""
        ctx = self.ctx
        for at in range(start, min(last, start + LAM_ADJECTIVES) + 1):
            if self.stops(at) or not ctx.stem(at):
                return None
            if ctx.proclitic(at).endswith("ل"):
                stem = ctx.stem(at)
                if any(self.lexicon.has("not_object", form) for form in (stem, "ا" + stem, "ال" + stem)):
                    return None  # "لمدة", "للاشتباه" (ل + الاشتباه)
                named = self.at(at, last)
                begins = ctx.tokens[at][3] + (1 if ctx.norm(at).startswith("لل") else 0)  # "للأساتذة": past the lam
                plural = ctx.text[begins] == "أ"  # "لأعضاء", "للأساتذة" (أفعال، أفعلة), not "لإحداث" (إفعال)
                return named if named is not None or _purpose_shaped(stem) and not plural else self.phrase(at, last)
            negated = at > start and ctx.norm(at - 1) in NEGATORS  # "اللا مشروطة": what is negated qualifies too
            if at in ctx.mention_over or not (negated or self._describes(at)):
                return None
        return None

    def _describes(self, at: int) -> bool:
        """Whether a word between a verbal noun and its لـ only qualifies it: an adjective ("الكبيرين"
        agreeing in the dual or plural too), a negator of one ("اللا مشروطة", "غير"), or a second noun
        coordinated with a possessive ("شكره وتقديره")."""
        ctx = self.ctx
        stem, clitic, token = ctx.stem(at), ctx.proclitic(at), ctx.tokens[at]
        if not clitic:
            return is_adjective(stem) or ctx.norm(at) in NEGATORS or stem.startswith("ال") and sound_plural(stem)
        return clitic == "و" and token[4] < token[1]

    def entity_after(self, start: int, last: int) -> Participant | None:
        """The first entity named in ``[start, start + WINDOW)`` of the clause, or a group phrase
        ("طريقة عمل الحكومة": the group the act is about)."""
        ctx = self.ctx
        for index in range(start, min(last, start + WINDOW) + 1):
            if self.stops(index):
                return None
            found = self.entity_at(index)
            if found is not None and not self.a_place_complement(found):
                return found
            if self.lexicon.has("phrase_head", ctx.stem(index)):
                return self.phrase(index, last)
        return None

    def before(self, index: int, first: int, *, verbal: bool = False) -> Participant | None:
        """The subject just before a trigger (SVO): an entity mention ending within two tokens of it; before
        a ``verbal`` trigger, a group phrase right before it too ("إن الشرطة اعتقلت ثلاثة أشخاص")."""
        ctx, original = self.ctx, index
        if verbal and index - 1 > first and ctx.norm(index - 1) in ("قد", "لقد"):
            index -= 1  # "وكانت السلطات المغربية قد اعتقلت": the subject comes before the particle
        complement = ctx.proclitic(original).endswith(("ب", "ل"))
        lighted = None if verbal else self.light_subject(index, first)
        if lighted is not None:
            return lighted
        verb = self._past_dateline(index, first) - 1
        if verb > first and ctx.stem(verb) and (self.lexicon.has("light", ctx.stem(verb)) or complement):
            # "ماكرون، سيقوم بزيارة", "الشرطة أوصت، الثلاثاء، باتهام": the governing verb's subject acts
            index = self._past_dateline(verb, first)
        if index < original and index - 1 > first and ctx.norm(index - 1) in AUXILIARY_KANA:
            index -= 1  # "سامح شكري، كان أدى زيارة": the subject comes before كان
            if index - 1 > first and ctx.punct_text(index - 1) in ("،", ","):
                index -= 1
        for at in range(index - 1, max(first, index - 3) - 1, -1):
            if self.stops(at):
                if verbal:
                    break  # "إن الشرطة اعتقلت": a group phrase may still end right before the verb
                return None
            found = self.entity_at(at)
            if found is not None:
                governed = ctx.proclitic(found.first).endswith(ATTACHED_PREPS) or found.first > first \
                    and self.is_prep(found.first - 1)
                return None if governed else found  # "في جوبا أقال ...": a place complement, no subject
        titled = self.title_before(index, first)
        joined = ctx.proclitic(original)[:1] in ("و", "ف")  # "قرار الحكومة ودعم الرئيس": a new clause
        if titled is not None or not (verbal and not joined or index < original):
            return titled
        phrase = self.phrase_before(index, first)
        return None if phrase is None or self.governed(phrase, first) else phrase

    def light_subject(self, index: int, first: int) -> Participant | None:
        """The subject between a light verb and the verbal noun it governs (VSO: "قامت الجبهة الانفصالية
        بإطلاق أعيرة", "قام الرئيس بزيارة")."""
        ctx = self.ctx
        for at in range(index - 1, max(first, index - LIGHT_REACH) - 1, -1):
            if self.stops(at) or self.is_prep(at):
                return None
            if self.lexicon.has("light", ctx.stem(at)):
                if at + 1 >= index:
                    return None
                found = next((e for e in (self.entity_at(i) for i in range(at + 1, index)) if e is not None), None) \
                    or self.at(at + 1, index - 1)  # "قام التونسي أحمد حنشي بقتل": the person, not his nationality
                if found is None and ctx.stem(at + 1).startswith("ال") and not ctx.proclitic(at + 1):
                    found = self.phrase(at + 1, index - 1)
                return found if found is not None and found.last < index else None
        return None

    def _past_dateline(self, index: int, first: int) -> int:
        """``index`` moved back over a comma and a day between a subject and its verb ("الشرطة
        الإسرائيلية، الثلاثاء، أوصت")."""
        ctx = self.ctx
        at = index - 1
        if at > first and ctx.punct_text(at) in ("،", ","):
            at -= 1
            day = next((t for t in ctx.times if t.span.start <= ctx.starts[at] < t.span.end), None)
            if day is not None:
                at = ctx.token_index(day.span.start) - 1
                if at > first and ctx.punct_text(at) in ("،", ","):
                    return at
                return at + 1
            return at + 1
        return index

    def title_before(self, index: int, first: int) -> Participant | None:
        """A title phrase naming no one in the text ending just before ``index``, a light verb may sit
        between ("أن وزير الخارجية الجزائري ذهب لزيارة حفتر")."""
        ctx = self.ctx
        end = index - 1
        if end > first and self.lexicon.has("light", ctx.stem(end)):
            end -= 1
        for head in range(end, max(first, end - MAX_PHRASE + 1) - 1, -1):
            if ctx.is_punct(head) or ctx.proclitic(head).endswith(ATTACHED_PREPS):
                return None
            if ctx.stem(head) in self.titles:
                found = self.at(head, end)
                return found if found is not None and found.last == end else None
        return None

    def phrase_before(self, index: int, first: int) -> Participant | None:
        """A group phrase ending just before ``index`` (a comma may sit between): "القوات الحكومية، ..."."""
        ctx = self.ctx
        end = index - 1
        if end >= first and ctx.punct_text(end) in ("،", ","):
            end -= 1
        for head in range(end, max(first, end - MAX_PHRASE + 1) - 1, -1):
            if ctx.is_punct(head):
                return None
            if self.lexicon.has("phrase_head", ctx.stem(head)):
                found = self.phrase(head, end)
                return found if found.last == end else None
        return None

    def agent(self, index: int, last: int) -> Participant | None:
        """The agent of a passive or verbal noun: "من قبل X", "على يد X", "من طرف X"."""
        ctx = self.ctx
        for at in range(index + 1, min(last, index + 2 * WINDOW)):
            if self.stops(at):
                return None
            if ctx.norm(at) in ("من", "علي") and at + 2 <= last and self.lexicon.has("agent", ctx.stem(at + 1)):
                found = self.at(at + 2, last)  # "من قبل قيادات حوثية": whoever is named there acts
                return found if found is not None or self.stops(at + 2) else self.phrase(at + 2, last)
        return None

    def organiser(self, index: int, last: int, cue: str = "organiser") -> Participant | None:
        """Who organised or hosted the event a noun ending at ``index`` names: the subject of a verb with
        its pronoun right after it, an adjective between ("ندوة نظمتها مؤسسة الفقيه", "لقاء تواصلي نظمته
        الكتابة الجهوية", "اجتماع استضافته باريس"); with ``cue`` "performer", who made it ("زيارة أداها
        الوزير", "غارات شنتها المقاتلات"): only a subject right after the verb, never a place further on."""
        ctx = self.ctx
        for at in range(index + 1, min(last, index + 2) + 1):
            suffixed = ctx.tokens[at][4] < ctx.tokens[at][1]
            if suffixed and self.lexicon.has(cue, ctx.stem(at)):
                found = self.after(at + 1, last)
                if found is None and at + 1 <= last and self.ctx.stem(at + 1).startswith("ال"):
                    found = self.object_phrase(at + 1, last)  # "نظمته الكتابة الجهوية للفضاء": a body no entity names
                return found if found is not None or cue != "organiser" else self.entity_after(at + 1, last)
            if self.stops(at) or not is_adjective(ctx.stem(at)):
                return None
        return None

    def a_place_complement(self, found: Participant) -> bool:
        """Whether a place is named as where something happens ("في كوريا الشمالية", "بجنيف"), not
        as a participant."""
        if found.entity is None or found.entity.label != "LOC":
            return False
        ctx, at = self.ctx, found.first
        return ctx.proclitic(at).endswith("ب") or at > 0 and ctx.norm(at - 1) in LOCATIVES

    def mentioned_before(self, index: int, first: int, *, ungoverned: bool = False) -> Participant | None:
        """The nearest person or organisation named before ``index`` in its sentence (or its title);
        ``ungoverned``: only one no preposition governs ("لجنة التوافقات، بمجلس نواب الشعب، خلال
        اجتماعها": the committee meets, not the parliament)."""
        for at in range(index - 1, first - 1, -1):
            found = self.entity_at(at)
            if found is not None and found.entity is not None and found.entity.label in ("PER", "ORG") \
                    and not (ungoverned and self.governed(found, first)):
                return found
        return None

    def coordinated(self, participant: Participant | None, last: int, *, after: int) -> list[Participant]:
        """A second participant joined to one after the trigger by و: an entity or group right after the
        conjunction, or named within its first words ("وتحالف جوي تقوده الولايات المتحدة")."""
        ctx = self.ctx
        if participant is None or participant.first <= after or participant.last + 1 > last:
            return []
        index = participant.last + 1
        while index <= last and participant.entity is not None and ctx.proclitic(index)[:1] != "و":
            own = ctx.mention_over.get(index) or ctx.role_over.get(index)  # "الرئيس الفرنسي فرانسوا هولاند والملك"
            if own is None or own.entity is not participant.entity:
                break
            index = own.last + 1
        end = index + 1
        while index <= min(last, end) and ctx.proclitic(index)[:1] != "و":
            if self.stops(index) or self.is_prep(index) or index in ctx.mention_over:
                return []
            index += 1  # "بالمقاتلين الأكراد وتحالف": an adjective before the conjunction
        if index > last or ctx.proclitic(index)[:1] != "و":
            return []
        for at in range(index, min(last, index + COORDINATED_WORDS) + 1):
            if at > index and (self.stops(at) or self.is_prep(at)):
                return []
            found = self.entity_at(at)
            if found is None and at == index and self.lexicon.has("phrase_head", ctx.stem(at)):
                found = self.phrase(at, last)
            if found is not None and found.entity is not participant.entity or found is not None and found.entity is None:
                return [found] if found.span != participant.span else []
        return []

    def target_of(self, trigger: Trigger, start: int, last: int, *, nearby: bool = True,
                  phrase: bool = True) -> Participant | None:
        """The target after a trigger: after its prepositions, or its direct object (``phrase``: a plain
        noun phrase too); else (``nearby``) the next entity of its clause."""
        specific = tuple(p for p in trigger.target_preps if p != "obj")
        if specific:
            found = self.after_prep(start, last, specific, phrase=phrase and trigger.type in PHRASE_OBJECT)
            if found is not None:
                return found
        if "obj" in trigger.target_preps:
            object_phrase = self.object_phrase(start, last) if phrase and trigger.type in PHRASE_OBJECT else None
            found = self.after(start, last)
            if object_phrase is not None and (found is None or found.entity is None and found.first > start):
                return object_phrase  # "جمعيات المجتمع المدني": the phrase, not a word inside it
            if found is None and not trigger.verbal:
                found = self.lam_target(start, last)  # "مساعدات للمتضررين": a noun's object after لـ
            return found or self.entity_after(start, last)
        return self.entity_after(start, last) if nearby else None



def _masdar_shaped(stem: str) -> bool:
    """Whether a bare noun looks like a verbal noun, whose genitive is who does or undergoes it ("تحمل",
    "قتل", "إطلاق", "استخدام"), not a noun like "حقوق" in "بحقوق الإنسان"."""
    return len(stem) == 3 or stem[:1] == "ت" and len(stem) in (4, 5) or stem[:1] == "ا" and len(stem) in (5, 6) \
        or stem.startswith("است") or stem[:1] == "م" and len(stem) == 6 and stem[3] == "ا"


def _purpose_shaped(stem: str) -> bool:
    """Whether a word after لـ is more likely a purpose or a thing than whom an act is for: a verbal noun
    of the patterns إفعال / تفعيل ("لإحداث", "لتعزيز"), a short one ("للرد", "لوقف"), or a singular in
    ة ("للسلامة"); people and places are mostly plurals or names ("للمتضررين", "لأعضاء")."""
    bare = stem[2:] if stem.startswith("ال") else stem[1:] if stem.startswith("ل") and len(stem) > 4 else stem
    return len(bare) <= 3 or bare.endswith("ه") or len(bare) == 5 and (
        bare[0] == "ا" and bare[3] == "ا" or bare[0] == "ت" and bare[3] == "ي")


