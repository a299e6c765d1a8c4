"""Mentions that news writing makes certain without a model, and boundary fixes to the tagger's mentions.

* **Known names** (``resources/entities/names.tsv``, hand-kept): organisations that Arabic news names
  every day (داعش، البيشمركة، حزب الله، الأمم المتحدة ...) and the agencies and outlets it cites (رويترز،
  سي إن إن، CNN), matched as whole words with an attached proclitic allowed. Most outlet names of
  ``resources/outlets.tsv`` are everyday words ("اليوم", "الشرق الأوسط"): they are trusted in bylines only.
* **Institution names built on a head word**: ``institutions.py``.
* **Trimming**: an evaluative adjective the tagger took into an organisation's name ("داعش الإرهابي"),
  and a nationality adjective after a one-word place ("الموصل العراقية" → "الموصل").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from khabar.model import Token, TokenKind
from khabar.stages.entities.mentions import Mention, name_start
from khabar.stages.entities.roles import load_titles
from khabar.stages.normalise import CODE_MAP, EXPANSIONS, normalise_query
from khabar.stages.resources import resource, resource_lines
from khabar.stages.segment.cache import RecentCache
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter

_compiled_stems: Callable[..., list[list[str]]] | None
try:  # the C version of token_stems (built with the CRF's features); the Python one is its reference
    from khabar.stages.entities._features import rule_stems as _compiled_stems
except ImportError:  # pragma: no cover - depends on how khabar was installed
    _compiled_stems = None

COMPILED = _compiled_stems is not None  # whether the rules' stems are worked out in C

STEM_MEMO_LIMIT = 50_000  # word tokens whose stem token_stems remembers, per generation
StemMemo = RecentCache[tuple[str, int], str]  # (a token's text, where its stem starts in it) -> its _stem_word

# Words that never start or end a name: prepositions, particles, relatives, auxiliaries.
EDGE_STOPS = frozenset(normalise_query(w) for w in (
    "في من على إلى الى عن مع لدى لدي عند بعد قبل خلال منذ حتى دون أن إن أنه إنه الذي التي الذين قد لقد كان "
    "كانت هو هي ثم أو و يا").split())
# Words that never stand inside a name: complementisers, relatives, demonstratives ("مؤسسة هذه المبادرة")
INNER_STOPS = frozenset(normalise_query(w) for w in "إن أن إنه أنه الذي التي الذين قد لقد هذا هذه ذلك تلك هؤلاء".split())
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class KnownName:
    """A name from a hand-kept list: its label and finer type."""

    label: str
    type: str


@dataclass(frozen=True)
class EntityRules:
    """The word lists the rules use, all normalised."""

    names: Mapping[tuple[str, ...], KnownName]  # name words -> label/type
    places: Callable[[str], bool]  # whether a normalised, single-spaced name is in the gazetteer
    heads: Mapping[str, bool]  # institution head word -> strict (needs a tagged name after it)
    trailing_adjectives: frozenset[str]  # evaluative adjectives never part of an ORG's name
    demonyms: frozenset[str]  # nationality adjectives (every form)
    common: frozenset[str] = frozenset()  # words that look like names and never are one (كورونا، درهم)
    generic: frozenset[str] = frozenset()  # nouns that name no one with a nationality after them (الحكومة)
    indefinite_demonyms: frozenset[str] = frozenset()  # nationality adjectives without the article (يابانيا، فرنسية)
    titles: frozenset[str] = frozenset()  # words that open a title ("رئيس", "مؤسس"): no part of a person's name
    first_names: frozenset[str] = frozenset()  # the words of people's names the NER gazetteer lists

    @functools.cached_property
    def head_forms(self) -> frozenset[str]:
        """The words that open an institution's name: a head, bare or with the article ("وزارة", "المجلس")."""
        return frozenset(word for head in self.heads for word in (head, ARTICLE + head) if word)

    @functools.cached_property
    def first_words(self) -> dict[str, tuple[int, ...]]:
        """First word of a known name -> the word counts of the names it opens, longest first."""
        sizes: dict[str, set[int]] = {}
        for words in self.names:
            sizes.setdefault(words[0], set()).add(len(words))
        return {word: tuple(sorted(counts, reverse=True)) for word, counts in sizes.items()}


def words_of(name: str) -> tuple[str, ...]:
    """The normalised words of a lexicon entry (hyphens and dots as spaces)."""
    return tuple(normalise_query(name).replace("-", " ").replace(".", " ").split())


