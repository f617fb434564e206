"""Progress on standard error: a rich bar with rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


def _eta(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


class LineProgress:
    """One line per finished document: count, status, file, seconds, rate and ETA."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self.started = time.monotonic()

    def start(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()

    def advance(self, path: str, result: dict[str, Any]) -> None:
        self.done += 1
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = _eta((self.total - self.done) / rate) if rate else "?"
        width = len(str(self.total))
        line = (f"[{self.done:>{width}}/{self.total}] {result['status']:<5} {path} "
                f"({result.get('seconds') or 0:.2f}s; {rate:.2f} docs/s, ETA {eta})")
        if result.get("error"):
            line += f"\n    {result['error']}"
        self.log(line)

    def log(self, message: str) -> None:
        print(message, file=self.stream, flush=True)

    def close(self) -> None:
        pass


class RichProgress:
    """A live bar: done/total, documents per second, elapsed and remaining time; errors scroll above."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]docparse batch"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), TextColumn("[red]{task.fields[errors]} errors"),
            console=self.console, transient=False,
        )
        self.task = self.progress.add_task("batch", total=0, rate="-", errors=0)
        self.errors = 0

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)
        self.progress.start()

    def advance(self, path: str, result: dict[str, Any]) -> None:
        if result["status"] == "error":
            self.errors += 1
            from rich.markup import escape

            self.progress.console.print(f"[red]error[/red] {escape(result['error'])}", highlight=False)
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.2f}" if speed else "-", errors=self.errors)

    def log(self, message: str) -> None:
        self.progress.console.print(message, markup=False, highlight=False)

    def close(self) -> None:
        self.progress.stop()


def make_progress(quiet: bool) -> LineProgress | RichProgress:
    if not quiet and sys.stderr.isatty():
        return RichProgress()
    return LineProgress()
