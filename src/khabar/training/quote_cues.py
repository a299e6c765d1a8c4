"""Expand the reporting-verb table into every cue form, and count each form's use as a cue in ANT.

``python -m khabar.training.quote_cues build --data ../shared/data`` reads
``resources/quotes/verbs.tsv`` (one lemma a line, with its past, present, participle and verbal noun),
writes every person, gender and number of each (past قال قالت قالوا قالا قالتا قلن قلت قلنا قلتم;
present يقول تقول يقولون يقولان تقولان أقول نقول; participle قائلا قائلة قائلين; verbal noun with a
possessive قوله قولها قولهم ...) to ``resources/quotes/cue_forms.tsv`` with two counts from the ANT
corpus (Apache-2.0): how often the form occurs, and how often a complementiser (أن/إن), a colon or a
quotation mark follows it within a few words, i.e. how often it is used as a reporting cue.

``python -m khabar.training.quote_cues mine --data ../shared/data`` lists the words most often found
in that cue position which the table does not cover yet, for a person to review. Only ANT is read;
SaudiNewsNet (non-commercial) never feeds a shipped file. Deterministic: same corpus, same file.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource_rows
from khabar.stages.segment.clitics import CliticSplitter, light_form, load_vocab
from khabar.training.vocab import ant_texts

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "quotes"
VERBS = RESOURCES / "verbs.tsv"
CUE_FORMS = RESOURCES / "cue_forms.tsv"
WINDOW = 8  # words after a cue within which its content usually starts
_WORDS = re.compile(r"[\u0621-\u064a]+|[:«\"“]")
_OPENERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", ":", "«", '"', "“"})
_TA_MARBUTA = "\u0629"


@dataclass(frozen=True, slots=True)
class Lemma:
    """One row of verbs.tsv."""

    lemma: str
    verb_class: str
    past: str
    short: str
    present: str
    participle: str
    masdar: str
    takes_pronoun: bool = False  # "وصفها بأنها", "اعتبره": the past with an object pronoun reports too


def read_lemmas(path: Path = VERBS) -> list[Lemma]:
    """The rows of the reporting-verb table (comments and blank lines skipped)."""
    lemmas = []
    for cells in resource_rows(path):
        lemma, verb_class, past, short, present, participle, masdar = cells[:7]
        takes_pronoun = len(cells) > 10 and cells[10].strip() == "object"
        lemmas.append(Lemma(lemma, verb_class, past, past if short == "-" else short, present, participle, masdar,
                            takes_pronoun))
    return lemmas


def past_forms(row: Lemma) -> list[str]:
    """Every person, gender and number of the past tense.

    >>> past_forms(read_lemmas()[0])[:6]
    ['قال', 'قالت', 'قالوا', 'قالا', 'قالتا', 'قلن']
    """
    past, short = row.past, row.short
    if row.verb_class == "defective":  # دعا: دعت دعوا دعتا, with the long stem دعو- before -ت -نا
        base = past[:-1]
        third = [past, base + "ت", base + "وا", short + "ا", base + "تا"]
    else:
        third = [past, past + "ت", past + "وا", past + "ا", past + "تا"]
    return third + [short + "ن", short + "ت", short + "نا", short + "تم", short + "تما"]


def present_forms(row: Lemma) -> list[str]:
    """Every person, gender and number of the present (indicative).

    >>> present_forms(read_lemmas()[0])
    ['يقول', 'تقول', 'أقول', 'نقول', 'يقولون', 'تقولون', 'يقولان', 'تقولان']
    """
    if row.present == "-":
        return []
    stem = row.present[1:]
    plural = stem[:-1] if row.verb_class == "defective" else stem  # يدعو -> يدعون, ينفي -> ينفون
    return [row.present, "ت" + stem, "أ" + stem, "ن" + stem, "ي" + plural + "ون", "ت" + plural + "ون",
            "ي" + stem + "ان", "ت" + stem + "ان"]


def participle_forms(row: Lemma) -> list[str]:
    """The adverbial participle in the accusative: مضيفا مضيفة مضيفين."""
    if row.participle == "-":
        return []
    return [row.participle + "ا", row.participle + _TA_MARBUTA, row.participle + "ين"]


def masdar_forms(row: Lemma) -> list[str]:
    """The verbal noun with a possessive suffix, as after "نقل عن X": قوله قولها قولهم."""
    if row.masdar == "-":
        return []
    base = row.masdar[:-1] + "ت" if row.masdar.endswith(_TA_MARBUTA) else row.masdar
    return [base + suffix for suffix in ("ه", "ها", "هم", "هما", "هن")]


OBJECT_PRONOUNS = ("ه", "ها", "هم")


def object_forms(row: Lemma) -> list[str]:
    """The third person past with an object pronoun, for verbs that report so: وصفه وصفها وصفته وصفتها."""
    if not row.takes_pronoun:
        return []
    third = past_forms(row)[:2]
    return [form + pronoun for form in third for pronoun in OBJECT_PRONOUNS]


def expand(lemmas: Iterable[Lemma]) -> dict[str, tuple[str, str]]:
    """Map each normalised form to ``(lemma, kind)``; the first lemma and kind to claim a form keep it."""
    forms: dict[str, tuple[str, str]] = {}
    # a past with its object pronoun before a verbal noun of the same letters: "التي وصفها الملك" is a verb
    for kind, make in (("past", past_forms), ("present", present_forms), ("participle", participle_forms),
                       ("past", object_forms), ("masdar", masdar_forms)):
        for row in lemmas:
            for form in make(row):
                forms.setdefault(normalise_query(form), (row.lemma, kind))
    return forms


def _strip_conjunction(word: str, known: dict[str, tuple[str, str]] | set[str]) -> str:
    if word not in known and len(word) > 3 and word[0] in "وف" and word[1:] in known:
        return word[1:]
    return word


def cue_positions(texts: Iterable[str]) -> Iterator[tuple[list[str], int, bool]]:
    """For every word of every text: the text's words, the index, and whether an opener follows soon."""
    for text in texts:
        words = _WORDS.findall(normalise_query(text))
        openers = [i for i, w in enumerate(words) if w in _OPENERS]
        cursor = 0
        for i, word in enumerate(words):
            if word in _OPENERS:
                continue
            while cursor < len(openers) and openers[cursor] <= i:
                cursor += 1
            yield words, i, cursor < len(openers) and openers[cursor] - i <= WINDOW


