"""Normalizers of expressions built around another date: "the week of March 6", "the day before
last Tuesday", "Easter week".

Each resolves its inner date with the ordinary normalizer of that date (so the tense and the
anchor are read the same way) and then moves to the unit the outer words ask for.
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from . import normalize as nz
from .lexicon import lexicon
from .normalize import REL_STEP, Context, Value, _key
from .relative import n_holiday
from .rules import Match

_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _inner(m: Match, ctx: Context) -> Value | None:
    """The date the expression is built on: a weekday, a holiday or a month and day."""
    if "weekday" in m.groups and "month" not in m.groups:
        return nz.n_weekday(m, ctx)
    if "holiday" in m.groups:
        return n_holiday(m, ctx)
    return nz.n_date(m, ctx)


def n_week_of(m: Match, ctx: Context) -> Value | None:
    """"the week of March 6": the ISO week holding the date; "the weekend of March 23-24" that week's
    weekend (not the weekend nearest publication)."""
    inner = _inner(m, ctx)
    if inner is None:
        return None
    end = "-WE" if "end" in m.groups else ""
    day = cal.as_date(inner.value) if _DAY.fullmatch(inner.value) else None
    if day is None:  # "the week of May 3" with no anchor
        return Value(m.rule.type, inner.value[:4] + "-WXX" + end, None, inner.anchor, "the week of a day not known")
    return Value(m.rule.type, cal.week(day) + end, None, inner.value, f"the week{end and 'end'} of {inner.value}")


_MONTH_FORM = re.compile(r"(\d{4})-(\d\d)")


def n_day_of_focus(m: Match, ctx: Context) -> Value | None:
    """"on the 21st", "by the 1st": a day of the month in focus (the last month or day the text gave);
    with none, of the publication's month, or the month before or after it where the day lies on the
    other side of publication from what the tense asks ("will sign on the 1st", published on the 26th)."""
    dom = int(m.groups["day"])
    focus = _MONTH_FORM.match(ctx.last or "")
    if focus:
        return Value(m.rule.type, f"{focus[1]}-{focus[2]}-{dom:02d}", None, ctx.last, "a day of the month in focus")
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-XX-{dom:02d}", note="no anchor")
    way, step = ctx.tense(), 0
    if way == "future" and dom < ctx.anchor.day:
        step = 1
    elif way != "future" and dom > ctx.anchor.day:
        step = -1
    year, mon = cal.add_months(ctx.anchor.year, ctx.anchor.month, step)
    return Value(m.rule.type, f"{year:04d}-{mon:02d}-{dom:02d}", None, ctx.anchor.isoformat(),
                 f"a day of the publication's month, {way or 'no'} tense")


def n_day_around(m: Match, ctx: Context) -> Value | None:
    """"the day before last Tuesday", "the day after Christmas": one day from the inner date."""
    inner = _inner(m, ctx)
    if inner is None:
        return None
    step = -1 if _key(m.groups["dir"]) == "before" else 1
    if not _DAY.fullmatch(inner.value):
        return Value(m.rule.type, "XXXX-XX-XX", None, inner.anchor, "a day next to a day not known")
    day = dt.date.fromisoformat(inner.value)
    return Value(m.rule.type, cal.day(day + dt.timedelta(days=step)), None, inner.value,
                 f"{step:+d} day from {inner.value}")


def n_day_coordinated(m: Match, ctx: Context) -> Value | None:
    """The second day of "April 24 and 25", "Oct. 3-5": a day of the month of the date just before,
    later than it (anything else is a number, not a day). A year written after it ("March 3-10, 2012")
    is its own; ``ranges`` gives it to the first day too."""
    if not ctx.last or not _DAY.fullmatch(ctx.last) or not _JOINT.fullmatch(ctx.text[ctx.last_at:m.start]):
        return None
    first, dom = ctx.last, int(m.groups["day"])
    if dom <= int(first[8:]):
        return None
    value = f"{m.groups.get('year', first[:4])}{first[4:8]}{dom:02d}"
    if cal.as_date(value) is None:
        return None
    return Value(m.rule.type, value, None, first, f"the month of {first}")


_JOINT = re.compile(r"(?:st|nd|rd|th)?\s*(?:and|or|to|through|-|–)\s*")


def n_holiday_week(m: Match, ctx: Context) -> Value | None:
    """"Easter week", "Thanksgiving week": the ISO week holding the holiday nearest the anchor (the
    week is talked of while it lasts, before and after the day itself)."""
    rule = lexicon().holidays[_key(m.groups["holiday"])]
    if ctx.anchor is None:
        return Value(m.rule.type, "XXXX-WXX", note="no anchor")
    anchor = ctx.anchor
    year = cal.pick_year(anchor, None, lambda y: cal.holiday(rule, y), dt.timedelta(0))
    return Value(m.rule.type, cal.week(cal.holiday(rule, year)), None, anchor.isoformat(),
                 f"holidays.tsv {rule}; the week of the nearest")


def n_half_of_year(m: Match, ctx: Context) -> Value | None:
    """"the second half of next year", "the first half of the year": a half of the anchor's year, or
    of the year before or after it ("the year" is the anchor's, as in "for the year")."""
    half = 1 if _key(m.groups["half"]) == "first" else 2
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-H{half}", note="no anchor")
    step = REL_STEP.get(_key(m.groups["rel"]), 0)
    return Value(m.rule.type, f"{ctx.anchor.year + step:04d}-H{half}", None, ctx.anchor.isoformat(),
                 f"year {step:+d}")


# The unit "the same …" keeps of the date in focus (None: the focus's own, "the same period").
_SAME_UNITS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "period": None, "time": None}
_FOCUS_FORM = re.compile(r"\d{4}(?:-(?:\d\d|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI)(?:-\d\d)?)?")


