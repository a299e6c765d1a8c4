"""The labelled sentences the neural NER model learns from, on khabar's own tokens, with BILOU tags.

Sources (``load_corpora``), all mapped to PER/ORG/LOC/MISC by ``conll``:

* ANERcorp, CAMeL split, train (CC BY-SA 4.0); AQMAR train and dev (CC BY-SA 3.0); the Wojood sample
  (MIT), outermost layer;
* NewsFANE (CC BY-SA 3.0), the ANERcorp text annotated again with fine types: only its sentences that are
  ANERcorp train text and not test text (``newsfane_train_part``: NewsFANE does not keep ANERcorp's order,
  so the sequential split is checked sentence by sentence);
* in-domain articles: the gold entities of the evaluation's dev articles and of dev2's tune half (Hespress
  only: dev2's SaudiNewsNet articles are non-commercial text) found on khabar's tokens
  (``project_gold``). dev2's check half is never read.

Every corpus token is cut as khabar's tokeniser cuts run-time text (``retokenise``), so that training
tokens look like the tokens the tagger is given in the pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from khabar.model import Document, TokenKind
from khabar.stages.normalise import normalise_query
from khabar.stages.segment.tokens import iter_token_matches
from khabar.training import conll
from khabar.training.conll import OUTSIDE, Sentence

NEWSFANE_FILE = "ner/newsfane/NewsFANE_Gold_2014_170K.txt"
TUNE_PREFIXES = ("dev2-hes-",)  # dev2's tune half that may ship (dev2-sau-* is SaudiNewsNet text)
CHECK_PREFIXES = ("dev2-ant-", "dev2-jaw-")
DEV_GOLD = "dev/gold.jsonl"
DEV2_GOLD = "dev2/gold.jsonl"
MIN_SENTENCE_LETTERS = 30  # a shorter sentence ("الصالحية -") may be in both splits
PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def retokenise(sentence: Sentence) -> Sentence:
    """Cut each corpus token as khabar's tokeniser would; the pieces keep the token's entity.

    >>> retokenise([("(د", "B-ORG"), ("ب", "I-ORG"), ("أ)", "I-ORG")])
    [('(', 'O'), ('د', 'B-ORG'), ('ب', 'I-ORG'), ('أ', 'I-ORG'), (')', 'O')]
    """
    out: Sentence = []
    for token, tag in sentence:
        pieces = [(token[a:b], kind) for a, b, kind in iter_token_matches(token)]
        if len(pieces) <= 1:
            out.append((pieces[0][0] if pieces else token, tag))
            continue
        words = [i for i, (_, kind) in enumerate(pieces) if kind is not TokenKind.PUNCT] or [0]
        for index, (piece, _) in enumerate(pieces):
            if tag == OUTSIDE or not words[0] <= index <= words[-1]:
                out.append((piece, OUTSIDE))
            else:
                out.append((piece, tag if index == words[0] else "I-" + tag[2:]))
    return conll.repair_bio(out)


def to_bilou(tags: Sequence[str]) -> list[str]:
    """BIO tags as BILOU: a one-token name is ``U-``, the last token of a longer one ``L-``.

    >>> to_bilou(["B-PER", "I-PER", "O", "B-LOC", "I-ORG"])
    ['B-PER', 'L-PER', 'O', 'U-LOC', 'U-ORG']
    """
    out = []
    for index, tag in enumerate(tags):
        if tag == OUTSIDE:
            out.append(tag)
            continue
        kind = tag[2:]
        starts = tag.startswith("B-") or index == 0 or tags[index - 1][2:] != kind or tags[index - 1] == OUTSIDE
        following = tags[index + 1] if index + 1 < len(tags) else OUTSIDE
        continues = following == "I-" + kind
        out.append(("B-" if continues else "U-") + kind if starts else ("I-" if continues else "L-") + kind)
    return out


# NewsFANE's fine types (ACE-like) onto khabar's four; vehicles, weapons and the like are MISC, as ANERcorp has
# them; "Group" (العرب، المسلمين، الأكراد: peoples and faiths) is O, as ANERcorp and khabar's gold leave them
NEWSFANE_TYPES = {
    **dict.fromkeys(("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Businessperson",
                     "Lawyer", "Engineer", "Police"), "PER"),
    **dict.fromkeys(("Non-Governmental", "Sports", "Government", "Media", "Commercial", "Educational",
                     "Medical-Science", "Entertainment", "Religious_ORG"), "ORG"),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent", "Water-Body",
                     "County-or-District", "Land-Region-Natural", "Building-Grounds", "Path", "Airport",
                     "Subarea-Facility", "Celestial"), "LOC"),
    **dict.fromkeys(("Book", "Movie", "Software", "Hardware", "Land", "Air", "Water", "Projectile", "Shooting",
                     "Food", "Drug", "Plant"), "MISC"),
}


def parse_newsfane(lines: Iterable[str]) -> Iterator[Sentence]:
    """NewsFANE sentences with its fine types mapped onto the four."""
    for rows in conll.read_columns(iter(lines)):
        sentence = [(row[0], conll.map_tag(row[-1], NEWSFANE_TYPES)) for row in rows if len(row) >= 2]
        if sentence:
            yield conll.repair_bio(sentence)


def letters(sentences: Iterable[Sentence]) -> str:
    """The Arabic letters of sentences' tokens in their normal form, nothing else (the texts' common ground)."""
    return "".join(char for sentence in sentences for token, _ in sentence for char in normalise_query(token)
                   if "\u0621" <= char <= "\u064a")


class AlignmentError(ValueError):
    """NewsFANE does not line up with ANERcorp's split as expected."""


