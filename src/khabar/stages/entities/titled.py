"""People the entity tagger missed, named right after their title: "وزيرة الاقتصاد الألمانية بريجيته
تسيبريز"، "المدير الفني للأسيوطي، علي ماهر،"، "متحدث باسم هيئة الطيران المدني في إيران رضا جعفر زادة".

A title says a person's name comes next; the name is the run of words between the end of the title (its
definite words, nisba adjectives, genitives and the bodies or places it holds) and the next break (a
punctuation mark, a function word, a reporting verb, a time word, a word with a preposition). What follows a
title unnamed is as often the verb's object ("أعلن وزير الصحة ارتفاع عدد الإصابات"), so a run opening
right after the title must read as a name: its first word rare in news text (names are; "ارتفاع" is not) and
every word after it no everyday word. A run framed by commas ("، علي ماهر،") is a name in apposition
whatever its words. The person's surname, standing alone elsewhere in the article, is a mention too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from khabar.model import Entity, Span, TokenKind
from khabar.stages.entities.article import ARTICLE, Article
from khabar.stages.entities.coref import load_heads
from khabar.stages.entities.roles import BREAKS, MAX_ROLE_WORDS, NISBA_ENDINGS, TITLE_PREPOSITIONS
from khabar.stages.entities.rules import load_rules
from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.lexicon import QuoteLexicon
from khabar.stages.segment.clitics import light_form, shipped_vocab

MAX_NAME_WORDS = 4  # "سيد محمد تقي طباطبائي"
RARE_FIRST = 400  # a name's first word is seen less often than this in the news vocabulary ("أيمن" 233)
VERY_RARE = 60  # a first word this rare is a name whatever follows ("بريجيته" 4, "يورغوس" 8, "لويجي" 49)
RARE_FRAMED = 2500  # in apposition a name has none of the commonest words ("أحد كبار مؤيدي ترامب"، "اتخذ جميع")
COMMON_STEM, SPLIT_RATIO = 100, 5  # a pronoun split off a word whose rest is this common (and this much commoner)
RARE_NEXT = 1000  # ... and each word after it less often than this ("مولر" 471; "خطوة" 1,247 ends the name)
# Words inside names that are everyday words or particles: "عبد الله"، "بن سلمان"، "دي مايو"
NAME_PARTICLES = frozenset(normalise_query(w) for w in "بن ابن بنت ابنة أبو أبي أبا آل ولد عبد دي دو دا لو فان فون".split())
# A name's first word is no noun with a pronoun ("نظيره") and no feminine plural ("مسببات", "اعتذارات")
NOT_FIRST_ENDINGS = ("ه", "ها", "هم", "ك", "ات")
TANWIN = re.compile("[\u064b-\u064d]")
ARABIC_WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u0652]+")
FIRST_LETTER, LAST_LETTER = "\u0621", "\u064a"  # what counts as a letter around a whole word
PROCLITICS = "وفبل"  # one of them may be glued before a name
ALIF = "ا"
ALI = "علي"  # the name, spelt with ya; its normalised form is the preposition على


@dataclass(frozen=True, slots=True)
class NameWords:
    """What tells a name's words from everyday words: frequencies and the closed classes that end a name."""

    counts: Mapping[str, int]  # word form as written -> count in the news vocabulary
    stops: frozenset[str]  # normalised words that never sit in a name (function words, cues, times, titles)
    openers: frozenset[str]  # words that open what a speaker said: complementisers and reporting verbs
    people: frozenset[str] = frozenset()  # words of people's names (the NER gazetteer): "دونالد", "ترامب"

    def rare(self, raw: str, limit: int) -> bool:
        return self.counts.get(light_form(raw), 0) < limit


@dataclass(frozen=True, slots=True)
class TitledName:
    """A name found after a title: its tokens, and whether commas frame it."""

    first: int
    last: int
    framed: bool


