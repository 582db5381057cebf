"""A partition of documents annotated in a worker *thread*, each document within its time limit.

The local engine limits a document's time with ``SIGALRM``, which only a process's main thread
receives; a Dask worker runs its tasks in threads of its own, so there the alarm never rings. What
does work in a thread is what the alarm does: raise an exception in the working thread between two
bytecodes. A watchdog thread (``Watchdog``) does that with ``PyThreadState_SetAsyncExc`` when the
document under way passes its limit, and the exception is the pipeline's own ``Overtime``: inside
our components it becomes the document's E032, exactly as the alarm's would. Code stuck inside a C
extension never reaches a bytecode; when the working thread has still not moved ``GRACE`` seconds
after the exception was sent, the watchdog ends the whole process (``os._exit``), as the local
engine's watchdog kills its worker. Under Dask the worker's nanny starts a new process and the
scheduler hands the partition out again (see ``engines.dask``).

Nothing here imports Dask: ``run_partition`` is a plain function of plain data, the task an engine
ships to its workers, and the pipeline is built once per process (``pipeline_for``).
"""

from __future__ import annotations

import ctypes
import importlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from ..config import Config
from ..errors import PeacewatchError, ProcessingError
from ..pipeline import Overtime, Pipeline
from .work import Payload, Task, annotate_payloads, failed

# Seconds the working thread may stay deaf to Overtime (stuck in C) before its process is ended.
GRACE = 2.0
# Exit status of a process ended by the watchdog (EX_SOFTWARE), so its log says why.
STUCK_EXIT = 70

_PIPELINES: dict[str, Pipeline] = {}


def pipeline_for(config: Config, modules: list[str]) -> Pipeline:
    """The pipeline of ``config`` in this process, built on first use and kept for the next tasks.

    ``modules`` register the configured components (as the local engine's workers import them).
    Only the newest configuration is kept, so a long-lived worker serving runs with different
    configurations holds one pipeline at a time.
    """
    key = repr(config)
    if key not in _PIPELINES:
        for name in modules:
            importlib.import_module(name)
        pipeline = Pipeline.build(config)
        _PIPELINES.clear()
        _PIPELINES[key] = pipeline
    return _PIPELINES[key]


def run_partition(config: Config, modules: list[str], payloads: list[Payload]) -> dict[str, Any]:
    """The task a worker runs: ``{"done": [payload, …]}`` in the input's order, or ``{"failed":
    {"code", "message"}}`` when the pipeline cannot be built here (no document can run).

    A coded error does not survive pickling with its code, so it travels as plain data.
    """
    try:
        pipeline = pipeline_for(config, modules)
    except PeacewatchError as e:
        return {"failed": {"code": e.code, "message": e.message}}
    return {"done": annotate_within_limits(pipeline, payloads)}


def annotate_within_limits(
    pipeline: Pipeline, payloads: list[Payload], on_stuck: Callable[[], None] | None = None
) -> list[Payload]:
    """``annotate_payloads`` with each document's time limit enforced by a ``Watchdog``.

    A document stopped inside our components fails with E032 there (the pipeline catches its
    ``Overtime``). One stopped while spaCy parsed the batch interrupts the batch: if no document had
    come back yet, the rest are annotated one at a time, so that only the culprit fails; otherwise
    the next document is the culprit, fails with E032, and the rest go on.
    """
    config = pipeline.config
    done: dict[int, Payload] = {}
    jobs: deque[list[Payload]] = deque([payloads])
    with Watchdog(config.document_timeout, on_stuck or _end_process) as watch:
        while jobs:
            job = jobs.popleft()
            heard: list[int] = []

            def report(payload: Payload, job: list[Payload] = job, heard: list[int] = heard) -> None:
                done[payload["key"]] = payload
                heard.append(payload["key"])
                left = [p for p in job if p["key"] not in done]
                watch.allow(1 + (pieces(left[0], config.piece_chars) if left else 0))

            watch.allow(1 + sum(pieces(p, config.piece_chars) for p in job))
            try:
                annotate_payloads(pipeline, job, on_done=report)
            except Overtime:
                _salvage(job, done, bool(heard), jobs, config.document_timeout)
            watch.allow(None)
    return [done[p["key"]] for p in payloads]


