"""Where a sentence points in time: the future markers of an article and how far each reaches.

News tells of the past, so an undated weekday or month is taken in the past unless a future marker
points ahead: a word of ``markers.tsv`` ("من المقرر", "سوف", "لن") or a verb with the future prefix
("سيزور", "وستبدأ": the segmenter tells it from "سياسة"). A marker reaches forward ``FUTURE_REACH``
characters within its sentence ("من المقرر أن تعيد إريتريا فتح سفارتها في أديس أبابا الاثنين"), and back
over the expression just before it in the same clause ("في أكتوبر ستجرى الانتخابات"), but never across
a clause boundary: in "قال الوزير الاثنين إنه سيزور باريس" the visit comes after the day, which stays past.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from khabar.model import Document, Normalised, Token
from khabar.stages.times.context import Tense
from khabar.stages.times.grammar import PROCLITICS, alternation
from khabar.stages.times.lexicon import TimeLexicon

FUTURE_PROCLITIC = "س"
# "أكثر من المتوقع", "مما كان متوقعا", "فاقت المتوقع": a comparison with a forecast, no future
COMPARATIVES = frozenset("اكثر اقل اعلي ادني اسرع ابطا افضل اسوا اضعف اقوي اكبر اصغر اشد".split())
BEYOND_FORECAST = frozenset("عكس بعكس بخلاف خلاف فوق دون فاق فاقت يفوق تفوق تجاوز تجاوزت يتجاوز".split())
FORECAST_LOOK = 20
# Words that may carry it (the segmenter tells س + يزور from سياسة): [و|ف] س then an imperfect prefix.
FUTURE_VERB = re.compile("(?:[وف]س|س)[يتنا][\u0621-\u064a]{2,}")
# characters: "من المقرر أن يمثل زوكربرغ أمام جلسة استماع مشتركة للجنتي القضاء والتجارة في مجلس الشيوخ،
# الثلاثاء، ولجنة الطاقة والتجارة بمجلس النواب، الأربعاء" (Sky News Arabia, 2018-04-09)
FUTURE_REACH = 250
BACK_REACH = 40  # characters from an expression to a marker after it in the same clause
MAX_PROCLITIC_LETTERS = 2
SENTENCE_END = re.compile(r"[.!?؟\n]+")
# What ends a clause looking right: punctuation, or a word that opens reported speech or a new clause.
CLAUSE_BREAK = re.compile("[،,;؛:\"«»()]|(?<![\u0621-\u064a])(?:[وف]?(?:ان|انه|انها|بان|بانه|قائلا|مضيفا|"
                          "مشيرا|حيث|لكن|بينما|فيما|قال|اضاف|اكد|اعلن|الذي|التي))(?![\u0621-\u064a])")


# What opens a new clause looking right from a future marker (commas do not: they list the days it reaches).
# "أن" and relative clauses go on with the expectation ("يتوقع الخبراء أن ...", "الاجتماع الذي ...").
NEW_CLAUSE = re.compile("(?<![\u0621-\u064a])(?:[وف]?(?:قائلا|مضيفا|مشيرا|حيث|لكن|بينما|فيما|عندما|بعدما|قال|اضاف|"
                        "اكد|اعلن))(?![\u0621-\u064a])|[.:؛;]")


# "لن" after a time is the main clause's ("الفوز الذي حققته ألمانيا يوم السبت لن يغير"): it reaches forward only.
NEGATED_FUTURE = re.compile("[وف]?لن(?![\u0621-\u064a])")


class TenseMap:
    """The future markers of one article, asked for the tense at each expression."""

    def __init__(self, markers: list[int], sentence_ends: list[int], view: str) -> None:
        self.markers = markers  # sorted view offsets
        self.sentence_ends = sentence_ends  # sorted view offsets, the last one the view's end
        self.view = view

    def at(self, start: int, end: int) -> Tense:
        """The tense around the expression at [start, end) of the view."""
        if not self.markers:
            return Tense()
        sentence_end = self._sentence_end(start)
        sentence_start = self._sentence_start(start)
        index = bisect_right(self.markers, start) - 1
        before = (index >= 0 and self.markers[index] >= sentence_start and start - self.markers[index] <= FUTURE_REACH
                  and self._reaches(self.markers[index], start))
        after_index = bisect_left(self.markers, end)
        after = after_index < len(self.markers) and self.markers[after_index] < sentence_end
        near_after = (after and self._same_clause(end, self.markers[after_index])
                      and NEGATED_FUTURE.match(self.view, self.markers[after_index]) is None)
        return Tense(future=before or near_after, sentence_future=before or after or
                     (index >= 0 and self.markers[index] >= sentence_start))

    def _sentence_end(self, index: int) -> int:
        return self.sentence_ends[min(bisect_right(self.sentence_ends, index), len(self.sentence_ends) - 1)]

    def _sentence_start(self, index: int) -> int:
        position = bisect_right(self.sentence_ends, index) - 1
        return self.sentence_ends[position] if position >= 0 else 0

    def _reaches(self, marker: int, start: int) -> bool:
        """Whether no new clause ("بينما", "حيث", "قال" ...) opens between a marker and an expression."""
        return NEW_CLAUSE.search(self.view, marker, start) is None

    def _same_clause(self, end: int, marker: int) -> bool:
        if marker - end > BACK_REACH:
            return False
        return CLAUSE_BREAK.search(self.view, end, marker) is None


def future_pattern(lexicon: TimeLexicon) -> re.Pattern[str]:
    """The future markers of the lexicon, with or without the article (no look-behind: see grammar.py)."""
    markers = alternation({w for m in lexicon.future_markers for w in (m, "ال" + m)})
    return re.compile(f"(?:{markers})(?![\u0621-\u064a])")


def tense_map(doc: Document, view: Normalised, markers_re: re.Pattern[str]) -> TenseMap:
    """Find the article's future markers and sentence ends."""
    text = view.text
    markers = [m.start() for m in markers_re.finditer(text) if at_word_start(text, m.start()) and not _against_forecast(text, m)]
    for candidate in FUTURE_VERB.finditer(text):  # the future proclitic: سيزور، وستبدأ
        if not at_word_start(text, candidate.start()):
            continue
        index = bisect_right(doc.tokens, view.starts[candidate.start()], key=_token_start) - 1
        token = doc.tokens[index] if index >= 0 else None
        if token is not None and token.stem_start > token.start and doc.text[token.stem_start - 1] == FUTURE_PROCLITIC:
            markers.append(candidate.start())
    return TenseMap(sorted(markers), [end for _start, end in sentences(doc, view)], text)


