"""Institution names that news writing makes certain without a model (``rules.py`` has the other rules).

* **Institution names built on a head word**: "وزارة الخارجية الإيطالية", "مجلس الأمن", "جامعة أكسفورد",
  "رئاسة أمن الدولة": a head that opens institution names followed by a chain of definite words (or of
  words the tagger marked as a name). Heads that also open everyday phrases ("حركة المرور") need a
  tagged name after them ("حركة حماس"). A person's name ends the chain ("قوات حفتر").
* **Agencies' initials in parentheses**: "(أ ف ب)", "(و.م.ع)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from khabar.model import Token, TokenKind
from khabar.stages.entities.mentions import Mention, name_start
from khabar.stages.entities.rules import ARTICLE, EntityRules, is_word, token_stems, word_form
from khabar.stages.normalise import normalise_query

NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين", "يتان", "يات")
MAX_CHAIN = 6
# Definite words that end a name chain: relatives, time words ("وزارة الصحة الأحد"), complementisers.
CHAIN_STOPS = frozenset(normalise_query(w) for w in (
    "الذي التي الذين اللذين اللتين اللواتي الآن اليوم الأمس الماضي الماضية المقبل المقبلة الجاري الحالي "
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الى الي ان إن أن للمرة لمدة للغاية").split())


def institution_mentions(text: str, sentences: Sequence[Sequence[Token]], tagged: Iterable[Mention],
                         rules: EntityRules, stems: Sequence[Sequence[str]] | None = None) -> list[Mention]:
    """ORG mentions made of an institution head and the chain of words that names it (``stems``: ``token_stems``)."""
    # any offset inside a mention; a person's name ends an institution's ("رئيس الغرفة ... فهمي شعبان", "قوات حفتر")
    tagged = list(tagged)
    inside = {start for m in tagged if m.label != "PER" for start in range(m.start, m.end)}
    # ... but a one-word "person" after a channel or a company is its name ("تلفزيون جلوبو")
    named = inside | {start for m in tagged if m.label == "PER" and " " not in text[m.start : m.end]
                      for start in range(m.start, m.end)}
    found = []
    heads, head_forms = rules.heads, rules.head_forms
    for tokens, words in zip(sentences, stems if stems is not None else token_stems(text, sentences), strict=True):
        for index in [i for i, word in enumerate(words) if word in head_forms]:  # the few words that open a name
            token, word = tokens[index], words[index]
            strict = heads.get(word) if word else None
            if strict is not None:
                stop = _chain_end(text, tokens, index + 1, named if word in MEDIA_HEADS else inside, strict)
            elif word.startswith(ARTICLE) and word[len(ARTICLE) :] in heads:
                stop = _definite_chain_end(text, tokens, index + 1, inside, heads, rules.demonyms)
            else:
                continue
            if stop > index + 1:
                found.append(Mention(name_start(text, token), tokens[stop - 1].end, "ORG", "rule"))
    return found


MEDIA_HEADS = frozenset(normalise_query(w) for w in "صحيفة جريدة إذاعة تلفزيون قناة شركة وكالة".split())
ABBREVIATION_LETTERS = (2, 4)  # an agency's initials: "(أ ف ب)", "(د.ب.أ)", "(و م ع)"


def abbreviation_mentions(text: str, sentences: Sequence[Sequence[Token]]) -> list[Mention]:
    """ORG mentions of initials in parentheses: two to four single Arabic letters, spaced or dotted, as
    news writes the agencies it cites ("(أ ف ب)", "(و.م.ع)")."""
    found: list[Mention] = []
    if "(" not in text:
        return found
    for tokens in sentences:
        for index, token in enumerate(tokens):
            if text[token.start : token.end] != "(":
                continue
            letters: list[Token] = []
            position = index + 1
            while position < len(tokens) and len(letters) <= ABBREVIATION_LETTERS[1]:
                piece = tokens[position]
                if piece.kind is TokenKind.WORD and _letters(text, piece) == 1:
                    letters.append(piece)
                elif text[piece.start : piece.end] != "." or not letters:
                    break
                position += 1
            closed = position < len(tokens) and text[tokens[position].start : tokens[position].end] == ")"
            if closed and ABBREVIATION_LETTERS[0] <= len(letters) <= ABBREVIATION_LETTERS[1]:
                found.append(Mention(letters[0].start, letters[-1].end, "ORG", "rule"))
    return found


def _letters(text: str, token: Token) -> int:
    """The letters of a token in its normal form (marks and tatweel not counted)."""
    return len(normalise_query(text[token.start : token.end]))


def _after_lam(text: str, token: Token) -> bool:
    """Whether the word's one proclitic is ل: "للضرائب" (ل + the article), "لمكافحة" (ل + a noun)."""
    return token.stem_start - token.start == 1 and text[token.start] == "ل"


