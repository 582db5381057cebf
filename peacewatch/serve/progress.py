"""A progress display for long command-line runs (rich), or nothing when it is not wanted."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

SHOW_AFTER_SECONDS = 1.0


@contextmanager
def progress_bar(enabled: bool, label: str = "documents") -> Iterator[Callable[[Any], None]]:
    """Yield a ``tick(item)`` to call once per processed item.

    The display appears only once a run has taken more than a second, so short runs print
    nothing; it shows the count, the failures so far and the elapsed time, and vanishes at the end.
    """
    if not enabled:
        yield lambda item: None
        return
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
               TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn())
    progress = Progress(*columns, transient=True, refresh_per_second=4)
    task = progress.add_task(label, total=None, failed=0)
    begun = time.monotonic()
    state = {"failed": 0, "shown": False}

    def tick(item: Any) -> None:
        state["failed"] += getattr(item, "error", None) is not None
        progress.update(task, advance=1, failed=state["failed"])
        if not state["shown"] and time.monotonic() - begun > SHOW_AFTER_SECONDS:
            progress.start()
            state["shown"] = True

    try:
        yield tick
    finally:
        if state["shown"]:
            progress.stop()
