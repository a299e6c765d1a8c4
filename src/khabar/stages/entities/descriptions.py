"""Titles and descriptions that stand for a named person: "رئيس الحكومة" for سعد الدين العثماني, "الوزيرة"
for the minister named before, "الأمين العام لحزب الاستقلال" for نزار بركة.

The article itself says who holds which title: in apposition ("سعد الدين العثماني، رئيس الحكومة", "وزير
الخارجية ناصر بوريطة", "عبدالعزيز المسعد الأمين العام للجنة") or by predication ("X، الذي يشغل منصب ...").
A description elsewhere, a title word opening a definite phrase with no name beside it, is linked to the
person one of whose titles has the same head word in the same gender ("الوزيرة" is no "وزير"); the person
whose titles share most of its words wins, then the one named last before it. A nationality or affiliation
adjective other than the one the person's titles give rules them out ("رئيس الحكومة الإسباني" is not
"رئيس الحكومة المغربية"). Where nothing in the text supports a link the description stays unlinked: an unnamed
official is a right answer. Each linked description, and each title found, becomes a role of its entity.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from khabar.model import Document, Entity, Span
from khabar.stages.entities.article import ARTICLE, MEMO_LIMIT, Article, Phrase
from khabar.stages.entities.roles import BREAKS, MAX_ROLE_WORDS, RoleFinder, load_titles
from khabar.stages.entities.titled import (
    NameWords,
    find_titled_names,
    load_name_words,
    titled_people,
    with_surnames,
)
from khabar.stages.normalise import normalise, normalise_query
from khabar.stages.quotes.lexicon import ARABIC_LETTERS as LETTERS
from khabar.stages.segment.cache import RecentCache
from khabar.stages.trie import trie_pattern

# "X، الذي يشغل منصب وزير ..." / "التي تتولى رئاسة": a relative clause that gives a title
RELATIVES = frozenset(normalise_query(w) for w in "الذي التي".split())
HOLDS = frozenset(normalise_query(w) for w in "يشغل تشغل شغل شغلت يتولى تتولى تولى تولت".split())
OFFICE = frozenset(normalise_query(w) for w in "منصب مهام".split())
# Words a description shares with a title that say nothing about who it is
FUNCTION_WORDS = frozenset(normalise_query(w) for w in "في من على عن ب ل و ذاته ذاتها نفسه نفسها عينه عينها السابق السابقة".split())


def _title_end(article: Article, first: int) -> int:
    """The last token of a title or description opening at ``first``: words up to a break or a name."""
    last = first
    while (last + 1 < len(article.tokens) and last + 1 - first < MAX_ROLE_WORDS and article.is_word(last + 1)
           and article.form(last + 1) not in BREAKS and last + 1 not in article.owner
           and not article.has_object_preposition(last + 1)
           and "\n" not in article.text[article.tokens[last].end : article.tokens[last + 1].start]):
        last += 1
    return last


def _evidence(article: Article, roles: RoleFinder, entity: Entity) -> list[Phrase]:
    """The titles the article gives ``entity`` next to its mentions."""
    found = []
    for mention in entity.mentions:
        covered = article.covered(mention)
        if not covered:
            continue
        span = roles.before(article.text, article.tokens, covered.start) or roles.after(
            article.text, article.tokens, covered.stop)
        if span is not None:
            found.append(article.phrase(*_token_range(article, span)))
        after = covered.stop
        # "عبدالعزيز المسعد الأمين العام للجنة": a title with no comma between; but "ماكرون والملك" are two
        # people, and in "... آل نهيان المبعوث الأممي إلى اليمن إسماعيل" the title is the next name's
        if _is_title(article, roles, after) and not article.has_conjunction(after) and not _name_follows(article, after):
            found.append(article.phrase(after, _title_end(article, after)))
        held = _held_office(article, roles, after)
        if held is not None:
            found.append(held)
    return found


def _name_follows(article: Article, first: int) -> bool:
    """Whether a person is named after ``first`` before the clause's next punctuation (a title before a name)."""
    for index in range(first, min(len(article.tokens), first + MAX_ROLE_WORDS + 3)):
        if index in article.owner:
            return True
        if not article.is_word(index):
            return False
    return False


