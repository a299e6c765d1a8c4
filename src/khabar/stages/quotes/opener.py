"""Where a cue's content opens: after the cue and its speaker, a complementiser (إن، أن، بأن، إلى أن ...),
a preposition the verb governs (دعا إلى، طالب بـ), a colon or a quotation mark that holds what was said (not
a name in quotation marks, not a scare-quoted word). The words before it are the speaker zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from khabar.stages.quotes.asides import (
    anonymity_end,
    asks_anonymity,
    is_called,
    parenthetical_end,
    relative_aside_end,
)
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.lexicon import Cue, CueKind, Role

MAX_ZONE_TOKENS = 40  # cue, speaker, titles and adjuncts before the content opens
MAX_NAME_QUOTE_WORDS = 4  # "نيويورك تايمز" in quotation marks names a paper, it is no quote
MAX_BODY_NAME_WORDS = 7  # "المنظمة الدولية لحظر الأسلحة الكيميائية" in quotation marks
SHORT_QUOTATION_WORDS = 3  # shorter quotations inside a clause are scare quotes or names


class OpenerKind(StrEnum):
    COMPLEMENT = "complement"  # إن، أن، بأن، إلى أن
    PREPOSITION = "preposition"  # دعا إلى، طالب بـ
    COLON = "colon"
    QUOTATION = "quotation"


@dataclass(frozen=True, slots=True)
class Opener:
    """Where content opens after a cue, and the stretch before it that may name the speaker."""

    kind: OpenerKind
    index: int  # the token that opens the content
    speaker_from: int  # first token of the speaker zone
    speaker_until: int  # first token after it
    fillers: tuple[int, ...] = ()  # participles absorbed on the way ("أوضح لافروف قائلا:")


def _subordinated(ctx: QuoteContext, index: int) -> bool:
    """Whether the أن at ``index`` belongs to a subordinate clause ("بعد أن", "إلا أن")."""
    # "وقال من قبل إن ...": قبل ends the adverb "من قبل" (before now), it subordinates nothing
    return index > 0 and ctx.is_word(index - 1) and ctx.word_is(index - 1, "subordinator") and not ctx.phrase_is(
        index - 2, "adverb")


def has_proclitic_ba(ctx: QuoteContext, index: int) -> bool:
    """Whether the word starts with the preposition بـ ("بإرغامها", "بالإفراج", "بـ"), not a letter ب."""
    token = ctx.tokens[index]
    chars = ctx.text[token[0] : token[0] + 3]
    if chars[:1] != "ب":
        return False
    # the segmenter split it, or what follows ب cannot start a name: hamza, tatweel, the article, or the
    # prefix of a verbal noun (تخفيف، مواصلة) in a word long enough to be one
    return (token[3] > token[0] or ctx.norm(index) in ("ب", "بما") or chars[1:2] in ("أ", "إ", "ـ") or chars[1:3] == "ال"
            or chars[1:2] in ("ت", "م") and token[1] - token[0] >= 6)


def names_a_body(ctx: QuoteContext, open_: int, close: int) -> bool:
    """Whether a quotation holds the name of a body or a place: it opens with a body's head word ("منظمة",
    "المرصد", "تحالف", "لمنظمة"), or one entity's mention fills it."""
    first = open_ + 1
    if first >= close or not ctx.is_word(first):
        return False
    form = ctx.bare(first)
    heads = (form, form[1:] if form[:1] in "لب" else form, "ال" + form[2:] if form.startswith("لل") else form)
    if any(h in ctx.lexicon.words.get(c, ()) for h in heads for c in ("body", "name_noun")):
        return True
    start, end = ctx.tokens[first][0], ctx.tokens[close - 1][1]
    named = ctx.mentions_in(start, end)
    return len(named) == 1 and named[0].start <= start + 2 and named[0].end >= end


def _is_name_quotation(ctx: QuoteContext, index: int, cue: Cue | None, limit: int) -> bool:
    """Whether the quotation opening at ``index`` is a name inside the speaker zone, not content."""
    if index == 0:
        return False
    before = index - 1
    if ctx.is_word(before):
        form = ctx.norm(before)
        if form == "ل" or ctx.word_is(before, "name_noun"):
            return True
        if has_proclitic_ba(ctx, before) and form == "ب":
            return cue is None or "ب" not in cue.np_preps
    close = ctx.close_of[index]
    words = sum(1 for i in range(index + 1, close) if ctx.is_word(i))
    if words <= MAX_BODY_NAME_WORDS and names_a_body(ctx, index, close):
        return True  # 'دعت "منظمة حظر الأسلحة الكيميائية" لإرسال بعثة', '"تحالف دعم الشرعية في اليمن"'
    if words > MAX_NAME_QUOTE_WORDS:
        return False
    if words <= SHORT_QUOTATION_WORDS and close + 1 < len(ctx) and ctx.is_punct(close + 1, ":"):
        return True  # 'وقال "الجعويني": "..."': the speaker's name in quotation marks, the words after the colon
    after = range(close + 1, min(limit, close + 8) + 1)
    return any(ctx.exactly(i, "complementiser") for i in after)


