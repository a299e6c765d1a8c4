"""Expand the event lexicon into every trigger form, and list candidate triggers the lexicon lacks.

``python -m khabar.training.event_triggers build --data ../shared/data`` reads ``resources/events/verbs.tsv``
(one verb a line with its PLOVER type; conjugated by the quote finder's expansion, ``training/quote_cues``:
every person of the past and present, the adverbial participle, the verbal noun with and without the article
and a possessive) and ``nouns.tsv`` (event nouns and fixed phrases), drops ``not_triggers.txt``, and writes
``resources/events/triggers.tsv`` with each form's count in the ANT corpus (Apache-2.0).

``python -m khabar.training.event_triggers mine --data ../shared/data --eval ../shared/eval`` lists, for a
person to review, the event verbs of the GSR sample's spans and the triggers of the tune-half gold (dev2-hes,
dev2-sau, and the seed) that no form covers yet, with their ANT counts. Only ANT is counted; SaudiNewsNet
never feeds a shipped file. Deterministic: same corpus, same file.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource_lines, resource_rows
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter
from khabar.training.quote_cues import Lemma, masdar_forms, participle_forms, past_forms, present_forms
from khabar.training.vocab import ant_texts

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "events"
VERBS, NOUNS = RESOURCES / "verbs.tsv", RESOURCES / "nouns.tsv"
NOT_TRIGGERS, TRIGGERS = RESOURCES / "not_triggers.txt", RESOURCES / "triggers.tsv"
TUNE_PREFIXES = ("dev2-hes", "dev2-sau", "seed")  # never the check half (dev2-ant, dev2-jaw)
_WORDS = re.compile(r"[\u0621-\u064a]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: its lemma, PLOVER type, target frame and every surface form."""

    lemma: str
    type: str
    target: str
    forms: tuple[tuple[str, str], ...]  # (form as written, kind)


def _listed(cell: str) -> list[str]:
    return [] if cell == "-" else [c.strip() for c in cell.split(",") if c.strip()]


def _with_article(word: str) -> list[str]:
    """A noun as written, with the article, and in the indefinite accusative ("هجوما", "دعما"); a phrase
    of two indefinite words also definite: a noun and its adjective ("العملية العسكرية") or a construct
    ("مذكرة التفاهم")."""
    if " " in word:
        words = word.split(" ")
        if len(words) != 2 or any(w.startswith(ARTICLE) for w in words):
            return [word]
        return [word, f"{ARTICLE}{words[0]} {ARTICLE}{words[1]}", f"{words[0]} {ARTICLE}{words[1]}"]
    if word.startswith(ARTICLE):
        return [word]
    forms = [word, ARTICLE + word]
    if word[-1] not in "ةاىءيو" and not word.endswith("ات"):
        forms.append(word + "ا")
    return forms


def verb_entry(cells: list[str]) -> Entry:
    """The forms of one verbs.tsv line (past, present, participle, verbal noun, extra)."""
    lemma, verb_class, past, short, present, participle, masdar, kind, target = cells[:9]
    extra = _listed(cells[9]) if len(cells) > 9 else []
    forms: list[tuple[str, str]] = []
    if verb_class != "-":
        row = Lemma(lemma, verb_class, past, past if short == "-" else short, present, participle, masdar)
        if past != "-":
            forms += [(f, "past") for f in past_forms(row)]
        forms += [(f, "present") for f in present_forms(row)]
        forms += [(f, "participle") for f in participle_forms(row)]
    if masdar != "-":
        forms += [(f, "masdar") for f in _with_article(masdar)]
        if verb_class != "-":
            forms += [(f, "masdar") for f in masdar_forms(Lemma(lemma, verb_class, past, short, present, "-", masdar))]
    else:
        forms += [(lemma, "phrase")] if verb_class == "-" else []
    forms += [(f, "extra") for word in extra for f in _with_article(word)]
    return Entry(lemma, kind, target, tuple(forms))


def noun_entry(cells: list[str]) -> Entry:
    """The forms of one nouns.tsv line (the noun, with the article, and its plurals and variants)."""
    noun, kind, target = cells[:3]
    extra = _listed(cells[3]) if len(cells) > 3 else []
    forms = [(f, "noun") for word in (noun, *extra) for f in _with_article(word)]
    return Entry(noun, kind, target, tuple(forms))