def load_rules() -> EntityRules:
    """The shipped lists: the names, heads and adjectives of names.tsv, and the demonyms."""
    from khabar.stages.places.gazetteer import load_demonyms, load_gazetteer

    names: dict[tuple[str, ...], KnownName] = {}
    heads: dict[str, bool] = {}
    words: dict[str, set[str]] = {"ADJ": set(), "COMMON": set(), "GENERIC": set()}
    for line in resource_lines(resource("entities", "names.tsv")):
        name, label, kind = line.split("\t")[:3]
        if label == "HEAD":
            heads[normalise_query(name)] = kind == "strict"
        elif label in words:
            words[label].add(normalise_query(name))
        else:
            names[words_of(name)] = KnownName(label, kind)
    all_demonyms = load_demonyms()
    demonyms = frozenset(form for form in all_demonyms if form.startswith(ARTICLE))
    gazetteer = load_gazetteer()
    generic = frozenset(words["GENERIC"]) | {ARTICLE + head for head in heads}
    return EntityRules(names, gazetteer.names.__contains__, heads, frozenset(words["ADJ"]), demonyms,
                       frozenset(words["COMMON"]), generic, _indefinite(all_demonyms), load_titles(), _person_words())


def _person_words() -> frozenset[str]:
    """The words the fast model's gazetteer tags as people's (``resources/ner/gazetteer.tsv``)."""
    rows = (line.split("\t") for line in resource_lines(resource("ner", "gazetteer.tsv")))
    return frozenset(normalise_query(row[0]) for row in rows if len(row) > 1 and "PER" in row[1])


def _indefinite(demonyms: Iterable[str]) -> frozenset[str]:
    """The demonym forms without the article, with the masculine accusative ("مواطنا يابانيا"); some of those
    spell a country ("روسيا", "ليبيا"), which ``_no_name`` leaves to the gazetteer."""
    bare = {form for form in demonyms if ARTICLE not in form[:3]}
    return frozenset(bare | {form + "ا" for form in bare if form.endswith("ي")})


def _stem_word(text: str, token: Token) -> str:
    """The normalised token without its proclitics (pronoun suffixes kept: names end in ه, ها ...);
    after "لل" the article is given back its alef ("للعراق" → "العراق")."""
    if name_start(text, token) != token.stem_start:
        return normalise_query("ا" + text[token.stem_start : token.end])
    return normalise_query(text[token.stem_start : token.end])


def token_stems(text: str, sentences: Sequence[Sequence[Token]], memo: StemMemo | None = None,
                compiled: bool = COMPILED) -> list[list[str]]:
    """``_stem_word`` of every word token ("" for the others), worked out once per article for all the rules
    (each used to normalise every token again). In C where built (``compiled``: a table look-up per character,
    no memo needed); else in Python, with ``memo`` remembering the stems across articles."""
    if compiled and _compiled_stems is not None:
        return _compiled_stems(text, sentences, _WORD_KINDS, CODE_MAP, EXPANSIONS)
    memo = memo if memo is not None else RecentCache(STEM_MEMO_LIMIT)
    recent = memo.recent
    out = []
    for tokens in sentences:
        stems = []
        for token in tokens:
            start, end, kind, stem_start, _ = token
            if kind not in _WORD_KINDS:
                stems.append("")
                continue
            key = (text[start:end], stem_start - start)  # all that _stem_word reads
            stem = recent.get(key) or memo.get(key)
            if stem is None:
                stem = _stem_word(text, token)
                memo.put(key, stem)
            stems.append(stem)
        out.append(stems)
    return out


def word_form(text: str, token: Token) -> str:
    """A token's text in its normal form."""
    return normalise_query(text[token.start : token.end])


_WORD_KINDS = frozenset({TokenKind.WORD, TokenKind.LATIN})


def is_word(token: Token) -> bool:
    """Whether a token is a word (Arabic or Latin letters)."""
    return token.kind in _WORD_KINDS


def known_name_mentions(text: str, sentences: Sequence[Sequence[Token]], rules: EntityRules,
                        stems: Sequence[Sequence[str]] | None = None) -> list[Mention]:
    """Every whole-word occurrence of a known name (the longest at each token); ``stems``: ``token_stems``."""
    found: list[Mention] = []
    first_words = rules.first_words
    for tokens, words in zip(sentences, stems if stems is not None else token_stems(text, sentences), strict=True):
        index = 0
        while index < len(tokens):
            size = _match_at(text, tokens, index, rules) if words[index] in first_words else 0
            if size:
                known = rules.names[tuple(_name_words(text, tokens, index, size))]
                found.append(Mention(name_start(text, tokens[index]), tokens[index + size - 1].end, known.label, "lexicon"))
                index += size
            else:
                index += 1
    return found


