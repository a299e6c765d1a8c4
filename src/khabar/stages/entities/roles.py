"""Titles in apposition to a person's name: "وزير الدفاع الفرنسي، جان إيف لو دريان" → the role
"وزير الدفاع الفرنسي"; also after the name: "جان إيف لو دريان، وزير الدفاع الفرنسي،"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from khabar.model import Span, Token, TokenKind
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_lines

MAX_ROLE_WORDS = 6
NISBA_ENDINGS = ("ي", "ية")  # as written: الليبي، الأممية (never "الأعلى", whose ى the normalised view makes ي)
# Prepositions a title may hold before the name it stands next to ("المبعوث الأممي إلى اليمن", "سفير المغرب لدى")
TITLE_PREPOSITIONS = frozenset(normalise_query(w) for w in "في إلى لدى".split())
COMMAS = frozenset("،,")
# Words that never sit inside a title: a role search stops at them ("قال كارتر" has no title).
BREAKS = frozenset(normalise_query(w) for w in (
    "في من على إلى الى عن مع أن إن أنه إنه قد لم لن لا كان كانت قال قالت أكد أكدت أعلن أعلنت أضاف أضافت "
    "ذكر ذكرت أشار أشارت التقى بين عند بعد قبل خلال حيث الذي التي الذين هو هي ثم كما أو"
).split())


def load_titles() -> frozenset[str]:
    """The normalised title words of ``resources/entities/titles.txt``."""
    return frozenset(normalise_query(line.strip()) for line in resource_lines(resource("entities", "titles.txt")))


class RoleFinder:
    """Find the title written next to a person mention."""

    def __init__(self, titles: frozenset[str]) -> None:
        self.titles = titles

    def is_title_word(self, form: str) -> bool:
        """Whether a normalised word opens a title ("الوزيره", "رئيس")."""
        return form in self.titles

    def _is_title(self, text: str, token: Token) -> bool:
        return normalise_query(text[token.stem_start : token.stem_end]) in self.titles

    def _is_break(self, text: str, token: Token) -> bool:
        return normalise_query(text[token.start : token.end]) in BREAKS

    def before(self, text: str, tokens: Sequence[Token], index: int) -> Span | None:
        """The title ending right before token ``index`` (a comma may sit between), if any.

        The title must run into the name: its last word is the title word itself, a definite word or a
        nisba adjective ("المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد"), never a verb or an indefinite
        noun ("وزير الخارجية الجزائري ذهب لزيارة حفتر" gives حفتر no title), and no line ends inside it.
        """
        end = index
        if end > 0 and text[tokens[end - 1].start : tokens[end - 1].end] in COMMAS:
            end -= 1
        for first in range(end - 1, max(end - 1 - MAX_ROLE_WORDS, -1), -1):
            if tokens[first].kind is not TokenKind.WORD or self._is_break(text, tokens[first]) and not (
                    first < end - 1 and self._is_title_preposition(text, tokens[first])):
                return None
            if self._is_title(text, tokens[first]):
                span = Span(tokens[first].stem_start, tokens[end - 1].end)
                return span if self._runs_into_name(text, tokens, first, end - 1) else None
        return None

    def _is_title_preposition(self, text: str, token: Token) -> bool:
        return normalise_query(text[token.start : token.end]) in TITLE_PREPOSITIONS

    def _runs_into_name(self, text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
        if "\n" in text[tokens[first].start : tokens[last].end]:
            return False
        if last == first:
            return True
        raw = text[tokens[last].stem_start : tokens[last].stem_end]
        form = normalise_query(raw)
        return form.startswith("ال") or raw.endswith(NISBA_ENDINGS)

    def after(self, text: str, tokens: Sequence[Token], index: int) -> Span | None:
        """The title right after a name ending before token ``index``, set off by a comma."""
        if index + 1 >= len(tokens) or text[tokens[index].start : tokens[index].end] not in COMMAS:
            return None
        first = index + 1
        if not self._is_title(text, tokens[first]):
            return None
        last = first
        while (last + 1 < len(tokens) and last + 1 - first < MAX_ROLE_WORDS
               and tokens[last + 1].kind is TokenKind.WORD and not self._is_break(text, tokens[last + 1])
               and "\n" not in text[tokens[last].end : tokens[last + 1].start]):
            last += 1
        return Span(tokens[first].stem_start, tokens[last].end)

    def role(self, text: str, tokens: Sequence[Token], mention: Span) -> Span | None:
        """The title next to ``mention`` (tokens of its sentence), before it first."""
        starts = [t.start for t in tokens]
        first = bisect_left(starts, mention.start)
        if first > 0 and tokens[first - 1].end > mention.start:
            first -= 1  # the mention starts inside a token (after a clitic)
        stop = bisect_left(starts, mention.end)
        return self.before(text, tokens, first) or self.after(text, tokens, stop)
