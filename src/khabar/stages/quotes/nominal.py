"""Quotes without a reporting verb: nominal attributions ("وفقا لـ X، ..." / "...، حسب X") and
headlines that give a speaker and a colon ("مسؤول روسي: ربما سممت لندن الجاسوس").
"""

from __future__ import annotations

from khabar.model import QuoteKind
from khabar.stages.quotes.asides import is_called
from khabar.stages.quotes.content import TERMINALS, content_end, kind_of, quoted_chars, trim_end
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.lexicon import Attribution, CueKind, Role
from khabar.stages.quotes.linking import Speaker, link
from khabar.stages.quotes.speaker import is_addressee, is_speakerish, phrase_after

MAX_HEADLINE_TOKENS = 30
VERB_LINK = "فعل"  # attributions.tsv: the lead is followed by a reporting verb ("كما يقول")
MAX_HEADLINE_SPEAKER_TOKENS = 8


def _speaker_start(ctx: QuoteContext, index: int, entry: Attribution) -> tuple[int, int | None] | None:
    """The first token of the speaker after a lead, and a character start when a clitic لـ is glued on."""
    after = index + 1
    if after >= len(ctx):
        return None
    form = ctx.norm(after)
    if entry.link == VERB_LINK:  # "كما يقول X": a reporting verb in the present must follow
        cue = ctx.lexicon.cues.get(form)
        if cue is None or cue.kind is not CueKind.PRESENT or cue.role is not Role.SAY or is_called(ctx, after, cue):
            return None  # '"فيليباو" كما يدعى': as he is called (يُدعى), not as he claims
        return after + 1, None
    if entry.link == "ل":
        if form == "ل":
            return after + 1, None
        return (after, ctx.tokens[after][0] + 1) if form.startswith("ل") and len(form) > 2 else None
    if entry.link:
        return (after + 1, None) if form == entry.link else None
    return after, None


def attribution_applies(ctx: QuoteContext, index: int, entry: Attribution) -> bool:
    """Whether the lead at ``index`` is followed by what its entry requires ("على" + "حد" + a pronoun) and
    names someone who may speak ("حسب سنة الإصدار" names a year: no attribution, no clause boundary)."""
    located = _speaker_start(ctx, index, entry)
    if located is None:
        return False
    if entry.pronoun:  # "على حد تعبيره"; "بتعبيره" holds its pronoun itself
        return not entry.link or located[0] < len(ctx) and ctx.norm(located[0])[-1:] in ("ه", "ا", "م")
    return _attributed_phrase(ctx, index, located[0]) is not None


def _attributed_phrase(ctx: QuoteContext, index: int, first: int) -> tuple[int, int] | None:
    """The speaker phrase after an attribution lead (and its reporting clause), if it names one who speaks."""
    _, sentence_last = ctx.sentence_bounds(index)
    after = _skip_reporting_clause(ctx, first, sentence_last + 1)
    phrase = phrase_after(ctx, after, sentence_last + 1, subject=False)
    if phrase is None:
        return None
    said = after > first and any(ctx.norm(i) in ctx.lexicon.cues for i in range(first, after))
    return phrase if said or is_speakerish(ctx, *phrase) else None  # "حسبما قال أبو حامد": the verb says who


def _skip_reporting_clause(ctx: QuoteContext, first: int, limit: int) -> int:
    """After "وفق ما" / "بحسب ما": skip "ما" and its verb ("ذكر", "نقلته"), and a relayed "X عن"."""
    if first < limit and ctx.norm(first) in ("ما", "لما"):
        first += 1
    if first < limit:
        form = ctx.norm(first)
        cue = ctx.lexicon.cues.get(form) or next(  # "بحسب ما نقلته": the verb with an object pronoun
            (ctx.lexicon.cues[form[: -len(p)]] for p in ("ها", "هم", "ه") if form.endswith(p) and form[: -len(p)] in ctx.lexicon.cues), None)
        if cue is not None:
            first += 1
            if cue.role is Role.CONTAINER and first < limit and ctx.norm(first) in ("في", "ب"):
                first += 1  # "وفق ما جاء في نص البلاغ": the communiqué speaks
    while first < limit and (ctx.word_is(first, "adverb") or ctx.exactly(first, "resumptive") or ctx.is_punct(first, ",،")):
        first += 1  # "وفق ما أعلن الجمعة مسؤول", "بحسب ما صرح به محام"
    for index in range(first, min(limit, first + 8)):
        if ctx.norm(index) == "عن":
            return index + 1
    return first


