"""Results are paired with their documents by a run-unique key, never by position."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from peacewatch.config import load_config
from peacewatch.engines import Done, Task, make_engine
from peacewatch.engines.local import LocalEngine
from peacewatch.errors import ConfigError
from peacewatch.flow import extract, extract_pairs
from peacewatch.types import Document, ErrorInfo, Result


class Shuffling:
    """An engine that finishes tasks in an order of its own, as a distributed engine would."""

    def run(self, tasks: Iterable[Task]) -> Iterator[Done]:
        held = list(tasks)
        order = [t for t in held if t.key % 2] + [t for t in held if not t.key % 2][::-1]
        for task in order:
            item = task.item
            yield Done(task.key, Result(id=item.id, published=item.text) if isinstance(item, Document) else item)


ITEMS: list[Document | Result] = [
    Document("same", "first text"), Document("same", "second text"),
    Result("line:3", error=ErrorInfo("E001", "input line is not valid JSON")),
    Document("other", "third text"), Document("same", "fourth text"),
]


def test_out_of_order_results_meet_their_own_documents_and_come_out_in_order():
    pairs = list(extract_pairs(ITEMS, load_config(), Shuffling()))
    assert [r.id for r, _ in pairs] == ["same", "same", "line:3", "other", "same"]
    for result, document in pairs:
        if document is not None:  # the fake engine echoes the text it was given into 'published'
            assert result.published == document.text
    assert pairs[2][1] is None and pairs[2][0].error is not None
    assert [r.published for r in extract(ITEMS, load_config(), Shuffling())][:2] == ["first text", "second text"]


def test_the_configuration_chooses_the_engine():
    assert isinstance(make_engine(load_config()), LocalEngine)
    with pytest.raises(ConfigError) as err:
        make_engine(load_config(engine="dask-someday"))
    assert err.value.code == "E033" and "local" in err.value.message


def test_the_local_engine_keeps_input_order_with_repeated_ids(make_pipeline):
    pipe = make_pipeline("mentions")
    engine = LocalEngine(pipe.config.with_overrides(batch_size=2), pipe)
    texts = ["Kenya met Uganda.", "Talks in Nairobi.", "Talks in Doha."]
    done = list(engine.run(Task(k, Document("x", t)) for k, t in enumerate(texts)))
    assert [d.key for d in done] == [0, 1, 2]
    assert [m.text for m in done[2].result.mentions] == ["Doha"]
