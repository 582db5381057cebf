"""The ledger in the database: rebuilt from the stored per-document records.

``rebuild_ledger`` runs the resolve stage (``peacewatch.resolve.stage.build``, the same code as the
pure ``build_ledger``) over the stored records (``source.StoredSource``) with its work kept in
temporary tables (``space.SqliteSpace``), writing the ledger tables (migration 0002) in one
transaction and in memory that does not grow with the database. ``ledger_state`` tells, reading
only, whether the ledger is up to date with the documents and the code that builds it. The queries
over the ledger tables are the read layer's (``peacewatch.store.reads``).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import itertools
import json
import sqlite3
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from .. import __version__
from ..resolve import LedgerSettings
from ..resolve.incremental import promised_actions
from ..resolve.stage import build
from ..resolve.synthetic import synthetic_events
from ..types import Result
from . import scratch
from .corrections import write_outcomes
from .dialect import Connection, DatabaseErrors, write_failed
from .source import StoredSource, stored_span_texts
from .state import KeepingSpace
from .writers import UNKNOWN_DAY, insert_events

__all__ = ["UNKNOWN_DAY", "LedgerStats", "fingerprint", "insert_events", "ledger_state", "rebuild_ledger",
           "stored_results", "stored_span_texts"]

# The per-document tables the ledger is built from (timexes and quotes are not read by it, so
# they are left on disk: a rebuild holds less in memory).
_RECORD_TABLES = {"mentions": "idx", "entities": "rowid", "events": "rowid", "commitments": "rowid"}
_BATCH = 500  # documents whose records a rebuild reads at a time
# What shapes the ledger besides the documents and the settings (whose values are hashed): every
# module of the resolve stage, the store modules that keep its work and write the ledger tables, the
# one date parser, the records (their JSON is what the ledger stores), the decision tables, the
# ledger tables' schema. An edit to any of them leaves the ledger stale.
_SHAPERS = (("resolve", "*.py"), ("data/resolve", "*.tsv"), ("", "timespan.py"), ("", "types.py"),
            ("store", "ledger.py"), ("store", "source.py"), ("store", "space.py"), ("store", "scratch.py"),
            ("store", "state.py"),
            ("store", "writers.py"), ("store", "corrections.py"), ("store", "incremental.py"),
            ("store", "updating.py"), ("store", "entity_parts.py"), ("store", "promises.py"),
            ("store/migrations", "*.sql"))
LedgerState = Literal["fresh", "stale", "missing"]


@dataclass
class LedgerStats:
    """What a rebuild produced."""

    documents: int
    entities: int
    events: int
    reports: int
    commitments: int
    as_of: str | None
    agreements: int = 0
    path: str = "full"  # or "incremental" (``store.incremental.update_ledger``)
    why: str = ""  # why that path ran


def stored_results(conn: Connection) -> list[Result]:
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


def rebuild_ledger(
    conn: Connection, settings: LedgerSettings | dict[str, Any] | None = None, *, force: bool = False
) -> LedgerStats | None:
    """Rebuild every ledger table from the per-document records with these settings, in one
    transaction.

    Returns None without doing anything when the ledger is up to date (``fingerprint``: neither the
    documents, the settings nor the code and tables that shape the ledger changed since the last
    build), unless ``force``. The write lock is taken before that check: of two ingests finishing
    at once, the second waits and then finds the ledger current (or rebuilds it with what the first
    did not see).
    """
    if not isinstance(settings, LedgerSettings):
        settings = LedgerSettings.from_dict(settings)
    with ledger_write(conn):
        stamp = fingerprint(conn, settings)
        if not force and _meta(conn).get("fingerprint") == stamp:
            return None
        for table in _LEDGER_TABLES:
            conn.execute(f"DELETE FROM {table}")
        return _build(conn, settings, stamp)


@contextmanager
def ledger_write(conn: Connection) -> Iterator[None]:
    """One write transaction around a ledger build, under the write lock (``BEGIN IMMEDIATE``):
    committed when the block ends, rolled back on any error (nothing half-written stays); a
    database error is E040."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
        if conn.in_transaction:
            conn.execute("COMMIT")
    except DatabaseErrors as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise write_failed("write the ledger tables", e) from e
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _build(conn: Connection, settings: LedgerSettings, stamp: str) -> LedgerStats:
    """Run the resolve stage over the stored records with its work in temporary tables, then write
    the meta row."""
    if not isinstance(conn, sqlite3.Connection):  # PostgreSQL: worked out in a local SQLite file, copied back
        from .pg_rebuild import build_in_scratch

        return build_in_scratch(conn, lambda scratch: _build(scratch, settings, stamp), _LEDGER_TABLES)
    scratch.create(conn)
    try:
        built = build(StoredSource(conn, _BATCH), KeepingSpace(conn), settings)
    except BaseException as e:
        # A failure inside the build (a bug, Ctrl-C) left the reads of the scratch tables its frames
        # held open, and SQLite then refused to drop the tables ("database table is locked"): that
        # error replaced the failure, which was reported as E072, a lock wait of 600 s, at once, and
        # every later rebuild on the connection failed the same way. Clearing the failure's frames
        # ends those reads; the failure goes up, the rebuild's transaction is rolled back.
        traceback.clear_frames(e.__traceback__)
        with suppress(*DatabaseErrors):
            scratch.drop(conn)
        raise
    scratch.drop(conn)
    as_of = built.as_of.isoformat() if built.as_of else None
    write_outcomes(conn, built.corrections)
    _insert_meta(conn, settings, stamp, as_of, promised_actions(StoredSource(conn, _BATCH)))
    return LedgerStats(built.documents, built.entities, built.events, built.reports, built.commitments, as_of,
                       built.agreements)


