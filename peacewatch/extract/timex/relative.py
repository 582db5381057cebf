"""Normalizers for clock times, relative units, quarters, offsets, durations, sets and references.

Anaphoric expressions ("two days later", "the following week", "a year earlier") resolve against
the last concrete date the text gave (``Context.last``) and fall back to the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import lexicon
from .normalize import REL_STEP, Context, Value, _key, _mod, _month, _ord
from .rules import Match

UNKNOWN = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX", "Q": "XXXX-QX",
           "DE": "XXX", "CE": "XX"}
DURATION_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "H": "TH", "MIN": "TM", "S": "TS"}


def _unit(raw: str) -> str:
    return lexicon().units[_key(raw)]


def n_time(m: Match, ctx: Context) -> Value | None:
    """Clock times: "10:35 a.m.", "5 p.m. EST Nov. 9", "noon Thursday", "midnight"."""
    g = m.groups
    named = _key(g.get("named", ""))
    if named:
        hour, minute = (24, 0) if named == "midnight" else (12, 0)
    else:
        hour, minute = int(g["hour"]), int(g.get("minute", "0"))
        ampm = _key(g.get("ampm", "")).replace(".", "")
        if "part" in g:  # "4 in the morning", "5 in the afternoon"
            ampm = "am" if _key(g["part"]) == "morning" else "pm"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    date, note = _time_date(m, ctx)
    zone = "Z" if _key(g.get("tz", "")) in ("utc", "gmt") else ""
    return Value("TIME", f"{date}T{hour:02d}:{minute:02d}{zone}", None,
                 ctx.anchor.isoformat() if ctx.anchor else None, note)


def _time_date(m: Match, ctx: Context) -> tuple[str, str]:
    lx, g = lexicon(), m.groups
    if ctx.anchor is None:
        return "XXXX-XX-XX", "no anchor"
    mon = _month(lx, g)
    if mon is not None and "day" in g:
        year = int(g["year"]) if "year" in g else cal.year_of_day(ctx.anchor, mon, int(g["day"]), ctx.tense())
        return f"{year:04d}-{mon:02d}-{int(g['day']):02d}", "month and day"
    word = _key(g.get("weekday") or g.get("dayref") or g.get("pre") or "")
    if word in lx.weekdays:
        return cal.day(cal.weekday_date(ctx.anchor, int(lx.weekdays[word]), ctx.tense() or "past")), word
    if word in lx.dayrefs:
        return cal.day(ctx.anchor + dt.timedelta(days=lx.dayrefs[word][0])), word
    rest = ctx.after(m.end, 40).lower()
    after = DAY_AFTER.match(rest)
    lead = WEEKDAY_LEAD.match(rest)
    if lead is not None:  # "10:32 am ET, Wed March 13, 2013": the date after the weekday names the day
        dated = DAY_AFTER.match(rest[lead.end():])
        if dated is not None and dated["day"] in lx.months and dated["dom"]:
            after = dated
    if after is None or (_weekday(after["day"]) is None and after["day"] not in lx.months):
        first = DAY_FIRST.match(rest)
        after = first if first is not None and first["day"] in lx.months else (
            BRACKET_DAY.match(ctx.after(m.end, 40).lower()) or after)
    iso = _weekday(after["day"]) if after is not None else None
    ref = after["day"].rstrip(".") if after is not None and not after["dom"] else ""
    if ref in lx.dayrefs:  # "7:00 tomorrow morning"
        return cal.day(ctx.anchor + dt.timedelta(days=lx.dayrefs[ref][0])), ref
    if iso is not None:
        way = ctx.tense() or "past"
        return cal.day(cal.weekday_date(ctx.anchor, iso, way)), "the weekday after it"
    if after is not None and after["day"] in lx.months and after["dom"]:
        mon, dom = int(lx.months[after["day"]]), int(after["dom"])
        year = int(after["year"]) if after["year"] else cal.year_of_day(ctx.anchor, mon, dom, ctx.tense())
        if cal.as_date(f"{year:04d}-{mon:02d}-{dom:02d}") is not None:
            return f"{year:04d}-{mon:02d}-{dom:02d}", "the date after it"
    if ctx.last and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.last) and 0 <= ctx.last_at <= m.start \
            and not SENTENCE_END.search(ctx.text[ctx.last_at:m.start]):
        return ctx.last, "the day in focus in the same sentence"
    return cal.day(ctx.anchor), "the anchor's day"


def _weekday(word: str) -> int | None:
    """The ISO number of a weekday word, also with a full stop after it ("Friday.")."""
    days = lexicon().weekdays
    found = days.get(word) or days.get(word.rstrip("."))
    return int(found) if found else None


# A weekday or a date just after a clock time, past a bracketed aside: "10:35 a.m. (0735 GMT) Friday",
# "16:15 UTC, June 1st".
DAY_AFTER = re.compile(r"\s*(?:\([^)]{0,24}\)\s*)?,?\s*(?:on\s+)?(?P<day>[a-z]+\.?)"
                       r"(?:\s*(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
                       r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?)?")
# ... or a weekday, in full or cut short with or without a full stop, before such a date: "10:32 am ET, Wed
# March 13, 2013" (a web page's update line), "at 9 a.m. on Thursday, March 21".
WEEKDAY_LEAD = re.compile(r"\s*(?:\([^)]{0,24}\)\s*)?,?\s*(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
                          r"(?:day|sday|nesday|rsday|urday)?\.?,?(?=\s)")
# ... or a date written day first: "2 p.m. on 25 March", "at 14:00 on the 3rd of May 2021".
DAY_FIRST = re.compile(r"\s*,?\s*(?:on\s+)?(?:the\s+)?(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       r"(?P<day>[a-z]+)\.?(?:\s*,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?")
# ... or inside a bracket restating the time: "4 in the morning (4 a.m. EDT Thursday)".
BRACKET_DAY = re.compile(r"\s*\([^)]{0,24}?\b(?P<day>[a-z]+)(?P<dom>)(?P<year>)\)")
SENTENCE_END = re.compile(r"[.!?][\"')]*\s+[A-Z]|\n")


def n_relunit(m: Match, ctx: Context) -> Value | None:
    """last year, this month, next week, the past decade, earlier this year …"""
    g = m.groups
    unit, rel = _unit(g["unit"]), _key(g.get("rel", "this"))
    mod = _mod(lexicon(), g)
    if ctx.anchor is None:
        return Value(m.rule.type, UNKNOWN[unit], mod, note="no anchor")
    value = cal.shift(cal.day(ctx.anchor), REL_STEP.get(rel, 0), unit)
    if value is None:
        return None
    return Value(m.rule.type, value, mod, ctx.anchor.isoformat(), f"{rel} {unit}")


def n_month_relyear(m: Match, ctx: Context) -> Value | None:
    """A month of a year named relatively: "February this year", "April next year"."""
    lx, g = lexicon(), m.groups
    mon = _month(lx, g)
    if mon is None:
        return None
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-{mon:02d}", _mod(lx, g), note="no anchor")
    year = ctx.anchor.year + REL_STEP.get(_key(g["rel"]), 0)
    return Value(m.rule.type, cal.month(year, mon), _mod(lx, g), ctx.anchor.isoformat(), f"{g['rel']} year")


def n_holiday(m: Match, ctx: Context) -> Value | None:
    """Named days: "Thanksgiving Day", "last Christmas", "Easter 1999"."""
    g = m.groups
    rule = lexicon().holidays[_key(g["holiday"])]
    if "year" in g:
        return Value(m.rule.type, cal.day(cal.holiday(rule, int(g["year"]))), note=f"holidays.tsv {rule}")
    if ctx.anchor is None:
        return Value(m.rule.type, "XXXX-XX-XX", note="no anchor")
    step = REL_STEP.get(_key(g.get("rel", "")))
    if step is None:
        way, note = ctx.tense(), "tense"
    else:
        way, note = {-1: "past", 0: None, 1: "future"}[step], g["rel"]
    year = cal.pick_year(ctx.anchor, way, lambda y: cal.holiday(rule, y), dt.timedelta(0))
    return Value(m.rule.type, cal.day(cal.holiday(rule, year)), None, ctx.anchor.isoformat(),
                 f"holidays.tsv {rule}; {note}")


# "the day" is a date in market reports ("ended the day at", "for the day", "later in the day");
# elsewhere ("the day belonged to") it is mostly not.
DAY_CUE = re.compile(r"\b(?:end(?:s|ed|ing)?|finish(?:es|ed|ing)?|start of|close of|for|later in)\s+$", re.I)


# "the year" stands for a year after these words ("for the year", "the first half of the year").
YEAR_CUE = re.compile(r"\b(?:for|of|in|during|throughout|through|so\s+far|since)\s+$", re.I)


def n_period(m: Match, ctx: Context) -> Value | None:
    """"the year ended Sept. 30", "the fiscal year ending June 30": a period of one unit."""
    return Value(m.rule.type, duration_value("1", _unit(m.groups["unit"])), note="a period ending on a date")


def n_that(m: Match, ctx: Context) -> Value | None:
    """"that day", "later that year", "the same week", "the day": the date in focus at the unit's
    granularity. "The day" of a market report is the last day the text gave, also when a month or a year
    named since is the focus ("said on Tuesday that its sales rose in February … before falling later in
    the day": Tuesday); with no day before it, the publication day."""
    if "part" in m.groups:
        return _that_part(m, ctx)
    unit = _unit(m.groups["unit"])
    mod = _mod(lexicon(), m.groups)
    if m.rule.id == "the_day" and "mod" not in m.groups and not DAY_CUE.search(ctx.before(m.start)):
        return None
    if m.rule.id == "the_year":
        if "mod" not in m.groups and not YEAR_CUE.search(ctx.before(m.start)):
            return None
        if ctx.anchor is None:
            return Value(m.rule.type, "XXXX", mod, note="no anchor")
        return Value(m.rule.type, f"{ctx.anchor.year:04d}", mod, ctx.anchor.isoformat(), "the anchor's year")
    refs = [ctx.last]
    if m.rule.id == "the_day":
        refs += [ctx.last_day, cal.day(ctx.anchor) if ctx.anchor is not None else None]
    for ref in refs:
        value = cal.shift(ref, 0, unit) if ref else None
        if ref and value:
            return Value(m.rule.type, value, mod, ref, f"the date in focus {ref}")
        if ref and unit == "D" and m.rule.id == "that_unit" and COARSE.fullmatch(ref):
            # "last October … that same day": a day of the month in focus
            return Value(m.rule.type, ref + "-XX" * (3 - ref.count("-") - 1), mod, ref, f"a day of {ref}")
    return Value(m.rule.type, UNKNOWN[unit], mod, note="no date in focus")


COARSE = re.compile(r"\d{4}(?:-\d\d)?")


def _that_part(m: Match, ctx: Context) -> Value:
    """"that night", "the same morning": a part of the day in focus (of no known day without one)."""
    code = lexicon().parts[_key(m.groups["part"])]
    if ctx.last and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.last):
        return Value(m.rule.type, f"{ctx.last}T{code}", None, ctx.last, f"the day in focus {ctx.last}")
    return Value(m.rule.type, f"XXXX-XX-XXT{code}", note="no day in focus")


