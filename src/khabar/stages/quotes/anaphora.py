"""Speakers named by a phrase that points back: "المصدر ذاته", "المتحدث نفسه", "المتحدثة", and the definite
descriptions a journalist uses to avoid repeating a name ("الباحث", "الكاتب الليبي", "الفاعل الجمعوي").

Such a phrase names the voice the article is already reporting: the speaker of the latest quote before
it, when that speaker is a named entity whose gender agrees (a description in the feminine, "الوزيرة",
"المتحدثة", never stands for a man the article quotes with "قال"). Definite descriptions of a head and
adjectives only count, headed by a profession or a role ("الكاتب الليبي", "المحلل السياسي"); an office
("الملك", "الرئيس"), or a title that names one by its complement ("رئيس الحكومة", "وزير الخارجية
الجزائري"), identifies someone by itself and is left to the article's own appositions
(``khabar.stages.entities.descriptions``). When the voice before is an unnamed source the phrase stays.
"""

from __future__ import annotations

from enum import StrEnum

from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.lexicon import CueKind
from khabar.stages.quotes.linking import Speaker
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter

FEMININE_ENDING = "ه"  # ة in the normalised view


SAME_BEFORE = frozenset(("ذات", "نفس"))  # "كما أفاد ذات المصدر"
GUEST = frozenset(("ضيف", "ضيفه", "ضيفة"))  # the guest of a programme: "وأضاف ضيف "بوليتيكا" اليوم"


class Pointer(StrEnum):
    """How a speaker phrase points back."""

    SAME = "same"  # "المصدر ذاته", "المحلل السياسي نفسه": any earlier named voice, person or body
    GENERIC = "generic"  # "المتحدث", "المصدر": the voice before, person or body
    DESCRIPTION = "description"  # "الباحث", "الكاتب الليبي": a person
    BODY = "body"  # "الشركة", "الوزارة": the body that spoke before, named or not
    DOCUMENT = "document"  # "البحث", "التقرير", "الوثيقة ذاتها": the body whose document spoke before


def _phrase_tokens(ctx: QuoteContext, span: tuple[int, int]) -> list[int]:
    first = ctx.token_at(span[0])
    if first is None:
        first = ctx.token_at(span[0] - 1)  # the phrase starts after a conjunction glued to its first word
    if first is None:
        return []
    out = []
    index = first
    while index < len(ctx) and ctx.tokens[index][0] < span[1]:
        out.append(index)
        index += 1
    return out


def pointer(ctx: QuoteContext, span: tuple[int, int]) -> Pointer | None:
    """How the speaker phrase over ``span`` points back to an earlier voice, if it does."""
    tokens = [i for i in _phrase_tokens(ctx, span) if ctx.is_word(i)]
    if not tokens or len(tokens) > 4:
        return None
    if ctx.bare(tokens[0]).startswith(ARTICLE) and ctx.word_is(tokens[0], "communique") and all(
            ctx.word_is(i, "same") for i in tokens[1:]):
        return Pointer.DOCUMENT
    if any(ctx.word_is(i, "same") for i in tokens[1:]) or len(tokens) > 1 and ctx.norm(tokens[0]) in SAME_BEFORE:
        return Pointer.SAME  # "المصدر ذاته", and before its noun "ذات المصدر", "نفس المتحدث"
    if len(tokens) == 1 and ctx.word_is(tokens[0], "generic_speaker"):
        return Pointer.GENERIC
    head = ctx.bare(tokens[0])
    if len(tokens) == 1 and head.startswith(ARTICLE) and ctx.word_is(tokens[0], "body"):
        return Pointer.BODY
    if head in GUEST and len(tokens) > 1:
        return Pointer.DESCRIPTION  # 'ضيف "بوليتيكا"', 'ضيف برنامج ...': the guest the article is quoting
    if head.startswith(ARTICLE) and ctx.word_is(tokens[0], "descriptive") and all(
            ctx.bare(i).startswith(ARTICLE) and not ctx.word_is(i, "title") for i in tokens[1:]):
        return Pointer.DESCRIPTION  # not "الملك", "الرئيس": an office names its holder by itself
    return None


def gender_of_cue(ctx: QuoteContext, draft: Draft) -> str | None:
    """"f" or "m" as the cue agrees with its speaker (قالت، مضيفة / قال، مضيفا), None when it does not tell."""
    if draft.cue is None:
        return None
    index = ctx.token_at(draft.cue[0])
    index = draft.anchor if index is None else index
    form = ctx.bare(index)
    cue = ctx.lexicon.cues.get(form)
    if cue is None:
        return None
    if cue.kind is CueKind.PARTICIPLE:
        return "f" if form.endswith(FEMININE_ENDING) else "m" if form.endswith("ا") else None
    if cue.kind is CueKind.PAST:
        base = ctx.lexicon.past_of.get(cue.lemma, "")
        return "f" if base and form == base + "ت" else "m" if form == base else None
    return None


def gender_of_phrase(ctx: QuoteContext, span: tuple[int, int]) -> str:
    tokens = [i for i in _phrase_tokens(ctx, span) if ctx.is_word(i)]
    return "f" if tokens and ctx.bare(tokens[0]).endswith(FEMININE_ENDING) else "m"


