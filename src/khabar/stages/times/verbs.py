"""The tense of the verb an expression hangs on, read from the segmenter's tokens.

An undated weekday or month takes its direction from the verb of its clause: "اعتقلت الشرطة رجلا
الأحد" lies behind, "يلتقي الرئيس نظيره الأحد" is a schedule (the nearer Sunday), "سيلتقي ... الأحد" lies
ahead. The segmenter has already told the clitics from the word (س + يلتقي, و + قالت, فيها whole), so
the verb's shape is read on its stem: an imperfect begins with ي or ت (the third persons news uses), a
past ends with ت or وا, and a few auxiliaries say it outright (قد، تم، كان). Particles before the verb
turn it: "لم يحضر" and "كان يعمل" are past, "لن يحضر" ahead, and after "أن"/"كي"/"حتى" an imperfect
has no tense of its own. "كان من المقرر" and "كان مقررا" are a plan, whose day may lie on either side.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.model import Token, TokenKind

PAST, PRESENT, FUTURE = -1, 0, 1
FORM_V_PAST_LETTERS = 5  # تفعّلت
LONGEST_STEM = 7  # an imperfect of seven letters has a plural ending ("يستخدمون"); "يوفنتوس" is a name
PLURAL_ENDINGS = ("ون", "ان", "ين")
NOT_BEFORE_VERBS = ("ب", "ك", "ل")  # proclitics a verb with its own tense never takes
NEAR = 3  # words back within which any verb-shaped word is the verb
WINDOW = 12  # words back to the verb ("عندما يقود مانشستر سيتي أمام أرسنال في نهائي كأس الرابطة يوم الأحد")
LETTERS = "\u0621-\u064a"
FUTURE_PROCLITIC = "س"
# "يصل", "تنطلق"; not a verbal noun ("تقرير"), a plural ("تحقيقات") nor a past with a suffix ("تسلمتها")
IMPERFECT_STEM = re.compile(f"^[يت](?![{LETTERS}]{{2}}ي[{LETTERS}]$)[{LETTERS}]{{2,}}(?<!ت)$")
TA_MARBUTA = "\u0629"  # ة: a noun's ending (the view writes it ه, as in the verb يواجه)
PAST_STEM = re.compile(f"^(?!ال)[{LETTERS}]{{2,}}(?<!ا)(?:ت|وا)$")
AUXILIARIES = {"قد": PAST, "تم": PAST, "كان": PAST, "كانت": PAST, "كانوا": PAST, "كانا": PAST, "لن": FUTURE,
               "سوف": FUTURE}
NEGATED_PAST = frozenset({"لم", "لما"})  # "لم يحضر": a past
SUBJUNCTIVE = frozenset("ان لان بان كي لكي حتي".split())  # "قبل أن تتوفى": no tense of its own
PAST_FRAMES = frozenset({"كان", "كانت", "كانوا"})  # "كان يعمل": a past
AFTER_WHICH = frozenset({"بعدما", "عقب"})  # "بعدما تعذر": what came before is past
PLAN_WORDS = frozenset("مقررا مقرره مقرر المقرر المتوقع متوقعا المنتظر منتظرا المرتقب مرتقبا المزمع".split())
# Words of a verb's shape that are not verbs (nouns, particles, months).
NOT_VERBS = frozenset("يوم يوما يومين يومان يونيو يوليو يناير يونيه يوليه تموز تشرين وقت صوت بيت موت بنت زيت بيروت "
                      "ثابت تحت اخت ست تمت بعدما بينما حيث يمين يسار تونس تركيا تمام".split())
# Far from the expression: a ي-imperfect, a future, or a ت-imperfect of the derived forms (تنطلق، تستضيف، تجتمع).
FAR_VERB = re.compile(f"^[وف]?(?:س?ي[{LETTERS}]{{2,}}|س?ت(?![{LETTERS}]ا)[{LETTERS}]{{4,}})$")
RELATIVES = frozenset("الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي".split())
# The nouns of acts after the ل of purpose (normalised): "لعقد قمة، الثلاثاء" lies after the verb before it.
# (Not nouns that verbs take after ل: "تعرض لإطلاق نار" was shot at.)
PURPOSE_NOUNS = frozenset("عقد اجراء بحث مناقشه حضور مشاركه المشاركه توقيع التوقيع زياره لقاء استقبال خوض مواجهه "
                          "ملاقاه".split())
# Words that open a clause of its own: after them the verb before is another clause's.
CLAUSE_HEADS = frozenset("ان وان بان انه انها انهم انهما وانه وانها بانه بانها بانهم بانهما الذي التي الذين اللذين اللتين "
                         "اللذان اللتان اللواتي اللاتي".split())
CLAUSE_OPENERS = frozenset("عندما وعندما حين وحين حينما وحينما بينما وبينما فيما وفيما حيث وحيث كما وكما قد وقد لقد لن ولن "
                           "لم ولم سوف وسوف الذي التي الذين".split())
CLAUSE_PUNCTUATION = frozenset("،,.;؛:!؟?()«»\"")


@dataclass(frozen=True, slots=True)
class Clauses:
    """An article's words as the segmenter cut them, read on the normalised view, to find their verbs."""

    view: str
    starts: Sequence[int]  # where each view character starts in ``raw``
    tokens: Sequence[Token]  # in raw offsets
    raw: str

    def verb_tense(self, index: int, window: int = WINDOW) -> int | None:
        """The tense of the nearest verb before view offset ``index`` in its clause: PAST, PRESENT, FUTURE or None.

        Punctuation right before the expression is passed over ("قالت الوزارة، الثلاثاء"); after a word,
        punctuation or "أن" closes the clause and nothing is found. Within ``NEAR`` words any verb-shaped
        word counts. Farther back only an imperfect or a future that opens its sentence or clause ("يعقد
        مجلس الجامعة اجتماعا طارئا الخميس"): inside a clause a word of a verb's shape is as often a name or
        a verbal noun ("هدف توتنهام", "تعامل الجيش"), a ت-word of four letters is as often a past (تغلّب)
        as a present (تلعب), and a past far off is the announcement's, not the date's ("وأعلنت الشركة عن
        إضراب جديد في 7 أيار": the strike lies ahead).
        """
        starts = self.starts
        raw = starts[index] if index < len(starts) else (starts[-1] + 1 if len(starts) else 0)
        position = bisect_left(self.tokens, raw, key=_start) - 1
        words, set_off = 0, False
        while position >= 0 and words < window:
            token = self.tokens[position]
            if token.kind is not TokenKind.WORD:
                if words and any(char in CLAUSE_PUNCTUATION for char in self._text(token.start, token.end)):
                    return None
                set_off = set_off or (not words and token.kind is TokenKind.PUNCT)
                position -= 1
                continue
            words += 1
            if self._purpose(token):
                return self._after_purpose(position, window - words)
            tense = self._tense_at(position, words)
            if tense is not None:
                # "وبدأ المجلس، الذي يعد بمثابة برلمان المنظمة أعماله، الاثنين": a relative clause set off
                # by commas is not the clause of the day after it
                return None if set_off and self._word_before(position) in RELATIVES else tense
            if self._text(token.start, token.end) in CLAUSE_HEADS:
                return None  # "أعلنت أن يوم غد هو أول أيام رمضان", "الحظر الذي أعلن في سبتمبر": a clause of its own
            position -= 1
        return None

    def _purpose(self, token: Token) -> bool:
        """Whether ``token`` is ل + the noun of an act: "لعقد قمة", "لإجراء محادثات", "لحضور نهائي الكأس"."""
        return (self._text(token.start, token.stem_start)[-1:] == "ل"
                and self._text(token.stem_start, token.stem_end) in PURPOSE_NOUNS)

    def _after_purpose(self, position: int, window: int) -> int:
        """A purpose lies after its main verb: ahead of a present or a future ("يتوجه إلى الرياض لعقد قمة الثلاثاء"),
        on the nearer side of a past or of none ("سافر إلى إيطاليا لحضور نهائي الكأس يوم الأربعاء")."""
        main = self.verb_tense(self.view_offset(self.tokens[position].start), max(window, NEAR))
        return FUTURE if main in (PRESENT, FUTURE) else PRESENT

    def view_offset(self, raw: int) -> int:
        return bisect_left(self.starts, raw)

    def _tense_at(self, position: int, words: int) -> int | None:
        if words <= NEAR:
            return self._tense_of(position)
        token = self.tokens[position]
        if not (self._opens_clause(position) and FAR_VERB.match(self._text(token.start, token.end))):
            return None
        tense = self._tense_of(position)
        return None if tense == PAST else tense

    def _opens_clause(self, position: int) -> bool:
        """Whether the word at ``position`` opens its sentence, a line, or a clause ("عندما يقود")."""
        if position == 0:
            return True
        before = self.tokens[position - 1]
        if before.kind is not TokenKind.WORD:
            return True
        return "\n" in self._text(before.end, self.tokens[position].start) or self._text(before.start, before.end) in CLAUSE_OPENERS

    def _tense_of(self, position: int) -> int | None:
        token = self.tokens[position]
        proclitic, stem = self._text(token.start, token.stem_start), self._text(token.stem_start, token.stem_end)
        whole = self._text(token.start, token.end)
        word = whole[1:] if whole[:1] in "وف" and whole[1:] in AUXILIARIES else whole
        if word in AUXILIARIES:
            if word in PAST_FRAMES and self._next_word(position) in PLAN_WORDS:
                return PRESENT  # "كان من المقرر", "كان مقررا": a plan, its day on either side
            return AUXILIARIES[word]
        if stem in NOT_VERBS or whole in NOT_VERBS or any(p in proclitic for p in NOT_BEFORE_VERBS):
            return None  # "لتشلسي", "بتوقيع": a preposition takes a noun; "ليضرب" is a purpose, no tense of its own
        if FUTURE_PROCLITIC in proclitic and IMPERFECT_STEM.match(stem):
            return FUTURE
        bare = stem == whole[len(proclitic) :]  # no pronoun suffix
        if bare and len(stem) == FORM_V_PAST_LETTERS and stem[0] == stem[-1] == "ت" and not stem.endswith("ات"):
            return PAST  # "تمكنت", "تعرضت" (not "تعريفات", "تسويتها", nor a Berber name: "تمنهنت")
        if (IMPERFECT_STEM.match(stem) and (len(stem) < LONGEST_STEM or stem.endswith(PLURAL_ENDINGS))
                and not self.raw[token.stem_start : token.stem_end].endswith(TA_MARBUTA)):
            return self._imperfect(position)
        if PAST_STEM.match(stem) and (stem.endswith("وا") or bare):
            return PAST  # "قالت", "أعلنوا"; not "ذروته", "حكومتها"
        return None

    def _imperfect(self, position: int) -> int | None:
        """An imperfect's tense, by the particle before it."""
        before = self._word_before(position)
        if before == "ان":  # "بعد أن تعرض" lies behind; "قبل أن تتوفى" has no tense of its own; "يفترض أن تنسحب" ahead
            return {"بعد": PAST, "قبل": None}.get(self._word_before(position - 1), PRESENT)
        if before in SUBJUNCTIVE:
            return None
        if before in NEGATED_PAST and self._word_before(position - 1) == "ما":
            return None  # "ما لم يتم صرفها بحلول 30 سبتمبر": unless, a condition with no tense of its own
        if before in NEGATED_PAST or before in PAST_FRAMES or before in AFTER_WHICH:
            return PAST  # "لم يحضر", "كان يعمل", "بعدما تعذر" (a past of the form تفعّل)
        if before == "قد":  # "وكان التنظيم قد تبنى": a past; "قد تزيد الإمدادات": may
            return PAST if self._after_past_frame(position - 1) else PRESENT
        return FUTURE if before == "لن" else PRESENT

    def _after_past_frame(self, position: int) -> bool:
        """Whether "كان" stands a few words before ``position`` ("وكان التنظيم قد تبنى")."""
        for back in range(position - 1, max(-1, position - 4), -1):
            token = self.tokens[back]
            if token.kind is TokenKind.WORD and _bare(self._text(token.start, token.end)) in PAST_FRAMES:
                return True
        return False

    def _word_before(self, position: int) -> str:
        if position <= 0 or self.tokens[position - 1].kind is not TokenKind.WORD:
            return ""
        word = self._text(self.tokens[position - 1].start, self.tokens[position - 1].end)
        return _bare(word) if len(word) > 2 else word

    def _next_word(self, position: int) -> str:
        """The word after a verb, past "من" ("كان من المقرر")."""
        for following in self.tokens[position + 1 : position + 3]:
            word = self._text(following.start, following.end)
            if word != "من":
                return word
        return ""

    def _text(self, start: int, end: int) -> str:
        """The view text of the raw range [start, end)."""
        return self.view[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _bare(word: str) -> str:
    return word[1:] if word[:1] in "وف" else word


def _start(token: Token) -> int:
    return token.start
