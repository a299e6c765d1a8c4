"""A benchmark corpus from the shared news data: a seeded sample of real articles, as JSON Lines bytes.

Sources (``$KHABAR_DATA/news`` or ``<repo>/../shared/data/news``): ANT (``ant/*.jsonl.gz``, Apache-2.0) and
SaudiNewsNet (``saudinewsnet/*.zip``, daily JSON arrays; CC BY-NC-SA: benchmarks only, nothing derived
from it is ever shipped). The sample is drawn by reservoir sampling with a fixed seed over both corpora
in a fixed order, so the same ``--articles`` and ``--seed`` give the same articles on any machine that
holds the same data. Only the sample is kept in memory, never the corpus.

Also shared by the benchmark scripts: pinning to one core, and the load average line.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# One thread per process for numerical libraries, set before any of them is imported (this module is
# imported first): the figures are per core, and workers of a cluster must not fight over cores.
os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
CORPORA = ("ant", "saudinewsnet")


def news_dir() -> Path:
    """The shared news folder: ``$KHABAR_DATA/news`` or ``<repo>/../shared/data/news``."""
    return Path(os.environ.get("KHABAR_DATA", REPO.parent / "shared" / "data")) / "news"


def ant_lines(news: Path) -> Iterator[bytes]:
    """Every ANT record, as the raw JSON line (parsed only if sampled)."""
    for path in sorted((news / "ant").glob("*.jsonl.gz")):
        with gzip.open(path, "rb") as stream:
            yield from (line.rstrip(b"\n") for line in stream if line.strip())


def saudinewsnet_lines(news: Path) -> Iterator[bytes]:
    """Every SaudiNewsNet article as a JSON line, its extraction date given as the publication date."""
    for path in sorted((news / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for record in json.loads(archive.read(name)):
                    record.setdefault("published", record.get("date_extracted"))
                    yield json.dumps(record, ensure_ascii=False).encode("utf-8")


def sample_lines(articles: int, seed: int = 0, corpora: tuple[str, ...] = CORPORA) -> list[bytes]:
    """``articles`` JSON lines drawn at random (reservoir sampling, seeded) from the corpora."""
    news = news_dir()
    if not news.is_dir():
        raise SystemExit(f"no news data at {news} (set KHABAR_DATA to the shared data folder)")
    readers = {"ant": ant_lines, "saudinewsnet": saudinewsnet_lines}
    rng = random.Random(seed)
    reservoir: list[bytes] = []
    seen = 0
    for corpus in corpora:
        for line in readers[corpus](news):
            seen += 1
            if len(reservoir) < articles:
                reservoir.append(line)
            else:
                slot = rng.randrange(seen)
                if slot < articles:
                    reservoir[slot] = line
    return reservoir


def json_lines(lines: list[bytes]) -> bytes:
    """The sample as one JSON Lines file's bytes."""
    return b"\n".join(lines) + b"\n"


@contextmanager
def one_core() -> Iterator[str]:
    """Run the block on one CPU (so its figures are per core); give the others back afterwards."""
    if not hasattr(os, "sched_setaffinity"):
        yield "not pinned (no sched_setaffinity)"
        return
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        yield f"pinned to CPU {min(cores)}"
    finally:
        os.sched_setaffinity(0, cores)


def load_line() -> str:
    """The machine's load averages (other work running at the same time skews every figure)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"
