"""Decide which archive entity each article's entity is: the resolver's logic, over plain records.

Three steps, each from evidence the archive holds:

1. **One name, one entity, whatever the label.** An article's entity starts as its name ("داعش"), its
   label reconciled by the archive's majority (ORG in most articles, so the MISC and LOC ones join it).
   A place the gazetteer resolved is its gazetteer id: "أمريكا" and "الولايات المتحدة" are one place, and a
   name most articles resolve to one place (a "مصر" tagged ORG) joins it. A name most articles call a
   person is a person even where the gazetteer found a town of that name.
2. **Short forms linked when the archive makes them unambiguous.** "ترامب" alone is "دونالد ترامب" when
   the articles that name both use "ترامب" for him and seldom for anyone else (the share of such articles,
   ``DOMINANT_SHARE``); "محمد", used for hundreds of people, stays apart. A surname after بن/أبو is a
   father's name, not the person's. Where no referent dominates, an article's other entities decide
   (people named with "الحريري" in an article about Beirut's government, not its 2005 bombing) and the
   titles it gives ("الرئيس الأمريكي"); when they do not decide, the short form stays its own entity.
3. **People's corrections**: a name split off an entity is never linked to it again; merged entities stay
   merged. Corrections name identities, not row ids, so they outlive re-ingests and rebuilds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from khabar.store.bodies import DESIGNATORS, organisation_heads
from khabar.store.names import name_identity, without_lam_lam
from khabar.store.variants import variant_heads

DOMINANT_SHARE = 0.8  # a short form links everywhere when this share of its evidence points to one name
CONTEXT_SHARE = 0.7  # else evidence x context must give one candidate this share of the total
MIN_CONTEXT = 1.0  # ... and at least this score (about one entity found in most of the candidate's articles)
MIN_ALIAS_DOCUMENTS = 2  # articles that use the short form for the full name, at least
MIN_CANDIDATE_DOCUMENTS = 3  # a full name seen in fewer articles is too likely a tagging accident
FULL_TO_SHORT = 0.5  # a full name is named in at least half as many articles as its short form alone
CONTEXT_FULL_TO_SHORT = 0.1  # ... and, for an article's context to choose it, a tenth as many (not a tagging slip)
PLACE_SHARE = 0.8  # a name joins a place when this share of its resolved articles resolve it there
PLACE_COVER = 0.3  # ... and at least this share of all its articles were resolved at all
PERSON_SHARE = 0.5  # a name tagged PER in at least this share of its articles is a person
ROLE_WEIGHT = 1.0  # a title the article gives that the candidate has elsewhere counts as much as a companion
ALIAS_PRIOR = 0.1  # added to each candidate's alias count: candidates never used so still count a little
# A name's last words are a surname, unless a kinship word stands before them ("محمد بن سلمان": سلمان is the
# father; "أبو مازن": a kunya). Normalised as name_key writes them.
NOT_A_SURNAME_AFTER = frozenset("بن ابن بنت ابو ام ال عبد".split())
LINKED_LABELS = frozenset({"PER", "ORG"})
PREPOSITIONS = frozenset("لب")  # before a name of several words ("لبي بي سي"), where the segmenter kept them
CLITIC_RATIO = 5  # "لبي بي سي" is "بي بي سي" when the archive names that five times as often
MAX_CONTEXT_CANDIDATES = 5  # a short form that may stand for more names is left to the dominant one alone
MISTAKEN_FOR_PEOPLE = frozenset({"LOC", "ORG", "MISC"})


@dataclass(slots=True)
class Record:
    """One article's entity as the resolver sees it."""

    document: int
    label: str
    key: str
    place: str | None
    forms: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Corrections:
    """People's merges (identity merged -> identity kept) and splits ((name key, identity) never linked)."""

    merges: tuple[tuple[str, str], ...] = ()
    splits: frozenset[tuple[str, str]] = frozenset()


@dataclass(slots=True)
class Archive:
    """What the resolver knows of the whole archive, built once per run from the records."""

    labels: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    places: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    documents: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    identities: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    aliases: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # short -> full -> docs
    identity_labels: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    keys: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # name identity -> keys
    label_cache: dict[str, str] = field(default_factory=dict)


