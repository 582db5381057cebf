"""Engines run the pipeline over a stream of tasks; the configuration (``engine``) chooses one.

An engine takes ``Task``s (``engines.work``: a run-unique key beside each document) and yields one
``Done`` per task with the same key, in any order it likes; ``flow`` pairs results with documents
by that key and gives them out in input order. Every engine does the work itself through
``engines.work.annotate_payloads`` (or ``annotate_tasks`` in the same process), so the plain-data
boundary and the per-document error handling are the same whatever runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from ..errors import ConfigError
from .local import LocalEngine
from .work import Done, Task

if TYPE_CHECKING:
    from ..config import Config
    from ..pipeline import Pipeline


class Engine(Protocol):
    """What runs the pipeline: tasks in, one ``Done`` per task out (in any order)."""

    def run(self, tasks: Iterable[Task]) -> Iterator[Done]: ...


def _dask(config: Config, pipeline: Pipeline | None = None) -> Engine:
    """The Dask engine, imported only when chosen (Dask is an optional extra)."""
    from .dask import DaskEngine

    return DaskEngine(config, pipeline)


ENGINES: dict[str, Callable[[Config, Pipeline | None], Engine]] = {"local": LocalEngine, "dask": _dask}


def make_engine(config: Config, pipeline: Pipeline | None = None) -> Engine:
    """The engine the configuration names (``engine = "local"``), ready to run."""
    if config.engine not in ENGINES:
        raise ConfigError(
            f"engine {config.engine!r} is unknown; known engines: {', '.join(sorted(ENGINES))}", "E033"
        )
    return ENGINES[config.engine](config, pipeline)


__all__ = ["Done", "Engine", "LocalEngine", "Task", "make_engine"]
