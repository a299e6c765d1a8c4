"""Subjects written before the verb: "كان لافروف قد أشار", "أما الوزير فقال", "المباركي يدعو الحكومة إلى",
"غير أن مات هيربر، الباحث في ...، أكد", and the noun a relative pronoun refers to ("عبد الله التي أوضحت").
"""

from __future__ import annotations

from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.speaker import SUBJECT_CLASSES, is_speakerish, is_stop, phrase_after

MAX_PREVERBAL_TOKENS = 10
MAX_TOPIC_DISTANCE = 30  # "أما X" opens its sentence; the verb after ف may come after a relative clause
_COMMAS = ",،"


def _after_auxiliary(ctx: QuoteContext, first: int, particle: int) -> tuple[int, int] | None:
    """"كان وزير خارجية روسيا، سيرغي لافروف، قد أشار": the subject between كان and قد."""
    for index in range(particle - 1, max(first, particle - MAX_PREVERBAL_TOKENS) - 1, -1):
        if ctx.word_is(index, "auxiliary"):
            return phrase_after(ctx, index + 1, particle)
    return None


# Words before كان that make it part of a question or condition, not the clause the verb after the comma goes on
_QUESTIONS = frozenset(("عما", "ما", "من", "هل", "ان", "لما", "عندما"))


def _after_opening_auxiliary(ctx: QuoteContext, first: int, comma: int) -> tuple[int, int] | None:
    """"كان X، أكد": the subject after a كان that opens its clause; not one inside a question or condition
    ("وردا على سؤال عما إذا كان يحلم ...، أجاب أليسون"، "من كان يتخيل ذلك، جاء الوقت")."""
    for index in range(comma - 1, max(first, comma - MAX_PREVERBAL_TOKENS) - 1, -1):
        if ctx.word_is(index, "auxiliary"):
            before = index - 1
            if before >= first and ctx.is_word(before) and (
                    ctx.word_is(before, "subordinator") or ctx.norm(before) in _QUESTIONS):
                return None
            return phrase_after(ctx, index + 1, comma)
    return None


MAX_APPOSITION_WORDS = 20  # "، الباحث في المنظمة السويسرية "المبادرة الدولية ..." والمتخصصة في شؤون الهجرة،"


def _named_before_apposition(ctx: QuoteContext, first: int, comma: int) -> tuple[int, int] | None:
    """A named subject, an apposition between commas, then the verb: the name opens its clause (the
    sentence, or after أن/a connector) and ends right at the opening comma."""
    opening = next((i for i in range(comma - 1, max(first, comma - MAX_APPOSITION_WORDS) - 1, -1)
                    if ctx.is_punct(i, _COMMAS)), None)
    if opening is None or opening - 1 < first or not ctx.is_word(opening - 1):
        return None
    start, end = ctx.span_chars(first, opening - 1)
    named = [m for m in ctx.mentions_in(start, end) if m.end == end and m.entity.label in ("PER", "ORG")]
    name_first = ctx.token_at(named[0].start) if named else _unnamed_run(ctx, first, opening)
    if name_first is None:
        return None
    before = name_first - 1
    if before >= first and not (ctx.exactly(before, "complementiser") or ctx.word_is(before, "connector")):
        return None
    return name_first, opening - 1


MAX_UNTAGGED_NAME = 4  # words of a name the tagger missed, before an apposition headed by a title


def _unnamed_run(ctx: QuoteContext, first: int, opening: int) -> int | None:
    """The first token of a name the tagger missed right before "، TITLE ...،" ("غير أن مات هيربر، الباحث
    في ..."): a few plain words after the clause's opening, the apposition headed by a title or description."""
    if opening + 1 >= len(ctx) or not any(ctx.word_is(opening + 1, c) for c in ("title", "descriptive")):
        return None
    index = opening - 1
    while index >= first and opening - index <= MAX_UNTAGGED_NAME and ctx.is_word(index) and not (
            is_stop(ctx, index) or ctx.exactly(index, "complementiser") or ctx.word_is(index, "connector")):
        index -= 1
    return index + 1 if index + 1 < opening and opening - index <= MAX_UNTAGGED_NAME else None


ABOUT = frozenset(("بشان", "بخصوص", "بالنسبه", "حول"))  # "أما بشأن ...", "أما بالنسبة لـ ..."


def _after_amma(ctx: QuoteContext, first: int, cue: int) -> tuple[int, int] | None:
    """"أما الوزير فقال": the topic after أما (asides between: "أما الجبهة الشعبية، التي ...، فقد عبرت")."""
    for index in range(cue - 1, max(first, cue - 1 - MAX_TOPIC_DISTANCE) - 1, -1):
        if ctx.bare(index) == "اما":  # not "أما بشأن المشروع، فقال": what the topic is about, no speaker
            about = index + 1 < cue and (ctx.word_is(index + 1, "stop") or ctx.bare(index + 1) in ABOUT)
            return None if about else phrase_after(ctx, index + 1, cue)
    return None


def _preverbal_start(ctx: QuoteContext, first: int, cue: int) -> int | None:
    """The first word of a noun phrase right before the verb, if it can be the verb's subject."""
    start = cue
    while start - 1 >= first and cue - start < MAX_PREVERBAL_TOKENS and ctx.is_word(start - 1) and not (
            is_stop(ctx, start - 1) or ctx.exactly(start - 1, "complementiser") or ctx.word_is(start - 1, "connector")):
        start -= 1
    if start >= cue or ctx.has_conjunction(start):
        return None  # "ونشرت الوحدات شريطا ... قالت فيه": a clause opening with و starts with its verb
    before = start - 1
    if before >= first and ctx.is_word(before) and is_stop(ctx, before) and not (
            ctx.exactly(before, "complementiser") or ctx.word_is(before, "connector")):
        return None  # "الهجوم على منطقة عفرين أصرت": a preposition's object is no subject
    return start


