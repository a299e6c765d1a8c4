"""Who speaks: the speaker phrase after a cue, and whether a phrase names someone who may speak.

The subject usually follows the verb, with titles and an apposition ("قال وزير الدفاع الفرنسي، جان
إيف لو دريان، الثلاثاء، ..."); a subject written before the verb ("كان لافروف قد أشار", "عبد الله التي
أوضحت") is ``preverbal``'s, and one left implied ("وحذر من أن") is ``resolve``'s.
"""

from __future__ import annotations

from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.anaphora import ARTICLE
from khabar.stages.quotes.asides import is_called
from khabar.stages.quotes.context import QuoteContext

MAX_SPEAKER_TOKENS = 12  # a longer run is a clause, not a name with its titles
MAX_APPOSITION_TOKENS = 5  # "، جان إيف لو دريان،"
MIN_PREPOSED_WORD = 6  # letters of بال/كال + a word of three
_COMMAS = ",،"
_BRACKETS = "()[]"
_SPEAKER_CLASSES = ("title", "source", "body", "communique")
SUBJECT_CLASSES = ("title", "source", "body", "communique")


def is_addressee(ctx: QuoteContext, index: int) -> bool:
    """Whether token ``index`` starts an addressee such as "لوكالة فرانس برس", "لـCNN", "للصحفيين"."""
    form = ctx.norm(index)
    if not form.startswith("ل"):
        return False
    rest = "ال" + form[2:] if form.startswith("لل") else form[1:]
    if rest == "":  # a separate "لـ" before a Latin name or a quotation
        return True
    return ctx.lexicon.is_a("addressee", rest)


def is_stop(ctx: QuoteContext, index: int) -> bool:
    if ctx.is_word(index):
        return (ctx.word_is(index, "stop") or ctx.word_is(index, "relative") or is_addressee(ctx, index)
                or ctx.norm(index) in ctx.lexicon.cues or ctx.norm(index) in ctx.lexicon.attributions)
    return ctx.is_punct(index) and not ctx.is_punct(index, _BRACKETS) and index not in ctx.close_of


def _segment_end(ctx: QuoteContext, first: int, limit: int) -> int | None:
    """The last token of the comma-free run starting at ``first`` (an apposition), if short and plain."""
    last = None
    for index in range(first, min(limit, first + MAX_APPOSITION_TOKENS + 1)):
        if ctx.is_punct(index, _COMMAS):
            return last
        if not ctx.is_word(index) or is_stop(ctx, index):
            return None if last is None else last if ctx.is_punct(index) else None
        last = index
    return last if last is not None and last + 1 >= limit else None


def _continues_after_comma(ctx: QuoteContext, first: int, comma: int, limit: int) -> int | None:
    """After "وزير الدفاع الفرنسي،": the end of a name in apposition ("جان إيف لو دريان،"), if one follows."""
    start, _ = ctx.span_chars(first, comma - 1)
    if any(m.entity.label == "PER" for m in ctx.mentions_in(start, ctx.tokens[comma][0])):
        return None
    end = _segment_end(ctx, comma + 1, limit)
    if end is None:
        return None
    segment = ctx.mentions_in(ctx.tokens[comma + 1][0], ctx.tokens[end][1])
    has_title = any(ctx.word_is(i, "title") for i in range(first, comma))
    # the person's name opens the segment ("، جان إيف لو دريان،"), after a title ("، اللواء أليكسي
    # تسيغانكوف،"); "، غضب الحضري" is a clause about him
    name_at = comma + 1
    while name_at < end and ctx.word_is(name_at, "title"):
        name_at += 1
    opens = ctx.span_chars(name_at, name_at)[0]
    named = any(m.entity.label == "PER" and m.start <= opens + 1 for m in segment)
    return end if named or (has_title and not segment) else None


def _has_preposition(ctx: QuoteContext, index: int) -> bool:
    """Whether a word opens with a preposition (بتحقيقها، لوكالة، كالعادة): no subject does."""
    token = ctx.tokens[index]
    form = ctx.norm(index)
    if token[3] > token[0] and form[:1] in "بلك":
        # the splitter may read a name as a clitic and a word ("كالي" -> ك + الي): a preposition's object
        # is no function word
        stem = normalise_query(ctx.text[token[3] : token[4]])
        return stem not in ctx.lexicon.words.get("stop", ())
    # an article after the preposition needs a word of three letters or more after it: "كالعادة", "بالقول",
    # but the names "كالي", "بالمر" open no preposition
    return len(form) >= MIN_PREPOSED_WORD and form.startswith(("بال", "لل", "كال"))


