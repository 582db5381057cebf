"""How much of a promise was carried out: the share of a promised count that acts of its unit did,
PAM's implementation level below full (0 nothing, 1 minimal, 2 intermediate), and the words that
say a promise was kept in part. ``commitments.decide`` decides the status; these measure the part
done."""

from __future__ import annotations

from .records import MergedEvent


def counted(promised: dict | None, event: MergedEvent) -> bool:
    q = event.quantity
    return bool(promised and q and q.get("unit") == promised.get("unit") and isinstance(q.get("value"), int | float))


def count_share(promised: dict | None, events: list[MergedEvent]) -> float | None:
    """The share of a promised count that events of the same unit carried out (the sum of their
    counts: 24 hostages freed of 50 promised is 0.48), or None when nothing is counted."""
    if not promised or not isinstance(promised.get("value"), int | float) or not promised.get("value"):
        return None
    of_unit = [e for e in events if counted(promised, e)]
    if not of_unit:
        return None
    done = sum(float(e.quantity["value"]) for e in of_unit if e.quantity)
    return done / float(promised["value"])


def partial_level(fulfilling: list[MergedEvent], covered: float, share: float | None,
                  whole: float | None = None) -> int:
    """PAM's scale below full implementation: 0 nothing done, 1 minimal (less than half of the
    obligors acted, or less than half of a promised count), 2 intermediate (half or more). An act told
    as a part or a start (``MergedEvent.partial``) counts only by its count: without a promised count,
    the obligors it is by are measured by the share of them that did the whole act (``whole``), so a
    begun handover alone is minimal."""
    if not fulfilling:
        return 0
    part = min(covered, share) if share is not None else (covered if whole is None else whole)
    return 2 if part >= 0.5 else 1


def partly(fulfilling: list[MergedEvent], share: float | None) -> str:
    if not fulfilling:
        return ""
    ids = ", ".join(e.id for e in fulfilling)
    told = sorted({e.partial for e in fulfilling if e.partial})
    if share is not None and share < 1.0:
        return f"; partly carried out by {ids} ({share:.0%} of the promised count)"
    if told:
        return f"; partly carried out by {ids} (told as a part: {', '.join(repr(t) for t in told)})"
    return f"; partly carried out by {ids} (not every obligor acted)"
