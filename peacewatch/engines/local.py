"""The default engine: the pipeline in this process, or in N worker processes on this machine.

Both paths read the input only in the calling thread, one batch (``batch_size`` tasks) at a time,
and do the work through ``engines.work`` (the same code any other engine uses). In this process a
document's time limit is an alarm around its components; with workers, ``engines.pool`` adds a
watchdog that replaces a worker stuck where no alarm reaches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..config import Config
from ..pipeline import Pipeline
from .pool import WorkerPool
from .work import Done, Task, annotate_tasks


def chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """The tasks in lists of ``size`` (the last one shorter), read lazily."""
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalEngine:
    """One machine, ``config.workers`` processes; results come back in input order."""

    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline of the in-process path, built on first use."""
        if self._pipeline is None:
            self._pipeline = Pipeline.build(self.config)
        return self._pipeline

    def run(self, tasks: Iterable[Task]) -> Iterator[Done]:
        batches = chunks(tasks, self.config.batch_size)
        if self.config.workers <= 1:
            for batch in batches:
                yield from annotate_tasks(self.pipeline, batch)
            return
        for done in WorkerPool(self.config, self.config.workers).run(batches):
            yield from done