def read_attribution(ctx: QuoteContext, index: int, entry: Attribution, boundaries: list[int]) -> Draft | None:
    """The quote a nominal attribution names: the clause after it (preposed) or before it (postposed)."""
    located = _speaker_start(ctx, index, entry)
    if located is None:
        return None
    speaker_first, char_start = located
    sentence_first, sentence_last = ctx.sentence_bounds(index)
    cue = (ctx.span_chars(index, index)[0], ctx.tokens[speaker_first - 1][1])
    if entry.pronoun:
        return _postposed(ctx, index, sentence_first, cue, None)
    phrase = _attributed_phrase(ctx, index, speaker_first)
    if phrase is None:
        return None  # "حسب مقتضيات الفصل 35": according to a text, not to someone
    if phrase[0] > speaker_first and is_addressee(ctx, phrase[0]):
        speaker = None  # "حسب ما ذكر لوكالة تونس افريقيا للأنباء": told to the agency, by the voice before
    else:
        speaker = link(ctx, phrase[0], phrase[1], char_start if phrase[0] == located[0] else None)
    if _clause_start(ctx, sentence_first) >= index:
        return _preposed(ctx, phrase[1] + 1, sentence_last, boundaries, cue, index, speaker)
    return _postposed(ctx, index, sentence_first, cue, speaker)


def _clause_start(ctx: QuoteContext, first: int) -> int:
    while ctx.word_is(first, "side") or ctx.is_punct(first, ",،"):
        first += 1
    return first


def _preposed(ctx: QuoteContext, after: int, last: int, boundaries: list[int], cue: tuple[int, int],
              anchor: int, speaker: Speaker | None) -> Draft | None:
    while after <= last and ctx.is_punct(after, ",،"):
        after += 1
    if after <= last and ctx.is_punct(after, ":"):
        after += 1
        if after in ctx.close_of:
            chars = quoted_chars(ctx, after)
            return Draft(QuoteKind.DIRECT, chars, cue, anchor, speaker, implied=speaker is None,
                         last=ctx.close_of[after]) if chars else None
    if after > last:
        return None
    end = content_end(ctx, after, last, boundaries)
    if end is None:
        return None
    start = ctx.tokens[after][0] + (1 if ctx.norm(after).startswith("فان") else 0)
    return Draft(kind_of(ctx, after, end), (start, ctx.tokens[end][1]), cue, anchor, speaker, implied=speaker is None,
                 last=end)


def _postposed(ctx: QuoteContext, index: int, first: int, cue: tuple[int, int], speaker: Speaker | None) -> Draft | None:
    """The clause before a postposed attribution: from the sentence's start, or after its last semicolon
    ("...، يورد الكاتب الليبي؛ ما جعل أطرافا أخرى تستغل الموقف، بتعبيره")."""
    semicolons = [i for i in range(first, index) if ctx.is_punct(i, "؛;")]
    first = _clause_start(ctx, semicolons[-1] + 1 if semicolons else first)
    end = trim_end(ctx, first, index - 1)
    if end is None or first in ctx.close_of and ctx.close_of[first] == end:
        return None
    start, _ = ctx.span_chars(first, first)
    return Draft(kind_of(ctx, first, end), (start, ctx.tokens[end][1]), cue, index, speaker,
                 implied=speaker is None, last=end)


# ---------------------------------------------------------------- headlines


def _is_speakerish(ctx: QuoteContext, first: int, colon: int, last: int) -> bool:
    """Whether the words before a headline's colon look like someone who speaks."""
    start, end = ctx.tokens[first][0], ctx.tokens[colon][0]
    named = ctx.mentions_in(start, end)
    if any(m.entity.label in ("PER", "ORG") for m in named):
        return True  # a place alone is the topic of a headline ("أفغانستان: وزارة الدفاع تعلن ...")
    if named and colon - first <= 2 and _first_person_plural(ctx, colon + 1, last):
        return True  # unless it speaks for itself: "الأردن: أغلقنا الحدود لحماية أمننا"
    classes = ("title", "source", "body")
    return any(ctx.word_is(i, c) for i in range(first, colon) for c in classes) or any(
        ctx.norm(i) == "ل" for i in range(first, colon))


