"""Normalizers: one per rule ``kind``, turning a match's named groups into a TIMEX3 value.

Each takes the match and a ``Context`` (the publication date, the tense of the clause, the last
concrete date seen in the text) and returns a ``Value`` or None when the match is not a timex
after all. Without an anchor nothing is invented: the parts that need it stay ``X``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...timespan import impossible
from . import calendar as cal
from .lexicon import Lexicon, lexicon
from .rules import Match


@dataclass
class Context:
    """What a normalizer may consult besides the match."""

    anchor: dt.date | None
    tense: Callable[[], str | None]
    last: str | None = None  # the date in focus: the last concrete date the text gave
    last_at: int = -1
    last_day: str | None = None  # the last whole day the text gave, which a later month or year leaves
    modal_at: Callable[[int], bool] = lambda _pos: False
    text: str = ""

    def after(self, pos: int, width: int = 20) -> str:
        """The text following position ``pos`` (a short window)."""
        return self.text[pos:pos + width]

    def before(self, pos: int, width: int = 20) -> str:
        """The text just before position ``pos`` (a short window)."""
        return self.text[max(0, pos - width):pos]


@dataclass(frozen=True)
class Value:
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    note: str = ""


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _mod(lx: Lexicon, g: dict[str, str]) -> str | None:
    raw = g.get("mod")
    return lx.mods.get(_key(raw)) if raw else None


def _month(lx: Lexicon, g: dict[str, str]) -> int | None:
    if "monthnum" in g:
        return int(g["monthnum"])
    raw = g.get("month")
    return int(lx.months[_key(raw)]) if raw and _key(raw) in lx.months else None


def _year(raw: str) -> int:
    if not raw.isdigit():
        return lexicon().year_value(raw)
    year = int(raw)
    if len(raw) == 2:
        year += 1900 if year >= 30 else 2000
    return year


def _ord(lx: Lexicon, raw: str) -> int:
    key = _key(raw)
    return int(lx.ordinals[key]) if key in lx.ordinals else int(re.sub(r"\D", "", key) or 0)


def _direction(ctx: Context, default: str | None) -> tuple[str | None, str]:
    found = ctx.tense()
    if found is not None:
        return found, f"{found} tense"
    return default, f"no tense, {default or 'nearest'}"


def n_date(m: Match, ctx: Context) -> Value | None:
    """Calendar dates with at least a month or a year written out."""
    lx, g = lexicon(), m.groups
    mod = _mod(lx, g)
    year = _year(g["year"]) if "year" in g else None
    if "season" in g and year is not None:
        return Value(m.rule.type, f"{year:04d}-{lx.seasons[_key(g['season'])]}", mod)
    if "ord" in g and year is not None:
        n = _ord(lx, g["ord"])
        return Value(m.rule.type, f"{year:04d}-Q{n}", mod) if 1 <= n <= 4 else None
    if "half" in g and year is not None:
        return Value(m.rule.type, f"{year:04d}-H{1 if _key(g['half']) == 'first' else 2}", mod)
    mon = _month(lx, g)
    if mon is None:
        return Value(m.rule.type, f"{year:04d}", mod) if year is not None else None
    if "day" not in g:
        return Value(m.rule.type, cal.month(year, mon), mod) if year is not None else None
    dom = int(g["day"])
    if m.rule.id == "date_slash" and year is not None and dom <= 12 and day_first(ctx.text):
        return Value(m.rule.type, f"{year:04d}-{dom:02d}-{mon:02d}", mod, note="day first, as the text's other dates")
    if year is not None:
        return Value(m.rule.type, f"{year:04d}-{mon:02d}-{dom:02d}", mod)
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-{mon:02d}-{dom:02d}", mod, note="no anchor")
    step = REL_STEP.get(_key(g.get("rel", "")))
    if step is None:
        way, note = _direction(ctx, None)
    else:
        way, note = ("past" if step < 0 else "future" if step > 0 else None), _key(g["rel"])
    y = cal.year_of_day(ctx.anchor, mon, dom, way)
    if impossible(f"{y:04d}-{mon:02d}-{dom:02d}") and not impossible(f"XXXX-{mon:02d}-{dom:02d}"):
        return Value(m.rule.type, f"XXXX-{mon:02d}-{dom:02d}", mod, note="no year near the anchor has the day")
    if SINCE.search(ctx.before(m.start)) and (y, mon, dom) > (ctx.anchor.year, ctx.anchor.month, ctx.anchor.day):
        y, note = y - 1, "since: on or before the anchor"  # what has lasted "since Dec. 30" began before
    return Value(m.rule.type, f"{y:04d}-{mon:02d}-{dom:02d}", mod, ctx.anchor.isoformat(), f"year: {note}")


SINCE = re.compile(r"\bsince\s+$", re.I)
# A preposition before a month makes it a date even when "for" or "of" follows ("in March for
# health reasons", "since February for $25 billion").
MONTH_PREP = re.compile(r"\b(?:in|by|since|until|till|through|during|before|after|from|to|of|last|"
                        r"next|this|early|late|mid|until|between|and)\s+$", re.I)


# Numeric dates whose order shows: a first part over 12 is a day ("15/03/2013"), so is a second ("03/15/2013").
_DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/\d{2,4}(?!\d)")
_MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/\d{2,4}(?!\d)")


def day_first(text: str) -> bool:
    """Whether a text writes its numeric dates day first: it holds one that can only be read so and none
    that can only be read month first. An ambiguous "12/03/2013" is then 12 March; in a text that shows
    no order it stays month first (the slash rule's default), whatever the tense of its clause."""
    return bool(_DAY_FIRST.search(text)) and not _MONTH_FIRST.search(text)


def _month_word(raw: str, following: str, preceding: str = "") -> bool:
    """A bare month name: capitalised, abbreviated only with a dot (not "Jan Kavan"), and not
    a name's head ("the March for Life", "March of the Mothers")."""
    if not raw[0].isupper():
        return False
    if len(raw) <= 4 and not raw.endswith(".") and raw.lower() not in ("may", "june", "july"):
        return False
    return re.match(r"\s+(?:of|for)\s+(?!\d)", following) is None or MONTH_PREP.search(preceding) is not None


REL_STEP = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "this past": -1,
            "this": 0, "current": 0, "the current": 0,
            "next": 1, "coming": 1, "the coming": 1, "this coming": 1}


