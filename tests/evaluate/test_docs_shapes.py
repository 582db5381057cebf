"""The shapes of false talks and agreement events that ``eval docs`` counts (``docs_shapes``), on sentences
written for it."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.evaluate.docs import gold_events, match_events, predicted_events
from peacewatch.evaluate.docs_breakdown import Breakdown, add_document
from peacewatch.evaluate.docs_shapes import false_shape
from peacewatch.types import Argument, Event, Result


def event_at(text: str, trigger: str, etype: str = "CONSULT", code: str = "KEN", n: int = 0) -> Event:
    """A predicted event whose trigger is the ``n``-th ``trigger`` of ``text`` and whose sentence is its line."""
    start = -1
    for _ in range(n + 1):
        start = text.index(trigger, start + 1)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start) if "\n" in text[start:] else len(text)
    return Event(id=f"e{start}", type=etype, trigger_span=(start, start + len(trigger)),
                 span=(line_start, line_end), actor=[Argument(entity=None, code=code, sector=None, text=code)])


@pytest.mark.parametrize(("text", "trigger", "shape"), [
    ("Kenya refused to pay until the talks in Arusha resumed.", "talks", "background"),
    ("Kenya fulfilled the provisions of the agreement on the border.", "agreement", "text_of"),
    ("The talks focused on the border.", "talks", "subject"),
    ("Kenya adjourned the talks in Arusha.", "talks", "object"),
    ("Kenya sent envoys to the talks in Arusha.", "talks", "in_prep"),
    ("Kenya said that Uganda had negotiated with the rebels.", "negotiated", "reported"),
    ("Kenya negotiated with the rebels in Arusha.", "negotiated", "verb_main"),
])
def test_a_false_event_is_sorted_by_its_shape(nlp: Any, text: str, trigger: str, shape: str) -> None:
    assert false_shape(event_at(text, trigger), text, nlp, twice=False) == shape


def test_an_act_told_again_is_counted_once_per_part_and_type(nlp: Any) -> None:
    # the headline and the body tell one meeting; the gold codes it once: the second is "twice"
    text = "Kenya and Uganda hold talks\nKenya held talks with Uganda in Arusha on Monday."
    record = {"id": "x", "events": [
        {"type": "CONSULT", "actor": ["KEN"], "recipient": [], "evidence": "Kenya held talks with Uganda"}]}
    result = Result(id="x", events=[event_at(text, "talks"), event_at(text, "talks", n=1)])
    gold, pred = gold_events(record), predicted_events(result)
    out = Breakdown(parse=nlp)
    add_document(out, ("untouched", "untouched:p"), record, result, text, gold, pred, match_events(gold, pred, None))
    table = out.tables()["false talks and agreements by shape (count)"]
    assert table["untouched:CONSULT"]["twice"] == 1 and sum(table["untouched:CONSULT"].values()) == 1
    assert "untouched:p:CONSULT" not in table  # per part only
