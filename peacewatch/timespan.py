"""TIMEX3 values as calendar intervals: the one parser of dates for every stage.

Extraction (shifting a value by "two days", checking that a value is concrete) and the ledger
(comparing the dates of two reports, placing an event on a timeline) read values here.

"2023-12-13" is one day; "2023-12" the whole month; "2023" the year; "2023-W50" the ISO week;
"2023-FA" a season. Values with ``X`` placeholders or without a calendar meaning (``PRESENT_REF``,
durations) have no interval. Two dates *agree* when their intervals overlap (allowing a slack of a
few days for reports that disagree by a day), so "Wednesday" (normalized to 2023-12-13 by the timex
component) agrees with "Dec. 13" and with "December 2023".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, order=True, slots=True)
class Interval:
    """A closed range of calendar days; ``days`` is its length (1 for a day-level date)."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: Interval, slack_days: int = 0) -> bool:
        slack = dt.timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack

    def widened(self, days: int) -> Interval:
        pad = dt.timedelta(days=days)
        return Interval(self.start - pad, self.end + pad)


def _month_end(year: int, month: int) -> dt.date:
    # month may run past 12 (winter spans the new year)
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> Interval:
    return Interval(dt.date(year, first, 1), _month_end(year, last))


@functools.lru_cache(maxsize=4096)
def interval(value: str | None) -> Interval | None:
    """The days a TIMEX3 value covers, or None when it names no calendar range (cached: commitment
    tracking asks for every event's date once per promise, and intervals are immutable)."""
    if not value or "X" in value.upper().split("T")[0]:
        return None
    try:
        return _parse(value.strip())
    except ValueError:  # an impossible date such as 2023-02-30: no interval
        return None


def _parse(value: str) -> Interval | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Interval(day, day)
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _YEAR.match(value):
        return _months(int(m[1]), 1, 12)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return Interval(monday, monday + dt.timedelta(days=6))
    if m := _QUARTER.match(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.match(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.match(value):
        first, last = _SEASON_MONTHS[m[2]]
        return _months(int(m[1]), first, last)
    return None


def before_unknown(value: str | None) -> bool:
    """Whether a date says only "some time before publication" (``PAST_REF``: "a previous
    ceasefire"): such an event cannot be placed, not even by the day it was reported."""
    return value == "PAST_REF"


def day(value: str | None) -> dt.date | None:
    """The calendar day of a published date (``YYYY-MM-DD`` or ISO 8601 date-time), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# The calendar units a value can open with, finest first, for ``first_day``.
_DAY_FORM = re.compile(r"\d{4}-\d\d-\d\d")
_WEEK_FORM = re.compile(r"\d{4}-W\d\d")
_QUARTER_FORM = re.compile(r"\d{4}-Q[1-4]")
_MONTH_FORM = re.compile(r"\d{4}-\d\d")
_YEAR_FORM = re.compile(r"\d{4}")


def first_day(value: str) -> dt.date | None:
    """The first day of the calendar unit a value opens with (day, ISO week, quarter, month), else
    of its year ("2023-SU", "2023-XX" and "2023-13" open with the year only); None for a value that
    opens with no year, an impossible day or week.

    The value is read through ``interval``: extraction shifts values by this day."""
    for form, exact in ((_DAY_FORM, True), (_WEEK_FORM, True), (_QUARTER_FORM, True), (_MONTH_FORM, False)):
        if m := form.match(value):
            span = interval(m[0])
            if span is not None:
                return span.start
            if exact:  # an impossible day or week is no date; "2023-13" still opens with its year
                return None
    return dt.date(int(value[:4]), 1, 1) if _YEAR_FORM.fullmatch(value[:4]) else None


# The calendar parts of a TIMEX3 point value: year, month, day or ISO week, clock (each may be ``X``).
_POINT = re.compile(r"(?P<year>[\dX]{4})(?:-(?:W(?P<week>[\dX]{2})|(?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2}))?))?"
                    r"(?:T(?P<hour>[\dX]{2})(?::(?P<minute>[\dX]{2})(?::(?P<second>[\dX]{2}))?)?)?")


def impossible(value: str | None) -> bool:
    """Whether a TIMEX3 value names a calendar part no calendar has: a 13th month, "02-30", "2023-02-29",
    a 54th week (or a 53rd in a year of 52), a clock at 25:70. Parts left ``X`` are never impossible
    ("XXXX-02-29" can be a day); values with no calendar meaning (durations, ``PRESENT_REF``) neither."""
    m = _POINT.match(value or "")
    if m is None:
        return False
    parts = {k: int(v) for k, v in m.groupdict().items() if v is not None and v.isdigit()}
    year = parts.get("year")
    if "month" in parts and not 1 <= parts["month"] <= 12:
        return True
    if "day" in parts:
        longest = calendar.monthrange(year if year else 2000, parts.get("month", 1))[1] if "month" in parts else 31
        if not 1 <= parts["day"] <= longest:
            return True
    if "week" in parts:
        weeks = dt.date(year, 12, 28).isocalendar()[1] if year else 53
        if not 1 <= parts["week"] <= weeks:
            return True
    return _impossible_clock(parts)


def _impossible_clock(parts: dict[str, int]) -> bool:
    """A clock past 24:00 (24:00 itself ends a day), a minute past 59 or a second past 60 (a leap second)."""
    hour, minute, second = parts.get("hour", 0), parts.get("minute", 0), parts.get("second", 0)
    return hour > 24 or minute > 59 or second > 60 or (hour == 24 and (minute or second) > 0)


def agree(a: Interval | None, b: Interval | None, slack_days: int = 0) -> bool:
    """Two event dates agree when either is unknown or their intervals overlap."""
    if a is None or b is None:
        return True
    return a.overlaps(b, slack_days)
