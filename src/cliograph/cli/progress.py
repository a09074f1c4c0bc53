"""A rich progress bar for batches: documents, words per second, time left."""
from __future__ import annotations

import contextlib
import sys
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextlib.contextmanager
def batch_progress(total: int, show: bool | None):
    """Yield a callback taking each finished result; draws on stderr when `show` (default: a terminal)."""
    if show is None:
        show = sys.stderr.isatty()
    if not show or total == 0:
        yield None
        return
    start = time.perf_counter()
    words = 0
    columns = (TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} words/s"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("batch", total=total, rate="0")

        def on_result(res: dict) -> None:
            nonlocal words
            words += res.get("words", 0)
            rate = words / max(time.perf_counter() - start, 1e-6)
            bar.update(task, advance=1, rate=f"{rate:,.0f}")

        yield on_result
