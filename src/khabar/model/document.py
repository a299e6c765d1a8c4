"""The Document: one article's text as read, and every annotation as offsets into it.

``Document.text`` never changes after reading. Every annotation is a ``start``/``end`` pair into it
(Python string indices, ``end`` exclusive). No annotation stores its own text, so text and offsets
cannot drift apart; references between layers are by id (``Quote.speaker_id`` -> ``Entity.id``).
All classes are frozen: a stage returns ``dataclasses.replace(doc, quotes=...)`` and cannot quietly
edit another stage's layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from khabar.errors import InvalidSpan
from khabar.model.normalised import Normalised


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``.

    >>> text = "قال لو دريان"
    >>> span = Span(4, 12)
    >>> text[span.start:span.end]
    'لو دريان'
    """

    start: int
    end: int  # exclusive

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise InvalidSpan(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def text_in(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start : self.end]


class TokenKind(StrEnum):
    """What a token is made of."""

    WORD = "word"  # Arabic letters (with any diacritics or tatweel)
    LATIN = "latin"  # Latin-script word
    NUMBER = "number"  # digits in any script, with decimal or thousands separators
    PUNCT = "punct"  # punctuation, including quotation marks and ".."
    SYMBOL = "symbol"  # anything else (%, $, emoji ...)


class Token(NamedTuple):
    """A token, with the sub-span of its stem (the token without attached clitics).

    ``[start, stem_start)`` holds proclitics (و ف ب ل ك س), ``[stem_end, end)`` pronoun suffixes.
    For "بالموصل" the token is the whole word and the stem is "الموصل".

    A NamedTuple rather than a validating dataclass: an article has hundreds of tokens and building
    them is the segmenter's hot path (0.24 µs against 0.9 µs each). Their invariants
    (``start <= stem_start < stem_end <= end``, sorted, inside sentences) are checked by
    ``check_offsets`` after the stage that makes them and by ``from_json`` at the edge.
    """

    start: int
    end: int
    kind: TokenKind
    stem_start: int
    stem_end: int

    @classmethod
    def plain(cls, start: int, end: int, kind: TokenKind = TokenKind.WORD) -> Token:
        """A token without clitics."""
        return cls(start, end, kind, start, end)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def stem(self) -> Span:
        return Span(self.stem_start, self.stem_end)

    @property
    def has_clitics(self) -> bool:
        return self.stem_start != self.start or self.stem_end != self.end


@dataclass(frozen=True, slots=True)
class Byline:
    """The article's first line when it names where and by whom: "باريس ـ المغرب اليوم".

    ``place`` is the dateline city, ``outlet`` the newspaper or agency, ``author`` a person.
    """

    span: Span
    place: Span | None = None
    outlet: Span | None = None
    author: Span | None = None


class EntityLabel(StrEnum):
    """What an entity is: a person, an organisation, a place, or another name (a nationality, an event, a work)."""

    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity named in the article, with all of its mentions clustered.

    ``label`` is PER, ORG, LOC or MISC; ``type`` a finer kind where known (country, city, ministry ...).
    ``canonical`` is the mention whose text is the entity's name (the fullest form in the text).
    ``roles`` are titles in apposition ("وزير الدفاع الفرنسي").
    """

    id: str
    label: str
    mentions: tuple[Span, ...]
    canonical: Span
    type: str | None = None
    roles: tuple[Span, ...] = ()


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class Quote:
    """A reported statement: its content, the reporting cue and who said it.

    ``speaker_id`` refers to an Entity; ``speaker`` is the speaker phrase in the text, kept also when
    it names no entity ("مصادر مطلعة"). ``None`` means unattributed.
    """

    id: str
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker_id: str | None = None
    speaker: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A LOC entity resolved to a point on the map (GeoNames where possible)."""

    entity_id: str
    name: str  # the gazetteer's name (English), not text from the article
    latitude: float
    longitude: float
    country_code: str | None
    feature: str  # country | admin | city | region | feature
    confidence: float
    geonames_id: int | None = None
    focus: bool = False  # one of the places where the news happens


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression with a TIMEX3-style type and value ("2016-10-25", "2016-W43", "PRESENT_REF")."""

    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str
    resolved: bool = False  # True when anchored to an absolute date (e.g. the publication date)


#: PLOVER's 18 event types (``shared/eval/events/plover_reference.html``), in its order.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class EventMode(StrEnum):
    """Whether the text reports an event as done, intended, threatened, denied or only imagined."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    THREATENED = "threatened"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention: who did what (a PLOVER type) to whom, where and when.

    ``trigger`` is the word or phrase naming the action ("غارات", "التقى"). ``actor_id``/``target_id``
    refer to entities; ``actor``/``target`` are the participant phrases in the text (kept also when
    they name no entity: "مسلحون"). ``place_id`` is a LOC entity; ``date`` a TIMEX3 value taken from the
    time expression ``date_span`` or, when the sentence has none, from the publication date.
    ``quote_id`` links a verbal event (a demand, a condemnation) to the quote that reports it.
    """

    id: str
    type: str  # one of EVENT_TYPES
    trigger: Span
    mode: EventMode = EventMode.OCCURRED
    actor_id: str | None = None
    actor: Span | None = None
    target_id: str | None = None
    target: Span | None = None
    place_id: str | None = None
    date: str | None = None
    date_span: Span | None = None
    quote_id: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A recoverable oddity in an article (an unbalanced «...»), noted instead of guessed or crashed on."""

    stage: str
    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """Where the article came from and what the reader learnt about it outside the text."""

    source: str = ""  # path, URL or "<stdin>"
    format: str = "text"  # text | html | json | feed | warc
    encoding: str | None = None  # the encoding the bytes were decoded with
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    outlet: str | None = None  # the publication ("المغرب اليوم", "Sky News Arabia")
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``text`` is the truth; every other field is offsets into it."""

    id: str
    text: str
    meta: Meta = Meta()
    byline: Byline | None = None
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # A derived view for matching; rebuilt from ``text``, so it takes no part in equality or JSON.
    normalised: Normalised | None = field(default=None, compare=False, repr=False)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; ``KeyError`` if there is none."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def text_of(self, span: Span | Token) -> str:
        """The characters a span or token covers."""
        return self.text[span.start : span.end]