def _belongs_to_source(ctx: QuoteContext, first: int, preposition: int, limit: int) -> bool:
    """"مسؤول في وزارة الدفاع", "مصدر من الشرطة": a preposition naming where an unnamed source works."""
    after = preposition + 1
    if ctx.norm(preposition) not in ("في", "من", "ب") or after >= limit or not ctx.is_word(after):
        return False
    if not any(ctx.word_is(i, "source") or ctx.word_is(i, "title") for i in range(first, preposition)):
        return False
    start, end = ctx.span_chars(first, preposition - 1)
    if any(m.entity.label == "PER" for m in ctx.mentions_in(start, end)):
        return False
    named = ctx.mentions_in(ctx.tokens[after][0], ctx.tokens[after][1])
    return ctx.word_is(after, "body") or any(m.entity.label in ("ORG", "LOC") for m in named)


def phrase_after(ctx: QuoteContext, first: int, limit: int, subject: bool = True) -> tuple[int, int] | None:
    """The speaker phrase starting at token ``first`` (before ``limit``): titles, name, apposition.

    ``subject=False`` accepts a first word with a preposition (after "وفقا": "لوسائل إعلام").
    """
    while first < limit and (ctx.is_punct(first, _BRACKETS + _COMMAS) or ctx.word_is(first, "side")):
        first += 1
    while subject and first < limit and _leading_adverb(ctx, first):
        first += _leading_adverb(ctx, first)  # "وقال مرارا إن", "وقال من قبل إن", "وقال ردا على سؤال"
    if subject and first < limit and ctx.is_word(first) and (_has_preposition(ctx, first) or ctx.norm(first) in BARE_CLITICS):
        return None  # "بتحقيقها", and a clitic written apart: 'منطقة وصفها بـ "محيط من عنف"'
    last = None
    index = first
    while index < limit and index - first < MAX_SPEAKER_TOKENS:
        if ctx.is_punct(index, _COMMAS) and last is not None:
            end = _continues_after_comma(ctx, first, index, limit)
            if end is None:
                break
            last = index = end
        elif index in ctx.close_of:  # a name in quotation marks: منظمة "هيومن رايتس ووتش"
            if _quoted_words(ctx, index) > MAX_QUOTED_NAME_WORDS:
                break  # 'وفق أبازيد "تسليم السلاح الثقيل تدريجيا ..."': what was said, not a name
            last = index = ctx.close_of[index]
        elif last is not None and ctx.is_word(index) and (called := _called_by_name(ctx, index, limit)) is not None:
            last = index = called  # "أحد سكان المنطقة ويدعى ستيفن"
        elif ctx.is_punct(index, "([") and last is not None:
            break  # "حزب آفاق تونس (8 نواب)"، "ماتيو سالفيني (حزب الرابطة)": an aside after the name
        elif ctx.is_punct(index, _BRACKETS):
            pass
        elif (is_stop(ctx, index) and (index > first or not is_addressee(ctx, index))
              and not _genitive_after_title(ctx, first, index) or ctx.phrase_is(index, "side")):
            if last is None or not _belongs_to_source(ctx, first, index, limit):
                break  # "وأكد الجيش الأمريكي من جانبه": the side marker ends the subject
            last = index
        elif last is not None and (_ends_subject(ctx, last, index) or _object_after_name(ctx, first, last, index)):
            break
        else:
            last = index
        index += 1
    if last is None:
        return None
    return first, _name_after_title(ctx, first, last, limit) if subject else last


def _called_by_name(ctx: QuoteContext, index: int, limit: int) -> int | None:
    """The last token of the name after "ويدعى" ("أحد سكان المنطقة ويدعى ستيفن"): the one described is named."""
    cue = ctx.lexicon.cues.get(ctx.norm(index))
    if cue is None or not is_called(ctx, index, cue) or index + 1 >= limit:
        return None
    named = [m for m in ctx.mentions_in(*ctx.span_chars(index + 1, index + 1)) if m.entity.label == "PER"]
    if not named:
        return None
    last = index + 1
    while last + 1 < limit and ctx.tokens[last + 1][1] <= named[0].end:
        last += 1
    return last


