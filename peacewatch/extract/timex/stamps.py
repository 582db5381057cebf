"""Byline and update stamps: "Updated: 11/25/2022", "Published November 22, 2023 at 6:57 AM".

Such dates say when the page was written or edited, not when anything it reports happened. They are
tagged like any date (their values are right) but their ``why`` ends with ``STAMP`` so that
``governing_timex`` never dates an event or commitment by them. A timex is a stamp when the text
before it on its line is a stamp cue of ``data/timex/stamps.tsv`` (after at most a short byline
name) and no sentence goes on after it ("Hamas published on Monday a list of …" is news), when its
line is empty before it and the line above is a cue alone ("Updated:" then the date on the next
line), when it is alone on its line right before such a line, or when it follows a stamp on the same
line with only separators between ("… 2023 | 12:00 AM").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...types import Timex
from .lexicon import timex_rows

STAMP = "byline stamp"
_SEPARATORS = re.compile(r"[\s,|:\-–—]*(?:at\s*)?[\s,|:\-–—]*")


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    cues = sorted((r["cue"] for r in timex_rows("stamps")), key=len, reverse=True)
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    # An optional byline name (up to four capitalized words) before the cue, then the cue.
    return re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{0,4}}(?i:{words})(?i:\s+on)?\s*[:\-–—|]?\s*")


def _line_bounds(text: str, start: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return lo, len(text) if hi < 0 else hi


def _cue_line(line: str) -> bool:
    return bool(line.strip()) and _cue().fullmatch(line.strip() + " ") is not None


def is_stamp(text: str, start: int, end: int, previous: Timex | None) -> str | None:
    """Why the timex at ``start:end`` is a stamp ("after 'Updated:'"), or None."""
    lo, hi = _line_bounds(text, start)
    before = text[lo:start]
    if before.strip() and _cue().fullmatch(before) is not None and not _sentence_goes_on(text[end:hi]):
        return f"after {before.strip()!r}"
    if previous is not None and (previous.why or "").endswith(STAMP) and previous.end >= lo and \
            _SEPARATORS.fullmatch(text[previous.end:start]):
        return "continues the stamp before it"
    if before.strip():
        return None
    above = _near_line(text, lo, -1)
    if _cue_line(above):
        return f"on the line after {above.strip()!r}"
    below = _near_line(text, hi, +1)
    if not text[end:hi].strip() and _cue_line(below):
        return f"alone on its line before {below.strip()!r}"
    return None


# What goes on after a date in a sentence: a lower-case word that no byline writes next (a byline goes on
# with a clock, "by Jane Doe", a separator or a new sentence's capital), then lower-case words of three
# letters or more, which running text has and a byline's tail ("| Reading time: 4 minutes") has few of.
_GOES_ON = re.compile(r"[\s,]*(?!(?:at|by|am|pm|ago|updated|published)\b)[a-z]")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_SENTENCE_WORDS = 3


def _sentence_goes_on(rest: str) -> bool:
    """Whether the rest of the line after a date carries on the sentence: "Hamas published on Monday a
    list of the hostages …" reports what was published and is no byline, while "Jane Doe Published
    November 22, 2023 at 6:57 AM" and "Published March 2, 2024 The envoys signed …" (a page whose lines
    were run together) are."""
    return _GOES_ON.match(rest) is not None and len(_LOWER_WORD.findall(rest)) >= _SENTENCE_WORDS


def _near_line(text: str, edge: int, step: int) -> str:
    """The nearest non-blank line above (``step`` -1, ``edge`` = start of this line) or below
    (``step`` +1, ``edge`` = end of this line)."""
    lines = text[:max(edge - 1, 0)].split("\n")[::-1] if step < 0 else text[edge + 1:].split("\n")
    return next((ln for ln in lines[:4] if ln.strip()), "")


def mark(timex: Timex, reason: str) -> Timex:
    """``timex`` with its ``why`` saying it is a stamp (and why)."""
    timex.why = f"{timex.why}; {reason}: {STAMP}"
    return timex


def is_marked(timex: Timex) -> bool:
    return (timex.why or "").endswith(STAMP)
