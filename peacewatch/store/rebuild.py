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
   ``pw_clusters``/``pw_members``/``pw_weeks``, with a bounded cache of the recently used ones;
   each merged event is written as soon as its (type, status class) is done;
3. commitments: the per-document promises are grouped through ``pw_promises``; each promise is
   decided over the events a SQL range query over ``pw_deciding`` (the events that happened and
   could keep or break some promise, by actor token and date) finds for it.

What stays in memory: the distinct coded entity names, a few caches of fixed size, one document
batch, one cluster's members at a time and one promise's candidate events.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..resolve.clusters import Cluster, cluster_sorted, plus, weeks
from ..resolve.commitments import (
    Found,
    Placed,
    build_commitment,
    commitment_found,
    decide,
    deciding_types,
    event_span,
    group_key,
    may_decide,
    placed,
    side_tokens,
)
from ..resolve.dates import day, interval
from ..resolve.entities import Links, Seen, entity_key, ledger_entity
from ..resolve.events import merged_event_of, timeline_day
from ..resolve.records import LedgerCommitment, MergedEvent
from ..resolve.reports import Report, code_token, reports_of, status_class
from ..resolve.settings import LedgerSettings
from ..types import Commitment, Entity, Result

K = TypeVar("K")
V = TypeVar("V")

# statements run one by one: ``executescript`` would commit the rebuild's open transaction
_TEMP = (
    "CREATE TEMP TABLE pw_keys (doc TEXT, entity TEXT, key TEXT, why TEXT, data TEXT)",
    "CREATE TEMP TABLE pw_entities (doc TEXT, entity TEXT, key TEXT, why TEXT, data TEXT)",
    "CREATE TEMP TABLE pw_reports (type TEXT, class TEXT, mode TEXT, days INTEGER, start INTEGER, doc TEXT,"
    " t0 INTEGER, t1 INTEGER, s0 INTEGER, s1 INTEGER, event TEXT, data BLOB)",
    "CREATE TEMP TABLE pw_clusters (idx INTEGER PRIMARY KEY, dated INTEGER, latest_start INTEGER,"
    " earliest_end INTEGER, actors INTEGER, recipients INTEGER)",
    "CREATE TEMP TABLE pw_parties (side INTEGER, token TEXT, cluster INTEGER, PRIMARY KEY (side, token, cluster))"
    " WITHOUT ROWID",
    "CREATE TEMP TABLE pw_members (cluster INTEGER, pos INTEGER, link TEXT, data BLOB, PRIMARY KEY (cluster, pos))",
    "CREATE TEMP TABLE pw_weeks (week INTEGER, cluster INTEGER)",
    "CREATE INDEX temp.pw_weeks_week ON pw_weeks (week)",
    "CREATE TEMP TABLE pw_deciding (event TEXT, type TEXT, token TEXT, start INTEGER, end INTEGER, toward INTEGER)",
    "CREATE TEMP TABLE pw_toward (event TEXT, token TEXT, PRIMARY KEY (token, event)) WITHOUT ROWID",
    "CREATE TEMP TABLE pw_promises (groupkey TEXT, doc TEXT, commitment TEXT, data BLOB)",
    "CREATE TEMP TABLE pw_built (made TEXT, id TEXT, data BLOB)",
)
_TEMP_TABLES = ("pw_keys", "pw_entities", "pw_reports", "pw_clusters", "pw_parties", "pw_members", "pw_weeks",
                "pw_deciding", "pw_toward", "pw_promises", "pw_built")