def _salvage(job: list[Payload], done: dict[int, Payload], any_heard: bool,
             jobs: deque[list[Payload]], timeout: int) -> None:
    left = [p for p in job if p["key"] not in done]
    if not left:
        return
    if not any_heard and len(left) > 1:  # stopped while parsing the batch: find the culprit alone
        jobs.extendleft([p] for p in reversed(left))
        return
    culprit, rest = left[0], left[1:]
    error = ProcessingError(f"document took longer than the time limit of {timeout} s (document_timeout); "
                            "it was stopped in its Dask worker and the run went on", "E032")
    done[culprit["key"]] = failed(Task.from_payload(culprit), error).to_payload()
    if rest:
        jobs.appendleft(rest)


def pieces(payload: Payload, piece_chars: int) -> int:
    """At most how many pieces a task's text is cut into (each is at least half ``piece_chars``)."""
    text = payload["data"].get("text", "") if payload["kind"] == "doc" else ""
    return len(text) // max(piece_chars // 2, 1) + 1


def _end_process() -> None:
    os._exit(STUCK_EXIT)


class Watchdog:
    """Raises ``Overtime`` in the thread that opened it when a limit passes; ends the process when
    that thread stays deaf to it for ``GRACE`` seconds.

    ``allow(n)`` gives the work from now on ``n`` document limits (``timeout`` seconds each);
    ``allow(None)`` lifts the limit. A timeout of 0 means no limit and no watchdog thread.
    """

    def __init__(self, timeout: float, on_stuck: Callable[[], None], grace: float = GRACE) -> None:
        self.timeout, self.grace, self.on_stuck = timeout, grace, on_stuck
        self._target = threading.get_ident()
        self._cond = threading.Condition()
        self._deadline = float("inf")
        self._sent_at: float | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._watch, name="peacewatch-watchdog", daemon=True)

    def __enter__(self) -> Watchdog:
        if self.timeout > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self.timeout > 0:
            self._thread.join()
        _settle(self._target)  # an Overtime sent as the work ended must not hit the caller

    def allow(self, limits: int | None) -> None:
        with self._cond:
            self._sent_at = None
            if limits is None or self.timeout <= 0:
                self._deadline = float("inf")
            else:
                self._deadline = time.monotonic() + self.timeout * limits
            self._cond.notify()

    def _watch(self) -> None:
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                if self._sent_at is not None and now >= self._sent_at + self.grace:
                    self.on_stuck()
                    self._sent_at, self._deadline = None, float("inf")
                elif self._sent_at is None and now >= self._deadline:
                    _send(self._target, Overtime)
                    self._sent_at = now
                wake = self._sent_at + self.grace if self._sent_at is not None else self._deadline
                self._cond.wait(None if wake == float("inf") else max(wake - now, 0.001))


def _send(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in the thread at its next bytecode (``None`` withdraws one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _settle(thread_id: int) -> None:
    """Withdraw an ``Overtime`` not yet raised in the watched thread, and leave the interpreter as
    it was before any was sent.

    Withdrawing alone is not enough: sending (or withdrawing) an exception also sets a flag of the
    whole interpreter that every thread checks between bytecodes, and CPython clears it only when a
    thread actually raises one. Left set, each check takes the slow path; under a profiler or a
    tracer (cProfile, a debugger, coverage) a thread then spins for ever at its next function call.
    So the calling thread raises one to itself at once and catches it, which clears the flag."""
    _send(thread_id, None)
    try:
        _send(threading.get_ident(), Overtime)
        for _ in range(2):  # the first bytecodes after the call raise it
            pass
    except Overtime:
        return
    _send(threading.get_ident(), None)  # never reached on CPython; nothing may stay pending
