"""Repairs to the tagger's mentions that its sentence-by-sentence view cannot make (read on articles of many
outlets, ``docs``: the entity stage's error classes).

* **Coordinated names run together**: "كيم وترامب", "توزر وباجة وبن عروس" are several people or places;
  a person's or place's mention is cut before each word that opens with the conjunction و (a place keeps
  it where the whole is a gazetteer name: "البوسنة والهرسك").
* **A title inside a person's mention** ends the name: "بافل دوروف مؤسس تليغرام" is "بافل دوروف" (the
  founder of Telegram); nationality adjectives before the name are no part of it ("الكوري الجنوبي مون جاي").
* **A noun and its nationality** tagged as a person: "جاسوس روسي", "الجاسوس الروسي", "باكستاني" name no one.
* **A work's title in quotation marks** after a noun that names works ("كتابه "أميريكان باستورال"",
  "مرتبة "الصليب الأكبر"") is MISC, whatever the tagger called it.
* **A team named after its city** ("فريقه برشلونة") is an organisation: the cue word right before a place's
  mention makes it ORG (``CUE`` source: the entity takes that label whatever its other mentions say).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from khabar.model import Token, TokenKind
from khabar.stages.entities.coref import Cluster
from khabar.stages.entities.mentions import Mention, name_start
from khabar.stages.entities.rules import ARTICLE, EntityRules
from khabar.stages.normalise import light_form, normalise_query

CUE = "cue"  # a mention whose label a cue word decided (``team_mentions``)
COPY = "copy"  # a name the article repeats where the tagger did not find it again (``copied_mentions``)
DESIGNATED = "designated"  # a place's name after a word that says one follows (``designated_places``)
CONJUNCTION = "و"
QUOTES = frozenset('"«»“”')
# Nouns that name a work, a prize's rank or a programme, with their pronoun forms: a name in quotation marks
# right after one is that work's title
WORK_NOUNS = frozenset(normalise_query(w) for w in (
    "كتاب كتابه كتابها رواية روايته روايتها فيلم فيلمه فيلمها برنامج برنامجه برنامجها ألبوم ألبومه ألبومها "
    "أغنية أغنيته أغنيتها مسلسل مسلسله مسرحية مسرحيته ديوان ديوانه لوحة لوحته لوحتها قصيدة قصيدته "
    "مرتبة وسام جائزة عملية مشروع مبادرة حملة مناورات وثائقي شعار هاشتاغ وسم").split())
DIRECTIONS = frozenset(normalise_query(w) for w in "الجنوبي الشمالي الشرقي الغربي الجنوبية الشمالية الشرقية الغربية".split())
# Titles that are also part of names ("محمد الشيخ"، "عبد الله الأمير"): no title cuts a name there
HONORIFICS = frozenset(normalise_query(w) for w in "الشيخ شيخ الشيخة السيد السيدة الأمير أمير الأميرة الملك الإمام الحاج".split())
NAME_PARTICLES = frozenset(normalise_query(w) for w in "بن ابن بنت ابنة أبو أبي أبا آل ولد عبد".split())
# Words right before a place's name that make it a team: "فريقه برشلونة", "نادي ليفربول" (نادي also heads names)
TEAM_CUES = frozenset(normalise_query(w) for w in "فريق فريقه فريقها الفريق ناديه ناديها منافسه ضيفه مضيفه غريمه".split())


# Words repeat across articles: their normal forms are remembered (a bounded cache)
_normal = functools.lru_cache(maxsize=1 << 14)(normalise_query)
_WORD = re.compile(r"\S+")


def _words(text: str, mention: Mention) -> list[tuple[int, int]]:
    """The whitespace-separated words of a mention as (start, end) offsets."""
    return [match.span() for match in _WORD.finditer(text, mention.start, mention.end)]


def _form(text: str, span: tuple[int, int]) -> str:
    return _normal(text[span[0] : span[1]])


def split_coordinated(text: str, tokens: Sequence[Token], mentions: Sequence[Mention], rules: EntityRules,
                      starts: Sequence[int] | None = None) -> list[Mention]:
    """Person and place mentions cut before each word that opens with the conjunction و (``starts``: the
    tokens' start offsets, ``token_starts``)."""
    starts = token_starts(tokens) if starts is None else starts
    out = []
    for mention in mentions:
        if CONJUNCTION not in text[mention.start + 1 : mention.end]:  # no word after the first opens with و
            out.append(mention)
            continue
        first, stop = bisect_right(starts, mention.start) - 1, bisect_left(starts, mention.end)  # a proclitic: the token before
        cuts = [t for t in tokens[first + 1 : stop] if t.kind is TokenKind.WORD
                and text[t.start] == CONJUNCTION and _opens_name(text, t, mention.label, rules)]
        if not cuts or (mention.label == "LOC" and rules.places(" ".join(_form(text, w) for w in _words(text, mention)))):
            out.append(mention)
            continue
        left = mention.start
        for cut in cuts:
            end = cut.start
            while end > left and text[end - 1].isspace():
                end -= 1
            if end > left:
                out.append(replace(mention, start=left, end=end))
            left = cut.start + 1
        out.append(replace(mention, start=left))
    return out


def token_starts(tokens: Sequence[Token]) -> list[int]:
    """The tokens' start offsets, for ``bisect`` (one list per article, shared by the repairs)."""
    return [t.start for t in tokens]


def _opens_name(text: str, token: Token, label: str, rules: EntityRules) -> bool:
    """Whether the word after و is a name of its own kind that the whole word is not: "وترامب" is و +
    "ترامب" (a person's name the gazetteer lists), "ويلي" is the name "ويلي"."""
    whole, rest = _normal(text[token.start : token.end]), _normal(text[token.start + 1 : token.end])
    if label == "PER":
        return rest in rules.first_names and whole not in rules.first_names
    return label == "LOC" and rules.places(rest) and not rules.places(whole)


def _before_name(form: str, previous: str, rules: EntityRules) -> bool:
    """A word that stands before a person's name, not in it: a nationality ("الكوري"), and the direction
    after one ("الكوري الجنوبي")."""
    return form in rules.demonyms or (previous in rules.demonyms and form in DIRECTIONS)


def person_edges(text: str, mention: Mention, rules: EntityRules) -> Mention | None:
    """A person's mention without the nationalities before the name and without a title and what follows
    it; None where a noun and its nationality are all there is ("جاسوس روسي", "الجاسوس الروسي")."""
    if mention.label != "PER":
        return mention
    words = text[mention.start : mention.end].split()
    if len(words) == 1:  # one word: no title or nationality before a name in it
        return None if _normal(words[0]) in rules.indefinite_demonyms else mention
    spans = _words(text, mention)
    forms = [_form(text, s) for s in spans]
    cut = next((i for i in range(2, len(forms)) if forms[i] in rules.titles and forms[i] not in HONORIFICS
                and forms[i - 1] not in NAME_PARTICLES), len(forms))  # "إسماعيل ولد الشيخ أحمد" keeps its الشيخ
    first = 0
    while cut - first > 1 and _before_name(forms[first], forms[first - 1] if first else "", rules):
        first += 1
    kept = forms[first:cut]
    if (len(kept) == 1 and kept[0] in rules.indefinite_demonyms) or (
            len(kept) == 2 and (kept[1] in rules.demonyms or kept[1] in rules.indefinite_demonyms)
            and kept[0] not in rules.first_names):
        return None  # "باكستاني"; a surname alone keeps its article ("المصري")
    if (first, cut) == (0, len(forms)):
        return mention
    return replace(mention, start=spans[first][0], end=spans[cut - 1][1])


def quoted_works(text: str, tokens: Sequence[Token], mentions: Sequence[Mention],
                 starts: Sequence[int] | None = None) -> list[Mention]:
    """Mentions that fill a pair of quotation marks right after a noun naming a work, relabelled MISC."""
    if not any(quote in text for quote in QUOTES):
        return list(mentions)
    starts = token_starts(tokens) if starts is None else starts
    out = []
    for mention in mentions:
        if mention.label == "MISC":
            out.append(mention)
            continue
        index = bisect_left(starts, mention.start)
        # the name may keep a proclitic's token start: find the token that holds the mention's start
        if index == len(starts) or starts[index] != mention.start:
            index -= 1
        closing = bisect_left(starts, mention.end)
        if (index >= 2 and closing < len(tokens)
                and text[tokens[index - 1].start : tokens[index - 1].end] in QUOTES
                and text[tokens[closing].start : tokens[closing].end] in QUOTES
                and _normal(text[tokens[index - 2].stem_start : tokens[index - 2].end]) in WORK_NOUNS):
            mention = replace(mention, label="MISC", source=CUE)
        out.append(mention)
    return out


def team_mentions(text: str, tokens: Sequence[Token], mentions: Sequence[Mention],
                  starts: Sequence[int] | None = None) -> list[Mention]:
    """Place mentions right after a word that introduces a team ("فريقه برشلونة"), relabelled ORG."""
    starts = token_starts(tokens) if starts is None else starts
    out = []
    for mention in mentions:
        if mention.label != "LOC":
            out.append(mention)
            continue
        index = bisect_left(starts, mention.start)
        if index == len(starts) or starts[index] != mention.start:
            index -= 1
        if index >= 1 and tokens[index - 1].kind is TokenKind.WORD and _normal(
                text[tokens[index - 1].stem_start : tokens[index - 1].end]) in TEAM_CUES:
            mention = replace(mention, label="ORG", source=CUE)
        out.append(mention)
    return out


def without_known_prefix(text: str, tagged: Sequence[Mention], known: Sequence[Mention]) -> list[Mention]:
    """Person mentions that open with a known organisation or place run on past it ("فايسبوك مارك
    زوكربرغ": the founder after his company): the person starts after the known name, which stands."""
    by_start = {k.start: k for k in known if k.label != "PER"}
    out = []
    for mention in tagged:
        prefix = by_start.get(mention.start) if mention.label == "PER" else None
        if prefix is not None and prefix.end < mention.end:
            rest = prefix.end
            while rest < mention.end and text[rest].isspace():
                rest += 1
            mention = replace(mention, start=rest)
        out.append(mention)
    return out


MAX_COPIED_WORDS = 4
COMMON_NAME_WORD = 20_000  # a one-word name this common in news ("دون", "حوزة") is copied nowhere


def name_key(text: str, mention: Mention) -> tuple[str, ...]:
    """A mention's words as ``known_name_mentions`` compares them: normalised, a name after "لل" read
    with its article ("للعراق": العراق)."""
    return _name_key(text[mention.start : mention.end])


@functools.lru_cache(maxsize=1 << 12)  # names repeat within and across articles
def _name_key(name: str) -> tuple[str, ...]:
    words = [_normal(w) for w in name.split()]
    if words and words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = ARTICLE + words[0][2:]
    return tuple(words)


def copied_mentions(text: str, sentences: Sequence[Sequence[Token]], stems: Sequence[Sequence[str]],
                    found: Sequence[Mention], rules: EntityRules, counts: Mapping[str, int]) -> list[Mention]:
    """The article's names wherever it repeats them and no mention starts: a name tagged once is found
    everywhere (a one-word name only when it is no everyday word). Words compare as ``token_stems`` reads
    them (``stems``): a name with a proclitic inside ("التجهيز والنقل") is not copied."""
    names: dict[tuple[str, ...], str] = {}
    for mention in found:
        if mention.label not in ("PER", "ORG", "LOC"):
            continue
        key = name_key(text, mention)
        if not key or len(key) > MAX_COPIED_WORDS or key[0] in rules.generic:
            continue  # "البنك المركزي" may be a description of a body named elsewhere: the descriptions stage's
        if len(key) == 1 and (len(key[0]) < 3 or key[0] in rules.common or counts.get(light_form(text[mention.start : mention.end]), 0) >= COMMON_NAME_WORD):
            continue
        names.setdefault(key, mention.label)
    if not names:
        return []
    lengths: dict[str, set[int]] = {}
    for key in names:
        lengths.setdefault(key[0], set()).add(len(key))
    sizes = {word: sorted(counts_, reverse=True) for word, counts_ in lengths.items()}
    starts = {m.start for m in found}
    out = []
    for tokens, words in zip(sentences, stems, strict=True):
        if sizes.keys().isdisjoint(words):
            continue
        after = 0  # the first token a copy found so far leaves free
        for index in [i for i, word in enumerate(words) if word in sizes]:
            if index < after or tokens[index].start in starts:
                continue  # (most of these words are the mentions' own first words)
            size = next((n for n in sizes[words[index]] if tuple(words[index : index + n]) in names), 0)
            if not size:
                continue
            if size == 1 and adjective_reading(words, index):
                continue
            start = name_start(text, tokens[index])
            if start not in starts:
                out.append(Mention(start, tokens[index + size - 1].end, names[tuple(words[index : index + size])], COPY))
                after = index + size
    return out


NISBA_ENDINGS = tuple(normalise_query(e) for e in ("ية", "ي"))  # relation adjectives: "السعودية", "الفرنسي"


def adjective_reading(words: Sequence[str], index: int) -> bool:
    """Whether a one-word definite name of the relation-adjective shape follows a definite word, where it
    agrees with that noun as its adjective ("السلطات السعودية", "الحكومة الفرنسية"): no mention of the
    place (GUIDELINES: nationality adjectives are not annotated)."""
    word = words[index]
    return (index > 0 and word.startswith(ARTICLE) and word.endswith(NISBA_ENDINGS)
            and words[index - 1].startswith(ARTICLE) and len(words[index - 1]) > len(ARTICLE) + 1)


# Letters that spell vowels and the article's alef-lam: foreign names are written with and without them
# ("هلسنكي"، "هلسينكي"; "تلفزيون"، "تليفزيون"; "أرسنال"، "الأرسنال"); g is written غ or ج ("تليغرام"، "تليجرام")
VOWEL_LETTERS = str.maketrans("", "", "اويى")
G_LETTERS = str.maketrans("ج", "غ")
MIN_SPELLING = 5  # letters: shorter words are too often other words with a vowel less ("محمد", "محمود")


@functools.lru_cache(maxsize=1 << 12)  # a cluster's forms repeat across articles
def spelling_key(words: tuple[str, ...], first_names: frozenset[str]) -> tuple[str, ...] | None:
    """A name's words without the letters its spellings vary in, or None where a word is a known first name
    or short (those differ by a vowel from other names)."""
    if any(len(word) < MIN_SPELLING or word in first_names for word in words):
        return None
    return tuple(_spelt(word) for word in words)


@functools.lru_cache(maxsize=1 << 13)
def _spelt(word: str) -> str:
    bare = word[len(ARTICLE) :] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 else word
    return bare[0] + bare[1:].translate(VOWEL_LETTERS).translate(G_LETTERS)


def merge_spellings(clusters: list[Cluster], first_names: frozenset[str]) -> list[Cluster]:
    """Clusters of one label whose names are spellings of one name ("هلسنكي", "هلسينكي"), as one."""
    kept: list[Cluster] = []
    owners: dict[tuple[str, tuple[str, ...]], Cluster] = {}
    for cluster in clusters:
        spelt = [(len(form), spelling) for form in cluster.forms if (spelling := spelling_key(form, first_names)) is not None]
        label = cluster.label if spelt else ""  # (a property that counts the labels: read only where needed)
        keys = {(label, spelling) for words, spelling in spelt if label != "PER" or words > 1}  # a surname alone may be two people's
        # clusters that share a name as written were told apart already ("كامبل" of two people)
        owner = next((owners[k] for k in sorted(keys) if k in owners and not owners[k].forms & cluster.forms), None)
        if owner is None:
            kept.append(cluster)
            owner = cluster
        else:
            for mention in cluster.mentions:
                owner.mentions.append(mention)
                owner.labels[mention.label] += 1
            owner.forms |= cluster.forms
        for key in keys:
            owners.setdefault(key, owner)
    return kept


# Words that say a place's name follows ("قاعدة حميميم", "مخيم الرابوني", "معبر الكركرات"), without the article
DESIGNATORS = frozenset(_normal(w) for w in (
    "مدينة بلدة قرية منطقة مخيم محافظة ولاية مديرية قاعدة معبر جبل جبال جزيرة نهر مطار ميناء مدينتي بلدتي "
    "قريتي منطقتي ضاحية مقاطعة إقليم ناحية قضاء").split())
FACILITIES = frozenset(_normal(w) for w in "قاعدة معبر مطار ميناء مخيم جبل جبال جزيرة نهر".split())
TA_MARBUTA = "ة"
RARE_PLACE = 150  # a word this rare in news after a designator is a place's name ("حميميم" 143; "اليورو" 393)
MAX_DESIGNATED_WORDS = 2


def _glued_letter(text: str, token: Token) -> bool:
    """Whether the splitter took a letter off a name as a proclitic ("كهبوب"): one letter, and no article
    after it ("للحماية" is for the protection)."""
    return token.stem_start - token.start == 1 and not text.startswith(("ال", "ل"), token.stem_start)


def designated_places(text: str, sentences: Sequence[Sequence[Token]], stems: Sequence[Sequence[str]],
                      counts: Mapping[str, int]) -> list[Mention]:
    """LOC mentions of rare words right after a designator: names too local for the tagger and the
    gazetteer. Each word of the name is a bare word (no proclitic) rare in news text."""
    found = []
    for tokens, words in zip(sentences, stems, strict=True):
        if DESIGNATORS.isdisjoint(words):
            continue
        for index, word in enumerate(words):
            if word not in DESIGNATORS or (word.endswith("ه") and text[tokens[index].end - 1] != TA_MARBUTA):
                continue  # "بلده" is his country, "بلدة" a town
            stop = index + 1
            # a name in construct after its designator takes no proclitic: a split one is the name's letter
            # ("قاعدة كهبوب", not ك + "هبوب"); after the first word, one ends the name ("مدينة حميميم وبغداد")
            while (stop < len(tokens) and stop - index <= MAX_DESIGNATED_WORDS and tokens[stop].kind is TokenKind.WORD
                   and (tokens[stop].stem_start == tokens[stop].start or stop == index + 1 and _glued_letter(text, tokens[stop]))
                   and counts.get(light_form(text[tokens[stop].start : tokens[stop].end]), 0) < RARE_PLACE):
                stop += 1
            if stop > index + 1:  # a facility's designator is part of its name: "مطار أتاتورك", "قاعدة حميميم"
                start = tokens[index].stem_start if word in FACILITIES else tokens[index + 1].start
                found.append(Mention(start, tokens[stop - 1].end, "LOC", DESIGNATED))
    return found
