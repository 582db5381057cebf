"""Training lines from the analysts' corrections: each corrected sentence with the analyst's event
type and parties, in the shape of the PLOVER training sets (``text`` + ``events`` with ``source``,
``target`` and ``code``), so a coder can learn from the fixes made to it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .corrections import stored
from .dialect import Connection


def training_rows(conn: Connection, corrections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One line per sentence of each applied correction of an event's type or parties, and per
    sentence of each rejected event (with no events: the sentence reports none)."""
    anchors = {c.id: c.anchor for c in stored(conn)}
    for c in corrections:
        if c["state"] != "applied" or c["kind"] not in ("event", "reject", "add"):
            continue
        change = c["change"]
        if c["kind"] == "event" and not {"type", "actor", "recipient"} & set(change):
            continue
        for n, m in enumerate(anchors[c["id"]].get("mentions") or []):
            yield {"id": f"correction-{c['id']}-{n}", "text": m.get("text", ""), "date": None,
                   "origin": "analyst correction", "ontology": "PLOVER", "actor_format": "code",
                   "events": [] if c["kind"] == "reject" else [_event(change, c["machine"])],
                   "note": c["note"], "by": c["by"]}


def _event(change: dict[str, Any], machine: dict[str, Any]) -> dict[str, Any]:
    def side(name: str) -> str | None:
        found = change.get(name, machine.get(name))
        return "+".join(found) if isinstance(found, list) and found else None

    return {"source": side("actor"), "target": side("recipient"), "code": change.get("type", machine.get("type"))}
