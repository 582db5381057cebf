"""Calendar arithmetic and the word tables behind the timex grammar (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.extract.timex import calendar as cal
from peacewatch.extract.timex.lexicon import TABLES, lexicon, timex_rows
from peacewatch.extract.timex.relative import duration_value
from peacewatch.extract.timex.rules import find, windows

TUESDAY = dt.date(2023, 12, 26)


@pytest.mark.parametrize(("iso_day", "direction", "expected"), [
    (1, "past", "2023-12-25"), (2, "past", "2023-12-26"), (3, "past", "2023-12-20"),
    (5, "future", "2023-12-29"), (2, "future", "2023-12-26"), (1, None, "2023-12-25"),
])
def test_weekday_date(iso_day, direction, expected):  # type: ignore[no-untyped-def]
    assert cal.weekday_date(TUESDAY, iso_day, direction).isoformat() == expected


def test_weekday_date_strict_skips_today():
    assert cal.weekday_date(TUESDAY, 2, "past", strict=True).isoformat() == "2023-12-19"
    assert cal.weekday_date(TUESDAY, 2, "future", strict=True).isoformat() == "2024-01-02"


@pytest.mark.parametrize(("mon", "direction", "year"), [
    (11, "past", 2023), (12, "past", 2023), (1, "past", 2023), (3, "future", 2024), (12, "future", 2023),
    (2, None, 2024), (6, None, 2023),
])
def test_year_of_month(mon, direction, year):  # type: ignore[no-untyped-def]
    assert cal.year_of_month(TUESDAY, mon, direction) == year


def test_year_of_day_allows_scheduled_dates_just_ahead():
    assert cal.year_of_day(TUESDAY, 9, 19, "past") == 2023
    assert cal.year_of_day(TUESDAY, 1, 14, "past") == 2024  # within the slack
    assert cal.year_of_day(TUESDAY, 6, 1, "past") == 2023


@pytest.mark.parametrize(("value", "n", "unit", "expected"), [
    ("2023-12-26", -1, "D", "2023-12-25"), ("2023-12-26", 1, "W", "2024-W01"),
    ("2023-12-26", -1, "M", "2023-11"), ("2023-12-26", -1, "Y", "2022"),
    ("1989-Q3", -1, "Y", "1988-Q3"), ("1989-Q1", -1, "Q", "1988-Q4"), ("1998-03-01", -1, "DE", "198"),
    ("2023-11", 2, "D", None), ("PRESENT_REF", 1, "D", None),
])
def test_shift(value, n, unit, expected):  # type: ignore[no-untyped-def]
    assert cal.shift(value, n, unit) == expected


@pytest.mark.parametrize(("rule", "year", "expected"), [
    ("nth:11:4:4", 1999, "1999-11-25"), ("election", 1998, "1998-11-03"), ("easter:0", 2000, "2000-04-23"),
    ("easter:-2", 2024, "2024-03-29"), ("nth:5:1:-1", 2023, "2023-05-29"), ("12-25", 2023, "2023-12-25"),
])
def test_holidays(rule, year, expected):  # type: ignore[no-untyped-def]
    assert cal.holiday(rule, year).isoformat() == expected


def test_season_value():
    assert cal.season_value(TUESDAY, "FA", "past") == "2023-FA"
    assert cal.season_value(TUESDAY, "SU", "future") == "2024-SU"
    assert cal.season_value(dt.date(2024, 1, 10), "WI", None) == "2023-WI"


@pytest.mark.parametrize(("n", "unit", "expected"), [
    ("44", "D", "P44D"), ("2.5", "Y", "P2Y6M"), ("5.5", "H", "PT5H30M"), ("X", "M", "PXM"),
    ("1.5", "MIN", "PT1M30S"), ("3", "H", "PT3H"),
])
def test_duration_value(n, unit, expected):  # type: ignore[no-untyped-def]
    assert duration_value(n, unit) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("twenty-four", "24"), ("twenty four", "24"), ("several", "X"), ("2 1/2", "2.5"), ("a", "1"),
    ("12", "12"),
])
def test_number_words(text, value):  # type: ignore[no-untyped-def]
    assert lexicon().number(text) == value


@pytest.mark.parametrize(("text", "year"), [
    ("nineteen ninety-six", 1996), ("two thousand and one", 2001), ("nineteen oh five", 1905), ("1989", 1989),
])
def test_years_in_words(text, year):  # type: ignore[no-untyped-def]
    assert lexicon().year_value(text) == year


@pytest.mark.parametrize("name", TABLES)
def test_every_table_reads(name):  # type: ignore[no-untyped-def]
    rows = timex_rows(name)
    assert rows and all(all(k for k in row) for row in rows)


@given(st.text(max_size=300))
def test_windows_cover_every_match(text):  # type: ignore[no-untyped-def]
    spans = windows(text)
    assert all(lo < hi for lo, hi in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
    for m in find(text):
        assert text[m.start:m.end] == m.text
        assert any(lo <= m.start and m.end <= hi for lo, hi in spans)


def test_lower_keeps_offsets():
    from peacewatch.extract.timex.rules import lower

    text = "İstanbul talks on Monday"
    assert len(lower(text)) == len(text)
    assert [m.text for m in find(text)] == ["Monday"]
