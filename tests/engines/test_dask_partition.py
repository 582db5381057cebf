"""A document's time limit where no alarm rings: in a worker thread, as Dask runs its tasks.

``SIGALRM`` only reaches a process's main thread, so in a thread the pipeline's own limit does
nothing; ``engines.partition`` raises the same ``Overtime`` in the working thread from a watchdog,
and ends the process when the thread is stuck where no exception reaches (inside C code). These
tests need no Dask: they run the partition in a plain thread. The misbehaving test components give
up on their own after ``GIVE_UP`` seconds, so a broken limit fails the test instead of hanging it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from peacewatch.config import load_config
from peacewatch.engines.partition import Watchdog, annotate_within_limits, run_partition
from peacewatch.engines.work import Done, Task
from peacewatch.pipeline import Overtime, Pipeline, register
from peacewatch.types import Document, Result

GIVE_UP = 20.0


class Spin:
    """Loops in Python on a document that says 'spin'."""

    name = "test-thread-spin"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "spin" in ann.document.text:
            begun = time.monotonic()
            while time.monotonic() - begun < GIVE_UP:
                pass
        return ann


register("test-thread-spin", requires=("tokens",), provides=())(lambda config: Spin())


def in_thread(fn: Callable[[], Any]) -> Any:
    """``fn()`` in a thread that is not the main one (where SIGALRM never arrives)."""
    out: list[Any] = []
    worker = threading.Thread(target=lambda: out.append(fn()))
    worker.start()
    worker.join(GIVE_UP * 3)
    assert not worker.is_alive() and out, "the worker thread did not finish"
    return out[0]


def payloads(texts: list[str]) -> list[dict[str, Any]]:
    return [Task(k, Document(f"d{k}", t)).to_payload() for k, t in enumerate(texts)]


def test_a_looping_document_in_a_worker_thread_fails_with_e032_and_the_rest_go_on(nlp):
    config = load_config(pipeline=["mentions", "test-thread-spin"], document_timeout=1, batch_size=4)
    pipeline = Pipeline.build(config, nlp=nlp)
    texts = ["Kenya and Uganda met in Nairobi.", "The talks spin on and on.", "Talks resumed in Doha."]
    begun = time.monotonic()
    out = in_thread(lambda: annotate_within_limits(pipeline, payloads(texts)))
    assert time.monotonic() - begun < GIVE_UP
    done = [Done.from_payload(p) for p in out]
    assert [d.key for d in done] == [0, 1, 2]
    assert done[1].result.error is not None and done[1].result.error.code == "E032"
    assert done[0].result.error is None and [m.text for m in done[0].result.mentions][-1] == "Nairobi"
    assert done[2].result.error is None and done[2].result.mentions


class SlowParse:
    """Stands in for a pipeline whose parse of a whole batch stalls (in Python) on a 'stall' text."""

    def __init__(self) -> None:
        self.config = load_config(document_timeout=1)

    def annotate(self, documents: Iterable[Document]) -> Iterator[Result]:
        docs = list(documents)
        if any("stall" in d.text for d in docs):
            begun = time.monotonic()
            while time.monotonic() - begun < GIVE_UP:
                pass
        return iter([Result(id=d.id, published="2024-01-01") for d in docs])


def test_a_batch_stalled_before_any_document_came_back_fails_only_its_culprit():
    out = in_thread(lambda: annotate_within_limits(SlowParse(), payloads(["a", "stall here", "b"])))  # type: ignore[arg-type]
    done = [Done.from_payload(p) for p in out]
    assert [d.key for d in done] == [0, 1, 2]
    assert [d.result.error.code if d.result.error else None for d in done] == [None, "E032", None]
    assert done[0].result.published == "2024-01-01" and "document_timeout" in done[1].result.error.message


def test_a_thread_deaf_to_overtime_ends_its_process_and_a_late_overtime_never_leaks():
    stuck: list[float] = []

    def deaf() -> str:
        with Watchdog(0.5, lambda: stuck.append(time.monotonic()), grace=0.5) as watch:
            watch.allow(1)
            try:
                time.sleep(2.5)  # C code: no bytecode runs, so the Overtime waits
                for _ in range(1000):  # the first bytecodes after it meet the Overtime
                    pass
            except Overtime:
                return "overtime"
        return "no overtime"

    assert in_thread(deaf) == "overtime"
    assert len(stuck) == 1

    def quick() -> str:
        with Watchdog(0.5, lambda: stuck.append(time.monotonic())) as watch:
            watch.allow(1)
        time.sleep(1.0)
        for _ in range(1000):
            pass
        return "clean"

    assert in_thread(quick) == "clean" and len(stuck) == 1


def test_a_pipeline_that_cannot_be_built_comes_back_as_its_coded_error():
    config = load_config(model="no_such_spacy_model_here", pipeline=["timex"])
    answer = run_partition(config, [], payloads(["text"]))
    assert answer["failed"]["code"] == "E025" and "done" not in answer