def resolve_pointer(ctx: QuoteContext, draft: Draft, earlier: list[Draft], genders: dict[str, set[str]]) -> Speaker | None:
    """The speaker (phrase kept, entity filled) a pointing phrase stands for, or None."""
    speaker = draft.speaker
    if speaker is None or speaker.span is None or speaker.entity_id is not None:
        return None
    kind = pointer(ctx, speaker.span)
    if kind is None and not draft.nested:
        return _continued_by_title(ctx, draft, earlier, genders)
    if kind is None or draft.nested:
        return None  # inside a quotation "اللاعب" is someone the speaker talks about
    if kind is Pointer.DOCUMENT:
        return _document_voice(ctx, speaker, earlier)
    gender = gender_of_phrase(ctx, speaker.span) if kind not in (Pointer.SAME, Pointer.BODY) else None
    for before in reversed(earlier):
        voice = before.speaker
        if voice is None or voice.span is None or before.nested and not draft.nested:
            continue
        if kind is Pointer.BODY:
            return _body_voice(ctx, voice)
        if voice.entity_id is None:
            return None  # the voice before is an unnamed source: "المصدر ذاته" is that source
        entity = ctx.entity_of(voice.entity_id)
        if kind is Pointer.DESCRIPTION and (entity is None or entity.label != "PER"):
            return None
        known = genders.get(voice.entity_id, set())
        if gender is not None and entity is not None and entity.label == "PER" and known and gender not in known:
            return None
        return Speaker(speaker.span, voice.entity_id)
    return None


_UNNAMED = ("source", "title", "generic_speaker", "descriptive", "communique", "document_stem")


def _body_voice(ctx: QuoteContext, voice: Speaker) -> Speaker | None:
    """For "وقالت الشركة": the voice before when it is a body, named by an entity ("فيسبوك") or by a
    phrase that is its name ("الخارجية الفلسطينية"); not a person, not an unnamed source ("مصدر عسكري")."""
    if voice.entity_id is not None:
        entity = ctx.entity_of(voice.entity_id)
        return voice if entity is not None and entity.label == "ORG" else None
    tokens = [i for i in _phrase_tokens(ctx, voice.span) if ctx.is_word(i)] if voice.span else []
    if not tokens or any(ctx.word_is(tokens[0], c) for c in _UNNAMED) or len(tokens) > 1 and ctx.word_is(tokens[0], "title"):
        return None
    if len(tokens) == 1:  # "فيسبوك"، a name the tagger missed; not "الحكومة", a body left unnamed
        return voice if not ctx.bare(tokens[0]).startswith(ARTICLE) else None
    return voice if ctx.word_is(tokens[0], "body") else None  # "الخارجية الفلسطينية"


DOCUMENT_VOICES = 6  # how many voices back the body whose document speaks may be


def _document_voice(ctx: QuoteContext, speaker: Speaker, earlier: list[Draft]) -> Speaker | None:
    """For "ويشير البحث", "وسجل التقرير", "وتبرز الوثيقة ذاتها": the body that spoke last in the article,
    named by an entity ("بنك المغرب") or after its document ("بحث للمندوبية السامية للتخطيط"); the people
    quoted between are passed (a document is no person's voice), an unnamed source ends the search."""
    voices = [d.speaker for d in earlier if not d.nested and d.speaker is not None and d.speaker.span is not None]
    for voice in reversed(voices[-DOCUMENT_VOICES:]):
        if voice.entity_id is not None:
            entity = ctx.entity_of(voice.entity_id)
            if entity is not None and entity.label == "ORG":
                return Speaker(speaker.span, voice.entity_id)
            continue
        tokens = [i for i in _phrase_tokens(ctx, voice.span) if ctx.is_word(i)]  # type: ignore[arg-type]
        if len(tokens) > 2 and ctx.word_is(tokens[0], "communique") and ctx.norm(tokens[1]).startswith("ل"):
            return Speaker((ctx.tokens[tokens[1]][0], voice.span[1]))  # type: ignore[index]
        if tokens and tokens[0] > 0 and ctx.word_is(tokens[0] - 1, "communique") and ctx.norm(tokens[0]).startswith("ل"):
            return Speaker(voice.span)  # the body after its document, as linking kept it
        if tokens and not ctx.word_is(tokens[0], "communique"):
            return None
    return None


# Cues that say the voice goes on: "وأضاف", "واستدرك", "وأردف": whoever the title, the one speaking already
CONTINUING = frozenset(normalise_query(w) for w in "أضاف استدرك أردف تابع استطرد زاد".split())
CONTINUED_SENTENCES = 2  # the voice it goes on with spoke this recently


def _continued_by_title(ctx: QuoteContext, draft: Draft, earlier: list[Draft], genders: dict[str, set[str]]) -> Speaker | None:
    """For "واستدرك رئيس المركز المغربي للدبلوماسية ... بأن" right after "قال عبد الفتاح البلعمشي، أستاذ
    العلاقات الدولية ...": a title no one is named with, after a cue that goes on, is the person speaking."""
    speaker = draft.speaker
    index = (ctx.token_at(draft.cue[0]) if draft.cue else None) or draft.anchor
    cue = ctx.lexicon.cues.get(ctx.bare(index))
    tokens = [i for i in _phrase_tokens(ctx, speaker.span) if ctx.is_word(i)] if speaker and speaker.span else []
    if cue is None or normalise_query(cue.lemma) not in CONTINUING or not tokens or not ctx.word_is(tokens[0], "title"):
        return None
    voices = [d for d in earlier if not d.nested and d.speaker is not None and d.speaker.span is not None]
    if not voices or ctx.sentence_of(draft.anchor) - ctx.sentence_of(voices[-1].anchor) > CONTINUED_SENTENCES:
        return None
    voice = voices[-1].speaker
    entity = ctx.entity_of(voice.entity_id) if voice is not None and voice.entity_id else None
    if entity is None or entity.label != "PER":
        return None
    known = genders.get(entity.id, set())
    if known and gender_of_phrase(ctx, speaker.span) not in known:  # type: ignore[union-attr,arg-type]
        return None
    return Speaker(speaker.span, entity.id)  # type: ignore[union-attr]