def n_same_year_before(m: Match, ctx: Context) -> Value | None:
    """"the same month a year ago", "the same period last year": the date in focus at the unit named
    (a period: the focus's own), one year back ("in January, compared to the same month a year ago").
    With no date before it the anchor's day stands in, and "the same period" is only its year."""
    unit = _SAME_UNITS[_key(m.groups["unit"])]
    focus = ctx.last
    if focus is None and ctx.anchor is not None:  # no date before it: the anchor's, and a period is its year
        focus, unit = cal.day(ctx.anchor), unit or "Y"
    if focus is None or not _FOCUS_FORM.fullmatch(focus):
        return Value(m.rule.type, relative_unknown(unit), note="no date in focus")
    ref = cal.shift(focus, 0, unit) if unit else focus
    if ref is None:
        return Value(m.rule.type, relative_unknown(unit), note="no date in focus")
    return Value(m.rule.type, f"{int(ref[:4]) - 1:04d}{ref[4:]}", None, focus, f"a year before {ref}")


def relative_unknown(unit: str | None) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit or "Y", "XXXX")


def n_nth_weekday(m: Match, ctx: Context) -> Value | None:
    """"the second Sunday of March", "the last Friday in June 2024": that weekday of the month, in the
    year written, else the year the tense gives (the nearest without one, as for a day and month)."""
    lx, g = lexicon(), m.groups
    mon, iso = nz._month(lx, g), int(lx.weekdays[_key(g["weekday"])])
    n = _NTH.get(_key(g["ord"])) or int(g["ord"][0])
    if mon is None:
        return None

    def make(year: int) -> dt.date | None:
        found = cal.nth_weekday(year, mon, iso, n)
        return found if found.month == mon else None  # no fifth Monday that month

    if "year" in g:
        found = make(int(g["year"]))
        return Value(m.rule.type, cal.day(found) if found else f"{g['year']}-{mon:02d}-XX", note="written year")
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-{mon:02d}-XX", note="no anchor")
    way, note = nz._direction(ctx, None)
    found = make(cal.pick_year(ctx.anchor, way, make, dt.timedelta(0)))  # as a holiday's
    return Value(m.rule.type, cal.day(found) if found else f"XXXX-{mon:02d}-XX", None, ctx.anchor.isoformat(), note)
