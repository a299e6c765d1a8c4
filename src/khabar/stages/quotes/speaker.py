"""Who speaks: the speaker phrase next to a cue, and the entity it names.

The subject usually follows the verb, with titles and an apposition ("قال وزير الدفاع الفرنسي، جان
إيف لو دريان، الثلاثاء، ..."); it may come first ("كان لافروف قد أشار"), sit before a relative
pronoun ("عبد الله التي أوضحت") or be left implied ("وحذر من أن"), when the previous speaker goes on.
"""

from __future__ import annotations

from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.opener import is_called

MAX_SPEAKER_TOKENS = 12  # a longer run is a clause, not a name with its titles
MAX_APPOSITION_TOKENS = 5  # "، جان إيف لو دريان،"
MAX_PREVERBAL_TOKENS = 10
MAX_TOPIC_DISTANCE = 30  # "أما X" opens its sentence; the verb after ف may come after a relative clause
MIN_PREPOSED_WORD = 6  # letters of بال/كال + a word of three
_COMMAS = ",،"
_BRACKETS = "()[]"
_SPEAKER_CLASSES = ("title", "source", "body", "communique")
_SUBJECT_CLASSES = ("title", "source", "body", "communique")


def is_addressee(ctx: QuoteContext, index: int) -> bool:
    """Whether token ``index`` starts an addressee such as "لوكالة فرانس برس", "لـCNN", "للصحفيين"."""
    form = ctx.norm(index)
    if not form.startswith("ل"):
        return False
    rest = "ال" + form[2:] if form.startswith("لل") else form[1:]
    if rest == "":  # a separate "لـ" before a Latin name or a quotation
        return True
    return ctx.lexicon.is_a("addressee", rest)


def _is_stop(ctx: QuoteContext, index: int) -> bool:
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
        if not ctx.is_word(index) or _is_stop(ctx, index):
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
        elif (_is_stop(ctx, index) and (index > first or not is_addressee(ctx, index))
              and not _genitive_after_title(ctx, first, index) or ctx.phrase_is(index, "side")):
            if last is None or not _belongs_to_source(ctx, first, index, limit):
                break  # "وأكد الجيش الأمريكي من جانبه": the side marker ends the subject
            last = index
        elif last is not None and _ends_subject(ctx, last, index):
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
    return not (_is_stop(ctx, index) or ctx.exactly(index, "complementiser") or ctx.word_is(index, "adjunct")
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


def _has_proclitic_preposition(ctx: QuoteContext, index: int) -> bool:
    """Whether the splitter took ب or ك off the word, leaving a word of three letters or more after any
    article ("بالتوقف"; not the name "بالمر", ب + ال + مر)."""
    token = ctx.tokens[index]
    if not (token[3] > token[0] and ctx.text[token[3] - 1] in "بك"):
        return False
    stem = normalise_query(ctx.text[token[3] : token[4]])
    return len(stem[2:] if stem.startswith("ال") else stem) >= 3


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
            _is_stop(ctx, index) or ctx.exactly(index, "complementiser") or ctx.word_is(index, "connector")):
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
            _is_stop(ctx, start - 1) or ctx.exactly(start - 1, "complementiser") or ctx.word_is(start - 1, "connector")):
        start -= 1
    if start >= cue or ctx.has_conjunction(start):
        return None  # "ونشرت الوحدات شريطا ... قالت فيه": a clause opening with و starts with its verb
    before = start - 1
    if before >= first and ctx.is_word(before) and _is_stop(ctx, before) and not (
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
    if ctx.has_conjunction(cue) or not ctx.is_word(before) or _is_stop(ctx, before) or ctx.word_is(before, "connector"):
        return None
    around = ctx.enclosing_quotation(cue)
    start = _preverbal_start(ctx, max(first, around[0] + 1) if around else first, cue)
    phrase = None if start is None else phrase_after(ctx, start, cue)
    if phrase is None:
        return None
    if is_speakerish(ctx, *phrase, classes=_SUBJECT_CLASSES) or _topic(ctx, *phrase, sentence_first=first):
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
            _is_stop(ctx, start - 1) or ctx.word_is(start - 1, "connector") or ctx.word_is(start - 1, "side")):
        start -= 1
    if start >= opening or opening - start > 4 or ctx.has_conjunction(start):
        return None
    if start - 1 >= first and ctx.is_word(start - 1) and _is_stop(ctx, start - 1) and not ctx.word_is(start - 1, "connector"):
        return None  # "في أديس أبابا، الأحد، دعا": a preposition's object is no subject
    phrase = phrase_after(ctx, start, opening)
    return phrase if phrase is not None and is_speakerish(ctx, *phrase, classes=_SUBJECT_CLASSES) else None


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
        if start - 1 > first and ctx.is_word(start - 1) and not _is_stop(ctx, start - 1) or start - 1 in ctx.open_of:
            start -= 1
    if not (ctx.is_word(end) or end in ctx.open_of) or not is_speakerish(ctx, start, end):
        return None  # "الأمراض التي أعلن القضاء عليها": the antecedent is no one who could speak
    return start, end


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