def _last_quarter(ctx: Context, *, reported: bool = False) -> str | None:
    """The quarter in focus: the last one the text named, else the one before the anchor's.

    ``reported``: the quarter a year-ago comparison looks back from. In a clause in the past tense it
    is a quarter whose results are out, so a quarter named ahead of the anchor's own (a forecast's
    "through the third quarter of 1990" in October 1989) is not it: "In the year-ago period, Bethlehem
    earned $101.4 million" looks back from the latest quarter."""
    if ctx.last and re.fullmatch(r"\d{4}-Q[1-4]", ctx.last):
        ahead = ctx.anchor is not None and ctx.last > "{:04d}-Q{}".format(*cal.quarter_of(ctx.anchor))
        if not (reported and ahead and ctx.tense() == "past"):
            return ctx.last
    return _latest_quarter(ctx)


def _latest_quarter(ctx: Context) -> str | None:
    """The last complete quarter before the anchor ("the latest quarter")."""
    if ctx.anchor is None:
        return None
    year, q = cal.quarter_of(ctx.anchor)
    return cal.shift(f"{year:04d}-Q{q}", -1, "Q")


def n_quarter(m: Match, ctx: Context) -> Value | None:
    """the third quarter, fourth-quarter, the latest quarter, the year-ago quarter …"""
    lx, g = lexicon(), m.groups
    rel = _key(g.get("rel", ""))
    back = 1 if rel in ("year-ago", "year-earlier") else 0
    if "ord" not in g:
        ref = _latest_quarter(ctx) if rel == "latest" else _last_quarter(ctx, reported=back == 1)
        if rel == "current" and ctx.anchor is not None:  # "the current quarter" is the anchor's own
            ref = "{:04d}-Q{}".format(*cal.quarter_of(ctx.anchor))
        if "year" in g and ref is not None:
            ref = f"{int(g['year']):04d}{ref[4:]}"
        if ref is None:
            return Value(m.rule.type, "XXXX-QX", note="no anchor")
        return Value(m.rule.type, cal.shift(ref, -back, "Y") or ref, None, ref, f"quarter in focus {ref}")
    n = _ord(lx, g["ord"])
    if not 1 <= n <= 4:
        return None
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-Q{n}", note="no anchor")
    year, current = cal.quarter_of(ctx.anchor)
    step = REL_STEP.get(_key(g.get("rel2", "")), 0) - back
    if rel in ("last", "next", "this", "previous"):
        step += REL_STEP[rel]
    if step == 0 and n > current and ctx.tense() == "past":
        step = -1
    return Value(m.rule.type, f"{year + step:04d}-Q{n}", None, ctx.anchor.isoformat(), f"year {step:+d}")


