"""Counts over the database for the summary table (documents, entities, events, commitments)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass
class Summary:
    documents: int
    failed_documents: int
    failed_inputs: int
    entities_by_kind: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    merged_events: int = 0
    event_reports: int = 0
    ledger_entities: int = 0
    ledger_commitments: dict[str, int] = field(default_factory=dict)


def _counts(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(sql)}


def _one(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0] or 0)


def summarize(conn: sqlite3.Connection) -> Summary:
    """What the database holds: documents, the ledger's entities by kind, its merged events by type
    (with how many per-document reports they merge) and its commitments by status."""
    return Summary(
        documents=_one(conn, "SELECT count(*) FROM documents"),
        failed_documents=_one(conn, "SELECT count(*) FROM documents WHERE error_code IS NOT NULL"),
        failed_inputs=_one(conn, "SELECT count(*) FROM failures"),
        entities_by_kind=_counts(conn, "SELECT kind, count(*) FROM ledger_entities GROUP BY kind ORDER BY 2 DESC"),
        events_by_type=_counts(conn, "SELECT type, count(*) FROM ledger_events GROUP BY type ORDER BY 2 DESC"),
        merged_events=_one(conn, "SELECT count(*) FROM ledger_events"),
        event_reports=_one(conn, "SELECT count(*) FROM events"),
        ledger_entities=_one(conn, "SELECT count(*) FROM ledger_entities"),
        ledger_commitments=_counts(
            conn, "SELECT status, count(*) FROM ledger_commitments GROUP BY status ORDER BY 2 DESC"),
    )