def phrase_before(ctx: QuoteContext, cue: int) -> tuple[int, int] | None:
    """A subject before the verb: "كان لافروف قد أشار", "أما الوزير فقال", "المباركي يدعو الحكومة"."""
    first, _ = ctx.sentence_bounds(cue)
    before = cue - 1
    if before < first:
        return None
    if ctx.norm(before) == "فقد":  # "أما الجبهة الشعبية (15 نائبا)، التي ...، فقد عبرت عن"
        return _after_amma(ctx, first, before) or _after_auxiliary(ctx, first, before)
    if ctx.word_is(before, "particle") or ctx.word_is(before, "connector") and ctx.norm(before).endswith("قد"):
        return _after_auxiliary(ctx, first, before)
    if ctx.norm(cue).startswith("ف"):
        return _after_amma(ctx, first, cue)
    if ctx.is_punct(before, _COMMAS) and not ctx.has_conjunction(cue):
        # "كان حزب آفاق تونس (8 نواب)، أكد دعمه"; "غير أن مات هيربر، الباحث في المنظمة ...، أكد أن"
        return _after_opening_auxiliary(ctx, first, before) or _named_before_apposition(ctx, first, before)
    if ctx.has_conjunction(cue) or not ctx.is_word(before) or is_stop(ctx, before) or ctx.word_is(before, "connector"):
        return None
    around = ctx.enclosing_quotation(cue)
    start = _preverbal_start(ctx, max(first, around[0] + 1) if around else first, cue)
    phrase = None if start is None else phrase_after(ctx, start, cue)
    if phrase is None:
        return None
    if is_speakerish(ctx, *phrase, classes=SUBJECT_CLASSES) or _topic(ctx, *phrase, sentence_first=first):
        return phrase
    return None


MAX_TOPIC_WORDS = 3


def _topic(ctx: QuoteContext, first: int, last: int, sentence_first: int) -> bool:
    """"لكن مساعد الطيار قال", headline "بركة يتهم الحكومة ...": a short noun phrase between a connector
    and the verb, or opening a headline, is its subject. (Not one opening a sentence of the body: that
    one is too often a topic or a fronted object.)"""
    opens = first > 0 and ctx.word_is(first - 1, "connector") or first == sentence_first and ctx.in_headline(first)
    return (last - first < MAX_TOPIC_WORDS and opens
            and all(ctx.is_word(i) and not ctx.word_is(i, "stop") for i in range(first, last + 1)))


def before_apposition(ctx: QuoteContext, cue: int) -> tuple[int, int] | None:
    """"ولكن الهيئة، المعروفة اختصارا بـ"أوفكوم"، قالت": the subject before a comma-framed aside."""
    first, _ = ctx.sentence_bounds(cue)
    comma = cue - 1
    if comma <= first or not ctx.is_punct(comma, _COMMAS) or ctx.has_conjunction(cue):
        return None
    opening = next((i for i in range(comma - 1, max(first, comma - MAX_PREVERBAL_TOKENS) - 1, -1)
                    if ctx.is_punct(i, _COMMAS)), None)
    if opening is None:
        return None
    start = opening
    while start - 1 >= first and ctx.is_word(start - 1) and not (
            is_stop(ctx, start - 1) or ctx.word_is(start - 1, "connector") or ctx.word_is(start - 1, "side")):
        start -= 1
    if start >= opening or opening - start > 4 or ctx.has_conjunction(start):
        return None
    if start - 1 >= first and ctx.is_word(start - 1) and is_stop(ctx, start - 1) and not ctx.word_is(start - 1, "connector"):
        return None  # "في أديس أبابا، الأحد، دعا": a preposition's object is no subject
    phrase = phrase_after(ctx, start, opening)
    return phrase if phrase is not None and is_speakerish(ctx, *phrase, classes=SUBJECT_CLASSES) else None


def relative_antecedent(ctx: QuoteContext, cue: int) -> tuple[int, int] | None:
    """Before "التي أوضحت": the phrase the relative pronoun refers to (its last few words)."""
    relative = cue - 1
    if relative < 1 or not ctx.word_is(relative, "relative"):
        return None
    first, _ = ctx.sentence_bounds(cue)
    window = ctx.mentions_in(ctx.tokens[max(first, relative - 4)][0], ctx.tokens[relative][0])
    named = ctx.token_at(window[-1].start) if window else None
    if named is not None:
        return named, max(i for i in range(named, relative) if ctx.tokens[i][1] <= window[-1].end)
    end = relative - 1
    while end > first and ctx.is_punct(end, _COMMAS):
        end -= 1
    start = end
    for _ in range(2):  # two words at most ("زملاؤنا الغربيون"); a quoted name counts as one
        if start in ctx.open_of:
            start = ctx.open_of[start]
        if start - 1 > first and ctx.is_word(start - 1) and not is_stop(ctx, start - 1) or start - 1 in ctx.open_of:
            start -= 1
    if not (ctx.is_word(end) or end in ctx.open_of) or not is_speakerish(ctx, start, end):
        return None  # "الأمراض التي أعلن القضاء عليها": the antecedent is no one who could speak
    return start, end