def _headline_colon(ctx: QuoteContext, first: int, last: int) -> int | None:
    """The colon of a headline "X: ..." whose X is short and names a speaker."""
    if last - first > MAX_HEADLINE_TOKENS or ctx.chars(last)[-1] in TERMINALS and ctx.chars(last) != "..":
        return None
    for colon in range(first + 1, min(last, first + MAX_HEADLINE_SPEAKER_TOKENS + 1)):
        if ctx.is_punct(colon, ":"):
            break
    else:
        return None
    if last - colon < 2 or ctx.word_is(first, "headline_label") or ctx.phrase_is(first, "headline_label"):
        return None
    if _inside_brackets(ctx, first, colon):
        return None  # "هسبريس - محمد الراجي (صور: منير محيمدات)": a credit, not a speaker
    for index in range(first, colon):
        if ctx.tokens[index][2].value == "number" or (ctx.norm(index) in ctx.lexicon.cues
                                                      and ctx.lexicon.cues[ctx.norm(index)].kind is not CueKind.MASDAR):
            return None
    return colon if _is_speakerish(ctx, first, colon, last) else None


def _first_person_plural(ctx: QuoteContext, first: int, last: int) -> bool:
    """Whether words after a colon speak as "we" ("أغلقنا", "أمننا", "نحن")."""
    return any(ctx.is_word(i) and len(ctx.norm(i)) >= 4 and ctx.norm(i).endswith("نا") or ctx.norm(i) in WE
               for i in range(first, last + 1))


WE = frozenset(("نحن",))


def _inside_brackets(ctx: QuoteContext, first: int, index: int) -> bool:
    """Whether token ``index`` stands inside a bracket opened after ``first`` and not yet closed."""
    depth = 0
    for i in range(first, index):
        if ctx.is_punct(i, "(["):
            depth += 1
        elif ctx.is_punct(i, ")]"):
            depth = max(0, depth - 1)
    return depth > 0


MAX_INTERVIEW_NAME_TOKENS = 4


def _interview_colon(ctx: QuoteContext, first: int) -> int | None:
    return next((i for i in range(first + 1, first + MAX_INTERVIEW_NAME_TOKENS + 1) if ctx.is_punct(i, ":")), None)


def interview_sentences(ctx: QuoteContext) -> list[int]:
    """Sentences of the body that open a line with a named speaker and a colon, as interviews are written
    ("سيلين مارتوليه: عندما بدأنا الحديث معهن ...")."""
    found = []
    for sentence in range(ctx.headline_sentence_count, ctx.sentence_count):
        first, last = ctx.sentence_range(sentence)
        start = ctx.tokens[first][0]
        if first > last or start > 0 and ctx.text[:start].rstrip(" \t")[-1:] not in ("\n", ""):
            continue
        colon = next((i for i in range(first + 1, min(last, first + MAX_INTERVIEW_NAME_TOKENS + 1))
                      if ctx.is_punct(i, ":")), None)
        if colon is None or last - colon < 3:
            continue
        named = ctx.mentions_in(ctx.tokens[first][0], ctx.tokens[colon][0])
        if named and named[0].entity.label == "PER" and named[0].start <= start + 1:
            found.append(sentence)
    return found


def read_headline(ctx: QuoteContext, sentence: int, interview: bool = False) -> Draft | None:
    """A headline "X: what X said" as a direct quote with the colon as its cue; ``interview``: a line of
    the body that opens with a named speaker and a colon (``interview_sentences`` found it)."""
    first, last = ctx.sentence_range(sentence)
    if first > last:
        return None
    colon = _interview_colon(ctx, first) if interview else _headline_colon(ctx, first, last)
    if colon is None:
        return None
    phrase = phrase_after(ctx, first, colon)
    if phrase is None:
        return None
    speaker = link(ctx, phrase[0], phrase[1])
    cue = (ctx.tokens[colon][0], ctx.tokens[colon][1])
    if colon + 1 in ctx.close_of:
        chars = quoted_chars(ctx, colon + 1)
        return Draft(QuoteKind.DIRECT, chars, cue, colon, speaker, last=ctx.close_of[colon + 1]) if chars else None
    end = trim_end(ctx, colon + 1, _line_last(ctx, last) if not interview else last)
    if end is None:
        return None
    return Draft(QuoteKind.DIRECT, (ctx.tokens[colon + 1][0], ctx.tokens[end][1]), cue, colon, speaker, last=end)


def _line_last(ctx: QuoteContext, last: int) -> int:
    """The last token of the line that token ``last`` ends a sentence of: a headline "هازارد: سعيد في
    تشيلسي.. لا أفكر في الرحيل" is one statement, whatever its full stops."""
    while last + 1 < len(ctx) and "\n" not in ctx.text[ctx.tokens[last][1] : ctx.tokens[last + 1][0]]:
        last += 1
    return last


def headline_sentences(ctx: QuoteContext) -> range:
    """The sentences in the first few non-empty lines, where a headline "X: ..." may stand."""
    return range(ctx.headline_sentence_count)
