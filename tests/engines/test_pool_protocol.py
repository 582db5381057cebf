"""The caller–worker protocol of ``engines.pool``, one interleaving at a time.

Each test forces one order of events between the calling loop and its workers (thread workers over
real pipes, as in ``test_pool_lost``; events, not sleeps, decide the order) and checks that no result
is lost, thrown away or waited for without a limit. The list of interleavings and which of them was
a bug is in ``docs/reliability.md`` ("Worker processes: the protocol, interleaving by interleaving").
"""

from __future__ import annotations

import logging
import os
import struct
import threading
from collections import Counter
from typing import Any

import pytest

from peacewatch.engines import pool
from peacewatch.engines.work import Task
from peacewatch.errors import ProcessingError
from peacewatch.types import Document, Result
from tests.engines.test_pool_lost import ThreadPool, ThreadWorker, chunks, run

REAL_WAIT = pool.wait


class Announcing(ThreadWorker):
    """A thread worker that sets ``ended`` once it has sent a job's last message ("end")."""

    def __init__(self, forget: Counter[int], seen: list[int]) -> None:  # noqa: D107
        self.ended = threading.Event()
        super().__init__(forget, seen)

    def give(self, job: pool._Job) -> None:
        self.ended.clear()
        super().give(job)

    def job_ended(self) -> None:
        self.ended.set()


class LatePool(ThreadPool):
    """Every wait ends as if its time ran out a moment before a busy worker's whole answer came in."""

    def __init__(self) -> None:
        super().__init__(Counter())
        self.workers: list[Announcing] = []

    def _start(self) -> pool._Worker:
        w = Announcing(self.forget, self.seen)
        self.workers.append(w)
        return w

    def late_wait(self, conns: Any, timeout: float | None = None) -> list[Any]:
        busy = [w for w in self.workers if w.job is not None and not w.conn.closed]
        for w in busy:
            assert w.ended.wait(10), "a thread worker did not answer its job"
        ready = REAL_WAIT(conns, timeout=0 if busy else timeout)
        return [c for c in ready if all(c is not w.conn for w in busy)]


def test_results_that_arrive_as_the_deadline_passes_are_kept_not_thrown_away_with_the_worker(monkeypatch):
    # The bug: a worker past its deadline whose pipe was not in the wait's answer was killed at once,
    # with the results it had sent since the wait ended still unread in the pipe; the first of them
    # failed with E032 (or the whole job was parsed again, one document at a time).
    p = LatePool()
    monkeypatch.setattr(pool, "GRACE", -1000.0)  # every job is overdue from the start
    monkeypatch.setattr(pool, "wait", p.late_wait)
    done = [d for chunk in p.run(iter(chunks(6, 2))) for d in chunk]
    assert [d.key for d in done] == list(range(6))
    assert [d.result.error for d in done] == [None] * 6
    assert sorted(p.seen) == list(range(6))  # each document parsed once: nothing handed out again


def test_a_lost_document_handed_out_again_is_logged_with_a_code(caplog):
    with caplog.at_level(logging.WARNING, logger="peacewatch.engines.pool"):
        done, _ = run(Counter({3: 1}))
    assert [d.key for chunk in done for d in chunk] == list(range(8))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith("E036") and " 3;" in warnings[0]


def test_a_run_without_losses_logs_no_recovery(caplog):
    with caplog.at_level(logging.WARNING, logger="peacewatch.engines.pool"):
        done, seen = run(Counter())
    assert [d.key for chunk in done for d in chunk] == list(range(8)) and sorted(seen) == list(range(8))
    assert not [r for r in caplog.records if r.getMessage().startswith("E036")]


def test_a_result_larger_than_the_pipe_buffer_comes_back_whole():
    class Big(ThreadWorker):
        def result(self, task: Task) -> Result:
            return Result(id="x" * 300_000 + str(task.key))

    done = [d for chunk in ThreadPool(Counter(), Big).run(iter(chunks(4, 2))) for d in chunk]
    assert [d.result.id[-1] for d in done] == ["0", "1", "2", "3"] and len(done[0].result.id) == 300_001


def test_results_sent_before_a_worker_died_are_kept_and_only_the_next_document_fails():
    class Dying(ThreadWorker):
        def answer(self, conn: Any, task: Task, forget: Counter[int], seen: list[int]) -> bool:
            # dies after reporting key 1 and before key 2: the pipe ends
            return not (task.key == 2 and seen.count(2) == 1) and super().answer(conn, task, forget, seen)

    p = ThreadPool(Counter(), Dying)
    done = {d.key: d.result for chunk in p.run(iter([[_task(0), _task(1), _task(2), _task(3)]])) for d in chunk}
    assert sorted(done) == [0, 1, 2, 3]
    assert [done[k].error.code if done[k].error else None for k in range(4)] == [None, None, "E031", None]
    assert sorted(p.seen) == [0, 1, 2, 3]  # the reported document is not parsed again


