"""One article as the quote finder reads it: tokens by index, their normalised forms, sentences,
paired quotation marks and entity mentions, built once per document and thrown away after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from khabar.model import Document, Entity, TokenKind
from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.lexicon import CONJUNCTIONS, QuoteLexicon
from khabar.stages.quotes.marks import pair_marks

if TYPE_CHECKING:
    from khabar.stages.quotes.opener import Opener

DAMMA = "\u064f"
SHADDA = "\u0651"
PREPOSITIONS = frozenset(normalise_query(w) for w in "في من على عن إلى مع حول لدى ضد دون عبر بعد قبل".split())
HEADLINE_LINES = 3  # a headline is among the first lines (after a byline such as "موسكو – أسوشيتدر برس")
_PUNCT = TokenKind.PUNCT
_WORD = TokenKind.WORD


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention, as a character range, with the entity it names."""

    start: int
    end: int
    entity: Entity


class QuoteContext:
    """Per-document lookups for the quote finder; token positions are indices into ``doc.tokens``."""

    def __init__(self, doc: Document, lexicon: QuoteLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lexicon = lexicon
        self.starts = [token[0] for token in doc.tokens]
        self._norms: dict[int, str] = {}
        self.openers: dict[tuple[int, int, int], Opener | None] = {}  # (cue token, id(cue), limit) -> find_opener's
        self._sentence_first, self._sentence_last = self._sentence_ranges(doc)
        pairs, self.unpaired = pair_marks(doc.text)
        self.close_of: dict[int, int] = {}  # token of an opening mark -> token of its closing mark
        for open_at, close_at in pairs:
            first, last = self.token_at(open_at), self.token_at(close_at)
            if first is not None and last is not None:
                self.close_of[first] = last
        self.open_of = {close: open_ for open_, close in self.close_of.items()}
        self.mentions = sorted(
            (Mention(m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda m: m.start
        )
        self._mention_starts = [m.start for m in self.mentions]
        self._entities = {e.id: e for e in doc.entities}
        self._headlines: int | None = None
        # titles and descriptions that stand for a person ("رئيس الحكومة" for the head of government named before)
        self.described = sorted(
            (Mention(r.start, r.end, e) for e in doc.entities if e.label == "PER" for r in e.roles), key=lambda m: m.start
        )

    def _sentence_ranges(self, doc: Document) -> tuple[list[int], list[int]]:
        if not doc.sentences:
            return ([0], [len(self.tokens) - 1]) if self.tokens else ([], [])
        first = [bisect_left(self.starts, s.start) for s in doc.sentences]
        last = [bisect_left(self.starts, s.end) - 1 for s in doc.sentences]
        return first, last

    # ---------------------------------------------------------------- tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def token_at(self, offset: int) -> int | None:
        """The index of the token starting exactly at character ``offset``, if any."""
        index = bisect_left(self.starts, offset)
        return index if index < len(self.starts) and self.starts[index] == offset else None

    def norm(self, index: int) -> str:
        """The normalised form of token ``index`` ("" for punctuation and numbers)."""
        form = self._norms.get(index)
        if form is None:
            if index < 0:
                return ""
            token = self.tokens[index]
            form = normalise_query(self.text[token[0] : token[1]]) if token[2] is _WORD else ""
            self._norms[index] = form
        return form

    def bare(self, index: int) -> str:
        """The normalised form without a leading و/ف when the rest is a known word of any class."""
        form = self.norm(index)
        if len(form) > 2 and form[0] in CONJUNCTIONS and self.has_conjunction(index):
            return form[1:]
        return form

    def has_conjunction(self, index: int) -> bool:
        """Whether token ``index`` starts with an attached و/ف (as the segmenter split it, or before a cue)."""
        token = self.tokens[index]
        if token[2] is not _WORD or self.text[token[0]] not in CONJUNCTIONS:
            return False
        return token[3] > token[0] or self.norm(index)[1:] in self.lexicon.cues

    def chars(self, index: int) -> str:
        token = self.tokens[index]
        return self.text[token[0] : token[1]]

    def is_punct(self, index: int, marks: str | None = None) -> bool:
        if index < 0:
            return False
        token = self.tokens[index]
        return token[2] is _PUNCT and (marks is None or self.text[token[0] : token[1]] in marks)

    def is_word(self, index: int) -> bool:
        return index >= 0 and self.tokens[index][2] is _WORD

    def glued(self, left: int, right: int) -> bool:
        """Whether tokens ``left`` and ``right`` touch (no space between them)."""
        return self.tokens[left][1] == self.tokens[right][0]

    def word_is(self, index: int, word_class: str) -> bool:
        """Whether token ``index`` (with or without a leading و/ف) belongs to ``word_class``."""
        words = self.lexicon.words.get(word_class, ())
        form = self.norm(index)
        return bool(form) and (form in words or (form[0] in CONJUNCTIONS and form[1:] in words))

    def exactly(self, index: int, word_class: str) -> bool:
        """Whether token ``index`` itself, conjunction and all, belongs to ``word_class``."""
        return self.norm(index) in self.lexicon.words.get(word_class, ())

    def is_passive_past(self, index: int) -> bool:
        """Whether a past verb carries the passive's damma on its first letter ("كُتب", "أُعلن").

        Only the past shows it: an active present of form II-IV has a damma on its prefix too (يُضيف).
        """
        token = self.tokens[index]
        start = token[0] + (1 if self.has_conjunction(index) else 0)
        return self.text[start + 1 : start + 2] == DAMMA

    def is_passive_present(self, index: int, lemma: str) -> bool:
        """Whether a present verb carries the passive's damma on its prefix ("يُعتقد", "يُقال"): only a verb
        whose active present takes a fatha there (form I, VII, VIII, X: its past does not open with أ) and
        that bears no shadda (form II, "يُؤكّد", is active)."""
        if lemma.startswith("أ"):
            return False
        token = self.tokens[index]
        start = token[0] + (1 if self.has_conjunction(index) else 0)
        return self.text[start + 1 : start + 2] == DAMMA and SHADDA not in self.text[start : token[1]]

    def after_preposition(self, index: int) -> bool:
        """Whether token ``index`` follows a preposition written as a word ("عن أسفه", "في ظل")."""
        return index > 0 and self.norm(index - 1) in PREPOSITIONS

    def phrase_is(self, index: int, word_class: str, length: int = 2) -> bool:
        """Whether the ``length`` words starting at ``index`` form an entry of ``word_class``."""
        if index < 0 or index + length > len(self.tokens):
            return False
        words = " ".join(self.norm(i) for i in range(index, index + length))
        entries = self.lexicon.words.get(word_class, ())
        return words in entries or (words[:1] in CONJUNCTIONS and words[1:] in entries)

    # ---------------------------------------------------------------- sentences and quotations

    def sentence_of(self, index: int) -> int:
        return max(0, bisect_right(self._sentence_first, index) - 1)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and last token index of the sentence holding token ``index``."""
        sentence = self.sentence_of(index)
        return self._sentence_first[sentence], self._sentence_last[sentence]

    def sentence_range(self, sentence: int) -> tuple[int, int]:
        return self._sentence_first[sentence], self._sentence_last[sentence]

    @property
    def sentence_count(self) -> int:
        return len(self._sentence_first)

    @property
    def headline_sentence_count(self) -> int:
        """How many sentences stand in the first few non-empty lines, where a headline may be."""
        if self._headlines is None:
            text, end, lines = self.text, 0, 0
            while lines < HEADLINE_LINES and end < len(text):
                newline = text.find("\n", end)
                line_end = len(text) if newline < 0 else newline
                lines += bool(text[end:line_end].strip())
                end = line_end + 1
            count = 0
            while count < self.sentence_count and self.tokens[self.sentence_range(count)[0]][0] < end:
                count += 1
            self._headlines = count
        return self._headlines

    def in_headline(self, index: int) -> bool:
        """Whether token ``index`` stands in a headline line: no full stop at its end, among the first lines."""
        sentence = self.sentence_of(index)
        _, last = self.sentence_range(sentence) if sentence < self.sentence_count else (0, -1)
        return sentence < self.headline_sentence_count and not self.is_punct(last, ".!?\u061f")

    def enclosing_quotation(self, index: int) -> tuple[int, int] | None:
        """The innermost paired quotation (opening, closing token) strictly around token ``index``."""
        best = None
        for open_at, close_at in self.close_of.items():
            if open_at < index < close_at and (best is None or open_at > best[0]):
                best = (open_at, close_at)
        return best

    # ---------------------------------------------------------------- entities

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping the character range ``[start, end)``, in text order."""
        out = []
        index = max(0, bisect_left(self._mention_starts, start) - 8)  # a mention may start a little before
        for mention in self.mentions[index:]:
            if mention.start >= end:
                break
            if mention.end > start:
                out.append(mention)
        return out

    def entity_of(self, entity_id: str) -> Entity | None:
        """The entity with this id, if the Document has it."""
        return self._entities.get(entity_id)

    def described_in(self, start: int, end: int) -> list[Mention]:
        """Titles and descriptions of people that start inside ``[start, end)``, in text order."""
        return [m for m in self.described if start <= m.start < end]

    def span_chars(self, first: int, last: int) -> tuple[int, int]:
        """Characters of tokens ``first..last``, leaving out a conjunction و/ف attached to the first."""
        start = self.tokens[first][0]
        if self.has_conjunction(first):
            start += 1
        return start, self.tokens[last][1]