def _definite_chain_end(text: str, tokens: Sequence[Token], first: int, inside: set[int], heads: Mapping[str, bool],
                        demonyms: frozenset[str] = frozenset()) -> int:
    """Where the name after a definite head ends ("المديرية العامة للضرائب", "المجلس الاقتصادي والاجتماعي
    والبيئي"): a definite adjective, then relative adjectives, coordinated definite words, complements after
    ل ("للتخطيط", "لمكافحة المنشطات") and tagged words; coordinated words that are relative adjectives
    ("والاجتماعي") or follow a complement ("للسياحة والتراث"); a coordinated head ("والمندوبية") or tagged
    name ("والولايات") starts another name. Without a complement or a coordinated word the phrase is no name ("البنك المركزي", "المجلس الوطني"
    are read as common nouns): ``first`` is returned."""
    window = tokens[first : first + MAX_CHAIN + 1]
    words = [word_form(text, t) if is_word(t) else "" for t in window]
    bare = [t.stem_start == t.start for t in window]
    if not words or not bare[0] or not words[0].startswith(ARTICLE) or words[0] in CHAIN_STOPS:
        return first
    size, named, after_lam = 1, False, False
    while size < len(words) and size < MAX_CHAIN:
        word, lam = words[size], _after_lam(text, window[size])
        if not word or word in CHAIN_STOPS or word[1 + len(ARTICLE) :] in heads:
            break
        complement = bare[size] and word.startswith(ARTICLE) and _after_lam(text, window[size - 1])
        coordinated = word.startswith("و" + ARTICLE) and len(word) > 4
        if coordinated and window[size].stem_start in inside:  # "الاتحاد الأوروبي والولايات المتحدة"
            break
        if lam and window[size].stem_start in inside:  # "المكتب الإعلامي للعبادي": a person's office
            break
        if lam or (coordinated and (_is_nisba(word[1:]) or after_lam)):
            named = True
            after_lam = after_lam or lam
        elif not ((bare[size] and _is_nisba(word)) or complement or window[size].stem_start in inside):
            break
        size += 1
    if not named and size >= 2 and words[size - 1] in demonyms and _is_nisba(words[0]):
        named = True  # an adjective and a nationality: "المحكمة الجنائية العراقية", "البنك المركزي المصري"
    return first + size if named else first


def _is_nisba(word: str) -> bool:
    """A definite relative adjective ("الدولي", "الإيطالية", "الكردية"): the words that extend a name."""
    return word.startswith(ARTICLE) and word.endswith(NISBA_ENDINGS) and len(word) > 4


def _chain_end(text: str, tokens: Sequence[Token], first: int, inside: set[int], strict: bool) -> int:
    """Where the name after a head ends.

    The word after the head is definite ("وزارة الخارجية"), or indefinite in construct with a definite
    word after it ("رئاسة أمن الدولة"), or one the tagger marked. After that only relative adjectives
    ("الإيطالية"), coordinated definite words ("والنقل") and tagged words extend the name: a plain
    definite word after the name is more often the verb's object ("انتقدت المنظمة الاعتقالات").
    """
    words = [word_form(text, t) if is_word(t) else "" for t in tokens[first : first + MAX_CHAIN + 1]]
    tagged = [t.stem_start in inside for t in tokens[first : first + MAX_CHAIN + 1]]
    bare = [t.stem_start == t.start for t in tokens[first : first + MAX_CHAIN + 1]]
    if not words or not words[0] or words[0] in CHAIN_STOPS:
        return first
    if tagged[0] or (words[0].startswith(ARTICLE) and bare[0]):
        size = 1
    elif bare[0] and len(words) > 1 and words[1].startswith(ARTICLE) and bare[1] and words[1] not in CHAIN_STOPS:
        size = 2
    else:
        return first
    while size < len(words) and size < MAX_CHAIN:
        word = words[size]
        extends = tagged[size] or (bare[size] and _is_nisba(word)) or (word.startswith("و" + ARTICLE) and len(word) > 4)
        if not word or word in CHAIN_STOPS or not extends or (tagged[size] and word.startswith("و") and not bare[size]):
            break  # a tagged word after "و" is the next name: "قوات الحكومة العراقية وقوات الحشد الشعبي"
        size += 1
    if (strict and not any(tagged[:size])):
        return first
    return first + size