def link(records: Sequence[Record], corrections: Corrections = Corrections()) -> list[str]:
    """The archive identity of each record (in order)."""
    archive = Archive()
    records = _with_lam_names(records)
    for record in records:
        archive.labels[record.key][record.label] += 1
        if record.place:
            archive.places[record.key][record.place] += 1
    base = [_base_identity(record, archive, corrections) for record in records]
    _gather(records, base, archive)
    heads = variant_heads(_keys_labelled(archive, "PER"), archive.documents, archive.identities, corrections.splits)
    bodies = _keys_labelled(archive, "ORG")
    heads.update(variant_heads(bodies, archive.documents, archive.identities, corrections.splits, sounds=False))
    heads.update({body: heads.get(head, head) for body, head in
                  organisation_heads(bodies, archive.documents, corrections.splits).items()})
    if heads:
        base = [heads.get(identity, identity) for identity in base]
        archive = _regathered(records, base, archive)
    linked = _linked_pass(records, base, base, archive, corrections)
    # Again with what the first pass linked: "فلاديمير" beside "#بوتين" (now Putin) in one article is evidence
    # that only shows once "بوتين" is known to be him. Dominant evidence only: the articles' context had its say.
    linked = _linked_pass(records, base, linked, _regathered(records, linked, archive), corrections, by_context=False)
    return _merged(_followed(base, linked), corrections)


def _keys_labelled(archive: Archive, label: str) -> dict[str, str]:
    return {identity: _key_of(archive, identity) or "" for identity in archive.keys if label_of(archive, identity) == label}


def _followed(base: Sequence[str], linked: list[str]) -> list[str]:
    """Links followed to their end: "كيم" linked to "كيم جونغ", whose own articles went to "كيم جونغ أون"."""
    moved: dict[str, Counter[str]] = defaultdict(Counter)
    for own, now in zip(base, linked, strict=True):
        moved[own][now] += 1
    ends = {own: counts.most_common(1)[0][0] for own, counts in moved.items()}
    out = []
    for own, now in zip(base, linked, strict=True):
        seen = {own, now}
        while now != own and ends.get(now, now) not in seen:  # a record still in its own identity stays there
            now = ends[now]
            seen.add(now)
        out.append(now)
    return out


def _linked_pass(records: Sequence[Record], base: Sequence[str], current: Sequence[str], archive: Archive,
                 corrections: Corrections, by_context: bool = True) -> list[str]:
    """Link the records still in their own (base) identity; keep the others where they are."""
    linker = ShortForms(archive, corrections, by_context)
    return [linker.link_mistaken(record, linker.link(record, now)) if now == own else now
            for record, own, now in zip(records, base, current, strict=True)]


def _base_identity(record: Record, archive: Archive, corrections: Corrections) -> str:
    """An article's entity by its place or its name alone (step 1)."""
    own = name_identity(record.key)
    labels = archive.labels[record.key]
    if labels["PER"] >= PERSON_SHARE * sum(labels.values()):
        return own
    place = record.place or _dominant_place(record, archive)
    if place and (record.key, f"place:{place}") not in corrections.splits:
        return f"place:{place}"
    return own


def _dominant_place(record: Record, archive: Archive) -> str | None:
    if record.label == "PER":
        return None
    places = archive.places.get(record.key)
    if not places:
        return None
    place, count = places.most_common(1)[0]
    resolved = sum(places.values())
    if count >= PLACE_SHARE * resolved and resolved >= PLACE_COVER * sum(archive.labels[record.key].values()):
        return place
    return None


def _gather(records: Sequence[Record], base: Sequence[str], archive: Archive) -> None:
    """Each identity's articles, labels, titles and the short forms its articles use for it."""
    for record, identity in zip(records, base, strict=True):
        archive.documents[identity].add(record.document)
        archive.identities[record.document].add(identity)
        archive.identity_labels[identity][record.label] += 1
        for role in record.roles:
            archive.roles[identity][role] += 1
        if identity.startswith("name:"):
            archive.keys[identity][record.key] += 1
            for form in record.forms[1:] if record.forms and record.forms[0] == record.key else record.forms:
                if form != record.key:
                    archive.aliases[compact(form)][identity] += 1


def _regathered(records: Sequence[Record], base: Sequence[str], counted: Archive) -> Archive:
    archive = Archive(labels=counted.labels, places=counted.places)
    _gather(records, base, archive)
    return archive


def compact(key: str) -> str:
    return key.replace(" ", "")


def label_of(archive: Archive, identity: str) -> str:
    """The label most of an identity's articles give it (a place is a LOC)."""
    label = archive.label_cache.get(identity)
    if label is None:
        votes = archive.identity_labels.get(identity)
        label = "LOC" if identity.startswith("place:") else max(votes, key=votes.__getitem__) if votes else "MISC"
        archive.label_cache[identity] = label
    return label


