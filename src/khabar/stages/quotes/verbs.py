"""Quotes introduced by a reporting verb or participle: its content, its speaker, and when it reports
nothing at all ("لم يذكر", "ويذكر أن", "كُتب عليه").
"""

from __future__ import annotations

from khabar.model import QuoteKind
from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.asides import asks_anonymity, is_called, parenthetical_end
from khabar.stages.quotes.content import (
    after_when,
    colon_content,
    content_end,
    kind_of,
    object_content,
    quoted_chars,
)
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.lexicon import Cue, CueKind, Role
from khabar.stages.quotes.linking import Speaker, coordinated, link, names_communique
from khabar.stages.quotes.opener import Opener, OpenerKind, content_limit, find_opener
from khabar.stages.quotes.preverbal import before_apposition, phrase_before, relative_antecedent
from khabar.stages.quotes.speaker import phrase_after

_BARE_OPENERS = frozenset({"ان", "انه", "انها", "بان", "الي", "علي", "من", "عن", "ب", "في"})
_NO_REPORT_BEFORE = ("complementiser", "negation", "modal", "subordinator", "governs_masdar")
ALSO = frozenset({"كما", "وكما"})


def _content(ctx: QuoteContext, opener: Opener, limit: int, boundaries: list[int]) -> tuple[QuoteKind, tuple[int, int], int] | None:
    """The content's kind, characters and last token, from where it opens."""
    if opener.kind is OpenerKind.QUOTATION:
        chars = quoted_chars(ctx, opener.index)
        return (QuoteKind.DIRECT, chars, ctx.close_of[opener.index]) if chars else None
    if opener.kind is OpenerKind.COLON:
        found = colon_content(ctx, opener.index, boundaries)
        return (QuoteKind.DIRECT, found[0], found[1]) if found else None
    first = opener.index
    if first - 1 in ctx.close_of and opener.kind is OpenerKind.PREPOSITION:
        first -= 1  # "وصف التصريحات "بالفاضحة"": the quotation opens before the preposition
    end = content_end(ctx, first, limit, boundaries)
    if end is None or end == opener.index and ctx.norm(end) in _BARE_OPENERS:
        return None  # a complementiser or preposition with nothing after it
    start = ctx.tokens[first][0] + (1 if ctx.norm(first).startswith("فان") else 0)
    return kind_of(ctx, first, end), (start, ctx.tokens[end][1]), end


def _speakers(ctx: QuoteContext, index: int, cue: Cue, opener: Opener) -> list[Speaker]:
    """Explicit speakers of a verb cue: after it, before a relative pronoun, or before it."""
    if cue.kind is CueKind.PARTICIPLE or cue.kind is CueKind.MASDAR and not ctx.has_conjunction(index):
        return []
    if cue.role is Role.CONTAINER and ctx.norm(index + 1) != "في":
        return _document_before(ctx, index)  # "أرفقتها ببيان نعي جاء فيه إن ...": the communiqué speaks
    before = relative_antecedent(ctx, index) or phrase_before(ctx, index)
    if before is not None and ctx.word_is(index - 1, "relative") and _has_object_pronoun(ctx, index):
        before = None  # "تطبيق Dragonfly، الذي اعتبره ...": the antecedent is what the verb acts on
    if before is not None and ctx.word_is(index - 1, "relative"):
        after = phrase_after(ctx, opener.speaker_from, opener.speaker_until)
        if after is not None and (_names_someone(ctx, *after) or opener.kind is OpenerKind.COMPLEMENT
                                  and _names_a_body(ctx, *after)):
            before = after  # "بالإجراءات التي وصفها الملك بأنها": the relative is the object, the king speaks
    if before is not None:
        return [link(ctx, *before)]  # "عبد الله التي أوضحت", "المباركي يدعو الحكومة إلى ..."
    start = opener.speaker_from + (1 if cue.role is Role.CONTAINER else 0)
    phrase = phrase_after(ctx, start, opener.speaker_until)
    if phrase is not None and ctx.enclosing_quotation(index) and not ctx.mentions_in(*ctx.span_chars(*phrase)):
        phrase = None  # inside a quotation "أدعو الجماهير إلى": an unnamed phrase after a verb is its object
    if phrase is not None and _object_slot(ctx, opener) and _possessed_object(ctx, *phrase):
        phrase = None  # "ووصف نهجها بأنه "انتقائي"": what the verb acts on; its subject is implied
    if phrase is not None:
        people = coordinated(ctx, *phrase)
        if people:
            return [Speaker((p.start, p.end), p.entity.id) for p in people]
        return [link(ctx, *phrase)]
    phrase = before_apposition(ctx, index)
    return [link(ctx, *phrase)] if phrase else []