def n_yearago(m: Match, ctx: Context) -> Value | None:
    ref = _last_quarter(ctx, reported=True)
    if ref is None:
        return Value(m.rule.type, "XXXX", note="no anchor")
    return Value(m.rule.type, cal.shift(ref, -1, "Y") or ref, None, ref, "a year before the quarter in focus")


def n_offset(m: Match, ctx: Context) -> Value | None:
    """two days ago, a year earlier, three weeks later, five years from now."""
    g = m.groups
    unit, way = _unit(g["unit"]), _key(g["dir"])
    sign = -1 if way in ("ago", "earlier", "before") else 1
    n = lexicon().number(g["num"])
    if n == "X":
        return Value(m.rule.type, "PAST_REF" if sign < 0 else "FUTURE_REF", note="vague amount")
    n, unit = scaled(n, unit) if unit == "FN" else (n, unit)  # "a fortnight ago": two weeks back
    amount = sign * int(float(n))
    deictic = way in ("ago", "from now", "hence")
    ref = _offset_ref(ctx, unit, deictic)
    if sign > 0 and not deictic and ctx.last is None:
        ref = None  # "three days later" with no date before it counts from an event, not from publication
    if ref is None:
        return Value(m.rule.type, UNKNOWN.get(unit, "XXXX-XX-XX"), note="no anchor" if ctx.anchor is None
                     else "later than no date in focus")
    unit_used = unit if unit in UNKNOWN else "D"
    value = cal.shift(ref, amount if unit_used == unit else 0, unit_used)
    if value is None and ctx.anchor is not None:
        ref = cal.day(ctx.anchor)
        value = cal.shift(ref, amount, unit_used)
    return Value(m.rule.type, value, None, ref, f"{amount:+d} {unit} from {ref}") if value else None


