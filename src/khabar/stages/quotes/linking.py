"""Which entity a speaker phrase names: a person first, else the body it stands for; "البيان" speaks
for the body that issued it, "الوزارة" for the ministry named before; people who speak together
("آبي أحمد ورئيس إريتريا أسياسي أفورقي") each get the quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.stages.normalise import normalise_query
from khabar.stages.quotes.context import Mention, QuoteContext

_PREFERRED_LABELS = ("ORG", "LOC", "MISC")
ISSUER_SENTENCES = 4  # how far back the body that issued a communiqué may be named


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase (characters) and the entity it names, if any."""

    span: tuple[int, int] | None
    entity_id: str | None = None


def _best_mention(ctx: QuoteContext, first: int, mentions: list[Mention], end: int) -> Mention | None:
    """The person the phrase names, else the person its title stands for, else a body or place near its start."""
    people = [m for m in mentions if m.entity.label == "PER"]
    if people:
        return people[0]
    phrase_start = ctx.tokens[first][0] + (1 if ctx.has_conjunction(first) else 0)
    described = ctx.described_in(phrase_start, end)
    if described:
        return described[0]  # "الأمين العام لحزب الاستقلال": its holder speaks, not the party
    if ctx.word_is(first, "title"):
        return None  # "سفير دولة فلسطين في تونس": an unnamed holder of a title, not the state
    heads_org = any(ctx.word_is(first, c) for c in ("communique", "name_noun"))
    for label in _PREFERRED_LABELS:
        for mention in mentions:
            # "بيان لوزارة الخارجية" speaks for the ministry; "حزب آفاق تونس" is no voice of تونس
            near_start = mention.start - phrase_start <= 2 or heads_org and label != "LOC"
            if mention.entity.label == label and near_start:
                return mention
    return None


def coordinated(ctx: QuoteContext, first: int, last: int) -> list[Mention]:
    """Two or more people joined by و in one phrase ("آبي أحمد ورئيس إريتريا أسياسي أفورقي")."""
    start, end = ctx.span_chars(first, last)
    people: list[Mention] = []
    for mention in ctx.mentions_in(start, end):
        if mention.entity.label == "PER" and all(p.entity.id != mention.entity.id for p in people):
            people.append(mention)
    if len(people) < 2:
        return []
    for left, right in zip(people, people[1:], strict=False):
        between = [i for i in range(first, last + 1) if left.end <= ctx.tokens[i][0] <= right.start]
        if not any(ctx.norm(i).startswith("و") and ctx.has_conjunction(i) or ctx.norm(i) == "و" for i in between):
            return []
    return people


def link(ctx: QuoteContext, first: int, last: int, start: int | None = None) -> Speaker:
    """The speaker phrase over tokens ``first..last`` and the entity it names (a person first).

    ``start`` overrides where the phrase starts, after a glued clitic ("لوسائل" -> "وسائل").
    """
    chars = ctx.span_chars(first, last)
    if start is None and first > 0 and ctx.norm(first - 1) in ctx.lexicon.cues:
        start = ctx.tokens[first][0]  # "رجح فيصل خليفة": right after a verb ف/و is the name's, no conjunction
    start = chars[0] if start is None else start
    mention = _best_mention(ctx, first, ctx.mentions_in(start, chars[1]), chars[1])
    if mention is None:
        mention = described_entity(ctx, first, last) or issuer(ctx, first, last) or apposed_before(ctx, first, last)
    if mention is None and first + 1 < last and ctx.word_is(first, "communique") and ctx.norm(first + 1).startswith("ل"):
        start = ctx.tokens[first + 1][0]  # "بحث للمندوبية السامية للتخطيط": the body whose document it is
        # speaks (a name of more than one word; "بيان للوزارة" stays whole)
    return Speaker((start, chars[1]), mention.entity.id if mention else None)


def issuer(ctx: QuoteContext, first: int, last: int) -> Mention | None:
    """For "البلاغ"/"البيان" as speaker: the body that issued it, named in the last few sentences."""
    if not (ctx.word_is(first, "communique") or names_communique(ctx, first)
            or names_communique(ctx, first, "document_stem")):
        return None
    sentence = ctx.sentence_of(first)
    for earlier in range(sentence, max(-1, sentence - ISSUER_SENTENCES), -1):
        start, end = ctx.sentence_range(earlier)
        end = min(end, first - 1)
        for index in range(end, start - 1, -1):
            found = None
            if names_communique(ctx, index):
                found = _body_near(ctx, index, start, end)
            elif names_communique(ctx, index, "document_stem"):
                found = _owner(ctx, index, start, end)
            if found is not None:
                return found
    return None


def _owner(ctx: QuoteContext, index: int, start: int, end: int) -> Mention | None:
    """Whose report a word names, when the text says: "في تقريره" (the body named before it), "بحث أجرته"
    (idem), "تقرير أولي لمنظمة حظر الأسلحة" (the body after it); a report someone obtained is not theirs."""
    owned = ctx.norm(index).endswith(("ه", "ها")) or index + 1 <= end and ctx.norm(index + 1).endswith(("ته", "تها"))
    if owned:
        return _body_near(ctx, index, start, index)
    after = ctx.mentions_in(ctx.tokens[index][1], ctx.tokens[min(end, index + 3)][1])
    return next((m for m in after if m.entity.label == "ORG"), None)


