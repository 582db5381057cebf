"""What the ledger keeps between builds to decide again only the commitments an update touches
(migration 0009): every per-document promise with its group (``ledger_promises``), the deciding events
each commitment asked for (``ledger_commitment_reach``) and the last day it is due
(``ledger_commitment_due``). A full rebuild writes them (``state.KeepingSpace``); an update
(``updating.UpdatingSpace``) finds from them the groups it must decide again (``touched``).

A commitment is made from the promises of its group and decided over the deciding events of its
obligors in its window, the merged events its promises are reports of, ``as_of``, and the codes of
its parties. So an update decides again the groups:

- holding a promise of a document taken as new, before or after (its promises are found again);
- holding a promise whose merged event was replaced (found again too: its group can change);
- asking for deciding events of a token and window a replaced or new deciding event falls in;
- due on a day the new ``as_of`` passes and the old one did not (they may turn overdue);
- sharing a merged event with one of those (``decide`` reads a promised count from it unless a
  promise of that event states its own).

Everything else stays as it was written, but for the day in the ``why`` of those overdue for want
of anything carrying them out, which names ``as_of`` (rewritten in SQL). The whole set is decided
again (``None``) when the actions promised or a party's code or sector changed, or ``as_of`` came or
went.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from ..resolve.commitment_reports import Found, commitment_found, group_key
from ..resolve.commitment_reports import commitment_id as group_id
from ..resolve.commitments import OVERDUE_WHY
from ..resolve.records import LedgerCommitment
from ..timespan import interval
from ..types import Commitment

KEYS = "\x1f"  # between the fields of a group key (as in ``pw_promises``)
# The replaced merged events made again as they were (id and record): they change no promise.
UNCHANGED = "SELECT w.id FROM pw_was w JOIN ledger_events e ON e.id = w.id AND e.record = w.record"


def promise_rows(found: Iterable[tuple[tuple[str, ...], Found]]) -> Iterator[tuple[Any, ...]]:
    for key, f in found:
        yield (f.doc, f.commitment.id, KEYS.join(key), f.event, json.dumps(
            {"doc": f.doc, "published": f.published, "commitment": f.commitment.to_dict(), "event": f.event,
             "obligor": f.obligor, "beneficiary": f.beneficiary}, ensure_ascii=False))


def found_in(text: str) -> Found:
    data = json.loads(text)
    return Found(data["doc"], data["published"], Commitment.from_dict(data["commitment"]), data["event"],
                 data["obligor"], data["beneficiary"])


def reach_rows(tokens: list[str], types: frozenset[str] | None, made: tuple[dt.date, dt.date]
               ) -> list[tuple[str, str, int, int]]:
    """(token, type, first, last) of the deciding events one commitment asks for (type '*': any)."""
    return [(token, kind, made[0].toordinal(), made[1].toordinal()) for token in tokens
            for kind in (sorted(types) if types is not None else ["*"])]


def write_commitment(conn: sqlite3.Connection, c: LedgerCommitment, reach: list[tuple[str, str, int, int]]) -> None:
    """The reach and due rows of a decided commitment, under the group its first promise joined."""
    first = c.sources[0] if c.sources else None
    row = None if first is None else conn.execute(
        "SELECT groupkey FROM ledger_promises WHERE doc = ? AND commitment = ? LIMIT 1",
        (first.doc, first.commitment)).fetchone()
    if row is None:
        return
    conn.executemany("INSERT INTO ledger_commitment_reach VALUES (?, ?, ?, ?, ?)", ((row[0], *r) for r in reach))
    if (due := interval(c.due)) is not None:
        conn.execute("INSERT OR REPLACE INTO ledger_commitment_due VALUES (?, ?)", (row[0], due.end.toordinal()))


def touched(conn: sqlite3.Connection, seeds: set[str], ids: Any, origin: Any,
            as_of: tuple[dt.date | None, dt.date | None]) -> list[tuple[tuple[str, ...], Found]] | None:
    """Every promise of the groups to decide again (module docstring), with its group key, their old
    rows gone from the kept tables and the kept overdue commitments' ``as_of`` rewritten; ``seeds``
    are the documents taken as new, the temporary ``pw_gone`` the merged events replaced (``pw_was``:
    their records) and ``pw_changed`` the deciding rows replaced or new. None: decide every promise again (then the
    kept tables are emptied)."""
    old, new = as_of
    if (old is None) != (new is None):
        clear(conn)
        return None
    conn.execute(f"DELETE FROM pw_changed WHERE event IN ({UNCHANGED})")
    refound = seeds | {doc for (doc,) in conn.execute(
        "SELECT DISTINCT p.doc FROM pw_gone g JOIN ledger_promises p ON p.origin = g.id"
        f" WHERE g.id NOT IN ({UNCHANGED})")}
    fresh = [(group_key(f), f) for f in _found_again(conn, sorted(refound), ids, origin)]
    keys = {KEYS.join(k) for k, _ in fresh}
    for doc in sorted(refound):
        keys |= {k for (k,) in conn.execute("SELECT groupkey FROM ledger_promises WHERE doc = ?", (doc,))}
    widest = conn.execute("SELECT coalesce(max(last - first), 0) FROM ledger_commitment_reach").fetchone()[0]
    keys |= {k for (k,) in conn.execute(
        "SELECT DISTINCT r.groupkey FROM pw_changed x JOIN ledger_commitment_reach r ON r.token = x.token"
        " AND r.type IN (x.type, '*') AND r.last BETWEEN x.start AND x.finish + ? AND r.first <= x.finish",
        (widest,))}
    if old is not None and new is not None and old != new:
        low, high = sorted((old, new))
        keys |= {k for (k,) in conn.execute("SELECT groupkey FROM ledger_commitment_due WHERE last >= ? AND last < ?",
                                            (low.toordinal(), high.toordinal()))}
    events = {f.event for _, f in fresh if f.event} | {e for k in sorted(keys) for (e,) in conn.execute(
        "SELECT origin FROM ledger_promises WHERE groupkey = ? AND origin IS NOT NULL", (k,))}
    for event in sorted(events):
        keys |= {k for (k,) in conn.execute("SELECT groupkey FROM ledger_promises WHERE origin = ?", (event,))}
    kept = [(tuple(k.split(KEYS)), found_in(text)) for k in sorted(keys) for doc, k, text in conn.execute(
        "SELECT doc, groupkey, found FROM ledger_promises WHERE groupkey = ?", (k,)) if doc not in refound]
    _forget(conn, sorted(keys), refound)
    if old is not None and new is not None and old != new:
        conn.execute("UPDATE ledger_commitments SET record = replace(record, ?, ?) WHERE status = 'overdue'",
                     (f"{OVERDUE_WHY}{old}", f"{OVERDUE_WHY}{new}"))
    return kept + fresh


def _found_again(conn: sqlite3.Connection, docs: list[str], ids: Any, origin: Any) -> Iterator[Found]:
    for doc in docs:
        for published, record in conn.execute(
                "SELECT d.published, c.record FROM commitments c JOIN documents d ON d.id = c.doc_id"
                " WHERE c.doc_id = ? AND d.error_code IS NULL ORDER BY c.rowid", (doc,)):
            yield commitment_found(doc, published, Commitment.from_dict(json.loads(record)), ids, origin)


def _forget(conn: sqlite3.Connection, keys: list[str], docs: set[str]) -> None:
    """The kept rows and the commitments of the groups ``keys``, and the promises of ``docs``."""
    for key in keys:
        conn.execute("DELETE FROM ledger_commitments WHERE id = ?", (commitment_id(key),))
        for table in ("ledger_promises", "ledger_commitment_reach", "ledger_commitment_due"):
            conn.execute(f"DELETE FROM {table} WHERE groupkey = ?", (key,))
    for doc in sorted(docs):
        conn.execute("DELETE FROM ledger_promises WHERE doc = ?", (doc,))


def commitment_id(key: str) -> str:
    """The id of the commitment of a stored group key."""
    return group_id(tuple(key.split(KEYS)))


def clear(conn: sqlite3.Connection) -> None:
    """Every commitment and the kept rows, for deciding them all again."""
    for table in ("ledger_commitments", "ledger_promises", "ledger_commitment_reach", "ledger_commitment_due"):
        conn.execute(f"DELETE FROM {table}")
