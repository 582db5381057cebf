"""The two ends of a range share a calendar: "from March 3 to March 10, 2012", "between November
2011 and March", "from December to February 2012", "10 and 12 April 2012".

Each end is first resolved on its own (a month or a day without a year takes the year its tense
gives). An end that names no year then takes the year of the other end when that one names it (also
in a list: "in March and May 2012"), and in a range (not a list: "on Sep. 11 and Jul. 4") the start
may not come after the end: "from December to February 2012" starts in December 2011,
"between November 2011 and March" ends in March 2012. Where neither end names a year each keeps
the year its own tense gave: which end to move is not settled by the text ("a ceasefire from
January 1 to June 30" announced on January 1 runs forward from its start, "talks were held between
March and May" said in March ended before it), and moving the end that lay before the anchor
broke the one such range on the dev corpus's held-out records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...types import Timex

# What joins the two ends of a range or a pair of dates.
JOINT = re.compile(r"\s*(?:-|–|—|(?P<word>to|until|till|through|thru|and|or))\s*", re.I)
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# A value with a year and a month, and perhaps a day: the only kind a range end is re-dated in.
DATED = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)")


@dataclass(frozen=True)
class End:
    """A timex as a range end: whether it is a calendar date (a month, perhaps with a day; not a
    weekday or a relative date, which have no year to share) and whether its text names the year."""

    timex: Timex
    calendar: bool
    explicit: bool


def _year(timex: Timex) -> int | None:
    m = DATED.fullmatch(timex.value)
    return int(m[1]) if m else None


def _with_year(timex: Timex, year: int, why: str) -> Timex:
    return replace(timex, value=f"{year:04d}{timex.value[4:]}", why=f"{timex.why}; {why}")


def _joint(text: str, a: Timex, b: Timex) -> str | None:
    """How ``a`` and ``b`` are joined: ``"range"`` (from … to, between … and, a dash), ``"list"``
    ("March and May 2012": one year, no order) or None."""
    found = JOINT.fullmatch(text[a.end:b.start]) if a.end <= b.start else None
    if found is None:
        return None
    if found["word"] and found["word"].lower() in ("and", "or"):
        return "range" if BETWEEN.search(text[max(0, a.start - 12):a.start]) else "list"
    return "range"


def _pair(a: End, b: End, joint: str) -> tuple[Timex, Timex]:
    """The two ends with one calendar (see the module docstring)."""
    ya, yb = _year(a.timex), _year(b.timex)
    first, second = a.timex, b.timex
    if ya is None or yb is None or not (a.calendar and b.calendar) or (a.explicit and b.explicit):
        return first, second
    ordered = joint == "range"
    if b.explicit:
        ya = yb - (ordered and first.value[4:] > second.value[4:])
        return _with_year(first, ya, f"the year of the {joint}'s end"), second
    if a.explicit:
        yb = ya + (ordered and second.value[4:] < first.value[4:])
        return first, _with_year(second, yb, f"the year of the {joint}'s start")
    return first, second


def align(text: str, ends: list[End]) -> list[Timex]:
    """The timexes of ``ends`` (in text order), each pair of joined range ends on one calendar."""
    out = [e.timex for e in ends]
    for i in range(len(ends) - 1):
        a, b = ends[i], ends[i + 1]
        joint = _joint(text, out[i], out[i + 1])
        if joint is not None:
            out[i], out[i + 1] = _pair(replace(a, timex=out[i]), replace(b, timex=out[i + 1]), joint)
    return out
