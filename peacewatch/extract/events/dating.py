"""When an event happened: the governing time expression, and whether that is background.

The timex component's ``governing_timex`` picks the expression of the trigger's clause; here the
candidates are first narrowed to those not buried in a relative clause or participle that
modifies some other noun ("two soldiers held since April 2023" does not date the hand-over).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..timex.govern import governing_timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...types import Timex

# Clauses whose time expressions belong to their own verb, not to a trigger outside them.
MODIFIER_CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp")
HISTORICAL_DAYS = 365
SEASON_END = {"SP": (5, 31), "SU": (8, 31), "FA": (11, 30), "WI": (2, 28)}


def _inside_other_modifier(timex: Timex, doc: Doc, governors: set[int]) -> bool:
    """``governors``: the indices of the trigger and its ancestors, the tokens whose subtree holds it
    (a set, not a walk of each clause's subtree: on a long parse that walk made dating cubic)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ in MODIFIER_CLAUSES:
            return tok.i not in governors
        tok = tok.head
    return False


def event_timex(timexes: list[Timex], doc: Doc, trigger: Token) -> Timex | None:
    """The time expression that dates the event whose trigger is ``trigger``."""
    governors = {trigger.i, *(a.i for a in trigger.ancestors)}
    usable = [t for t in timexes if not _inside_other_modifier(t, doc, governors)]
    if not usable:
        return None
    return governing_timex(usable, doc, trigger.i)


def in_clause(timex: Timex, trigger: Token) -> bool:
    """Whether the time expression lies in the trigger's own clause."""
    head = trigger
    while head.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp") and head.head.i != head.i:
        head = head.head
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return lo <= timex.start and timex.end <= hi


def latest_day(value: str) -> dt.date | None:
    """The last calendar day a TIMEX3 date value can denote (None when it is not a date)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}|SP|SU|FA|WI|Q\d|H\d|W\d{2}))?(?:-(\d{2}))?", value)
    if m is None:
        return None
    year, part, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if part is None:
            return dt.date(year, 12, 31)
        if part in SEASON_END:
            month, last = SEASON_END[part]
            return dt.date(year + (part == "WI"), month, last)
        if part.startswith("Q"):
            return _month_end(year, 3 * int(part[1]))
        if part.startswith("H"):
            return _month_end(year, 6 * int(part[1]))
        if part.startswith("W"):
            return dt.date.fromisocalendar(year, int(part[1:]), 7)
        if day is None:
            return _month_end(year, int(part))
        return dt.date(year, int(part), int(day))
    except ValueError:
        return None


def earliest_day(value: str) -> dt.date | None:
    """The first calendar day of a full-date or year-month TIMEX3 value (else None)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def is_historical(value: str | None, anchor: dt.date | None) -> bool:
    """Whether the event ended more than a year before publication."""
    if value is None or anchor is None:
        return False
    last = latest_day(value)
    return last is not None and (anchor - last).days > HISTORICAL_DAYS


def is_later(value: str | None, anchor: dt.date | None) -> bool:
    """Whether the event date lies wholly after publication."""
    if value is None or anchor is None:
        return False
    if value == "FUTURE_REF":
        return True
    first = earliest_day(value)
    if first is None and re.match(r"^\d{4}$", value or ""):
        first = dt.date(int(value), 1, 1)
    return first is not None and first > anchor


def earlier_one(trigger: Token) -> str | None:
    """The adjective that makes a noun trigger an earlier event of its kind ("a previous ceasefire",
    "earlier talks"), or None: such an event happened some time before publication (``PAST_REF``)."""
    from .tables import words

    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ in words("past_adj"):
            return child.text
    return None
