from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peacewatch.timespan import Interval, agree, day, interval

D = dt.date


def test_granularities() -> None:
    assert interval("2023-12-13") == Interval(D(2023, 12, 13), D(2023, 12, 13))
    assert interval("2023-12") == Interval(D(2023, 12, 1), D(2023, 12, 31))
    assert interval("2024-02") == Interval(D(2024, 2, 1), D(2024, 2, 29))
    assert interval("2023") == Interval(D(2023, 1, 1), D(2023, 12, 31))
    assert interval("2023-W50") == Interval(D(2023, 12, 11), D(2023, 12, 17))
    assert interval("2023-Q4") == Interval(D(2023, 10, 1), D(2023, 12, 31))
    assert interval("2023-H1") == Interval(D(2023, 1, 1), D(2023, 6, 30))
    assert interval("2023-FA") == Interval(D(2023, 9, 1), D(2023, 11, 30))
    assert interval("2023-WI") == Interval(D(2023, 12, 1), D(2024, 2, 29))
    assert interval("2023-12-13T10:00") == Interval(D(2023, 12, 13), D(2023, 12, 13))


def test_values_without_a_calendar_range() -> None:
    for value in (None, "", "XXXX-12-13", "2023-XX", "PRESENT_REF", "P3D", "2023-02-30", "soon"):
        assert interval(value) is None


def test_a_weekday_and_a_month_day_agree_once_normalized() -> None:
    wednesday, dec_13, december, year = (interval(v) for v in ("2023-12-13", "2023-12-13", "2023-12", "2023"))
    assert agree(wednesday, dec_13) and agree(dec_13, december) and agree(december, year)
    assert not agree(interval("2023-12-13"), interval("2023-12-20"))
    assert agree(interval("2023-12-13"), interval("2023-12-14"), slack_days=1)
    assert agree(None, interval("2023-12-13"))


def test_published_day() -> None:
    assert day("2023-12-26T08:00:00Z") == D(2023, 12, 26)
    assert day("Tuesday") is None and day(None) is None


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_every_coarser_value_contains_the_day(d: dt.date) -> None:
    point = interval(d.isoformat())
    iso = d.isocalendar()
    for coarse in (f"{d.year:04d}-{d.month:02d}", f"{d.year:04d}", f"{iso.year:04d}-W{iso.week:02d}"):
        span = interval(coarse)
        assert span is not None and point is not None
        assert span.start <= point.start <= point.end <= span.end
        assert agree(span, point)


def test_first_day_is_the_start_of_the_unit_a_value_opens_with() -> None:
    """Extraction shifts values by this day (``extract.timex.calendar.as_date``), read through the
    same parser as the ledger's intervals."""
    from peacewatch.timespan import first_day

    assert first_day("2023-12-13T10:00") == D(2023, 12, 13)
    assert first_day("2023-W50") == D(2023, 12, 11) == interval("2023-W50").start  # type: ignore[union-attr]
    assert first_day("2023-Q3") == D(2023, 7, 1)
    assert first_day("2023-12-XX") == D(2023, 12, 1)  # opens with its month
    assert first_day("2023-SU") == first_day("2023-13") == D(2023, 1, 1)  # opens with its year only
    assert first_day("2023-02-30") is None and first_day("2023-W60") is None  # no such day or week
    assert first_day("PRESENT_REF") is None and first_day("XXXX-12-13") is None
