"""A time expression dates the act it modifies in the parse, not another act of the sentence: an act
told in a relative clause or participle of a noun is about that noun, an earlier or other act than
the clause the noun stands in, and takes no day from outside its own clause (a month, season or year
there still holds it) (``extract/events/dating.noun_clause``). The texts are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.types import Document, Event

DAY = "2023-12-26"  # a Tuesday: "on Thursday" is 2023-12-21, "on Monday" 2023-12-25


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


def events(pipe: Any, text: str) -> dict[str, Event]:
    [result] = list(pipe.annotate([Document(id="s", text=text, published=DAY)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


@pytest.mark.parametrize("text, other, main, date", [
    # the abduction is not dated by the release it is told beside
    ("Luis Perez, who was kidnapped by the rebels, was released on Thursday.", "kidnapped", "released",
     "2023-12-21"),
    ("Ostland released Perez, who had been abducted by the rebels, on Thursday.", "abducted", "released",
     "2023-12-21"),
    # a participle of the actor: the backing is not the attack's day
    ("Rebels, backed by Ostland, attacked the town of Harlow on Monday.", "backed", "attacked", "2023-12-25"),
])
def test_an_act_in_a_clause_of_a_noun_is_not_dated_by_the_clause_around_it(  # type: ignore[no-untyped-def]
        pipe, text: str, other: str, main: str, date: str) -> None:
    found = events(pipe, text)
    assert found[main].date == date
    assert found[other].date is None, (found[other].type, found[other].date)


@pytest.mark.parametrize("text, trigger, date", [
    # the clause's own date still dates its act, and the main clause keeps its own
    ("The army of Ostland, which attacked Harlow on Monday, withdrew on Friday.", "attacked", "2023-12-25"),
    ("The army of Ostland, which attacked Harlow on Monday, withdrew on Friday.", "withdrew", "2023-12-22"),
    ("The truce that Nordavia and Ostland agreed on December 3 collapsed on Friday.", "truce", "2023-12-03"),
    # a period longer than a week holds the acts told around the one it dates (as the seed article's
    # "clashes in the fall of 2020, which ended with a Russian-brokered peace agreement")
    ("Luis Perez, who was kidnapped by the rebels, was released in November.", "kidnapped", "2023-11"),
    # a present participle goes on at the time of its clause: the caption's day dates the strikes
    ("Villagers check the rubble of a building following Ostland strikes in Harlow on December 22.", "Ostland strikes",
     "2023-12-22"),
])
def test_a_date_inside_the_clause_still_dates_its_act(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                      date: str) -> None:
    assert events(pipe, text)[trigger].date == date
