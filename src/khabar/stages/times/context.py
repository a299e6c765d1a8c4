"""What a reader gets besides its match (the anchor, the tense around it) and what it gives back.

A reader turns one pattern match into a ``Reading`` (a TIMEX3 type and value) or None when the match is
no time expression after all. The helpers here read named parts of a match and the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter
from khabar.stages.times.lexicon import TimeLexicon
from khabar.stages.times.verbs import WINDOW as VERB_WINDOW_TOKENS
from khabar.stages.times.verbs import Clauses

BARE_ALEF = "\u0627"
# Words that begin as the article does on the normalised view: إلى، إلا، the relative pronouns, الآن.
NOT_DEFINITE = frozenset("الي الا التي الذي الذين اللذين اللذان اللتين اللتان اللاتي اللواتي الان".split())
LOOK_CHARS = 40  # how far the readers look left or right of a match for a word
VERB_WINDOW = 3
PUNCTUATION = "،,.;؛:!؟?\"'«»()[]{}-–—/"
# A verb in the imperfect, third person: "يصل", "تنطلق", "ويعقد"; not a verbal noun ("تقرير", "تنظيم"), a
# past verb ("تمت") or a noun with a suffix ("تحقيقاتهم").
IMPERFECT = re.compile("^[وف]?(?:ي[\u0621-\u064a]{2,}|ت(?![\u0621-\u064a]{2}ي[\u0621-\u064a]$)[\u0621-\u064a]{2,}(?<![ته])(?<!ات|هم|ها))$")
# A verb in the past with its ending: "قالت", "اتصلت", "أعلنوا"; "قد", "تم", "كان" (not a word with the article).
PAST = re.compile("^[وف]?(?:قد|تم|كان|كانت|كانوا)$|^(?!ال|[وفبل]ال)[\u0621-\u064a]{2,}(?<!ا)(?:ت|وا)$")
SUBJUNCTIVE = frozenset("ان وان بان لان كي لكي حتي".split())  # "أن" and its kin before an imperfect
NOT_VERBS = frozenset("يوم يوما يومين يومان يونيو يوليو يناير يونيه يوليه تموز تشرين وقت صوت بيت موت بنت زيت بيروت "
                      "ثابت".split())
YEAR_DIGITS = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")
CLAUSE_END = re.compile("[،,.;؛:!؟?]$")


@dataclass(frozen=True, slots=True)
class Reading:
    """A time expression found in the view: where, its TIMEX3 type and value, and whether anchored."""

    start: int
    end: int
    type: str
    value: str
    resolved: bool


@dataclass(frozen=True, slots=True)
class Tense:
    """Where the sentence points, as seen from one expression.

    ``future``: a future marker ("سوف", "من المقرر", a verb with the future prefix) earlier in the
    sentence reaches it, or one follows it in the same clause ("الانتخابات المقررة في أكتوبر" and
    "في أكتوبر ستجرى"). ``sentence_future``: one stands anywhere in its sentence.
    """

    future: bool = False
    sentence_future: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a reader needs beyond the match."""

    lexicon: TimeLexicon
    view: str
    anchor: date | None
    tense: Tense
    raw: str  # the text the view was made from, and where each view character starts in it
    starts: Sequence[int]
    clauses: Clauses | None = None  # the segmenter's words (none: verbs are read from word shapes)

    @property
    def future(self) -> bool:
        return self.tense.future

    def raw_char(self, view_index: int) -> str:
        return self.raw[self.starts[view_index]]

    def words_before(self, index: int, count: int = 1) -> list[str]:
        """Up to ``count`` words ending before ``index``, nearest last, without the punctuation around them."""
        return _words(self.view[max(0, index - LOOK_CHARS) : index])[-count:]

    def words_after(self, index: int, count: int = 1) -> list[str]:
        """Up to ``count`` words starting after ``index``, nearest first, without the punctuation around them."""
        return _words(self.view[index : index + LOOK_CHARS])[:count]

    def verb_before(self, index: int, window: int = VERB_WINDOW_TOKENS) -> int | None:
        """The tense of the verb before ``index`` in its clause: -1 past, 0 imperfect, 1 future (``verbs.py``),
        read from the segmenter's tokens when there are some, else from the shapes of the few words before.

        News uses the imperfect for what is scheduled ("تنطلق الدورة يوم 30 أكتوبر", "يصل الوزير بعد
        يومين"), so an undated day ahead is then as likely as one behind; after a verb in the past
        ("اتصلت في سبتمبر") it lies behind. None when no verb shows (a bare past "وصل" shows nothing).
        """
        if self.clauses is not None:
            return self.clauses.verb_tense(index, window)
        words = self.view[max(0, index - LOOK_CHARS) : index].split()[-VERB_WINDOW:]
        for position in range(len(words) - 1, -1, -1):
            word = words[position]
            if CLAUSE_END.search(word) and position < len(words) - 1:
                return None  # a comma right before the time ("وتنتهي المرحلة الثانية، الثلاثاء") sets it off only
            if IMPERFECT.match(word) and word not in NOT_VERBS:
                before = words[position - 1] if position > 0 else ""
                if before in SUBJUNCTIVE:
                    return None  # "قبل أن تتوفى الأربعاء": no tense of its own
                if before in ("لم", "ولم", "فلم"):
                    return -1  # "لم يحضر الأربعاء": a past
                return -1 if _past_auxiliary(before, word) else 0
            if PAST.match(word) and word not in NOT_VERBS:
                return -1
        return None

    def year_named_before(self, index: int) -> str | None:
        """The last year written in digits before ``index`` ("عام 2015 ... في العام نفسه"), if any."""
        years = YEAR_DIGITS.findall(self.view, 0, index)
        return years[-1] if years else None

    def word_before(self, index: int) -> str:
        words = self.words_before(index)
        return words[0] if words else ""

    def definite_after(self, index: int) -> bool:
        """Whether a noun with the article follows ``index`` ("أيام السينما"), not إلى، إلا، التي ... ."""
        after = self.word_after(index)
        return after.startswith(ARTICLE) and after not in NOT_DEFINITE

    def word_after(self, index: int) -> str:
        words = self.words_after(index)
        return words[0] if words else ""


def _past_auxiliary(before: str, verb: str) -> bool:
    """Whether ``before`` makes ``verb`` a past: "كان يعمل", and "قد تبنى" (a ت-verb after قد; "قد يسحب" may)."""
    if before in ("كان", "وكان", "كانت", "وكانت"):
        return True
    return before in ("قد", "وقد") and without_proclitic(verb).startswith("ت")


def _words(text: str) -> list[str]:
    return [word for word in (w.strip(PUNCTUATION) for w in text.split()) if word]


Reader = Callable[[re.Match[str], Context], Reading | None]


def part(m: re.Match[str], name: str) -> str | None:
    """A named part of the match, None when absent or when this variant of the pattern has no such part."""
    return m.group(name) if name in m.re.groupindex else None


def must(m: re.Match[str], name: str) -> str:
    """A part every variant of the pattern has and every match fills."""
    return str(m.group(name))


def reading(m: re.Match[str], kind: str, value: str, resolved: bool) -> Reading:
    return Reading(m.start("x"), m.end("x"), kind, value, resolved)


def qualifier(m: re.Match[str], ctx: Context) -> int | None:
    """The direction of the match's qualifier ("الماضي" -1, "المقبل" +1, "الجاري" 0), if it has one."""
    word = part(m, "qual")
    return None if word is None else ctx.lexicon.qualifiers.get(word)


def without_proclitic(word: str) -> str:
    """A word without a leading و or ف (the conjunctions): "ومنذ" -> "منذ"."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word
