"""A silver event set drawn from the ANT news corpus: the measuring stick for event mentions on outlets
nobody tuned for.

``python -m khabar.evaluation.events_silver draw --data ../shared/data --eval ../shared/eval`` draws the
articles: from the news categories (world, Middle East, politics, local news) of France 24, BBC, Al Arabiya,
Sky News Arabia, CNN and Jawhara FM, articles of ``MIN_CHARS``-``MAX_CHARS`` characters are ordered by a
seeded hash of their ANT ``docno``; any article that shares an eight-word run with a dev or dev2 article is
passed over (the comparison is done by the script, nobody reads the dev2 check texts); the first
``PER_SOURCE`` of each outlet are kept. Every other article of an outlet (by that order) is for
development, the rest only measured (``held_out``).

The events were annotated by hand to ``shared/eval/EVENTS_GUIDELINES.md`` before khabar's output on these
articles was looked at; they live in ``tests/data/events_silver.jsonl`` as offsets into the ANT text (the
texts themselves are read from ``--data``; a SHA-256 of each pins it). ANT is Apache-2.0 (cite the ANT
corpus, Chouigui et al.).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.times_silver import ant_articles  # the one reader of the ANT files for the silver sets

SEED = "khabar-events-silver-1"
SOURCES = ("france24", "BBC", "alarabia", "skynews", "CNN", "Jawhara FM")
CATEGORIES = frozenset({"internationalNews", "middleEast", "politic", "localNews"})
MIN_CHARS, MAX_CHARS = 700, 2400
PER_SOURCE = 4
SHINGLE = 8
GOLD_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "events_silver.jsonl"
_WORD = re.compile(r"[\u0621-\u064a]+")


def shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def eval_shingles(eval_dir: Path) -> set[tuple[str, ...]]:
    """The eight-word runs of every dev and dev2 article (never printed)."""
    out: set[tuple[str, ...]] = set()
    for path in (eval_dir / "dev" / "articles.jsonl", eval_dir / "dev2" / "articles.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out |= shingles(json.loads(line)["text"])
    return out


def rank(docno: str) -> str:
    return hashlib.sha256(f"{SEED}:{docno}".encode()).hexdigest()


def draw(data_dir: Path, eval_dir: Path) -> list[dict[str, Any]]:
    """The silver articles: (docno, src, cat, text, held_out), in outlet then rank order."""
    taken = eval_shingles(eval_dir)
    pool: dict[str, list[dict[str, Any]]] = {s: [] for s in SOURCES}
    for record in ant_articles(data_dir):
        text = record.get("text") or ""
        if record.get("src") in pool and record.get("cat") in CATEGORIES and MIN_CHARS <= len(text) <= MAX_CHARS:
            pool[record["src"]].append(record)
    out = []
    for source in SOURCES:
        kept = 0
        for record in sorted(pool[source], key=lambda r: rank(r["docno"])):
            if shingles(record["text"]) & taken:
                continue
            out.append({"docno": record["docno"], "src": source, "cat": record["cat"], "text": record["text"],
                        "held_out": kept % 2 == 1})
            kept += 1
            if kept == PER_SOURCE:
                break
    return out


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_gold(path: Path = GOLD_FILE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def publication_day(stamp: str) -> str | None:
    """The day of an ANT time stamp ("Sun, 18 Feb 2018 21:35:43 +0400" or ISO 8601), or None."""
    try:
        moment = datetime.fromisoformat(stamp) if stamp[:4].isdigit() else parsedate_to_datetime(stamp)
    except (TypeError, ValueError):
        return None
    return moment.date().isoformat()


def silver_articles(data_dir: Path, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold records with their ANT text and publication day filled in (the text checked against the
    pinned SHA-256).

    Raises:
        ResourceError: an article is missing from ANT or its text changed.
    """
    wanted = {g["docno"]: g for g in gold}
    found = {r["docno"]: r for r in ant_articles(data_dir) if r.get("docno") in wanted}
    out = []
    for docno, record in wanted.items():
        ant = found.get(docno)
        if ant is None or text_digest(ant["text"]) != record["sha256"]:
            raise ResourceError(f"silver article {docno}: missing from ANT under {data_dir} or its text changed")
        out.append({**record, "text": ant["text"], "meta": {"published": publication_day(ant.get("time") or "")}})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("draw",))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, help="write the drawn articles (with texts) as JSON Lines here")
    args = parser.parse_args(argv)
    drawn = draw(args.data, args.eval)
    for article in drawn:
        print(article["docno"], article["src"], article["cat"], len(article["text"]),
              "held-out" if article["held_out"] else "dev")
    if args.out:
        args.out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in drawn), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