def title_end(article: Article, title: int, titles: frozenset[str]) -> int:
    """The last token of the title opening at ``title`` (-1 when a known person follows it): its definite
    words and nisbas, the genitive an indefinite head takes ("وزير خارجية الأردن"), a preposition and its
    object ("في الاتحاد الأوروبي", "باسم هيئة"), and any body or place the tagger named inside it."""
    last, indefinite = title, not article.form(title).startswith(ARTICLE)
    index = title + 1
    while (index < len(article.tokens) and index - title <= MAX_ROLE_WORDS + 2 and article.is_word(index)
           and article.same_line(last, index)):
        entity, form = article.named.get(index), article.form(index)
        if entity is not None:
            if entity.label == "PER":
                return -1
            indefinite = False
        elif form in TITLE_PREPOSITIONS:  # "في الاتحاد الأوروبي"، "إلى اليمن" (إلى reads الي)
            indefinite = True
        elif article.has_clitic(index, "بل"):
            indefinite = not form.startswith(ARTICLE)  # "باسم هيئة": the preposition's object may follow
        elif form in titles:
            indefinite = not form.startswith(ARTICLE)  # "نائب رئيس الوزراء"
        elif form.startswith(ARTICLE) or article.raw(index).endswith(NISBA_ENDINGS):
            indefinite = False
        elif indefinite and form not in BREAKS:
            indefinite = False  # the genitive of an indefinite head: "رئيس وزراء"، "مفوضة تجارة"
        else:
            break
        last = index
        index += 1
    return last


def _name_word(article: Article, index: int, words: NameWords, position: int, framed: bool) -> bool:
    """Whether token ``index`` may be the ``position``-th word of a name (after "بنت", "بن" any word may)."""
    after_particle = position > 0 and article.form(index - 1) in NAME_PARTICLES
    if not article.is_word(index) or index in article.named and not (position and _surname_only(article, index)):
        return False  # a word the tagger named, unless it found the surname alone ("تسيبريز")
    token = article.tokens[index]
    if position == 0 and token.stem_start > token.start or _has_pronoun(article, index, words):
        return False  # a name opens with no conjunction or preposition and carries no pronoun: "ولابد", "نفذته"
    if article.has_clitic(index, "و" if framed else "بلكو"):
        return False  # "بالاعتداءات" ends a name; in apposition a name may read so ("، نجيم بالضياف،")
    raw, form = article.raw(index), article.form(index)
    if not ARABIC_WORD.fullmatch(raw) or TANWIN.search(raw) or len(form) < 2:
        return False  # "منصبًا": an indefinite noun
    if form in words.stops and raw != ALI or position == 0 and form in NAME_PARTICLES - {"عبد", "ابو"}:
        return False
    if position == 0:
        if form.startswith(ARTICLE) or raw.endswith(NOT_FIRST_ENDINGS) or _unsplit_clitic(raw, form, words) or (
                raw.endswith(ALIF) and _common(words, light_form(raw)[:-1], light_form(raw))):
            return False  # "الموقوف", "نظيره", "مسببات", "ففي", "بانطباق"; "انتقادا حادا": an accusative
        return words.rare(raw, RARE_FRAMED if framed else RARE_FIRST) or raw == ALI or form in words.people
    return form in NAME_PARTICLES or after_particle or words.rare(raw, RARE_FRAMED if framed else RARE_NEXT) or form in words.people


INFLECTIONS = ("ا", "ين", "ون")  # the accusative's alif, the plural's and dual's endings
KNOWN_STEM = 10  # a stem seen this often in the news vocabulary is a word of the language
MIN_STEM = 3  # letters: "حسين" is no "حس" + ين


def _inflected_run(article: Article, first: int, last: int, words: NameWords) -> bool:
    """Whether a run of words all end in one case or number ending and the last is an everyday word with
    that ending ("ضررا فادحا", "مرتديا ثيابا", "اسمين كبيرين": a noun and its adjective agreeing, no name;
    not "رؤوفين ريفلين", whose "ريفل" is no word)."""
    lights = [light_form(article.raw(i)) for i in range(first, last + 1) if article.form(i) not in NAME_PARTICLES]
    for ending in INFLECTIONS:
        stem = lights[-1][: -len(ending)] if lights else ""
        if (len(lights) > 1 and all(w.endswith(ending) for w in lights) and len(stem) >= MIN_STEM
                and words.counts.get(stem, 0) >= KNOWN_STEM):
            return True
    return False