def _offset_ref(ctx: Context, unit: str, deictic: bool) -> str | None:
    quarter = ctx.last if ctx.last and re.fullmatch(r"\d{4}-Q[1-4]", ctx.last) else None
    if unit == "Y" and quarter:
        return quarter
    if not deictic and ctx.last and cal.as_date(ctx.last) is not None:
        return ctx.last
    return cal.day(ctx.anchor) if ctx.anchor else None


def n_follow(m: Match, ctx: Context) -> Value | None:
    """the following day, the previous week, the next month (against the date in focus)."""
    g = m.groups
    way = _key(g["dir"])
    unit = "D" if _key(g["unit"]) in lexicon().parts else _unit(g["unit"])
    step = {"following": 1, "next": 1}.get(way, -1)
    for ref in (ctx.last, cal.day(ctx.anchor) if ctx.anchor else None):
        value = cal.shift(ref, step, unit) if ref else None
        if value is not None:
            return Value(m.rule.type, value, None, ref, f"{way} {unit} after {ref}")
    return Value(m.rule.type, UNKNOWN[unit], note="no date in focus")


def n_duration(m: Match, ctx: Context) -> Value | None:
    """44 days, two-year, the past three months, several weeks, decades-long."""
    g = m.groups
    unit = _unit(g.get("unit") or g["unit_"])
    if m.rule.id == "dur_one_long":  # "day-long", "a single-day drop": one unit
        return Value(m.rule.type, duration_value("1", unit), None, None, f"1 × {unit}")
    raw = _key(g.get("num", "x"))
    if (raw in ("a", "an") and unit == "S") or (unit == "Q" and FRACTION.match(ctx.after(m.end))):
        return None  # "a second opinion", "three-quarters of its food", "about a quarter, of"
    n = lexicon().number(raw) if "num" in g else "X"
    if n != "X" and ("half" in g or "half0" in g):
        n = str(float(n) + 0.5)
    n, unit = scaled(n, unit)  # a quarter of a year is P3M here, though a set "every quarter" is P1Q
    return Value(m.rule.type, duration_value(n, unit), None, None, f"{n} × {unit}")


