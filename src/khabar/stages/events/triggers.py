"""Where the article names an event: trigger forms from the lexicon matched on the tokens' normal forms
(their stems, so "ودعا" and "بالتعاون" are found), longest first, none inside a name, a verbal noun's
required preposition close after it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from khabar.stages.events.context import EventContext
from khabar.stages.events.lexicon import EventLexicon, Trigger

PREP_WINDOW = 4  # tokens after a verb trigger within which a required preposition must come (حققت الشرطة في)
POLICY_REACH = 2  # words around "استهدف" where a measure named makes it "aims at"
MARKS_FIRST, MARKS_LAST = "\u064b", "\u065f"  # Arabic diacritics
KEPT_PREPS = ("ل", "ب")  # prepositions the clitic splitter sometimes leaves on a word
CONTRACTED = "لل"  # the preposition ل before the article: "للقصف" = ل + القصف
PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم", "كما"})  # "عليها" = على + ها
ON = "علي"  # على as normalised: "حكم عليه", "قبض عليهم" (other prepositions with a pronoun stay unread: "حملة ضدك")
CHARGE_REACH = 4  # words after a conviction verb within which its charge follows ("أدانت المحكمة المتهم بتهمة")
EXPOSED_REACH = 3  # words back within which "تعرض" governs a contracted "للـ" act
KEPT_PREP_MIN = 4  # letters a word must have before one is read off it ("لتفريق", not "لقاء")
INVITE_WINDOW = 5  # words after a call within which what the invited come for is named ("لزيارة")
FIGURATIVE = frozenset({"ASSAULT", "COERCE", "CONCEDE"})  # done to an abstract thing, they are figures of speech
NOUN_PREP_WINDOW = 3  # ... after a verbal noun: its genitive between ("استجابة السلطات المحلية لـ")


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger found at tokens ``[first, last]``."""

    first: int
    last: int
    trigger: Trigger
    skip: int = 0  # characters of a clitic the splitter left at the start of the first token's stem ("لتفريق")
    invited: int = -1  # an invitation's token naming what the invited come for ("دعوة ... لزيارة"): no event itself


def match_triggers(ctx: EventContext, lexicon: EventLexicon) -> Iterator[Found]:
    """Every trigger of the article, longest first at each token, none inside an entity mention."""
    index, invited = 0, -1
    known = lexicon.by_first
    stems, norms, count = ctx.stems, ctx.norms, len(ctx)
    while index < count:
        stem, norm = stems[index], norms[index]
        if not stem or (stem not in known and norm not in known and stem[:-1] + "ه" not in known
                        and norm[1:] not in known and (stem[:1] not in "وف" or stem[1:] not in known)
                        and (not norm.startswith(CONTRACTED) or "ال" + norm[2:] not in known
                             or not _exposed_to(ctx, lexicon, index))):
            # most words: no form of theirs starts a trigger
            index += 1
            continue
        found = _match_at(ctx, lexicon, index)
        if found is None or _in_a_name(ctx, index) or index == invited:
            index += 1
            continue
        yield found
        invited = found.invited if found.invited >= 0 else invited
        index = found.last + 1


def _in_a_name(ctx: EventContext, index: int) -> bool:
    """Whether token ``index`` lies inside the name of an organisation, person or place ("مجلس التعاون");
    a MISC name may be an event's own ("قمة هلسنكي", "مسيرات العودة")."""
    mention = ctx.mention_over.get(index)
    return mention is not None and mention.entity.label != "MISC"


def _match_at(ctx: EventContext, lexicon: EventLexicon, index: int) -> Found | None:
    norm = ctx.norm(index)
    for form in _forms(ctx, index, lexicon):
        kept_prep = norm[:1] in KEPT_PREPS and form == norm[1:] and form != ctx.stem(index)
        for trigger in lexicon.by_first.get(form, ()):
            if kept_prep and trigger.kind not in ("noun", "masdar"):
                continue  # "بحث" is no "حث": a verb never follows a preposition
            last = index + len(trigger.words) - 1
            if last >= len(ctx) or any(ctx.stem(index + k) != w and ctx.norm(index + k) != w
                                       for k, w in enumerate(trigger.words[1:], 1)):
                continue
            window = PREP_WINDOW if trigger.verbal else NOUN_PREP_WINDOW  # "تحقيق السلام ... في" achieves
            achieved = lexicon if trigger.type == "INVESTIGATE" else None
            if trigger.needs_preps and not _prep_follows(ctx, last, trigger.needs_preps, window, achieved):
                continue
            if trigger.type == "INVESTIGATE" and last + 1 < len(ctx) and lexicon.has("achieved", ctx.stem(last + 1)):
                continue  # "لتحقيق السلم في المنطقة", "يحقق التطلعات": achieving, not investigating
            if _a_path(ctx, lexicon, index, last):
                continue
            if trigger.type == "SUPPORT" and last + 1 < len(ctx) and lexicon.has("material", ctx.stem(last + 1)):
                trigger = dataclasses.replace(trigger, type="AID")  # "دعما مدفعيا": material support
            if trigger.lemma == "أدان" and _charged(ctx, lexicon, last):
                trigger = dataclasses.replace(trigger, type="COERCE")  # "أدانته المحكمة بتهمة": a conviction
            if trigger.type in FIGURATIVE and last + 1 < len(ctx) and lexicon.has("abstract", ctx.stem(last + 1)):
                continue  # "محاصرة الوباء", "تخفيف معاناة", "لتفجير طاقاتهم": no one is attacked or spared
            if trigger.lemma == "استهدف" and any(lexicon.has("policy", ctx.stem(at)) for at in range(
                    max(0, index - POLICY_REACH), min(len(ctx), last + POLICY_REACH + 1)) if at != index):
                continue  # "ويستهدف مشروع المرسوم الأجراء": a measure aimed at people, no attack
            invited = _invited(ctx, lexicon, last) if trigger.type == "DEMAND" else -1
            if invited >= 0:
                trigger = dataclasses.replace(trigger, type="CONSULT")  # "دعوة حفتر لزيارة الجزائر": an invitation
            stem = ctx.stem(index)
            stripped = form in (norm[1:], stem[1:]) and form not in (stem, norm) \
                or form.startswith("ال") and stem.startswith("ل") and not stem.startswith("ال")  # "لتفريق", "للقصف"
            return Found(index, last, trigger, _clitic_chars(ctx, index) if stripped else 0, invited)
    return None