def n_month(m: Match, ctx: Context) -> Value | None:
    """A month without a year: "in November", "last April", "early September"."""
    lx, g = lexicon(), m.groups
    raw = g["month"]
    mon = _month(lx, g)
    if mon is None or not _month_word(raw, ctx.after(m.end), ctx.before(m.start)) or (
            _key(raw) == "may" and ctx.modal_at(m.end - len(raw))):
        return None
    mod = _mod(lx, g)
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-{mon:02d}", mod, note="no anchor")
    rel = _key(g.get("rel", ""))
    step = REL_STEP.get(rel)
    if step is None:
        way, note = _direction(ctx, None)
        year = cal.year_of_month(ctx.anchor, mon, way)
    elif step == 0:
        year, note = ctx.anchor.year, "this: the anchor's year"
    else:
        first = ctx.anchor.replace(day=1)
        pivot = cal.add_months(first.year, first.month, step)
        year = cal.year_of_month(dt.date(pivot[0], pivot[1], 1), mon, "past" if step < 0 else "future")
        note = f"{rel}: strictly {'before' if step < 0 else 'after'} the anchor's month"
    return Value(m.rule.type, cal.month(year, mon), mod, ctx.anchor.isoformat(), note)


def n_season(m: Match, ctx: Context) -> Value | None:
    """A season without a year: "the fall", "last winter", "this summer"."""
    lx, g = lexicon(), m.groups
    word = _key(g["season"])
    rel = _key(g.get("rel", ""))
    if not rel and "mod" not in g and word not in lx.bare_seasons:
        return None
    code = lx.seasons[word]
    mod = _mod(lx, g)
    if ctx.anchor is None:
        return Value(m.rule.type, f"XXXX-{code}", mod, note="no anchor")
    step = REL_STEP.get(rel)
    if step is None:
        way, note = _direction(ctx, None)
    else:
        way, note = {-1: "past", 0: None, 1: "future"}[step], rel
    value = cal.season_value(ctx.anchor, code, way)
    if step in (-1, 1) and value == "{:04d}-{}".format(*cal.season_of(ctx.anchor)):
        year = int(value[:4]) + step
        value = f"{year:04d}-{code}"
    return Value(m.rule.type, value, mod, ctx.anchor.isoformat(), note)


