"""The resolve stage's space in SQLite: the ledger of any size in memory that does not grow with it.

``SqliteSpace`` keeps what ``peacewatch.resolve.stage`` hands it in the temporary tables of
``scratch`` (on disk, dropped at the end) and writes the ledger tables as it goes; what it holds in
memory is a few caches of fixed size. It only keeps, orders and finds: every decision is the
stage's, the same as over ``resolve.memory.MemorySpace``.

- entities: the per-document entities with their own key (``pw_keys``), then with their final key
  (``pw_entities``, also ``ledger_entity_sources``); each ledger entity is written with its
  mentions joined from the per-document ``mentions`` table, one entity's at a time;
- events: the reports with their canonical sort key spelt out in columns (``pw_reports``); the
  clusters of one (type, status class) in ``pw_clusters``/``pw_members``/``pw_find``/``pw_weeks``/``pw_docs``
  and ``pw_said`` (``StoredBucket``), with a bounded cache of the recently used ones; the merged events straight to
  ``ledger_events`` (with ``ledger_event_mentions`` and ``ledger_dyads``), and those that could
  decide a promise in ``pw_deciding``/``pw_toward``/``pw_placed``, found again by a SQL query;
- commitments: the per-document promises grouped through ``pw_promises``, the built ones ordered
  through ``pw_built``, the decided ones written to ``ledger_commitments``.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..resolve.agreements import agreement_day
from ..resolve.clusters import (
    ANY_OF_DOC,
    Cluster,
    member_keys,
    near_keys,
    own_keys,
    plus,
    report_keys,
    said_keys,
    weeks,
)
from ..resolve.commitment_reports import Found
from ..resolve.commitments import Placed
from ..resolve.entities import Seen
from ..resolve.events import EntityInfo, timeline_day
from ..resolve.records import Agreement, LedgerCommitment, LedgerEntity, MergedEvent
from ..resolve.reports import Report, merge_kind, status_class
from ..types import Entity
from . import scratch
from .scratch import KEY_OF, Lookup, entity_info, one, reorder, write
from .writers import insert_events, write_entities

# The canonical order of reports (``Report.sort_key``) in SQL: the full sweep and the incremental
# update's sweep of the reached units read them in it.
REPORT_ORDER = "type, class, mode, days, start, doc, t0, t1, s0, s1, event, rowid"


class StoredBucket:
    """The clusters of one (type, status class) in the temporary tables, found as
    ``clusters.MemoryBucket`` finds them (``clusters.report_keys``): a dated cluster by (key, week)
    in ``pw_find``, or by week alone in ``pw_weeks`` for a report naming no actor, then by its date
    window; an undated one by its documents (``pw_docs``); for a report whose evidence can only be in
    its own document, by the clause and wording keys of that document's members (``pw_said``,
    ``clusters.own_keys``); for a report naming an actor and stating no date, its document's clusters
    by those keys and its sides (``clusters.near_keys``), the others by (key, week) in the other
    documents (``pw_find`` keeps the document of the member that brought each key). Every lookup
    seeks an index, so a report costs the clusters that share a week and a party (or a clause or
    wording) with it, not the bucket's. The most recently used clusters stay in memory with their
    members."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self.cache: OrderedDict[int, Cluster] = OrderedDict()
        self.weeks_of: dict[int, range] = {}  # the weeks each dated cluster is indexed under (recent ones)
        self.keys_of: dict[int, frozenset[tuple[str, str]]] = {}  # its (key, document) pairs (recent ones)
        for table in ("pw_clusters", "pw_find", "pw_docs", "pw_members", "pw_weeks", "pw_said"):
            conn.execute(f"DELETE FROM {table}")

    def candidates(self, rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> Iterator[Cluster]:
        sql, args = self.query(rep, slack, similarity)
        for (index,) in self.conn.execute(sql, args).fetchall():
            yield self._get(index)

    @staticmethod
    def query(rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> tuple[str, list[Any]]:
        """The SQL that finds the clusters that could take ``rep``, with its parameters."""
        undated = "SELECT d.cluster FROM pw_docs d JOIN pw_clusters c ON c.idx = d.cluster WHERE d.doc = ?"
        if rep.window is None:
            return undated + " ORDER BY 1", [rep.doc]
        first, last = rep.window.start - slack, plus(rep.window.end, slack)
        span, keys, own = weeks(first, last), report_keys(rep), own_keys(rep, similarity)
        args: list[Any] = []
        near = near_keys(rep, similarity)
        if own == ANY_OF_DOC:
            return undated + " ORDER BY 1", [rep.doc]
        if own is not None:
            found = f"SELECT cluster FROM pw_said WHERE doc = ? AND key IN ({', '.join('?' * len(own))})"
            return (f"SELECT idx FROM pw_clusters WHERE idx IN ({found}) AND latest_start <= ? AND earliest_end >= ?"
                    " ORDER BY 1", [rep.doc, *sorted(own), last.toordinal(), first.toordinal()])
        if keys is None:
            found, args = "SELECT cluster FROM pw_weeks WHERE week BETWEEN ? AND ?", [span.start, span.stop - 1]
        elif near is not None and near != ANY_OF_DOC:  # its document's clusters by their members' keys
            keyed = (f"SELECT cluster FROM pw_find WHERE key IN ({', '.join('?' * len(keys))})"
                     f" AND week IN ({', '.join('?' * len(span))})")
            found = (f"{keyed} AND doc < ? UNION ALL {keyed} AND doc > ? UNION ALL SELECT cluster FROM pw_said"
                     f" WHERE doc = ? AND key IN ({', '.join('?' * len(near))})")
            args = [*sorted(keys), *span, rep.doc, *sorted(keys), *span, rep.doc, rep.doc, *sorted(near)]
            return (f"SELECT idx FROM pw_clusters WHERE idx IN ({found}) AND latest_start <= ? AND earliest_end >= ?"
                    " ORDER BY 1", [*args, last.toordinal(), first.toordinal()])
        else:
            found = f"SELECT cluster FROM pw_find WHERE key IN ({', '.join('?' * len(keys))}) AND week BETWEEN ? AND ?"
            args = [*sorted(keys), span.start, span.stop - 1]
        sql = (f"SELECT idx FROM pw_clusters WHERE idx IN ({found}) AND latest_start <= ? AND earliest_end >= ?"
               f" UNION {undated} AND c.dated = 0 ORDER BY 1")
        return sql, [*args, last.toordinal(), first.toordinal(), rep.doc]

    def open(self) -> Cluster:
        home = Cluster(self.count)
        self.conn.execute("INSERT INTO pw_clusters VALUES (?, 0, ?, ?, ?, ?, ?)",
                          (home.index, dt.date.min.toordinal(), dt.date.max.toordinal(), 0, -1, ""))
        self.count += 1
        self.weeks_of[home.index], self.keys_of[home.index] = range(0), frozenset()
        self._keep(home)
        return home

    def grew(self, cluster: Cluster, was_dated: bool, similarity: float = 0.0) -> None:
        index, pos = cluster.index, len(cluster.members) - 1
        rep = cluster.members[pos]
        self.conn.execute("INSERT INTO pw_members VALUES (?, ?, ?, ?)", (
            index, pos, cluster.links[pos], pickle.dumps(rep, pickle.HIGHEST_PROTOCOL)))
        self.conn.execute("INSERT OR IGNORE INTO pw_docs VALUES (?, ?)", (rep.doc, index))
        self.conn.executemany("INSERT OR IGNORE INTO pw_said VALUES (?, ?, ?)",
                              ((rep.doc, key, index) for key in sorted(said_keys(rep, similarity))))
        span, keys = self._indexed(index)
        new = frozenset((key, rep.doc) for key in member_keys(rep)) - keys
        if cluster.dated and not was_dated:
            span, new = weeks(cluster.latest_start, cluster.earliest_end), keys | new
            self.conn.executemany("INSERT INTO pw_weeks VALUES (?, ?)", ((week, index) for week in span))
        self.conn.executemany("INSERT OR IGNORE INTO pw_find VALUES (?, ?, ?, ?)",
                              ((key, week, doc, index) for key, doc in sorted(new) for week in span))
        self.weeks_of[index], self.keys_of[index] = span, keys | new
        self.conn.execute("UPDATE pw_clusters SET dated = ?, latest_start = ?, earliest_end = ?, first_week = ?,"
                          " last_week = ?, keys = ? WHERE idx = ?",
                          (int(cluster.dated), cluster.latest_start.toordinal(), cluster.earliest_end.toordinal(),
                           span.start, span.stop - 1, json.dumps(sorted(keys | new)), index))
        self._keep(cluster)

    def _indexed(self, index: int) -> tuple[range, frozenset[tuple[str, str]]]:
        """The weeks and the (key, document) pairs the cluster is indexed under so far."""
        if index in self.weeks_of:
            return self.weeks_of[index], self.keys_of[index]
        first, last, keys = self.conn.execute("SELECT first_week, last_week, keys FROM pw_clusters WHERE idx = ?",
                                              (index,)).fetchone()
        return range(first, last + 1), frozenset((key, doc) for key, doc in json.loads(keys or "[]"))

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
        if len(self.cache) > scratch.CLUSTERS:
            gone, _ = self.cache.popitem(last=False)
            self.weeks_of.pop(gone, None)
            self.keys_of.pop(gone, None)

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


class Taken:
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


class SqliteSpace:
    """The stage's work in the temporary tables (``scratch.create`` made them), the ledger in the
    ledger tables (emptied before)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._taken = Taken(conn)
        self._placed: Lookup[str, Placed] = Lookup(lambda event_id: None, size=scratch.DECIDING)
        self._widest = 0  # the most days between a deciding event's first and last (after events_done)

    # --- entities ---
    def keep_seen(self, seen: Iterable[Seen]) -> None:
        write(self.conn, "INSERT INTO pw_keys VALUES (?, ?, ?, ?, ?)", (_seen_row(s) for s in seen))

    def seen(self) -> Iterator[Seen]:
        for doc, _, key, why, data in self.conn.execute("SELECT doc, entity, key, why, data FROM pw_keys"
                                                        " ORDER BY rowid"):
            yield Seen(doc, Entity(**json.loads(data)), key, why)

    def keep_linked(self, seen: Iterable[Seen]) -> None:
        write(self.conn, "INSERT INTO pw_entities VALUES (?, ?, ?, ?, ?)", (_seen_row(s) for s in seen))
        self.conn.execute("CREATE INDEX temp.pw_entities_doc ON pw_entities (doc, entity)")
        self.conn.execute("CREATE INDEX temp.pw_entities_key ON pw_entities (key, doc, entity)")
        self.conn.execute("INSERT OR IGNORE INTO ledger_entity_sources SELECT doc, entity, key FROM pw_entities")

    def by_key(self) -> Iterator[tuple[str, list[Seen]]]:
        rows = self.conn.execute("SELECT key, doc, why, data FROM pw_entities ORDER BY key, doc, entity, rowid")
        key, items = None, list[Seen]()
        for k, doc, why, data in rows:
            if k != key and items:
                yield key or "", items
                items = []
            key = k
            items.append(Seen(doc, Entity(**json.loads(data)), k, why))
        if items:
            yield key or "", items

    def put_entities(self, entities: Iterable[LedgerEntity]) -> int:
        return write_entities(self.conn, entities)

    def entity_keys(self, first: str = "", last: str | None = None) -> Mapping[tuple[str, str], str]:
        if not first and last is None:
            return Lookup(one(self.conn, KEY_OF))
        return {(d, e): k for d, e, k in self.conn.execute(
            "SELECT doc, entity, key FROM pw_entities WHERE doc >= ? AND doc <= ? ORDER BY rowid", (first, last))}

    def entity_info(self) -> Mapping[str, EntityInfo]:
        return entity_info(self.conn)

    # --- events ---
    def keep_reports(self, reports: list[Report]) -> None:
        write(self.conn, "INSERT INTO pw_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              map(_report_row, reports))

    def sorted_reports(self) -> Iterator[Report]:
        rows = self.conn.execute(f"SELECT data FROM pw_reports ORDER BY {REPORT_ORDER}")
        for (data,) in rows:
            yield pickle.loads(data)

    def bucket(self) -> StoredBucket:
        return StoredBucket(self.conn)

    def taken(self) -> Taken:
        return self._taken

    def put_events(self, events: list[MergedEvent], deciding: list[Placed]) -> None:
        insert_events(self.conn, events)
        self.conn.executemany("INSERT OR IGNORE INTO ledger_event_mentions VALUES (?, ?, ?)",
                              ((m.doc, m.event, e.id) for e in events for m in e.mentions))
        self.conn.executemany("INSERT INTO pw_deciding VALUES (?, ?, ?, ?, ?, ?)",
                              (row for p in deciding for row in _deciding_rows(p)))
        self.conn.executemany("INSERT OR IGNORE INTO pw_toward VALUES (?, ?)",
                              ((p.event.id, token) for p in deciding for token in p.recipients))
        self.conn.executemany("INSERT INTO pw_placed VALUES (?, ?)", (
            (p.event.id, pickle.dumps(p, pickle.HIGHEST_PROTOCOL)) for p in deciding))
        self._taken.written()

    def events_done(self) -> None:
        self.order_events()
        self.conn.execute("CREATE INDEX temp.pw_deciding_token ON pw_deciding (token, start)")
        self._widest = self.conn.execute("SELECT coalesce(max(end - start), 0) FROM pw_deciding").fetchone()[0]

    def order_events(self) -> None:
        """``ledger_events`` rewritten in timeline order, as a build in memory inserts it (its rowid
        order; every read orders by its columns)."""
        reorder(self.conn, "ledger_events", "day, id")

    def origin(self) -> Mapping[tuple[str, str], str]:
        return Lookup(one(self.conn, "SELECT ledger_event FROM ledger_event_mentions WHERE doc_id = ? AND event = ?"))

    def merged(self) -> Mapping[str, MergedEvent]:
        def fetch(event_id: str) -> MergedEvent | None:
            row = self.conn.execute("SELECT record FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
            return None if row is None else MergedEvent.from_dict(json.loads(row[0]))
        return Lookup(fetch)

    # --- commitments ---
    def keep_promises(self, found: Iterable[tuple[tuple[str, ...], Found]]) -> None:
        write(self.conn, "INSERT INTO pw_promises VALUES (?, ?, ?, ?)", (
            ("\x1f".join(key), f.doc, f.commitment.id, pickle.dumps(f)) for key, f in found))

    def promise_groups(self) -> Iterator[tuple[tuple[str, ...], list[Found]]]:
        rows = self.conn.execute("SELECT groupkey, data FROM pw_promises ORDER BY groupkey, doc, commitment, rowid")
        key, items = None, list[Found]()
        for k, data in rows:
            if k != key and items:
                yield tuple((key or "").split("\x1f")), items
                items = []
            key = k
            items.append(pickle.loads(data))
        if items:
            yield tuple((key or "").split("\x1f")), items

    def keep_built(self, built: Iterable[LedgerCommitment]) -> None:
        write(self.conn, "INSERT INTO pw_built VALUES (?, ?, ?)",
              ((c.made or "9999-12-31", c.id, pickle.dumps(c)) for c in built))

    def built(self) -> Iterator[LedgerCommitment]:
        # by the day made: promises made close in time are decided over much the same events,
        # which the cache of ``candidates`` then still holds
        for (data,) in self.conn.execute("SELECT data FROM pw_built ORDER BY made, id"):
            yield pickle.loads(data)

    def candidates(self, c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date]) -> list[Placed]:
        return _candidates(self.conn, self._placed, c, codes, types, made, self._widest)

    def put_commitment(self, c: LedgerCommitment) -> None:
        self.conn.execute("INSERT INTO ledger_commitments VALUES (?, ?, ?, ?, ?, ?)",
                          (c.id, c.event, c.status, c.made, c.due, json.dumps(c.to_dict(), ensure_ascii=False)))

    def agreement_events(self) -> Iterator[MergedEvent]:
        for (record,) in self.conn.execute(
                "SELECT record FROM ledger_events WHERE type IN ('AGREE', 'SUPPORT') ORDER BY day, id").fetchall():
            yield MergedEvent.from_dict(json.loads(record))

    def written_commitments(self) -> list[LedgerCommitment]:
        return [LedgerCommitment.from_dict(json.loads(r))
                for (r,) in self.conn.execute("SELECT record FROM ledger_commitments ORDER BY id")]

    def put_agreements(self, agreements: list[Agreement], links: Mapping[str, str]) -> None:
        self.conn.executemany("INSERT INTO ledger_agreements VALUES (?, ?, ?, ?, ?)", (
            (a.id, a.event, agreement_day(a), a.stage, json.dumps(a.to_dict(), ensure_ascii=False))
            for a in agreements))
        # the record is rewritten whole, as ``put_commitment`` wrote it: its JSON keeps one key order
        for c_id, a_id in sorted(links.items()):
            (record,) = self.conn.execute("SELECT record FROM ledger_commitments WHERE id = ?", (c_id,)).fetchone()
            c = LedgerCommitment.from_dict(json.loads(record))
            c.agreement = a_id
            self.conn.execute("UPDATE ledger_commitments SET record = ? WHERE id = ?",
                              (json.dumps(c.to_dict(), ensure_ascii=False), c_id))


def _seen_row(s: Seen) -> tuple[str, str, str, str, str]:
    # an entity's fields are plain values: its __dict__ is its JSON, without to_dict's introspection
    return s.doc, s.entity.id, s.key, s.why, json.dumps(vars(s.entity))


def _report_row(rep: Report) -> tuple[Any, ...]:
    """The report with its ``sort_key`` spelt out in columns SQLite orders the same way."""
    ev, stated = rep.event, rep.stated
    return (merge_kind(ev), status_class(ev.status), ev.mode or "", stated.days if stated else 10**6,
            (stated.start if stated else dt.date.max).toordinal(), rep.doc, ev.trigger_span[0], ev.trigger_span[1],
            ev.span[0], ev.span[1], ev.id, pickle.dumps(rep, protocol=pickle.HIGHEST_PROTOCOL))


def _deciding_rows(p: Placed) -> Iterator[tuple[str, str, str, int, int, int]]:
    """One row per actor token (and one with no token), with the event's date as ordinals and
    whether it names recipients (``pw_toward`` lists their tokens)."""
    if p.span is None:
        return
    for token in ("", *sorted(p.actors)):
        yield p.event.id, p.event.type, token, p.span.start.toordinal(), p.span.end.toordinal(), int(
            bool(p.event.recipient))


def _candidates(conn: sqlite3.Connection, held: Lookup[str, Placed], c: LedgerCommitment,
                codes: Mapping[str, str | None], types: frozenset[str] | None, made: tuple[dt.date, dt.date],
                widest: int) -> list[Placed]:
    """The deciding events of one of ``types`` (None: any) by an obligor (any, when none is known),
    toward a beneficiary or nobody named (any, when none is known), whose date overlaps ``made``,
    in timeline order; the events already ``held`` are read from the cache, the others from
    ``pw_placed`` in the same query. No event is more than ``widest`` days long, so one that ends
    on or after ``made`` starts at most that many days before it: the index on (token, start) is
    read between those two days instead of from the first event of the token on."""
    sql, args = deciding_query(c, codes, types, made, widest)
    found: list[Placed] = []
    for event_id, data in conn.execute(f"SELECT event, data FROM pw_placed WHERE event IN ({sql})", args):
        hit = held.get(event_id) if held.held(event_id) else None
        if hit is None:
            hit = pickle.loads(data)
            held.keep(event_id, hit)
        found.append(hit)
    found.sort(key=lambda p: (timeline_day(p.event) or dt.date.max, p.event.id))
    return found


def deciding_query(c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date], widest: int) -> tuple[str, list[Any]]:
    """The SQL (with its parameters) that finds the ids of ``_candidates``' events in ``pw_deciding``."""
    tokens = sorted({t for i in c.obligor for t in (i, codes.get(i)) if t}) if c.obligor else [""]
    sql = (f"SELECT event FROM pw_deciding WHERE token IN ({', '.join('?' * len(tokens))})"
           " AND start BETWEEN ? AND ? AND end >= ?")
    args: list[Any] = [*tokens, made[0].toordinal() - widest, made[1].toordinal(), made[0].toordinal()]
    if types is not None:
        sql += f" AND type IN ({', '.join('?' * len(types))})"
        args += sorted(types)
    if toward := sorted({t for i in c.beneficiary for t in (i, codes.get(i)) if t}):
        # asked of each candidate row (a seek on pw_toward's key): "event IN (SELECT event FROM pw_toward
        # WHERE token IN …)" made the list of every event toward the beneficiary, the archive over, once
        # per promise — the commitments step grew as promises × archive (docs/reliability.md)
        sql += (" AND (toward = 0 OR EXISTS (SELECT 1 FROM pw_toward t WHERE t.event = pw_deciding.event"
                f" AND t.token IN ({', '.join('?' * len(toward))})))")
        args += toward
    return sql, args