def _charged(ctx: EventContext, lexicon: EventLexicon, last: int) -> bool:
    """Whether a charge follows within a few words ("إدانتها بتهمة الانتماء", "أدين بارتكاب"): a court's
    conviction, no condemnation in words."""
    return any(lexicon.has("charge", ctx.norm(at)) or lexicon.has("charge", ctx.proclitic(at) + ctx.stem(at))
               for at in range(last + 1, min(len(ctx), last + 1 + CHARGE_REACH)))


def _exposed_to(ctx: EventContext, lexicon: EventLexicon, index: int) -> bool:
    """Whether "was subjected to" comes just before ("تعرضت المستشفيات للقصف", "خضع للاستجواب"): the act
    after لـ is told; elsewhere "للقتال", "للمساعدة" mostly say what for, no act."""
    return any(lexicon.has("exposed", ctx.stem(at)) or lexicon.has("exposed", ctx.norm(at))
               for at in range(max(0, index - EXPOSED_REACH), index))


def _clitic_chars(ctx: EventContext, index: int) -> int:
    """The characters of the one-letter clitic opening a token's stem, with its marks ("وَ")."""
    text, start, end = ctx.text, ctx.tokens[index][3], ctx.tokens[index][4]
    at = start + 1
    while at < end and MARKS_FIRST <= text[at] <= MARKS_LAST:
        at += 1
    return at - start if at < end else 0


def _invited(ctx: EventContext, lexicon: EventLexicon, last: int) -> int:
    """The token naming what a call asks someone to come for ("دعوة لقائد قوات شرق ليبيا لزيارة"), or -1."""
    _, sentence_last = ctx.sentence_range(last)
    for index in range(last + 1, min(sentence_last, last + INVITE_WINDOW) + 1):
        if ctx.is_punct(index):
            return -1
        if lexicon.has("invited_to", ctx.stem(index)) and ctx.proclitic(index).endswith("ل"):
            return index
    return -1


def _a_path(ctx: EventContext, lexicon: EventLexicon, index: int, last: int) -> bool:
    """Whether a march noun in construct with a definite noun is a path ("مسيرة التنمية", "مسيرة
    السلام"): not the noun with the article or a suffix, nor before what a march is for ("مسيرة
    الغضب"), nor inside an event's name ("مسيرة العودة" tagged MISC)."""
    if index != last or last + 1 >= len(ctx) or not lexicon.has("path_of", ctx.stem(index)) \
            or ctx.tokens[index][4] < ctx.tokens[index][1] or index in ctx.mention_over:
        return False
    following = ctx.stem(last + 1)
    return following.startswith("ال") and not lexicon.has("march_for", following)  # an adjective would agree


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
    elif stem[:1] in ("و", "ف") and stem[:1] == norm[:1] and len(stem) > 3 and stem != norm:
        forms.append(stem[1:])  # ... with a suffix split off ("واستجوبته": stem "واستجوبت")
    if norm[:1] in KEPT_PREPS and len(norm) > KEPT_PREP_MIN and stem == norm:
        forms.append(norm[1:])  # a preposition it kept ("لتفريق"): only event nouns are read there (_match_at)
    if norm.startswith(CONTRACTED) and len(norm) > KEPT_PREP_MIN and lexicon and _exposed_to(ctx, lexicon, index):
        forms.append("ال" + norm[2:])  # "تعرضت للقصف" is ل + القصف (the splitter leaves the stem "لقصف")
    return tuple(forms)


def _frame_words(ctx: EventContext, last: int, window: int) -> Iterator[int]:
    """The first ``window`` words after token ``last`` in its sentence, where a trigger's required
    preposition may come: punctuation is not counted, and a comma-delimited aside is stepped over whole
    ("ونوه رئيس الحكومة، في كلمته بالمناسبة، بعمل ...": the aside's words neither count nor match)."""
    _, sentence_last = ctx.sentence_range(last)
    index, words = last + 1, 0
    while index <= sentence_last and words < window:
        if ctx.is_punct(index):
            closing = ctx.aside_end(index, sentence_last)
            index = (closing if closing is not None else index) + 1
            continue
        yield index
        words += 1
        index += 1


def _prep_follows(ctx: EventContext, last: int, preps: tuple[str, ...], window: int,
                  lexicon: EventLexicon | None = None) -> bool:
    """Whether a required preposition comes within the frame's words, with no achieved thing before it
    when ``lexicon`` is given ("وحققت الدبلوماسية، خلال الموسم، مكاسب في ...": achieving)."""
    for index in _frame_words(ctx, last, window):
        clitic = ctx.proclitic(index)
        norm = ctx.norm(index)
        if norm in preps or clitic + ctx.stem(index) in preps \
                or (clitic and any(clitic.endswith(p) for p in preps if len(p) == 1)) \
                or ON in preps and norm.startswith(ON) and norm[len(ON):] in PRONOUN_SUFFIXES:
            return True  # "بشأنهما", "حكم عليها": a preposition with a clitic before, على with a pronoun after
        if lexicon is not None and lexicon.has("achieved", ctx.stem(index)):
            return False
    return False
