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
    commitments_by_status: dict[str, int] = field(default_factory=dict)


def _counts(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(sql)}


def summarize(conn: sqlite3.Connection) -> Summary:
    """Counts of what the database holds, per document (the ledger adds merged counts)."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return Summary(
        documents=one("SELECT count(*) FROM documents"),
        failed_documents=one("SELECT count(*) FROM documents WHERE error_code IS NOT NULL"),
        failed_inputs=one("SELECT count(*) FROM failures"),
        entities_by_kind=_counts(conn, "SELECT kind, count(*) FROM entities GROUP BY kind ORDER BY 2 DESC"),
        events_by_type=_counts(conn, "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC"),
        commitments_by_status=_counts(
            conn, "SELECT status, count(*) FROM commitments GROUP BY status ORDER BY 2 DESC"),
    )
