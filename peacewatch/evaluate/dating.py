"""How well an undated article is dated from its own text (``extract/dating.py``), measured where
the answer is known: the dated articles of the dev corpus, their publication date hidden.

Each article's inferred day is compared with its real one: ``exact``, ``near`` (within
``NEAR_DAYS``), ``wrong`` or ``none`` (no day, or a day with no year). Counted per part (``tune``:
the articles of the tuning processes, on which the rule was designed; ``untouched``: the others).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..timespan import day
from ..types import Document

if TYPE_CHECKING:
    from ..config import Config

NEAR_DAYS = 3
OUTCOMES = ("exact", "near", "wrong", "none")


def outcome(inferred: str | None, real: dt.date) -> str:
    """How an inferred day (``YYYY-MM-DD``, ``XXXX-…`` or None) compares with the real day."""
    got = day(inferred) if inferred and not inferred.startswith("X") else None
    if got is None:
        return "none"
    off = abs((got - real).days)
    return "exact" if off == 0 else "near" if off <= NEAR_DAYS else "wrong"


def dating_counts(documents: list[Document], parts: dict[str, str], config: Config) -> dict[str, Counter[str]]:
    """Per part, the outcomes of dating each dated document with its date hidden (only the timex
    component runs: dating happens before any component)."""
    from ..pipeline import Pipeline

    dated = [(d, real) for d in documents if (real := day(d.published)) is not None]
    pipe = Pipeline.build(replace(config, pipeline=("timex",)))
    counts: dict[str, Counter[str]] = {}
    hidden = [replace(d, published=None) for d, _ in dated]
    for (document, real), result in zip(dated, pipe.annotate(hidden), strict=True):
        got = result.dated.day if result.dated is not None else None
        counts.setdefault(parts.get(document.id, "untouched"), Counter())[outcome(got, real)] += 1
    return counts


def dating_rows(counts: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """The breakdown rows: each outcome's count and the article count, per part."""
    return {part: {**{k: float(c[k]) for k in OUTCOMES}, "articles": float(sum(c.values()))}
            for part, c in sorted(counts.items())}
