"""A silver set for the times stage: ANT articles of six outlets, annotated by hand to TIMES_GUIDELINES.md.

The shared dev2 gold has only 17 core expressions in its tune half, too few to tell a rule that
generalises from one that fits. The silver set adds ~36 articles drawn from the ANT corpus (Apache-2.0,
``../shared/data/news/ant``), six from each of France 24, BBC, Al Arabiya, Sky News, CNN (2018) and
Jawhara FM (2016-2017). ``draw`` picks them reproducibly: per outlet the articles of 500-2,500
characters are sorted by their ANT ``docno``, shuffled with ``random.Random(SEED)``, and taken in that
order, skipping any that shares a run of ``SHINGLE`` words with an article of the shared dev or dev2
sets or a golden test article (two were skipped: BB-sport-331-20180825, CN-internationalNews-651-20181006);
of each outlet's six the first three are the development half, the others the held-out half. When the
set was drawn (at bfe517f) none of the 36 shared a run of words with the tests or code either, so no
earlier round's rule was written from them.

The 18 random development articles turned out easy (khabar got all their core expressions right), so
the development half was grown by a dense draw: going on down each outlet's shuffled list after the six,
the next three articles of at most 2,000 characters with at least ``DENSE_CUES`` words that often mark a
time (``TIME_CUE``: month and weekday names, years, منذ, الماضي, أسبوع ...). They are harder than the
average article on purpose; the held-out half stays random, as the articles khabar meets.

``tests/data/times_silver.jsonl`` holds the annotations only (docno, half, anchor, and the expressions
with offsets into the ANT text, which is read from the corpus): one line per article, as
``times_score.py`` expects once the text is added.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError

SEED = 24
PER_OUTLET = 6
DEV_PER_OUTLET = 3
MIN_CHARS, MAX_CHARS = 500, 2500
YEARS = range(2016, 2019)  # published 2016-2018 (ANT v1.1 has some Jawhara FM articles of 2015)
SHINGLE = 7  # words in a row shared with an excluded text
ANT_FILES = ("news/ant/ant_v2.1_multisource.jsonl.gz", "news/ant/ant_v1.1_jawharafm.jsonl.gz")
OUTLETS = ("france24", "BBC", "alarabia", "skynews", "CNN", "Jawhara FM")
WORD = re.compile("[\u0621-\u064a\\w]+")
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
SILVER = "tests/data/times_silver.jsonl"
# The dense draw: articles with many words that often mark a time (a plain list, not khabar's grammar).
DENSE_PER_OUTLET = 3
DENSE_CUES = 10
DENSE_MAX_CHARS = 2000
TIME_CUE = re.compile(
    "(?<![\u0621-\u064a])[وبلف]?(?:ال)?(?:يناير|فبراير|مارس|[أا]بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|"
    "ديسمبر|كانون|شباط|آذار|نيسان|[أا]يار|حزيران|تموز|آب|[أا]يلول|تشرين|جانفي|فيفري|[أا]فريل|جوان|جويلية|[أا]وت|"
    "[أا]حد|[اإ]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمعة|سبت|[أا]مس|غدا|منذ|مقبل|مقبلة|ماضي|ماضية|[أا]سبوع|[أا]سابيع|شهر|[أا]شهر|"
    "عام|[أا]عوام|سنة|سنوات|يوم|[أا]يام|يومين|ساعة|ساعات|رمضان|(?:19|20)\\d\\d)(?![\u0621-\u064a\\d])")
Record = dict[str, Any]


def _not_blank(line: str) -> bool:
    return bool(line.strip())


def ant_articles(data_dir: Path, wanted: Callable[[str], bool] = _not_blank) -> Iterator[Record]:
    """The articles of the ANT corpus files whose line is ``wanted`` (every one by default), as the corpus gives
    them; a line is parsed only when wanted."""
    for name in ANT_FILES:
        path = data_dir / name
        try:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if wanted(line):
                        yield json.loads(line)
        except (OSError, json.JSONDecodeError) as exc:
            raise ResourceError(f"cannot read the ANT corpus {path}: {exc}") from exc


def article_text(record: Record) -> str:
    """The text khabar reads from an ANT record (NFC, ``\\n`` line ends)."""
    text = str(record.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def shingles(text: str) -> set[tuple[str, ...]]:
    """The runs of ``SHINGLE`` words of a text, without diacritics or tatweel."""
    words = WORD.findall(MARKS.sub("", text))
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def excluded_shingles(texts: Iterable[str]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for text in texts:
        found |= shingles(text)
    return found


def exclusion_texts(eval_dir: Path, repo: Path) -> Iterator[str]:
    """The texts no silver article may share a run of words with: dev, dev2 and the golden test articles."""
    for name in ("dev/articles.jsonl", "dev2/articles.jsonl"):
        try:
            with open(eval_dir / name, encoding="utf-8") as lines:
                yield from (str(json.loads(line)["text"]) for line in lines if line.strip())
        except (OSError, json.JSONDecodeError, KeyError) as exc:
            raise ResourceError(f"cannot read {eval_dir / name}: {exc}") from exc
    for path in sorted((repo / "tests" / "golden").glob("*/article.*")):
        yield path.read_text(encoding="utf-8", errors="replace")


def draw(data_dir: Path, eval_dir: Path, repo: Path) -> list[Record]:
    """The silver articles: id, docno, outlet, half, published (the day), text (see the module docstring)."""
    from khabar.stages.times.tagger import publication_date

    avoid = excluded_shingles(exclusion_texts(eval_dir, repo))
    by_outlet: dict[str, list[Record]] = defaultdict(list)
    for record in ant_articles(data_dir):
        text = article_text(record)
        day = publication_date(str(record.get("time") or ""))
        if (record.get("src") in OUTLETS and MIN_CHARS <= len(text) <= MAX_CHARS and day is not None
                and day.year in YEARS):
            by_outlet[record["src"]].append({"docno": record["docno"], "outlet": record["src"],
                                             "published": day.isoformat(), "text": text})
    chosen = []
    for outlet in OUTLETS:
        candidates = sorted(by_outlet[outlet], key=lambda r: str(r["docno"]))
        random.Random(SEED).shuffle(candidates)
        taken = list(_unseen(candidates, avoid, PER_OUTLET))
        for index, record in enumerate(taken):
            half = "dev" if index < DEV_PER_OUTLET else "heldout"
            chosen.append({"id": f"silver-{half}-{record['docno']}", "half": half, **record})
        rest = candidates[candidates.index(taken[-1]) + 1 :]
        dense = [r for r in rest if len(r["text"]) <= DENSE_MAX_CHARS and len(TIME_CUE.findall(r["text"])) >= DENSE_CUES]
        chosen += [{"id": f"silver-dense-{r['docno']}", "half": "dev", **r}
                   for r in _unseen(dense, avoid, DENSE_PER_OUTLET)]
    return chosen


def _unseen(candidates: list[Record], avoid: set[tuple[str, ...]], count: int) -> Iterator[Record]:
    taken = 0
    for record in candidates:
        if taken == count:
            return
        if shingles(record["text"]) & avoid:
            continue
        taken += 1
        yield record


def read_silver(path: Path, data_dir: Path, half: str | None = None) -> list[Record]:
    """The silver gold of ``path`` (one half, or both) with each article's text read from the ANT corpus.

    Each record is as ``times_score.py`` reads gold: ``id``, ``text``, ``published``, ``times`` (and ``half``).
    """
    try:
        with open(path, encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(f"cannot read the silver times {path}: {exc}") from exc
    rows = [row for row in rows if half is None or row["half"] == half]
    wanted = {row["docno"] for row in rows}
    texts = {r["docno"]: article_text(r) for r in _ant_records(data_dir, wanted)}
    gold = []
    for row in rows:
        text = texts.get(row["docno"])
        if text is None or text_sha(text) != row["sha"]:
            raise ResourceError(f"silver article {row['docno']} is {'not' if text is None else 'changed'} "
                                f"in the ANT corpus under {data_dir}")
        gold.append({"id": row["id"], "half": row["half"], "text": text, "published": row["published"],
                     "times": row["times"]})
    return gold


def _ant_records(data_dir: Path, docnos: set[str]) -> Iterator[Record]:
    """The ANT records of ``docnos`` (a line is parsed only when it names one: the corpus has 42k)."""
    keys = {f'"docno": "{docno}"' for docno in docnos}

    def wanted(line: str) -> bool:
        head = line[: line.find('", "url"') + 1]
        return head[head.find('"docno"'):] in keys

    return ant_articles(data_dir, wanted)


def main(argv: list[str] | None = None) -> int:
    """``draw``: print the drawn articles (with their texts) for annotating; ``gold``: print the silver gold
    of one half (or both) with the texts, as ``times_score.py`` reads it."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("what", choices=("draw", "gold"))
    parser.add_argument("--half", choices=("dev", "heldout"), default=None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--repo", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    if args.what == "draw":
        records = [{**r, "sha": text_sha(r["text"])} for r in draw(args.data, args.eval, args.repo)]
    else:
        records = read_silver(args.repo / SILVER, args.data, args.half)
    for record in records:
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