def _opens_quotation(ctx: QuoteContext, index: int, cue: Cue | None, limit: int) -> bool:
    """Whether the quotation at ``index`` is what the cue reports, not a name or a scare-quoted word.

    A short quotation counts only right after the cue or after the preposition the cue governs
    ("وصفت المعتقلين بـ"الخونة""); elsewhere it is a fragment ("تؤكد تطوير هاتف بميزة "غير مسبوقة"").
    """
    if _is_name_quotation(ctx, index, cue, limit):
        return False
    close = ctx.close_of[index]
    if sum(1 for i in range(index + 1, close) if ctx.is_word(i)) > SHORT_QUOTATION_WORDS:
        return True
    before = index - 1
    return ctx.norm(before) in ctx.lexicon.cues or (
        cue is not None and "ب" in cue.np_preps and ctx.is_word(before) and ctx.norm(before) == "ب")


def _is_time_colon(ctx: QuoteContext, index: int) -> bool:
    kinds = [ctx.tokens[i][2].value for i in (index - 1, index + 1) if 0 <= i < len(ctx)]
    return kinds == ["number", "number"] and ctx.glued(index - 1, index)


def _complement_at(ctx: QuoteContext, index: int, cue: Cue | None, zone_start: int) -> int | None:
    """If a complementiser opens content at ``index``: the content's first token (a preposition before it)."""
    if not ctx.exactly(index, "complementiser") or ctx.norm(index) == "لان" or _subordinated(ctx, index):
        return None
    before = index - 1
    if cue is not None and before >= zone_start and ctx.norm(before) in cue.that_preps:
        return before
    return index


QUESTION = frozenset(("سؤال", "سوال", "سؤالا", "سوالا"))
WAS = frozenset(("كان", "كانت", "كانوا"))


def _asked_whether(ctx: QuoteContext, index: int, zone_start: int) -> bool:
    """Whether "إن كان" at ``index`` is the question the speaker was asked ("ردا على سؤال ... إن كان")."""
    return (ctx.norm(index) == "ان" and index + 1 < len(ctx) and ctx.norm(index + 1) in WAS
            and any(ctx.norm(i) in QUESTION for i in range(zone_start, index)))


