"""The read side of the corrections log: each correction with what it did in the last rebuild, and
the marks that tell a reader which ledger rows an analyst corrected (``corrected``, the correction
ids, the machine's values). Queries only; the ``Reader`` (``reads``) calls them on its connection."""

from __future__ import annotations

import json
from typing import Any

from ..resolve.corrections import Correction, active
from .corrections import stored
from .dialect import Connection

# state of a correction: applied or orphaned in the last rebuild; superseded or withdrawn by a later
# one; pending when the ledger has not been rebuilt since it was made; skipped when the rebuild cannot
# apply it (a malformed row, written by an older version or by hand: its ``why`` says what is wrong)
STATES = ("applied", "orphaned", "superseded", "withdrawn", "pending", "skipped")


def correction_rows(conn: Connection, orphaned: bool = False) -> list[dict[str, Any]]:
    """Every correction of the log with its state (``STATES``), in id order; only the orphaned
    ones when ``orphaned``."""
    rows = list(stored(conn))
    live = {c.id for c in active(rows)}
    outcome = {cid: (state, json.loads(record)) for cid, state, record in conn.execute(
        "SELECT correction, state, record FROM ledger_corrections")}
    out = []
    for c in rows:
        state, record = outcome.get(c.id, ("pending", {}))
        if c.fault is not None:
            state = "skipped"  # the rebuild cannot apply it, whether it ran since or not
        elif c.kind == "withdraw":
            state = "applied"
        elif c.id not in live:
            state = "withdrawn" if any(k.kind == "withdraw" and k.supersedes == c.id for k in rows) else "superseded"
        if orphaned and state != "orphaned":
            continue
        out.append({"id": c.id, "kind": c.kind, "state": state, "by": c.by, "at": c.at, "note": c.note,
                    "supersedes": c.supersedes, "change": c.change, "target": _target(c),
                    "machine": record.get("machine") or {}, "commitment": record.get("commitment"),
                    "missing": record.get("missing") or []} | ({"why": c.fault} if c.fault is not None else {}))
    return out


def _target(c: Correction) -> str:
    """What the correction is about, in words a person reads (documents and sentences)."""
    if c.kind == "actor":
        return str(c.anchor.get("name", ""))
    if c.kind == "withdraw":
        return f"correction {c.anchor.get('correction')}"
    mentions = c.anchor.get("mentions") or [m for g in c.anchor.get("groups") or [] for m in g]
    return "; ".join(f"{m['doc']}@{m['trigger'][0]}: {m.get('text', '')[:60]!r}" for m in mentions[:3])


def counts(conn: Connection) -> tuple[int, int]:
    """(corrections in the log, active ones orphaned in the last rebuild)."""
    total = conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
    orphaned = conn.execute("SELECT count(*) FROM ledger_corrections WHERE state = 'orphaned'").fetchone()[0]
    return int(total), int(orphaned)


def event_marks(conn: Connection) -> dict[str, dict[str, Any]]:
    """Ledger event id → its marks: ``corrected``, ``corrections`` (ids), ``machine`` (the values
    the analyst replaced, where the correction replaced any) and ``analyst`` (the values set)."""
    out: dict[str, dict[str, Any]] = {}
    for event, correction, record in conn.execute(
            "SELECT DISTINCT m.ledger_event, r.correction, c.record FROM ledger_correction_reports r"
            " JOIN ledger_event_mentions m ON m.doc_id = r.doc_id AND m.event = r.event"
            " JOIN ledger_corrections c ON c.correction = r.correction WHERE c.state = 'applied'"
            " ORDER BY m.ledger_event, r.correction"):
        _add(out.setdefault(event, _empty()), correction, json.loads(record))
    return out


def commitment_marks(conn: Connection) -> dict[str, dict[str, Any]]:
    """Ledger commitment id → its marks (as ``event_marks``)."""
    out: dict[str, dict[str, Any]] = {}
    for correction, record in conn.execute("SELECT correction, record FROM ledger_corrections"
                                           " WHERE state = 'applied' ORDER BY correction"):
        data = json.loads(record)
        if data.get("commitment"):
            _add(out.setdefault(data["commitment"], _empty()), correction, data)
    return out


def _empty() -> dict[str, Any]:
    return {"corrected": True, "corrections": [], "machine": {}, "analyst": {}}


def _add(mark: dict[str, Any], correction: int, record: dict[str, Any]) -> None:
    mark["corrections"].append(correction)
    mark["analyst"].update(record.get("analyst") or {})  # the latest correction's value stands
    for name, value in (record.get("machine") or {}).items():
        mark["machine"].setdefault(name, value)  # the earliest correction saw the machine's own value


def marked(record: dict[str, Any], marks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The record with its marks, when it has any (a record no one corrected is left as it is)."""
    found = marks.get(record.get("id", ""))
    return {**record, **found} if found else record
