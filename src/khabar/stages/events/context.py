"""One article as the event finder reads it: tokens with their normal forms, sentences, entity mentions
by token, quotes and time expressions, built once per document and thrown away after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from khabar.model import Document, Entity, Quote, Span, TimeExpression, TokenKind
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_rows

_WORD = TokenKind.WORD
_PUNCT = TokenKind.PUNCT
PARTICIPANT_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
ASIDE_WORDS = 6  # words a comma-delimited aside may hold ("، في كلمته بالمناسبة،")
COMMAS = frozenset({"،", ","})


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention as a range of tokens ``[first, last]``, with its entity."""

    first: int
    last: int
    entity: Entity
    span: Span


def _normal_forms(doc: Document) -> tuple[list[str], list[str]]:
    """Every token's normal form and its stem's, cut from the Document's normalised view (its map back
    says where each token starts), or normalised one by one when the Document has no view."""
    view, text = doc.normalised, doc.text
    if view is None:
        norms = [normalise_query(text[t[0] : t[1]]) if t[2] is _WORD else "" for t in doc.tokens]
        stems = [normalise_query(text[t[3] : t[4]]) if t[2] is _WORD else "" for t in doc.tokens]
        return norms, stems
    starts, normal = list(view.starts), view.text  # a list: bisect reads it faster than the view's array
    norms, stems = [], []
    last = 0  # tokens come in text order: each search starts where the previous token ended
    for start, end, kind, stem_start, stem_end in doc.tokens:
        if kind is not _WORD:
            norms.append("")
            stems.append("")
            continue
        first = bisect_left(starts, start, last)
        last = bisect_left(starts, end, first)
        form = normal[first:last]
        norms.append(form)
        stems.append(form if stem_start == start and stem_end == end
                     else normal[bisect_left(starts, stem_start, first, last) : bisect_left(starts, stem_end, first, last)])
    return norms, stems


def is_adjective(stem: str) -> bool:
    """Whether a word looks like a relative adjective (nisba): الجزائري، الفرنسية، الأوروبيين; not a noun
    in -ية ("المسؤولية", "القضية", "الولاية": the cue list ``not_adjective``, and -اية verbal nouns)."""
    if stem.endswith("يه"):
        return not stem.endswith("ايه") and stem not in _nouns_in_iya()
    if stem.endswith("يات"):
        return stem[:-2] + "ه" not in _nouns_in_iya()  # "العمليات", "الاتفاقيات"
    return stem.endswith(("ي", "يين", "يون"))


@cache
def _nouns_in_iya() -> frozenset[str]:
    """Nouns in -ية that are no adjective, normalised, with and without the article."""
    words = {normalise_query(w) for row in resource_rows(resource("events") / "cues.tsv")
             if row[0] == "not_adjective" for w in row[1].split()}
    return frozenset(words | {"ال" + w for w in words})


