"""Time reading and every stage of a pipeline on a list of articles, and print the costs as a table.

Each stage is timed through ``Pipeline.run_stage`` (the stage plus the pipeline's checks after it, as in
production). The first ``warmup`` articles run once untimed, so per-word caches are warm, and are left
out of the figures. Times are CPU seconds of this process (``time.process_time``: every thread counted),
so "per core" figures hold even while other people's jobs share the machine; the wall-clock time of
the whole measurement is printed beside them.
"""

from __future__ import annotations

import contextlib
import io
import resource
import sys
import time
from dataclasses import dataclass, field

from khabar.errors import StageError
from khabar.model import Document, TokenKind
from khabar.pipeline import Pipeline
from khabar.stages.read import read_stream


@dataclass
class Costs:
    """Seconds spent per step over ``articles`` articles holding ``tokens`` tokens (``words`` of them words)."""

    articles: int = 0
    tokens: int = 0
    words: int = 0
    failed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage
    wall_seconds: float = 0.0  # wall-clock time of the timed loop, for comparison
    per_article: list[tuple[float, int]] = field(default_factory=list)  # (CPU s of all stages, tokens) per article

    def block_rates(self, blocks: int, extra_per_article: float = 0.0) -> list[float]:
        """Articles/s in ``blocks`` consecutive blocks of the timed articles, each at the sample's average
        length (the block's tokens/s over the average tokens per article), so that longer or shorter
        articles in one block do not move it. ``extra_per_article``: seconds of steps timed as a whole, such
        as reading, spread evenly. The same code runs in every block: how far they differ is how much the
        machine's other work moved the figures during the run."""
        size = len(self.per_article) // blocks
        if size == 0 or not self.tokens:
            return []
        average = self.tokens / self.articles
        rates = []
        for block in range(blocks):
            chunk = self.per_article[block * size : (block + 1) * size]
            seconds = sum(spent for spent, _ in chunk) + size * extra_per_article
            rates.append(sum(tokens for _, tokens in chunk) / seconds / average)
        return rates


def read_documents(data: bytes) -> tuple[list[Document], int, float]:
    """Read JSON Lines bytes into Documents: ``(documents, rejected, CPU seconds)``."""
    started = time.process_time()
    results = list(read_stream(io.BytesIO(data), "<benchmark>", "benchmark", fmt="jsonl"))
    seconds = time.process_time() - started
    documents = [r for r in results if isinstance(r, Document)]
    return documents, len(results) - len(documents), seconds


def time_stages(pipeline: Pipeline, documents: list[Document], warmup: int, keep: list[Document] | None = None) -> Costs:
    """Run every stage on every article (after ``warmup`` untimed ones) and sum the seconds per stage;
    the analysed articles are appended to ``keep`` when given."""
    for doc in documents[:warmup]:
        with contextlib.suppress(StageError):  # a failing article is counted in the timed loop
            pipeline(doc)
    costs = Costs(seconds={stage.name: 0.0 for stage in pipeline.stages})
    clock = time.process_time
    wall = time.perf_counter()
    for doc in documents[warmup:]:
        spent = 0.0
        try:
            for stage in pipeline.stages:
                started = clock()
                doc = pipeline.run_stage(stage, doc)
                seconds = clock() - started
                costs.seconds[stage.name] += seconds
                spent += seconds
        except StageError as error:
            costs.failed += 1
            print(f"  (skipped: {error})", file=sys.stderr)
            continue
        costs.articles += 1
        costs.per_article.append((spent, len(doc.tokens)))
        if keep is not None:
            keep.append(doc)
        costs.tokens += len(doc.tokens)
        costs.words += sum(1 for t in doc.tokens if t.kind is TokenKind.WORD)
    costs.wall_seconds = time.perf_counter() - wall
    return costs


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB.

    Linux's ``VmHWM`` is per address space, so a worker started by fork+exec reports its own peak;
    ``ru_maxrss`` (the fallback elsewhere) survives exec and would report the parent's.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds else "inf"


def print_table(costs: Costs, extra: dict[str, float], total_rows: dict[str, list[str]]) -> None:
    """One row per step: seconds, share of the stages' time, articles/s, tokens/s, words/s, ms per article.

    ``extra`` steps (reading ...) are printed first; ``total_rows`` name sums of steps (``"all stages"``).
    """
    stage_total = sum(costs.seconds.values())
    rows = {**extra, **costs.seconds, **{name: sum({**extra, **costs.seconds}[s] for s in parts)
                                         for name, parts in total_rows.items()}}
    print(f"{'step':<28}{'CPU s':>9}{'share':>8}{'articles/s':>12}{'tokens/s':>12}{'words/s':>11}{'ms/article':>12}")
    for name, seconds in rows.items():
        share = f"{seconds / stage_total:.0%}" if name in costs.seconds and stage_total else ""
        rates = "".join(f"{_rate(count, seconds):>{width}}" for count, width in
                        ((costs.articles, 12), (costs.tokens, 12), (costs.words, 11)))
        print(f"{name:<28}{seconds:>9.3f}{share:>8}{rates}{1000 * seconds / max(costs.articles, 1):>12.2f}")
    print(f"(the stages took {stage_total:.2f} CPU s in {costs.wall_seconds:.2f} s of wall-clock time)")


BLOCKS = 5


def print_blocks(costs: Costs, extra_per_article: float, label: str) -> None:
    """Print ``label``'s articles/s in ``BLOCKS`` consecutive blocks of the run, and their median."""
    rates = costs.block_rates(BLOCKS, extra_per_article)
    if not rates:
        return
    median = sorted(rates)[len(rates) // 2]
    print(f"{label} in {len(rates)} consecutive blocks of {len(costs.per_article) // len(rates)} articles, at the average "
          f"length: {', '.join(f'{rate:,.0f}' for rate in rates)} articles/s (median {median:,.0f}; the same code in "
          "each block: the spread is the machine's other work)")


def time_checks(documents: list[Document]) -> float:
    """CPU seconds of the offset checks on finished articles: every layer once, as the checks after each
    stage add up to (each stage's check covers the layers it changed)."""
    from khabar.model import check_offsets

    started = time.process_time()
    for doc in documents:
        check_offsets(doc)
    return time.process_time() - started