def _surname_only(article: Article, index: int) -> bool:
    entity = article.named[index]
    token = article.tokens[index]
    word = article.text[token.stem_start : token.end]
    return entity.label == "PER" and all(article.text[m.start : m.end] == word for m in entity.mentions)


def _has_pronoun(article: Article, index: int, words: NameWords) -> bool:
    """Whether the word ends in a pronoun: the splitter took one off and the rest is a common word
    ("نفذته"، "تطلعاته"; not "بريجيته", whose "بريجيت" is rare)."""
    token = article.tokens[index]
    if token.stem_end >= token.end:
        return False
    return _common(words, light_form(article.raw(index)), light_form(article.text[token.stem_start : token.end]))


def _common(words: NameWords, part: str, whole: str) -> bool:
    """Whether ``part`` of a word is a common word of its own, and much commoner than the whole."""
    count = words.counts.get(part, 0)
    return count >= COMMON_STEM and count >= SPLIT_RATIO * words.counts.get(whole, 0)


def _unsplit_clitic(raw: str, form: str, words: NameWords) -> bool:
    """Whether a word opens with a conjunction or preposition the splitter left on: the rest is a function
    word ("ففي") or a commoner word than the whole ("بانطباق"; not "فريد", "بريجيته")."""
    if form[:1] not in "وفبلك" or len(form) < 3:
        return False
    light = light_form(raw)
    return form[1:] in words.stops or words.counts.get(light[1:], 0) > words.counts.get(light, 0)


def _name_after(article: Article, start: int, words: NameWords, framed: bool) -> int:
    """The last token of the name starting at ``start`` (``start - 1`` when none)."""
    last = start - 1
    while (last + 1 - start < MAX_NAME_WORDS and _name_word(article, last + 1, words, last + 1 - start, framed)
           and (last < start or article.same_line(last, last + 1))):
        last += 1
    return last


def _closed(article: Article, last: int, words: NameWords) -> bool:
    """Whether what follows a name closes it: punctuation, a break word, an entity or the end of the text."""
    after = last + 1
    if after >= len(article.tokens) or not article.is_word(after):
        return True
    return article.form(after) in words.stops or after in article.named or article.has_clitic(after, "بلكو")


def _apposition_closes(article: Article, title: int, start: int, last: int, words: NameWords) -> bool:
    """Whether a run after "TITLE،" is a name in apposition: the title is no apposition itself ("نزار بركة،
    الأمين العام لحزب الاستقلال، طريقة عمل الحكومة": the verb's object), and a comma, a complementiser, a
    reporting verb or the sentence's end closes the run."""
    before = title - 1
    if article.is_comma(before) and before - 1 in article.owner:
        return False
    after = last + 1
    if after >= len(article.tokens) or article.is_comma(after):
        return True
    if last == start:
        return False  # one word needs both commas: "، دونالد #ترمب،" is cut short
    if not article.is_word(after):
        return not article.is_quote(after)
    return article.form(after) in words.openers


def _reads_as_name(article: Article, start: int, last: int, words: NameWords) -> bool:
    """Whether an unframed run after a title reads as a name, not the verb's object: its first word is one
    news text almost never uses otherwise, or the article names the person again (surname or full name)."""
    if not _closed(article, last, words):
        return False  # "مدير المنظمة يزور مراكز احتجاز المهاجرين": the run goes on
    surname, form = article.raw(last), article.form(last)
    if form.startswith(ARTICLE) and not surname.endswith(NISBA_ENDINGS):
        return False  # "رئيس جمعية وكلاء الغاز في صنعاء": a chain of genitives, no name
    if words.rare(article.raw(start), VERY_RARE):
        return True  # "قالت الممثلة الأمريكية روزان بار إنها"
    if article.form(start) in words.people and form in words.people:
        return True  # names in the news every day: "الرئيس الأمريكي دونالد ترامب"
    if form.startswith(ARTICLE) and not surname.endswith(NISBA_ENDINGS) or not words.rare(surname, RARE_NEXT):
        return False  # "الدروس", "الحكومة": no surname
    return len(_occurrences(article.text, surname)) > 1


