"""A reference day for an article with no publication date, read from its own text.

An analyst dates an undated clipping from itself and says so. Three readings, the first that gives
a day wins:

1. a **byline stamp** the timex tagger marked ("Published November 22, 2023 at 6:57 AM"): the day
   the page was written;
2. the **dateline** ("BRUSSELS, February 27 –", "KYIV, March 3 (Reuters) -", "WASHINGTON, USA – On
   June 27,"): its year when it gives one, else the latest year the text states; with no year
   anywhere the day stays unknown (``XXXX-MM-DD``) and anchors nothing;
3. a **weekday with its day** ("on Tuesday, February 6", "on Sunday (Jan 19)") and no year: news
   names the weekday of a day of the week it was written, so the day lies in the week up to the
   article's. The weekday fixes the year among those a year the text writes out allows (a weekday
   falls on a given day only every five, six or eleven years); the article's day is then the
   latest day the text states in that week (``WEEKDAY``). Every cue must agree, else this reading
   gives nothing;
4. the **latest date in the text**: the latest fully specified calendar day (a ``YYYY-MM-DD`` timex
   value) the text states as past or present: not one in a future clause or after a deadline cue
   ("by December 31, 2025", "will take effect on", "until"); and only if every weekday named with
   its day falls on it in its last year up to that day, else no day.

The day is only ever a reference for relative time and for placing the article's reports; the
result record says how it was found (``Dated``), and the pipeline never infers one when the
document has a publication date. See ``docs/time.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from itertools import product
from typing import TYPE_CHECKING

from ..types import LATEST_STATED, WEEKDAY_STATED, Dated, Timex
from .timex import tag
from .timex.stamps import STAMP
from .timex.tense import direction

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ADDRESS", "DATELINE", "LATEST", "STAMPED", "WEEKDAY", "address_day", "dateline", "infer", "latest_day",
           "weekday_day", "weekdays_agree"]

STAMPED = "byline stamp"
ADDRESS = "web address"
DATELINE = "dateline"
LATEST = LATEST_STATED
WEEKDAY = WEEKDAY_STATED

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATE = _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
# A place in capitals or title case (one to four words), an optional region or country after a comma.
_PLACE = r"[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}(?:,\s*[A-Z][A-Za-z'’. ]{1,24})?"
_DASH = r"\s*[-–—]+\s*"
_END = r"\s*(?:[-–—]+|[:.])\s*"
# "KYIV, March 3 (Reuters) -" and "BRUSSELS, February 27 –": the date before the dash.
_DATE_FIRST = re.compile(rf"^\W*{_PLACE},?\s+{_DATE}\s*(?:\([^)\n]{{1,30}}\))?{_END}")
# "WASHINGTON, USA – On June 27, ...": the date right after the dash.
_DATE_AFTER = re.compile(rf"^\W*{_PLACE}(?:\s*\([^)\n]{{1,30}}\))?{_DASH}(?:On\s+)?{_DATE}\b")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_STATED_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A day in a web address, as news sites write them: /20230111/, /2023/01/11/, /2023-01-11-.
_URL_DAY = re.compile(r"https?://\S*?[/_-]((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?=[/_.-])")
_YEAR = re.compile(r"^(\d{4})")
# Words just before a date that make it a day to come or a limit, not a day that has been.
_AHEAD = re.compile(r"\b(?:by|until|till|before|deadline|through|no later than|starting|from|expires?|"
                    r"scheduled for|due|effective)\s+(?:on\s+)?(?:the\s+)?$", re.I)
# How far a dateline may start into the text (a headline line may come before it).
DATELINE_REACH = 300
# A weekday named with a day ("Tuesday, February 6", "Sunday (Jan 19)"): the weekday in the day's own
# text, or right before it.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAME = r"\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAY = re.compile(_WEEKDAY_NAME + r"\b\.?", re.I)
_WEEKDAY_BEFORE = re.compile(_WEEKDAY_NAME + r"\.?\s*[,(]?\s*$", re.I)
# The days of a week: a weekday named with its day is this many days before the article's, at most.
WEEK_DAYS = 6
# The years a weekday may fix: from the latest year the text writes out to this many after it. A
# weekday falls on one day of the year again after five years at the least, so this span holds one.
YEARS_AFTER_WRITTEN = 2


def infer(doc: Doc, url: str | None = None) -> Dated | None:
    """The reference day of the text of ``doc`` (and of its web address ``url``), with how it was
    found, or None."""
    timexes = tag(doc, None)
    text = doc.text
    stamp = next((t for t in timexes if (t.why or "").endswith(STAMP) and _FULL_DAY.match(t.value)), None)
    if stamp is not None:
        return Dated(stamp.value, STAMPED, (stamp.start, stamp.end), stamp.text)
    address = address_day(text)
    if address is not None:
        return address
    address = address_day(url) if url else None
    if address is not None:  # the document's own address: its text is the evidence, no span of the text
        return replace(address, span=None, text=url or "")
    line = dateline(text, _years(timexes))
    if line is not None:
        return line
    week = weekday_day(doc, timexes)
    if week is not None:
        return Dated(week.value, WEEKDAY, (week.start, week.end), week.text)
    latest = latest_day(doc, timexes)
    if latest is not None and weekdays_agree(doc, timexes, dt.date.fromisoformat(latest.value)):
        return Dated(latest.value, LATEST, (latest.start, latest.end), latest.text)
    return None


def dateline(text: str, years: list[int]) -> Dated | None:
    """The dateline near the start of ``text``, its year from itself else the latest of ``years``
    (``XXXX`` when there is none)."""
    head = text[:DATELINE_REACH]
    for line_start in _line_starts(head):
        m = _DATE_FIRST.match(head, line_start) or _DATE_AFTER.match(head, line_start)
        if m is None:
            continue
        month = _MONTHS.index(next(n for n in _MONTHS if n.startswith(m.group("month").lower()[:3]))) + 1
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else (max(years) if years else None)
        value = _day_value(year, month, day)
        if value is None:
            continue
        start, end = m.start("month"), m.end("year") if m.group("year") else m.end("day")
        return Dated(value, DATELINE, (start, end), text[start:end])
    return None


def address_day(text: str) -> Dated | None:
    """The day a web address in ``text`` (or ``text`` itself, an address) names, or None."""
    m = _URL_DAY.search(text if "://" in text else f"https://{text}/")
    if m is None or "://" not in text:
        return None
    value = _day_value(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return Dated(value, ADDRESS, (m.start(1), m.end(3)), m.group(0)) if value else None


def latest_day(doc: Doc, timexes: list[Timex]) -> Timex | None:
    """The latest day the text states as past or present, or None: a date whose year is written
    out, or a day and month ("Thursday, November 2") in the latest year the text writes out (when
    only a day to come writes one out, in its year and before it). A day computed from another
    ("12 days later") is not stated."""
    text = doc.text
    dates = [t for t in timexes if t.type == "DATE"]
    days = [t for t in dates if not _ahead(doc, text, t)]
    full = [t for t in days if _FULL_DAY.match(t.value) and _STATED_YEAR.search(t.text)]
    ahead = sorted(t.value for t in dates if t not in days and _FULL_DAY.match(t.value)
                   and _STATED_YEAR.search(t.text))
    years = [int(t.value[:4]) for t in full]
    # no past day with its year, but a day to come with one ("will surrender on Saturday,
    # December 3, 2022"): the text's year is that one, and a past day lies before that day
    limit = ahead[0] if not years and ahead else None
    if limit is not None:
        years = [int(limit[:4])]
    if years:
        year = max(years)
        for t in days:
            m = _YEARLESS_DAY.match(t.value)
            value = _day_value(year, int(m.group(1)), int(m.group(2))) if m else None
            if value is not None and (limit is None or value < limit):
                full.append(replace(t, value=value))
    return max(full, key=lambda t: (t.value, -t.start)) if full else None


def weekday_day(doc: Doc, timexes: list[Timex]) -> Timex | None:
    """The latest day the text states in the week that its weekdays named with a day give, or None.

    Each day and month named with a weekday and no year ("on Tuesday, February 6"), told as past or
    present, takes the one year in which it falls on that weekday among the latest year the text
    writes out and the ``YEARS_AFTER_WRITTEN`` after it. The article's day lies in the ``WEEK_DAYS``
    after each such day, and on or after every day the text states with its year. With no year
    written, two years possible, or cues that do not agree, there is no day. In that week the
    latest day stated wins (a day with its year, or a day and month in the week's year)."""
    text = doc.text
    dates = [t for t in timexes if t.type == "DATE"]
    days = [t for t in dates if not _ahead(doc, text, t)]
    written = [int(t.value[:4]) for t in days if _YEAR.match(t.value) and _STATED_YEAR.search(t.text)]
    full = [t for t in days if _FULL_DAY.match(t.value) and _STATED_YEAR.search(t.text)]
    named = [(t, m, w) for t in days if (m := _YEARLESS_DAY.match(t.value)) is not None
             and (w := _weekday_of(text, t)) is not None]
    if not named or not written:
        return None
    placed = []
    for t, m, weekday in named:
        month, day = int(m.group(1)), int(m.group(2))
        years = [y for y in range(max(written), max(written) + YEARS_AFTER_WRITTEN + 1)
                 if _day_value(y, month, day) and dt.date(y, month, day).weekday() == weekday]
        if len(years) != 1:
            return None
        placed.append(replace(t, value=dt.date(years[0], month, day).isoformat()))
    first = max(dt.date.fromisoformat(t.value) for t in placed)
    last = min(dt.date.fromisoformat(t.value) for t in placed) + dt.timedelta(days=WEEK_DAYS)
    if first > last or any(dt.date.fromisoformat(t.value) > last for t in full):
        return None
    week = placed + [t for t in full if first <= dt.date.fromisoformat(t.value)]
    yearless = [(t, m) for t in days if (m := _YEARLESS_DAY.match(t.value)) is not None]
    for (t, m), year in product(yearless, sorted({first.year, last.year})):  # in the week, no year
        value = _day_value(year, int(m.group(1)), int(m.group(2)))
        if value is not None and first <= dt.date.fromisoformat(value) <= last:
            week.append(replace(t, value=value))
    return max(week, key=lambda t: (t.value, -t.start))


def weekdays_agree(doc: Doc, timexes: list[Timex], day: dt.date) -> bool:
    """Whether every day and month the text names with a weekday and no year, told as past or
    present, falls on that weekday in its last year up to ``day`` (the article's day it would be)."""
    text = doc.text
    for t in timexes:
        m = _YEARLESS_DAY.match(t.value) if t.type == "DATE" else None
        weekday = _weekday_of(text, t) if m else None
        if m is None or weekday is None or _ahead(doc, text, t):
            continue
        month, number = int(m.group(1)), int(m.group(2))
        year = day.year if (month, number) <= (day.month, day.day) else day.year - 1
        if _day_value(year, month, number) is None or dt.date(year, month, number).weekday() != weekday:
            return False
    return True


def _weekday_of(text: str, t: Timex) -> int | None:
    """The weekday (0 for Monday) named in or right before the day ``t``, or None."""
    m = _WEEKDAY.search(t.text) or _WEEKDAY_BEFORE.search(text[max(0, t.start - 16):t.start])
    return next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(m.group(1).lower()[:3])) if m else None


def _ahead(doc: Doc, text: str, t: Timex) -> bool:
    """Whether ``t`` is a day to come or a limit: a deadline cue before it, or a future clause."""
    if t.mod in ("BEFORE", "AFTER", "END") or _AHEAD.search(text[max(0, t.start - 40):t.start]):
        return True
    return direction(doc, text, t.start, t.end) == "future"


def _years(timexes: list[Timex]) -> list[int]:
    """The years the text states in past or present dates (not stamps' or bare numbers' guesses)."""
    out = []
    for t in timexes:
        m = _YEAR.match(t.value)
        if m and t.type == "DATE" and 1900 < int(m.group(1)) < 2100:
            out.append(int(m.group(1)))
    return out


def _line_starts(head: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(head) if c == "\n" and i + 1 < len(head)]


def _day_value(year: int | None, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` (``XXXX-MM-DD`` with no year), or None when it is no calendar day."""
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: February 29 stays possible
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
