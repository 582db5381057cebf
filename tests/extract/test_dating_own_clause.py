"""A relative clause or participle of the trigger itself dates the event when its verb says the
event took place ("the clashes, which took place on Thursday"); one telling of another act on it
("talks that were suspended in 2019") or hanging on another noun ("soldiers held since April")
does not (``extract/events/dating.own_clause``). The texts are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.types import Document, Event

DAY = "2023-12-26"  # a Tuesday: "on Thursday" is 2023-12-21


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


def events(pipe: Any, text: str) -> dict[str, Event]:
    [result] = list(pipe.annotate([Document(id="c", text=text, published=DAY)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


@pytest.mark.parametrize("text, trigger, date", [
    ("The clashes, which took place on Thursday near the border, were the worst this year.", "clashes",
     "2023-12-21"),
    ("The truce that Nordavia and Ostland agreed on December 3 collapsed.", "truce", "2023-12-03"),
])
def test_the_triggers_own_clause_of_taking_place_dates_it(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                          date: str) -> None:
    assert events(pipe, text)[trigger].date == date


@pytest.mark.parametrize("text, trigger", [
    ("The talks, which were suspended in March, resumed.", "talks"),  # another act on the talks
    ("Ostland freed two soldiers held since April 2023.", "freed"),  # a clause of another noun
    ("Rebels attacked the convoy that was sent in November.", "attacked"),
])
def test_a_clause_of_another_act_or_noun_does_not(pipe, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert events(pipe, text)[trigger].date is None


def test_the_clause_of_a_round_of_talks_dates_the_talks_and_says_they_happened(pipe) -> None:  # type: ignore[no-untyped-def]
    # "Feb. 14" read in the year after publication (as a misread year or an article's day inferred
    # too early gives): the clause says the round began, so the talks happened, they are not to come
    found = events(pipe, "The second round of peace talks, which began on Feb. 14 in Lima, ended with an accord.")
    talks = found["peace talks"]
    assert (talks.type, talks.status) == ("CONSULT", "occurred")
    assert talks.date is not None and talks.date.endswith("-02-14")
    later = events(pipe, "The talks, which will take place on Monday in Lima, are the first in a year.")["talks"]
    assert later.date == "2024-01-01" and later.status != "occurred"