def _has_object_pronoun(ctx: QuoteContext, index: int) -> bool:
    """Whether the segmenter split a pronoun off the end of the verb ("اعتبره", "وصفها")."""
    token = ctx.tokens[index]
    return token[4] < token[1]


CONTAINER_LINKS = ("في", "فيه", "فيها")


def _object_slot(ctx: QuoteContext, opener: Opener) -> bool:
    """Whether content opens with a preposition ("بأنه", "من", "إلى"), after which a verb may have taken an
    object ("وصف نهجها بأنه"); not after "إن"/"أن" ("وقال أهلها إنها": the subject)."""
    return opener.kind is OpenerKind.PREPOSITION or ctx.norm(opener.index).startswith("ب")


def _possessed_object(ctx: QuoteContext, first: int, last: int) -> bool:
    """Whether a phrase after a verb is a noun with a pronoun ("نهجها", "أهدافها") naming no one who could
    speak (not "نظيره الروسي" with a title, "والده", or a name)."""
    token = ctx.tokens[first]
    if token[4] >= token[1] or ctx.mentions_in(*ctx.span_chars(first, last)):
        return False
    return not any(ctx.word_is(i, c) for i in range(first, last + 1) for c in ("title", "source", "body", "communique"))


def _names_someone(ctx: QuoteContext, first: int, last: int) -> bool:
    """Whether a phrase after a verb names someone who speaks: a person, a title, a source ("كثيرون");
    not the people a verb acts on ("التي وصفت المعتقلين بـ"الخونة"")."""
    named = ctx.mentions_in(*ctx.span_chars(first, last))
    return any(m.entity.label == "PER" for m in named) or ctx.word_is(first, "title") or ctx.word_is(first, "source")

def _names_a_body(ctx: QuoteContext, first: int, last: int) -> bool:
    """Whether a phrase after a verb names a body ("التي قالت الهيئة إنها ..."): before a complementiser it
    is the verb's subject (an object would come before a preposition: "التي اتهمت الحكومة بـ")."""
    named = ctx.mentions_in(*ctx.span_chars(first, last))
    return any(m.entity.label == "ORG" for m in named) or ctx.word_is(first, "body")


DOCUMENT_WINDOW = 3  # "ببيان نعي جاء فيه": the document is named a few words before the verb


def _document_before(ctx: QuoteContext, index: int) -> list[Speaker]:
    """The document a "جاء فيه" clause is about, named right before it, as the speaker."""
    first, _ = ctx.sentence_bounds(index)
    for before in range(index - 1, max(first, index - DOCUMENT_WINDOW) - 1, -1):
        if names_communique(ctx, before):
            token = ctx.tokens[before]
            return [link(ctx, before, index - 1, start=token[3])]
    return []