def _part_type(m: Match, part: str | None) -> tuple[str, str]:
    lx = lexicon()
    if not part:
        return "DATE", ""
    return "TIME", "T" + lx.parts[_key(part)]


def n_weekday(m: Match, ctx: Context) -> Value | None:
    """A day of the week: "Monday", "last Friday", "Thursday evening"."""
    lx, g = lexicon(), m.groups
    iso = int(lx.weekdays[_key(g["weekday"])])
    typ, suffix = _part_type(m, g.get("part"))
    mod = _mod(lx, g)
    if ctx.anchor is None:
        return Value(typ, f"XXXX-WXX-{iso}{suffix}", mod, note="no anchor")
    rel = _key(g.get("rel", ""))
    step = REL_STEP.get(rel)
    if step is None:
        way, note = _direction(ctx, "past")
        date = cal.weekday_date(ctx.anchor, iso, way)
    else:
        way = {-1: "past", 0: None, 1: "future"}[step]
        date, note = cal.weekday_date(ctx.anchor, iso, way, strict=True), rel
    return Value(typ, cal.day(date) + suffix, mod, ctx.anchor.isoformat(), note)


def n_weekend(m: Match, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value(m.rule.type, "XXXX-WXX-WE", note="no anchor")
    step = REL_STEP.get(_key(m.groups.get("rel", "")))
    if step is None:
        way, note = _direction(ctx, "past")
        step = 0 if (way != "past" or ctx.anchor.isoweekday() >= 6) else -1
    else:
        note = m.groups["rel"]
    date = ctx.anchor + dt.timedelta(weeks=step)
    return Value(m.rule.type, cal.week(date) + "-WE", None, ctx.anchor.isoformat(), note)


def n_dayref(m: Match, ctx: Context) -> Value | None:
    """today, yesterday, tonight, this morning, yesterday afternoon …"""
    lx, g = lexicon(), m.groups
    if _generic_day(m, ctx):
        return None  # "today's world", "the leaders of tomorrow": nowadays or times to come, not a day
    offset, part = lx.dayrefs[_key(g["dayref"])]
    part_word = g.get("part") or g.get("part0")
    typ, suffix = _part_type(m, part_word)
    if not suffix and part:
        typ, suffix = "TIME", "T" + part
    mod = _mod(lx, g)
    if ctx.anchor is None:
        return Value(typ, "XXXX-XX-XX" + suffix, mod, note="no anchor")
    date = ctx.anchor + dt.timedelta(days=offset)
    return Value(typ, cal.day(date) + suffix, mod, ctx.anchor.isoformat(), f"{offset:+d} days")


_POSSESSIVE_NOUNS = re.compile(r"\s*['’]s((?:\s+[a-z-]+){1,3})")
_OF_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+$")
# words that end the noun phrase after "today's" ("today's meeting of world leaders")
_STOPS = frozenset({"of", "in", "on", "at", "for", "to", "by", "with", "from", "and", "or", "the", "a", "an"})


def _generic_day(m: Match, ctx: Context) -> bool:
    """Whether "today" or "tomorrow" stands for an age rather than a day: "today's youth", "today's
    personal computers" (a noun of ``generic.tsv`` within the next three words), "the cars of tomorrow"."""
    if m.text.lower() not in ("today", "tomorrow"):
        return False
    generic = lexicon().generic
    after = _POSSESSIVE_NOUNS.match(ctx.after(m.end, 40).lower())
    if after:
        words = after[1].split()
        return any(w in generic for w in words[:next((i for i, w in enumerate(words) if w in _STOPS), 3)])
    before = _OF_BEFORE.search(ctx.before(m.start, 30).lower())
    return before is not None and before[1] in generic