class ShortForms:
    """Step 2: which full name a short form stands for, in general and in one article."""

    def __init__(self, archive: Archive, corrections: Corrections, by_context: bool = True) -> None:
        self.archive = archive
        self.by_context = by_context
        self.splits = corrections.splits
        self.index = _candidate_index(archive)
        self.memo: dict[tuple[str, str, bool], tuple[list[str], list[float]]] = {}

    def link(self, record: Record, identity: str) -> str:
        """The identity of ``record``: its full name's when its own name is a short form of one."""
        if not identity.startswith("name:"):
            return identity
        label = label_of(self.archive, identity)
        if label in LINKED_LABELS:
            return self._linked(record, identity, label)
        if record.label == "PER":  # a person where most articles give the name another kind
            return self._linked(record, identity, "PER")
        return identity

    def link_mistaken(self, record: Record, identity: str) -> str:
        """A person's name tagged as a place or a body ("ماي" of تيريزا ماي as LOC, "بشار" of بشار الأسد
        found in the gazetteer as Béchar): the person, but only where the article is about them."""
        if record.label not in MISTAKEN_FOR_PEOPLE or label_of(self.archive, identity) == "PER":
            return identity
        here = self._named_here(record, identity, "PER")
        if here and self.archive.aliases[compact(record.key)][here]:  # the person's own articles call them so
            return here
        return self._linked(record, identity, "PER", by_evidence=False) if self.by_context else identity

    def _named_here(self, record: Record, identity: str, label: str) -> str | None:
        """The one full name this short form may stand for that the article itself names, if any: the
        article's own word beats the archive's ("دييغو" beside "دييغو كوستا" is Costa, however famous
        Simeone is)."""
        here = self.archive.identities[record.document]
        present = [full for full in dict.fromkeys(self.index.get(compact(record.key), ()))
                   if full in here and full != identity and label_of(self.archive, full) == label
                   and (record.key, full) not in self.splits and self._documents(full) >= 2]
        return present[0] if len(present) == 1 else None

    def _linked(self, record: Record, identity: str, label: str, by_evidence: bool = True) -> str:
        if by_evidence and (here := self._named_here(record, identity, label)):
            return here
        # A mistaken kind counts only the person's own articles calling them so: "داعش" is named beside
        # "زعيم داعش" in all of that one's articles, which says nothing of داعش being a person.
        candidates, weights = self.candidates(record.key, identity, label, together=by_evidence)
        if not candidates:
            return identity
        best = max(range(len(candidates)), key=weights.__getitem__)
        if (by_evidence and weights[best] >= DOMINANT_SHARE * sum(weights) and weights[best] >= MIN_ALIAS_DOCUMENTS
                and self._documents(candidates[best]) >= FULL_TO_SHORT * self._documents(identity)):
            return candidates[best]
        # Else the article decides among the candidates it has been used for: the evidence for each times how
        # well it fits the article (P(full | short) x P(article | full), roughly).
        if not self.by_context:
            return identity
        least = CONTEXT_FULL_TO_SHORT * self._documents(identity)
        used = [i for i, weight in enumerate(weights) if weight >= 1 and self._documents(candidates[i]) >= least]
        if not used or len(used) > MAX_CONTEXT_CANDIDATES:
            return identity
        context = self._context(record, [candidates[i] for i in used])
        # A person's name tagged as a place is most often the best-known bearer's ("بشار" of #بشار_الأسد, not
        # of بشار الجعفري): there the candidates' articles count too.
        prior = [1.0 if by_evidence else float(self._documents(candidates[i])) for i in used]
        chosen = _decisive([weights[i] * score * p for i, score, p in zip(used, context, prior, strict=True)])
        if chosen is None or context[chosen] < MIN_CONTEXT:
            return identity
        return candidates[used[chosen]]

    def _documents(self, identity: str) -> int:
        return len(self.archive.documents.get(identity, ()))

    def candidates(self, key: str, identity: str, label: str, together: bool = True) -> tuple[list[str], list[float]]:
        """The full names of kind ``label`` that ``key`` may stand for, with the evidence for each: the
        articles that use it for the full name, and (``together``) those naming both (a short form the
        article did not link to the full name)."""
        if (key, label, together) not in self.memo:
            found = [full for full in dict.fromkeys(self.index.get(compact(key), ())) if full != identity
                     and label_of(self.archive, full) == label and (key, full) not in self.splits
                     and self._documents(full) >= MIN_CANDIDATE_DOCUMENTS]
            aliases = self.archive.aliases.get(compact(key), Counter())
            documents = self.archive.documents
            own = documents.get(identity, set()) if together else set()
            self.memo[(key, label, together)] = (
                found, [aliases[full] + len(own & documents[full]) + ALIAS_PRIOR for full in found])
        return self.memo[(key, label, together)]

    def _context(self, record: Record, candidates: Sequence[str]) -> list[float]:
        """How well each candidate fits the article: for each other entity of the article, the share of the
        candidate's articles naming it too; and the titles the article gives that the candidate has."""
        others = self.archive.identities[record.document] - set(candidates)
        documents = self.archive.documents
        scores = []
        for candidate in candidates:
            own = documents[candidate]
            score = sum(len(own & documents[other]) for other in others if other in documents) / max(len(own), 1)
            roles = self.archive.roles.get(candidate, Counter())
            score += ROLE_WEIGHT * sum(1 for role in record.roles if roles[role] >= 2)
            scores.append(score)
        return scores


