"""Rebuilding the ledger tables in memory that does not grow with the database.

``build_tables`` writes what the pure ``peacewatch.resolve.build_ledger`` computes from the stored
per-document records, table for table and row for row, but keeps everything that grows with the
number of documents in temporary SQLite tables (on disk, dropped at the end) instead of Python
objects:

1. entities: each per-document entity's key is written beside it (``pw_keys``); only the
   distinct coded names are held, for the cross-document links (``resolve.entities.Links``); the
   ledger entities are then written one at a time, reading the keys back in id order;
2. events: the reports are made document batch by document batch and written with their
   canonical sort key (``pw_reports``); read back in that order, they are clustered by the same
   code as in memory (``resolve.clusters``), but each (type, status class) keeps its clusters in
   ``pw_clusters``/``pw_members``/``pw_weeks``/``pw_parties`` (``stored_clusters``), with a
   bounded cache of the recently used ones;
   each merged event is written as soon as its (type, status class) is done;
3. commitments (``promises``): the per-document promises are grouped through ``pw_promises``;
   each promise is decided over the events a SQL query over ``pw_deciding`` (the events that
   happened and could keep or break some promise, by type, actor, recipient and date) finds.

What stays in memory: the distinct coded entity names, a few caches of fixed size, one document
batch, one cluster's members at a time and one promise's candidate events.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..resolve.clusters import cluster_sorted
from ..resolve.commitments import event_span, may_decide, placed, side_tokens
from ..resolve.dates import day
from ..resolve.entities import Links, Seen, entity_key, ledger_entity
from ..resolve.events import merged_event_of
from ..resolve.records import MergedEvent
from ..resolve.reports import Report, reports_of, status_class
from ..resolve.settings import LedgerSettings
from ..types import Entity, Result
from . import scratch
from .promises import track_stored_commitments
from .scratch import KEY_OF, Lookup, entity_info, one, reorder, write
from .stored_clusters import StoredBucket, Taken


@dataclass
class Built:
    """Counts of what ``build_tables`` wrote."""

    documents: int
    entities: int
    events: int
    reports: int
    commitments: int
    as_of: dt.date | None


def build_tables(conn: sqlite3.Connection, settings: LedgerSettings, batch: int,
                 write_entity: Callable[[sqlite3.Connection, Iterator[Any]], int],
                 write_events: Callable[[sqlite3.Connection, list[MergedEvent]], int]) -> Built:
    """Fill the (emptied) ledger tables except ``ledger_meta``; ``batch`` documents are read at a
    time, ``write_entity`` and ``write_events`` are the store's own writers."""
    scratch.create(conn)
    try:
        documents, as_of = _documents(conn, settings)
        entities = _fold_entities(conn, write_entity)
        events, reports = _merge_events(conn, settings, batch, write_events)
        promises = track_stored_commitments(conn, as_of, settings.horizon_days)
    finally:
        scratch.drop(conn)
    return Built(documents, entities, events, reports, promises, as_of)


def _documents(conn: sqlite3.Connection, settings: LedgerSettings) -> tuple[int, dt.date | None]:
    """How many documents the ledger is built from, and its ``as_of`` day (``ledger_as_of``)."""
    count, newest = 0, None
    for (published,) in conn.execute("SELECT published FROM documents WHERE error_code IS NULL"):
        count += 1
        if (d := day(published)) is not None and (newest is None or d > newest):
            newest = d
    return count, day(settings.as_of) or newest


def _doc_batches(conn: sqlite3.Connection, size: int) -> Iterator[list[tuple[str, str | None]]]:
    """(id, published) of the documents that did not fail, in id order, ``size`` at a time."""
    sql = "SELECT id, published FROM documents WHERE error_code IS NULL AND id > ? ORDER BY id LIMIT ?"
    rows = conn.execute("SELECT id, published FROM documents WHERE error_code IS NULL ORDER BY id LIMIT ?",
                        (size,)).fetchall()
    while rows:
        yield rows
        rows = conn.execute(sql, (rows[-1][0], size)).fetchall()


