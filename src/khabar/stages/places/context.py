"""What an article says around its place names: words, demonyms, designators, country evidence.

Everything here works on the normalised view. Words are runs of Arabic letters; a mention's neighbours
are read from a few dozen characters of text around it, so looking around a mention is cheap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from khabar.stages.places.gazetteer import ARTICLE, Candidate, Gazetteer, name_key

WORD = re.compile("[\u0621-\u064a]+")
SENTENCE_MARK = re.compile("[.!?؟\n]")
CLAUSE_TAIL = re.compile("([\u0621-\u064a]+)[^\u0621-\u064a.!?؟\n،,:]*$")  # the last word, no clause mark after it
MAX_WORD_CHARS = 20
PROCLITIC_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
AT_WORDS = frozenset({"في", "وسط"})  # "مطار مالبينسا في ميلانو", "ساحة التحرير وسط القاهرة"
CAPITAL_OF = "عاصمه"  # without the article, "capital of" the name after it ("العاصمة الرياض" names the city)
WINDOW_WORDS = 5  # how far after a mention "في جنوب بريطانيا" may name its country
LOCATIVE = frozenset({"في", "ب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "حدود"})


def strip_proclitic(word: str) -> str | None:
    """The word without one leading proclitic pair (و ف ب ل ك; ل + ال → لل), or None.

    >>> strip_proclitic("بالموصل"), strip_proclitic("للعراق"), strip_proclitic("موسكو")
    ('الموصل', 'العراق', None)
    """
    for clitic in PROCLITIC_PREFIXES:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            rest = word[len(clitic):]
            if clitic.endswith("ل") and rest.startswith("ل"):  # لل = ل + ال
                return ARTICLE + rest[1:]
            return rest
    return None


@dataclass(frozen=True, slots=True)
class Surroundings:
    """A normalised text, with the countries its demonyms name counted."""

    text: str
    demonym_countries: Counter[str]
    words: frozenset[str] = frozenset()  # every word of the text, as written (proclitics attached)

    @classmethod
    def of(cls, view: str, gazetteer: Gazetteer) -> Surroundings:
        """Count the countries the demonyms of ``view`` name ("الفرنسي" twice → FR: 2)."""
        words = Counter(WORD.findall(view))  # counting in C, then one lookup per distinct word
        counts: Counter[str] = Counter()
        demonyms = gazetteer.demonyms
        for word in demonyms.keys() & words.keys():
            counts[demonyms[word]] += words[word]
        return cls(view, counts, frozenset(words))

    def has_word(self, words: frozenset[str]) -> bool:
        """Whether one of ``words`` is in the text, alone or after a proclitic ("والبوليساريو")."""
        return not words.isdisjoint(self.words) or any(strip_proclitic(w) in words for w in self.words)

    def words_after(self, end: int, count: int) -> list[str]:
        """Up to ``count`` words starting at or after view offset ``end``, stopping at a sentence end."""
        stop = SENTENCE_MARK.search(self.text, end, end + count * MAX_WORD_CHARS)
        limit = stop.start() if stop else end + count * MAX_WORD_CHARS
        return WORD.findall(self.text, end, limit)[:count]

    def word_before(self, start: int) -> str | None:
        """The word just before view offset ``start`` in the same clause, if any."""
        before = CLAUSE_TAIL.search(self.text, max(0, start - MAX_WORD_CHARS), start)
        return before.group(1) if before else None


def demonym_after(words: list[str], gazetteer: Gazetteer) -> str | None:
    """The country of a nationality adjective right after a mention ("الموصل العراقية" → IQ)."""
    if not words:
        return None
    two = " ".join(words[:2])
    return gazetteer.demonyms.get(two) or gazetteer.demonyms.get(words[0])


def country_in_window(words: list[str], gazetteer: Gazetteer) -> str | None:
    """The country named or implied a few words on ("لويس في جنوب بريطانيا" → GB), if any."""
    countries = gazetteer.country_names
    for i, word in enumerate(words):
        for size in (3, 2, 1):
            code = countries.get(" ".join(words[i : i + size])) if i + size <= len(words) else None
            if code:
                return code
        if i > 0 and word not in LOCATIVE and strip_proclitic(word) not in LOCATIVE:
            break  # "X في جنوب Y": only locative words may stand between the mention and the country
    return None


def designator_before(surroundings: Surroundings, start: int, gazetteer: Gazetteer) -> str | None:
    """The feature a word like مدينة or محافظة before the mention announces."""
    word = surroundings.word_before(start)
    if word is None or CAPITAL_OF in (word, strip_proclitic(word)):
        return None  # "فريدريكتون، عاصمة نيو برونزويك": the name after is the province, not a city
    return gazetteer.designators.get(word) or gazetteer.designators.get(strip_proclitic(word) or "")


def place_after(words: list[str], gazetteer: Gazetteer) -> Candidate | None:
    """The town a feature is said to be in: "مطار مالبينسا في ميلانو" → Milan, "ساحة التحرير وسط القاهرة" → Cairo."""
    if not words:
        return None
    if words[0] in AT_WORDS:
        rest = words[1:4]
    elif words[0].startswith("ب") and len(words[0]) > 3:
        rest = [words[0][1:], *words[1:3]]
    else:
        return None
    if rest and (rest[0] in gazetteer.designators or rest[0].removeprefix(ARTICLE) in gazetteer.designators):
        return None  # "وسط المدينة": the city named before, not Medina
    for size in (3, 2, 1):
        found = gazetteer.lookup(name_key(" ".join(rest[:size]))) if len(rest) >= size else ()
        if found:
            return max(found, key=lambda c: (c.feature != "country", c.population))
    return None