def newsfane_train_part(newsfane: list[Sentence], train: list[Sentence], test: list[Sentence]) -> list[Sentence]:
    """The NewsFANE sentences that are ANERcorp train text and not ANERcorp test text.

    NewsFANE does not keep ANERcorp's order (ANERcorp's first test sentences are nowhere near one point of
    it), so no single cut separates the split: each sentence is placed on its own. A sentence is kept when
    its letters (``letters``, at least ``MIN_SENTENCE_LETTERS``) occur in ANERcorp train's letters and not in
    its test's; a sentence found in neither (spelling or tokenisation differs) is dropped, as it might be
    test text. Raises ``AlignmentError`` when under half the sentences place (not the ANERcorp text).
    """
    train_letters, test_letters = letters(train), letters(test)
    kept, placed = [], 0
    for sentence in newsfane:
        own = letters([sentence])
        in_train, in_test = own in train_letters, own in test_letters
        placed += in_train or in_test
        if len(own) >= MIN_SENTENCE_LETTERS and in_train and not in_test:
            kept.append(sentence)
    if placed < len(newsfane) / 2:
        raise AlignmentError(f"only {placed} of {len(newsfane)} NewsFANE sentences are ANERcorp text")
    return kept


def load_newsfane_train(data: Path) -> list[Sentence]:
    """NewsFANE's sentences inside ANERcorp's train split (``newsfane_train_part``)."""
    newsfane = conll.read_file(data / NEWSFANE_FILE, parse_newsfane)
    return newsfane_train_part(newsfane, conll.load_anercorp(data, "train"), conll.load_anercorp(data, "test"))


def _matches(form: str, first: str) -> bool:
    """Whether a token's normal form is ``first`` with at most one attached proclitic (لل for ال)."""
    if form == first:
        return True
    for clitic in PROCLITICS:
        rest = form[len(clitic) :]
        if form.startswith(clitic) and rest and ("ال" + rest if clitic.endswith("ال") or clitic == "لل" else rest) == first:
            return True
    return False


def project_gold(doc: Document, entities: Sequence[tuple[str, Sequence[str]]]) -> list[Sentence]:
    """An article's sentences on khabar's tokens (``doc`` segmented), tagged from document-level gold.

    Every occurrence of a gold name or alias as whole tokens (a proclitic allowed on the first) is tagged
    with its entity's type, the longest names first, never two on one token.
    """
    text = doc.text
    flat = list(doc.tokens)
    forms = [normalise_query(text[t.start : t.end]) for t in flat]
    tags = [OUTSIDE] * len(flat)
    names = sorted({(label, tuple(normalise_query(surface[a:b]) for a, b, _ in iter_token_matches(surface)))
                    for label, surfaces in entities for surface in surfaces}, key=lambda item: (-len(item[1]), item))
    for label, words in names:
        if not words:
            continue
        for index in range(len(flat) - len(words) + 1):
            window = range(index, index + len(words))
            if (_matches(forms[index], words[0]) and all(forms[i] == w for i, w in zip(window[1:], words[1:], strict=True))
                    and all(tags[i] == OUTSIDE for i in window)):
                for i in window:
                    tags[i] = ("B-" if i == index else "I-") + label
    sentences: list[Sentence] = []
    position = 0
    for span in doc.sentences:
        sentence: Sentence = []
        while position < len(flat) and flat[position].start < span.end:
            sentence.append((text[flat[position].start : flat[position].end], tags[position]))
            position += 1
        if sentence:
            sentences.append(sentence)
    return sentences


def segmented(doc_id: str, text: str) -> Document:
    """A Document with khabar's sentences and tokens."""
    from khabar.stages.normalise import Normaliser
    from khabar.stages.segment import Segmenter

    doc = Document(id=doc_id, text=text)
    for stage in (Normaliser(), Segmenter()):
        doc = stage(doc)
    return doc