def find_titled_names(article: Article, titles: Iterable[int], title_words: frozenset[str],
                      words: NameWords) -> Iterator[TitledName]:
    """Every name that follows a title and no entity covers, in text order."""
    done = -1
    for title in titles:
        if title <= done or title in article.named:
            continue
        end = title_end(article, title, title_words)
        framed = end >= 0 and article.is_comma(end + 1)
        start = end + 2 if framed else end + 1
        last = _name_after(article, start, words, framed) if end >= 0 else -1
        while last >= start and article.form(last) in NAME_PARTICLES:
            last -= 1  # "تماضر بنت": a name ends with no particle
        if last < start:
            continue
        if _inflected_run(article, start, last, words):
            continue
        closed = article.is_comma(last + 1) or _closed(article, last, words)
        if framed and not closed or last - start + 1 == MAX_NAME_WORDS and not closed:
            continue  # "، X Y Z" running on into the clause, or four words and more: no name in apposition
        if framed and not _apposition_closes(article, title, start, last, words) or not framed and not (
                last > start and _reads_as_name(article, start, last, words)):
            continue
        done = last
        yield TitledName(start, last, framed)


def surname_mentions(text: str, surname: str, taken: Sequence[tuple[int, int]]) -> list[Span]:
    """Whole-word occurrences of ``surname`` (after at most one proclitic و/ف/ب/ل) no mention covers."""
    found = []
    for start in _occurrences(text, surname):
        end = start + len(surname)
        if not any(s < end and start < e for s, e in taken):
            found.append(Span(start, end))
    return found


MIN_SURNAME = 3  # letters of a last name that stands for its person elsewhere ("مولر"; not "دي")


def _taken(entities: Iterable[Entity]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for e in entities for m in e.mentions]


def _surname(article: Article, name: TitledName, words: NameWords) -> str | None:
    raw = article.raw(name.last)
    form = article.form(name.last)
    if name.last == name.first or len(form) < MIN_SURNAME or form in NAME_PARTICLES or not (
            words.rare(raw, RARE_NEXT) or form in words.people):
        return None
    return raw


