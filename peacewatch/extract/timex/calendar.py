"""Calendar arithmetic behind TIMEX3 values: choosing the year of "in November", the date of
"Monday", and shifting a value by "two days" or "a year" at the value's own granularity.

``direction`` is ``"past"`` (the latest one on or before the anchor), ``"future"`` (the first one on
or after it) or ``None`` (the nearest one).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...timespan import first_day as as_date
from ...timespan import impossible

SEASON_ORDER = ("SP", "SU", "FA", "WI")
# The season a month falls in (December opens the winter of its own year).
MONTH_SEASON = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                9: "FA", 10: "FA", 11: "FA", 12: "WI"}


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    year, num, _ = d.isocalendar()
    return f"{year}-W{num:02d}"


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def add_months(year: int, mon: int, n: int) -> tuple[int, int]:
    index = year * 12 + (mon - 1) + n
    return index // 12, index % 12 + 1


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """The season of a date and the year TIMEX3 gives it (January's winter began the year before)."""
    return (d.year - 1 if d.month <= 2 else d.year), MONTH_SEASON[d.month]


# How far past the anchor a "past" day-and-month may still lie (and before it a "future" one):
# news states scheduled dates loosely ("was set for Dec. 7" six weeks ahead; tuned on dev data).
SLACK = dt.timedelta(days=75)


def pick_year(anchor: dt.date, direction: str | None,
              make: Callable[[int], dt.date | None], slack: dt.timedelta = SLACK) -> int:
    """The year y such that ``make(y)`` (a date) lies on the asked side of ``anchor`` (give or take
    ``slack``), or the nearest one when no side is asked."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    dates = [(y, make(y)) for y in years]
    if direction == "past":
        ok = [y for y, d in dates if d is not None and d <= anchor + slack]
        return max(ok) if ok else anchor.year
    if direction == "future":
        ok = [y for y, d in dates if d is not None and d >= anchor - slack]
        return min(ok) if ok else anchor.year
    valid = [(abs((d - anchor).days), y, y) for y, d in dates if d is not None]  # ties: the past
    return min(valid)[2] if valid else anchor.year


def _safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


_WEEK_PART = re.compile(r"(?<=^[\dX]{4}-W)\d\d")
_DAY_PART = re.compile(r"(?<=^[\dX]{4}-\d\d-)\d\d")
_MONTH_PART = re.compile(r"^[\dX]{4}-(\d\d)(?!\d)")


def honest(value: str) -> str | None:
    """``value`` itself when a calendar has it, else the part of it that is true: a day no month has
    ("31 February 2024") stays unknown in its month, ``2024-02-XX``, and so does a week past the
    year's last; a 13th month or a clock at 25:70 is no value at all (None)."""
    if not impossible(value):
        return value
    month_ = _MONTH_PART.match(value)
    if month_ is not None and not 1 <= int(month_[1]) <= 12:
        return None
    partial = _WEEK_PART.sub("XX", _DAY_PART.sub("XX", value, count=1), count=1)
    return None if impossible(partial) else partial


def year_of_month(anchor: dt.date, mon: int, direction: str | None) -> int:
    """The year of a month named without one ("in November")."""
    return pick_year(anchor.replace(day=1), direction, lambda y: dt.date(y, mon, 1), dt.timedelta(0))


def year_of_day(anchor: dt.date, mon: int, dom: int, direction: str | None) -> int:
    """The year of a day named without one ("Sept. 19")."""
    return pick_year(anchor, direction, lambda y: _safe_date(y, mon, dom))


def weekday_date(anchor: dt.date, iso_day: int, direction: str | None, strict: bool = False) -> dt.date:
    """The date of a weekday: on or before the anchor (past), on or after (future), this week (None)."""
    delta = iso_day - anchor.isoweekday()
    if direction == "past":
        back = (-delta) % 7 or (7 if strict else 0)
        return anchor - dt.timedelta(days=back)
    if direction == "future":
        ahead = delta % 7 or (7 if strict else 0)
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=delta)


def season_value(anchor: dt.date, code: str, direction: str | None) -> str:
    """The year of a season named without one ("last fall", "the summer")."""
    year, current = season_of(anchor)
    here = SEASON_ORDER.index(current)
    there = SEASON_ORDER.index(code)
    if direction == "past" and there > here:
        year -= 1
    elif direction == "future" and there < here:
        year += 1
    return f"{year:04d}-{code}"


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month_, day_ = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month_, day_ + 1)


def nth_weekday(year: int, mon: int, iso_day: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month (n = -1: the last)."""
    if n > 0:
        first = dt.date(year, mon, 1)
        return first + dt.timedelta(days=(iso_day - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(*add_months(year, mon, 1), 1) - dt.timedelta(days=1)
    return nxt - dt.timedelta(days=(nxt.isoweekday() - iso_day) % 7)


def holiday(rule: str, year: int) -> dt.date:
    """The date of a holiday rule of ``holidays.tsv`` in ``year``."""
    if rule.startswith("nth:"):
        mon, iso_day, n = (int(x) for x in rule[4:].split(":"))
        return nth_weekday(year, mon, iso_day, n)
    if rule.startswith("easter:"):
        return easter(year) + dt.timedelta(days=int(rule[7:]))
    if rule == "election":  # the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    mon, dom = (int(x) for x in rule.split("-"))
    return dt.date(year, mon, dom)


# --- shifting a value ---------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_YEAR = re.compile(r"(\d{4})")


# Days in a unit, at most: a shift further than the calendar reaches (years 1 to 9999) is no date.
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Q": 92, "Y": 366, "DE": 3_660, "CE": 36_600}


def shift(value: str, n: int, unit: str) -> str | None:
    """``value`` moved by ``n`` units, written at the unit's granularity (None if it cannot be, or if
    it leaves the years 1 to 9999: "2000000 years ago" is no TIMEX3 value, and timedelta overflows).

    A year shift of a quarter keeps the quarter ("a year earlier" after "the third quarter").
    """
    base = as_date(value)
    if base is None or not 1 <= base.toordinal() + n * _UNIT_DAYS.get(unit, 1) <= dt.date.max.toordinal():
        return None
    return _shift(value, base, n, unit)


def _shift(value: str, base: dt.date, n: int, unit: str) -> str | None:
    q = _QUARTER.match(value)
    if unit == "Y" and q:
        return f"{int(q[1]) + n:04d}-Q{q[2]}"
    if unit == "D":
        return day(base + dt.timedelta(days=n)) if _DAY.match(value) else None
    if unit == "W":
        return week(base + dt.timedelta(weeks=n))
    if unit == "M":
        return month(*add_months(base.year, base.month, n))
    if unit == "Q":
        y, qn = quarter_of(base)
        y, m = add_months(y, (qn - 1) * 3 + 1, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "Y":
        return f"{base.year + n:04d}"
    if unit == "DE":
        return f"{(base.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(base.year + 100 * n) // 100:02d}"
    return None
