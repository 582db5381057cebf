"""The worker pool never waits for a document that nobody holds.

The bug (seen once in CI, in ``test_two_workers_give_the_same_output_in_the_same_order``): the
calling process waited for word with no time limit while both workers sat idle and an open chunk
still lacked a result, so the run hung for ever. Whatever let the document go, the loop must see the
state and act: hand the document out again, and fail it with a coded error if it is lost again.

The workers here are threads speaking the real protocol over real pipes, so the test runs the
pool's own loop without spawning spaCy; a worker can be told to "forget" chosen documents.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter
from typing import Any

import pytest

from peacewatch.config import load_config
from peacewatch.engines import pool
from peacewatch.engines.work import Done, Task
from peacewatch.errors import ProcessingError
from peacewatch.types import Document, Result


def receive(conn: Any) -> Any:
    """The next job, or None (stop) when the caller has closed its end, as a worker process ends then.

    A caller that closes its end with a message it never read (a worker's "ready" at the end of a
    short run) resets the pipe; the thread must end quietly, not with an exception in its thread."""
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


class ThreadWorker(pool._Worker):
    """A `_Worker` whose process is a thread; it ends a job without reporting the keys in ``forget``.

    Subclasses change one step of the serving loop: ``answer`` (what is sent for one task; False ends
    the thread as a dying process would), ``result`` (the result reported) or ``job_ended``."""

    def __init__(self, forget: Counter[int], seen: list[int]) -> None:  # noqa: D107
        self.conn, child = multiprocessing.Pipe()
        self.process = threading.Thread(target=self._serve, args=(child, forget, seen), daemon=True)
        self.timeout, self.piece_chars = 60, 4000
        self.ready, self.job, self.answered = False, None, 0
        self.deadline, self.started = float("inf"), time.monotonic()
        self.process.start()

    def _serve(self, conn: Any, forget: Counter[int], seen: list[int]) -> None:
        conn.send(("ready",))
        while (payloads := receive(conn)) is not None:
            for p in payloads:
                task = Task.from_payload(p)
                seen.append(task.key)
                if not self.answer(conn, task, forget, seen):
                    conn.close()
                    return
            conn.send(("end",))
            self.job_ended()
        conn.close()

    def answer(self, conn: Any, task: Task, forget: Counter[int], seen: list[int]) -> bool:
        """Report ``task``, unless ``forget`` says to forget it this time."""
        if forget[task.key] > 0:
            forget[task.key] -= 1
            return True
        conn.send(("done", Done(task.key, self.result(task)).to_payload()))
        return True

    def result(self, task: Task) -> Result:
        assert isinstance(task.item, Document)
        return Result(id=task.item.id)

    def job_ended(self) -> None:
        """Called once a job's last message ("end") is sent."""

    def stop(self) -> None:
        self.process.join(timeout=5)
        self.conn.close()


class ThreadPool(pool.WorkerPool):
    """The pool's own loop over thread workers of class ``worker``."""

    def __init__(self, forget: Counter[int], worker: type[ThreadWorker] = ThreadWorker) -> None:
        super().__init__(load_config(None), 2)
        self.forget, self.seen, self.worker = forget, [], worker

    def _start(self) -> pool._Worker:
        return self.worker(self.forget, self.seen)


def chunks(n: int, size: int) -> list[list[Task]]:
    tasks = [Task(i, Document(id=f"d{i}", text=f"Document {i}.")) for i in range(n)]
    return [tasks[i:i + size] for i in range(0, n, size)]


def run(forget: Counter[int], n: int = 8, size: int = 2) -> tuple[list[list[Done]], list[int]]:
    p = ThreadPool(forget)
    done = list(p.run(iter(chunks(n, size))))
    return done, p.seen


def test_a_document_its_worker_forgot_is_handed_out_again_and_the_run_ends():
    done, seen = run(Counter({3: 1}))
    results = [d for chunk in done for d in chunk]
    assert [d.key for d in results] == list(range(8))
    assert all(d.result.error is None for d in results)
    assert seen.count(3) == 2 and all(seen.count(k) == 1 for k in range(8) if k != 3)


def test_a_document_forgotten_twice_fails_with_a_coded_error_and_the_rest_is_kept():
    done, _ = run(Counter({5: 2, 6: 1}))
    results = {d.key: d.result for chunk in done for d in chunk}
    assert sorted(results) == list(range(8))
    error = results[5].error
    assert error is not None and error.code == "E031" and results[5].id == "d5"
    assert all(results[k].error is None for k in results if k != 5)


def test_the_loop_never_waits_without_a_limit(monkeypatch):
    waits: list[float | None] = []
    real = pool.wait

    def watched(conns: Any, timeout: float | None = None) -> Any:
        waits.append(timeout)
        return real(conns, timeout=timeout)

    monkeypatch.setattr(pool, "wait", watched)
    done, _ = run(Counter({1: 1}), n=4)
    assert [d.key for chunk in done for d in chunk] == [0, 1, 2, 3]
    assert waits and all(t is not None and 0 <= t <= pool.POLL for t in waits)


def test_a_worker_that_never_starts_stops_the_run_with_a_coded_error(monkeypatch):
    monkeypatch.setattr(pool, "START_LIMIT", 0.0)
    monkeypatch.setattr(pool, "POLL", 0.05)

    class Silent(ThreadWorker):
        def _serve(self, conn: Any, forget: Counter[int], seen: list[int]) -> None:
            receive(conn)  # never says "ready"; waits to be told to stop
            conn.close()

        def stop(self) -> None:
            if not self.conn.closed and self.process.is_alive():
                self.conn.send(None)  # lets the thread end
            super().stop()

    with pytest.raises(ProcessingError) as e:
        list(ThreadPool(Counter(), Silent).run(iter(chunks(2, 2))))
    assert e.value.code == "E031" and "did not load" in e.value.message