def titled_people(article: Article, names: Iterable[TitledName], entities: Sequence[Entity],
                  words: NameWords) -> tuple[Entity, ...]:
    """``entities`` with a person for each name found after a title: a new entity, or one the tagger
    found by the surname alone ("مالمستروم") given the full name as its canonical mention."""
    out = list(entities)
    ids = {e.id for e in out}
    for name in names:
        full = Span(article.tokens[name.first].stem_start, article.tokens[name.last].end)
        surname = _surname(article, name, words)
        known = _known_by_surname(out, article.text, surname)
        taken = _taken(e for e in out if e is not known)
        if any(s < full.end and full.start < e for s, e in taken):
            continue
        again = [Span(s, s + full.end - full.start) for s in _occurrences(article.text, article.text[full.start:full.end])]
        mentions = {full, *(m for m in again if not any(s < m.end and m.start < e for s, e in taken))}
        if surname is not None:
            mentions |= set(surname_mentions(article.text, surname, taken + [(m.start, m.end) for m in mentions]))
        if known is not None:  # the tagger found the surname alone: the full name becomes its canonical mention
            kept = {m for m in known.mentions if not any(m.start < n.end and n.start < m.end for n in mentions)}
            out[out.index(known)] = replace(known, mentions=tuple(sorted(kept | mentions)), canonical=full)
            continue
        number = len(out) + 1
        while f"e{number}" in ids:
            number += 1
        ids.add(f"e{number}")
        out.append(Entity(f"e{number}", "PER", tuple(sorted(mentions)), full, type="person"))
    return tuple(out)


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` stands as a whole word, after at most one proclitic و/ف/ب/ل, left to right without
    overlaps: what ``(?<![LETTERS])[وفبل]?(name)(?![LETTERS])`` finds, without compiling a pattern per
    name (a compilation costs more than the search). Like the pattern, a proclitic is tried first at
    each position ("وبوش" is بوش after و)."""
    size, found, pos = len(name), [], 0
    at = text.find(name, pos)
    while at >= 0:
        if at - 1 >= pos and text[at - 1] in PROCLITICS and _edge(text, at - 2) and _edge(text, at + size):
            start = at  # the proclitic, then the name
        elif text[at] in PROCLITICS and text.startswith(name, at + 1) and _edge(text, at - 1) and _edge(text, at + 1 + size):
            start = at + 1  # the name's own first letter taken as a proclitic: the name again right after
        elif _edge(text, at - 1) and _edge(text, at + size):
            start = at
        else:
            at = text.find(name, at + 1)
            continue
        found.append(start)
        pos = start + size
        at = text.find(name, pos)
    return found


def _edge(text: str, index: int) -> bool:
    """Whether no Arabic letter stands at ``index`` (the text's ends included)."""
    return not 0 <= index < len(text) or not FIRST_LETTER <= text[index] <= LAST_LETTER


def _known_by_surname(entities: Sequence[Entity], text: str, surname: str | None) -> Entity | None:
    """A person the tagger found only by the surname ("مالمستروم" alone)."""
    if surname is None:
        return None
    for entity in entities:
        if entity.label == "PER" and all(text[m.start : m.end] == surname for m in entity.mentions):
            return entity
    return None


# The quote lexicon's classes of words that end a name (its verbs and attributions end one too)
STOP_CLASSES = ("stop", "complementiser", "relative", "connector", "auxiliary", "particle", "negation", "adverb",
                "side", "same", "pronoun", "subordinator", "modal", "circumstance", "filler", "whoever")


def load_name_words(titles: frozenset[str]) -> NameWords:
    """The vocabulary's counts and the words that end a name: ``titles``, the function words, the cues."""
    lexicon = QuoteLexicon.load()
    stops = set(BREAKS) | titles | set(lexicon.cues) | set(lexicon.doubtful) | set(lexicon.attributions)
    for name in STOP_CLASSES:
        stops |= lexicon.words.get(name, frozenset())
    stops |= {word for word, head in load_heads().items() if head.label != "PER"}  # "نقابة", "وزارة": a body
    openers = lexicon.words.get("complementiser", frozenset()) | set(lexicon.cues)
    people = frozenset(form for form in load_rules().first_names if form not in stops)
    return NameWords(shipped_vocab(), frozenset(stops), frozenset(openers), people)


COMMON_SURNAME = 5000  # a last word more common than this names no one by itself ("ترامب" 13,620 is named anyway)


def with_surnames(article: Article, entities: Sequence[Entity], words: NameWords) -> tuple[Entity, ...]:
    """People named in full get the standalone mentions of their last name the tagger left out ("وقالت
    ماي" after "تيريزا ماي"): a word of the language is one only away from a number ("6 ماي 2017" is a date)."""
    out = list(entities)
    for position, entity in enumerate(out):
        if entity.label != "PER":
            continue
        name = article.text[entity.canonical.start : entity.canonical.end].split()
        surname = name[-1] if len(name) > 1 else ""
        form = normalise_query(surname)
        if len(form) < MIN_SURNAME or form in NAME_PARTICLES or form in words.stops or not words.rare(surname, COMMON_SURNAME) or (
                form.startswith(ARTICLE) and not surname.endswith(NISBA_ENDINGS)):
            continue
        found = [m for m in surname_mentions(article.text, surname, _taken(out)) if not _beside_a_number(article, m)]
        if found:
            out[position] = replace(entity, mentions=tuple(sorted({*entity.mentions, *found})))
    return tuple(out)


def _beside_a_number(article: Article, mention: Span) -> bool:
    covered = article.covered(mention)
    before, after = covered.start - 1, covered.stop
    return any(0 <= i < len(article.tokens) and article.tokens[i].kind is TokenKind.NUMBER for i in (before, after))
