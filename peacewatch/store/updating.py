"""The store's space for an update in place: the ledger kept, and the units new reports reach.

``UpdatingSpace`` is the store's space (``state.KeepingSpace``) over a ledger whose merged events stay
but for those of the units new reports reach (``resolve.incremental``), found through the temporary
tables made by ``create_tables``; ``SeedSource`` reads the records of the documents that seed that
reach. Whether to update in place or rebuild, and the transaction around it, is ``incremental``.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from ..resolve.commitment_reports import Found
from ..resolve.commitments import Placed, placed
from ..resolve.entities import Links, Seen, entity_key, normalize_name
from ..resolve.incremental import reached, renamed_apart
from ..resolve.records import Agreement, LedgerCommitment, MergedEvent
from ..resolve.reports import Report
from ..resolve.space import Source
from ..types import Entity
from .entity_parts import Tally, has_doc, remake_heads
from .promises import clear, touched
from .scratch import Lookup, one, write
from .source import StoredSource
from .space import _deciding_rows, deciding_query
from .state import (
    ENTITY_ROW,
    LINK_ROW,
    ORDER,
    KeepingSpace,
    entity_of,
    entity_row,
    keep_rows,
    link_row,
    linked,
    placing_of,
    reports_in,
)

BATCH = 500  # documents whose records the update reads at a time (as ``ledger._BATCH``)
PAGE = 1000  # kept merged events read at a time
TEMP_TABLES = (
    "CREATE TEMP TABLE pw_seeds (doc TEXT PRIMARY KEY)",
    "CREATE TEMP TABLE pw_reached (row INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE pw_gone (id TEXT PRIMARY KEY)",
    "CREATE TEMP TABLE pw_buckets (type TEXT, class TEXT, PRIMARY KEY (type, class))",
    "CREATE TEMP TABLE pw_renamed (doc TEXT PRIMARY KEY)",
    "CREATE TEMP TABLE pw_remade (id TEXT PRIMARY KEY)",
    "CREATE TEMP TABLE pw_changed (event TEXT, type TEXT, token TEXT, start INTEGER, finish INTEGER)",
    "CREATE TEMP TABLE pw_was (id TEXT PRIMARY KEY, record TEXT)",
)
TEMP_NAMES = ("pw_seeds", "pw_reached", "pw_gone", "pw_buckets", "pw_renamed", "pw_remade", "pw_changed", "pw_was")


def create_tables(conn: sqlite3.Connection) -> None:
    """The temporary tables the update finds the reach of new reports in, made afresh."""
    for table in TEMP_NAMES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    for statement in TEMP_TABLES:
        conn.execute(statement)


class UpdatingSpace(KeepingSpace):
    """The store's space over a ledger whose merged events stay, but for those of the units new
    reports reach (``resolve.incremental``); the documents after row ``last`` are the new ones, and
    those whose entities moved reach like them."""

    def __init__(self, conn: sqlite3.Connection, last: int, actions: str, as_of: dt.date | None) -> None:
        super().__init__(conn)
        self.actions = actions  # the actions promised: those of the last build until ``kept`` is told
        self._as_of = as_of  # the last build's
        self._every_promise = False  # whether every commitment is decided again (``touched_promises``)
        self._apart = 0
        self.rows = 0
        self.clustered = 0
        self.gone = 0
        self._new_docs = {doc for (doc,) in conn.execute(
            "SELECT id FROM documents WHERE rowid > ? AND error_code IS NULL", (last,))}
        self.new = len(self._new_docs)
        self.renamed = 0  # earlier documents whose entities were only renamed: their events made again
        self._seeds = set(self._new_docs)  # documents whose reports reach like new ones

    def fold(self, source: Source) -> tuple[int, int]:
        """The entities of the new documents folded into the kept ones (``ledger_entity_keys``,
        ``ledger_links``) as a full fold would: each gets its own key; a link it adds can move only
        the earlier entities of its name (``relinkable``), which are linked again; every ledger
        entity whose entities changed is made again from all of them. The earlier documents with an
        entity that moved are taken as new; the merged events of those naming an entity that only
        reads differently are made again (``renamed_apart``). Returns (entities, documents taken as
        new)."""
        fresh = [Seen(doc, e, entity_key(e), "") for doc, e in self._new_entities()]
        added = [row for row in {link_row(s.entity, s.key) for s in fresh} - {None} if row is not None
                 and self.conn.execute("SELECT 1 FROM ledger_links WHERE own = ? AND kind = ? AND name = ?",
                                       row[:3]).fetchone() is None]
        self.conn.executemany(LINK_ROW, sorted(added))
        met = sorted({name for own, kind, name, last, _ in added for name in (name, last)})
        old = [row for name in met for row in self.conn.execute(
            "SELECT * FROM ledger_entity_keys WHERE name = ? AND relink = 1", (name,))]
        names = sorted({normalize_name(s.entity.name) for s in fresh} | {row[6] for row in old})
        links = linked(row for name in names for row in self.conn.execute(
            "SELECT own, kind, name, code FROM ledger_links WHERE name = ? UNION SELECT own, kind, name, code"
            " FROM ledger_links WHERE last = ?", (name, name)))
        for s in fresh:
            s.key, s.why = links.relink(s.entity) or (s.key, f"key {s.key}")
        touched = {s.key for s in fresh}
        tally = Tally()
        moved: set[str] = set()
        for row in old:
            if (found := self._relinked(row, links, tally)) is not None:
                moved.add(row[0])
                touched |= {row[3], found}
        self._add_fresh(fresh, tally)
        tally.write(self.conn)
        renamed_keys, recoded = remake_heads(self.conn, sorted(touched))
        self._every_promise |= bool(recoded)  # a party's code or sector decides promises
        moved -= self._new_docs
        self._seeds |= moved
        turned = self._renamed(renamed_keys)
        count = self.conn.execute("SELECT count(*) FROM ledger_entities").fetchone()[0]
        return int(count), len(moved) + turned

    def _new_entities(self) -> Iterator[tuple[str, Entity]]:
        for doc in sorted(self._new_docs):
            for (record,) in self.conn.execute("SELECT record FROM entities WHERE doc_id = ? ORDER BY rowid", (doc,)):
                yield doc, entity_of(record)

    def _relinked(self, row: tuple[Any, ...], links: Links, tally: Tally) -> str | None:
        """The key an earlier per-document entity (its ``ledger_entity_keys`` row) moves to under
        the links as they are now, its rows and counts moved there; None when it stays."""
        doc, entity, key, why, kind, name, code = row[0], row[1], row[3], row[4], row[5], row[6], row[8]
        own = entity_key(Entity(entity, name, kind, code))
        now, now_why = links.relink(Entity(entity, name, kind, code)) or (own, f"key {own}")
        if now == key:
            return None
        tally.add(row, key, why, -1)
        tally.add(row, now, now_why, 1)
        if not has_doc(self.conn, now, doc):
            tally.doc(now, 1)
        self.conn.execute("UPDATE ledger_entity_keys SET key = ?, why = ? WHERE doc_id = ? AND entity = ?",
                          (now, now_why, doc, entity))
        self.conn.execute("UPDATE ledger_entity_sources SET ledger_id = ? WHERE doc_id = ? AND entity = ?",
                          (now, doc, entity))
        if not has_doc(self.conn, key, doc):
            tally.doc(key, -1)
        return now

    def _add_fresh(self, fresh: list[Seen], tally: Tally) -> None:
        """The new documents' per-document entities written, each counted under its key once."""
        rows, taken = [], set()
        for s in fresh:
            if (s.doc, s.entity.id) not in taken:
                taken.add((s.doc, s.entity.id))
                rows.append((s, entity_row(s, entity_key(s.entity))))
        for key, doc in sorted({(s.key, s.doc) for s, _ in rows}):
            if not has_doc(self.conn, key, doc):
                tally.doc(key, 1)
        for s, row in rows:
            tally.add(row, s.key, s.why, 1)
        write(self.conn, ENTITY_ROW, (row for _, row in rows))
        write(self.conn, "INSERT OR IGNORE INTO ledger_entity_sources VALUES (?, ?, ?)",
              ((s.doc, s.entity.id, s.key) for s, _ in rows))

    def _renamed(self, keys: list[str]) -> int:
        """The earlier documents naming an entity that was only renamed: their merged events are
        made again from their own reports (``renamed_apart``), or they reach like new; returns how
        many reach like new."""
        renamed = {doc for key in keys for (doc,) in self.conn.execute(
            "SELECT doc_id FROM ledger_entity_sources WHERE ledger_id = ?", (key,))} - self._seeds
        self.conn.executemany("INSERT INTO pw_renamed VALUES (?)", ((doc,) for doc in sorted(renamed)))
        clusters: dict[str, set[str]] = {}
        for event, doc in self.conn.execute(
                "SELECT m.ledger_event, m.doc_id FROM ledger_event_mentions m WHERE m.ledger_event IN (SELECT"
                " n.ledger_event FROM ledger_event_mentions n JOIN pw_renamed r ON r.doc = n.doc_id)"):
            clusters.setdefault(event, set()).add(doc)
        turned, remade = renamed_apart({e: frozenset(d) for e, d in clusters.items()}, renamed, self._seeds)
        self._seeds |= turned
        self.conn.executemany("INSERT INTO pw_remade VALUES (?)", ((e,) for e in sorted(remade)))
        self.renamed = len(renamed - turned)
        return len(turned)

    def entity_keys(self, first: str = "", last: str | None = None) -> Mapping[tuple[str, str], str]:
        if not first and last is None:
            return Lookup(one(self.conn, "SELECT ledger_id FROM ledger_entity_sources WHERE doc_id = ? AND entity = ?"))
        return {(d, e): k for d, e, k in self.conn.execute(
            "SELECT doc_id, entity, ledger_id FROM ledger_entity_sources WHERE doc_id >= ? AND doc_id <= ?",
            (first, last))}

    def remade(self, source: Source) -> Source:
        """Only the documents that reach like new ones: their old report rows go (a moved entity
        changes them), every other document's stay in ``ledger_reports``."""
        self.conn.executemany("INSERT INTO pw_seeds VALUES (?)", ((doc,) for doc in sorted(self._seeds)))
        self.conn.execute("DELETE FROM ledger_reports WHERE doc IN (SELECT doc FROM pw_seeds)")
        return SeedSource(self.conn, BATCH)

    def keep_reports(self, reports: list[Report]) -> None:
        keep_rows(self.conn, reports)

    def report_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM ledger_reports").fetchone()[0])

    def reach(self, slack_days: int) -> str | None:
        # the buckets holding a new report first, then their rows (a subquery per row read the table
        # once for every row)
        buckets = self.conn.execute("SELECT DISTINCT u.type, u.class FROM pw_seeds s JOIN ledger_reports u"
                                    " ON u.doc = s.doc").fetchall()
        self.conn.executemany("INSERT INTO pw_buckets VALUES (?, ?)", buckets)
        rows = self.conn.execute(
            "SELECT u.rowid, u.type, u.class, u.doc, u.first, u.last, u.actors, s.doc IS NOT NULL FROM pw_buckets b"
            " JOIN ledger_reports u ON u.type = b.type AND u.class = b.class LEFT JOIN pw_seeds s ON s.doc = u.doc"
            " ORDER BY u.rowid")
        found = reached((placing_of(r, t, c, d, f, la, a, bool(n)) for r, t, c, d, f, la, a, n in rows), slack_days)
        self.conn.executemany("INSERT INTO pw_reached VALUES (?)", ((r,) for r in sorted(found)))
        self.conn.execute(  # the reports of old events made again as they are (``renamed_apart``)
            "INSERT OR IGNORE INTO pw_reached SELECT u.rowid FROM pw_remade r JOIN ledger_event_mentions m"
            " ON m.ledger_event = r.id JOIN ledger_reports u ON u.doc = m.doc_id AND u.event = m.event")
        self.clustered = self.conn.execute("SELECT count(*) FROM pw_reached").fetchone()[0]
        self.conn.execute(
            "INSERT OR IGNORE INTO pw_gone SELECT m.ledger_event FROM pw_reached r JOIN ledger_reports u"
            " ON u.rowid = r.row JOIN ledger_event_mentions m ON m.doc_id = u.doc AND m.event = u.event")
        past = self.conn.execute(
            "SELECT m.ledger_event FROM ledger_event_mentions m JOIN pw_gone g ON g.id = m.ledger_event"
            " WHERE NOT EXISTS (SELECT 1 FROM ledger_reports u JOIN pw_reached r ON r.row = u.rowid"
            " WHERE u.doc = m.doc_id AND u.event = m.event) LIMIT 1").fetchone()
        if past is not None:
            return f"merged event {past[0]} reaches past the reports new ones can join"
        self.gone = self.conn.execute("SELECT count(*) FROM pw_gone").fetchone()[0]
        # what the replaced events were, for the commitments (``promises.touched``)
        self.conn.execute("INSERT INTO pw_changed SELECT event, type, token, start, finish FROM ledger_deciding"
                          " WHERE event IN (SELECT id FROM pw_gone)")
        self.conn.execute("INSERT INTO pw_was SELECT id, record FROM ledger_events"
                          " WHERE id IN (SELECT id FROM pw_gone)")
        for table, column in (("ledger_events", "id"), ("ledger_event_mentions", "ledger_event"),
                              ("ledger_dyads", "event_id"), ("ledger_deciding", "event"), ("ledger_toward", "event")):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM pw_gone)")
        return None

    def sorted_reports(self) -> Iterator[Report]:
        yield from reports_in(self.conn.execute(
            f"SELECT report FROM ledger_reports WHERE rowid IN (SELECT row FROM pw_reached) ORDER BY {ORDER}"))

    def kept(self, actions: str) -> Iterator[MergedEvent]:
        """Nothing, when the actions promised are those of the last build: the kept events that
        could decide a promise are copied from ``ledger_deciding`` into the stage's tables (and read
        only when a promise asks for them, ``candidates``). Else every kept merged event, after
        forgetting what the last build found: the stage finds them again and ``put_events`` keeps
        them."""
        if actions == self.actions:
            self.conn.execute("INSERT INTO pw_deciding SELECT event, type, token, start, finish, toward"
                              " FROM ledger_deciding")
            self.conn.execute("INSERT OR IGNORE INTO pw_toward SELECT event, token FROM ledger_toward")
            self._apart = self.conn.execute("SELECT count(*) FROM ledger_events").fetchone()[0]
            return iter(())
        self.actions = actions
        self._every_promise = True
        self.conn.execute("DELETE FROM ledger_deciding")
        self.conn.execute("DELETE FROM ledger_toward")
        return self._every_kept()

    def order_events(self) -> None:
        """Nothing: the remade events stay after the kept ones (rewriting the whole table in timeline
        order cost a tenth of an update at 20,000 documents, and no read depends on its rowid order)."""

    def kept_apart(self) -> int:
        return self._apart

    def put_events(self, events: list[MergedEvent], deciding: list[Placed]) -> None:
        super().put_events(events, deciding)
        self.conn.executemany("INSERT INTO pw_changed VALUES (?, ?, ?, ?, ?)",
                              (row[:5] for p in deciding for row in _deciding_rows(p)))

    def touched_promises(self, as_of: dt.date | None) -> list[tuple[tuple[str, ...], Found]] | None:
        """Once the events are merged: every promise of the commitments to decide again, with its
        group (``promises.touched``), or None to decide them all again."""
        if self._every_promise:
            clear(self.conn)
            return None
        return touched(self.conn, self._seeds, self.entity_keys(), self.origin(), (self._as_of, as_of))

    def commitment_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM ledger_commitments").fetchone()[0])

    def put_agreements(self, agreements: list[Agreement], links: Mapping[str, str]) -> None:
        """As the store's, with the kept commitments no longer a provision of the agreement they
        name unlinked first (their records were written with the last build's links)."""
        for c_id, record in self.conn.execute(
                "SELECT id, record FROM ledger_commitments WHERE json_extract(record, '$.agreement') IS NOT NULL"
                ).fetchall():
            c = LedgerCommitment.from_dict(json.loads(record))
            if links.get(c_id) != c.agreement:
                c.agreement = None
                self.conn.execute("UPDATE ledger_commitments SET record = ? WHERE id = ?",
                                  (json.dumps(c.to_dict(), ensure_ascii=False), c_id))
        super().put_agreements(agreements, links)

    def _every_kept(self) -> Iterator[MergedEvent]:
        after = ""
        while True:
            page = self.conn.execute("SELECT id, record FROM ledger_events WHERE id > ? ORDER BY id LIMIT ?",
                                     (after, PAGE)).fetchall()
            if not page:
                return
            for _, record in page:
                yield MergedEvent.from_dict(json.loads(record))
            after = page[-1][0]

    def candidates(self, c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date]) -> list[Placed]:
        """As the store's, with the kept events a promise asks for placed first (``kept``)."""
        sql, args = deciding_query(c, codes, types, made, self._widest)
        missing = self.conn.execute(
            f"SELECT DISTINCT q.event FROM ({sql}) q WHERE NOT EXISTS (SELECT 1 FROM pw_placed p"
            " WHERE p.event = q.event) ORDER BY 1", args).fetchall()
        for (event_id,) in missing:
            (record,) = self.conn.execute("SELECT record FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
            slim = placed(MergedEvent.from_dict(json.loads(record)))  # as ``flush``: placed() slims it
            self.conn.execute("INSERT INTO pw_placed VALUES (?, ?)",
                              (event_id, pickle.dumps(slim, pickle.HIGHEST_PROTOCOL)))
        return super().candidates(c, codes, types, made)


class SeedSource(StoredSource):
    """The stored records, with the events of only the documents in ``pw_seeds`` (those whose reports
    are made again), a run of neighbouring documents at a time: a batch's events and span texts
    are read by a range of document ids, which must hold no other stored document."""

    def _batches(self) -> Iterator[list[tuple[str, str | None, str | None]]]:
        rows = self.conn.execute("SELECT d.id, d.published, d.dated FROM pw_seeds s JOIN documents d ON d.id = s.doc"
                                 " WHERE d.error_code IS NULL ORDER BY d.id").fetchall()
        chunk: list[tuple[str, str | None, str | None]] = []
        for row in rows:
            if chunk and (len(chunk) >= self.batch or self._after(chunk[-1][0]) != row[0]):
                yield chunk
                chunk = []
            chunk.append(row)
        if chunk:
            yield chunk

    def _after(self, doc: str) -> str | None:
        found = self.conn.execute("SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1", (doc,)).fetchone()
        return None if found is None else str(found[0])
