"""How a matched event's recipients disagree with the gold's: the counts ``eval docs`` and ``eval events``
print, by part, so that the untouched part is read as aggregates only.

- **Class** of a disagreement (the recipient code sets of a matched pair differ): ``ours_none`` (we
  name no recipient, the gold does), ``gold_none`` (the gold names none, we do), ``disjoint`` (no code
  in common), ``subset`` (ours a proper part of the gold's), ``superset`` (ours holds the gold's and
  more), ``overlap`` (some in common, each with codes the other lacks).
- **Source** of our recipient: where the events component read it, as its ``why`` names it after
  ``recipient from:`` (``object``, a preposition such as ``to`` or ``with``, ``noun phrase``,
  ``inner …``, ``clause …``, ``condition``, ``place``, ``nearest``, ``host``); ``implicit`` for the
  implicit-recipient table's own country; ``none`` when we name none.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..extract.events.participants import RECIPIENT_FROM
from ..types import Event

CLASSES = ("agree", "ours_none", "gold_none", "disjoint", "subset", "superset", "overlap")
IMPLICIT = "implicit recipient"


def disagreement(gold: frozenset[str], ours: frozenset[str]) -> str:
    """The class of a pair of recipient code sets (module docstring); ``agree`` when equal."""
    if gold == ours:
        return "agree"
    if not ours:
        return "ours_none"
    if not gold:
        return "gold_none"
    if not gold & ours:
        return "disjoint"
    if ours < gold:
        return "subset"
    return "superset" if gold < ours else "overlap"


def source(event: Event) -> str:
    """Where an event's recipients were read (module docstring)."""
    if not any(r.code for r in event.recipient):
        return "none"
    why = event.why or ""
    if IMPLICIT in why or "uncoded recipient is the actor's own country" in why:
        return "implicit"
    for note in why.split("; "):
        if note.startswith(RECIPIENT_FROM):
            return note[len(RECIPIENT_FROM):]
    return "other"


def count(counts: Counter[str], gold: frozenset[str], ours: frozenset[str], event: Event) -> None:
    """Count one matched pair: its class, and for a disagreement its class by our source."""
    kind = disagreement(gold, ours)
    counts[kind] += 1
    if kind != "agree":
        counts[f"{kind}|{source(event)}"] += 1


def tables(rows: dict[str, Counter[str]]) -> dict[str, dict[str, dict[str, float]]]:
    """Two tables per row (a part): matched pairs by class, and disagreements by class and source,
    commonest first."""
    by_class = {row: {k: float(c[k]) for k in CLASSES} for row, c in rows.items()}
    by_source: dict[str, dict[str, float]] = {}
    for row, c in rows.items():
        for key, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            if "|" in key:
                kind, where = key.split("|", 1)
                by_source.setdefault(f"{row}:{where}", {k: 0.0 for k in CLASSES[1:]})[kind] = float(n)
    return {"recipients of matched events: class (count)": by_class,
            "recipient disagreements: our source x class (count)": by_source}


def count_document(counts: Counter[str], gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                   events: list[Event], matches: list[tuple[int, int, dict[str, bool]]]) -> None:
    """Count the matched pairs of one article of ``eval docs`` (``gold``/``pred`` as its scorer reads them)."""
    for gi, pi, _agree in matches:
        count(counts, gold[gi]["recipient"], pred[pi]["recipient"], events[pi])
