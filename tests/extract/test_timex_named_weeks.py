"""Days the text places by a week or a month it names (docs/time.md, ninth round): "on Thursday next
week" is in next week whatever the tense would pick, and "the second Sunday of March" is that Sunday.
Every sentence here was written for these tests; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


WEEKDAYS_OF_A_WEEK = [
    # a timetable's present points forward, to this Thursday (the 28th), but the week named is next week
    ("The talks resume on Thursday next week.", {"Thursday": "2024-01-04", "next week": "2024-W01"}),
    # the future from a Tuesday anchor would be the anchor itself; both days are next week's
    ("The mediators will meet on Monday and Tuesday next week.",
     {"Monday": "2024-01-01", "Tuesday": "2024-01-02"}),
    # the past would give yesterday for Monday; last week's Monday was the 18th
    ("Rebels attacked on Monday, Tuesday and Wednesday last week.",
     {"Monday": "2023-12-18", "Tuesday": "2023-12-19", "Wednesday": "2023-12-20"}),
    ("The delegation arrives on Friday this week.", {"Friday": "2023-12-29", "this week": "2023-W52"}),
    ("Talks will resume Thursday night next week.", {"Thursday night": "2024-01-04TNI"}),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS_OF_A_WEEK)
def test_a_weekday_before_a_named_week_lies_in_that_week(pipe, text, expected) -> None:  # type: ignore[no-untyped-def]
    values = found(run(pipe, text))
    assert {span: values.get(span) for span in expected} == expected


def test_a_week_not_written_just_after_the_weekday_leaves_it_alone(pipe) -> None:  # type: ignore[no-untyped-def]
    values = found(run(pipe, "On Monday, next week's talks were announced."))
    assert values["Monday"] == "2023-12-25"


def test_without_an_anchor_the_weekday_stays_unknown(pipe) -> None:  # type: ignore[no-untyped-def]
    values = found(run(pipe, "The talks resume on Thursday next week.", published=None))
    assert values["Thursday"] == "XXXX-WXX-4"


NTH_WEEKDAYS = [
    ("Elections are due to be held on the second Sunday of March.", "the second Sunday of March", "2024-03-10"),
    ("Elections were held on the second Sunday of March.", "the second Sunday of March", "2023-03-12"),
    ("The vote is set for the last Friday in June 2024.", "the last Friday in June 2024", "2024-06-28"),
    ("Parliament first met on the first Monday of December, 2021.", "the first Monday of December, 2021",
     "2021-12-06"),
    ("The forum meets on the 3rd Wednesday of January.", "the 3rd Wednesday of January", "2024-01-17"),
    # February 2023 has four Mondays: the month stays, the day is unknown
    ("Nothing happened on the fifth Monday of February 2023.", "the fifth Monday of February 2023", "2023-02-XX"),
]


@pytest.mark.parametrize(("text", "span", "value"), NTH_WEEKDAYS)
def test_the_nth_weekday_of_a_month(pipe, text, span, value) -> None:  # type: ignore[no-untyped-def]
    assert found(run(pipe, text))[span] == value


def test_the_nth_weekday_without_an_anchor_keeps_its_month(pipe) -> None:  # type: ignore[no-untyped-def]
    values = found(run(pipe, "Elections are held on the second Sunday of March.", published=None))
    assert values["the second Sunday of March"] == "XXXX-03-XX"
