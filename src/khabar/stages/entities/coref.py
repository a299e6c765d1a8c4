"""In-document coreference: cluster mentions that name the same entity and pick its canonical name.

Rules, all on the normalised view of each mention's words:
  * the same name, whatever label the tagger gave each occurrence (the majority label wins);
  * a person's shorter name is a run of words of a fuller name: "لو دريان" ~ "جان إيف لو دريان";
    a short name goes to the most recent person it fits (two "كامبل" in one article);
  * an organisation's shorter name is a run of words of a longer one, or the longer one is the shorter
    with a head word that may be dropped: "داعش" ~ "تنظيم داعش", "وزارة الخارجية" ~ "وزارة الخارجية البريطانية";
  * a place's shorter name starts the longer one and only adjectives follow it ("الولايات المتحدة" ~
    "الولايات المتحدة الأمريكية"; not "الجزائر" ~ "الجزائر العاصمة", the capital), or the
    longer one opens with a place head word ("المملكة العربية السعودية" ~ "السعودية", "مدينة الموصل");
  * a name followed by a parenthesised alias: "تنظيم الدولة الإسلامية (داعش)".
The canonical name is the fullest mention (most words, then most letters, then first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from khabar.stages.entities.mentions import Mention
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_rows
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter

_NOT_A_LETTER = re.compile(r"[^\w]+|_")  # a hashtag's joiner separates words too
LAM_LAM = "لل"
# Words too common in names to link a mention on their own ("بن", "عبد" ...).
# ("أبي" is left out: normalised it is "ابي", which is also the name آبي.)
NAME_PARTICLES = frozenset(normalise_query(w) for w in "بن ابن بنت أبو أم آل ال عبد دي دو دا فون فان لا لو دل ديل".split())


@dataclass(frozen=True, slots=True)
class Head:
    """A head word that opens names of one kind: "وزارة" opens ministries."""

    label: str
    type: str
    droppable: bool


def load_heads() -> dict[str, Head]:
    """The head-word table (``resources/entities/heads.tsv``), keyed by normalised word."""
    heads = {}
    for word, label, kind, droppable in resource_rows(resource("entities", "heads.tsv")):
        heads[normalise_query(word)] = Head(label, kind, droppable.strip() == "1")
    return heads


def name_words(text: str) -> tuple[str, ...]:
    """The normalised words of a name, punctuation dropped; a name written after the preposition ل keeps
    that lam in its mention ("للعراق", see ``mentions.name_start``) and is read with its article.

    >>> name_words("جان-إيف لو دريان"), name_words("للعراق")
    (('جان', 'ايف', 'لو', 'دريان'), ('العراق',))
    """
    words = [w for w in _NOT_A_LETTER.split(normalise_query(text)) if w]
    if words and words[0].startswith(LAM_LAM) and len(words[0]) > len(LAM_LAM) + 2:
        words[0] = ARTICLE + words[0][len(LAM_LAM) :]
    return tuple(words)


def _run_at(short: tuple[str, ...], long: tuple[str, ...]) -> int:
    """Where ``short`` occurs as a run of words in ``long``; -1 if it does not."""
    size = len(short)
    for start in range(len(long) - size + 1):
        if long[start : start + size] == short:
            return start
    return -1


def _informative(words: tuple[str, ...], heads: Mapping[str, Head]) -> bool:
    return any(w not in NAME_PARTICLES and w not in heads and len(w) >= 2 for w in words)


def same_entity(label: str, a: tuple[str, ...], b: tuple[str, ...], heads: Mapping[str, Head]) -> bool:
    """Whether two names of one label name the same entity by the rules in the module docstring.

    >>> same_entity("PER", ("لو", "دريان"), ("جان", "ايف", "لو", "دريان"), {})
    True
    >>> same_entity("LOC", ("العراق",), ("كردستان", "العراق"), {})
    False
    >>> same_entity("LOC", ("العراق",), ("اقليم", "كردستان", "العراق"), {"اقليم": Head("LOC", "region", True)})
    False
    >>> same_entity("LOC", ("الجزائر",), ("الجزائر", "العاصمه"), {})
    False
    """
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long) or not _informative(short, heads):
        return False
    at = _run_at(short, long)
    if at < 0:
        return False
    if label in ("PER", "ORG"):
        return True
    if label != "LOC":
        return False
    if at == 0:  # only adjectives may follow: "الولايات المتحدة الأمريكية", not "الجزائر العاصمة" (the
        return all(_adjective(w) for w in long[len(short) :])  # capital) nor "الداخلة وادي الذهب" (the region)
    head = heads.get(long[0])
    # after a place head, only adjectives may come before the name: "مدينة الموصل", "المملكة العربية
    # السعودية"; "العراق" is not "إقليم كردستان العراق"
    return head is not None and head.label == "LOC" and all(_adjective(w) for w in long[1:at])


def _adjective(word: str) -> bool:
    """Whether a normalised word reads as a nisba adjective ("العربيه", "الامريكي")."""
    return word.endswith(("ي", "يه"))


@dataclass(slots=True)
class Cluster:
    """Mentions of one entity; ``labels`` counts what the tagger called each of them."""

    mentions: list[Mention] = field(default_factory=list)
    forms: set[tuple[str, ...]] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)

    def add(self, mention: Mention, words: tuple[str, ...]) -> None:
        self.mentions.append(mention)
        self.forms.add(words)
        self.labels[mention.label] += 1

    @property
    def label(self) -> str:
        # the majority label; on a tie, the label of the fullest mention
        best = max(self.labels.values())
        tied = {label for label, count in self.labels.items() if count == best}
        return next(m.label for m in sorted(self.mentions, key=_fullness, reverse=True) if m.label in tied)

    @property
    def last_start(self) -> int:
        return max(m.start for m in self.mentions)


def _fullness(mention: Mention) -> tuple[int, int]:
    return (mention.end - mention.start, -mention.start)


def _find(clusters: list[Cluster], mention: Mention, words: tuple[str, ...], heads: Mapping[str, Head]) -> Cluster | None:
    """The most recent cluster this mention belongs to, if any."""
    best: Cluster | None = None
    for cluster in clusters:
        exact = words in cluster.forms
        fits = exact or (mention.label in cluster.labels and any(
            same_entity(mention.label, words, form, heads) for form in cluster.forms))
        if fits and (best is None or cluster.last_start > best.last_start):
            best = cluster
    return best


def cluster_mentions(
    text: str, mentions: Iterable[Mention], heads: Mapping[str, Head], links: Sequence[tuple[Mention, Mention]] = ()
) -> list[Cluster]:
    """Group ``mentions`` (any order) into clusters, in order of first mention."""
    clusters: list[Cluster] = []
    owner: dict[Mention, Cluster] = {}
    for mention in sorted(mentions):
        words = name_words(text[mention.start : mention.end])
        if not words:
            continue
        cluster = _find(clusters, mention, words, heads)
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
        cluster.add(mention, words)
        owner[mention] = cluster
    for name, alias in links:
        _merge(clusters, owner, name, alias)
    return clusters


def _merge(clusters: list[Cluster], owner: dict[Mention, Cluster], name: Mention, alias: Mention) -> None:
    keep, other = owner.get(name), owner.get(alias)
    if keep is None or other is None or keep is other:
        return
    for mention in other.mentions:
        keep.mentions.append(mention)
        keep.labels[mention.label] += 1
        owner[mention] = keep
    keep.forms |= other.forms
    clusters.remove(other)


def canonical(cluster: Cluster, text: str) -> Mention:
    """The fullest mention: most words, then most letters, then the first."""
    return max(cluster.mentions, key=lambda m: (len(name_words(text[m.start : m.end])), m.end - m.start, -m.start))
