"""Writing ledger rows: entities with their mentions joined in SQL, merged events with their dyad
index rows, a chunk at a time (the JSON of a whole table is never held)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from typing import Any

from ..resolve.dyads import dyad_pairs
from ..resolve.events import timeline_day
from ..resolve.records import LedgerEntity, MergedEvent
from .dialect import Connection

UNKNOWN_DAY = "9999-12-31"  # the timeline day of an event that cannot be placed


def write_entities(conn: Connection, entities: Iterable[LedgerEntity]) -> int:
    """Write ledger entities given in id order (their sources already in ``ledger_entity_sources``),
    each with its mentions joined from the per-document ``mentions`` table: one entity's mentions
    in memory at a time. Returns the count."""
    rows = conn.execute(
        "SELECT s.ledger_id, m.doc_id, m.start_char, m.end_char, json_extract(m.record, '$.text')"
        " FROM ledger_entity_sources s JOIN mentions m ON m.doc_id = s.doc_id AND m.entity = s.entity"
        " ORDER BY s.ledger_id, m.doc_id, m.start_char, m.end_char, m.entity, m.idx")
    row, count = next(rows, None), 0
    for e in entities:
        found: list[str] = []
        while row is not None and row[0] < e.id:
            row = next(rows, None)
        while row is not None and row[0] == e.id:
            found.append(_j({"doc": row[1], "start": row[2], "end": row[3], "text": row[4]}))
            row = next(rows, None)
        conn.execute("INSERT INTO ledger_entities VALUES (?, ?, ?, ?, ?)",
                     (e.id, e.kind, e.code, e.name, _entity_record(e, found)))
        count += 1
    return count


def _entity_record(entity: LedgerEntity, mentions: list[str]) -> str:
    """The entity's JSON with its mentions (already JSON) spliced in, as ``_j(entity.to_dict())``
    would write it had they been in memory."""
    data = entity.to_dict()
    return "{" + ", ".join(f"{_j(k)}: " + ("[" + ", ".join(mentions) + "]" if k == "mentions" else _j(v))
                           for k, v in data.items()) + "}"


def insert_events(conn: Connection, events: Iterable[MergedEvent], chunk: int = 2000) -> int:
    """Insert merged events and their dyad index rows (no transaction handling), ``chunk`` events at
    a time (their JSON is not all held at once); returns the count."""
    events, count = iter(events), 0
    while batch := list(itertools.islice(events, chunk)):
        event_rows: list[tuple[Any, ...]] = []
        dyad_rows: list[tuple[str, str, str, str, str]] = []
        for e in batch:
            d = timeline_day(e)
            day = d.isoformat() if d else UNKNOWN_DAY
            event_rows.append((e.id, e.type, e.mode, e.status, day, e.date, e.first_reported, e.quad,
                               e.score, len(e.mentions), _j(e.to_dict())))
            dyad_rows.extend((a, b, day, e.id, e.type) for a, b in sorted(dyad_pairs(e)))
        conn.executemany("INSERT INTO ledger_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event_rows)
        conn.executemany("INSERT OR IGNORE INTO ledger_dyads VALUES (?, ?, ?, ?, ?)", dyad_rows)
        count += len(batch)
    return count


def _j(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