def _name_words(text: str, tokens: Sequence[Token], index: int, size: int) -> list[str]:
    return [_stem_word(text, tokens[index])] + [word_form(text, t) for t in tokens[index + 1 : index + size]]


def _match_at(text: str, tokens: Sequence[Token], index: int, rules: EntityRules) -> int:
    """The number of tokens of the longest known name starting at ``index`` (0: none)."""
    if not is_word(tokens[index]):
        return 0
    sizes = rules.first_words.get(_stem_word(text, tokens[index]))
    if sizes is None:
        return 0
    for size in sizes:
        window = tokens[index : index + size]
        if (len(window) == size and all(is_word(t) or t.kind is TokenKind.NUMBER for t in window[1:])  # "فرانس 24"
                and tuple(_name_words(text, tokens, index, size)) in rules.names):
            return size
    return 0


def trim(text: str, mention: Mention, rules: EntityRules, adjectives: bool = True) -> Mention | None:
    """The mention without edge words that never belong to a name.

    Function words at either edge ("آبي لدى" → "آبي"), an evaluative adjective at the end of an ORG
    ("داعش الإرهابي"), a nationality after a one-word LOC ("الموصل العراقية" → "الموصل"). None when
    nothing is left.
    """
    words = list(_WORD.finditer(text, mention.start, mention.end))
    forms = [normalise_query(word.group()) for word in words]  # each word normalised once
    # "المنظمة إن الحد الأقصى", "مؤسسة هذه المبادرة": the name ended before
    last = next((i for i in range(1, len(forms)) if forms[i] in INNER_STOPS), len(forms))
    first = 0
    while first < last and forms[first] in EDGE_STOPS:
        first += 1
    while last > first and forms[last - 1] in EDGE_STOPS:
        last -= 1
    if last - first >= 2 and mention.label == "LOC" and forms[first] in PLACE_WORDS:
        first += 1  # "العاصمة جوبا" is جوبا
    if last - first >= 2 and adjectives and (  # (a gazetteer's name keeps its own: "الأراضي الفلسطينية")
            (mention.label == "ORG" and forms[last - 1] in rules.trailing_adjectives)
            or (mention.label == "LOC" and last - first == 2 and forms[last - 1] in rules.demonyms)):
        last -= 1
    spans = [word.span() for word in words[first:last]]
    if not spans or _no_name(forms[first:last], mention.label, rules):
        return None
    return Mention(spans[0][0], spans[-1][1], mention.label, mention.source)


PLACE_WORDS = frozenset(normalise_query(w) for w in "العاصمة مدينة بلدة قرية".split())  # before a place's name
CREDIT = re.compile(r"\((?:صور|صورة|تصوير|كاريكاتير|فيديو|رسم|إعداد|ترجمة|إنفوغرافيك)\s*:[^()\n]{0,60}\)")


def credits(text: str) -> list[tuple[int, int]]:
    """Where the text credits its pictures or drawings: "(صور: منير محيمدات)", "(كاريكاتير: عماد السنوني)"."""
    return [match.span() for match in CREDIT.finditer(text)]


def _no_name(words: list[str], label: str, rules: EntityRules) -> bool:
    """Words (normalised) that name no one: each one a common word that looks like a name ("فيروس كورونا",
    "درهم"), or a generic noun and nationalities ("الحكومة المغربية", "المستشار الليبي": the guidelines'
    "not a name")."""
    stems = [word[1:] if word[:1] in "وبلفك" and word[1:] in rules.common else word for word in words]
    if all(word in rules.common for word in stems):
        return True
    if label == "ORG" and len(words) == 1 and (words[0] in rules.generic or words[0] in rules.heads):
        return True  # "حزب", "الاتحاد" alone
    if len(words) == 1 and words[0] in rules.indefinite_demonyms and not rules.places(words[0]):
        return True  # "مواطنا يابانيا": an adjective, where "روسيا" is the country
    return label in ("ORG", "PER") and len(words) > 1 and words[0] in rules.generic and all(w in rules.demonyms for w in words[1:])


