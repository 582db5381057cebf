"""The Dask engine never waits on its cluster without a limit.

The bug: the run took finished partitions from ``as_completed`` and a suspect's result from
``Future.result()``, both without a time limit; a cluster that finishes nothing (a scheduler without
workers, workers that cannot reach it) left the run waiting for ever. Each wait now has the longest
its partitions may take (time limits, retries, a worker's start) and ends the run with E034.

A stand-in cluster (no Dask needed) whose futures finish only when a test says so drives the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from peacewatch.config import load_config
from peacewatch.engines import dask as dask_engine
from peacewatch.engines.work import Done, Task
from peacewatch.errors import ProcessingError
from peacewatch.types import Document, Result


class Future:
    def __init__(self, payloads: list[dict[str, Any]], finishes: bool) -> None:
        self.payloads, self.finishes = payloads, finishes

    def result(self, timeout: float | None = None) -> dict[str, Any]:
        if not self.finishes:
            assert timeout is not None, "a result waited for without a limit"
            raise TimeoutError
        return {"done": [Done(p["key"], Result(id=p["data"]["id"])).to_payload() for p in self.payloads]}


class Cluster:
    """Stands in for ``dask.distributed`` and a client: partitions finish unless ``stall`` says not."""

    class KilledWorker(Exception):
        pass

    def __init__(self, stall: bool) -> None:
        self.stall = stall
        self.limits: list[float | None] = []
        self.cancelled: list[Any] = []
        self.current = False

    @contextmanager
    def as_current(self) -> Iterator[None]:
        self.current = True
        yield
        self.current = False

    def nthreads(self) -> dict[str, int]:
        return {"worker": 1}

    def submit(self, fn: Any, config: Any, modules: Any, payloads: list[dict[str, Any]], **kw: Any) -> Future:
        return Future(payloads, finishes=not self.stall)

    def wait(self, futures: list[Future], timeout: float | None = None, return_when: str = "") -> Any:
        assert self.current, "wait needs the run's client as the current one"
        self.limits.append(timeout)
        done = {f for f in futures if f.finishes}
        if not done:
            assert timeout is not None, "the cluster waited for without a limit"
            raise TimeoutError

        class Answer:
            pass

        answer = Answer()
        answer.done = done  # type: ignore[attr-defined]
        return answer

    def cancel(self, futures: list[Any]) -> None:
        self.cancelled.extend(futures)


def tasks(n: int) -> list[Task]:
    return [Task(i, Document(id=f"d{i}", text="Talks resumed. " * 10)) for i in range(n)]


def run(cluster: Cluster, n: int, **overrides: Any) -> list[Done]:
    config = load_config(None, partition_size=2, **overrides)
    return list(dask_engine._Run(cluster, cluster, config, []).feed(tasks(n)))  # type: ignore[arg-type]


def test_a_cluster_that_finishes_nothing_stops_the_run_with_a_coded_error():
    cluster = Cluster(stall=True)
    with pytest.raises(ProcessingError) as e:
        run(cluster, 5)
    assert e.value.code == "E034" and "finished none of 2 partition(s)" in e.value.message
    assert cluster.limits and all(t is not None and t > 0 for t in cluster.limits)
    assert len(cluster.cancelled) == 2  # what was sent is cancelled, not left computing


def test_the_limit_grows_with_the_documents_and_the_retries():
    short, long_ = Cluster(stall=True), Cluster(stall=True)
    with pytest.raises(ProcessingError):
        run(short, 2, dask_retries=0)
    with pytest.raises(ProcessingError):
        run(long_, 2, dask_retries=2)
    assert long_.limits[0] == pytest.approx(3 * short.limits[0])  # type: ignore[operator]


def test_a_cluster_that_finishes_gives_every_result_in_the_order_it_was_sent():
    cluster = Cluster(stall=False)
    done = run(cluster, 5)
    assert [d.key for d in done] == [0, 1, 2, 3, 4] and not cluster.cancelled


def test_a_suspect_run_alone_is_waited_for_with_a_limit():
    cluster = Cluster(stall=True)
    r = dask_engine._Run(cluster, cluster, load_config(None), [])  # type: ignore[arg-type]
    with pytest.raises(ProcessingError) as e:
        r._alone(tasks(1)[0])
    assert e.value.code == "E034" and not r.pending