# --- entities ---------------------------------------------------------------------------------------------

def _fold_entities(conn: sqlite3.Connection, write_entity: Callable[[sqlite3.Connection, Iterator[Any]], int]
                   ) -> int:
    """``fold_entities`` through the database: keys first, then the links (which need every coded
    name), then one ledger entity at a time in id order."""
    links = Links()
    rows = conn.execute("SELECT x.doc_id, x.record FROM entities x JOIN documents d ON d.id = x.doc_id"
                        " WHERE d.error_code IS NULL ORDER BY x.doc_id, x.rowid")
    write(conn, "INSERT INTO pw_keys VALUES (?, ?, ?, ?, ?)", (_keyed(links, doc, record) for doc, record in rows))
    rows = conn.execute("SELECT doc, entity, key, why, data FROM pw_keys ORDER BY rowid")
    write(conn, "INSERT INTO pw_entities VALUES (?, ?, ?, ?, ?)", (_relinked(links, *row) for row in rows))
    conn.execute("CREATE INDEX temp.pw_entities_doc ON pw_entities (doc, entity)")
    conn.execute("CREATE INDEX temp.pw_entities_key ON pw_entities (key, doc, entity)")
    conn.execute("INSERT OR IGNORE INTO ledger_entity_sources SELECT doc, entity, key FROM pw_entities")
    return write_entity(conn, _ledger_entities(conn))


def _keyed(links: Links, doc: str, record: str) -> tuple[str, str, str, str, str]:
    data = {k: v for k, v in json.loads(record).items() if k not in ("why", "members")}
    entity = Entity.from_dict(data)
    key = entity_key(entity)
    links.see(entity, key)
    return doc, entity.id, key, f"key {key}", json.dumps(data)


def _relinked(links: Links, doc: str, entity_id: str, key: str, why: str, data: str
              ) -> tuple[str, str, str, str, str]:
    if found := links.relink(Entity.from_dict(json.loads(data))):
        key, why = found
    return doc, entity_id, key, why, data


def _ledger_entities(conn: sqlite3.Connection) -> Iterator[Any]:
    """The ledger entities in id order, each built from its per-document entities."""
    rows = conn.execute("SELECT key, doc, why, data FROM pw_entities ORDER BY key, doc, entity, rowid")
    key, items = None, list[Seen]()
    for k, doc, why, data in rows:
        if k != key and items:
            yield ledger_entity(key or "", items, {})
            items = []
        key = k
        items.append(Seen(doc, Entity.from_dict(json.loads(data)), k, why))
    if items:
        yield ledger_entity(key or "", items, {})


# --- events ----------------------------------------------------------------------------------------------

def _merge_events(conn: sqlite3.Connection, settings: LedgerSettings, batch: int,
                  write_events: Callable[[sqlite3.Connection, list[MergedEvent]], int]) -> tuple[int, int]:
    """Write every report in canonical order to ``pw_reports``, cluster them as read back, and write
    each merged event, its mentions and, when it could decide a promise, its ``pw_deciding`` rows."""
    reports = _write_reports(conn, settings, batch)
    ids = Lookup(one(conn, KEY_OF))
    info = entity_info(conn)
    taken = Taken(conn)
    actions = _promised_actions(conn)
    pending: list[MergedEvent] = []
    events = 0

    def flush() -> None:
        write_events(conn, pending)
        conn.executemany("INSERT OR IGNORE INTO ledger_event_mentions VALUES (?, ?, ?)",
                         ((m.doc, m.event, e.id) for e in pending for m in e.mentions))
        deciding = [e for e in pending if may_decide(actions, e)]
        conn.executemany("INSERT INTO pw_deciding VALUES (?, ?, ?, ?, ?, ?)",
                         (row for e in deciding for row in _deciding_rows(e)))
        conn.executemany("INSERT OR IGNORE INTO pw_toward VALUES (?, ?)",
                         ((e.id, token) for e in deciding for token in side_tokens(e.recipient)))
        conn.executemany("INSERT INTO pw_placed VALUES (?, ?)", ((e.id, pickle.dumps(
            placed(replace(e, mentions=[], why="")), pickle.HIGHEST_PROTOCOL)) for e in deciding))
        taken.written()
        pending.clear()

    for found in cluster_sorted(_sorted_reports(conn), settings, lambda: StoredBucket(conn)):
        pending.append(merged_event_of(found.members, found.links, ids, info, taken))
        events += 1
        if len(pending) >= scratch.EVENTS:
            flush()
    flush()
    reorder(conn, "ledger_events", "day, id")
    conn.execute("CREATE INDEX temp.pw_deciding_token ON pw_deciding (token, start)")
    return events, reports


