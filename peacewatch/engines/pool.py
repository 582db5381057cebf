"""Worker processes with a watchdog, for the local engine's ``--workers N``.

Why not ``multiprocessing.Pool``: its ``imap`` reads the input iterator in a feeder thread (and
the input may be a generator that queries SQLite, which only its own thread may use), and a worker
stuck inside C code, or killed, stalls it for ever. Here the calling thread does everything: it
reads the input a chunk at a time, keeps at most ``2 × workers`` chunks open so memory stays
bounded, hands each chunk to an idle worker over a pipe, and gives the chunks back in input order.

Each worker reports every document as soon as it is done. A worker that says nothing for longer
than its documents' time limit allows (``document_timeout``), or that dies, is replaced; the
document it was on fails (E032 for time, E031 for a death) and the rest of its chunk is handed out
again. When it was still parsing the whole chunk, which document is to blame is not known: its
documents are handed out again one at a time, so that only the culprit fails.

The loop never waits without a limit: it wakes at least every ``POLL`` seconds, a worker that has
not started after ``START_LIMIT`` seconds stops the run with a coded error, a killed worker is waited
for at most ``STOP_LIMIT`` seconds, and a document of an open chunk that neither a worker nor the
queue holds (a worker that said "end" before reporting it) is handed out once more, with a coded
warning in the log (E036), and fails with E031 the second time, instead of leaving the run waiting.
A worker past its deadline is read once more before it is killed, so results it sent after the wait
ended are kept. A job is sent under a watch too: a worker that does not read it within ``SEND_LIMIT``
seconds (stopped from outside, with the job larger than the pipe's buffer) is killed and replaced,
and the job handed out again, failing with E073 when a second worker does not read it either.
The protocol and each interleaving tested: ``docs/reliability.md``.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from ..config import Config
from ..errors import PeacewatchError, ProcessingError
from ..pipeline import Pipeline
from ..types import Document
from .work import Done, Task, annotate_payloads, failed

# Seconds a worker may take beyond its documents' time limits before the watchdog stops it.
GRACE = 2.0
# The longest the loop waits for word before it looks at its workers and chunks again.
POLL = 5.0
# Seconds a worker process may take to build its pipeline before the run stops.
START_LIMIT = 600.0
# Seconds a killed worker process may take to end before the run stops.
STOP_LIMIT = 30.0
# Seconds the rest of one message may take to arrive once its first bytes have: a worker that stalls
# halfway through sending one (stopped by a signal, swapped out) is killed, and the read ends at EOF.
RECV_LIMIT = 30.0
# Seconds a worker may take to read a job it was sent: a job larger than the pipe's buffer waits for
# the worker to read it, and one stopped from outside never does. It is killed, and the send ends.
SEND_LIMIT = 30.0

log = logging.getLogger(__name__)


@dataclass
class _Chunk:
    """A chunk read from the input: its tasks and what has come back for them so far."""

    tasks: list[Task]
    done: dict[int, Done] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return len(self.done) == len(self.tasks)


@dataclass
class _Job:
    """Documents handed to one worker at once (all of a chunk's, or the rest of them, or one)."""

    chunk: _Chunk
    tasks: list[Task]
    refused: bool = False  # a worker did not read this job once already (E073)


class _Worker:
    def __init__(self, ctx: Any, config: Config, modules: list[str]) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(target=serve, args=(child, config, modules), daemon=True)
        self.process.start()
        child.close()
        self.timeout, self.piece_chars = config.document_timeout, config.piece_chars
        self.ready = False
        self.job: _Job | None = None
        self.answered = 0
        self.deadline = float("inf")
        self.started = time.monotonic()

    def give(self, job: _Job) -> None:
        """Send ``job``: the time to parse it, then each document's (each piece's) time limit.

        The send runs under a watch: a worker that has not taken the whole job within ``SEND_LIMIT``
        seconds is killed, which ends the send with an OSError (its end of the pipe closed)."""
        self.job, self.answered = job, 0
        with _Watch(self, SEND_LIMIT, "send"):
            self.conn.send([t.to_payload() for t in job.tasks])
        self._allow(1 + sum(self._pieces(t) for t in job.tasks))

    def heard(self) -> None:
        """A document came back: the next one has its own time limit from now."""
        self.answered += 1
        left = [] if self.job is None else [t for t in self.job.tasks if t.key not in self.job.chunk.done]
        self._allow(1 + (self._pieces(left[0]) if left else 0))

    def _allow(self, limits: int) -> None:
        self.deadline = time.monotonic() + GRACE + self.timeout * limits if self.timeout > 0 else float("inf")

    def _pieces(self, task: Task) -> int:
        """At most how many pieces the task's text is cut into (each is at least half ``piece_chars``)."""
        text = task.item.text if isinstance(task.item, Document) else ""
        return len(text) // max(self.piece_chars // 2, 1) + 1

    stalled = False  # set when the worker was killed halfway through sending a message
    refused = False  # set when the worker was killed because it did not read the job it was sent

    def kill(self) -> None:
        """Kill the process at once (from the watch of a message that stopped halfway)."""
        self.process.kill()

    def stop(self) -> None:
        """Kill the process (when it still runs) and wait for its end, at most ``STOP_LIMIT`` seconds."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=STOP_LIMIT)
        self.conn.close()
        if self.process.is_alive():
            raise ProcessingError(f"a worker process did not end within {STOP_LIMIT:.0f} s of being killed "
                                  "(stuck in the kernel?); the run stopped", "E031")


class WorkerPool:
    """``size`` worker processes running the pipeline of ``config``."""

    def __init__(self, config: Config, size: int) -> None:
        self.config, self.size = config, size
        self.timeout = config.document_timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._modules = _component_modules(config)

    def run(self, chunks: Iterator[list[Task]]) -> Iterator[list[Done]]:
        """Annotate the chunks; each chunk's results come back together, in input order."""
        workers = [self._start() for _ in range(self.size)]
        try:
            yield from self._loop(chunks, workers)
        finally:
            _quit_all(workers)

    def _start(self) -> _Worker:
        return _Worker(self._ctx, self.config, self._modules)

    def _loop(self, chunks: Iterator[list[Task]], workers: list[_Worker]) -> Iterator[list[Done]]:
        open_chunks: deque[_Chunk] = deque()
        queue: deque[_Job] = deque()
        exhausted = False
        lost: set[int] = set()  # keys of documents handed out again because nobody held them
        while True:
            while not exhausted and len(open_chunks) < 2 * self.size:
                tasks = next(chunks, None)
                if tasks is None:
                    exhausted = True
                    break
                open_chunks.append(self._open(tasks, queue))
            while open_chunks and open_chunks[0].complete:
                first = open_chunks.popleft()
                yield [first.done[t.key] for t in first.tasks]
            if exhausted and not open_chunks:
                return
            for i, w in enumerate(workers):
                if w.ready and w.job is None and queue:
                    workers[i] = self._give(w, queue)
            self._listen(workers, queue)
            self._recover(open_chunks, workers, queue, lost)

    def _recover(self, open_chunks: deque[_Chunk], workers: list[_Worker], queue: deque[_Job], lost: set[int]) -> None:
        """Hand out again the documents of open chunks that no worker and no queued job holds.

        A document can only be in that state if a worker ended its job without reporting it; waiting
        for it would wait for ever. It is handed out once more; lost a second time, it fails (E031).
        """
        held = {t.key for job in queue for t in job.tasks}
        held.update(t.key for w in workers if w.job is not None for t in w.job.tasks)
        for chunk in open_chunks:
            orphans = [t for t in chunk.tasks if t.key not in chunk.done and t.key not in held]
            again = [t for t in orphans if t.key not in lost]
            for t in orphans:
                if t.key in lost:
                    chunk.done[t.key] = failed(t, ProcessingError(
                        "a worker process ended its job twice without a result for this document; "
                        "rerun it with --workers 1 to see the cause", "E031"))
            lost.update(t.key for t in again)
            if again:
                queue.append(_Job(chunk, again))
            if orphans:
                log.warning("%s: a worker ended its job without a result for document(s) %s; handed out again "
                            "(failed with E031 when lost twice)", "E036", ", ".join(str(t.key) for t in orphans))

    @staticmethod
    def _open(tasks: list[Task], queue: deque[_Job]) -> _Chunk:
        chunk = _Chunk(tasks)
        documents = []
        for t in tasks:  # inputs that already failed need no worker
            if isinstance(t.item, Document):
                documents.append(t)
            else:
                chunk.done[t.key] = Done(t.key, t.item)
        if documents:
            queue.append(_Job(chunk, documents))
        return chunk

    def _give(self, w: _Worker, queue: deque[_Job]) -> _Worker:
        """Hand the next job to idle ``w``; a worker that died meanwhile is replaced and the job waits."""
        job = queue.popleft()
        try:
            w.give(job)
        except OSError:
            w.job = None
            if not w.refused:
                queue.appendleft(job)
            elif job.refused:  # a second worker did not take it either: the job fails, the run goes on
                for t in job.tasks:
                    job.chunk.done.setdefault(t.key, failed(t, ProcessingError(
                        f"two worker processes in turn did not read this document's job within {SEND_LIMIT:.0f} s "
                        "(stopped from outside?); both were killed and replaced", "E073")))
            else:
                queue.appendleft(_Job(job.chunk, job.tasks, refused=True))
            return self._replace(w, queue, "E031")
        return w

    def _listen(self, workers: list[_Worker], queue: deque[_Job]) -> None:
        """Wait for word from a worker (or for the next deadline) and act on it."""
        deadline = min((w.deadline for w in workers if w.job is not None), default=float("inf"))
        ready = wait([w.conn for w in workers], timeout=min(max(deadline - time.monotonic(), 0.0), POLL))
        for i, w in enumerate(workers):
            if w.conn in ready:
                if not self._read(w):
                    workers[i] = self._replace(w, queue, "E031")
            elif w.job is not None and time.monotonic() > w.deadline:
                workers[i] = self._overdue(w, queue)
            elif not w.ready and time.monotonic() - w.started > START_LIMIT:
                w.stop()
                raise ProcessingError(f"a worker process did not load the pipeline within {START_LIMIT:.0f} s; "
                                      "rerun with --workers 1 to see why", "E031")

    def _overdue(self, w: _Worker, queue: deque[_Job]) -> _Worker:
        """A worker past its deadline: first take what it sent since the wait ended (results that came
        in between must not be thrown away with it), then replace it if it is still overdue."""
        if not self._read(w):
            return self._replace(w, queue, "E031")
        if w.job is not None and time.monotonic() > w.deadline:
            return self._replace(w, queue, "E032")
        return w

    def _read(self, w: _Worker) -> bool:
        """Take every message the worker has sent; False when it has died."""
        try:
            while w.conn.poll():
                with _Watch(w):
                    message = w.conn.recv()
                self._message(w, message)
        except (EOFError, OSError):
            return False
        return True

    def _message(self, w: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            w.ready = True
        elif kind == "done" and w.job is not None:
            done = Done.from_payload(message[1])
            w.job.chunk.done.setdefault(done.key, done)
            w.heard()
        elif kind == "end":
            w.job, w.deadline = None, float("inf")
        elif kind == "failed":  # the worker could not build the pipeline: nothing can run
            raise PeacewatchError(message[2], message[1])

    def _replace(self, w: _Worker, queue: deque[_Job], code: str) -> _Worker:
        """Stop ``w``, fail the document it was stuck on, hand out the rest of its job again."""
        job, started = w.job, w.ready
        code = "E032" if w.stalled else code
        w.stop()
        if not started:
            raise ProcessingError("a worker process died while loading the pipeline; "
                                  "rerun with --workers 1 to see why", "E031")
        if job is not None:
            self._salvage(job, w.answered, queue, code)
        return self._start()

    def _salvage(self, job: _Job, answered: int, queue: deque[_Job], code: str) -> None:
        left = [t for t in job.tasks if t.key not in job.chunk.done]
        if not left:
            return
        if answered == 0 and len(left) > 1:  # stuck before any document came back: find the culprit
            queue.extendleft(_Job(job.chunk, [t]) for t in reversed(left))
            return
        culprit, rest = left[0], left[1:]
        job.chunk.done[culprit.key] = failed(culprit, _stuck_error(code, self.timeout))
        if rest:
            queue.appendleft(_Job(job.chunk, rest))


class _Watch:
    """Around one message that must go through within ``limit`` seconds: the read of a message whose
    first bytes are there (``what`` "recv"), or the send of a job (``what`` "send"). A worker that has
    not sent the rest, or read the job, in time is killed, so the read ends (EOF) or the send fails
    (OSError) instead of waiting for ever. The lock keeps a kill from landing after the message went."""

    def __init__(self, w: _Worker, limit: float | None = None, what: str = "recv") -> None:
        self.w, self.what, self.lock, self.reading = w, what, threading.Lock(), True
        self.limit = RECV_LIMIT if limit is None else limit
        self.timer = threading.Timer(self.limit, self._fire)
        self.timer.daemon = True

    def __enter__(self) -> None:
        self.timer.start()

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.reading = False
        self.timer.cancel()

    def _fire(self) -> None:
        with self.lock:
            if not self.reading:
                return
            if self.what == "send":
                log.warning("E073: a worker did not read the job it was sent for %g s; it was killed and "
                            "replaced, and the job handed out again (failed with E073 the second time)", self.limit)
                self.w.refused = True
            else:
                log.warning("E032: a worker stopped halfway through sending a message for %.0f s; "
                            "it was killed and replaced", self.limit)
                self.w.stalled = True
            self.w.kill()


def _stuck_error(code: str, timeout: int) -> ProcessingError:
    if code == "E032":
        return ProcessingError(f"document took longer than the time limit of {timeout} s (document_timeout); "
                               "its worker was stopped and replaced, and the run went on", "E032")
    return ProcessingError("the worker process died on this document (out of memory, or a crash inside "
                           "spaCy); rerun it with --workers 1 to see the cause", "E031")


def _quit_all(workers: list[_Worker]) -> None:
    """Stop every worker, even when one does not end (its E031 is raised once all were asked)."""
    stuck: list[ProcessingError] = []
    for w in workers:
        try:
            _quit(w)
        except ProcessingError as e:
            stuck.append(e)
    if stuck:
        raise stuck[0]


def _quit(w: _Worker) -> None:
    """Ask an idle worker to stop (a busy one, when the run was cut short, is stopped at once)."""
    if w.job is None:
        try:
            w.conn.send(None)
            w.process.join(timeout=5)
        except OSError:  # already gone
            pass
    w.stop()


def _component_modules(config: Config) -> list[str]:
    """Modules whose import registers the configured components, so that workers know them too."""
    from ..pipeline import registered

    known = registered()
    names = {known[n].factory.__module__ for n in config.pipeline if n in known}
    return sorted(n for n in names if n != "__main__")


def serve(conn: Connection, config: Config, modules: list[str]) -> None:
    """A worker process: build the pipeline once, then annotate each job it is sent until told to stop.

    The worker ends quietly when the calling process is gone: its end of the pipe closed (the
    process was killed: an EOF or a broken pipe, which would print a traceback under the caller's
    own message), or a watch finds the worker adopted by another parent (so a worker busy with a
    long chunk stops within ``PARENT_POLL`` seconds instead of working on for no one). Ctrl-C is the
    caller's: a terminal sends SIGINT to the whole process group, and the caller stops its workers
    (``_quit_all``), so a worker ignores it rather than print its own ``KeyboardInterrupt``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(os.getppid())
    try:
        _serve(conn, config, modules)
    except (EOFError, BrokenPipeError, ConnectionResetError):  # the calling process is gone
        return


# Seconds between a worker's looks at whether the process that started it still runs.
PARENT_POLL = 1.0


def _watch_parent(parent: int) -> None:
    """End this process once its parent ``parent`` is gone (the worker is then adopted by another)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve(conn: Connection, config: Config, modules: list[str]) -> None:
    try:
        for name in modules:
            importlib.import_module(name)
        pipeline = Pipeline.build(config)
    except PeacewatchError as e:
        conn.send(("failed", e.code, e.message))
        return
    conn.send(("ready",))
    while (payloads := conn.recv()) is not None:
        annotate_payloads(pipeline, payloads, on_done=lambda p: conn.send(("done", p)))
        conn.send(("end",))
