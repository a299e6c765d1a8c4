"""What was said: where a cue's content ends, and whether it is direct, indirect or mixed.

Where content opens is ``opener``'s. Indirect content runs to the end of the sentence or to the next
clause with a cue of its own (", مضيفا أن ...", "وفقا لـ ..."); direct content is what the quotation
marks hold, however many sentences that is; after a named subject the verb's object may be the content.
"""

from __future__ import annotations

from bisect import bisect_right

from khabar.model import QuoteKind
from khabar.stages.quotes.context import Mention, QuoteContext
from khabar.stages.quotes.extent import before_circumstance, before_participle_clause, sentence_end
from khabar.stages.quotes.lexicon import Attribution, Cue, CueKind, Role
from khabar.stages.quotes.opener import content_limit, find_opener, has_proclitic_ba

TERMINALS = frozenset(".!?\u061f…")
_BOUNDARY_PUNCT = ",،؛;-–—"
_DASHES = "-–—"


def clause_boundaries(ctx: QuoteContext, hits: list[tuple[int, Cue | Attribution]]) -> list[int]:
    """Token indices where a new clause with its own cue starts; earlier content ends before them."""
    out = []
    for index, entry in hits:
        if isinstance(entry, Cue) and not _bounds_clause(ctx, index, entry):
            continue
        subject = _contrast_before(ctx, index) if isinstance(entry, Cue) and entry.is_verb else None
        index = index if subject is None else subject
        while index > 0:
            if index > 2 and ctx.phrase_is(index - 3, "connector", 3):
                index -= 3
            elif index > 1 and ctx.phrase_is(index - 2, "connector"):
                index -= 2
            elif ctx.is_punct(index - 1, _BOUNDARY_PUNCT) or _word_before_clause(ctx, index - 1):
                index -= 1
            else:
                break
        out.append(index)
    return sorted(set(out))