def _decisive(scores: Sequence[float]) -> int | None:
    """The candidate the scores clearly prefer, if any."""
    total = sum(scores)
    if total <= 0:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    return best if scores[best] >= CONTEXT_SHARE * total else None


def _candidate_index(archive: Archive) -> dict[str, list[str]]:
    """Short form (compact key) -> the full names it may stand for, by the shape of the names."""
    index: dict[str, list[str]] = defaultdict(list)
    for identity, votes in archive.identity_labels.items():
        if not identity.startswith("name:"):
            continue
        label = votes.most_common(1)[0][0]
        for key, count in archive.keys.get(identity, Counter()).items():
            if count >= MIN_ALIAS_DOCUMENTS or key == _key_of(archive, identity):
                for short in _short_forms(key.split(), label):
                    index[compact(" ".join(short))].append(identity)
    return index


def _key_of(archive: Archive, identity: str) -> str | None:
    """The usual spaced key of a name identity (identities drop spaces; the words are needed here)."""
    keys = archive.keys.get(identity)
    return keys.most_common(1)[0][0] if keys else None


def _with_lam_names(records: Sequence[Record]) -> Sequence[Record]:
    """Names read after "لل" got the article's alef back ("للعراق" -> "العراق"); where the name is one that
    begins with lam ("للبنان" -> "البنان"), the archive's more common spelling without the alef wins. And a
    name of several words that kept a preposition the segmenter could not tell ("لبي بي سي") is the name
    without it when the archive names that far more often."""
    counts = Counter(without_lam_lam(record.key) for record in records)
    fixed = []
    for record in records:
        key = without_lam_lam(record.key)
        lam_article = key.startswith("ال") and counts.get(key[1:], 0) > counts[key]
        preposition = key[:1] in PREPOSITIONS and " " in key and counts.get(key[1:], 0) >= CLITIC_RATIO * counts[key]
        if lam_article or preposition:
            key = key[1:]
        if key != record.key:
            record = Record(record.document, record.label, key, record.place, record.forms, record.roles)
        fixed.append(record)
    return fixed


def _short_forms(words: list[str], label: str) -> Iterable[list[str]]:
    """The shorter names a full name may be written as: a surname for a person, the name without its
    designator for an organisation."""
    if len(words) < 2:
        return
    if label == "PER":
        for start in range(1, len(words)):
            if words[start - 1] not in NOT_A_SURNAME_AFTER:
                yield words[start:]
        if len(words) >= 3:
            yield [words[0], words[-1]]
        if words[-2] not in NOT_A_SURNAME_AFTER:
            # "كيم جونغ" for "كيم جونغ-اون" (cut at its hyphen), "إيمانويل" for "إيمانويل ماكرون", "عبد الفتاح"
            # for "عبد الفتاح السيسي": a given name is shared by so many people that only strong evidence
            # links it (see ShortForms.link); "محمد بن" of "محمد بن سلمان" is no name at all
            yield words[:-1]
    elif label == "ORG" and words[0] in DESIGNATORS:
        yield words[1:]


def _merged(identities: list[str], corrections: Corrections) -> list[str]:
    """Step 3: identities people merged into others, followed to the one kept (chains included)."""
    if not corrections.merges:
        return identities
    into = dict(corrections.merges)

    def target(identity: str) -> str:
        seen = {identity}
        while identity in into and into[identity] not in seen:
            identity = into[identity]
            seen.add(identity)
        return identity

    return [target(identity) for identity in identities]