@dataclass(slots=True)
class _Zone:
    """The words between a cue and its content, scanned left to right (state of ``find_opener``)."""

    ctx: QuoteContext
    cue: Cue | None
    start: int
    limit: int
    speaker_from: int = 0
    speaker_until: int | None = None
    fillers: list[int] = field(default_factory=list)
    preposition: int | None = None
    skip_to: int | None = None  # the last token of an aside to step over

    def opener(self, kind: OpenerKind, index: int) -> Opener:
        until = self.speaker_until if self.speaker_until is not None else index
        return Opener(kind, index, self.speaker_from, min(until, index), tuple(self.fillers))

    def mark(self, index: int) -> Opener | None:
        """A quotation mark or a colon: direct content opens here, unless the cue cannot quote."""
        ctx, cue = self.ctx, self.cue
        direct = cue is None or cue.role not in (Role.THINK, Role.WRITE) or (
            cue.role is Role.THINK and ctx.is_punct(index, ":") and ctx.in_headline(index))  # "كوريا الشمالية تهدد: ..."
        if index in ctx.close_of and cue is not None and cue.role is Role.WRITE:
            direct = self.posted(index)
        if index in ctx.close_of:
            return self.opener(OpenerKind.QUOTATION, index) if direct and _opens_quotation(ctx, index, cue, self.limit) else None
        if (direct or cue is not None and cue.role is Role.WRITE) and ctx.is_punct(index, ":") and not _is_time_colon(ctx, index):
            return self.opener(OpenerKind.COLON, index)
        return None

    def posted(self, index: int) -> bool:
        """Whether a writing verb's quotation at ``index`` is what someone wrote ("وكتب الوزير على حسابه في
        تويتر «...»", "وكتبت المنظمة «...»"): a writer named right after the verb, or a medium named before the
        quotation; not what is written on something ("كتب على ذراعه «...»", "كتب على الجدار «...»")."""
        ctx = self.ctx
        zone = range(self.start, index)
        if any(ctx.word_is(i, "medium") for i in zone):
            return True
        first = self.start
        if first >= index or not ctx.is_word(first) or any(ctx.norm(i) == "علي" for i in zone):
            return False
        token = ctx.tokens[first]
        return bool(ctx.mentions_in(token[0], token[1])) or any(ctx.word_is(first, c) for c in _SPEAKER_WORDS)

    def word(self, index: int) -> Opener | bool:
        """A word: content may open here (an Opener); False stops the scan; True goes on."""
        ctx = self.ctx
        if ctx.word_is(index, "modal"):
            return False  # "قلت لهم ... يمكن أن تطلبوا": the words after the cue are a clause of their own
        if _asked_whether(ctx, index, self.start):  # "وقال ردا على سؤال إن كان قلقا من ...، إن ...": the question
            self.skip_to = next((i for i in range(index + 1, self.limit + 1) if ctx.is_punct(i, ",،")), index)
            return True
        start = _complement_at(ctx, index, self.cue, self.start)
        if start is not None:
            return self.opener(OpenerKind.COMPLEMENT, start)
        form = ctx.norm(index)
        other = ctx.lexicon.cues.get(form)
        if other is not None and (ctx.exactly(index - 1, "negation") or ctx.exactly(index - 1, "governs_masdar")
                                  or is_called(ctx, index, other)):
            other = None  # "لم يكشف عن هويته", "رفض ذكر اسمه", "ويدعى ستيفن": no report
        if other is not None and other.kind in (CueKind.PARTICIPLE, CueKind.MASDAR) or ctx.word_is(index, "filler"):
            if ctx.is_punct(index - 1, ",،"):
                return False  # "دعت ... إلى الاستمرار، قائلة ...": a participle after a comma starts a new clause
            self.fillers.append(index)  # "وأوضح لافروف قائلا:": the participle adds nothing
            self.speaker_until = index if self.speaker_until is None else self.speaker_until
        elif other is not None and asks_anonymity(ctx, index):
            # "وقال عقيد في الشرطة طلب عدم كشف هويته إن": a clause about the speaker; the content is still to come
            self.skip_to = anonymity_end(ctx, index, self.limit)
            self.speaker_until = index - (1 if ctx.word_is(index - 1, "relative") else 0) if (
                self.speaker_until is None) else self.speaker_until
        elif other is not None and parenthetical_end(ctx, index) is not None:
            # "واعتبر العثماني، يضيف البلاغ، أن ...": an aside naming the source; the content is still to come
            self.skip_to = parenthetical_end(ctx, index)
            self.speaker_until = index - 1 if self.speaker_until is None else self.speaker_until
        elif other is not None:
            return False  # another reporting verb reports what follows
        elif form == "نقلا" or form == "عن" and (self.cue is None or self.cue.role is Role.RELAY):
            self.speaker_from, self.speaker_until = index + (2 if form == "نقلا" else 1), None  # "عن مصدر"
        elif self.preposition is None and self.cue is not None and _opens_np(ctx, index, self.cue):
            self.preposition = index
        return True


def content_limit(ctx: QuoteContext, index: int) -> int:
    """The last token content starting near ``index`` may reach: its sentence, or its quotation."""
    _, last = ctx.sentence_bounds(index)
    around = ctx.enclosing_quotation(index)
    return min(last, around[1] - 1) if around else last


def find_opener(ctx: QuoteContext, cue_index: int, cue: Cue | None, limit: int) -> Opener | None:
    """Where the content of the cue at ``cue_index`` opens (before token ``limit``), if it does.

    A complementiser, colon or quotation wins; a governed preposition ("دعا إلى") is kept as a fallback.
    None when another verb cue comes first (that one reports the content) or nothing opens. Found once per
    cue and limit: the clause boundaries ask first, the verb's reading asks again.
    """
    key = (cue_index, id(cue), limit)
    if key not in ctx.openers:
        ctx.openers[key] = _scan_for_opener(ctx, cue_index, cue, limit)
    return ctx.openers[key]