def _leading_adverb(ctx: QuoteContext, index: int) -> int:
    """How many words of an adverb stand between a verb and its subject ("مرارا", "من قبل", "ردا"), or 0."""
    if ctx.phrase_is(index, "adverb"):
        return 2
    if ctx.norm(index) in IN_IT:  # only in a relative clause: "تغريدة اتهم فيها بريطانيا" names the object
        return 1 if index > 1 and ctx.word_is(index - 2, "relative") else 0
    return 1 if ctx.is_word(index) and ctx.word_is(index, "adverb") else 0


BARE_CLITICS = frozenset(("ب", "ل", "ك"))  # "بـ", "لـ" written apart before a quotation or a Latin name
IN_IT = frozenset(("فيه", "فيها"))  # "الوقت الذي أوضح فيه بيان رسمي أن"


MAX_TITLE_CHAIN = 14  # "مساعد وكيل الجمهورية بالمحكمة الابتدائية بتونس الناطق الرسمي باسم القطب ...، سفيان السليطي"
_CHAIN_PREPOSITIONS = frozenset(("عن", "في", "من"))  # "النائب عن الجبهة الشعبية بمجلس نواب الشعب منجي الرحوي"


def _name_after_title(ctx: QuoteContext, first: int, last: int, limit: int) -> int:
    """The last token of the name a title goes on to, when the phrase stopped short of it at a preposition
    or a comma ("النائب عن الجبهة الشعبية ... منجي الرحوي"; "الناطق الرسمي باسم المحكمة ...، سفيان السليطي
    اليوم لوكالة ..."); ``last`` when the phrase holds a person already or no person follows its title."""
    start, end = ctx.span_chars(first, last)
    if any(m.entity.label == "PER" for m in ctx.mentions_in(start, end)) or not any(
            ctx.word_is(i, "title") for i in range(first, last + 1)):
        return last
    for index in range(last + 1, min(limit, last + 1 + MAX_TITLE_CHAIN)):
        if ctx.is_punct(index, _COMMAS):
            continue
        if not ctx.is_word(index) or not _chain_word(ctx, index):
            return last
        person = next((m for m in ctx.mentions_in(*ctx.span_chars(index, index))
                       if m.entity.label == "PER" and m.start <= ctx.tokens[index][0] + 1), None)
        if person is not None:
            end_token = index
            while end_token + 1 < limit and ctx.tokens[end_token + 1][1] <= person.end:
                end_token += 1
            return end_token
    return last


def _chain_word(ctx: QuoteContext, index: int) -> bool:
    """Whether a word may stand in a title's complement before the name ("عن", "بمجلس", "الرسمي"): not a
    preposition of company or occasion ("مع نظيره", "لدى لقائه"), an addressee, a cue, a relative or أن."""
    if ctx.norm(index) in _CHAIN_PREPOSITIONS:
        return True
    return not (is_stop(ctx, index) or ctx.exactly(index, "complementiser") or ctx.word_is(index, "adjunct")
                or ctx.word_is(index, "communique") or ctx.word_is(index, "medium"))


MAX_QUOTED_NAME_WORDS = 4


def _quoted_words(ctx: QuoteContext, open_: int) -> int:
    return sum(1 for i in range(open_ + 1, ctx.close_of[open_]) if ctx.is_word(i))


def _genitive_after_title(ctx: QuoteContext, first: int, index: int) -> bool:
    """"المنسق العام لشبكة دستورنا": after a title and before any name, لـ opens its complement, not
    the addressee ("قال جوهر بن مبارك لشبكة ..." speaks to a network)."""
    if not (ctx.is_word(index) and is_addressee(ctx, index) and not ctx.word_is(index, "stop")):
        return False
    start, end = ctx.span_chars(first, index - 1) if index > first else (0, 0)
    named = any(m.entity.label == "PER" for m in ctx.mentions_in(start, end)) if end > start else False
    return not named and any(ctx.word_is(i, "title") for i in range(first, index)) and not _told_outlet(
        ctx, first, index)


def _told_outlet(ctx: QuoteContext, first: int, index: int) -> bool:
    """Whether the لـ at ``index`` addresses an outlet named in quotation marks: after a bare title ('وقال
    المدرب لصحيفة "الرياضية"'), or written apart right before the quotation and a colon ('وزير الخارجية
    لـ"العربية": ...'); "المدير العام لوكالة ..." after a title of two words is its complement."""
    quoted = index + 1 in ctx.close_of if ctx.norm(index) == "ل" else index + 1 in ctx.close_of and index == first + 1
    if not quoted:
        return False
    close = ctx.close_of[index + 1]
    return index == first + 1 or ctx.norm(index) == "ل" and close + 1 < len(ctx) and ctx.is_punct(close + 1, ":")