FRACTION = re.compile(r"\s*(?:,\s*)?of\b|\s*,", re.I)
# Units written as multiples of another: a decade is P10Y, a quarter P3M, a fortnight P2W.
SCALED = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "FN": (2, "W")}
# A fraction of a unit, spelled in the next smaller one: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M.
# A fraction is written in the next smaller unit ("2 1/2 years" is P2Y6M); ISO 8601 writes weeks
# alone, so "a week and a half" keeps its fraction: P1.5W.
SMALLER = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def scaled(n: str, unit: str) -> tuple[str, str]:
    """``n`` units written in the unit ISO 8601 has for them: three fortnights are six weeks."""
    if unit not in SCALED:
        return n, unit
    factor, base = SCALED[unit]
    return (n if n == "X" else f"{float(n) * factor:g}"), base


def duration_value(n: str, unit: str) -> str:
    """The TIMEX3 duration of ``n`` (digits or ``X``) units; a unit ISO 8601 has no letter for (a
    decade, a century, a fortnight) is written in another: a fortnight is P2W."""
    n, unit = (n, unit) if unit in DURATION_UNIT else scaled(n, unit)
    if n == "X":
        parts = [("X", unit)]
    else:
        whole, frac = divmod(float(n), 1)
        parts = [(str(int(whole)), unit)] if whole or not frac else []
        if frac and unit in SMALLER:
            per, small = SMALLER[unit]
            parts.append((f"{frac * per:g}", small))
        elif frac:
            parts = [(f"{float(n):g}", unit)]
    date = "".join(f"{k}{DURATION_UNIT[u]}" for k, u in parts if not DURATION_UNIT[u].startswith("T"))
    time = "".join(f"{k}{DURATION_UNIT[u][1]}" for k, u in parts if DURATION_UNIT[u].startswith("T"))
    return "P" + date + ("T" + time if time else "")


def n_set(m: Match, ctx: Context) -> Value | None:
    """every day, each Thursday, every other Tuesday, every morning, weekly, 15 a year, every four years,
    every other week, twice a year."""
    lx, g = lexicon(), m.groups
    if "adverb" in g:
        key = _key(g["adverb"])
        return Value(m.rule.type, lx.sets[key], note=f"sets.tsv {key!r}")
    if "weekday" in g:
        return Value(m.rule.type, f"XXXX-WXX-{lx.weekdays[_key(g['weekday'])]}")
    if "part" in g:  # "every morning": that part of any day
        return Value(m.rule.type, f"XXXX-XX-XXT{lx.parts[_key(g['part'])]}")
    mon = _month(lx, g)
    if mon is not None:
        return Value(m.rule.type, f"XXXX-{mon:02d}")
    unit = _unit(g["unit"])
    if unit not in DURATION_UNIT and unit not in SCALED:
        return None
    num = _key(g.get("num", ""))
    n = "2" if num == "other" else lexicon().number(num) if num else "1"
    return Value(m.rule.type, duration_value(n, unit), note=f"every {n} × {unit}")


def n_ref(m: Match, ctx: Context) -> Value | None:
    key = _key(m.groups["ref"])
    if key == "current":
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.after(m.end))
        if nxt and (nxt[1][0].isupper() or nxt[1].lower() in lexicon().titles):
            return None  # "current chief operating officer", "current Apple CEO": a title, not a time
    if key == "recent" and LATEST.search(ctx.before(m.start)):
        return None  # "its most recent model", "more recent reports": the latest of a series, not a time
    if key == "now" and ctx.after(m.end, 1) == "," and OPENS_SENTENCE.search(ctx.before(m.start)):
        return None  # "Now, the talks …": a discourse marker opening the sentence, not a time
    return Value(m.rule.type, lexicon().refs[key], note=f"refs.tsv {key!r}")


OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'`“‘(]*$")
LATEST = re.compile(r"\b(?:most|more)\s+$", re.IGNORECASE)

DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
                "seventies": "7", "eighties": "8", "nineties": "9"}


def n_decade(m: Match, ctx: Context) -> Value | None:
    """"the 1990s", "the '80s", "the nineties": a decade of the 1900s unless written in full."""
    g = m.groups
    if "decade" in g:
        return Value(m.rule.type, g["decade"], _mod(lexicon(), g))
    tens = g.get("tens") or DECADE_WORDS[_key(g["word"])]
    return Value(m.rule.type, f"19{tens}", _mod(lexicon(), g), note="a two-digit decade of the 1900s")


def n_century(m: Match, ctx: Context) -> Value | None:
    n = _ord(lexicon(), m.groups["ord"])
    return Value(m.rule.type, f"{n - 1:02d}", _mod(lexicon(), m.groups)) if 1 <= n <= 21 else None
