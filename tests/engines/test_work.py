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
