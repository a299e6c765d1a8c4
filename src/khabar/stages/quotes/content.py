"""What was said: where a cue's content starts, where it ends, and whether it is direct, indirect or mixed.

After a cue and its speaker, content opens with a complementiser (إن، أن، بأن، إلى أن ...), a
preposition the verb governs (دعا إلى، طالب بـ), a colon or a quotation mark. Indirect content runs to
the end of the sentence or to the next clause with a cue of its own (", مضيفا أن ...", "وفقا لـ ...");
direct content is what the quotation marks hold, however many sentences that is.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum

from khabar.model import QuoteKind
from khabar.stages.quotes.context import Mention, QuoteContext
from khabar.stages.quotes.extent import before_circumstance, before_participle_clause, sentence_end
from khabar.stages.quotes.lexicon import Attribution, Cue, CueKind, Role

MAX_ZONE_TOKENS = 40  # cue, speaker, titles and adjuncts before the content opens
MAX_NAME_QUOTE_WORDS = 4  # "نيويورك تايمز" in quotation marks names a paper, it is no quote
MAX_BODY_NAME_WORDS = 7  # "المنظمة الدولية لحظر الأسلحة الكيميائية" in quotation marks
SHORT_QUOTATION_WORDS = 3  # shorter quotations inside a clause are scare quotes or names
TERMINALS = frozenset(".!?\u061f…")
TRIMMED = ",،؛;:.!?\u061f…-–—"
_BOUNDARY_PUNCT = ",،؛;-–—"
_DASHES = "-–—"


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


def _has_proclitic_ba(ctx: QuoteContext, index: int) -> bool:
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
        if _has_proclitic_ba(ctx, before) and form == "ب":
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
        start = _complement_at(ctx, index, self.cue, self.start)
        if start is not None:
            return self.opener(OpenerKind.COMPLEMENT, start)
        form = ctx.norm(index)
        other = ctx.lexicon.cues.get(form)
        if other is not None and (ctx.exactly(index - 1, "negation") or ctx.exactly(index - 1, "governs_masdar")):
            other = None  # "لم يكشف عن هويته", "رفض ذكر اسمه": no report
        if other is not None and other.kind in (CueKind.PARTICIPLE, CueKind.MASDAR) or ctx.word_is(index, "filler"):
            if ctx.is_punct(index - 1, ",،"):
                return False  # "دعت ... إلى الاستمرار، قائلة ...": a participle after a comma starts a new clause
            self.fillers.append(index)  # "وأوضح لافروف قائلا:": the participle adds nothing
            self.speaker_until = index if self.speaker_until is None else self.speaker_until
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


def find_opener(ctx: QuoteContext, cue_index: int, cue: Cue | None, limit: int) -> Opener | None:
    """Where the content of the cue at ``cue_index`` opens (before token ``limit``), if it does.

    A complementiser, colon or quotation wins; a governed preposition ("دعا إلى") is kept as a fallback.
    None when another verb cue comes first (that one reports the content) or nothing opens.
    """
    zone = _Zone(ctx, cue, cue_index + 1, limit, speaker_from=cue_index + 1)
    index, stop = zone.start, min(limit, cue_index + MAX_ZONE_TOKENS)
    while index <= stop:
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


MAX_ASIDE_WORDS = 4  # "، يضيف البلاغ ذاته،"


def parenthetical_end(ctx: QuoteContext, index: int) -> int | None:
    """The closing comma of an aside "، يضيف البلاغ،" whose verb is at ``index``, right after a subject
    ("واعتبر العثماني، يضيف البلاغ، أن ..."): the source of the report, inside another verb's clause."""
    if index < 2 or not ctx.is_punct(index - 1, ",،") or ctx.has_conjunction(index):
        return None
    for close in range(index + 1, min(len(ctx), index + 2 + MAX_ASIDE_WORDS)):
        if ctx.is_punct(close, ",،"):
            return close if close > index + 1 and _clause_verb_before(ctx, index - 1) else None
        if not ctx.is_word(close):
            return None
    return None


def _clause_verb_before(ctx: QuoteContext, comma: int) -> bool:
    """Whether a reporting verb opens the clause a few words before ``comma`` (its subject between)."""
    first, _ = ctx.sentence_bounds(comma)
    for index in range(comma - 1, max(first, comma - 1 - MAX_ASIDE_WORDS * 2) - 1, -1):
        if not ctx.is_word(index):
            return False
        cue = ctx.lexicon.cues.get(ctx.norm(index))
        if cue is not None and cue.is_verb:
            return True
    return False


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
    return "ب" in cue.np_preps and _has_proclitic_ba(ctx, index) and not ctx.word_is(index, "stop")


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


def clause_boundaries(ctx: QuoteContext, hits: list[tuple[int, Cue | Attribution]]) -> list[int]:
    """Token indices where a new clause with its own cue starts; earlier content ends before them."""
    out = []
    for index, entry in hits:
        if isinstance(entry, Cue) and not _bounds_clause(ctx, index, entry):
            continue
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
        return _has_proclitic_ba(ctx, index)
    if not cue.is_verb:
        return not ctx.after_preposition(index)  # "عن أسفه" (his regret) is no "آسفة"
    if not _starts_clause(ctx, index) or index > 0 and ctx.word_is(index - 1, "relative"):
        return False
    if cue.kind is CueKind.PRESENT or cue.role is Role.THINK:
        _, last = ctx.sentence_bounds(index)  # "، ولكنه وجد رابطا بين ...": a verb that opens no content
        return find_opener(ctx, index, cue, last) is not None
    return True


def _word_before_clause(ctx: QuoteContext, index: int) -> bool:
    return ctx.is_word(index) and (ctx.word_is(index, "connector") or ctx.norm(index) == "وذلك" or after_when(ctx, index + 1)
                                   or ctx.norm(index) in WHEN and ctx.norm(index + 1) == "ان")


WHEN = frozenset({"بعد", "قبل", "منذ", "بمجرد", "لمجرد"})  # "بعد أن قال": a time, then a statement of its own


def after_when(ctx: QuoteContext, index: int) -> bool:
    """Whether token ``index`` follows "بعد أن", "قبل أن", "منذ أن" (it says when, and a statement follows)."""
    return index > 1 and ctx.norm(index - 1) == "ان" and ctx.norm(index - 2) in WHEN


def _starts_clause(ctx: QuoteContext, index: int) -> bool:
    if ctx.has_conjunction(index) or index == 0 or after_when(ctx, index):
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