def in_domain(eval_dir: Path, prefixes: Sequence[str] | None = None) -> dict[str, list[Sentence]]:
    """The dev articles and dev2's shippable tune half, tagged from their gold (``project_gold``), by id.

    ``prefixes`` picks dev2 articles (default ``TUNE_PREFIXES``); an id of the check half is refused.
    """
    chosen = tuple(prefixes if prefixes is not None else TUNE_PREFIXES)
    if any(prefix.startswith(CHECK_PREFIXES) or check.startswith(prefix) for prefix in chosen for check in CHECK_PREFIXES):
        raise ValueError(f"dev2's check half ({', '.join(CHECK_PREFIXES)}) is never training data")
    out: dict[str, list[Sentence]] = {}
    for name, wanted in ((DEV_GOLD, ("",)), (DEV2_GOLD, chosen)):
        path = eval_dir / name
        if not path.is_file() or not wanted:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line) if line.strip() else None
            if article is None or not article["id"].startswith(wanted) or article["id"].startswith(CHECK_PREFIXES):
                continue
            gold = [(e["type"], [e["name"], *e.get("aliases", [])]) for e in article["entities"]]
            out[article["id"]] = project_gold(segmented(article["id"], article["text"]), gold)
    return out


@dataclass
class Corpora:
    """The labelled data of one run, by role: ``train`` (with a repeat count each), ``dev`` and ``report``."""

    train: dict[str, tuple[list[Sentence], int]]
    dev: dict[str, list[Sentence]]
    report: dict[str, list[Sentence]]

    def training_sentences(self) -> list[Sentence]:
        """Every training sentence, repeated as its corpus asks, in a fixed order."""
        return [s for sentences, repeat in self.train.values() for _ in range(repeat) for s in sentences]


def split_tail(sentences: list[Sentence], share: float) -> tuple[list[Sentence], list[Sentence]]:
    """Split off the last ``share`` of tokens (whole sentences), like the CAMeL split does."""
    total = conll.count_tokens(sentences)
    seen = 0
    for index, sentence in enumerate(sentences):
        seen += len(sentence)
        if seen >= total * (1 - share):
            return sentences[: index + 1], sentences[index + 1 :]
    return sentences, []


DEV_SHARE = 1 / 6  # ANERcorp train's tail held out in a tuning run, as the CAMeL split holds out its test


@dataclass(frozen=True)
class DataSettings:
    """Which corpora a run trains on; ``in_domain`` repeats the projected articles that many times (0: none)."""

    aqmar: bool = True
    wojood: bool = True
    newsfane: bool = False
    in_domain: int = 3


def load_corpora(data: Path, eval_dir: Path | None, settings: DataSettings, dev_mode: bool) -> Corpora:
    """Every corpus of a run, retokenised, by role.

    A tuning run (``dev_mode``) holds out ANERcorp train's tail (and NewsFANE's part of it), scores AQMAR
    dev, and leaves the in-domain articles out of training (dev2's tune half is then scored unseen).
    """
    anercorp = conll.load_anercorp(data, "train")
    head, tail = split_tail(anercorp, DEV_SHARE) if dev_mode else (anercorp, conll.load_anercorp(data, "test"))
    train: dict[str, tuple[list[Sentence], int]] = {"anercorp_train_head" if dev_mode else "anercorp_train": (head, 1)}
    dev: dict[str, list[Sentence]] = {"anercorp_train_tail": tail} if dev_mode else {}
    if settings.aqmar:
        train["aqmar_train"] = (conll.load_aqmar(data, "train"), 1)
        if dev_mode:
            dev["aqmar_dev"] = conll.load_aqmar(data, "dev")
        else:
            train["aqmar_dev"] = (conll.load_aqmar(data, "dev"), 1)
    if settings.wojood:
        train["wojood_sample"] = (conll.load_wojood(data, "train") + conll.load_wojood(data, "val"), 1)
    if settings.newsfane:
        newsfane = conll.read_file(data / NEWSFANE_FILE, parse_newsfane)
        train["newsfane_train_part"] = (newsfane_train_part(newsfane, head, tail), 1)
    if settings.in_domain and eval_dir is not None and not dev_mode:
        articles = in_domain(eval_dir)
        train["in_domain"] = ([s for sentences in articles.values() for s in sentences], settings.in_domain)
    train = {name: ([retokenise(s) for s in sentences], repeat) for name, (sentences, repeat) in train.items()}
    report = {} if dev_mode else {"anercorp_test": tail, "aqmar_test": conll.load_aqmar(data, "test")}
    return Corpora(train, dev, report)


def describe(corpora: Corpora) -> list[str]:
    """One line per corpus: role, name, sentences, tokens (and repeats)."""
    lines = []
    for name, (sentences, repeat) in corpora.train.items():
        lines.append(f"{'train':<7}{name:<22}{len(sentences):>7} sentences {conll.count_tokens(sentences):>8} tokens"
                     + (f" x{repeat}" if repeat > 1 else ""))
    for role, group in (("dev", corpora.dev), ("report", corpora.report)):
        for name, sentences in group.items():
            lines.append(f"{role:<7}{name:<22}{len(sentences):>7} sentences {conll.count_tokens(sentences):>8} tokens")
    return lines