def _postposed_direct(ctx: QuoteContext, index: int, cue: Cue) -> list[Draft]:
    """"«...»، قال الوزير": a quotation right before a verb whose content does not follow it."""
    before = index - 1
    while before > 0 and ctx.is_punct(before, ",،-–"):
        before -= 1
    if before not in ctx.open_of or not cue.is_verb or before == index - 1:
        return []  # '"...سفاحين" رحبت بهم بريطانيا': no comma, the clause goes on after the quotation
    chars = quoted_chars(ctx, ctx.open_of[before])
    _, last = ctx.sentence_bounds(index)
    phrase = phrase_after(ctx, index + 1, last + 1)
    if chars is None or phrase is None:
        return []
    return [Draft(QuoteKind.DIRECT, chars, ctx.span_chars(index, index), index, link(ctx, *phrase), last=before)]


def _reports(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    """Whether the cue at ``index`` reports an utterance (not "لم يذكر", "أن يعترف", "كُتب", "جاء به")."""
    if cue.role is Role.CONTAINER and (index + 1 >= len(ctx) or ctx.norm(index + 1) not in CONTAINER_LINKS):
        return False  # "جاء" reports only as "جاء في البيان أن", "ببيان جاء فيه إن"
    if is_called(ctx, index, cue):
        return False  # "ضابط فرنسي يدعى أرنو": يُدعى (is called), not يدّعي (claims)
    if ctx.phrase_is(index, "noun_reading"):
        return False  # "لاجئ عراقي وطالب لجوء سوري": a noun
    if asks_anonymity(ctx, index):
        return False  # "الذي طلب عدم نشر اسمه": a request not to be named, the verb before reports
    if cue.role is Role.LEAD and not _leads_to_saying(ctx, index):
        return False  # "مضى عام على ...": مضى reports only as "مضى في القول إن", "ذهب إلى القول"
    if cue.kind is CueKind.PAST and ctx.is_passive_past(index):
        return False
    if cue.kind is CueKind.PRESENT and ctx.is_passive_present(index, cue.lemma):
        return False  # "صفحات يُعتقد أنها تؤثر": it is believed, no one is quoted
    if cue.kind is CueKind.PARTICIPLE and ctx.after_preposition(index):
        return False  # "أعرب عن أسفه": the noun, which the normalised view writes as the participle آسفة
    if _first_person(ctx, index, cue) and ctx.enclosing_quotation(index) is not None:
        return False  # '"... لأني أعتقد أنه سيخسر الجميع"': the speaker's own words, quoted already
    if index == 0 or not ctx.is_word(index - 1) or ctx.has_conjunction(index):
        return True
    if ctx.norm(index - 1) == "ما" and index > 1 and ctx.word_is(index - 2, "pronoun"):
        return True  # "وهو ما اعتبرته الوزارة": ما is "what", not "not"
    if ctx.norm(index - 1) in ALSO:
        return True  # "كما أكد أن ...": he also said, not a comparison
    if ctx.exactly(index - 1, "whoever"):
        return False  # "حماية من وصفهم بـ"إرهابيين"", "وإلى من قال إن": whoever said, no one quoted
    if after_when(ctx, index):
        return True  # "وذلك بعد أن قال المتظاهرون إنهم ...": when they said it, and what
    return not any(ctx.exactly(index - 1, c) for c in _NO_REPORT_BEFORE)


def _first_person(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    """Whether a verb cue is in the first person: "أعتقد", "نرى" (the present's prefix), "قلنا"."""
    form = ctx.bare(index)
    if cue.kind is CueKind.PRESENT:
        return form[:1] in ("ا", "ن")
    raw = ctx.chars(index)[1:] if ctx.has_conjunction(index) else ctx.chars(index)
    if cue.kind is CueKind.PAST and cue.lemma.startswith("ا") and raw.startswith("أ"):
        return True  # "أعتقد" (I think) reads as the past "اعتقد" on the normalised view; the hamza tells
    return cue.kind is CueKind.PAST and form.endswith("نا")


LEAD_WINDOW = 10  # "وذهب الأمين العام لحزب الاستقلال الموجود في المعارضة إلى القول إن"


def _leads_to_saying(ctx: QuoteContext, index: int) -> bool:
    """Whether a filler (القول، قائلا) follows a lead verb before its clause ends."""
    _, last = ctx.sentence_bounds(index)
    for after in range(index + 1, min(last, index + LEAD_WINDOW) + 1):
        if ctx.word_is(after, "filler"):
            return True
        if ctx.is_punct(after) and not ctx.is_punct(after, ",،"):
            return False
    return False


def _impersonal(ctx: QuoteContext, index: int, cue: Cue, kind: QuoteKind, opener: Opener) -> bool:
    """A present verb without subject: impersonal ("ويذكر أن") unless it follows a comma as a
    circumstantial of the clause's subject ("وكتبت العارضة ...، تقول إن") or opens a direct quote."""
    if kind is not QuoteKind.DIRECT:
        if _personal_present(ctx, index, cue, opener):
            return False
        circumstantial = cue.role is Role.SAY and index > 0 and ctx.is_punct(index - 1, ",،")
        if ctx.has_conjunction(index):
            return not _continues_a_subject(ctx, index)
        return not circumstantial
    return opener.speaker_until > index + 1


SPEAKING = frozenset(("قال", "أضاف", "تابع"))  # "ويقول إن": never "it is said" (that is يقال، يذكر)
# "وتقول إن", "وتشير إلى أن": she says; not "لكن تبين أن" (it turned out), which reads as تبيّن she shows
SHE_SPEAKS = SPEAKING | {"أشار", "أوضح", "أكد", "رأى", "اعتبر"}


def _personal_present(ctx: QuoteContext, index: int, cue: Cue, opener: Opener) -> bool:
    """A present verb whose subject is someone left implied: "وتقول إن ..." (she; the passive and the
    impersonal are masculine: يذكر، يعتقد), "ويقول إن ..." (قال has no impersonal present)."""
    if ctx.enclosing_quotation(index) is not None or opener.kind is not OpenerKind.COMPLEMENT:
        return False  # '"... ويقولون إن الحكومة لم تفعل شيئا"': people the speaker talks about
    form = ctx.bare(index)
    form = form[1:] if ctx.has_conjunction(index) else form
    opens = ctx.has_conjunction(index) or index > 0 and ctx.word_is(index - 1, "connector")  # "وتقول", "إذ تقول"
    if opens and form.startswith("ت") and cue.lemma in SHE_SPEAKS:
        return True  # not "الأدلة تشير إلى أن": a subject before it
    return cue.lemma in SPEAKING and ctx.has_conjunction(index) and opener.index == index + 1


def _continues_a_subject(ctx: QuoteContext, index: int) -> bool:
    """"العثماني يشتكي من ... ويدعو إلى ...": a present verb with و right after a clause whose verb has
    its subject before it goes on with that subject."""
    first, _ = ctx.sentence_bounds(index)
    for before in range(index - 1, first, -1):
        if ctx.is_punct(before) and not ctx.is_punct(before, '"«»“”'):
            return False
        cue = ctx.lexicon.cues.get(ctx.norm(before))
        if cue is not None and cue.kind is CueKind.PRESENT:
            return phrase_before(ctx, before) is not None
    # "وتعتمد مصر تماما على مياه النيل وتقول إن ...": the sentence's first verb and its subject
    subject = phrase_after(ctx, first + 1, index) if ctx.has_conjunction(first) and first + 1 < index else None
    return subject is not None and bool(ctx.mentions_in(*ctx.span_chars(*subject)))


def _object_opener(ctx: QuoteContext, index: int, cue: Cue, limit: int, opener: Opener | None) -> Opener | None:
    """Content that is the cue's object: after a named subject ("أكدت الوحدات الاثنين مصرع ..."), right
    after a participle ("، نافيا ممارسة الاتحاد أي مزايدات"), or a short quotation that the clause goes on
    from ("، مستغربة "صمت" الأمم المتحدة في الموضوع": mixed)."""
    if cue.kind is CueKind.PARTICIPLE:
        after = index + 1
        if after in ctx.close_of and (opener is None or opener.index >= after):
            close = ctx.close_of[after]
            goes_on = close + 1 <= limit and ctx.is_word(close + 1)
            return Opener(OpenerKind.PREPOSITION if goes_on else OpenerKind.QUOTATION, after, after, after)
        if opener is None and after <= limit and ctx.is_word(after) and not (
                ctx.word_is(after, "stop") or ctx.norm(after) in ctx.lexicon.cues):
            return Opener(OpenerKind.PREPOSITION, after, after, after)
        return opener
    if cue.is_verb and (opener is None or opener.kind is OpenerKind.PREPOSITION):
        start = object_content(ctx, index, limit)
        if start is not None and (opener is None or start < opener.index):
            return Opener(OpenerKind.PREPOSITION, start, index + 1, start)
    return opener


def _passive_opening(ctx: QuoteContext, index: int, cue: Cue, opener: Opener) -> bool:
    """Whether a present of a verb of judging opens its sentence without a complementiser: the passive
    ("ويعتبر المسجد من أقدم ...", "تعتبر بلجيكا من بين ..."), not "ويعتبر الخبراء أن ..."."""
    if cue.kind is not CueKind.PRESENT or opener.kind is OpenerKind.COMPLEMENT or opener.kind is OpenerKind.COLON:
        return False
    if opener.kind is OpenerKind.QUOTATION or not ctx.lexicon.is_a("passive_opening", normalise_query(cue.lemma)):
        return False
    return ctx.sentence_bounds(index)[0] == index


def _accused(ctx: QuoteContext, index: int, cue: Cue, opener: Opener) -> bool:
    """Whether a verb that needs the one it acts on (words.tsv class needs_object: اتهم) has its preposition
    right after it: the passive ("واتهم بالمساعدة في ...": he was accused), not "اتهم لافروف الغرب بـ"."""
    return (cue.kind is CueKind.PAST and opener.kind is OpenerKind.PREPOSITION and opener.index == index + 1
            and ctx.lexicon.is_a("needs_object", normalise_query(cue.lemma)))


def read_verb(ctx: QuoteContext, index: int, cue: Cue, boundaries: list[int], consumed: set[int]) -> list[Draft]:
    """The quotes a verb or participle cue introduces (one per speaker when people speak together)."""
    if not _reports(ctx, index, cue) or parenthetical_end(ctx, index) is not None:
        return []  # an aside "، يضيف البلاغ،" names the source of another verb's statement
    limit = content_limit(ctx, index)
    opener = find_opener(ctx, index, cue, limit)
    if cue.takes_object:
        opener = _object_opener(ctx, index, cue, limit, opener)
    if opener is None:
        return _postposed_direct(ctx, index, cue)
    if _passive_opening(ctx, index, cue, opener) or _accused(ctx, index, cue, opener):
        return []  # "تعتبر بلجيكا من بين المنتخبات المرشحة": is considered; "واتهم بالمساعدة": was accused
    found = _content(ctx, opener, limit, boundaries)
    if found is None:
        return []
    consumed.update(opener.fillers)
    kind, chars, last = found
    speakers = _speakers(ctx, index, cue, opener)
    if not speakers and cue.kind is CueKind.PRESENT and _impersonal(ctx, index, cue, kind, opener):
        return []  # "يذكر أن", "ويعتبر هذا التصنيف "...": impersonal or passive, no one is quoted
    cue_chars = ctx.span_chars(index, index)
    nested = ctx.enclosing_quotation(index) is not None
    participle = cue.kind is CueKind.PARTICIPLE
    voices: list[Speaker | None] = [*speakers] if speakers else [None]
    return [Draft(kind, chars, cue_chars, index, voice, implied=voice is None, last=last, nested=nested,
                  participle=participle) for voice in voices]
