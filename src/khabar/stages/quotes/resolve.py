"""Implied speakers: "وحذر من أن ...", ", مضيفا أن ...", "قالت فيه ..." speak with an earlier voice.

In text order, a quote without its own speaker takes, first, the speaker of an earlier quote in the
same sentence; then the nearest person named before it in the sentence; then the speaker of a quote
in the last few sentences; then the nearest person named in the sentences before.
"""

from __future__ import annotations

from khabar.stages.quotes.anaphora import gender_of_cue, gender_of_phrase, resolve_pointer
from khabar.stages.quotes.context import Mention, QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.linking import Speaker, link
from khabar.stages.quotes.preverbal import phrase_before
from khabar.stages.quotes.speaker import IN_IT, is_speakerish, phrase_after

RECENT_SENTENCES = 3  # a speaker goes on for a few sentences ("وأضاف ...", "وتابع ...")
NAMED_SENTENCES = 2  # how far back a person named (not quoted) may be the one who speaks


def _inside(position: int, span: tuple[int, int]) -> bool:
    return span[0] <= position < span[1]


def _nearest_person(ctx: QuoteContext, start: int, end: int, draft: Draft, drafts: list[Draft]) -> Mention | None:
    """The last PER mention in ``[start, end)`` outside the content of other quotes."""
    anchor = ctx.tokens[draft.anchor][0]
    others = [d.content for d in drafts if d is not draft and not _inside(anchor, d.content)]
    others.append(draft.content)
    for mention in reversed(ctx.mentions_in(start, end)):
        if mention.entity.label == "PER" and mention.end <= end and not any(_inside(mention.start, c) for c in others) and (
                not _governed(ctx, mention)):
            return mention
    return None


GOVERNED_WINDOW = 3  # "مع وزير المالية X", "على تصريحات X": the preposition a few nouns before the name
BARE_PREPOSITIONS = frozenset(("ل", "ب"))  # split off the next word by the segmenter ("لـ X")


def _governed(ctx: QuoteContext, mention: Mention) -> bool:
    """Whether a person is named as the object of a preposition ("إلى X", "مع وزير المالية X", "عن
    تصريحات X"): someone spoken to or about, not one who goes on speaking. A verb, a body ("في الحكومة
    المغربية X": a title's complement) or punctuation on the way back means the name is no such object."""
    index = ctx.token_at(mention.start)
    if index is None:
        return False
    for before in range(index - 1, max(-1, index - 1 - GOVERNED_WINDOW), -1):
        if not ctx.is_word(before) or ctx.norm(before) in ctx.lexicon.cues or ctx.word_is(before, "body"):
            return False
        if ctx.after_preposition(before + 1) or ctx.norm(before) in BARE_PREPOSITIONS:
            return True
    return False


def _embedded(voice: Draft, drafts: list[Draft], anchor: int) -> bool:
    """Whether ``voice`` is a statement reported inside another's content that does not reach ``anchor``
    ("طالب العثماني بالتوقف عن ... التي وصفها الملك بأنها ...، معتبرا": the king is no voice to go on with)."""
    start = voice.cue[0] if voice.cue else voice.content[0]
    return any(d is not voice and _inside(start, d.content) and not _inside(anchor, d.content) for d in drafts)


def _antecedent(ctx: QuoteContext, draft: Draft, earlier: list[Draft], drafts: list[Draft]) -> Speaker | None:
    sentence = ctx.sentence_of(draft.anchor)
    anchor = ctx.tokens[draft.anchor][0]
    voiced = [d for d in earlier if d.speaker is not None and d.speaker.span is not None
              and not _inside(anchor, d.content) and (draft.nested or not d.nested)
              and not _embedded(d, drafts, anchor)]
    around = ctx.enclosing_quotation(draft.anchor) if draft.nested else None
    if around is not None:  # '"فريديريك ويلي ... قدم إفادة، أشار فيها إلى أن"': someone named in the quotation
        named = _nearest_person(ctx, ctx.tokens[around[0]][1], anchor, draft, drafts)
        if named is not None:
            return Speaker((named.start, named.end), named.entity.id)
    same = [d for d in voiced if ctx.sentence_of(d.anchor) == sentence]
    if same:
        return same[-1].speaker
    first, _ = ctx.sentence_range(sentence)
    if not draft.nested and ctx.has_conjunction(draft.anchor):
        earlier_subject = _subject_of_earlier_verb(ctx, first, draft.anchor)
        if earlier_subject is not None:  # "كوبر ينفي قصة الحضري ويقول: ...": the subject goes on
            return earlier_subject
    if not draft.nested and ctx.has_conjunction(draft.anchor):
        # "وكانت لجنة المنشطات قد برأت العنزي ...، وأكدت أن": a verb with و goes on with the sentence's
        # subject, not with the person its first verb acted on
        subject = _main_subject(ctx, first, draft.anchor, any_phrase=False)
        if subject is not None:
            return subject
    if draft.participle and not draft.nested:
        opening = _named_opening_subject(ctx, first, draft.anchor)
        if opening is not None:  # "ألقى مايك بنس، نائب الرئيس ...، خطابا ...، مشيرا إلى": بنس, not the president
            return opening
    asked = None if draft.nested else _asked(ctx, first, draft.anchor)
    if asked is not None:  # "وعندما سئل الأمير ... عما إذا كان خاشقجي يواجه تهما، قال": the one asked answers
        return asked
    mention = _nearest_person(ctx, ctx.tokens[first][0], anchor, draft, drafts)
    if mention is None and draft.nested:
        return None  # inside someone's quotation only a person named there can be the one who speaks
    if mention is None:  # mid-sentence: "وأكد التقرير ...، لكنه أشار إلى أن" continues the sentence's subject
        subject = _main_subject(ctx, first, draft.anchor, any_phrase=draft.participle) or _opening_verb_subject(
            ctx, first, draft.anchor)
        if subject is not None:
            return subject
    if mention is None and draft.anchor == first and sentence > 0:
        before = _previous_subject(ctx, draft, sentence - 1, voiced)
        if before is not None:  # "وأعلن الجيش الإسرائيلي وضع قواته ... . وقال السبت إنه": the army goes on
            return before
    if mention is None:
        recent = [d for d in voiced if sentence - ctx.sentence_of(d.anchor) <= RECENT_SENTENCES]
        if recent:
            return recent[-1].speaker
        back, _ = ctx.sentence_range(max(0, sentence - NAMED_SENTENCES))
        mention = _nearest_person(ctx, ctx.tokens[back][0], ctx.tokens[first][0], draft, drafts)
    return Speaker((mention.start, mention.end), mention.entity.id) if mention else None