def _token_range(article: Article, span: Span) -> tuple[int, int]:
    tokens = article.covered(span)
    return tokens.start, tokens.stop - 1


def _held_office(article: Article, roles: RoleFinder, after: int) -> Phrase | None:
    """"X، الذي يشغل منصب وزير ...": the office a relative clause after a name gives."""
    index = after + 1 if article.is_comma(after) else after
    size = len(article.tokens)
    if index + 2 >= size or article.form(index) not in RELATIVES or article.form(index + 1) not in HOLDS:
        return None
    title = index + 3 if article.form(index + 2) in OFFICE else index + 2
    if title >= size or not article.is_word(title):
        return None
    return article.phrase(title, _title_end(article, title))


def _is_title(article: Article, roles: RoleFinder, index: int) -> bool:
    return article.is_word(index) and roles.is_title_word(article.form(index))


def _descriptions(article: Article, titles: list[int], taken: set[int]) -> list[Phrase]:
    """Definite phrases opened by a title word, with no name beside them (those are appositions)."""
    found: list[Phrase] = []
    for index in titles:
        if index in taken or index in article.owner or found and index <= found[-1].last:
            continue
        last = _title_end(article, index)
        definite = (article.form(index).startswith(ARTICLE) or last > index and article.form(index + 1).startswith(ARTICLE)
                    or last > index and (article.form(last).startswith(ARTICLE) or last in article.named))  # "وزير خارجية الأردن"
        if definite and not _beside_a_name(article, index, last) and not taken.intersection(range(index, last + 1)):
            found.append(article.phrase(index, last))
    return found


def _beside_a_name(article: Article, first: int, last: int) -> bool:
    before = first - 2 if article.is_comma(first - 1) else first - 1
    after = last + 2 if article.is_comma(last + 1) else last + 1
    return before in article.owner or after in article.owner


def _clashes(description: Phrase, titles: Sequence[Phrase]) -> bool:
    """Whether the description has a nationality or affiliation adjective other than the titles' own
    ("رئيس الحكومة الإسباني" is not "رئيس الحكومة المغربية"; "الوزيرة الألمانية" may be "وزيرة العمل")."""
    known = {word for title in titles for word in title.nisbas}
    return bool(known) and any(word not in known for word in description.nisbas)


def _score(description: Phrase, titles: Sequence[Phrase]) -> int:
    """How many words a description shares with the best of a person's titles; 0 when no head matches."""
    best = 0
    for title in titles:
        if description.head in title.words:
            shared = {w for w in description.words if w not in FUNCTION_WORDS} & set(title.words)
            best = max(best, len(shared))
    return best if best and not _clashes(description, titles) else 0


def _last_named_before(article: Article, entity: Entity, position: int) -> int:
    """Where ``entity`` was last named before ``position`` (-1 if not before it)."""
    return max((m.start for m in entity.mentions if m.start < position), default=-1)


def _link(article: Article, description: Phrase, titles: dict[str, list[Phrase]], people: Sequence[Entity]) -> Entity | None:
    """The person a description stands for: one named before it (a headline's, also one named after it)."""
    position = article.tokens[description.first].start
    headline = "\n" not in article.text[:position] and "\n" in article.text[position:]
    ranked = [(_score(description, titles[e.id]), _last_named_before(article, e, position), e) for e in people]
    ranked = [r for r in ranked if r[0] > 0 and (r[1] >= 0 or headline)]
    if not ranked:
        return None
    return max(ranked, key=lambda r: (r[0], r[1]))[2]


def title_finder(titles: Iterable[str]) -> re.Pattern[str]:
    """A pattern of the normalised view matching each title word, after any و/ف and ب/ل/ك (group 1)."""
    pattern = trie_pattern(sorted(titles))
    return re.compile(f"(?<![{LETTERS}])[وف]?[بلك]?({pattern})(?![{LETTERS}])")


