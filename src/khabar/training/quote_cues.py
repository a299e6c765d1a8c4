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
from dataclasses import dataclass
from pathlib import Path

from khabar.stages.normalise import normalise_query
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


def read_lemmas(path: Path = VERBS) -> list[Lemma]:
    """The rows of the reporting-verb table (comments and blank lines skipped)."""
    lemmas = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        lemma, verb_class, past, short, present, participle, masdar = cells[:7]
        lemmas.append(Lemma(lemma, verb_class, past, past if short == "-" else short, present, participle, masdar))
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


def expand(lemmas: Iterable[Lemma]) -> dict[str, tuple[str, str]]:
    """Map each normalised form to ``(lemma, kind)``; the first lemma and kind to claim a form keep it."""
    forms: dict[str, tuple[str, str]] = {}
    for kind, make in (("past", past_forms), ("present", present_forms),
                       ("participle", participle_forms), ("masdar", masdar_forms)):
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


def mine(texts: Iterable[str], forms: dict[str, tuple[str, str]], top: int) -> list[tuple[str, int, int]]:
    """Words often in cue position that the table lacks: ``(word, as_cue, seen)``, best first."""
    seen: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    for words, i, opener_follows in cue_positions(texts):
        word = words[i]
        if word[0] in "وف" and len(word) > 3:  # sentence-initial verbs carry و/ف: the best cue signal
            seen[word[1:]] += 1
            as_cue[word[1:]] += opener_follows
    rows = [(w, c, seen[w]) for w, c in as_cue.items() if w not in forms and c >= 20 and c / seen[w] >= 0.3]
    return sorted(rows, key=lambda r: -r[1])[:top]


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
    for word, cue_count, total in mine(ant_texts(args.data), forms, args.top):
        print(f"{word}\t{cue_count}\t{total}\t{cue_count / total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
