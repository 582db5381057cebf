"""An expression counting forward from an earlier event ("a month later", "the following day")
dates an event only when the text stated a date before it: else the event it counts from was told
undated, and counting from the document's own day gives a day no event had
(``extract/events/dating.counted_from_nothing``). The texts are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.types import Document, Event

DAY = "2023-12-26"


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


def events(pipe: Any, text: str) -> dict[str, Event]:
    [result] = list(pipe.annotate([Document(id="l", text=text, published=DAY)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


@pytest.mark.parametrize("text", [
    "Nordavia and Ostland struck a deal to swap prisoners. A month later, Ostland freed 40 Nordavian soldiers.",
    "Rebels attacked Harlow. The following day, the army shelled their camp.",
])
def test_counting_from_an_undated_event_dates_nothing(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    later = [e for e in events(pipe, text).values() if e.trigger_span[0] > text.index(".")]
    assert later and all(e.date is None for e in later), [(e.type, e.date) for e in later]


def test_counting_from_a_stated_date_still_dates_the_event(pipe) -> None:  # type: ignore[no-untyped-def]
    found = events(pipe, "Rebels attacked Harlow on December 10. The following day, the army shelled their camp.")
    assert found["shelled"].date == "2023-12-11"
