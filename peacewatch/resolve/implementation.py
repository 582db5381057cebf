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


def partial_level(fulfilling: list[MergedEvent], covered: float, share: float | None) -> int:
    """PAM's scale below full implementation: 0 nothing done, 1 minimal (less than half of the
    obligors acted, or less than half of a promised count), 2 intermediate (half or more)."""
    if not fulfilling:
        return 0
    part = min(covered, share) if share is not None else covered
    return 2 if part >= 0.5 else 1


def partly(fulfilling: list[MergedEvent], share: float | None) -> str:
    if not fulfilling:
        return ""
    if share is not None and share < 1.0:
        return f"; partly carried out by {', '.join(e.id for e in fulfilling)} ({share:.0%} of the promised count)"
    return f"; partly carried out by {', '.join(e.id for e in fulfilling)} (not every obligor acted)"
