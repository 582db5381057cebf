"""Commitment tracking in a rebuild: promises grouped through a temporary table and each decided
over the events a SQL query finds for it (``decide`` applies every condition again)."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..resolve.commitments import (
    Found,
    Placed,
    build_commitment,
    commitment_found,
    decide,
    deciding_types,
    group_key,
)
from ..resolve.dates import interval
from ..resolve.events import timeline_day
from ..resolve.records import LedgerCommitment, MergedEvent
from ..resolve.reports import code_token
from ..types import Commitment
from . import scratch
from .scratch import KEY_OF, Lookup, entity_info, one, write


def track_stored_commitments(conn: sqlite3.Connection, as_of: dt.date | None, horizon_days: int) -> int:
    """Group the per-document promises, decide each one over the events found for it, write them."""
    ids: Lookup[tuple[str, str], str] = Lookup(one(conn, KEY_OF))
    origin: Lookup[tuple[str, str], str] = Lookup(one(
        conn, "SELECT ledger_event FROM ledger_event_mentions WHERE doc_id = ? AND event = ?"))
    rows = conn.execute("SELECT d.id, d.published, c.record FROM commitments c JOIN documents d ON d.id = c.doc_id"
                        " WHERE d.error_code IS NULL ORDER BY c.doc_id, c.rowid")
    write(conn, "INSERT INTO pw_promises VALUES (?, ?, ?, ?)", (
        _promise_row(commitment_found(doc, published, Commitment.from_dict(json.loads(record)), ids, origin))
        for doc, published, record in rows))
    events: Lookup[str, MergedEvent] = Lookup(lambda event_id: scratch.event(conn, event_id))
    deciding: Lookup[str, Placed] = Lookup(lambda event_id: None, size=scratch.DECIDING)
    entity = entity_info(conn)
    codes: Lookup[str, str] = Lookup(lambda i: (code_token(e.code, e.sector) if (e := entity.get(i)) else None))
    write(conn, "INSERT INTO pw_built VALUES (?, ?, ?)", (
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


def _candidates(conn: sqlite3.Connection, c: LedgerCommitment, codes: Lookup[str, str],
                events: Lookup[str, Placed], horizon_days: int) -> list[Placed]:
    """The events that happened and could decide this promise, in timeline order: those of a type
    that can keep or break its action, by an obligor (any, when none is known), toward a
    beneficiary or nobody named (any, when none is known), whose date may follow the day it was
    made (``_follows``). ``decide`` applies every condition again; this only keeps the others out."""
    made = interval(c.made)
    types = deciding_types(c.action)
    if made is None or types == frozenset():
        return []
    tokens = sorted({t for i in c.obligor for t in (i, codes.get(i)) if t}) if c.obligor else [""]
    sql = (f"SELECT event FROM pw_deciding WHERE token IN ({', '.join('?' * len(tokens))})"
           " AND start <= ? AND end > ?")
    args: list[Any] = [*tokens, (made.end + dt.timedelta(days=horizon_days)).toordinal(), made.start.toordinal()]
    if types is not None:
        sql += f" AND type IN ({', '.join('?' * len(types))})"
        args += sorted(types)
    if toward := sorted({t for i in c.beneficiary for t in (i, codes.get(i)) if t}):
        sql += (" AND (toward = 0 OR event IN (SELECT event FROM pw_toward WHERE token IN"
                f" ({', '.join('?' * len(toward))})))")
        args += toward
    found: list[Placed] = []
    # the events already held are read from the cache, the others from pw_placed in the same query
    for event_id, data in conn.execute(f"SELECT event, data FROM pw_placed WHERE event IN ({sql})", args):
        hit = events.get(event_id) if events.held(event_id) else None
        if hit is None:
            hit = pickle.loads(data)
            events.keep(event_id, hit)
        found.append(hit)
    found.sort(key=lambda p: (timeline_day(p.event) or dt.date.max, p.event.id))
    return found
