"""Tag a spaCy Doc with TIMEX3 expressions: run the rule table, normalize each match.

``tag(doc, anchor)`` is the whole job: the grammar's regexes find the spans (``rules.find``), the
normalizer of each rule's kind turns them into values, reading the tense of the clause only when a
value depends on it. Byline and update stamps ("Updated: 11/25/2022") are tagged but marked
(``stamps``): the clock after one still takes its day ("… 2023 | 12:00 AM").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from ...types import Timex
from . import calendar as cal
from . import compound as cp
from . import normalize as nz
from . import ranges, stamps
from . import relative as rel
from .names import epithet_before, name_word, named_after, publication
from .rules import Match, find
from .tense import direction

if TYPE_CHECKING:
    from spacy.tokens import Doc

Normalizer = Callable[[Match, nz.Context], "nz.Value | None"]

KINDS: dict[str, Normalizer] = {
    "date": nz.n_date, "month": nz.n_month, "monthrel": rel.n_month_relyear, "season": nz.n_season,
    "weekday": nz.n_weekday, "weekend": nz.n_weekend, "dayref": nz.n_dayref,
    "time": rel.n_time, "relunit": rel.n_relunit, "quarter": rel.n_quarter, "yearago": rel.n_yearago,
    "offset": rel.n_offset, "follow": rel.n_follow, "duration": rel.n_duration, "set": rel.n_set,
    "ref": rel.n_ref, "holiday": rel.n_holiday, "that": rel.n_that, "decade": rel.n_decade,
    "century": rel.n_century, "period": rel.n_period,
    "weekof": cp.n_week_of, "dayaround": cp.n_day_around, "holweek": cp.n_holiday_week,
    "daycoord": cp.n_day_coordinated, "halfrel": cp.n_half_of_year, "sameago": cp.n_same_year_before,
    "dayfocus": cp.n_day_of_focus, "nthweekday": cp.n_nth_weekday,
}
# Kinds whose value moves the "date in focus" that anaphoric expressions resolve against.
FOCUS_KINDS = frozenset({"date", "month", "monthrel", "season", "weekday", "dayref", "time", "quarter",
                         "follow", "holiday", "dayaround", "dayfocus", "nthweekday"})
_CONCRETE = re.compile(r"\d{4}(?:-(?:\d\d|Q[1-4]|W\d\d)(?:-\d\d)?)?(?:T.*)?")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _token_at(doc: Doc, pos: int):  # type: ignore[no-untyped-def]
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_modal(doc: Doc, pos: int) -> bool:
    tok = _token_at(doc, pos)
    return tok is not None and tok.tag_ in ("MD", "VB")


def _is_count(doc: Doc, m: Match) -> bool:
    """A bare year-like number that counts things ("2000 troops") is no year."""
    if m.rule.id != "year":
        return False
    tok = _token_at(doc, m.start)
    if tok is None or tok.dep_ != "nummod" or tok.head.tag_ != "NNS" or tok.head.i != tok.i + 1:
        return False  # "1990 BellSouth earnings", "1989 operating results" name years
    # "the 1992 protests", "its 1967 debut" are years too
    return tok.i == 0 or doc[tok.i - 1].tag_ not in ("DT", "PRP$", "POS")


def _moves_focus(m: Match) -> bool:
    """Whether a match sets the date in focus ("the year-ago quarter" looks back, it does not move)."""
    return m.rule.kind in FOCUS_KINDS and "year-" not in m.groups.get("rel", "").lower()


def tag(doc: Doc, anchor: dt.date | None) -> list[Timex]:
    """The timexes of ``doc``, their values resolved against ``anchor`` (the publication date)."""
    text = doc.text
    ctx = nz.Context(anchor=anchor, tense=lambda: None, modal_at=partial(_is_modal, doc), text=text)
    out: list[Timex] = []
    ends: list[ranges.End] = []
    for m in find(text):
        if _is_count(doc, m) or (m.rule.kind != "holiday" and name_word(text, m.start, m.end)):
            continue
        if m.rule.kind in ("date", "daycoord", "holiday") and named_after(text, m.end):
            continue  # "the March 23 Movement" names a group, "the Good Friday Agreement" a treaty
        if m.rule.kind in ("weekday", "month") and epithet_before(doc, m.start):
            continue  # "Black Monday", "Black September" name a day or a group, not the latest such day
        if "adverb" in m.groups and publication(doc, m.start):
            continue  # "the daily said": a newspaper, not how often
        ctx.tense = partial(_tense, doc, m, _dated_clock(out, m))
        value = _possible(KINDS[m.rule.kind](m, ctx))
        if value is None:
            continue
        why = f"rule {m.rule.id}" + (f"; {value.note}" if value.note else "")
        timex = Timex(m.start, m.end, m.text, value.type, value.value, value.mod, value.anchor, why)
        stamp = stamps.is_stamp(text, m.start, m.end, out[-1] if out else None)
        out.append(stamps.mark(timex, stamp) if stamp else timex)
        ends.append(ranges.End(out[-1], _calendar_date(m), "year" in m.groups))
        if _moves_focus(m) and _CONCRETE.fullmatch(value.value):
            ctx.last, ctx.last_at = value.value.split("T")[0], m.end
            if _DAY.fullmatch(ctx.last):
                ctx.last_day = ctx.last
    return _honest(_clocks_of_weekdays(_weekdays_of_weeks(text, _weekdays_of_dates(text, ranges.align(text, ends)))))


def _dated_clock(out: list[Timex], m: Match) -> Timex | None:
    """The clock before a weekday match that the weekday dates ("3:15 p.m. (1915 GMT) on Friday"), or None."""
    if m.rule.kind != "weekday":
        return None
    return next((t for t in reversed(out) if t.type == "TIME" and (t.why or "").endswith("the weekday after it")
                 and 0 <= m.start - t.end <= _CLOCK_REACH), None)


def _tense(doc: Doc, m: Match, clock: Timex | None) -> str | None:
    """The tense of a match's clause; for a weekday that dates a clock and says nothing by itself, that of
    the clock and the weekday as one expression ("Polls close at 3:15 p.m. on Friday": the timetable's
    present of "close" governs the clock, the weekday hangs from the clock's noun)."""
    way = direction(doc, doc.text, m.start, m.end)
    return direction(doc, doc.text, clock.start, m.end) if way is None and clock is not None else way


def _possible(value: nz.Value | None) -> nz.Value | None:
    """The value, with any part no calendar has left unknown ("31 February" is ``…-02-XX``), or None
    when nothing true is left of it (a 13th month, a clock at 25:70)."""
    if value is None:
        return None
    kept = cal.honest(value.value)
    if kept is None or kept == value.value:
        return value if kept is not None else None
    return replace(value, value=kept, note=f"{value.note}; no such day in the calendar".lstrip("; "))


def _honest(out: list[Timex]) -> list[Timex]:
    """The timexes once more through ``cal.honest``, after the passes that join two of them (a range's
    end lends its year to the other: "Feb. 29 to March 3, 2023" has no 29 February)."""
    kept = []
    for timex in out:
        value = cal.honest(timex.value)
        if value is not None:
            kept.append(timex if value == timex.value else replace(timex, value=value))
    return kept


_BETWEEN_LINES = re.compile(r"[ \t]*,?[ \t]*\n\s*")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _weekdays_of_dates(text: str, out: list[Timex]) -> list[Timex]:
    """A weekday alone at the end of a line with a full date opening the next ("Wednesday" above
    "26th Apr 2023" in a page's header) is that date, when the date falls on that weekday."""
    for i in range(len(out) - 1):
        day, date = out[i], out[i + 1]
        if not (day.why or "").startswith("rule weekday;") or day.type != "DATE" or len(day.text.split()) != 1:
            continue
        if not _BETWEEN_LINES.fullmatch(text[day.end:date.start]) or not _FULL_DAY.fullmatch(date.value):
            continue
        when = dt.date.fromisoformat(date.value)
        if _FULL_DAY.fullmatch(day.value) and dt.date.fromisoformat(day.value).isoweekday() == when.isoweekday():
            out[i] = replace(day, value=date.value, why=f"{day.why}; the date on the next line")
    return out


_WEEKDAY_JOINT = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or|to|through|-|–|,)[ \t]*")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d\d)")