ASKED = frozenset(("سئل", "سئلت", "سئلوا"))  # the passive of سأل: its subject is the one who answers


def _asked(ctx: QuoteContext, first: int, anchor: int) -> Speaker | None:
    """The person asked earlier in the sentence ("وعندما سئل الأمير محمد بن سلمان ... عما إذا كان ...، قال")."""
    for index in range(first, anchor):
        form = ctx.norm(index)
        if form in ASKED or form[:1] in "وف" and form[1:] in ASKED:
            phrase = phrase_after(ctx, index + 1, anchor)
            if phrase is not None and is_speakerish(ctx, *phrase):
                return link(ctx, *phrase)
    return None


def _subject_of_earlier_verb(ctx: QuoteContext, first: int, anchor: int) -> Speaker | None:
    """The subject written before an earlier reporting verb of the sentence ("كوبر ينفي ... ويقول"), when
    it names someone who may speak."""
    for index in range(anchor - 1, first, -1):
        cue = ctx.lexicon.cues.get(ctx.norm(index))
        if cue is not None and cue.is_verb:
            phrase = phrase_before(ctx, index)
            return link(ctx, *phrase) if phrase is not None and is_speakerish(ctx, *phrase) else None
    return None


# Verbs of issuing a text: "أصدر حزب العمال بيانا ...، أكد فيه أن": who issued it speaks in it
ISSUE_VERBS = frozenset(("اصدر", "اصدرت", "نشر", "نشرت", "بث", "بثت"))


def _opening_verb_subject(ctx: QuoteContext, first: int, anchor: int) -> Speaker | None:
    """The subject of the reporting verb that opens the sentence's clause, after a dateline or a comma
    ("أكدت وزارة الخارجية البحرينية وقوف البحرين ...، معتبرة أن"، "(CNN)-- أعلنت الإدارة الأميركية ...، موصية");
    a verb of issuing a text when the cue speaks "in it" ("أصدر حزب العمال بيانا ...، أكد فيه أن")."""
    if anchor > first and ctx.word_is(anchor - 1, "relative"):  # "بحسب أحد محاميهم الذي ندد": the relative's noun
        phrase = phrase_before(ctx, anchor - 1)
        if phrase is not None and is_speakerish(ctx, *phrase):
            return link(ctx, *phrase)
    in_it = anchor + 1 < len(ctx) and ctx.norm(anchor + 1) in IN_IT
    for index in range(first, anchor):
        if index > first and ctx.is_word(index - 1):
            continue  # a verb opening the sentence, or right after its dateline's punctuation
        form = ctx.bare(index)
        cue = ctx.lexicon.cues.get(form)
        if cue is not None and cue.is_verb or in_it and form in ISSUE_VERBS:
            phrase = phrase_after(ctx, index + 1, anchor)
            if phrase is not None and is_speakerish(ctx, *phrase):
                return link(ctx, *phrase)
            return None
    return None


MAX_DATELINE_TOKENS = 8  # "دبي، الإمارات العربية المتحدة (CNN) --"
DEFINITE = ("ال", "وال", "فال")  # as written: the normalised "القى" (ألقى) is no article