class EventContext:
    """Per-document lookups; token positions are indices into ``doc.tokens``."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.starts = [t[0] for t in doc.tokens]
        self.ends = [t[1] for t in doc.tokens]
        self.norms, self.stems = _normal_forms(doc)
        self.sentence_of = self._sentence_index(doc)
        self.mention_at: dict[int, Mention] = {}  # first token of a mention -> the mention
        self.mention_over: dict[int, Mention] = {}  # every token of a mention -> the mention
        byline = doc.byline.span if doc.byline is not None else None
        for entity in doc.entities:
            for span in entity.mentions:
                if byline is not None and byline.contains(span):
                    continue  # the outlet and dateline place are no participants
                first, last = self.token_index(span.start), self.token_index(span.end - 1)
                mention = Mention(first, last, entity, span)
                self.mention_at.setdefault(first, mention)
                for i in range(first, last + 1):
                    self.mention_over.setdefault(i, mention)
        self.role_over: dict[int, Mention] = {}  # every token of a title in apposition -> its person
        for entity in doc.entities:
            for span in entity.roles:
                first, last = self.token_index(span.start), self.title_end(self.token_index(span.start), self.token_index(span.end - 1))
                span = Span(span.start, max(span.start + 1, min(span.end, self.tokens[last][1])))
                for i in range(first, last + 1):
                    self.role_over.setdefault(i, Mention(first, last, entity, span))
        self.named = self._names(doc)
        self.heads = self._heads(doc)
        self.titled = self._titles(doc)
        self.quotes: tuple[Quote, ...] = doc.quotes
        self.times: tuple[TimeExpression, ...] = doc.times

    def title_end(self, first: int, last: int) -> int:
        """The last token of a title phrase: two definite nouns in a row start a new phrase ("الملكُ
        الحكومةَ": the king, then the government he calls on), an adjective goes on ("الرئيس الفرنسي")."""
        for at in range(first + 1, last + 1):
            if self.stems[at].startswith("ال") and self.stems[at - 1].startswith("ال") and not is_adjective(self.stems[at]):
                return at - 1
        return last

    def _names(self, doc: Document) -> dict[str, Entity]:
        """Normal forms that name one entity: its mentions' texts, and a person's last name alone
        ("العثماني" in a headline the tagger left unmarked names سعد الدين العثماني)."""
        names: dict[str, Entity | None] = {}
        for entity in doc.entities:
            if entity.label not in ("PER", "ORG"):
                continue
            forms = {normalise_query(doc.text_of(m)) for m in entity.mentions}
            if entity.label == "PER":
                forms |= {form.split()[-1] for form in forms if " " in form and len(form.split()[-1]) > 3}
            for form in forms:
                names[form] = entity if names.get(form, entity) is entity else None  # shared: no one
        return {form: entity for form, entity in names.items() if entity is not None}

    def _heads(self, doc: Document) -> dict[str, tuple[int, Entity]]:
        """An organisation's first word with the article, which names it after its full name ("لجنة
        العرائض ... اللجنة", "جبهة البوليساريو ... الجبهة"): normal form -> (its first mention's token, the
        organisation); a word that heads two organisations' names names neither."""
        heads: dict[str, tuple[int, Entity] | None] = {}
        for entity in doc.entities:
            if entity.label != "ORG":
                continue
            for span in entity.mentions:
                first = self.token_index(span.start)
                word = self.stems[first]
                if not word or word.startswith("ال") or self.token_index(span.end - 1) == first:
                    continue
                key, seen = "ال" + word, heads.get("ال" + word, (first, entity))
                heads[key] = None if seen is None or seen[1] is not entity else (min(first, seen[0]), entity)
        return {key: value for key, value in heads.items() if value is not None}

    def _titles(self, doc: Document) -> dict[str, Entity]:
        """Title phrases written before one person's name ("الملك محمد السادس", "رئيس الحكومة سعد الدين
        العثماني"), normalised: the same title alone later names that person."""
        titles: dict[str, Entity | None] = {}
        for entity in doc.entities:
            if entity.label != "PER":
                continue
            for span in entity.roles:
                first, last = self.token_index(span.start), self.token_index(span.end - 1)
                words = [self.stems[i] for i in range(first, last + 1) if self.stems[i]]
                for n in range(1, len(words) + 1):  # "رئيس الحكومه", and "رئيس" alone
                    form = " ".join(words[:n])
                    titles[form] = entity if titles.get(form, entity) is entity else None
        return {form: entity for form, entity in titles.items() if entity is not None}

    def _sentence_index(self, doc: Document) -> list[int]:
        """The sentence number of every token (tokens and sentences are both in text order)."""
        out = []
        number, following = 0, [s.start for s in doc.sentences[1:]] + [len(doc.text) + 1]
        for start in self.starts:
            while start >= following[number]:
                number += 1
            out.append(number)
        return out

    def __len__(self) -> int:
        return len(self.tokens)

    def token_index(self, offset: int) -> int:
        """The token holding character ``offset`` (or the one before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def sentence_range(self, index: int) -> tuple[int, int]:
        """The first and last token of token ``index``'s sentence."""
        number = self.sentence_of[index]
        first = bisect_left(self.sentence_of, number)
        last = bisect_right(self.sentence_of, number) - 1
        return first, last

    def norm(self, index: int) -> str:
        """The normal form of the whole token ("" for anything but a word)."""
        return self.norms[index]

    def stem(self, index: int) -> str:
        """The normal form of the token's stem (without attached clitics)."""
        return self.stems[index]

    def proclitic(self, index: int) -> str:
        """The normal form of what is attached before the stem ("و", "ب", "لل" ...)."""
        token = self.tokens[index]
        return normalise_query(self.text[token[0] : token[3]]) if token[3] > token[0] else ""

    def is_punct(self, index: int) -> bool:
        return self.tokens[index][2] is _PUNCT

    def punct_text(self, index: int) -> str:
        token = self.tokens[index]
        return self.text[token[0] : token[1]] if token[2] is _PUNCT else ""

    def aside_end(self, comma: int, last: int) -> int | None:
        """The comma closing the aside a comma at token ``comma`` opens, when one comes within
        ``ASIDE_WORDS`` words and by token ``last`` with no other punctuation between; else None."""
        if self.punct_text(comma) not in COMMAS or comma + 1 > last or self.is_punct(comma + 1):
            return None
        for index in range(comma + 2, min(last, comma + ASIDE_WORDS + 1) + 1):
            if self.is_punct(index):
                return index if self.punct_text(index) in COMMAS else None
        return None
