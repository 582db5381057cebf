"""An act told as a count of days or weeks after (before) another act takes that act's day plus
(minus) the count, when the text told that act earlier with its day; otherwise it stays undated
(``extract/events/counting.anchored_timex``). The texts are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.types import Document, Event

DAY = "2023-03-20"


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


def events(pipe: Any, text: str) -> dict[str, Event]:
    [result] = list(pipe.annotate([Document(id="a", text=text, published=DAY)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


@pytest.mark.parametrize("text, trigger, date", [
    ("Ostland attacked Harlow on March 2. The rebels withdrew from Harlow a week after Ostland attacked.",
     "withdrew", "2023-03-09"),
    ("The deal was signed on March 3. Two days after the signing, the army withdrew from the town.",
     "withdrew", "2023-03-05"),
])
def test_a_count_after_a_dated_act_dates_the_act(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                   date: str) -> None:
    assert events(pipe, text)[trigger].date == date


def test_a_count_after_an_undated_act_dates_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    found = events(pipe, "The army withdrew from the town two days after the signing.")
    assert found["withdrew"].date is None
