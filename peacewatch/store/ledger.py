"""The ledger in the database: rebuilt from the stored per-document records, queried by dyad.

``rebuild_ledger`` runs the resolve stage (``peacewatch.resolve.stage.build``, the same code as the
pure ``build_ledger``) over the stored records (``source.StoredSource``) with its work kept in
temporary tables (``space.SqliteSpace``), writing the ledger tables (migration 0002) in one
transaction and in memory that does not grow with the database. ``ledger_state`` tells, reading
only, whether the ledger is up to date with the documents and the code that builds it. The query
functions read the ledger tables only; a dyad timeline is one range scan of the ``ledger_dyads``
primary key.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..errors import StoreError
from ..resolve import Ledger, LedgerCommitment, LedgerSettings, MergedEvent
from ..resolve.dyads import DyadView, dyad_view, party_token
from ..resolve.records import EventMention
from ..resolve.stage import build
from ..resolve.synthetic import synthetic_events
from ..types import Argument, Result
from . import scratch
from .source import StoredSource, stored_span_texts
from .space import SqliteSpace
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
            ("store", "writers.py"), ("store/migrations", "*.sql"))
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


def rebuild_ledger(
    conn: sqlite3.Connection, settings: LedgerSettings | dict[str, Any] | None = None, *, force: bool = False
) -> LedgerStats | None:
    """Rebuild every ledger table from the per-document records with these settings, in one
    transaction.

    Returns None without doing anything when the ledger is up to date (``fingerprint``: neither the
    documents, the settings nor the code and tables that shape the ledger changed since the last
    build), unless ``force``.
    """
    if not isinstance(settings, LedgerSettings):
        settings = LedgerSettings.from_dict(settings)
    stamp = fingerprint(conn, settings)
    if not force and _meta(conn).get("fingerprint") == stamp:
        return None
    try:
        conn.execute("BEGIN")
        for table in _LEDGER_TABLES:
            conn.execute(f"DELETE FROM {table}")
        stats = _build(conn, settings, stamp)
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"cannot write the ledger tables: {e}", "E040") from e
    return stats


def _build(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str) -> LedgerStats:
    """Run the resolve stage over the stored records with its work in temporary tables, then write
    the meta row."""
    scratch.create(conn)
    try:
        built = build(StoredSource(conn, _BATCH), SqliteSpace(conn), settings)
    finally:
        scratch.drop(conn)
    as_of = built.as_of.isoformat() if built.as_of else None
    _insert_meta(conn, settings, stamp, as_of)
    return LedgerStats(built.documents, built.entities, built.events, built.reports, built.commitments, as_of)


def fingerprint(conn: sqlite3.Connection, settings: LedgerSettings) -> str:
    """What the ledger was built from: the documents (their count and newest row), the settings,
    and the rules: the peacewatch version and every source file and table that shapes the ledger
    (``_SHAPERS``)."""
    count, last = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()
    digest = hashlib.sha256(f"{count}:{last}:{__version__}:".encode())
    digest.update(json.dumps(settings.to_dict(), sort_keys=True).encode())
    package = resources.files("peacewatch")
    for folder, pattern in _SHAPERS:
        where = package.joinpath(*folder.split("/")) if folder else package
        for entry in sorted(where.iterdir(), key=lambda e: e.name):
            if fnmatch.fnmatchcase(entry.name, pattern):
                digest.update(f"{folder}/{entry.name}:".encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:24]


def ledger_state(conn: sqlite3.Connection, settings: LedgerSettings | None = None) -> LedgerState:
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


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM ledger_meta").fetchall())


_LEDGER_TABLES = ("ledger_meta", "ledger_entities", "ledger_entity_sources", "ledger_events",
                  "ledger_event_mentions", "ledger_dyads", "ledger_commitments")


def _insert_meta(conn: sqlite3.Connection, settings: LedgerSettings, stamp: str, as_of: str | None) -> None:
    meta = {"settings": json.dumps(settings.to_dict(), sort_keys=True), "as_of": as_of or "",
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "fingerprint": stamp}
    conn.executemany("INSERT INTO ledger_meta VALUES (?, ?)", sorted(meta.items()))


def events_for_dyad(
    conn: sqlite3.Connection, a: str, b: str, since: str | None = None, until: str | None = None,
    type: str | None = None,  # noqa: A002 - the name the CLI option uses
) -> list[MergedEvent]:
    """The merged events of the dyad (a, b), in timeline order; a, b are codes or ledger entity ids."""
    x, y = sorted((party_token(a), party_token(b)))
    sql = ("SELECT e.record FROM ledger_dyads d JOIN ledger_events e ON e.id = d.event_id"
           " WHERE d.a = ? AND d.b = ? AND d.day >= ? AND d.day <= ?")
    args: list[str] = [x, y, since or "0000-00-00", until or UNKNOWN_DAY]
    if type:
        sql += " AND d.type = ?"
        args.append(type)
    sql += " ORDER BY d.day, d.event_id"
    return [merged_event(json.loads(r[0])) for r in conn.execute(sql, args)]


def merged_event(d: dict[str, Any]) -> MergedEvent:
    """``MergedEvent.from_dict`` for the records this module wrote, without its per-field
    introspection (a third of a dyad query's time over a million events)."""
    return MergedEvent(
        id=d["id"], type=d["type"], mode=d.get("mode"), context=list(d.get("context") or []),
        status=d.get("status", "occurred"), actor=[Argument(**a) for a in d.get("actor") or []],
        recipient=[Argument(**a) for a in d.get("recipient") or []], date=d.get("date"),
        location=d.get("location"), quantity=d.get("quantity"), reported_by=d.get("reported_by"),
        score=d.get("score"), cameo=d.get("cameo"), quad=d.get("quad"),
        mentions=[EventMention(m["doc"], m["event"], (m["trigger_span"][0], m["trigger_span"][1]),
                               (m["span"][0], m["span"][1]), m.get("published"), m.get("date"),
                               m.get("status", "occurred")) for m in d.get("mentions") or []],
        first_reported=d.get("first_reported"), why=d.get("why", ""),
    )


def commitments(conn: sqlite3.Connection, status: str | None = None) -> list[LedgerCommitment]:
    """Ledger commitments (of one status, if given), oldest promise first."""
    sql = "SELECT record FROM ledger_commitments"
    order = " ORDER BY coalesce(made, '9999-12-31'), id"
    rows = conn.execute(sql + " WHERE status = ?" + order, (status,)) if status else conn.execute(sql + order)
    return [LedgerCommitment.from_dict(json.loads(r[0])) for r in rows]


def timeline(conn: sqlite3.Connection, a: str, b: str) -> DyadView:
    """The dyad's timeline, weekly and monthly aggregates and negotiation record."""
    return dyad_view(events_for_dyad(conn, a, b), a, b)


def load_ledger(conn: sqlite3.Connection) -> Ledger:
    """The whole stored ledger as records (for export and tests)."""
    from ..resolve.records import LedgerEntity

    meta = _meta(conn)
    return Ledger(
        as_of=meta.get("as_of") or None,
        documents=[r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE error_code IS NULL ORDER BY id")],
        entities=[LedgerEntity.from_dict(json.loads(r[0]))
                  for r in conn.execute("SELECT record FROM ledger_entities ORDER BY id")],
        events=[merged_event(json.loads(r[0]))
                for r in conn.execute("SELECT record FROM ledger_events ORDER BY day, id")],
        commitments=commitments(conn),
    )


def ledger_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Merged records for ``export``: table is events, commitments or entities."""
    names = {"events": "ledger_events ORDER BY day, id",
             "commitments": "ledger_commitments ORDER BY coalesce(made, '9999-12-31'), id",
             "entities": "ledger_entities ORDER BY id"}
    if table not in names:
        raise StoreError(f"unknown ledger table {table!r}; choose one of {', '.join(names)}", "E042")
    for row in conn.execute(f"SELECT record FROM {names[table]}"):
        yield json.loads(row[0])


def write_report(conn: sqlite3.Connection, a: str, b: str, path: str | Path) -> Path:
    """Write the self-contained HTML report of the dyad (a, b) to ``path``."""
    from ..serve.report import ReportDocument, render_report

    view = timeline(conn, a, b)
    promises = dyad_commitments(conn, view)
    wanted = sorted({m.doc for e in view.events for m in e.mentions})
    docs = [ReportDocument(r[0], r[1], r[2], r[3], r[4]) for r in _documents(conn, wanted)]
    names = dict(conn.execute("SELECT id, name FROM ledger_entities").fetchall())
    out = Path(path)
    try:
        out.write_text(render_report(view, promises, docs, names), encoding="utf-8")
    except OSError as e:
        raise StoreError(f"cannot write the report to {out}: {e.strerror}", "E040") from e
    return out


def dyad_commitments(conn: sqlite3.Connection, view: DyadView) -> list[LedgerCommitment]:
    """Commitments whose promise, or the events that decided them, are in the dyad."""
    ids = {e.id for e in view.events}
    return [c for c in commitments(conn)
            if c.event in ids or set(c.fulfilled_by) & ids or set(c.broken_by) & ids]


def _documents(conn: sqlite3.Connection, ids: list[str]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        out += conn.execute(f"SELECT id, title, published, url, text FROM documents WHERE id IN ({marks})"
                            " ORDER BY id", chunk).fetchall()
    return out


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