def _ends_subject(ctx: QuoteContext, last: int, index: int) -> bool:
    """Whether the subject ended at ``last`` and ``index`` starts what the verb governs.

    "وطالب العثماني بالتوقف": a word with ب or ك after the subject is its complement; "ودعا المتحدث ذاته
    جمعيات ...": "ذاته" closes a description; "ويرى حسن الخطاري سبب ...": a person's name is followed
    only by a title, another name, a comma or the end of the subject.
    """
    if _has_proclitic_preposition(ctx, index) and not ctx.mentions_in(*ctx.span_chars(index, index)):
        return True
    if ctx.word_is(last, "same"):
        return True
    named = ctx.mentions_in(*ctx.span_chars(last, last))
    if not named or named[-1].entity.label != "PER" or named[-1].end > ctx.tokens[last][1]:
        return False  # a body's name may go on with adjectives the tagger left out ("وزارة الخارجية الروسية")
    return not (ctx.word_is(index, "title") or ctx.mentions_in(*ctx.span_chars(index, index)))


def _object_after_name(ctx: QuoteContext, first: int, last: int, index: int) -> bool:
    """Whether the subject ended at ``last`` and ``index`` starts the verb's object: another entity right
    after a name standing alone ("واتهمت لندن موسكو بـ"; after a title a second name is its holder: "رئيس
    البرازيل ميشيل تامر"), or after a verb of telling the audience ("وأخبر ترامب الصحفيين"، "وأبلغ وزير
    الإعلام الصحفيين").
    """
    if not ctx.is_word(index) or ctx.word_is(index, "title") or ctx.has_conjunction(index):
        return False  # "أعربت باريس وواشنطن": a second name joined by و is a second subject
    if ctx.bare(index).startswith(ARTICLE) and ctx.word_is(index, "addressee") and _tells(ctx, first - 1):
        if ctx.bare(last).startswith(ARTICLE):
            return True  # "وأبلغ وزير الإعلام الصحفيين": a definite noun closed the subject
        return first == last and not any(
            ctx.word_is(first, c) for c in (*SUBJECT_CLASSES, "addressee", "descriptive"))
    after = ctx.mentions_in(*ctx.span_chars(index, index))
    if not after:
        return False
    start, end = ctx.span_chars(first, last)
    named = ctx.mentions_in(start, end)
    if len(named) != 1 or named[0].start > start + 1 or named[0].end < end - 1:
        return False  # the phrase so far is not one whole name
    return after[0].start >= end and after[0].entity.id != named[0].entity.id


def _tells(ctx: QuoteContext, index: int) -> bool:
    """Whether token ``index`` is a verb of telling someone ("أخبر", "أبلغت")."""
    cue = ctx.lexicon.cues.get(ctx.bare(index)) if index >= 0 and ctx.is_word(index) else None
    return cue is not None and ctx.lexicon.is_a("tells", normalise_query(cue.lemma))


def _has_proclitic_preposition(ctx: QuoteContext, index: int) -> bool:
    """Whether the splitter took ب or ك off the word, leaving a word of three letters or more after any
    article ("بالتوقف"; not the name "بالمر", ب + ال + مر)."""
    token = ctx.tokens[index]
    if not (token[3] > token[0] and ctx.text[token[3] - 1] in "بك"):
        return False
    stem = normalise_query(ctx.text[token[3] : token[4]])
    return len(stem[2:] if stem.startswith("ال") else stem) >= 3



def is_speakerish(ctx: QuoteContext, first: int, last: int, classes: tuple[str, ...] = _SPEAKER_CLASSES) -> bool:
    """Whether tokens ``first..last`` name an entity, or hold a title, source or document word."""
    if ctx.mentions_in(*ctx.span_chars(first, last)) or any(i in ctx.close_of for i in range(first, last + 1)):
        return True  # an entity, or a name in quotation marks ("وفق "رويترز"")
    if any(ctx.word_is(i, c) for i in range(first, last + 1) for c in classes):
        return True
    # a sound masculine plural of a nisba or a participle names people: "الغربيون", "المحتجون", "الفلسطينيين"
    return any(_people_plural(ctx.norm(i)) for i in range(first, last + 1))


def _people_plural(form: str) -> bool:
    if len(form) < 6:
        return False
    stem = form[2:] if form.startswith("ال") else form
    return form.endswith(("يون", "يين")) or stem.startswith("م") and form.endswith(("ون", "ين"))


