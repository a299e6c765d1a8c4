"""One article as the title and description search reads it: tokens by index, their normalised stems
(remembered across articles in a bounded memo), and which person or other entity a token names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.model import Document, Entity, Normalised, Span, TokenKind
from khabar.stages.entities.roles import COMMAS, NISBA_ENDINGS
from khabar.stages.normalise import normalise_query
from khabar.stages.segment.cache import RecentCache
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter

QUOTE_MARKS = frozenset('"«»“”')
# Participles of derived verbs end like nisbas ("المنتهية ولايته", "المتحدة", "المستقلة") but name no
# nationality or affiliation
PARTICIPLE_PREFIXES = ("مت", "من", "مست")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A title or description: its tokens, its words (normalised, the article dropped) and its head."""

    first: int
    last: int
    words: tuple[str, ...]
    nisbas: frozenset[str] = frozenset()  # its words written as nisba adjectives (الليبي، الجزائرية)

    @property
    def head(self) -> str:
        return self.words[0]


MEMO_LIMIT = 20_000  # word forms the linker remembers normalised, per generation (news repeats its words)


def _form(memo: RecentCache[str, str], raw: str) -> str:
    form = memo.recent.get(raw) or memo.get(raw)
    if form is None:
        form = normalise_query(raw)
        memo.put(raw, form)
    return form


def bare(form: str) -> str:
    """A normalised word without the article ("الوزيره" -> "وزيره")."""
    return form[len(ARTICLE) :] if form.startswith(ARTICLE) and len(form) > len(ARTICLE) + 1 else form


class Article:
    """The tokens of one Document with their normalised stems, and where its entities are named."""

    def __init__(self, doc: Document, people: Sequence[Entity], memo: RecentCache[str, str]) -> None:
        self.text = doc.text
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.words = [t.kind is TokenKind.WORD for t in doc.tokens]
        self._memo = memo
        self._forms: dict[int, str] = {}
        self.owner: dict[int, Entity] = {}  # token index -> the person a mention over it names
        self.named: dict[int, Entity] = {}  # token index -> the entity of any label a mention over it names
        for entity in doc.entities:
            for mention in entity.mentions:
                for index in self.covered(mention):
                    self.named[index] = entity
        for entity in people:
            for mention in entity.mentions:
                for index in self.covered(mention):
                    self.owner[index] = entity

    def form(self, index: int) -> str:
        """The normalised stem of token ``index`` ("" for punctuation and numbers)."""
        found = self._forms.get(index)
        if found is None:
            token = self.tokens[index]
            found = _form(self._memo, self.text[token.stem_start : token.stem_end]) if self.words[index] else ""
            self._forms[index] = found
        return found

    def title_tokens(self, view: Normalised, finder: re.Pattern[str]) -> list[int]:
        """The tokens whose stem is a title word, found on the normalised view in one pass."""
        found = []
        for match in finder.finditer(view.text):
            at = view.starts[match.start(1)]
            index = bisect_right(self.starts, at) - 1
            token = self.tokens[index] if index >= 0 else None
            if token is not None and token.stem_start == at and token.stem_end == view.ends[match.end(1) - 1]:
                found.append(index)
        return found

    def covered(self, span: Span) -> range:
        first = bisect_left(self.starts, span.start)
        if first > 0 and self.tokens[first - 1].end > span.start:
            first -= 1
        return range(first, bisect_left(self.starts, span.end))

    def is_word(self, index: int) -> bool:
        return 0 <= index < len(self.words) and self.words[index]

    def has_object_preposition(self, index: int) -> bool:
        """Whether a word carries ب or ك, which open what follows a title ("وأشادت الوزيرة بالمبادرة")."""
        return self.has_clitic(index, "بك")

    def has_conjunction(self, index: int) -> bool:
        token = self.tokens[index]
        return token.stem_start > token.start and self.text[token.start] in "وف"

    def is_comma(self, index: int) -> bool:
        return 0 <= index < len(self.tokens) and self.text[self.tokens[index].start : self.tokens[index].end] in COMMAS

    def raw(self, index: int) -> str:
        """The stem of token ``index`` as written."""
        token = self.tokens[index]
        return self.text[token.stem_start : token.stem_end]

    def has_clitic(self, index: int, letters: str) -> bool:
        """Whether the splitter took one of ``letters`` off the front of the word ("بالمبادرة": ب)."""
        token = self.tokens[index]
        return token.stem_start > token.start and self.text[token.stem_start - 1] in letters

    def is_quote(self, index: int) -> bool:
        """Whether token ``index`` is a quotation mark."""
        return 0 <= index < len(self.tokens) and self.text[self.tokens[index].start : self.tokens[index].end] in QUOTE_MARKS

    def same_line(self, left: int, right: int) -> bool:
        return "\n" not in self.text[self.tokens[left].end : self.tokens[right].start]

    def span(self, first: int, last: int) -> Span:
        return Span(self.tokens[first].stem_start, self.tokens[last].end)

    def phrase(self, first: int, last: int) -> Phrase:
        indices = [i for i in range(first, last + 1) if self.form(i)]
        nisbas = frozenset(bare(self.form(i)) for i in indices[1:]
                           if self.text[self.tokens[i].stem_start : self.tokens[i].stem_end].endswith(NISBA_ENDINGS)
                           and not bare(self.form(i)).startswith(PARTICIPLE_PREFIXES))
        return Phrase(first, last, tuple(bare(self.form(i)) for i in indices), nisbas)


