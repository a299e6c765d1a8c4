"""A Rich progress bar for batch runs: articles done, articles per second, time left."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over this run (records already done before it are not counted)."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        fresh = task.completed - task.fields.get("skipped", 0)
        if not elapsed or fresh <= 0:
            return Text("– articles/s", style="progress.data.speed")
        return Text(f"{fresh / elapsed:,.0f} articles/s", style="progress.data.speed")


class RichProgress:
    """Draws a batch run's progress on stderr; counts records (articles, or files read whole)."""

    def __init__(self, console: Console | None = None) -> None:
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            RateColumn(), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
            console=console or Console(stderr=True), speed_estimate_period=60,
        )
        self.task_id: TaskID | None = None

    def start(self, total: int, done: int) -> None:
        # added with its skipped records already complete, so they take no part in the speed estimate
        self.task_id = self.progress.add_task("khabar batch", total=total, completed=done, skipped=done)
        self.progress.start()

    def advance(self, records: int, documents: int) -> None:
        if self.task_id is not None:
            self.progress.advance(self.task_id, records)

    def stop(self) -> None:
        self.progress.stop()
