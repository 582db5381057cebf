"""The send of a job to a worker that does not read it has a limit.

A job larger than the pipe's buffer is written only as fast as its worker reads it; a worker stopped
from outside (SIGSTOP) never does, and the caller's ``send`` waited for ever. Now the send runs under
a watch: past ``SEND_LIMIT`` the worker is killed (its end of the pipe closes, so the send fails),
replaced, and the job handed out again; a job that a second worker does not read either fails with
E073. The workers are threads over real pipes (``test_pool_lost``); events, not sleeps, decide the
order: the worker that "stops" waits for its kill, which only the watch gives.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from typing import Any

from peacewatch.engines import pool
from peacewatch.engines.work import Task
from peacewatch.types import Document, Result
from tests.engines.test_pool_lost import ThreadPool, ThreadWorker, receive

BIG = 4_000_000  # characters of one document: far past a pipe's buffer (a few hundred KB at most)


class Stopped(ThreadWorker):
    """A thread worker that, while ``stops`` allows it, says "ready" and then never reads its job, as
    a process stopped from outside: it waits for its kill, then closes its end of the pipe."""

    stops = 1
    kills: list[int] = []

    def __init__(self, forget: Counter[int], seen: list[int]) -> None:  # noqa: D107
        self.killed = threading.Event()
        self.stopping = Stopped.stops > 0
        Stopped.stops -= 1
        super().__init__(forget, seen)

    def kill(self) -> None:
        Stopped.kills.append(1)
        self.killed.set()

    def _serve(self, conn: Any, forget: Counter[int], seen: list[int]) -> None:
        if not self.stopping:
            return super()._serve(conn, forget, seen)
        conn.send(("ready",))
        assert self.killed.wait(120), "the stopped worker was never killed"
        conn.close()

    def stop(self) -> None:
        if self.stopping:
            self.killed.set()  # lets the thread end when the run ends another way
        super().stop()


class Small(Stopped):
    """Returns a short result for each (long) document, so only the job's send is large."""

    def result(self, task: Task) -> Result:
        assert isinstance(task.item, Document)
        return Result(id=task.item.id)


def _big_tasks(n: int) -> list[Task]:
    return [Task(k, Document(id=f"d{k}", text="Peace talks resumed. " * (BIG // 21) + str(k))) for k in range(n)]


def _run(stops: int, monkeypatch: Any, caplog: Any) -> tuple[dict[int, Result], threading.Thread]:
    monkeypatch.setattr(pool, "SEND_LIMIT", 0.5)
    monkeypatch.setattr(Stopped, "stops", stops)
    monkeypatch.setattr(Stopped, "kills", [])
    p = ThreadPool(Counter(), Small)
    p.size = 1  # one worker at a time: the job goes to the stopped one first
    done: dict[int, Result] = {}

    def go() -> None:
        done.update({d.key: d.result for chunk in p.run(iter([_big_tasks(2)])) for d in chunk})

    runner = threading.Thread(target=go, daemon=True)
    with caplog.at_level(logging.WARNING, logger=pool.__name__):
        runner.start()
        runner.join(60)
    return done, runner


def test_a_job_its_worker_does_not_read_is_handed_to_another_worker(monkeypatch, caplog):
    done, runner = _run(1, monkeypatch, caplog)
    assert not runner.is_alive(), "the caller waited for a stopped worker to read its job without a limit"
    assert sorted(done) == [0, 1] and all(r.error is None for r in done.values())
    assert Stopped.kills == [1]
    assert [r.getMessage()[:5] for r in caplog.records if r.levelno == logging.WARNING] == ["E073:"]


def test_a_job_two_workers_do_not_read_fails_with_a_coded_error_and_the_run_ends(monkeypatch, caplog):
    done, runner = _run(2, monkeypatch, caplog)
    assert not runner.is_alive(), "the caller waited for a stopped worker to read its job without a limit"
    assert sorted(done) == [0, 1]
    assert [r.error.code if r.error else None for r in done.values()] == ["E073", "E073"]
    assert done[0].id == "d0" and len(Stopped.kills) == 2


def test_a_job_read_in_time_kills_no_worker(monkeypatch, caplog):
    done, runner = _run(0, monkeypatch, caplog)
    assert not runner.is_alive() and sorted(done) == [0, 1] and all(r.error is None for r in done.values())
    assert Stopped.kills == [] and not [r for r in caplog.records if r.getMessage().startswith("E073")]


def test_a_stopped_worker_is_told_to_stop_without_a_wait(monkeypatch):
    """The one message sent outside a job, ``None`` at the end, is small: it fits the buffer of a
    worker that took its last job whole, so it cannot block even when the worker no longer reads."""
    w = ThreadWorker(Counter(), [])
    assert receive(w.conn) == ("ready",)
    w.conn.send(None)
    w.stop()
    assert not w.process.is_alive()