# the key of a per-document entity (the last one written under that id, as a dict would keep)
_KEY_OF = "SELECT key FROM pw_entities WHERE doc = ? AND entity = ? ORDER BY rowid DESC LIMIT 1"
_CACHE = 1024  # answers of each kind of lookup kept in memory at most
_CLUSTERS = 256  # clusters (with their members) kept in memory at most
_WRITE = 2000  # rows written per executemany
_EVENTS = 500  # merged events (with their mentions) held before they are written


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
    for table in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    for statement in _TEMP:
        conn.execute(statement)
    try:
        documents, as_of = _documents(conn, settings)
        entities = _fold_entities(conn, write_entity)
        events, reports = _merge_events(conn, settings, batch, write_events)
        promises = _track_commitments(conn, as_of, settings.horizon_days)
    finally:
        for table in _TEMP_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
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


class _Lookup(Mapping[K, V]):
    """A read-only mapping answered by one SQL query per key, with the last ``_CACHE`` answers kept.
    It can be asked, not listed: the keys live in the database."""

    def __init__(self, fetch: Callable[[K], V | None], size: int = _CACHE) -> None:
        self._fetch = fetch
        self._size = size
        self._cache: OrderedDict[K, V | None] = OrderedDict()

    def _find(self, key: K) -> V | None:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        found = self._cache[key] = self._fetch(key)
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return found

    def __getitem__(self, key: K) -> V:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: K, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is None else found

    def __iter__(self) -> Iterator[K]:
        raise TypeError("a database lookup cannot be listed")

    def __len__(self) -> int:
        raise TypeError("a database lookup cannot be counted")


def _one(conn: sqlite3.Connection, sql: str) -> Callable[[Any], Any]:
    def fetch(key: Any) -> Any:
        row = conn.execute(sql, key if isinstance(key, tuple) else (key,)).fetchone()
        return None if row is None else row[0] if len(row) == 1 else row
    return fetch


# --- entities ---------------------------------------------------------------------------------------------

def _fold_entities(conn: sqlite3.Connection, write_entity: Callable[[sqlite3.Connection, Iterator[Any]], int]
                   ) -> int:
    """``fold_entities`` through the database: keys first, then the links (which need every coded
    name), then one ledger entity at a time in id order."""
    links = Links()
    rows = conn.execute("SELECT x.doc_id, x.record FROM entities x JOIN documents d ON d.id = x.doc_id"
                        " WHERE d.error_code IS NULL ORDER BY x.doc_id, x.rowid")
    _write(conn, "INSERT INTO pw_keys VALUES (?, ?, ?, ?, ?)", (_keyed(links, doc, record) for doc, record in rows))
    rows = conn.execute("SELECT doc, entity, key, why, data FROM pw_keys ORDER BY rowid")
    _write(conn, "INSERT INTO pw_entities VALUES (?, ?, ?, ?, ?)", (_relinked(links, *row) for row in rows))
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


@dataclass(frozen=True)
class _EntityInfo:
    name: str
    code: str | None
    sector: str | None


def _entity_info(conn: sqlite3.Connection) -> _Lookup[str, _EntityInfo]:
    def fetch(ledger_id: str) -> _EntityInfo | None:
        row = conn.execute("SELECT name, code, json_extract(record, '$.sector') FROM ledger_entities WHERE id = ?",
                           (ledger_id,)).fetchone()
        return None if row is None else _EntityInfo(*row)
    return _Lookup(fetch)


# --- events ----------------------------------------------------------------------------------------------

def _merge_events(conn: sqlite3.Connection, settings: LedgerSettings, batch: int,
                  write_events: Callable[[sqlite3.Connection, list[MergedEvent]], int]) -> tuple[int, int]:
    """Write every report in canonical order to ``pw_reports``, cluster them as read back, and write
    each merged event, its mentions and, when it could decide a promise, its ``pw_deciding`` rows."""
    reports = _write_reports(conn, settings, batch)
    ids = _Lookup(_one(conn, _KEY_OF))
    info = _entity_info(conn)
    taken = _Taken(conn)
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
        taken.written()
        pending.clear()

    for found in cluster_sorted(_sorted_reports(conn), settings, lambda: _StoredBucket(conn)):
        pending.append(merged_event_of(found.members, found.links, ids, info, taken))
        events += 1
        if len(pending) >= _EVENTS:
            flush()
    flush()
    _reorder(conn, "ledger_events", "day, id")
    conn.execute("CREATE INDEX temp.pw_deciding_token ON pw_deciding (token, start)")
    return events, reports