def _body_near(ctx: QuoteContext, index: int, start: int, end: int) -> Mention | None:
    """The body or person named nearest a word naming a document, in its sentence or else in the one or
    two before ("أفاد بنك المغرب ... وأوضح البنك المركزي، في تقريره السنوي": the bank)."""
    bodies = [m for m in ctx.mentions_in(ctx.tokens[start][0], ctx.tokens[end][1]) if m.entity.label in ("ORG", "PER")]
    if bodies:
        return min(bodies, key=lambda m: abs(m.start - ctx.tokens[index][0]))
    sentence = ctx.sentence_of(start)
    first, _ = ctx.sentence_range(max(0, sentence - 2))
    before = [m for m in ctx.mentions_in(ctx.tokens[first][0], ctx.tokens[start][0]) if m.entity.label == "ORG"]
    return before[-1] if before else None


def described_entity(ctx: QuoteContext, first: int, last: int) -> Mention | None:
    """A definite description naming an earlier entity: "الوزارة" -> "وزارة الخارجية البريطانية"."""
    if last - first > 1:
        return None
    head = ctx.bare(first)
    if not head.startswith("ال") or len(head) < 5:
        return None
    noun = head[2:]
    earlier = [m for m in ctx.mentions if m.end <= ctx.tokens[first][0]]
    for mention in reversed(earlier):
        name = ctx.text[mention.start : mention.end]
        words = name.split()
        if len(words) > 1 and normalise_query(words[0]) in (noun, head):  # "وزارة ..." and "اللجنة الأولمبية ..."
            return mention
    return None



KIN = frozenset(normalise_query(w) for w in "ابن ابنة نجل نجلة والد والدة أب أم شقيق شقيقة أخ أخت زوج زوجة".split())
MAX_APPOSED_TITLES = 2  # "العاهل الأردني، الملك عبد الله الثاني": the title, a comma, the king's own title, the name


def apposed_before(ctx: QuoteContext, first: int, last: int) -> Mention | None:
    """For a title speaker ("العاهل الأردني"): the person the article named in apposition to the same title
    earlier ("أكد العاهل الأردني، الملك عبد الله الثاني، أن ..."; "عبد الله الثاني، العاهل الأردني،"); for a
    headline's speaker, anywhere in the article (the body names whom the headline titles)."""
    words = [i for i in range(first, last + 1) if ctx.is_word(i)]
    if not words or len(words) != last - first + 1 or len(words) == 1 and not ctx.word_is(first, "title"):
        return None  # a phrase of words, at least a title or a head and its adjective
    forms = [ctx.bare(i) for i in words]
    if forms[0] in KIN:
        return None  # "ابنة العميل المزدوج، سيرغي سكريبال، يوليا": the name in apposition is the father's
    size = len(forms)
    until = len(ctx) if ctx.in_headline(first) else first
    for start in _tokens_like(ctx, words[-1], until):
        start -= size - 1  # found by its last word (the first may carry و/ف or لـ)
        if start < 0 or start == first or [ctx.bare(i) for i in range(start, start + size)] != forms:
            continue
        if start > 0 and ctx.is_word(start - 1) and ctx.norm(start - 1) not in ctx.lexicon.cues:
            continue  # "المتحدث باسم الجيش الإسرائيلي، X": the same words inside a longer title
        found = _person_after(ctx, start + size) or _person_before(ctx, start)
        if found is not None:
            return found
    return None


def _tokens_like(ctx: QuoteContext, index: int, before: int) -> list[int]:
    """Tokens before token ``before`` written like token ``index`` (a string search, not a pass over tokens)."""
    written = ctx.chars(index)
    limit = ctx.tokens[before][0] if before < len(ctx) else len(ctx.text)
    found = []
    at = ctx.text.find(written, 0, limit)
    while at >= 0:
        token = ctx.token_at(at)
        if token is not None and ctx.tokens[token][0] == at and ctx.tokens[token][1] == at + len(written):
            found.append(token)
        at = ctx.text.find(written, at + 1, limit)
    return found


def _person_after(ctx: QuoteContext, index: int) -> Mention | None:
    if index < len(ctx) and ctx.is_punct(index, ",،"):
        index += 1
    for _ in range(MAX_APPOSED_TITLES + 1):
        if index >= len(ctx) or not ctx.is_word(index):
            return None
        named = [m for m in ctx.mentions_in(*ctx.span_chars(index, index)) if m.entity.label == "PER"]
        if named and named[0].start <= ctx.tokens[index][0] + 1:
            return named[0]
        if not ctx.word_is(index, "title"):
            return None
        index += 1
    return None


def _person_before(ctx: QuoteContext, index: int) -> Mention | None:
    comma = index - 1
    if comma < 1 or not ctx.is_punct(comma, ",،"):
        return None
    named = [m for m in ctx.mentions_in(*ctx.span_chars(comma - 1, comma - 1)) if m.entity.label == "PER"]
    return named[-1] if named and named[-1].end >= ctx.tokens[comma - 1][1] - 1 else None


def names_communique(ctx: QuoteContext, index: int, stems: str = "communique_stem") -> bool:
    """Whether a word names a communiqué ("بيانا", "ببلاغ", "البيان"), or with ``stems="document_stem"``
    a report or study ("تقريره", "بحث")."""
    form = ctx.bare(index)
    return any(0 <= form.find(stem) <= 3 for stem in ctx.lexicon.words.get(stems, ()))