def _named_opening_subject(ctx: QuoteContext, first: int, anchor: int, sources: bool = True,
                           cue_only: bool = False) -> Speaker | None:
    """For a participle: the named subject right after the verb that opens its sentence (after a dateline),
    whatever the verb ("ألقى مايك بنس ... خطابا ...، مشيرا"; "كشف مصدر مطلع لـCNN ...، قائلا"); with
    ``cue_only`` only after a reporting verb ("وأبدت وزارة الخارجية تخوفها. وقالت إن ...")."""
    for index in range(first, min(anchor, first + MAX_DATELINE_TOKENS)):
        after_particle = index - 1 == first and _is_function_word(ctx, first)  # "فقد ندد X ... . وقال"
        if not ctx.is_word(index) or index > first and ctx.is_word(index - 1) and not after_particle:
            continue
        start, end = ctx.span_chars(index, index)
        if ctx.mentions_in(start, end) or ctx.chars(index).startswith(DEFINITE) or _is_function_word(ctx, index):
            continue  # a name in the dateline, a definite noun, "وكانت", "في": no verb opening the clause
        if cue_only and ctx.bare(index) not in ctx.lexicon.cues:
            return None
        phrase = phrase_after(ctx, index + 1, anchor)
        if phrase is None:
            return None
        opens = ctx.span_chars(*phrase)[0]
        named = [m for m in ctx.mentions_in(*ctx.span_chars(*phrase)) if m.entity.label in ("PER", "ORG")]
        # a name, or an unnamed source ("مصدر مطلع"); not a definite noun ("ونفت السلطات السعودية، على لسان
        # وزير الطاقة X، ...، مؤكدا": the minister speaks)
        unnamed_source = ctx.word_is(phrase[0], "source") and not ctx.chars(phrase[0]).startswith(DEFINITE)
        titled = ctx.word_is(phrase[0], "title") and any(m.entity.label == "PER" for m in named)
        if named and named[0].start <= opens + 1 or titled:  # "ندد الرئيس الجمهوري لمجلس النواب بول راين"
            return link(ctx, *phrase)
        if unnamed_source and sources:  # the source and its adjective: "كشف مصدر مطلع تفاصيل ..." (what follows is the object)
            return link(ctx, phrase[0], min(phrase[1], phrase[0] + 1))
        return None
    return None


def _previous_subject(ctx: QuoteContext, draft: Draft, sentence: int, voiced: list[Draft]) -> Speaker | None:
    """The named subject of the verb opening the sentence before, when that sentence quotes no one (a quote
    there is the voice to go on with) and the subject agrees with the cue (قال الجيش، قالت الوزارة)."""
    first, last = ctx.sentence_range(sentence)
    opens = ctx.tokens[first][0]
    if any(ctx.sentence_of(d.anchor) == sentence or _inside(opens, d.content) for d in voiced):
        return None  # a quote there, or the sentence is itself someone's speech ("وأبلغ فينغر ...: ... . لعب يونايتد")
    subject = _named_opening_subject(ctx, first, last + 1, sources=False, cue_only=True)
    if subject is None or subject.span is None or subject.entity_id is None:
        return None
    entity = ctx.entity_of(subject.entity_id)
    gender = gender_of_cue(ctx, draft)
    if entity is not None and entity.label != "PER" and gender is not None and gender != gender_of_phrase(ctx, subject.span):
        return None
    return subject


def _is_function_word(ctx: QuoteContext, index: int) -> bool:
    return any(ctx.word_is(index, c) for c in ("stop", "auxiliary", "connector", "particle", "side", "relative"))


def _main_subject(ctx: QuoteContext, first: int, anchor: int, any_phrase: bool) -> Speaker | None:
    """For "ووصف رئيس الوزراء تلك التصريحات ...، مضيفا": the subject after the sentence's opening verb.

    A participle ("وتحدث أفورقي إلى الحضور، قائلا") takes it whatever it is; another cue only when it
    names someone who may speak.
    """
    if anchor <= first + 1 or not ctx.has_conjunction(first):
        return None
    phrase = phrase_after(ctx, first + 1, anchor)
    if phrase is None or not (any_phrase or is_speakerish(ctx, *phrase)):
        return None
    return link(ctx, *phrase)


def resolve_implied(ctx: QuoteContext, drafts: list[Draft]) -> None:
    """Give each quote without a speaker the earlier voice it continues, and each phrase that points back
    ("المصدر ذاته", "الباحث") the entity of that voice (in place, in text order)."""
    drafts.sort(key=lambda d: d.anchor)
    genders: dict[str, set[str]] = {}  # entity id -> the genders its cues agree with (قالت: "f")
    for position, draft in enumerate(drafts):
        if draft.speaker is None or draft.speaker.span is None:
            if not draft.nested and not draft.participle and _embedded(draft, drafts, -1):
                continue  # a verb inside another's content with no subject of its own: no voice of its own
            draft.speaker = _antecedent(ctx, draft, drafts[:position], drafts)
        else:
            draft.speaker = resolve_pointer(ctx, draft, drafts[:position], genders) or draft.speaker
        gender = gender_of_cue(ctx, draft)
        if draft.speaker is not None and draft.speaker.entity_id is not None and gender is not None:
            genders.setdefault(draft.speaker.entity_id, set()).add(gender)
    # a verb inside another's unquoted content with no subject of its own reports nothing ("إن الزيادة
    # كشفت "التأثير المحدود"": the increase revealed); inside a quotation one with no speaker named there neither
    drafts[:] = [d for d in drafts if not ((d.nested or _embedded(d, drafts, -1)) and d.speaker is None)]