def _against_forecast(text: str, marker: re.Match[str]) -> bool:
    """Whether the marker is "المتوقع" in a comparison with a forecast ("زادت أكثر من المتوقع", "فاقت
    المتوقع"): what was expected, no future."""
    if not marker.group().startswith("المتوقع"):
        return False
    before = text[max(0, marker.start() - FORECAST_LOOK) : marker.start()].split()
    if before[-1:] in (["من"], ["مما"]) and len(before) > 1:
        return before[-2].removeprefix("و") in COMPARATIVES
    return bool(before) and before[-1].removeprefix("و") in BEYOND_FORECAST


def at_word_start(view: str, index: int) -> bool:
    """Whether ``index`` starts a word, or follows only a proclitic (و ف ب ل ك, وب ...) at a word start.

    >>> at_word_start("قال أمس", 4), at_word_start("وأمس", 1), at_word_start("تمارس", 1), at_word_start("بعد2011", 3)
    (True, True, False, True)
    """
    if view[index : index + 1].isdigit() and index > 0 and not view[index - 1].isdigit():
        return True  # digits glued to a word ("بعد2011") start a word of their own
    start = index
    while start > 0 and (view[start - 1].isdigit() or "\u0621" <= view[start - 1] <= "\u064a"):
        start -= 1
        if index - start > MAX_PROCLITIC_LETTERS:
            return False
    return view[start:index] in PROCLITICS


def _token_start(token: Token) -> int:
    return token.start


def sentences(doc: Document, view: Normalised) -> Iterator[tuple[int, int]]:
    """The view spans of the article's sentences (split at end marks when the segmenter gave none)."""
    if doc.sentences:
        for sentence in doc.sentences:
            yield view.view_span(sentence.start, sentence.end)
        return
    start = 0
    for end_mark in SENTENCE_END.finditer(view.text):
        yield start, end_mark.end()
        start = end_mark.end()
    yield start, len(view.text)
