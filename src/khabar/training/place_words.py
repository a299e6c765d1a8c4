"""Count how often each gazetteer name is a place in the news: ``resources/places/common_names.tsv``.

``khabar build place-words`` (or ``python -m khabar.training.place_words``) runs the entity stage, without
its gazetteer mentions, over the ANT news corpus (Apache-2.0) and counts, for every gazetteer name found
as whole words, its uses and the uses inside a LOC mention of the tagger. A name used often and seldom
tagged a place ("الجديدة" the new, "الحكومة", "العيون" the eyes) is a common word: the place mention finder
(``khabar.stages.places.mentions``) asks for a designator before it ("مدينة الجديدة").

Articles of the evaluation sets (``--exclude``: dev and dev2 texts) are skipped, so their names are not
counted. The output is deterministic for the same corpus, model and gazetteer.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.model import Document
from khabar.stages.entities.rules import token_stems
from khabar.stages.entities.stage import tokens_by_sentence
from khabar.training.ant import ant_records

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "places" / "common_names.tsv"
MIN_USES = 5  # names used less often are written out: too few uses to call them common
FINGERPRINT_CHARS = 120
HEADER = (
    "# How often each gazetteer name is used in the ANT news corpus (Apache-2.0) and how often the entity\n"
    "# tagger calls that use a place; built by `khabar build place-words` (src/khabar/training/place_words.py).\n"
    "# Names used at least {min_uses} times only. Read by khabar.stages.places.gazetteer.load_common_names.\n"
    "name\tuses\tplaces\n"
)


def fingerprint(text: str) -> str:
    """The first letters of a text, spaces dropped: the same article whatever its whitespace."""
    return "".join(text.split())[:FINGERPRINT_CHARS]


def excluded_fingerprints(paths: Iterable[Path]) -> set[str]:
    """Fingerprints of the articles of evaluation sets (JSON Lines with a ``text`` field)."""
    prints = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                prints.add(fingerprint(json.loads(line).get("text") or ""))
    return prints


def ant_articles(data: Path, excluded: set[str], limit: int) -> Iterator[Document]:
    """Up to ``limit`` ANT articles as Documents, the evaluation sets' left out."""
    count = 0
    for name, number, record in ant_records(data):
        text = (record.get("text") or "").strip()
        if not text or fingerprint(text) in excluded:
            continue
        yield Document(id=f"{name}:{number}", text=text)
        count += 1
        if count >= limit:
            return


def count_uses(docs: Iterable[Document]) -> tuple[Counter[str], Counter[str]]:
    """(uses, uses inside a tagged LOC mention) of every gazetteer name in ``docs``."""
    from khabar.pipeline import Pipeline, core_stages
    from khabar.stages.entities import EntityTagger
    from khabar.stages.places.mentions import PlaceMentionFinder

    tagger = EntityTagger.load()
    tagger = EntityTagger(tagger.tagger, tagger.heads, tagger.roles.titles, tagger.outlets, tagger.rules)  # no gazetteer mentions
    pipeline = Pipeline([*core_stages(), tagger])
    finder = PlaceMentionFinder.load()
    uses: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for doc in docs:
        doc = pipeline(doc)
        locs = sorted((m.start, m.end) for e in doc.entities if e.label == "LOC" for m in e.mentions)
        sentences = tokens_by_sentence(doc.sentences, doc.tokens)
        for found in finder.every_name(doc.text, sentences, token_stems(doc.text, sentences)):
            uses[found.key] += 1
            if any(s <= found.mention.start and found.mention.end <= e for s, e in locs):
                places[found.key] += 1
    return uses, places


def write(uses: Counter[str], places: Counter[str], out: Path, min_uses: int = MIN_USES) -> int:
    """Write the names used at least ``min_uses`` times, sorted; return how many."""
    rows = [f"{key}\t{count}\t{places[key]}\n" for key, count in sorted(uses.items()) if count >= min_uses]
    out.write_text(HEADER.format(min_uses=min_uses) + "".join(rows), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--exclude", type=Path, nargs="*",
                        default=[Path("../shared/eval/dev/articles.jsonl"), Path("../shared/eval/dev2/articles.jsonl")],
                        help="evaluation sets (JSON Lines) whose articles are not counted")
    parser.add_argument("--articles", type=int, default=20_000, help="how many ANT articles to read")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    excluded = excluded_fingerprints(p for p in args.exclude if p.exists())
    uses, places = count_uses(ant_articles(args.data, excluded, args.articles))
    kept = write(uses, places, args.out)
    print(f"counted {sum(uses.values()):,} uses of {len(uses):,} names; wrote {kept:,} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