MAX_PLACE_WORDS = 4
GLUED_PROCLITICS = "وبلفك"


def _unglue_proclitic(text: str, mention: Mention, rules: EntityRules) -> Mention:
    """A proclitic the segmenter left on an unknown place name: "وبشكورتوستان" → "بشكورتوستان"."""
    words = text[mention.start : mention.end].split()
    if not words or words[0][0] not in GLUED_PROCLITICS:
        return mention
    whole, rest = " ".join(normalise_query(w) for w in words), " ".join(normalise_query(w) for w in [words[0][1:], *words[1:]])
    if len(words[0]) > 3 and not rules.places(whole) and rules.places(rest):
        return Mention(mention.start + 1, mention.end, mention.label, mention.source)
    return mention


def _place_at(text: str, tokens: Sequence[Token], index: int, rules: EntityRules) -> int:
    """The number of tokens of the longest gazetteer name starting at ``index`` (proclitic allowed)."""
    longest = 0  # the words normalised once, the names tried from the longest down
    while longest < min(MAX_PLACE_WORDS, len(tokens) - index) and tokens[index + longest].kind is TokenKind.WORD:
        longest += 1
    if not longest:
        return 0
    words = _name_words(text, tokens, index, longest)
    for size in range(longest, 0, -1):
        if rules.places(" ".join(words[:size])):
            return size
    return 0


def repair_places(text: str, sentences: Sequence[Sequence[Token]], mentions: Sequence[Mention], rules: EntityRules,
                  flat: Sequence[Token] | None = None, token_starts: Sequence[int] | None = None) -> list[Mention]:
    """Fit LOC mentions to the gazetteer's names where the tagger cut them short or ran on.

    A longer place name that overlaps the mention replaces it ("أديس" → "أديس أبابا", "بيت بإسلام" + "آباد"
    → "إسلام آباد"); a mention that is no place name but starts with one followed only by definite words
    loses them ("لندن الجاسوس" → "لندن", "الموصل العراقية" → "الموصل"). Other mentions pass unchanged.
    ``flat`` and ``token_starts``: the sentences' tokens in one list and their starts, where the caller has them.
    """
    if not any(m.label == "LOC" for m in mentions):
        return list(mentions)
    flat = [t for tokens in sentences for t in tokens] if flat is None else flat
    token_starts = [t.start for t in flat] if token_starts is None else token_starts
    firsts = list(itertools.accumulate((len(tokens) for tokens in sentences[:-1]), initial=0))  # each sentence's first token

    def position(index: int) -> tuple[int, int]:  # (sentence, token in it) of a token of ``flat``
        sentence = bisect.bisect_right(firsts, index) - 1
        return sentence, index - firsts[sentence]

    def token_at(offset: int) -> int | None:  # the index of the token that holds offset, if any
        index = bisect.bisect_right(token_starts, offset) - 1
        return index if index >= 0 and offset < flat[index].end else None

    out: list[Mention] = []
    for mention in mentions:
        first = last = None
        if mention.label == "LOC":
            at, before = token_at(mention.start), token_at(mention.end - 1)
            if at is not None and mention.start in (flat[at].start, name_start(text, flat[at])):
                first = position(at)
            if before is not None and flat[before].end == mention.end:
                last = position(before)
        if mention.label != "LOC" or first is None or last is None or first[0] != last[0]:
            out.append(mention)
            continue
        out.append(_fit_place(text, sentences[first[0]], first[1], last[1] + 1, mention, rules))
    return out


def _fit_place(text: str, tokens: Sequence[Token], first: int, stop: int, mention: Mention, rules: EntityRules) -> Mention:
    mention = _unglue_proclitic(text, mention, rules)
    best = (first, first + _place_at(text, tokens, first, rules))
    for index in range(max(0, first - 1), stop):
        size = _place_at(text, tokens, index, rules)
        if size > best[1] - best[0] and index + size > first:
            best = (index, index + size)
    a, b = best
    if b - a > stop - first:  # a longer place name overlaps the mention
        return Mention(name_start(text, tokens[a]), tokens[b - 1].end, "LOC", mention.source)
    rest = [word_form(text, t) for t in tokens[b:stop]] if a == first else []
    if a == first and first < b < stop and all(w.startswith(ARTICLE) for w in rest):
        return Mention(mention.start, tokens[b - 1].end, "LOC", mention.source)
    return mention