def _bounds_clause(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    """Whether a cue starts a clause that ends the content before it.

    Not a verb in the middle of a clause, a verbal noun without بـ, a verb in a relative clause ("بالإجراءات
    التي وصفها الملك بأنها ..." stays in the content it qualifies) or a present tense that opens no content
    ("، وقد يصف الطبيب إبرا": a doctor prescribes, no one is quoted).
    """
    if cue.kind is CueKind.MASDAR:
        return has_proclitic_ba(ctx, index)
    if not cue.is_verb:
        return not ctx.after_preposition(index)  # "عن أسفه" (his regret) is no "آسفة"
    if not _starts_clause(ctx, index) or index > 0 and ctx.word_is(index - 1, "relative"):
        return False
    if cue.kind is CueKind.PRESENT or cue.role is Role.THINK:
        # "، ولكنه وجد رابطا بين ...": a verb that opens no content (the limit is the verb's own reading's)
        return find_opener(ctx, index, cue, content_limit(ctx, index)) is not None
    return True


def _word_before_clause(ctx: QuoteContext, index: int) -> bool:
    return ctx.is_word(index) and (ctx.word_is(index, "connector") or ctx.norm(index) == "وذلك" or after_when(ctx, index + 1)
                                   or ctx.norm(index) in WHEN and ctx.norm(index + 1) == "ان")


WHEN = frozenset({"بعد", "قبل", "منذ", "بمجرد", "لمجرد"})  # "بعد أن قال": a time, then a statement of its own


def after_when(ctx: QuoteContext, index: int) -> bool:
    """Whether token ``index`` follows "بعد أن", "قبل أن", "منذ أن" (it says when, and a statement follows)."""
    return index > 1 and ctx.norm(index - 1) == "ان" and ctx.norm(index - 2) in WHEN


MAX_CONTRASTED_SUBJECT = 3  # "، ولكن موسكو تقول", "، إلا أن محامية الشابة قالت"
CONTRASTS = frozenset(("لكن", "ولكن", "بينما", "فيما", "وفيما"))


def _contrast_before(ctx: QuoteContext, index: int) -> int | None:
    """The contrast opening a short subject and its verb ("...، ولكن موسكو تقول إنها ...", "...، إلا أن
    محامية الشابة قالت"): a new voice, whose clause ends the content before it."""
    for start in range(index - 1, max(-1, index - 1 - MAX_CONTRASTED_SUBJECT), -1):
        if not ctx.is_word(start) or ctx.word_is(start, "stop") or ctx.word_is(start, "relative") or (
                ctx.norm(start) in ctx.lexicon.cues or ctx.exactly(start, "complementiser")):
            return None
        before = start - 1
        if before >= 0 and ctx.norm(before) in CONTRASTS:
            return before
        if before >= 1 and ctx.norm(before) == "ان" and ctx.norm(before - 1) in ("الا", "غير"):
            return before - 1
    return None


def _starts_clause(ctx: QuoteContext, index: int) -> bool:
    if ctx.has_conjunction(index) or index == 0 or after_when(ctx, index) or _contrast_before(ctx, index) is not None:
        return True
    before = index - 1
    return (ctx.is_punct(before, _BOUNDARY_PUNCT + ":") or _word_before_clause(ctx, before)
            or ctx.phrase_is(index - 2, "connector") or ctx.phrase_is(index - 3, "connector", 3))


def content_end(ctx: QuoteContext, start: int, limit: int, boundaries: list[int]) -> int | None:
    """The last token of content opening at ``start``: before the next clause boundary or at ``limit``."""
    end = limit
    for boundary in boundaries[bisect_right(boundaries, start) :]:
        if boundary > limit:
            break
        around = ctx.enclosing_quotation(boundary)
        if around is not None and around[0] >= start:
            continue  # a cue inside a quoted fragment of this very content
        end = boundary - 1
        break
    end = before_circumstance(ctx, start, before_participle_clause(ctx, start, sentence_end(ctx, start, end)))
    return trim_end(ctx, start, _before_trailing_relative(ctx, start, end))


def _before_trailing_relative(ctx: QuoteContext, start: int, end: int) -> int:
    """Cut "...، الذي أطلق سراحه عام 2010 ..." running to the end: background the journalist adds."""
    for index in range(end - 1, start + 2, -1):
        if ctx.is_punct(index, ",،") and index + 1 <= end and ctx.word_is(index + 1, "relative"):
            return index - 1
        if ctx.is_punct(index, ",،") or index in ctx.open_of:
            return end
    return end


def trim_end(ctx: QuoteContext, start: int, end: int) -> int | None:
    """Leave out trailing punctuation (closing marks of quotations inside stay) and a dashed aside."""
    opened_inside = {close for open_, close in ctx.close_of.items() if start <= open_ < close}
    # "... الأجانب - وهو مصدر قلق خاص ... -": an aside between spaced dashes at the end is the journalist's
    dashes = [i for i in range(start + 1, end + 1) if ctx.is_punct(i, _DASHES) and not ctx.glued(i - 1, i)]
    if len(dashes) % 2:
        end = dashes[-1] - 1
    elif dashes and dashes[-1] == end:
        end = dashes[-2] - 1
    while end >= start and ctx.is_punct(end) and end not in opened_inside and not ctx.is_punct(end, ")]"):
        end -= 1
    return end if end >= start else None


def kind_of(ctx: QuoteContext, first: int, last: int) -> QuoteKind:
    """Mixed when indirect content holds a whole quotation, indirect otherwise."""
    for open_, close in ctx.close_of.items():
        if first <= open_ and close <= last:
            return QuoteKind.MIXED
    return QuoteKind.INDIRECT


def quoted_chars(ctx: QuoteContext, open_: int) -> tuple[int, int] | None:
    """The characters between an opening mark and its partner, without surrounding spaces."""
    start, end = ctx.tokens[open_][1], ctx.tokens[ctx.close_of[open_]][0]
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def colon_content(ctx: QuoteContext, colon: int, boundaries: list[int]) -> tuple[tuple[int, int], int] | None:
    """Direct content after a colon: the quotation right after it, or the rest of the sentence."""
    after = colon + 1
    if after >= len(ctx):
        return None
    if after in ctx.close_of:
        chars = quoted_chars(ctx, after)
        return (chars, ctx.close_of[after]) if chars else None
    _, last = ctx.sentence_bounds(after)
    end = content_end(ctx, after, last, boundaries)
    if end is None:
        return None
    if all(ctx.is_punct(i) for i in range(end + 1, last + 1)):  # the content reached its sentence's end
        end = max(end, _speech_goes_on(ctx, after, last, boundaries))
    return (ctx.tokens[after][0], ctx.tokens[end][1]), end


MAX_COLON_SENTENCES = 4  # "وأضاف: بالتأكيد سأكون سعيدا ... . هذا الأمر غير مضمون ..."


def _speech_goes_on(ctx: QuoteContext, first_word: int, last: int, boundaries: list[int]) -> int:
    """The last token of unquoted speech after a colon: the next sentences of its line go on with it until
    one opens with و/ف or a connector (the journalist's), opens a quotation, or holds a cue of its own.
    Dashes are counted from ``first_word``, the content's first token (an aside before it is no concern)."""
    for _ in range(MAX_COLON_SENTENCES):
        first = last + 1
        if first >= len(ctx) or "\n" in ctx.text[ctx.tokens[last][1] : ctx.tokens[first][0]]:
            break
        _, next_last = ctx.sentence_bounds(first)
        if (not ctx.is_word(first) or ctx.has_conjunction(first) or ctx.word_is(first, "connector")
                or ctx.norm(first)[:1] in "وف" or any(first <= b <= next_last for b in boundaries)):
            break
        last = next_last
    return trim_end(ctx, first_word, last) or last


MAX_APPOSITION = 8  # words of a title between commas after a name


def _after_apposition(ctx: QuoteContext, index: int, limit: int) -> int:
    """The token after a title in commas that follows a name (``index`` is right after the name)."""
    if index > limit or not ctx.is_punct(index, ",،") or not ctx.word_is(index + 1, "title"):
        return index
    for close in range(index + 2, min(limit, index + 1 + MAX_APPOSITION) + 1):
        if ctx.is_punct(close, ",،"):
            return close + 1
        if not ctx.is_word(close):
            return index
    return index


MAX_TITLE_TO_NAME = 7  # "المتحدث باسم وزارة الصحة الفلسطينية أشرف القدرة"
MAX_ASIDES, MAX_ASIDE_TOKENS = 3, 15


def _titled_subject(ctx: QuoteContext, after: int, limit: int) -> list[Mention]:
    """The person a title right after the verb goes on to name ("أكد العاهل الأردني، الملك عبد الله الثاني")."""
    if after > limit or not ctx.word_is(after, "title"):
        return []
    end = ctx.tokens[min(limit, after + MAX_TITLE_TO_NAME)][1]
    return [m for m in ctx.mentions_in(ctx.tokens[after][0], end) if m.entity.label == "PER"][:1]


def _after_aside(ctx: QuoteContext, index: int, limit: int) -> int:
    """The token after an aside between commas (a time, where or to whom it was said), or ``index``."""
    if index > limit or not ctx.is_punct(index, ",،"):
        return index
    for close in range(index + 1, min(limit, index + MAX_ASIDE_TOKENS) + 1):
        if ctx.is_punct(close, ",،"):
            return close + 1 if close > index + 1 else index
        if not ctx.is_word(close) and not ctx.is_punct(close, "()") or ctx.norm(close) in ctx.lexicon.cues or ctx.word_is(
                close, "complementiser"):
            return index
    return index


def object_content(ctx: QuoteContext, cue_index: int, limit: int) -> int | None:
    """For "أكدت وحدات حماية المرأة الكردية الاثنين مصرع ...": the object's first token, after a named subject."""
    after = cue_index + 1
    mentions = ctx.mentions_in(ctx.tokens[after][0], ctx.tokens[after][1]) if after <= limit else []
    if not mentions:
        mentions = _titled_subject(ctx, after, limit)
    if not mentions:
        return None
    index = after
    while index <= limit and ctx.tokens[index][0] < mentions[0].end:
        index += 1
    index = _after_apposition(ctx, index, limit)  # "استبعد سعد الدين العثماني، رئيس الحكومة، العودة"
    for _ in range(MAX_ASIDES):  # "، في تصريح لـCNN، الثلاثاء، مقتل رضيعة"
        index = _after_aside(ctx, index, limit)
    while index <= limit and ctx.is_word(index) and ctx.word_is(index, "adverb"):
        index += 1
    if index + 1 > limit or not ctx.is_word(index) or not ctx.is_word(index + 1):
        return None
    if ctx.word_is(index, "stop") or ctx.norm(index) in ctx.lexicon.cues or ctx.mentions_in(
            ctx.tokens[index][0], ctx.tokens[index][1]):
        return None
    return index