def _weekdays_of_weeks(text: str, out: list[Timex]) -> list[Timex]:
    """A weekday written just before the week it falls in is that week's ("on Thursday next week",
    "Monday and Tuesday last week"), not the one its tense would pick."""
    for i in range(1, len(out)):
        week = _ISO_WEEK.fullmatch(out[i].value) if (out[i].why or "").startswith("rule rel_unit;") else None
        if week is None or not re.fullmatch(r"[ \t]+", text[out[i - 1].end:out[i].start]):
            continue
        j = i - 1
        while j >= 0 and (out[j].why or "").startswith("rule weekday") and _FULL_DAY.match(out[j].value):
            when = dt.date.fromisoformat(out[j].value[:10])
            day = dt.date.fromisocalendar(int(week[1]), int(week[2]), when.isoweekday())
            if day != when:
                out[j] = replace(out[j], value=day.isoformat() + out[j].value[10:],
                                 why=f"{out[j].why}; in {out[i].text} ({out[i].value})")
            if j == 0 or not _WEEKDAY_JOINT.fullmatch(text[out[j - 1].end:out[j].start]):
                break
            j -= 1
    return out


# How far after a clock the weekday that dates it may start (``relative.DAY_AFTER`` reads as far).
_CLOCK_REACH = 40


def _clocks_of_weekdays(out: list[Timex]) -> list[Timex]:
    """A clock dated by the weekday written after it ("3:15 p.m. local time (1915 GMT) on Friday") takes
    the day the weekday was resolved to, and so does a clock restating it in brackets: the clock read the
    tense of its own words and could pick another Friday than the weekday did under its own. One day for
    the expression, the weekday's, resolved once (also after "on Friday next week" moved it)."""
    for i, clock in enumerate(out):
        if clock.type != "TIME" or not (clock.why or "").endswith("the weekday after it"):
            continue
        j = next((k for k in range(i + 1, len(out)) if (out[k].why or "").startswith("rule weekday")), None)
        if j is None or out[j].start - clock.end > _CLOCK_REACH or not _FULL_DAY.match(out[j].value):
            continue
        day, old = out[j].value[:10], clock.value[:10]
        for k in range(i, j):
            if out[k].type == "TIME" and out[k].value[:10] == old != day:
                out[k] = replace(out[k], value=day + out[k].value[10:], why=f"{out[k].why}; the day of {out[j].text}")
    return out


def _calendar_date(m: Match) -> bool:
    """Whether a match names a month of the calendar (perhaps with a day): a possible range end."""
    named_month = bool({"month", "monthnum"} & set(m.groups))
    return m.rule.kind == "daycoord" or (m.rule.kind in ("date", "month") and named_month)


