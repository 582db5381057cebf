"""The Dask engine: annotation as Dask tasks, on a cluster on this machine or on an existing one.

The input is read only here, in the calling thread, ``partition_size`` tasks at a time; each
partition becomes one Dask task (``engines.partition.run_partition``: plain payloads in and out,
through ``engines.work.annotate_payloads``), and each worker process builds the pipeline once and
keeps it. At most ``2 × threads`` partitions are on the cluster at once, so memory stays bounded on a
long input, and results are given back as they finish (``distributed.wait``, with a limit); ``flow`` pairs them with
their documents by key.

Failures: a document past ``document_timeout`` is stopped inside its worker (E032, see
``engines.partition``). A worker that dies (a crash in C, out of memory, or ended by the watchdog
because it was stuck in C) costs Dask a retry: the scheduler hands its partition out again, up to
``dask_retries`` times (Dask's ``allowed-failures``). A partition that keeps killing workers is then
split and its documents are run one per task. Dask blames every task the dead worker held, queued
ones too, so a document that loses its workers that way may only have shared them with the culprit:
it is run once more at the end, alone on the cluster, and only a document that kills its workers
there fails (E031). The run goes on; nothing waits for ever on a lost worker.

Without ``dask_scheduler`` the engine starts a ``LocalCluster`` (``workers`` processes of one thread
each, no dashboard) and closes it at the end of the run; with it, it connects to that scheduler.
Dask is an optional extra: ``pip install 'peacewatch[dask]'`` (E024 when missing).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from ..config import Config
from ..errors import DependencyError, PeacewatchError, ProcessingError
from ..pipeline import Pipeline
from ..types import Document
from .local import chunks
from .partition import GRACE, run_partition
from .pool import START_LIMIT, _component_modules
from .work import Done, Task, failed

# Seconds to wait for an existing scheduler to answer before giving up (E034).
CONNECT_TIMEOUT = 30
# The local cluster's scheduler gives each worker thread one task at a time (Dask's default sends a
# few ahead): when a worker dies, Dask blames every task it held, so with one each only the partition
# that was running is blamed and retried, never the innocent ones queued behind it.
LOCAL_SCHEDULER = {"distributed.scheduler.worker-saturation": 1.0}


def _distributed() -> ModuleType:
    """``dask.distributed``, or the coded error that says how to install it."""
    try:
        import distributed
    except ImportError as e:
        raise DependencyError("distributed", "dask", "the Dask engine (engine = \"dask\")") from e
    return distributed


class DaskEngine:
    """``config.workers`` local Dask worker processes, or the cluster at ``config.dask_scheduler``."""

    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        # The workers build their own pipelines; one built here would be of no use to them.
        self.config = config
        self._modules = _component_modules(config)
        _distributed()

    def run(self, tasks: Iterable[Task]) -> Iterator[Done]:
        dd = _distributed()
        with self._client(dd) as client:
            yield from _Run(dd, client, self.config, self._modules).feed(tasks)

    @contextmanager
    def _client(self, dd: ModuleType) -> Iterator[Any]:
        import dask

        address = self.config.dask_scheduler
        if address:
            try:
                client = dd.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError) as e:
                raise ProcessingError(f"cannot reach the Dask scheduler at {address}: {e}", "E034") from e
            with client:
                yield client
            return
        with dask.config.set(LOCAL_SCHEDULER):
            cluster = dd.LocalCluster(
                n_workers=self.config.workers, threads_per_worker=1, processes=True,
                dashboard_address=":0", scheduler_port=0, silence_logs=logging.ERROR,
                scheduler_kwargs={"allowed_failures": self.config.dask_retries},
            )
        with cluster, dd.Client(cluster, set_as_default=False) as client:
            yield client


class _Run:
    """One run's partitions on the cluster: submitted a bounded number at a time, taken as they finish.

    Every wait on the cluster has a limit (``_limit``): what the partitions it waits for may take at
    most, each document its ``document_timeout``, each partition its retries and a worker's start.
    A cluster that finishes nothing within it (no workers at all, or none that can reach the
    scheduler) stops the run with E034 instead of leaving it waiting for ever.
    """

    def __init__(self, dd: ModuleType, client: Any, config: Config, modules: list[str]) -> None:
        self.dd, self.client, self.config, self.modules = dd, client, config, modules
        self.pending: dict[Any, list[Task]] = {}
        self.suspects: list[Task] = []  # one-document tasks whose workers died: run alone at the end
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = 2 * threads

    def feed(self, tasks: Iterable[Task]) -> Iterator[Done]:
        partitions = chunks(tasks, self.config.partition_size)
        try:
            self._top_up(partitions)
            while self.pending:
                for future in self._finished():
                    yield from self._collect(future, self.pending.pop(future))
                self._top_up(partitions)
            for task in self.suspects:
                yield self._alone(task)
        finally:
            if self.pending:  # the run was cut short: nothing should go on computing for it
                self.client.cancel(list(self.pending))

    def _top_up(self, partitions: Iterator[list[Task]]) -> None:
        while len(self.pending) < self.in_flight and (more := next(partitions, None)) is not None:
            self._submit(more)

    def _finished(self) -> list[Any]:
        """The pending futures that have finished, in the order they were sent; waits for one at least."""
        limit = self._limit([t for part in self.pending.values() for t in part])
        try:
            with self.client.as_current():  # ``wait`` asks for the current client; ours is not the default
                done = set(self.dd.wait(list(self.pending), timeout=limit, return_when="FIRST_COMPLETED").done)
        except TimeoutError as e:
            raise _silent(limit, len(self.pending)) from e
        return [f for f in self.pending if f in done]

    def _limit(self, tasks: list[Task]) -> float | None:
        """The longest the given tasks may take on the cluster, one after another, retries included
        (None when documents have no time limit: then neither has the wait)."""
        timeout = self.config.document_timeout
        if timeout <= 0:
            return None
        chars = max(self.config.piece_chars // 2, 1)  # a piece is at least half piece_chars long
        texts = sum(len(t.item.text) // chars + 1 for t in tasks if isinstance(t.item, Document))
        budget = START_LIMIT + GRACE + timeout * (1 + texts)
        return budget * (self.config.dask_retries + 1)

    def _submit(self, part: list[Task]) -> None:
        self._send(part)

    def _send(self, part: list[Task]) -> Any:
        """One partition on the cluster, kept as pending until its result is taken."""
        future = self.client.submit(run_partition, self.config, self.modules, [t.to_payload() for t in part],
                                    pure=False, retries=self.config.dask_retries)
        self.pending[future] = part
        return future

    def _collect(self, future: Any, part: list[Task]) -> list[Done]:
        try:
            answer = future.result()  # finished (``_finished``): no wait
        except self.dd.KilledWorker:
            if len(part) > 1:  # find the document that kills workers: each on its own from now on
                for task in part:
                    self._submit([task])
                return []
            self.suspects.extend(part)
            return []
        except Exception as e:  # noqa: BLE001 - a worker that cannot run peacewatch at all
            raise _unrunnable(e) from e
        return _answered(answer)

    def _alone(self, task: Task) -> Done:
        """Run one suspect with nothing else on the cluster: if its workers die now, it killed them."""
        future = self._send([task])
        limit = self._limit([task])
        try:
            answer = future.result(timeout=limit)
        except TimeoutError as e:
            raise _silent(limit, 1) from e
        except self.dd.KilledWorker:
            return failed(task, _killer())
        except Exception as e:  # noqa: BLE001 - a worker that cannot run peacewatch at all
            raise _unrunnable(e) from e
        finally:
            self.pending.pop(future, None)
        return _answered(answer)[0]


def _answered(answer: dict[str, Any]) -> list[Done]:
    """The results of one partition, or the run's own coded failure it reported."""
    if "failed" in answer:
        raise PeacewatchError(answer["failed"]["message"], answer["failed"]["code"])
    return [Done.from_payload(p) for p in answer["done"]]


def _unrunnable(e: Exception) -> ProcessingError:
    return ProcessingError(f"a Dask worker could not run the partition: {type(e).__name__}: {e} "
                           "(is the same peacewatch installed on every worker?)", "E034")


def _silent(limit: float | None, waiting: int) -> ProcessingError:
    return ProcessingError(f"the Dask cluster finished none of {waiting} partition(s) within {limit or 0:.0f} s, "
                           "what they may take at most with their time limits and retries; does the "
                           "cluster have workers that can reach the scheduler?", "E034")


def _killer() -> ProcessingError:
    return ProcessingError("the Dask worker running this document died each time it was run (out of memory, a crash "
                           "inside spaCy, or stuck past document_timeout where it could not be interrupted); "
                           "rerun it with --engine local --workers 1 to see the cause", "E031")