def _write_reports(conn: sqlite3.Connection, settings: LedgerSettings, batch: int) -> int:
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
        from .ledger import stored_span_texts

        made = reports_of([Result.from_dict(d) for d in data.values()], id_map, settings,
                          stored_span_texts(conn, first, last))
        _write(conn, "INSERT INTO pw_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", map(_report_row, made))
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


class _StoredBucket:
    """The clusters of one (type, status class) in the temporary tables, found by week like
    ``clusters._Bucket`` and filtered in SQL by two things every member must agree with: their date
    window, and their parties (a member that names actors and shares none with the report cannot be
    the same event, so a cluster naming actors none of which the report names is no candidate; the
    same for recipients). The most recently used clusters stay in memory with their members."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self.cache: OrderedDict[int, Cluster] = OrderedDict()
        for table in ("pw_clusters", "pw_parties", "pw_members", "pw_weeks"):
            conn.execute(f"DELETE FROM {table}")

    def candidates(self, rep: Report, slack: dt.timedelta) -> Iterator[Cluster]:
        sql, args = "SELECT idx FROM pw_clusters WHERE 1", list[Any]()
        if rep.window is not None:
            first, last = rep.window.start - slack, plus(rep.window.end, slack)
            span = weeks(first, last)
            sql += (" AND (dated = 0 OR idx IN (SELECT cluster FROM pw_weeks WHERE week BETWEEN ? AND ?))"
                    " AND latest_start <= ? AND earliest_end >= ?")
            args += [span.start, span.stop - 1, last.toordinal(), first.toordinal()]
        for number, (column, side) in enumerate((("actors", rep.actors), ("recipients", rep.recipients))):
            if tokens := sorted(frozenset().union(*side)):
                sql += (f" AND ({column} = 0 OR idx IN (SELECT cluster FROM pw_parties WHERE side = {number}"
                        f" AND token IN ({', '.join('?' * len(tokens))})))")
                args += tokens
        for (index,) in self.conn.execute(sql + " ORDER BY idx", args).fetchall():
            yield self._get(index)

    def open(self) -> Cluster:
        home = Cluster(self.count)
        self.conn.execute("INSERT INTO pw_clusters VALUES (?, 0, ?, ?, 0, 0)",
                          (home.index, dt.date.min.toordinal(), dt.date.max.toordinal()))
        self.count += 1
        self._keep(home)
        return home

    def grew(self, cluster: Cluster, was_dated: bool) -> None:
        pos = len(cluster.members) - 1
        self.conn.execute("INSERT INTO pw_members VALUES (?, ?, ?, ?)", (
            cluster.index, pos, cluster.links[pos], pickle.dumps(cluster.members[pos], pickle.HIGHEST_PROTOCOL)))
        self.conn.execute("UPDATE pw_clusters SET dated = ?, latest_start = ?, earliest_end = ? WHERE idx = ?",
                          (int(cluster.dated), cluster.latest_start.toordinal(), cluster.earliest_end.toordinal(),
                           cluster.index))
        rep = cluster.members[pos]
        for number, (column, side) in enumerate((("actors", rep.actors), ("recipients", rep.recipients))):
            if side:
                self.conn.execute(f"UPDATE pw_clusters SET {column} = 1 WHERE idx = ?", (cluster.index,))
                self.conn.executemany("INSERT OR IGNORE INTO pw_parties VALUES (?, ?, ?)",
                                      ((number, token, cluster.index) for token in frozenset().union(*side)))
        if cluster.dated and not was_dated:
            self.conn.executemany("INSERT INTO pw_weeks VALUES (?, ?)", (
                (week, cluster.index) for week in weeks(cluster.latest_start, cluster.earliest_end)))
        self._keep(cluster)

    def clusters(self) -> Iterator[Cluster]:
        for index in range(self.count):
            found = self.cache.pop(index) if index in self.cache else self._load(index)
            yield found
        self.cache.clear()

    def _get(self, index: int) -> Cluster:
        found = self.cache.get(index)
        if found is None:
            found = self._load(index)
        self._keep(found)
        return found

    def _keep(self, cluster: Cluster) -> None:
        self.cache[cluster.index] = cluster
        self.cache.move_to_end(cluster.index)
        if len(self.cache) > _CLUSTERS:
            self.cache.popitem(last=False)

    def _load(self, index: int) -> Cluster:
        dated, start, end = self.conn.execute(
            "SELECT dated, latest_start, earliest_end FROM pw_clusters WHERE idx = ?", (index,)).fetchone()
        found = Cluster(index, latest_start=dt.date.fromordinal(start), earliest_end=dt.date.fromordinal(end),
                        dated=bool(dated))
        for link, data in self.conn.execute("SELECT link, data FROM pw_members WHERE cluster = ? ORDER BY pos",
                                            (index,)):
            found.members.append(pickle.loads(data))
            found.links.append(link)
        return found


class _Taken:
    """The merged ids given so far: those written to ``ledger_events`` and those not written yet."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.pending: set[str] = set()

    def __contains__(self, item: object) -> bool:
        return item in self.pending or self.conn.execute(
            "SELECT 1 FROM ledger_events WHERE id = ?", (item,)).fetchone() is not None

    def add(self, item: str) -> None:
        self.pending.add(item)

    def written(self) -> None:
        self.pending.clear()


