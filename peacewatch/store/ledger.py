"""The ledger in the database: rebuilt from the stored per-document records.

``rebuild_ledger`` writes what the pure ``peacewatch.resolve.build_ledger`` would compute from the
stored records into the ledger tables (migration 0002), in one transaction and in memory that does
not grow with the database (``rebuild``). The queries over those tables are the read layer's
(``peacewatch.store.reads``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..resolve import LedgerSettings, MergedEvent
from ..resolve.dyads import dyad_pairs
from ..resolve.events import timeline_day
from ..resolve.records import LedgerEntity
from ..resolve.synthetic import synthetic_events
from ..types import Result
from .reads import UNKNOWN_DAY, merged_event  # noqa: F401 - merged_event: scratch.py reads placed events with it

# The per-document tables the ledger is built from (timexes and quotes are not read by it, so
# they are left on disk: a rebuild holds less in memory).
_RECORD_TABLES = {"mentions": "idx", "entities": "rowid", "events": "rowid", "commitments": "rowid"}
_BATCH = 500  # documents whose records a rebuild reads at a time
_UNREAD = ("why", "members")  # entity fields the ledger never reads


@dataclass
class LedgerStats:
    """What a rebuild produced."""

    documents: int
    entities: int
    events: int
    reports: int
    commitments: int
    as_of: str | None


def stored_results(conn: sqlite3.Connection) -> list[Result]:
    """Every stored document's per-document records, read table by table (not document by document)."""
    data: dict[str, dict[str, Any]] = {}
    for row in conn.execute("SELECT id, published, error_code, error_message FROM documents ORDER BY id"):
        entry: dict[str, Any] = {"id": row[0], "published": row[1], **{t: [] for t in _RECORD_TABLES}}
        if row[2]:
            entry["error"] = {"code": row[2], "message": row[3] or ""}
        data[row[0]] = entry
    for table, order in _RECORD_TABLES.items():
        for doc_id, record in conn.execute(f"SELECT doc_id, record FROM {table} ORDER BY doc_id, {order}"):
            if doc_id in data:
                data[doc_id][table].append(json.loads(record))
    return [Result.from_dict(d) for d in data.values()]


def stored_span_texts(conn: sqlite3.Connection, first: str = "", last: str | None = None
                      ) -> dict[tuple[str, int, int], str]:
    """The text of every stored event's span (of the documents with ids from ``first`` to ``last``),
    cut out by SQLite (document texts stay on disk)."""
    where = " WHERE doc_id >= ?" + (" AND doc_id <= ?" if last is not None else "")
    rows = conn.execute(
        "SELECT doc_id, start, end, substr(d.text, start + 1, end - start) FROM (SELECT doc_id,"
        " json_extract(record, '$.span[0]') AS start, json_extract(record, '$.span[1]') AS end FROM events"
        f"{where}) JOIN documents d ON d.id = doc_id", (first,) if last is None else (first, last))
    return {(doc, start, end): text for doc, start, end, text in rows if isinstance(start, int)}


def rebuild_ledger(
    conn: sqlite3.Connection, settings: LedgerSettings | dict[str, Any] | None = None, *, force: bool = False
) -> LedgerStats | None:
    """Rebuild every ledger table from the per-document records with these settings, in one
    transaction.

    Returns None without doing anything when neither the documents, the settings nor the rules
    (peacewatch version and ledger tables) changed since the last build, unless ``force``.
    The write lock is taken before that check: of two ingests finishing at once, the second waits
    and then finds the ledger current (or rebuilds it with what the first did not see).
    """
    if not isinstance(settings, LedgerSettings):
        settings = LedgerSettings.from_dict(settings)
    try:
        conn.execute("BEGIN IMMEDIATE")
        stamp = fingerprint(conn, settings)
        if not force and _meta(conn).get("fingerprint") == stamp:
            conn.execute("ROLLBACK")
            return None
        for table in _LEDGER_TABLES:
            conn.execute(f"DELETE FROM {table}")
        stats = _build(conn, settings, stamp)
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"cannot write the ledger tables: {e}", "E040") from e
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return stats


def _build(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str) -> LedgerStats:
    """Write what ``build_ledger`` computes without holding what grows with the database
    (``rebuild.build_tables``), then the meta row."""
    from .rebuild import build_tables

    built = build_tables(conn, settings, _BATCH, _write_entities, insert_events)
    as_of = built.as_of.isoformat() if built.as_of else None
    _insert_meta(conn, settings, stamp, as_of)
    return LedgerStats(built.documents, built.entities, built.events, built.reports, built.commitments, as_of)


def fingerprint(conn: sqlite3.Connection, settings: LedgerSettings) -> str:
    """What the ledger was built from: documents, settings, and the rules (peacewatch version, the
    decision tables and the code of ``peacewatch.resolve``)."""
    from importlib import resources

    from .. import __version__

    count, last = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    digest = hashlib.sha256(f"{count}:{last}:{__version__}:".encode())
    digest.update(json.dumps(settings.to_dict(), sort_keys=True).encode())
    for folder, suffix in ((resources.files("peacewatch").joinpath("data", "resolve"), ".tsv"),
                           (resources.files("peacewatch.resolve"), ".py")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffix):
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:24]


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM ledger_meta").fetchall())


_LEDGER_TABLES = ("ledger_meta", "ledger_entities", "ledger_entity_sources", "ledger_events",
                  "ledger_event_mentions", "ledger_dyads", "ledger_commitments")


def _insert_meta(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str, as_of: str | None) -> None:
    meta = {"settings": json.dumps(settings.to_dict(), sort_keys=True), "as_of": as_of or "",
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "fingerprint": stamp}
    conn.executemany("INSERT INTO ledger_meta VALUES (?, ?)", sorted(meta.items()))


def _write_entities(conn: sqlite3.Connection, entities: Iterable[LedgerEntity]) -> int:
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


def insert_events(conn: sqlite3.Connection, events: Iterable[MergedEvent], chunk: int = 2000) -> int:
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


def generate_events(conn: sqlite3.Connection, n: int, *, seed: int = 0, parties: int = 40,
                    batch: int = 50_000) -> int:
    """Insert ``n`` synthetic merged events (random dyads among ``parties`` made-up codes, types and
    days over ten years) into the ledger tables, for the benchmark; returns how many were added."""
    events, added = synthetic_events(n, seed=seed, parties=parties), 0
    while added < n:
        conn.execute("BEGIN")
        added += insert_events(conn, itertools.islice(events, min(batch, n - added)))
        conn.execute("COMMIT")
    return added


def _j(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)

