"""``engines.work``: the plain-data boundary and per-document failures, shared by every engine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from peacewatch.engines.work import Done, Task, annotate_payloads
from peacewatch.types import Document, ErrorInfo, Result


class Brittle:
    """Stands in for a Pipeline that crashes (outside any component) on a document saying 'crash'."""

    def annotate(self, documents: Iterable[Document]) -> Iterator[Result]:
        docs = list(documents)
        if any("crash" in d.text for d in docs):
            raise MemoryError("out of memory")
        return iter([Result(id=d.id, published=d.published) for d in docs])


def test_payloads_in_payloads_out_and_only_the_culprit_fails():
    tasks = [Task(0, Document("a", "fine")), Task(1, Document("b", "crash here")),
             Task(2, Result("line:3", error=ErrorInfo("E001", "input line is not valid JSON"))),
             Task(3, Document("a", "fine again", published="2024-01-02"))]
    seen: list[int] = []
    out = annotate_payloads(Brittle(), [t.to_payload() for t in tasks],  # type: ignore[arg-type]
                            on_done=lambda p: seen.append(p["key"]))
    done = [Done.from_payload(p) for p in out]
    assert [d.key for d in done] == [0, 1, 2, 3] and seen == [0, 1, 2, 3]
    codes = [d.result.error.code if d.result.error else None for d in done]
    assert codes == [None, "E031", "E001", None]
    assert "MemoryError" in done[1].result.error.message and done[3].result.published == "2024-01-02"


def test_a_task_survives_the_round_trip():
    task = Task(7, Document("d", "text", published="2024-05-01", extra={"k": 1}))
    assert Task.from_payload(task.to_payload()) == task


class BreaksMidway:
    """A Pipeline whose batch gives back its first document, then crashes (outside any component)."""

    def __init__(self) -> None:
        self.annotated: list[str] = []

    def annotate(self, documents: Iterable[Document]) -> Iterator[Result]:
        docs = list(documents)
        for i, d in enumerate(docs):
            if i == 1 and len(docs) > 1:
                raise MemoryError("out of memory")
            self.annotated.append(d.id)
            yield Result(id=d.id, published=d.published)


def test_a_batch_that_breaks_midway_reports_each_document_once():
    # The bug: the documents a batch gave back before it broke were annotated and reported again on
    # the one-at-a-time path, so a watchdog heard them twice.
    pipeline = BreaksMidway()
    tasks = [Task(0, Document("a", "one")), Task(1, Document("b", "two")), Task(2, Document("c", "three"))]
    seen: list[int] = []
    out = annotate_payloads(pipeline, [t.to_payload() for t in tasks],  # type: ignore[arg-type]
                            on_done=lambda p: seen.append(p["key"]))
    assert seen == [0, 1, 2] and [p["key"] for p in out] == [0, 1, 2]
    assert pipeline.annotated == ["a", "b", "c"]  # "a" was not annotated a second time
    assert all(Done.from_payload(p).result.error is None for p in out)


def test_a_report_that_fails_to_go_out_is_made_again_not_dropped():
    tasks = [Task(0, Document("a", "one")), Task(1, Document("b", "two"))]
    seen: list[int] = []
    refused: list[int] = []

    def report(payload: dict) -> None:  # refuses the first report of key 0 (a transient failure)
        if payload["key"] == 0 and not refused:
            refused.append(0)
            raise OSError("transient")
        seen.append(payload["key"])

    out = annotate_payloads(Brittle(), [t.to_payload() for t in tasks], on_done=report)  # type: ignore[arg-type]
    assert seen == [0, 1] and [p["key"] for p in out] == [0, 1]
