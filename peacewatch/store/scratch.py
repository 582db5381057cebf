"""The scratch space of a ledger rebuild: temporary SQLite tables (on disk, dropped at the end),
lookups that answer from them with a bounded cache, and writers that never hold a whole table.

The sizes below bound what a rebuild keeps in memory; the tests shrink them to one to check that
everything read back from the tables gives the same ledger.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

CACHE = 1024  # answers of each kind of lookup kept in memory at most
CLUSTERS = 2048  # clusters (with their members) kept in memory at most
DECIDING = 8192  # events (slim: no mentions, no why) kept in memory for deciding promises
WRITE = 2000  # rows written per executemany

TABLES = (
    "CREATE TEMP TABLE pw_keys (doc TEXT, entity TEXT, key TEXT, why TEXT, data TEXT)",
    "CREATE TEMP TABLE pw_entities (doc TEXT, entity TEXT, key TEXT, why TEXT, data TEXT)",
    "CREATE TEMP TABLE pw_reports (type TEXT, class TEXT, mode TEXT, days INTEGER, start INTEGER, doc TEXT,"
    " t0 INTEGER, t1 INTEGER, s0 INTEGER, s1 INTEGER, event TEXT, data BLOB)",
    "CREATE TEMP TABLE pw_clusters (idx INTEGER PRIMARY KEY, dated INTEGER, latest_start INTEGER,"
    " earliest_end INTEGER, first_week INTEGER, last_week INTEGER, keys TEXT)",
    "CREATE TEMP TABLE pw_find (key TEXT, week INTEGER, doc TEXT, cluster INTEGER,"
    " PRIMARY KEY (key, week, doc, cluster))"
    " WITHOUT ROWID",
    "CREATE TEMP TABLE pw_docs (doc TEXT, cluster INTEGER, PRIMARY KEY (doc, cluster)) WITHOUT ROWID",
    "CREATE TEMP TABLE pw_members (cluster INTEGER, pos INTEGER, link TEXT, data BLOB, PRIMARY KEY (cluster, pos))",
    "CREATE TEMP TABLE pw_weeks (week INTEGER, cluster INTEGER)",
    "CREATE INDEX temp.pw_weeks_week ON pw_weeks (week)",
    "CREATE TEMP TABLE pw_said (doc TEXT, key TEXT, cluster INTEGER, PRIMARY KEY (doc, key, cluster)) WITHOUT ROWID",
    "CREATE TEMP TABLE pw_deciding (event TEXT, type TEXT, token TEXT, start INTEGER, end INTEGER, toward INTEGER)",
    "CREATE TEMP TABLE pw_toward (event TEXT, token TEXT, PRIMARY KEY (token, event)) WITHOUT ROWID",
    "CREATE TEMP TABLE pw_placed (event TEXT PRIMARY KEY, data BLOB)",
    "CREATE TEMP TABLE pw_promises (groupkey TEXT, doc TEXT, commitment TEXT, data BLOB)",
    "CREATE TEMP TABLE pw_built (made TEXT, id TEXT, data BLOB)",
)
NAMES = ("pw_keys", "pw_entities", "pw_reports", "pw_clusters", "pw_find", "pw_docs", "pw_members", "pw_weeks",
         "pw_said", "pw_deciding", "pw_toward", "pw_placed", "pw_promises", "pw_built")
# the key of a per-document entity (the last one written under that id, as a dict would keep)
KEY_OF = "SELECT key FROM pw_entities WHERE doc = ? AND entity = ? ORDER BY rowid DESC LIMIT 1"


def create(conn: sqlite3.Connection) -> None:
    """Create the temporary tables (dropping any left by an interrupted rebuild)."""
    drop(conn)
    for statement in TABLES:
        conn.execute(statement)


def drop(conn: sqlite3.Connection) -> None:
    for table in NAMES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


class Lookup(Mapping[K, V]):
    """A read-only mapping answered by one SQL query per key, with the last ``CACHE`` answers kept.
    It can be asked, not listed: the keys live in the database."""

    def __init__(self, fetch: Callable[[K], V | None], size: int | None = None) -> None:
        self._fetch = fetch
        self._size = size or CACHE
        self._cache: OrderedDict[K, V | None] = OrderedDict()

    def _find(self, key: K) -> V | None:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        return self.keep(key, self._fetch(key))

    def keep(self, key: K, value: V | None) -> V | None:
        """Remember an answer found another way (many at once by one query)."""
        self._cache[key] = value
        self._cache.move_to_end(key)
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return value

    def held(self, key: K) -> bool:
        return key in self._cache

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


def one(conn: sqlite3.Connection, sql: str) -> Callable[[Any], Any]:
    def fetch(key: Any) -> Any:
        row = conn.execute(sql, key if isinstance(key, tuple) else (key,)).fetchone()
        return None if row is None else row[0] if len(row) == 1 else row
    return fetch


@dataclass(frozen=True)
class EntityInfo:
    name: str
    code: str | None
    sector: str | None


def entity_info(conn: sqlite3.Connection) -> Lookup[str, EntityInfo]:
    def fetch(ledger_id: str) -> EntityInfo | None:
        row = conn.execute("SELECT name, code, json_extract(record, '$.sector') FROM ledger_entities WHERE id = ?",
                           (ledger_id,)).fetchone()
        return None if row is None else EntityInfo(*row)
    return Lookup(fetch)


def write(conn: sqlite3.Connection, sql: str, rows: Iterator[tuple[Any, ...]]) -> None:
    """``executemany`` over an iterator, ``WRITE`` rows at a time (a cursor read from the same
    connection may feed it)."""
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= WRITE:
            conn.executemany(sql, chunk)
            chunk.clear()
    if chunk:
        conn.executemany(sql, chunk)


def reorder(conn: sqlite3.Connection, table: str, order: str) -> None:
    """Rewrite a ledger table in the order a build in memory inserts it, through a temporary table."""
    conn.execute(f"CREATE TEMP TABLE pw_sorted AS SELECT * FROM {table} ORDER BY {order}")
    conn.execute(f"DELETE FROM {table}")
    conn.execute(f"INSERT INTO {table} SELECT * FROM pw_sorted ORDER BY rowid")
    conn.execute("DROP TABLE temp.pw_sorted")
