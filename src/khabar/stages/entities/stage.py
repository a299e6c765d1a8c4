"""The entity stage: tag names, cluster their mentions into entities, attach titles and finer types."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar, Protocol

from khabar.model import Document, Entity, Span, Token
from khabar.stages.byline import load_outlets
from khabar.stages.entities.coref import Cluster, Head, canonical, cluster_mentions, load_heads, name_words
from khabar.stages.entities.institutions import abbreviation_mentions, institution_mentions
from khabar.stages.entities.markup import outside_markup
from khabar.stages.entities.mentions import (
    Mention,
    byline_mentions,
    parenthesised_aliases,
    tagged_mentions,
    without_author,
)
from khabar.stages.entities.repairs import (
    CUE,
    copied_mentions,
    designated_places,
    merge_spellings,
    person_edges,
    quoted_works,
    split_coordinated,
    team_mentions,
    token_starts,
    without_known_prefix,
)
from khabar.stages.entities.roles import RoleFinder, load_titles
from khabar.stages.entities.rules import (
    STEM_MEMO_LIMIT,
    EntityRules,
    StemMemo,
    credits,
    known_name_mentions,
    load_rules,
    repair_places,
    token_stems,
    trim,
    words_of,
)
from khabar.stages.normalise import normalise_query
from khabar.stages.segment.cache import RecentCache
from khabar.stages.segment.clitics import shipped_vocab


class SequenceTagger(Protocol):
    """Anything that labels tokenised sentences with BIO tags (the shipped NerTagger does)."""

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


class PlaceFinder(Protocol):
    """Anything that adds LOC mentions the tagger missed (the places stage's PlaceMentionFinder does)."""

    def find(self, text: str, sentences: Sequence[Sequence[Token]], stems: Sequence[Sequence[str]],
             taken: Sequence[Mention]) -> list[Mention]: ...


def tokens_by_sentence(sentences: Sequence[Span], tokens: Sequence[Token]) -> list[list[Token]]:
    """The tokens of each sentence, in order (both layers are sorted): a token belongs to the first sentence
    that ends after it starts (tokens after the last sentence belong to none)."""
    starts = [token.start for token in tokens]
    cuts = [bisect_left(starts, sentence.end) for sentence in sentences]
    return [list(tokens[first:stop]) for first, stop in zip([0, *cuts], cuts, strict=False)]


# Which mention wins an overlap: the byline's structure, then the hand-kept names and venues (a building word
# with the name after it: khabar.stages.places.mentions), then the longer of the tagger's and the institution
# rule's, then parenthesised aliases, then the gazetteer's names in place-like contexts.
PRIORITY = {"byline": 0, "lexicon": 1, "venue": 1, "ner": 2, "rule": 2, "alias": 3, "designated": 3, "copy": 4}


def without_overlaps(mentions: Sequence[Mention]) -> list[Mention]:
    """Keep one mention wherever several overlap: by source (``PRIORITY``), then longer, then earlier."""
    kept: list[Mention] = []
    starts: list[int] = []  # the kept mentions' starts, in order: they never overlap, so their ends are in order too
    ends: list[int] = []
    for mention in sorted(mentions, key=lambda m: (PRIORITY.get(m.source, 4), m.start - m.end, m.start)):
        before = bisect_left(starts, mention.end)  # the kept mentions that start before this one ends
        if before and ends[before - 1] > mention.start:
            continue  # the last of them ends after this one starts: they overlap
        starts.insert(before, mention.start)
        ends.insert(before, mention.end)
        kept.append(mention)
    return sorted(kept)


JOINER = "_"  # hashtags join a name's words with it: "#الولايات_المتحدة", "#سيرغي_سكريبال"


def tag_joined(tagger: SequenceTagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """The tagger's labels, with the words of a hashtag read as the name they spell: the tagger sees a
    sentence without its joiners, and a joiner inside a name takes the name's label (an outside one: O)."""
    if not any(JOINER in words for words in sentences):
        return tagger.tag_many(sentences)
    kept = [[i for i, word in enumerate(words) if word != JOINER] for words in sentences]
    labels = tagger.tag_many([[words[i] for i in keep] for words, keep in zip(sentences, kept, strict=True)])
    out = []
    for words, keep, tags in zip(sentences, kept, labels, strict=True):
        if len(keep) == len(words):
            out.append(list(tags))
            continue
        full = ["O"] * len(words)
        for position, index in enumerate(keep):
            full[index] = tags[position]
        for index, word in enumerate(words):
            if word == JOINER and 0 < index < len(words) - 1 and full[index - 1] != "O" and full[index + 1].startswith("I-"):
                full[index] = full[index + 1]
        out.append(full)
    return out


class EntityTagger:
    """Fill ``entities``: each real-world entity once, with every mention, a canonical name, titles and a type."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "tokens", "sentences", "byline"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(self, tagger: SequenceTagger, heads: Mapping[str, Head], titles: frozenset[str], outlets: frozenset[str],
                 rules: EntityRules | None = None, places: PlaceFinder | None = None) -> None:
        self.tagger = tagger
        self.places = places  # gazetteer names in place-like contexts (khabar.stages.places.mentions)
        self.heads = heads
        self.roles = RoleFinder(titles)
        self.outlets = outlets
        self.rules = rules
        self._stems: StemMemo = RecentCache(STEM_MEMO_LIMIT)  # token_stems' memo, across articles
        self.counts = shipped_vocab()  # how common a one-word name is in news (copied_mentions)

    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> EntityTagger:
        """The stage with a NER model and the shipped lexicons: ``model_dir`` names a shipped model (``fast``,
        the default, or ``accurate``) or the directory of a trained one."""
        from khabar.stages.entities.tagger import load_tagger
        from khabar.stages.places.mentions import PlaceMentionFinder

        return cls(load_tagger(model_dir), load_heads(), load_titles(), load_outlets(), load_rules(),
                   PlaceMentionFinder.load())

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, entities=self.find(doc))

    def find(self, doc: Document) -> tuple[Entity, ...]:
        """The entities of ``doc``, numbered e1, e2 ... in order of first mention."""
        text = doc.text
        sentences = tokens_by_sentence(doc.sentences, doc.tokens)
        labels = tag_joined(self.tagger, [[text[t.start : t.end] for t in tokens] for tokens in sentences])
        tagged = outside_markup(text, tagged_mentions(sentences, labels, text))  # any model's: see markup.py
        found = without_author(self._candidates(text, sentences, tagged), doc.byline)
        credited = credits(text)  # (one scan of the text, not one per mention)
        found = [m for m in found if not any(a <= m.start < b for a, b in credited)]
        mentions = without_overlaps(found + byline_mentions(doc.byline))
        links = parenthesised_aliases(text, doc.tokens, mentions)
        mentions = without_overlaps(mentions + [alias for _, alias in links])
        starts = token_starts(doc.tokens)
        mentions = team_mentions(text, doc.tokens, quoted_works(text, doc.tokens, mentions, starts), starts)
        clusters = cluster_mentions(text, mentions, self.heads, links)
        if self.rules is not None:
            clusters = merge_spellings(clusters, self.rules.first_names)
        clusters = sorted(clusters, key=lambda c: min(c.mentions).start)
        firsts = [span.start for span in doc.sentences]
        return tuple(self._entity(f"e{n}", cluster, text, sentences, doc.sentences, firsts) for n, cluster in enumerate(clusters, 1))

    def _candidates(self, text: str, sentences: list[list[Token]], tagged: list[Mention]) -> list[Mention]:
        """The tagger's mentions (trimmed), plus known names and institution names (``rules.py``, ``institutions.py``)."""
        if self.rules is None:
            return tagged
        tagged = [t for m in tagged if (t := trim(text, m, self.rules)) is not None]
        tokens = [t for ts in sentences for t in ts]
        starts = token_starts(tokens)
        tagged = [t for m in split_coordinated(text, tokens, tagged, self.rules, starts)
                  if (t := person_edges(text, m, self.rules)) is not None]
        tagged = repair_places(text, sentences, tagged, self.rules, tokens, starts)
        stems = token_stems(text, sentences, self._stems)
        known = known_name_mentions(text, sentences, self.rules, stems)
        tagged = without_known_prefix(text, tagged, known)
        institutions = [t for m in institution_mentions(text, sentences, tagged + known, self.rules, stems)
                        if (t := trim(text, m, self.rules)) is not None]
        found = tagged + institutions + abbreviation_mentions(text, sentences)
        # a known name inside a longer mention ("الموصل" in "جامعة الموصل") defers to it; else it wins
        known = [k for k in known
                 if not any(m.start <= k.start and k.end <= m.end and (m.end - m.start > k.end - k.start or m.label == k.label)
                            for m in found)]
        places = self.places.find(text, sentences, stems, found + known) if self.places is not None else []
        places = [t for m in places if (t := trim(text, m, self.rules, adjectives=False)) is not None]  # "دون"
        taken = [*found, *known, *places]
        places += [t for m in designated_places(text, sentences, stems, self.counts)
                   if (t := trim(text, m, self.rules)) is not None
                   and not any(t.start < k.end and k.start < t.end for k in taken)]
        found = found + known + places
        return found + copied_mentions(text, sentences, stems, found, self.rules, self.counts)

    def _entity(self, entity_id: str, cluster: Cluster, text: str, sentences: list[list[Token]], spans: Sequence[Span],
                firsts: Sequence[int]) -> Entity:
        label = next((m.label for m in cluster.mentions if m.source == CUE), cluster.label)  # see repairs.py
        mentions = tuple(sorted({m.span for m in cluster.mentions}))
        roles: tuple[Span, ...] = ()
        if label == "PER":
            roles = tuple(sorted({r for m in mentions if (r := self._role(text, m, sentences, spans, firsts)) is not None}))
        return Entity(id=entity_id, label=label, mentions=mentions, canonical=canonical(cluster, text).span,
                      type=self._type(label, cluster, text), roles=roles)

    def _role(self, text: str, mention: Span, sentences: list[list[Token]], spans: Sequence[Span],
              firsts: Sequence[int]) -> Span | None:
        """The role of the person named at ``mention``, read in its sentence (``firsts``: the sentences' starts)."""
        index = bisect_right(firsts, mention.start) - 1
        if index >= 0 and mention.start < spans[index].end:
            return self.roles.role(text, sentences[index], mention)
        return None

    def _type(self, label: str, cluster: Cluster, text: str) -> str | None:
        if label == "PER":
            return "person"
        names = [text[m.start : m.end] for m in cluster.mentions]
        if label == "ORG" and any(normalise_query(n) in self.outlets for n in names):
            return "media"
        known = self.rules.names if self.rules is not None else {}
        for name in names:
            entry = known.get(words_of(name))
            if entry is not None and entry.label == label:
                return entry.type
        for name in names:
            words = name_words(name)
            head = self.heads.get(words[0]) if words else None
            if head is not None and head.label == label:
                return head.type
        return None
