"""The ledger brought up to date with the documents stored since its last build: updated in place
where the change is local (``peacewatch.resolve.incremental``), else rebuilt, saying which and why.

``update_ledger`` is what ``ingest`` and ``resolve`` run (``flow.resolve``). In one write
transaction it checks the ledger's fingerprint as ``rebuild_ledger`` does; when only documents were
added since the last build, it updates the ledger inside a savepoint with ``UpdatingSpace`` (the
store's space, plus the tables that find the units new reports reach); when that gives up, or the
change is not local to begin with, the savepoint is rolled back and the whole ledger rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..resolve import LedgerSettings
from ..resolve.incremental import update
from ..timespan import day
from . import scratch
from .dialect import Connection
from .ledger import (
    _LEDGER_TABLES,
    LedgerStats,
    _build,
    _insert_meta,
    _meta,
    fingerprint,
    ledger_write,
    stored_documents,
)
from .source import StoredSource
from .updating import BATCH, TEMP_NAMES, UpdatingSpace, create_tables

# the events, entities and commitments the update keeps or rewrites; the rest is rebuilt whole
_REWRITTEN = ("ledger_agreements",
              "ledger_corrections", "ledger_correction_reports", "ledger_meta")


def update_ledger(conn: Connection, settings: LedgerSettings | dict[str, Any] | None = None, *,
                  force: bool = False) -> LedgerStats | None:
    """Bring the ledger up to date: None when it was; else what was built, with ``path``
    ("incremental" or "full") and ``why``. ``force`` rebuilds whole even when nothing changed.

    On PostgreSQL the checks run on the server, under the write lock ``ledger_write`` takes (the
    advisory lock of the rebuild); the update itself runs in a local SQLite scratch file holding
    the per-document records and the ledger tables (``pg_rebuild.build_in_scratch``), as the
    rebuild's work does, and the ledger tables are copied back in the same locked transaction."""
    if not isinstance(settings, LedgerSettings):
        settings = LedgerSettings.from_dict(settings)
    with ledger_write(conn):
        stamp = fingerprint(conn, settings)
        meta = _meta(conn)
        if not force and meta.get("fingerprint") == stamp:
            return None
        why = "forced" if force else not_local(conn, settings, meta)
        counted = _counted(meta)
        if why or counted is None:
            return _rebuild(conn, settings, stamp, why)
        last = counted[1]
        if isinstance(conn, sqlite3.Connection):
            return _update_or_rebuild(conn, settings, stamp, last)
        from .pg_rebuild import build_in_scratch

        return build_in_scratch(conn, lambda work: _update_or_rebuild(work, settings, stamp, last), _LEDGER_TABLES,
                                carried=True)


def _update_or_rebuild(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str, last: int) -> LedgerStats:
    """The update in a savepoint; when it gives up, the savepoint rolled back and the ledger rebuilt."""
    conn.execute("SAVEPOINT pw_update")
    stats, why = _update(conn, settings, stamp, last)
    if stats is not None:
        conn.execute("RELEASE pw_update")
        return stats
    conn.execute("ROLLBACK TO pw_update")
    conn.execute("RELEASE pw_update")
    return _rebuild(conn, settings, stamp, why)


def not_local(conn: Connection, settings: LedgerSettings, meta: dict[str, str]) -> str:
    """Why the ledger cannot be updated in place but must be rebuilt ("" when it can be): see
    ``peacewatch.resolve.incremental``. Reads only."""
    if "fingerprint" not in meta:
        return "a stored document was replaced by a new version" if meta.get("documents") else "no ledger yet"
    counted = _counted(meta)
    if counted is None:
        return "the ledger does not record which documents it was built from"
    if fingerprint(conn, settings, counted) != meta["fingerprint"]:
        if meta.get("settings") != json.dumps(settings.to_dict(), sort_keys=True):
            return "the [ledger] settings changed"
        return "the code that builds the ledger or the analysts' corrections changed"
    if conn.execute("SELECT 1 FROM corrections LIMIT 1").fetchone() is not None:
        return "analysts' corrections are applied across the whole ledger"
    count, last = counted
    added = conn.execute("SELECT count(*) FROM documents WHERE rowid > ?", (last,)).fetchone()[0]
    if stored_documents(conn)[0] != count + added:
        return "a stored document was removed or replaced"
    return ""


def _counted(meta: dict[str, str]) -> tuple[int, int] | None:
    """(count, newest row) of the documents the ledger was built from, as ``ledger_meta`` has it."""
    parts = meta.get("documents", "").split(":")
    return (int(parts[0]), int(parts[1])) if len(parts) == 2 and all(p.isdigit() for p in parts) else None


def _rebuild(conn: Connection, settings: LedgerSettings, stamp: str, why: str) -> LedgerStats:
    for table in _LEDGER_TABLES:
        conn.execute(f"DELETE FROM {table}")
    stats = _build(conn, settings, stamp)
    stats.path, stats.why = "full", why
    return stats


def _update(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str, last: int
            ) -> tuple[LedgerStats | None, str]:
    """The ledger updated in place for the documents after row ``last``, or (None, why not)."""
    scratch.create(conn)
    create_tables(conn)
    try:
        meta = _meta(conn)
        for table in _REWRITTEN:
            conn.execute(f"DELETE FROM {table}")
        space = UpdatingSpace(conn, last, meta.get("actions", ""), day(meta.get("as_of")))
        done = update(StoredSource(conn, BATCH), space, settings)
        if done.built is None:
            return None, done.why
        b = done.built
        as_of = b.as_of.isoformat() if b.as_of else None
        _insert_meta(conn, settings, stamp, as_of, space.actions)
        moved = f" (and {done.moved} earlier one(s) whose entities moved)" if done.moved else ""
        if space.renamed:
            moved += f" (and the events of {space.renamed} whose entities were renamed)"
        decided = b.commitments if done.decided is None else done.decided
        why = (f"{space.new} new document(s){moved}: {space.clustered} of {b.reports} reports clustered again,"
               f" {space.gone} merged event(s) replaced, {decided} of {b.commitments} commitment(s) decided again")
        return LedgerStats(b.documents, b.entities, b.events, b.reports, b.commitments, as_of, b.agreements,
                           "incremental", why), ""
    finally:
        scratch.drop(conn)
        for table in TEMP_NAMES:
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
