"""The term of a truce promised: the last day it binds, when its sentence gives one.

"A ceasefire until January 2", "a four-day pause", "a 72-hour truce", "for six months": the end of
its term is kept in the commitment's action as ``until`` (``extract/commitments.py``); its due date
is the day it takes effect. A length counts from that day only; without it the term is unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..timespan import interval
from ..types import Event
from .commitment_acts import duration_days

if TYPE_CHECKING:
    from ..contract import Annotation

# Promises that last for a term, which the commitment's action records as ``until`` when the text
# gives it: the due date of a truce is the day it takes effect, not the end of its term.
TERM_MODES = ("ceasefire",)
LENGTH_CUES = frozenset({"for", "last", "lasts", "lasting"})
TRUCE_WORDS = frozenset({"truce", "ceasefire", "pause", "cessation", "halt", "lull", "armistice"})


def truce_term(ann: Annotation, event: Event, due: str | None,
               deadline: tuple[str, str] | None) -> tuple[str, str] | None:
    """The last day of a truce's term, when its sentence gives one: the date after "until" (a
    truce "until January 2"), or a length ("a four-day pause", "a 72-hour truce", "for six months")
    counted from the day it takes effect, when that day is read (its due date). A truce may take
    effect days after it was agreed ("a seven-day truce from Monday evening"): a length counted from
    the day it was made would end the term too early, so without the day it starts the term is
    left unknown (fighting after it still breaks the truce, a report of it in force still keeps it)."""
    if deadline is not None and deadline[1].startswith("'until"):
        return deadline[0], deadline[1]
    due_span = interval(due)
    start = due_span.start if due_span is not None and due_span.days == 1 else None
    text = ann.document.text if ann.document is not None else ""
    lo, hi = event.span
    for timex in ann.result.timexes:
        if not (lo <= timex.start < hi) or start is None or (length := _length(timex.value)) is None:
            continue
        # a truce's own length: "a four-day pause", "for six months", not "after 15 months of war"
        # nor "their 48-day captivity"
        before = text[max(lo, timex.start - 12):timex.start].lower().split()
        after = set(re.findall(r"\w+", text[timex.end:min(hi, timex.end + 48)].lower()))
        if ("-" in timex.text and after & TRUCE_WORDS) or (before and before[-1] in LENGTH_CUES):
            if length > (dt.date.max - start).days:  # "a truce for 9000 years" ends on no calendar day
                continue
            last = start + dt.timedelta(days=max(length, 1) - 1)
            return last.isoformat(), f"'{timex.text}' from {start.isoformat()}"
    return None


def _length(duration: str | None) -> int | None:
    """Days of a duration value of hours, days, weeks or months ("PT72H" 3, "P4D" 4, "P6M" 183)."""
    match = re.fullmatch(r"P(T?)(\d+)([HDWM])", duration or "")
    if match is None or (match[1] == "T") != (match[3] == "H"):
        return None
    return duration_days(int(match[2]), match[3])