def _scan_for_opener(ctx: QuoteContext, cue_index: int, cue: Cue | None, limit: int) -> Opener | None:
    zone = _Zone(ctx, cue, cue_index + 1, limit, speaker_from=cue_index + 1)
    index, stop = zone.start, min(limit, cue_index + MAX_ZONE_TOKENS)
    while index <= stop:
        aside = relative_aside_end(ctx, index, stop)
        if aside is not None:  # "أعلنت الوحدات، التي تعتبرها أنقرة ... وتخشى أن ...، أنها": the aside opens nothing
            zone.speaker_until = index if zone.speaker_until is None else zone.speaker_until
            index = aside + 1
            continue
        found = zone.mark(index) if not ctx.is_word(index) else zone.word(index)
        if isinstance(found, Opener):
            return found
        if found is False:
            break
        if zone.skip_to is not None:
            index, zone.skip_to = zone.skip_to, None
        elif index in ctx.close_of and index > 0 and ctx.word_is(index - 1, "name_noun"):
            index = ctx.close_of[index]  # 'مبادرة "إن تشارج"': a name's words open nothing
        elif ctx.is_punct(index, "("):
            index = _bracket_close(ctx, index, stop)  # "محطة (إن.تي.في):": a bracketed name opens nothing
        index += 1
    if zone.preposition is None:
        return None
    # "وصف التصريحات "بالفاضحة"": the speaker zone ends at the quotation holding the preposition
    until = zone.preposition - 1 if zone.preposition - 1 in ctx.close_of else zone.preposition
    return Opener(OpenerKind.PREPOSITION, zone.preposition, zone.speaker_from, until, tuple(zone.fillers))


MAX_BRACKETED_TOKENS = 10


def _bracket_close(ctx: QuoteContext, index: int, stop: int) -> int:
    """The ")" closing the bracket at ``index`` nearby, else ``index`` itself."""
    for close in range(index + 1, min(stop, index + MAX_BRACKETED_TOKENS) + 1):
        if ctx.is_punct(close, ")"):
            return close
    return index


def _opens_np(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    if not cue.np_preps:
        return False
    form = ctx.norm(index)
    if ctx.phrase_is(index, "adjunct"):
        return False  # "أكد الوزير على هامش الاجتماع ضرورة ...": where it was said, not what
    if form in cue.np_preps:
        if form == "عن" and _no_content_after_an(ctx, index):
            return False
        # "أعلن عن"، "أفاد عن": what follows their object is the object's ("أعلن الاستغناء عن")
        guarded = form == "عن" and (cue.takes_object or "عن" not in cue.that_preps)
        return not guarded or not _after_a_verbal_noun(ctx, index)
    if "ل" in cue.np_preps and _has_proclitic(ctx, index, "ل") and not ctx.word_is(index, "stop"):
        return True  # "أسف لكون الحضور ... متواضعا"
    return "ب" in cue.np_preps and has_proclitic_ba(ctx, index) and not ctx.word_is(index, "stop")


_AGE_WORDS = frozenset(("عمر", "عمره", "عمرها", "ناهز"))  # "عن عمر ناهز 80 عاما"
_YEARS = frozenset(("عاما", "عام", "سنه", "سنوات", "عاماً"))  # "عن 49 عاما" (ة reads ه)


def _no_content_after_an(ctx: QuoteContext, index: int) -> bool:
    """Whether "عن" opens no statement: the source after "نقلا" ("نقلا عن مصدر رسمي"), an age ("وفاتها ...،
    عن 49 عاما", "عن عمر ناهز 80 عاما")."""
    after = index + 1
    if index > 0 and ctx.is_word(index - 1) and ctx.norm(index - 1) == "نقلا":
        return True
    if after >= len(ctx):
        return False
    number = not ctx.is_word(after) and not ctx.is_punct(after)
    return ctx.norm(after) in _AGE_WORDS or number and after + 1 < len(ctx) and ctx.norm(after + 1) in _YEARS


_SPEAKER_WORDS = ("title", "body", "source", "generic_speaker", "descriptive", "communique")


def _after_a_verbal_noun(ctx: QuoteContext, index: int) -> bool:
    """Whether "عن" follows a definite noun that governs it ("أعلنت إدارة النادي الاستغناء عن ..."), not
    the verb, its named subject, a title or body ("أعربت الوزارة عن"), a nisba or a time ("الجمعة، عن")."""
    before = index - 1
    if not ctx.is_word(before) or ctx.norm(before) in ctx.lexicon.cues or ctx.word_is(before, "stop"):
        return False
    form = ctx.bare(before)
    token = ctx.tokens[before]
    possessed = token[4] < token[1]  # "أعلن التنظيم مسؤوليته عن"
    if not (form.startswith("ال") or possessed) or ctx.chars(before).endswith(("ي", "ية")) or ctx.mentions_in(
            *ctx.span_chars(before, before)):
        return False
    return not any(ctx.word_is(before, c) for c in _SPEAKER_WORDS)


def _has_proclitic(ctx: QuoteContext, index: int, letter: str) -> bool:
    """Whether the segmenter split ``letter`` off the word as a proclitic."""
    token = ctx.tokens[index]
    return token[3] > token[0] and ctx.text[token[3] - 1] == letter