def read_entries(verbs: Path = VERBS, nouns: Path = NOUNS) -> list[Entry]:
    """Every lexicon entry, verbs first, in file order."""
    return [*map(verb_entry, resource_rows(verbs)), *map(noun_entry, resource_rows(nouns))]


def expand(entries: Iterable[Entry], excluded: set[str]) -> dict[str, tuple[str, str, str, str]]:
    """Normalised form -> (lemma, type, kind, target); the first entry to claim a form keeps it."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for entry in entries:
        for form, kind in entry.forms:
            key = " ".join(normalise_query(w) for w in form.split())
            if key and key not in excluded:
                out.setdefault(key, (entry.lemma, entry.type, kind, entry.target))
    return out


def excluded_forms(path: Path = NOT_TRIGGERS) -> set[str]:
    return {normalise_query(line.strip()) for line in resource_lines(path)}


def count_words(texts: Iterable[str], known: set[str]) -> Counter[str]:
    """How often each known one-word form occurs (a leading و or ف stripped when that makes it known)."""
    seen: Counter[str] = Counter()
    for text in texts:
        for word in _WORDS.findall(normalise_query(text)):
            if word not in known and len(word) > 3 and word[0] in "وف" and word[1:] in known:
                word = word[1:]
            if word in known:
                seen[word] += 1
    return seen


def write_triggers(forms: dict[str, tuple[str, str, str, str]], seen: Counter[str], out: Path) -> None:
    lines = ["# Generated by `python -m khabar.training.event_triggers build` from verbs.tsv, nouns.tsv,",
             "# not_triggers.txt and the ANT corpus. Do not edit: edit those and rebuild.",
             "# columns: form (normalised, words joined by a space)  lemma  type  kind  target  ant_count"]
    lines += [f"{form}\t{lemma}\t{kind}\t{how}\t{target}\t{seen[form]}"
              for form, (lemma, kind, how, target) in forms.items()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def gold_triggers(eval_dir: Path) -> Iterator[tuple[str, str]]:
    """(type, trigger) of the GSR spans' verbs and of the tune-half gold events."""
    for name, kind in (("assault_spans.json", "ASSAULT"), ("protest_spans.json", "PROTEST")):
        for record in json.loads((eval_dir / "events" / name).read_text(encoding="utf-8")):
            if record.get("verb_gold"):
                yield kind, record["verb_gold"]
    for gold in ("dev/gold.jsonl", "dev2/gold.jsonl"):
        for line in (eval_dir / gold).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line) if line.strip() else {}
            if str(doc.get("id", "")).startswith(TUNE_PREFIXES):
                text = doc["text"]
                yield from ((e["type"], text[e["trigger"]["start"] : e["trigger"]["end"]]) for e in doc.get("events", []))


def mine(eval_dir: Path, forms: dict[str, tuple[str, str, str, str]]) -> list[tuple[str, str, int]]:
    """Gold triggers no form covers (after a leading و/ف/ب/ل): (type, trigger, how often in the gold)."""
    missing: Counter[tuple[str, str]] = Counter()
    for kind, trigger in gold_triggers(eval_dir):
        key = " ".join(normalise_query(w) for w in trigger.split())
        if not any(k in forms for k in (key, key[1:], key[2:])):
            missing[(kind, key)] += 1
    return [(kind, key, n) for (kind, key), n in missing.most_common()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "mine"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"), help="mine: the shared eval folder")
    parser.add_argument("--out", type=Path, default=TRIGGERS)
    args = parser.parse_args(argv)
    forms = expand(read_entries(), excluded_forms())
    if args.command == "build":
        seen = count_words(ant_texts(args.data), {f for f in forms if " " not in f})
        write_triggers(forms, seen, args.out)
        print(f"wrote {len(forms):,} trigger forms to {args.out}; {sum(1 for f in forms if seen[f]):,} occur in ANT")
        return 0
    for kind, key, n in mine(args.eval, forms):
        print(f"{kind}\t{key}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