def _promised_actions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The distinct actions promised anywhere (``Deciding``: what an event must be able to decide)."""
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

def _track_commitments(conn: sqlite3.Connection, as_of: dt.date | None, horizon_days: int) -> int:
    """Group the per-document promises, decide each one over the events found for it, write them."""
    ids: _Lookup[tuple[str, str], str] = _Lookup(_one(conn, _KEY_OF))
    origin: _Lookup[tuple[str, str], str] = _Lookup(_one(
        conn, "SELECT ledger_event FROM ledger_event_mentions WHERE doc_id = ? AND event = ?"))
    rows = conn.execute("SELECT d.id, d.published, c.record FROM commitments c JOIN documents d ON d.id = c.doc_id"
                        " WHERE d.error_code IS NULL ORDER BY c.doc_id, c.rowid")
    _write(conn, "INSERT INTO pw_promises VALUES (?, ?, ?, ?)", (
        _promise_row(commitment_found(doc, published, Commitment.from_dict(json.loads(record)), ids, origin))
        for doc, published, record in rows))
    events: _Lookup[str, MergedEvent] = _Lookup(lambda event_id: _event(conn, event_id))
    deciding: _Lookup[str, Placed] = _Lookup(lambda event_id: _slim(conn, event_id))
    entity = _entity_info(conn)
    codes: _Lookup[str, str] = _Lookup(lambda i: (code_token(e.code, e.sector) if (e := entity.get(i)) else None))
    _write(conn, "INSERT INTO pw_built VALUES (?, ?, ?)", (
        (c.made or "9999-12-31", c.id, pickle.dumps(c)) for c in
        (build_commitment(key, items, events) for key, items in _promise_groups(conn))))
    count = 0
    # decided in the order they are listed in, which is also by the day made: promises made close
    # in time are decided over much the same events, which the lookup then still holds
    for (data,) in conn.execute("SELECT data FROM pw_built ORDER BY made, id"):
        c = pickle.loads(data)
        promised = events.get(c.event or "")
        decide(c, _candidates(conn, c, codes, deciding, horizon_days), codes, as_of,
               promised.quantity if promised else None, horizon_days)
        conn.execute("INSERT INTO ledger_commitments VALUES (?, ?, ?, ?, ?, ?)",
                     (c.id, c.event, c.status, c.made, c.due, json.dumps(c.to_dict(), ensure_ascii=False)))
        count += 1
    return count


def _promise_row(found: Found) -> tuple[str, str, str, bytes]:
    return "\x1f".join(group_key(found)), found.doc, found.commitment.id, pickle.dumps(found)


def _promise_groups(conn: sqlite3.Connection) -> Iterator[tuple[tuple[str, ...], list[Found]]]:
    rows = conn.execute("SELECT groupkey, data FROM pw_promises ORDER BY groupkey, doc, commitment, rowid")
    key, items = None, list[Found]()
    for k, data in rows:
        if k != key and items:
            yield tuple((key or "").split("\x1f")), items
            items = []
        key = k
        items.append(pickle.loads(data))
    if items:
        yield tuple((key or "").split("\x1f")), items


def _event(conn: sqlite3.Connection, event_id: str) -> MergedEvent | None:
    from .ledger import merged_event

    row = conn.execute("SELECT record FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else merged_event(json.loads(row[0]))


def _slim(conn: sqlite3.Connection, event_id: str) -> Placed | None:
    """The event as a promise is decided over: without its mentions and why, which are never read."""
    found = _event(conn, event_id)
    return None if found is None else placed(replace(found, mentions=[], why=""))


def _candidates(conn: sqlite3.Connection, c: LedgerCommitment, codes: _Lookup[str, str],
                events: _Lookup[str, Placed], horizon_days: int) -> list[Placed]:
    """The events that happened and could decide this promise, in timeline order: those of a type
    that can keep or break its action, by an obligor (any, when none is known), toward a
    beneficiary or nobody named (any, when none is known), whose date may follow the day it was
    made (``_follows``). ``decide`` applies every condition again; this only keeps the others out."""
    made = interval(c.made)
    types = deciding_types(c.action)
    if made is None or types == frozenset():
        return []
    tokens = sorted({t for i in c.obligor for t in (i, codes.get(i)) if t}) if c.obligor else [""]
    sql = (f"SELECT DISTINCT event FROM pw_deciding WHERE token IN ({', '.join('?' * len(tokens))})"
           " AND start <= ? AND end > ?")
    args: list[Any] = [*tokens, (made.end + dt.timedelta(days=horizon_days)).toordinal(), made.start.toordinal()]
    if types is not None:
        sql += f" AND type IN ({', '.join('?' * len(types))})"
        args += sorted(types)
    if toward := sorted({t for i in c.beneficiary for t in (i, codes.get(i)) if t}):
        sql += (" AND (toward = 0 OR event IN (SELECT event FROM pw_toward WHERE token IN"
                f" ({', '.join('?' * len(toward))})))")
        args += toward
    found = [e for (event_id,) in conn.execute(sql, args).fetchall() if (e := events.get(event_id)) is not None]
    found.sort(key=lambda p: (timeline_day(p.event) or dt.date.max, p.event.id))
    return found


# --- writing ---------------------------------------------------------------------------------------------

def _write(conn: sqlite3.Connection, sql: str, rows: Iterator[tuple[Any, ...]]) -> None:
    """``executemany`` over an iterator, ``_WRITE`` rows at a time (a cursor read from the same
    connection may feed it)."""
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _WRITE:
            conn.executemany(sql, chunk)
            chunk.clear()
    if chunk:
        conn.executemany(sql, chunk)


def _reorder(conn: sqlite3.Connection, table: str, order: str) -> None:
    """Rewrite a ledger table in the order a build in memory inserts it, through a temporary table."""
    conn.execute(f"CREATE TEMP TABLE pw_sorted AS SELECT * FROM {table} ORDER BY {order}")
    conn.execute(f"DELETE FROM {table}")
    conn.execute(f"INSERT INTO {table} SELECT * FROM pw_sorted ORDER BY rowid")
    conn.execute("DROP TABLE temp.pw_sorted")
