"""A clock takes its day from a date written after a weekday that follows it ("10:32 am ET, Wed Dec 20,
2023", a web page's update line; "at 9 a.m. on Thursday, January 4"). Before, an abbreviated weekday
hid the date, so the clock got the publication day, and a full weekday was read by the tense alone,
a week away from the date written after it. Wrong absolute dates found on sentences written for the
eleventh round (docs/time.md)."""

from __future__ import annotations

import pytest

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def clock(pipe, text: str) -> str:  # type: ignore[no-untyped-def]
    [found] = [t.value for t in run(pipe, text) if t.type == "TIME"]
    return found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Updated 10:32 am ET, Wed Dec 20, 2023", "2023-12-20T10:32"),
        ("The polls will open at 9 a.m. on Thursday, January 4.", "2024-01-04T09:00"),
        ("The talks ended at 6 p.m. Fri. Dec. 15.", "2023-12-15T18:00"),
    ],
)
def test_the_date_after_a_weekday_dates_the_clock(pipe, text: str, value: str) -> None:
    assert clock(pipe, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The polls open at 7 a.m. Sunday.", "2023-12-31T07:00"),  # a weekday with no date keeps its reading
        ("He arrived at 10 a.m. and sat down with the envoy.", "2023-12-26T10:00"),  # "sat" is no weekday
    ],
)
def test_a_clock_without_a_date_after_it_keeps_its_day(pipe, text: str, value: str) -> None:
    assert clock(pipe, text) == value
