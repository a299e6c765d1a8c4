"""Build the word-frequency list the segmenter uses to tell clitics from letters.

``python -m khabar.training.vocab --data ../shared/data`` counts the Arabic word forms of the ANT news
corpus (Apache-2.0; SaudiNewsNet is non-commercial and never feeds a shipped file) after removing
diacritics, tatweel and invisible marks, and writes the forms seen at least ``--min-count`` times to
``src/khabar/resources/vocab.tsv.gz`` (form TAB count, most frequent first). Deterministic: the same
corpus gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.stages.normalise import light_form
from khabar.training.ant import ant_records

ARABIC_WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670\u0671-\u06d3]+")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "vocab.tsv.gz"


def ant_texts(data_dir: Path) -> Iterator[str]:
    """The title and text of every ANT article under ``data_dir/news/ant``."""
    for _name, _number, record in ant_records(data_dir):
        yield record.get("title") or ""
        yield record.get("text") or ""


def count_forms(texts: Iterable[str]) -> Counter[str]:
    """Count light forms (no diacritics or tatweel, hamza kept) of the Arabic words in ``texts``."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(light_form(word) for word in ARABIC_WORD.findall(text))
    counts.pop("", None)
    return counts


def write_vocab(counts: Counter[str], out: Path, min_count: int) -> int:
    """Write forms with at least ``min_count`` occurrences, most frequent first; return how many."""
    rows = sorted(((c, f) for f, c in counts.items() if c >= min_count), key=lambda r: (-r[0], r[1]))
    out.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{form}\t{count}\n" for count, form in rows).encode("utf-8")
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(body)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)
    counts = count_forms(ant_texts(args.data))
    kept = write_vocab(counts, args.out, args.min_count)
    print(f"read {sum(counts.values()):,} words, {len(counts):,} forms from ANT; wrote {kept:,} forms "
          f"(count >= {args.min_count}) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
