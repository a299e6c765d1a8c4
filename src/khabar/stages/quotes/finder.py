"""The quote stage: every reported statement (direct, indirect, mixed) with its cue and speaker.

Cues are found on the normalised view in one pass; each verb cue then looks right for its speaker
and content, participles (", مضيفا أن") continue the clause's speaker, nominal attributions
("وفقا لـ", "حسب") and headlines ("X: ...") add the quotes no verb introduces, and speakers left
implied ("وحذر من أن") are resolved last, in text order, from the quotes before them.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from khabar.model import Diagnostic, Document, Quote, QuoteKind, Span
from khabar.stages.normalise import normalise
from khabar.stages.quotes.content import clause_boundaries, quoted_chars
from khabar.stages.quotes.context import QuoteContext
from khabar.stages.quotes.draft import Draft
from khabar.stages.quotes.lexicon import Attribution, Cue, CueKind, QuoteLexicon
from khabar.stages.quotes.linking import Speaker
from khabar.stages.quotes.marks import unbalanced_diagnostics
from khabar.stages.quotes.nominal import (
    attribution_applies,
    headline_sentences,
    interview_sentences,
    read_attribution,
    read_headline,
)
from khabar.stages.quotes.postposed import postposed_drafts
from khabar.stages.quotes.resolve import resolve_implied
from khabar.stages.quotes.verbs import read_verb

STAGE = "quotes"
MIN_CONTINUED_WORDS = 4  # a shorter quotation standing alone is a title or a slogan, not a statement
Hit = tuple[int, Cue | Attribution]


def find_hits(ctx: QuoteContext) -> list[Hit]:
    """Every token that is a cue or an attribution lead, found on the normalised view in one pass."""
    doc = ctx.doc
    view = doc.normalised if doc.normalised is not None else normalise(doc.text)
    cues, attributions, doubtful = ctx.lexicon.cues, ctx.lexicon.attributions, ctx.lexicon.doubtful
    hits: list[Hit] = []
    for match in ctx.lexicon.finder.finditer(view.text):
        word = match.group()
        entry = cues.get(word) or doubtful.get(word) or attributions[word]
        index = ctx.token_at(view.starts[match.start()])
        if index is None or ctx.tokens[index][1] != view.ends[match.end() - 1]:
            continue
        if word in doubtful and word not in cues and not _confirmed(ctx, index, doubtful[word]):
            continue
        if isinstance(entry, Cue) or attribution_applies(ctx, index, entry):
            hits.append((index, entry))
    return hits


SHADDA = "\u0651"
CONFIRM_WINDOW = 3  # a doubtful participle's preposition may follow its object


def _confirmed(ctx: QuoteContext, index: int, cue: Cue) -> bool:
    """Whether a form that is mostly another word is a cue here: written with its shadda ("عبّر", "بيّن"),
    or a participle after a comma right before what it governs ("، داعية إلى", "، مطالبة بعقد")."""
    if SHADDA in ctx.chars(index):
        return True
    if cue.is_verb and _complement_follows(ctx, index):
        return True
    if cue.kind is not CueKind.PARTICIPLE or not ctx.is_punct(index - 1, ",،") or index + 1 >= len(ctx):
        return False
    for after in range(index + 1, min(len(ctx), index + 1 + CONFIRM_WINDOW)):  # "، داعية المواطنين إلى"
        if not ctx.is_word(after):
            return False
        form = ctx.norm(after)
        if form in cue.that_preps or form in cue.np_preps or ctx.exactly(after, "complementiser") or (
                "ب" in cue.np_preps and form.startswith("ب") and ctx.tokens[after][3] > ctx.tokens[after][0]):
            return True
    return False


STATEMENTS = ("تصريح", "بيان", "كلم", "حديث", "مقابل", "مؤتمر", "لقاء")  # "في تصريحات", "في كلمة", "في مؤتمر صحفي"
SUBJECT_WINDOW = 6  # "وبين البنك المركزي، أن": the subject between the verb and its complementiser


def _complement_follows(ctx: QuoteContext, index: int) -> bool:
    """Whether a verb form that is mostly another word ("بين": between) reports here: a complementiser right
    after it ("كما بين أن"), or, opening its sentence with و, after its subject and a comma ("وبين البنك
    المركزي، أن")."""
    if index + 1 < len(ctx) and ctx.exactly(index + 1, "complementiser"):
        return True
    if index + 2 < len(ctx) and ctx.norm(index + 1) == "في" and ctx.norm(index + 2).startswith(STATEMENTS):
        return True  # "بين في تصريحات له، الخميس، أن ...": where it was said, then what
    first, last = ctx.sentence_bounds(index)
    if index != first or not ctx.has_conjunction(index):
        return False
    for after in range(index + 2, min(last, index + 1 + SUBJECT_WINDOW)):
        if ctx.is_punct(after, ",،"):
            return ctx.exactly(after + 1, "complementiser")
        if not ctx.is_word(after):
            return False
    return False


def _overlaps(draft: Draft, drafts: list[Draft], cue_starts: list[int]) -> bool:
    """Whether a nominal or headline quote covers another quote, or a verb cue ("قال ...، بحسب X")."""
    start, end = draft.content
    if any(d.content[0] < end and start < d.content[1] for d in drafts):
        return True
    return any(start <= cue_start < end for cue_start in cue_starts)


RELAY_WINDOW = 12  # "ونقل البيان عن مدير الأمن العميد صالح السيد، قوله": the verbal noun follows its source


def _relayed(ctx: QuoteContext, index: int) -> bool:
    """Whether a verbal noun ("وقوله") follows a relaying "نقل ... عن X" or "عن X" in its sentence."""
    first, _ = ctx.sentence_bounds(index)
    return any(ctx.norm(i) == "عن" for i in range(max(first, index - RELAY_WINDOW), index))


RENEW_WINDOW = 10  # "وجدد البنك المركزي في ذات البلاغ، تأكيده على ..."


def _renewed(ctx: QuoteContext, index: int) -> bool:
    """Whether a verbal noun with its pronoun follows a verb of renewing ("جدد تأكيده على", "جددت دعوتها إلى"):
    the statement is made again, by the subject of that verb."""
    token = ctx.tokens[index]
    if token[4] >= token[1]:
        return False  # "تأكيده", not "التأكيد"
    first, _ = ctx.sentence_bounds(index)
    return any(ctx.word_is(i, "renews") for i in range(max(first, index - RENEW_WINDOW), index))


def _other_reading(ctx: QuoteContext, index: int, cue: Cue) -> Cue | None:
    """The cue a word is when its first letter is the conjunction و/ف rather than part of the verb."""
    form = ctx.norm(index)
    other = ctx.lexicon.cues.get(form[1:]) if form[:1] in "وف" and len(form) > 3 else None
    return other if other is not None and other.lemma != cue.lemma else None


def collect_drafts(ctx: QuoteContext) -> list[Draft]:
    """Every quote of the article, speakers not yet resolved."""
    hits = find_hits(ctx)
    boundaries = clause_boundaries(ctx, hits)
    drafts: list[Draft] = []
    consumed: set[int] = set()
    for index, entry in hits:
        if isinstance(entry, Cue) and index not in consumed:
            if entry.kind is CueKind.MASDAR and not (ctx.has_conjunction(index) and _relayed(ctx, index)) and not (
                    _renewed(ctx, index)):
                continue
            found = read_verb(ctx, index, entry, boundaries, consumed)
            other = _other_reading(ctx, index, entry)
            if not found and other is not None:  # "وردت الوزيرة أن": ردّ with و, not ورد "it was stated"
                found = read_verb(ctx, index, other, boundaries, consumed)
            drafts.extend(found)
    drafts += postposed_drafts(ctx, [(i, e) for i, e in hits if isinstance(e, Cue)], drafts)
    # a nominal quote may not cover a verb cue that reports ("قال ...، بحسب X"); one that reports nothing
    # ("أعلن تنظيم الدولة مقتل ...، بحسب ما أفادت الوكالة") is part of what the attribution reports
    voiced = {d.anchor for d in drafts}
    verbs = [ctx.span_chars(i, i)[0] for i, entry in hits if isinstance(entry, Cue) and entry.is_verb and i in voiced]
    for index, entry in hits:
        if isinstance(entry, Attribution) and index not in consumed:
            draft = read_attribution(ctx, index, entry, boundaries)
            if draft is not None and not _overlaps(draft, drafts, verbs):
                drafts.append(draft)
    lines = [(s, False) for s in headline_sentences(ctx)] + [(s, True) for s in interview_sentences(ctx)]
    for sentence, interview in lines:
        draft = read_headline(ctx, sentence, interview)
        if draft is not None and not _overlaps(draft, drafts, verbs):
            drafts.append(draft)
    drafts += continued_quotations(ctx, drafts)
    return drafts


def continued_quotations(ctx: QuoteContext, drafts: list[Draft]) -> list[Draft]:
    """A sentence that is one quotation, right after a sentence with a quote: the same speaker goes on.

    "وأضافت أنهم تعرضوا لمضايقات شديدة ...\n"اضطررنا للرحيل إلى منطقة أخرى ...".": no cue of its own.
    """
    quoted = {ctx.sentence_of(d.anchor) for d in drafts}
    found = []
    for sentence in range(1, ctx.sentence_count):
        first, last = ctx.sentence_range(sentence)
        close = ctx.close_of.get(first)
        if sentence - 1 not in quoted or close is None or close < last - 1 or last - close == 1 and not ctx.is_punct(last):
            continue
        chars = quoted_chars(ctx, first)
        words = sum(1 for i in range(first, close) if ctx.is_word(i))
        if chars and words >= MIN_CONTINUED_WORDS and not any(d.content[0] < chars[1] and chars[0] < d.content[1] for d in drafts):
            found.append(Draft(QuoteKind.DIRECT, chars, None, first, implied=True, last=close))
            quoted.add(sentence)  # a third paragraph of quotation goes on too
    return found


def _quotes(drafts: list[Draft]) -> tuple[Quote, ...]:
    """The Quote objects, in text order, numbered q1, q2 ...; a statement said twice by one speaker once."""
    seen: set[tuple[object, ...]] = set()
    quotes: list[Quote] = []
    for draft in sorted(drafts, key=lambda d: (d.content, d.anchor)):
        speaker = draft.speaker or Speaker(None)
        key = (draft.content, speaker.entity_id, speaker.span)
        if key in seen:
            continue
        seen.add(key)
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}",
            kind=draft.kind,
            content=Span(*draft.content),
            cue=Span(*draft.cue) if draft.cue else None,
            speaker_id=speaker.entity_id,
            speaker=Span(*speaker.span) if speaker.span else None,
        ))
    return tuple(quotes)


