"""Timex rules of the fourth round (issue 13, time on unseen text): the two ends of a range on
one calendar, frequencies with a count ("every four years"), clock times with more time zones,
month abbreviations without a full stop, and "ahead of" pointing forward."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


RANGES = [
    # the start takes the year the end names
    ("The ceasefire held from March 3 to March 10, 2021.", {"March 3": "2021-03-03", "March 10, 2021": "2021-03-10"}),
    ("The summit ran March 3-10, 2021.", {"March 3": "2021-03-03", "10, 2021": "2021-03-10"}),
    # ... and may not come after it: December of the year before
    ("Fighting raged from December to February 2021.", {"December": "2020-12", "February 2021": "2021-02"}),
    # the end takes the start's year, or the next one
    ("Between November 2021 and March, the rebels advanced.", {"November 2021": "2021-11", "March": "2022-03"}),
    # neither names a year: the end before publication stays, the start moves back a year
    ("Talks were held between October and February.", {"October": "2022-10", "February": "2023-02"}),
    # a day before "and 12 April 2021" takes its month and year
    ("The vote was held between 10 and 12 April 2021.", {"10": "2021-04-10", "12 April 2021": "2021-04-12"}),
    # weekdays have no year to share: each resolves on its own
    ("The talks ran from Friday to Monday.", {"Friday": "2023-12-22", "Monday": "2023-12-25"}),
]


@pytest.mark.parametrize(("text", "values"), RANGES)
def test_the_ends_of_a_range_share_a_calendar(pipe, text: str, values: dict[str, str]) -> None:
    got = {k: v for k, (_, v) in found(run(pipe, text)).items()}
    assert got == values


def test_a_range_end_says_where_its_year_came_from(pipe) -> None:
    [start, _] = run(pipe, "Fighting raged from December to February 2021.")
    assert start.why is not None and start.why.endswith("the year of the range's end")


def test_counts_are_no_range_ends(pipe) -> None:
    assert run(pipe, "Between 10 and 12 people were hurt on 3 and 4 floors.") == []