def count_cues(texts: Iterable[str], forms: dict[str, tuple[str, str]]) -> tuple[Counter[str], Counter[str]]:
    """How often each form occurs, and how often as a cue (an opener follows within WINDOW words)."""
    seen: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    for words, i, opener_follows in cue_positions(texts):
        form = _strip_conjunction(words[i], forms)
        if form in forms:
            seen[form] += 1
            as_cue[form] += opener_follows
    return seen, as_cue


def write_forms(forms: dict[str, tuple[str, str]], seen: Counter[str], as_cue: Counter[str], out: Path) -> None:
    """Write form, lemma, kind and the two ANT counts, grouped by lemma as in verbs.tsv."""
    lines = ["# Generated by `python -m khabar.training.quote_cues build` from verbs.tsv and the ANT corpus.",
             "# columns: form (normalised)  lemma  kind  ant_count  ant_cue_count (an opener follows soon)"]
    lines += [f"{form}\t{lemma}\t{kind}\t{seen[form]}\t{as_cue[form]}" for form, (lemma, kind) in forms.items()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


_RAW_TOKENS = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670]+|[:«\"“،,.!?\u061f]")
_COMMAS = frozenset("،,")
_SENTENCE_END = frozenset(".!?\u061f")
_PREPOSITIONS = frozenset({"الي", "علي", "من", "عن", "في"})
FRAMES = ("verb", "participle")


@dataclass(slots=True)
class Candidate:
    """A word seen in a cue frame: how often, how often an opener followed, and the prepositions before it."""

    seen: int = 0
    as_cue: int = 0
    preps: Counter[str] = field(default_factory=Counter)