def _write_reports(conn: sqlite3.Connection, settings: LedgerSettings, batch: int) -> int:
    """Make the reports ``batch`` documents at a time and write them with their sort keys."""
    from .ledger import stored_span_texts  # ledger imports this module

    count = 0
    for chunk in _doc_batches(conn, batch):
        first, last = chunk[0][0], chunk[-1][0]
        data: dict[str, dict[str, Any]] = {d: {"id": d, "published": p, "events": []} for d, p in chunk}
        for doc, record in conn.execute("SELECT doc_id, record FROM events WHERE doc_id >= ? AND doc_id <= ?"
                                        " ORDER BY doc_id, rowid", (first, last)):
            if doc in data:
                data[doc]["events"].append({k: v for k, v in json.loads(record).items()
                                            if k not in ("why", "date_span")})
        id_map = {(d, e): k for d, e, k in conn.execute(
            "SELECT doc, entity, key FROM pw_entities WHERE doc >= ? AND doc <= ? ORDER BY rowid", (first, last))}
        made = reports_of([Result.from_dict(d) for d in data.values()], id_map, settings,
                          stored_span_texts(conn, first, last))
        write(conn, "INSERT INTO pw_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", map(_report_row, made))
        count += len(made)
    return count


def _report_row(rep: Report) -> tuple[Any, ...]:
    """The report with its ``sort_key`` spelt out in columns SQLite orders the same way."""
    ev = rep.event
    stated = rep.stated
    return (ev.type, status_class(ev.status), ev.mode or "", stated.days if stated else 10**6,
            (stated.start if stated else dt.date.max).toordinal(), rep.doc, ev.trigger_span[0], ev.trigger_span[1],
            ev.span[0], ev.span[1], ev.id, pickle.dumps(rep, protocol=pickle.HIGHEST_PROTOCOL))


def _sorted_reports(conn: sqlite3.Connection) -> Iterator[Report]:
    rows = conn.execute("SELECT data FROM pw_reports ORDER BY type, class, mode, days, start, doc, t0, t1, s0, s1,"
                        " event, rowid")
    for (data,) in rows:
        yield pickle.loads(data)


def _promised_actions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The distinct actions promised anywhere: an event is kept for deciding promises when it could
    keep or break one of them (``may_decide``)."""
    rows = conn.execute(
        "SELECT DISTINCT json_extract(c.record, '$.action.type'), json_extract(c.record, '$.action.mode')"
        " FROM commitments c JOIN documents d ON d.id = c.doc_id WHERE d.error_code IS NULL")
    return [{"type": t, "mode": m} for t, m in sorted(rows, key=str)]


def _deciding_rows(event: MergedEvent) -> Iterator[tuple[str, str, str, int, int, int]]:
    """One row per actor token (and one with no token), with the event's date as ordinals and
    whether it names recipients (``pw_toward`` lists their tokens)."""
    span = event_span(event)
    if span is None:
        return
    for token in ("", *sorted(side_tokens(event.actor))):
        yield event.id, event.type, token, span.start.toordinal(), span.end.toordinal(), int(bool(event.recipient))


# --- commitments -----------------------------------------------------------------------------------------

# --- writing ---------------------------------------------------------------------------------------------

