"""Statements whose cue comes after them: "...، يضيف موخاريق." / "...، يقول المتحدث ذاته".

A reporting verb right after a comma, with its speaker running to the end of the sentence (or to a
relative clause about the speaker, "، يضيف معصيد، الذي أكد أن ..."), reports the clause before it. When
an earlier statement of the sentence covers that clause, the new one starts at the last comma-led clause
of it ("...، حيث أصبحت رقما قويا ...، يضيف معصيد": the earlier statement ends before "حيث"); if there is
none, the earlier statement just ends before the cue.
"""

from __future__ import annotations

from khabar.stages.quotes.content import kind_of, trim_end
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.lexicon import Cue, CueKind, Role
from khabar.stages.quotes.linking import Speaker, link
from khabar.stages.quotes.speaker import is_speakerish, phrase_after

_COMMAS = ",،"
CLAUSE_OPENERS = ("connector", "pronoun")  # "، حيث أصبحت ...", "، وهو ما أدى ..."


def _speaker_to_end(ctx: QuoteContext, index: int) -> tuple[int, int] | None:
    """The speaker after a postposed cue, when nothing but it (and a relative clause) follows."""
    _, last = ctx.sentence_bounds(index)
    phrase = phrase_after(ctx, index + 1, last + 1)
    if phrase is None or not is_speakerish(ctx, *phrase):
        return None
    after = phrase[1] + 1
    while after <= last and ctx.is_punct(after, _COMMAS):
        after += 1
    ends = after > last or ctx.is_punct(after) and after == last or ctx.word_is(after, "relative")
    return phrase if ends else None


def _is_postposed(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    return (cue.is_verb and cue.role is Role.SAY and cue.kind is not CueKind.MASDAR and index > 1
            and ctx.is_punct(index - 1, _COMMAS) and not ctx.has_conjunction(index))


# "...، بحسب ما قال مسؤول قضائي"، "وفق ما قال مدير المرصد"، "كما قال متحدث باسم المنظمة"، "حسبما قال"
LINKED_ALONE = frozenset(("كما", "حسبما", "وفقما"))
LINKED_MA = frozenset(("بحسب", "حسب", "وفق", "وفقا"))


def _linked(ctx: QuoteContext, index: int, cue: Cue) -> int | None:
    """The first link word before a cue that attributes the clause before it ("، بحسب ما قال X"), if any."""
    if not (cue.is_verb and cue.role is Role.SAY and cue.kind is CueKind.PAST) or index < 3 or ctx.has_conjunction(index):
        return None
    before = ctx.norm(index - 1)
    if before in LINKED_ALONE:
        return index - 1
    if before in ("ما", "لما") and ctx.norm(index - 2) in LINKED_MA:
        return index - 2
    return None


def _clause_start(ctx: QuoteContext, first: int, comma: int) -> int | None:
    """The first token of the last comma-led clause in ``(first, comma)`` ("، حيث ...", "، وهو ما ...")."""
    for index in range(comma - 2, first, -1):
        if ctx.is_punct(index, _COMMAS) and any(ctx.word_is(index + 1, c) for c in CLAUSE_OPENERS):
            return index + 1
    return None


def postposed_drafts(ctx: QuoteContext, hits: list[tuple[int, Cue]], drafts: list[Draft]) -> list[Draft]:
    """The statements of postposed cues that introduced nothing; earlier contents they close are shortened."""
    anchored = {d.anchor for d in drafts}
    found = []
    for index, cue in hits:
        if index in anchored:
            continue
        linked = _linked(ctx, index, cue)
        if linked is not None:
            phrase = _speaker_after_link(ctx, index)
            draft = None if phrase is None else _postposed(ctx, index, drafts, link(ctx, *phrase), boundary=linked)
            if draft is not None:
                found.append(draft)
            continue
        if not _is_postposed(ctx, index, cue):
            continue
        phrase = _speaker_to_end(ctx, index)
        if phrase is None:
            continue
        draft = _postposed(ctx, index, drafts, link(ctx, *phrase))
        if draft is not None:
            found.append(draft)
    return found


def _speaker_after_link(ctx: QuoteContext, index: int) -> tuple[int, int] | None:
    """The speaker after "بحسب ما قال": whatever follows it (to whom, when) is no concern."""
    _, last = ctx.sentence_bounds(index)
    phrase = phrase_after(ctx, index + 1, last + 1)
    return phrase if phrase is not None and is_speakerish(ctx, *phrase) else None


def _postposed(ctx: QuoteContext, index: int, drafts: list[Draft], speaker: Speaker, boundary: int | None = None) -> Draft | None:
    """The statement before the comma at ``index - 1`` (or before the link words at ``boundary``: "بحسب
    ما"), shortening the earlier one of the sentence it was in."""
    comma = index - 1 if boundary is None else boundary
    sentence_first, _ = ctx.sentence_bounds(index)
    cue_start = ctx.tokens[index][0]
    covering = [d for d in drafts if ctx.sentence_of(d.anchor) == ctx.sentence_of(index)
                and d.anchor < index and d.content[1] > ctx.tokens[comma - 1][0] and d.content[0] < cue_start]
    first = sentence_first
    if boundary is not None and any(ctx.sentence_of(d.anchor) == ctx.sentence_of(index) and d.anchor < index for d in drafts):
        return None  # "قال الاتحاد إن ...، وفق ما ذكرت الصحيفة": the paper relays the statement, no new one
    if covering:
        earlier = max(covering, key=lambda d: d.anchor)
        start = _clause_start(ctx, earlier.anchor, comma)
        cut = trim_end(ctx, earlier.anchor + 1, (start if start is not None else comma) - 1)
        if cut is not None and ctx.tokens[cut][1] > earlier.content[0]:
            earlier.content = (earlier.content[0], min(earlier.content[1], ctx.tokens[cut][1]))
        if start is None:
            return None
        first = start
    while first < comma and (ctx.word_is(first, "side") or ctx.is_punct(first)):
        first += 1
    end = trim_end(ctx, first, comma - 1)
    if end is None or end - first < 2:
        return None
    start_char = ctx.span_chars(first, first)[0]
    return Draft(kind_of(ctx, first, end), (start_char, ctx.tokens[end][1]), ctx.span_chars(index, index), index,
                 speaker, last=end)