def _task(key: int) -> Task:
    return Task(key, Document(id=f"d{key}", text=f"Document {key}."))


def test_a_killed_worker_that_does_not_end_stops_the_run_with_a_coded_error(monkeypatch):
    monkeypatch.setattr(pool, "STOP_LIMIT", 0.01)

    class Undying:
        def __init__(self) -> None:
            self.killed = threading.Event()

        def is_alive(self) -> bool:
            return True

        def kill(self) -> None:
            self.killed.set()

        def join(self, timeout: float | None = None) -> None:
            assert timeout is not None, "join without a limit"

    w = pool._Worker.__new__(pool._Worker)
    w.process, (w.conn, _) = Undying(), pool.multiprocessing.Pipe()  # type: ignore[assignment]
    with pytest.raises(ProcessingError) as e:
        w.stop()
    assert e.value.code == "E031" and "did not end" in e.value.message
    assert w.process.killed.is_set() and w.conn.closed  # type: ignore[attr-defined]


def test_every_worker_is_stopped_even_when_one_does_not_end():
    stopped: list[int] = []

    class Stub:
        def __init__(self, n: int, ends: bool) -> None:
            self.n, self.ends, self.job = n, ends, object()  # busy: stopped at once

        def stop(self) -> None:
            stopped.append(self.n)
            if not self.ends:
                raise ProcessingError("did not end", "E031")

    with pytest.raises(ProcessingError) as e:
        pool._quit_all([Stub(0, False), Stub(1, True)])  # type: ignore[list-item]
    assert stopped == [0, 1] and e.value.code == "E031"


class Stalling(ThreadWorker):
    """A thread worker that, on key 1 the first time, sends the first bytes of a message and then
    stalls until it is killed, whereupon its end of the pipe closes (as a killed process's does)."""

    def __init__(self, forget: Counter[int], seen: list[int]) -> None:  # noqa: D107
        self.killed = threading.Event()
        super().__init__(forget, seen)

    def kill(self) -> None:
        self.killed.set()

    def answer(self, conn: Any, task: Task, forget: Counter[int], seen: list[int]) -> bool:
        if task.key == 1 and seen.count(1) == 1:
            os.write(conn.fileno(), struct.pack("!i", 1000) + b"half a message")
            assert self.killed.wait(60), "the stalled worker was never killed"
            return False
        return super().answer(conn, task, forget, seen)


def test_a_worker_that_stalls_halfway_through_a_message_is_killed_and_only_its_document_fails(monkeypatch, caplog):
    """Before the watch, the caller's ``recv`` waited for the rest of the message for ever (the poll
    said bytes were there); now the worker is killed after ``RECV_LIMIT``, the read ends at EOF, its
    document fails with E032 and the rest of its job is handed out again."""
    monkeypatch.setattr(pool, "RECV_LIMIT", 1.0)

    p = ThreadPool(Counter(), Stalling)
    done: dict[int, Result] = {}

    def go() -> None:
        done.update({d.key: d.result for chunk in p.run(iter([[_task(k) for k in range(4)]])) for d in chunk})

    runner = threading.Thread(target=go, daemon=True)
    with caplog.at_level(logging.WARNING, logger=pool.__name__):
        runner.start()
        runner.join(60)
    assert not runner.is_alive(), "the caller waited for the rest of a message without a limit"
    assert sorted(done) == [0, 1, 2, 3]
    assert [done[k].error.code if done[k].error else None for k in range(4)] == [None, "E032", None, None]
    assert any(r.getMessage().startswith("E032: a worker stopped halfway") for r in caplog.records)


def test_a_message_read_in_time_never_kills_its_worker():
    """A watch whose read ended does nothing when its timer fires after all (the timer's thread late
    under load): the kill cannot land on a worker that answered. And a whole run kills no worker."""
    killed: list[int] = []

    class Watched(ThreadWorker):
        def kill(self) -> None:
            killed.append(1)

    done = [d for chunk in ThreadPool(Counter(), Watched).run(iter(chunks(6, 2))) for d in chunk]
    w = Watched(Counter(), [])
    watch = pool._Watch(w)
    with watch:
        pass
    watch._fire()  # the timer, had it fired just as the read ended
    assert [d.key for d in done] == list(range(6)) and all(d.result.error is None for d in done)
    assert killed == [] and not w.stalled
    w.conn.close()