def link_descriptions(doc: Document, people: Sequence[Entity], roles: RoleFinder, finder: re.Pattern[str],
                      memo: RecentCache[str, str] | None = None) -> dict[str, set[Span]]:
    """For each person of ``doc``: the spans of its titles and of the descriptions that stand for it."""
    article = Article(doc, people, memo if memo is not None else RecentCache(MEMO_LIMIT))
    view = doc.normalised if doc.normalised is not None else normalise(doc.text)
    return _link_all(article, article.title_tokens(view, finder), roles, people)


def _link_all(article: Article, title_tokens: list[int], roles: RoleFinder, people: Sequence[Entity]) -> dict[str, set[Span]]:
    titles = {e.id: _evidence(article, roles, e) for e in people}
    found: dict[str, set[Span]] = {e.id: {article.span(t.first, t.last) for t in titles[e.id]} for e in people}
    taken = {i for phrases in titles.values() for t in phrases for i in range(t.first, t.last + 1)}
    for description in _descriptions(article, title_tokens, taken):
        entity = _link(article, description, titles, people)
        if entity is not None:
            found[entity.id].add(article.span(description.first, description.last))
    return found


@dataclasses.dataclass(frozen=True, eq=False)
class DescriptionLinker:
    """Give each person the titles and descriptions that stand for it (``Entity.roles``).

    >>> from khabar.model import Document, Entity, Span
    >>> from khabar.stages.normalise import Normaliser
    >>> from khabar.stages.segment import Segmenter
    >>> text = "قال سعد الدين العثماني، رئيس الحكومة، إن الوضع مستقر. وأضاف رئيس الحكومة أن الحجر لن يعود."
    >>> doc = Segmenter()(Normaliser()(Document(id="d", text=text)))
    >>> doc = dataclasses.replace(doc, entities=(Entity("e1", "PER", (Span(4, 22),), Span(4, 22)),))
    >>> [doc.text_of(r) for r in DescriptionLinker()(doc).entities[0].roles]
    ['رئيس الحكومة', 'رئيس الحكومة']
    """

    name: ClassVar[str] = "descriptions"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "normalised", "tokens", "entities"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    roles: RoleFinder = dataclasses.field(default_factory=lambda: RoleFinder(load_titles()))
    memo: RecentCache[str, str] = dataclasses.field(default_factory=lambda: RecentCache(MEMO_LIMIT), repr=False)
    # people the tagger missed, named after their title ("وزيرة الاقتصاد الألمانية بريجيته تسيبريز"); None: none
    names: NameWords | None = dataclasses.field(default_factory=lambda: load_name_words(load_titles()), repr=False)
    finder: re.Pattern[str] = dataclasses.field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finder", title_finder(self.roles.titles))

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        people = [e for e in doc.entities if e.label == "PER"]
        article = Article(doc, people, self.memo)
        view = doc.normalised if doc.normalised is not None else normalise(doc.text)
        title_tokens = article.title_tokens(view, self.finder)
        if self.names is not None:
            names = find_titled_names(article, title_tokens, self.roles.titles, self.names)
            entities = with_surnames(article, titled_people(article, names, doc.entities, self.names), self.names)
            if entities != doc.entities:
                doc = dataclasses.replace(doc, entities=entities)
                people = [e for e in doc.entities if e.label == "PER"]
                article = Article(doc, people, self.memo)
        if not people:
            return doc
        found = _link_all(article, title_tokens, self.roles, people)
        entities = tuple(_with_roles(e, found.get(e.id, set())) for e in doc.entities)
        return dataclasses.replace(doc, entities=entities)


def _with_roles(entity: Entity, spans: set[Span]) -> Entity:
    if not spans - set(entity.roles):
        return entity
    return dataclasses.replace(entity, roles=tuple(sorted(set(entity.roles) | spans)))

