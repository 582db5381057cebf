"""The act a count runs from ("a week after Ostland's minister visited", "after five months of truce")
takes the date of the clause the count hangs on, moved back by the count (forward, for "before"):
that clause's own day or month, or the document's day when it is told in the present; the act's own
date, when its clause states one, wins (``extract/events/counting.counted_back_timex``). The texts are
made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from peacewatch.extract.events.counting import counted_back_timex
from peacewatch.extract.timex import tag

from .annotate import events_by_trigger


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


@pytest.mark.parametrize("text, day, trigger, date", [
    # told in the present: counted back from the document's day
    ("The report's release comes a week after Ostland's foreign minister visited Nordavia.",
     "2023-03-22", "visited", "2023-03-15"),
    # the clause the count hangs on states its day: the act counted from is not dated by it
    ("On Monday, the rebels attacked Harlow, two days after the government suspended the talks.",
     "2024-05-10", "suspended", "2024-05-04"),
    ("The army attacked the town on Monday, three days before the rebels signed the ceasefire.",
     "2024-05-10", "signed", "2024-05-09"),
    # how long an act had lasted: it began that long before
    ("The war has worsened since new fighting broke out in August after five months of humanitarian truce.",
     "2022-11-02", "truce", "2022-03"),
])
def test_the_act_a_count_runs_from_is_dated_back(pipe, text: str, day: str, trigger: str,  # type: ignore[no-untyped-def]
                                                 date: str) -> None:
    assert events_by_trigger(pipe, text, day)[trigger].date == date


def test_the_clause_a_count_hangs_on_keeps_its_date(pipe) -> None:  # type: ignore[no-untyped-def]
    found = events_by_trigger(
        pipe, "On Monday, the rebels attacked Harlow, two days after the government suspended the talks.", "2024-05-10")
    assert found["attacked"].date == "2024-05-06"


@pytest.mark.parametrize("text, trigger, date", [
    # the act's own clause states its day
    ("On Monday, the rebels attacked Harlow, two days after the government suspended the talks on May 3.",
     "suspended", "2024-05-03"),
    # the clause the count hangs on has no date (told in the past) or is still to come
    ("The rebels withdrew from Harlow two days after the government suspended the talks.", "suspended", None),
    ("The truce will start a week after the agreement is signed.", "signed", None),
])
def test_no_date_to_count_back_from(pipe, text: str, trigger: str, date: str | None) -> None:  # type: ignore[no-untyped-def]
    assert events_by_trigger(pipe, text, "2024-05-10")[trigger].date == date


@pytest.mark.parametrize("text, trigger, date", [
    # the act that lasted told by a gerund clause ("of being kidnapped"), as by a noun ("of siege")
    ("After 13 days of being kidnapped by the rebels in Harlow, Luis Perez returns today to his family.",
     "kidnapped", "2023-10-28"),
    ("After five months of being besieged by the army, Harlow fell on Thursday.", "besieged", "2023-06"),
    ("Harlow fell on Thursday after five months of siege.", "siege", "2023-06"),
    # the clause the count hangs on is not counted back
    ("After 13 days of being kidnapped by the rebels in Harlow, Luis Perez returns today to his family.",
     "returns", None),
])
def test_the_act_that_lasted_a_count_began_that_long_before(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                             date: str | None) -> None:
    day = dt.date(2023, 11, 10)
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = counted_back_timex(tag(doc, day), doc, token, day)
    assert (found.value if found is not None else None) == date
