"""Benchmark the archive: ingest N ANT articles (default 10,000) and time searches against the result.

    python benchmarks/search_speed.py [--articles 10000] [--db PATH] [--repeat 20]

Prints ingest throughput (articles/s overall, and for the store alone, i.e. without reading and the
pipeline), the archive's size on disk, and search latency (median, 95th percentile, worst) for a
mix of queries: frequent and rare words, phrases, prefixes, OR, exclusions, filters, quotes and entities.
The target is < 100 ms per search on 10,000 articles. The ANT corpus is Apache-2.0
(``$KHABAR_DATA/news/ant`` or ``<repo>/../shared/data/news/ant``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from khabar.errors import KhabarError
from khabar.model import Document
from khabar.pipeline import default_pipeline
from khabar.stages.read import ReadResult, read_stream
from khabar.store import (
    Filters,
    Store,
    entity_detail,
    find_quotes,
    ingest,
    list_entities,
    list_places,
    open_store,
    search_documents,
)

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0
QUERIES: list[tuple[str, Callable[[Store], object]]] = [
    ("frequent word: في", lambda s: search_documents(s, "في")),
    ("word: الموصل", lambda s: search_documents(s, "الموصل")),
    ("word typed without hamza: الامم", lambda s: search_documents(s, "الامم")),
    ("two words: ترامب ايران", lambda s: search_documents(s, "ترامب ايران")),
    ('phrase: "الامم المتحدة"', lambda s: search_documents(s, '"الامم المتحدة"')),
    ("prefix: اقتصا*", lambda s: search_documents(s, "اقتصا*")),
    ("OR: السعودية OR الامارات", lambda s: search_documents(s, "السعودية OR الامارات")),
    ("exclusion: كرة -القدم", lambda s: search_documents(s, "كرة -القدم")),
    ("rare word: البيشمركة", lambda s: search_documents(s, "البيشمركة")),
    ("word + outlet filter", lambda s: search_documents(s, "الحكومة", Filters(outlet="BBC"))),
    ("word + date range", lambda s: search_documents(s, "الحكومة", Filters(date_from=date(2018, 3, 1), date_to=date(2018, 3, 31)))),
    ("page 5 of a frequent word", lambda s: search_documents(s, "قال", offset=80)),
    ("no words, newest first", lambda s: search_documents(s, "")),
    ("no words, outlet filter", lambda s: search_documents(s, "", Filters(outlet="CNN"))),
    ("quotes about: الحكومة", lambda s: find_quotes(s, "الحكومة")),
    ("entity filter by name: ترامب", lambda s: search_documents(s, "", Filters(entity="ترامب"))),
    ("quotes by speaker: ترامب", lambda s: find_quotes(s, "", Filters(speaker="ترامب"))),
    ("quotes by ترامب about ايران", lambda s: find_quotes(s, "ايران", Filters(speaker="ترامب"))),
    ("word + speaker filter", lambda s: search_documents(s, "الاتفاق", Filters(speaker="ترامب"))),
    ("word + place filter", lambda s: search_documents(s, "الحكومة", Filters(place="العراق"))),
    ("entity page: the most named", lambda s: _top_entity_page(s)),
    ("top people", lambda s: list_entities(s, "PER")),
    ("places for the map", lambda s: list_places(s)),
]


def _top_entity_page(store: Store) -> object:
    total, top = list_entities(store, limit=1)
    return entity_detail(store, top[0].id) if top else (0, ())


def ant_documents(limit: int, stride: int) -> Iterator[ReadResult]:
    """Every ``stride``-th ANT record (all outlets: multi-source and JawharaFM) up to ``limit``, read like
    ``khabar ingest`` reads JSON Lines."""
    ant = Path(os.environ.get("KHABAR_DATA", REPO.parent / "shared" / "data")) / "news" / "ant"
    files = sorted(ant.glob("ant_v2*.jsonl.gz")) + sorted(ant.glob("ant_v1*.jsonl.gz"))
    if not files:
        sys.exit(f"no ANT corpus under {ant} (set KHABAR_DATA)")

    def lines() -> Iterator[bytes]:
        for path in files:
            with gzip.open(path, "rb") as stream:
                yield from stream

    sample = list(islice(islice(lines(), 0, None, stride), limit))
    return read_stream(io.BytesIO(b"".join(sample)), "ant-sample", "ant", fmt="jsonl")


class Clock:
    """Counts the seconds spent producing results (reading and the pipeline) while the store consumes them."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, results: Iterable[Document | KhabarError]) -> Iterator[Document | KhabarError]:
        iterator = iter(results)
        while True:
            started = time.perf_counter()
            item = next(iterator, None)
            self.seconds += time.perf_counter() - started
            if item is None:
                return
            yield item


def bench_ingest(db: Path, articles: int, stride: int, fake: bool) -> None:
    pipeline = default_pipeline()
    print(f"pipeline stages: {', '.join(pipeline.names)}" + (" + stand-in entities/quotes/places" if fake else ""))
    results = pipeline.run_many(ant_documents(articles, stride))
    if fake:
        from fake_layers import add_fake_layers

        results = (add_fake_layers(r) if isinstance(r, Document) else r for r in results)
    clock = Clock()
    with open_store(db, create=True) as store:
        started = time.perf_counter()
        summary = ingest(store, clock.wrap(results))
        total = time.perf_counter() - started
        counts = {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "entities", "mentions", "quotes", "places", "times")}
    stored = summary.added + summary.duplicates
    store_seconds = total - clock.seconds
    print(f"ingested {summary.added:,} new, {summary.duplicates:,} duplicates, {len(summary.rejected):,} rejected "
          f"in {total:.1f} s: {summary.seen / total:,.0f} articles/s overall")
    print(f"  reading + pipeline {clock.seconds:.1f} s; store {store_seconds:.1f} s = {stored / store_seconds:,.0f} articles/s")
    print(f"  rows: {counts}")
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    print(f"  archive on disk: {size / 1e6:,.1f} MB ({db})")


def _count(result: object) -> int:
    """How many results a query found: ``SearchPage.total``, a ``(total, items)`` pair, or a tuple's length."""
    if hasattr(result, "total"):
        return int(result.total)
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], int):
        return result[0]
    return len(result) if isinstance(result, tuple) else 0


def bench_search(db: Path, repeat: int) -> None:
    with open_store(db, readonly=True) as store:
        print(f"\nsearch latency over {store.document_count():,} articles, {repeat} runs each (ms):")
        print(f"  {'query':<40} {'median':>7} {'p95':>7} {'max':>7}  results")
        worst = 0.0
        for name, run in QUERIES:
            run(store)  # warm the page cache once
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                result = run(store)
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            worst = max(worst, p95)
            print(f"  {name:<40} {statistics.median(times):7.1f} {p95:7.1f} {times[-1]:7.1f}  {_count(result)}")
        verdict = "meets" if worst < TARGET_MS else "MISSES"
        print(f"worst p95 {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="archive to build (default: a temporary file, removed after)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stride", type=int, default=4, help="take every n-th ANT record (spreads over outlets)")
    parser.add_argument("--fake-layers", action="store_true",
                        help="add stand-in entities, quotes and places (benchmarks/fake_layers.py) when the real stages are missing")
    parser.add_argument("--search-only", action="store_true", help="time searches on an existing --db")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as folder:
        db = args.db or Path(folder) / "bench.db"
        if not args.search_only:
            if db.exists():
                sys.exit(f"{db} exists; remove it or use --search-only")
            bench_ingest(db, args.articles, args.stride, args.fake_layers)
        bench_search(db, args.repeat)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