def fingerprint(conn: Connection, settings: LedgerSettings, documents: tuple[int, int] | None = None) -> str:
    """What the ledger was built from: the documents (their count and newest row; ``documents``
    gives others than the stored ones), the settings, and the rules: the peacewatch version and
    every source file and table that shapes the ledger (``_SHAPERS``)."""
    count, last = documents or stored_documents(conn)
    digest = hashlib.sha256(f"{count}:{last}:{__version__}:".encode())
    digest.update(json.dumps(settings.to_dict(), sort_keys=True).encode())
    digest.update("corrections:{}:{}:".format(*conn.execute(  # the log is append-only: count and newest say it all
        "SELECT count(*), coalesce(max(id), 0) FROM corrections").fetchone()).encode())
    package = resources.files("peacewatch")
    for folder, pattern in _SHAPERS:
        where = package.joinpath(*folder.split("/")) if folder else package
        for entry in sorted(where.iterdir(), key=lambda e: e.name):
            if fnmatch.fnmatchcase(entry.name, pattern):
                digest.update(f"{folder}/{entry.name}:".encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:24]


def stored_documents(conn: Connection) -> tuple[int, int]:
    """The count of stored documents and their newest row."""
    count, last = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    return int(count), int(last)


def ledger_state(conn: Connection, settings: LedgerSettings | None = None) -> LedgerState:
    """Whether the stored ledger is up to date, reading only (a read-only connection will do):

    - ``missing``: documents are stored but no ledger was ever built (a first ingest killed before
      its rebuild);
    - ``stale``: it was built from other documents or by other code (a killed ingest, an upgrade),
      or, when ``settings`` are given, with other settings;
    - ``fresh``: otherwise (also for a database with no documents and no ledger).

    Without ``settings`` the ledger is judged against the settings it was built with, so a reader
    that does not know the configuration can still tell. The write path (``rebuild_ledger``)
    rebuilds whenever the state is not fresh."""
    meta = _meta(conn)
    stamp = meta.get("fingerprint")
    if stamp is None:
        has_documents = conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None
        return "missing" if has_documents else "fresh"
    if settings is None:
        settings = LedgerSettings.from_dict(json.loads(meta.get("settings") or "{}"))
    return "fresh" if fingerprint(conn, settings) == stamp else "stale"


def _meta(conn: Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM ledger_meta").fetchall())


_LEDGER_TABLES = ("ledger_meta", "ledger_entities", "ledger_entity_sources", "ledger_events",
                  "ledger_event_mentions", "ledger_dyads", "ledger_commitments", "ledger_agreements",
                  "ledger_corrections", "ledger_correction_reports", "ledger_reports", "ledger_deciding",
                  "ledger_toward", "ledger_entity_keys", "ledger_links", "ledger_entity_counts", "ledger_promises",
                  "ledger_commitment_reach", "ledger_commitment_due")


def _insert_meta(conn: Connection, settings: LedgerSettings, stamp: str, as_of: str | None, actions: str) -> None:
    """The meta rows; ``actions`` are the actions promised (``incremental.promised_actions``), which
    the kept ``ledger_deciding`` rows were found for."""
    meta = {"settings": json.dumps(settings.to_dict(), sort_keys=True), "as_of": as_of or "",
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "fingerprint": stamp,
            "documents": "{}:{}".format(*stored_documents(conn)), "actions": actions}
    conn.executemany("INSERT INTO ledger_meta VALUES (?, ?)", sorted(meta.items()))


def generate_events(conn: Connection, n: int, *, seed: int = 0, parties: int = 40,
                    batch: int = 50_000) -> int:
    """Insert ``n`` synthetic merged events (random dyads among ``parties`` made-up codes, types and
    days over ten years) into the ledger tables, for the benchmark; returns how many were added."""
    events, added = synthetic_events(n, seed=seed, parties=parties), 0
    while added < n:
        conn.execute("BEGIN")
        added += insert_events(conn, itertools.islice(events, min(batch, n - added)))
        conn.execute("COMMIT")
    return added