def _opener_after(tokens: list[str], i: int, window: int) -> tuple[bool, str]:
    """Whether an opener follows token ``i`` within ``window`` tokens of its sentence; the preposition before it."""
    for j in range(i + 1, min(len(tokens), i + 1 + window)):
        token = tokens[j]
        if token in _SENTENCE_END:
            break
        if token in _OPENERS:
            before = tokens[j - 1] if j - 1 > i else ""
            return True, before if before in _PREPOSITIONS else ""
    return False, ""


def _conjunction_rest(splitter: CliticSplitter, word: str) -> str | None:
    """The word after an attached و/ف, when the clitic splitter says it is one ("وأكد", not "وكالة")."""
    if word[0] not in "وف" or len(word) < 4:
        return None
    start, _ = splitter.split(word)
    return normalise_query(word[1:]) if start >= 1 else None


def frames(text: str, splitter: CliticSplitter) -> Iterator[tuple[str, str, bool, str]]:
    """``(frame, word, opener_follows, preposition)`` for every word in a cue frame of ``text``.

    verb: a word carrying a conjunction و/ف (a clause-initial verb), the opener within WINDOW words;
    participle: a word right after a comma, the opener right after it (or after one preposition).
    """
    raw = _RAW_TOKENS.findall(text)
    tokens = [normalise_query(token) for token in raw]
    for i, token in enumerate(tokens):
        if len(token) < 3 or not token[0].isalpha() or token in _OPENERS:
            continue
        rest = _conjunction_rest(splitter, light_form(raw[i]))
        if rest:
            follows, prep = _opener_after(tokens, i, WINDOW)
            yield "verb", rest, follows, prep
        if i and tokens[i - 1] in _COMMAS:
            follows, prep = _opener_after(tokens, i, 3)
            yield "participle", token, follows, prep


def mine(texts: Iterable[str], forms: dict[str, tuple[str, str]], top: int,
         min_cue: int = 15, min_share: float = 0.3) -> list[tuple[str, str, Candidate]]:
    """Words often in a cue frame that the table lacks, best first, for a person to review.

    Returns ``(frame, word, counts)`` for each frame (verb, participle) where the word was followed by an
    opener at least ``min_cue`` times and in at least ``min_share`` of its uses in that frame.
    """
    found: dict[tuple[str, str], Candidate] = {}
    splitter = CliticSplitter(load_vocab())
    for text in texts:
        for frame, word, follows, prep in frames(text, splitter):
            candidate = found.setdefault((frame, word), Candidate())
            candidate.seen += 1
            if follows:
                candidate.as_cue += 1
                candidate.preps[prep] += 1
    rows = [(frame, word, c) for (frame, word), c in found.items()
            if word not in forms and c.as_cue >= min_cue and c.as_cue / c.seen >= min_share]
    rows.sort(key=lambda r: (FRAMES.index(r[0]), -r[2].as_cue, r[1]))
    return [row for frame in FRAMES for row in [r for r in rows if r[0] == frame][:top]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "mine"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--out", type=Path, default=CUE_FORMS)
    parser.add_argument("--top", type=int, default=150, help="mine: how many candidates to list")
    args = parser.parse_args(argv)
    forms = expand(read_lemmas())
    if args.command == "build":
        seen, as_cue = count_cues(ant_texts(args.data), forms)
        write_forms(forms, seen, as_cue, args.out)
        print(f"wrote {len(forms):,} cue forms of {len(read_lemmas())} lemmas to {args.out}; "
              f"{sum(1 for f in forms if seen[f]):,} of them occur in ANT")
        return 0
    print("# frame\tword\tas_cue\tseen\tshare\tprepositions before the opener")
    for frame, word, c in mine(ant_texts(args.data), forms, args.top):
        preps = ",".join(f"{p or '-'}:{n}" for p, n in c.preps.most_common(3))
        print(f"{frame}\t{word}\t{c.as_cue}\t{c.seen}\t{c.as_cue / c.seen:.2f}\t{preps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
