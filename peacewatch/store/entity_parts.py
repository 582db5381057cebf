"""A ledger entity kept in parts (migration 0009): its head in ``ledger_entities``, its sources in
``ledger_entity_keys``, its mentions in the per-document ``mentions``, and what the head reads of its
sources counted in ``ledger_entity_counts``.

An entity named in every tenth document holds a tenth of the archive's sources and mentions; written
whole, it was rewritten by nearly every update in place. In parts, an update adds the rows of the
new per-document entities, moves the counts of those that changed key, and writes the few heads
whose counts moved (``remake_heads``); the read layer assembles the record (``assemble``), which is
the one the records contract gives, key order included.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..resolve.entities import HEAD_FIELDS, entity_head
from ..resolve.records import EntitySource, LedgerEntity
from .dialect import Connection

ITEMS, DOCS = "#items", "#docs"  # the count rows of how many per-document entities, in how many documents
# the column of ``ledger_entity_keys`` each of ``HEAD_FIELDS`` is read from (the name as written: label)
_COLUMNS = dict(zip(HEAD_FIELDS, ("label", "kind", "code", "sector", "role", "wikidata", "why"), strict=True))
# the same, as positions in a ``ledger_entity_keys`` row (``state.entity_row``)
_POSITIONS = dict(zip(HEAD_FIELDS, (10, 5, 8, 11, 12, 13, 4), strict=True))
UPSERT = ("INSERT INTO ledger_entity_counts VALUES (?, ?, ?, ?) ON CONFLICT (key, field, value)"
          " DO UPDATE SET n = n + excluded.n")

Rows = Callable[[str, tuple[Any, ...]], list[Any]]  # how the read layer runs a query


def head_record(entity: LedgerEntity) -> str:
    """The stored head of a ledger entity: its record with no mentions and no sources."""
    data = {**entity.to_dict(), "mentions": [], "sources": []}
    return json.dumps(data, ensure_ascii=False)


def count_all(conn: sqlite3.Connection) -> None:
    """The counts of every ledger entity, from ``ledger_entity_keys`` (a full rebuild, once they are
    written)."""
    for field, column in _COLUMNS.items():
        conn.execute(f"INSERT INTO ledger_entity_counts SELECT key, '{field}', {column}, count(*)"
                     f" FROM ledger_entity_keys WHERE {column} IS NOT NULL GROUP BY key, {column}")
    conn.execute(f"INSERT INTO ledger_entity_counts SELECT key, '{ITEMS}', '', count(*) FROM ledger_entity_keys"
                 " GROUP BY key")
    conn.execute(f"INSERT INTO ledger_entity_counts SELECT key, '{DOCS}', '', count(DISTINCT doc_id)"
                 " FROM ledger_entity_keys GROUP BY key")


class Tally:
    """The changes to ``ledger_entity_counts`` an update makes, gathered and then written at once."""

    def __init__(self) -> None:
        self.deltas: Counter[tuple[str, str, str]] = Counter()

    def add(self, row: Sequence[Any], key: str, why: str, sign: int) -> None:
        """Count (``sign`` 1) or uncount (-1) one per-document entity (a ``ledger_entity_keys`` row)
        under ``key``, resolved for ``why``."""
        for field, pos in _POSITIONS.items():
            value = why if field == "why" else row[pos]
            if value is not None:
                self.deltas[(key, field, value)] += sign
        self.deltas[(key, ITEMS, "")] += sign

    def doc(self, key: str, sign: int) -> None:
        """One document more (1) or fewer (-1) names ``key``."""
        self.deltas[(key, DOCS, "")] += sign

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany(UPSERT, sorted((*k, n) for k, n in self.deltas.items() if n))
        for key in sorted({k for k, _, _ in self.deltas}):
            conn.execute("DELETE FROM ledger_entity_counts WHERE key = ? AND n = 0", (key,))


def has_doc(conn: sqlite3.Connection, key: str, doc: str) -> bool:
    """Whether a per-document entity of ``doc`` resolves to ``key`` (an index seek)."""
    return conn.execute("SELECT 1 FROM ledger_entity_keys WHERE key = ? AND doc_id = ? LIMIT 1",
                        (key, doc)).fetchone() is not None


def remake_heads(conn: sqlite3.Connection, keys: Iterable[str]) -> tuple[list[str], list[str]]:
    """The head of each of ``keys`` made again from its counts (gone when it has no per-document
    entity left); returns those that read differently now (name, code or sector) than before, and
    of those the ones whose code or sector changed."""
    renamed, recoded = [], []
    for key in keys:
        before = conn.execute("SELECT name, code, json_extract(record, '$.sector') FROM ledger_entities"
                              " WHERE id = ?", (key,)).fetchone()
        conn.execute("DELETE FROM ledger_entities WHERE id = ?", (key,))
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for field, value, n in conn.execute("SELECT field, value, n FROM ledger_entity_counts WHERE key = ?",
                                            (key,)):
            counts[field][value] = n
        items = counts.pop(ITEMS, Counter()).get("", 0)
        if not items:
            continue
        made = entity_head(key, counts, items, counts.pop(DOCS, Counter()).get("", 0))
        write_head(conn, made)
        if before is not None and tuple(before) != (made.name, made.code, made.sector):
            renamed.append(key)
            if tuple(before[1:]) != (made.code, made.sector):
                recoded.append(key)
    return renamed, recoded


def write_head(conn: Connection, entity: LedgerEntity) -> None:
    conn.execute("INSERT INTO ledger_entities VALUES (?, ?, ?, ?, ?)",
                 (entity.id, entity.kind, entity.code, entity.name, head_record(entity)))


def assemble(rows: Rows, record: str) -> dict[str, Any]:
    """The record of a stored ledger entity, with its mentions and sources read from their parts
    (``rows`` runs a query); a whole record written before migration 0009 is given as it is."""
    data: dict[str, Any] = json.loads(record)
    if data.get("sources"):
        return data
    key = data["id"]
    data["mentions"] = [
        {"doc": doc, "start": start, "end": end, "text": json.loads(text).get("text")}
        for doc, start, end, text in rows(
            "SELECT m.doc_id, m.start_char, m.end_char, m.record FROM ledger_entity_sources s JOIN mentions m"
            " ON m.doc_id = s.doc_id AND m.entity = s.entity WHERE s.ledger_id = ?"
            " ORDER BY m.doc_id, m.start_char, m.end_char, m.entity, m.idx", (key,))]
    data["sources"] = [EntitySource(doc, entity, name, why).to_dict() for doc, entity, name, why in rows(
        "SELECT doc_id, entity, label, why FROM ledger_entity_keys WHERE key = ? ORDER BY doc_id, entity", (key,))]
    return data
