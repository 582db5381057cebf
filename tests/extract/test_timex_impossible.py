"""Impossible dates (issue 13): the normalizer never writes a day, week, month or clock no calendar
has; a date written impossible keeps what is true of it (its month) or is no timex at all."""

from __future__ import annotations

import pytest

from peacewatch.extract.timex.calendar import honest
from peacewatch.timespan import impossible
from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


WRITTEN = [
    # a day past the month's end, with its year written out: the month is true, the day is not
    ("The accord was dated 31 February 2024 in the draft.", "31 February 2024", "2024-02-XX"),
    ("Talks were said to open on February 30, 2025.", "February 30, 2025", "2025-02-XX"),
    ("A leaked memo carried the date 2023-02-29 at its head.", "2023-02-29", "2023-02-XX"),
    ("The ministry wrote that the truce ended on April 31, 2022.", "April 31, 2022", "2022-04-XX"),
    # no year written: the month takes the year its tense gives, as "in February" would
    ("The letter said the vote was held on 30 Feb.", "30 Feb.", "2023-02-XX"),
]


@pytest.mark.parametrize(("text", "span", "value"), WRITTEN)
def test_a_day_no_month_has_is_left_unknown_in_its_month(pipe, text: str, span: str, value: str) -> None:
    values = found(run(pipe, text))
    assert values[span] == value


def test_a_29_february_of_a_leap_year_stays_a_day(pipe) -> None:
    assert found(run(pipe, "The talks ended on 29 February 2024."))["29 February 2024"] == "2024-02-29"


def test_a_29_february_without_a_year_is_never_a_day_of_a_common_year(pipe) -> None:
    # published in mid-2023: the past tense wants a 29 February before it and none of 2022-2024 has one
    # there, so the year stays unknown rather than a day that never was
    values = found(run(pipe, "The ceasefire was signed on February 29.", published="2023-06-01"))
    assert values["February 29"] == "XXXX-02-29"


@pytest.mark.parametrize("text", [
    "The curfew began at 25:70 GMT on Friday.",
    "Shelling was reported at 24:30 UTC.",
    "The numbered form 2023-13-01 heads the file.",
    "The truce of 31/13/2021 was no truce.",
])
def test_an_impossible_clock_or_month_gives_no_value_at_all(pipe, text: str) -> None:
    timexes = run(pipe, text)
    assert all(not impossible(t.value) for t in timexes), timexes
    assert not any(t.value.endswith(("T25:70", "T24:30", "T24:30Z")) or "-13" in t.value for t in timexes)


def test_a_range_end_lending_its_year_gives_no_impossible_day(pipe) -> None:
    values = found(run(pipe, "Fighting raged from Feb. 29 to March 3, 2023, the monitors said."))
    assert all(not impossible(v) for v in values.values()), values


HONEST = [
    ("2024-02-31", "2024-02-XX"),
    ("XXXX-02-30", "XXXX-02-XX"),
    ("2023-02-29T10:00", "2023-02-XXT10:00"),
    ("2021-W53", "2021-WXX"),  # 2021 had 52 ISO weeks
    ("2020-W53", "2020-W53"),  # 2020 had 53
    ("2023-13", None),
    ("2023-00-10", None),
    ("2023-12-26T25:70", None),
    ("2023-12-26T24:00", "2023-12-26T24:00"),  # the end of a day is a time ("midnight")
    ("XXXX-02-29", "XXXX-02-29"),
    ("P30D", "P30D"),
    ("PRESENT_REF", "PRESENT_REF"),
    ("199", "199"),
]


@pytest.mark.parametrize(("value", "kept"), HONEST)
def test_honest_keeps_what_is_true_of_a_value(value: str, kept: str | None) -> None:
    assert honest(value) == kept
