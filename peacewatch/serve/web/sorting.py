"""Sortable columns of the events table: a header links to the same view sorted by it, ascending
first, descending when it is already ascending."""

from __future__ import annotations

SORTABLE = {"day": "day", "reports": "reports", "score": "score", "first reported": "first_reported"}


def sort_links(current: str) -> dict[str, tuple[str, str]]:
    """Column → (the sort its header sets, the arrow it shows now: ``▲``, ``▼`` or nothing)."""
    out = {}
    for label, key in SORTABLE.items():
        if current == key:
            out[label] = (f"-{key}", "▲")
        elif current == f"-{key}":
            out[label] = (key, "▼")
        else:
            out[label] = (key, "")
    return out