def find_quotes(doc: Document, lexicon: QuoteLexicon) -> tuple[tuple[Quote, ...], list[Diagnostic]]:
    """The quotes of ``doc`` and the diagnostics (unbalanced quotation marks) met on the way."""
    if not doc.tokens:
        return (), []
    ctx = QuoteContext(doc, lexicon)
    drafts = collect_drafts(ctx)
    resolve_implied(ctx, drafts)
    return _quotes(drafts), unbalanced_diagnostics(doc.text, ctx.unpaired, STAGE)


@dataclasses.dataclass(frozen=True, eq=False)
class QuoteFinder:
    """Find who said what: fill ``quotes`` and add diagnostics for unbalanced quotation marks.

    >>> from khabar.model import Document
    >>> from khabar.stages.normalise import Normaliser
    >>> from khabar.stages.segment import Segmenter
    >>> doc = Segmenter()(Normaliser()(Document(id="d", text="وقال الوزير إن الوضع مستقر.")))
    >>> doc = QuoteFinder()(doc)
    >>> [(doc.text_of(q.speaker), doc.text_of(q.content)) for q in doc.quotes]
    [('الوزير', 'إن الوضع مستقر')]
    """

    name: ClassVar[str] = STAGE
    requires: ClassVar[frozenset[str]] = frozenset({"text", "normalised", "sentences", "tokens", "entities"})
    provides: ClassVar[frozenset[str]] = frozenset({"quotes", "diagnostics"})

    lexicon: QuoteLexicon = dataclasses.field(default_factory=QuoteLexicon.load)

    def __call__(self, doc: Document) -> Document:
        quotes, diagnostics = find_quotes(doc, self.lexicon)
        return dataclasses.replace(doc, quotes=quotes, diagnostics=doc.diagnostics + tuple(diagnostics))
