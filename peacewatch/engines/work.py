"""The unit of work every engine hands out, and the one place where it is done.

An engine receives ``Task``s (a document to annotate, or an input that already failed and only
passes through) and gives back ``Done``s, each carrying the ``key`` of its task. The key is a
sequence number unique within one run, so results are paired with their documents by key and never
by position: an engine may finish tasks in any order (``flow`` restores the input order), and
document ids may repeat in the input.

What crosses a process (or, later, a machine) boundary is a *payload*: the plain dictionary of a
task or of a finished one. ``annotate_payloads`` is the only code that turns payloads into records,
runs the pipeline and turns the results back, and it fails each document that breaks with a coded
error of its own; the local engine's workers call it, and so will any other engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import PeacewatchError, ProcessingError
from ..pipeline import Pipeline
from ..types import Document, ErrorInfo, Result

Payload = dict[str, Any]


@dataclass(frozen=True)
class Task:
    """One input of a run: ``item`` is annotated (a ``Document``) or passed through (a ``Result``)."""

    key: int
    item: Document | Result

    def to_payload(self) -> Payload:
        kind = "doc" if isinstance(self.item, Document) else "result"
        return {"key": self.key, "kind": kind, "data": self.item.to_dict()}

    @classmethod
    def from_payload(cls, payload: Payload) -> Task:
        data = payload["data"]
        item = Document.from_dict(data) if payload["kind"] == "doc" else Result.from_dict(data)
        return cls(payload["key"], item)


@dataclass(frozen=True)
class Done:
    """The result of the task with the same ``key``."""

    key: int
    result: Result

    def to_payload(self) -> Payload:
        return {"key": self.key, "result": self.result.to_dict()}

    @classmethod
    def from_payload(cls, payload: Payload) -> Done:
        return cls(payload["key"], Result.from_dict(payload["result"]))


def failed(task: Task, error: PeacewatchError) -> Done:
    """The task's document failed with ``error`` (a task that only passes through stays as it is)."""
    item = task.item
    if isinstance(item, Result):
        return Done(task.key, item)
    info = ErrorInfo(error.code, error.message)
    return Done(task.key, Result(id=item.id, published=item.published, error=info))


def annotate_tasks(
    pipeline: Pipeline, tasks: list[Task], on_done: Callable[[Done], None] | None = None
) -> list[Done]:
    """Annotate one batch of tasks together; one ``Done`` per task, in the tasks' order.

    ``on_done`` (if given) receives each ``Done`` once, as soon as it is ready, so that a watchdog
    can see how far a batch got. If the batch as a whole breaks, each task it had not yet given back
    is run on its own and only the documents that still break fail, each with a coded error (E031);
    the ones it gave back before it broke are kept, not annotated and reported a second time.
    """
    out: list[Done] = []
    try:
        return _annotate_batch(pipeline, tasks, on_done, out)
    except Exception:  # noqa: BLE001 - find the document that broke the batch, one at a time
        return out + [_annotate_alone(pipeline, t, on_done) for t in tasks[len(out):]]


def annotate_payloads(
    pipeline: Pipeline, payloads: list[Payload], on_done: Callable[[Payload], None] | None = None
) -> list[Payload]:
    """``annotate_tasks`` across a process boundary: plain data in, plain data out."""
    report = None if on_done is None else (lambda done: on_done(done.to_payload()))
    tasks = [Task.from_payload(p) for p in payloads]
    return [d.to_payload() for d in annotate_tasks(pipeline, tasks, report)]


def _annotate_batch(
    pipeline: Pipeline, tasks: list[Task], on_done: Callable[[Done], None] | None, out: list[Done]
) -> list[Done]:
    """Annotate ``tasks`` together, appending each ``Done`` to ``out`` as it comes (``out`` tells a
    caller whose batch broke how far it got)."""
    docs = [t.item for t in tasks if isinstance(t.item, Document)]
    results = iter(pipeline.annotate(docs))
    for task in tasks:
        done = Done(task.key, next(results) if isinstance(task.item, Document) else task.item)
        if on_done is not None:
            on_done(done)
        out.append(done)  # after the report: one that failed to go out is made and reported again
    return out


def _annotate_alone(pipeline: Pipeline, task: Task, on_done: Callable[[Done], None] | None) -> Done:
    try:
        [done] = _annotate_batch(pipeline, [task], None, [])
    except Exception as e:  # a crash outside any component (inside spaCy, in the records): this document only
        message = f"failed on this document outside any component: {type(e).__name__}: {e}"
        done = failed(task, ProcessingError(message, "E031"))
    if on_done is not None:
        on_done(done)
    return done
