"""The ledger rebuild of a PostgreSQL database, worked out in a local SQLite scratch file.

The resolve stage's space (``space.SqliteSpace``) asks many small questions: one cluster's members,
one entity's key, a row added here, a flag set there. Against a server each is a round trip, and a
rebuild of the dev corpus ten times over (1,180 documents) took 99.5 s with the scratch tables as
PostgreSQL temporary tables, against 18.5 s on an SQLite file (``bench/postgres.py``). So a
PostgreSQL rebuild copies what the stage reads (the per-document tables below, in ``rowid`` order,
so every ordered read gives the same order) into a new SQLite file in a temporary folder, runs the
same build there, and copies the ledger tables back with ``COPY``, inside the PostgreSQL transaction
that holds the write lock (``ledger.rebuild_ledger``). The scratch file is deleted at the end; its
size is that of the documents and their records (texts included: the stage cuts evidence sentences).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# what the stage reads (the timexes: the days an undated article's year is read from, resolve/story_year.py)
SOURCES = ("documents", "mentions", "entities", "events", "timexes", "commitments", "corrections")
FETCH = 2000  # rows fetched from the server, and written to the scratch file, at a time


def build_in_scratch(conn: Any, build: Callable[[sqlite3.Connection], T], ledger_tables: Sequence[str], *,
                     carried: bool = False) -> T:
    """Run ``build`` over a scratch SQLite copy of the records of the PostgreSQL connection ``conn``
    (in a transaction), then replace ``conn``'s ``ledger_tables`` with what it wrote (the caller has
    emptied them). With ``carried`` the ledger tables are copied into the scratch file too, for a
    build that updates them in place (``incremental.update_ledger``), and emptied on the server only
    once it is done."""
    from .sqlite import connect

    with tempfile.TemporaryDirectory(prefix="peacewatch-rebuild-") as folder:
        scratch = connect(Path(folder) / "scratch.db")
        try:
            scratch.execute("PRAGMA synchronous = OFF")
            scratch.execute("BEGIN IMMEDIATE")  # never committed: the file is thrown away
            for table in (*SOURCES, *(ledger_tables if carried else ())):
                _copy_in(conn, scratch, table)
            built = build(scratch)
            for table in ledger_tables:
                if carried:
                    conn.execute(f"DELETE FROM {table}")
                _copy_out(scratch, conn, table)
        finally:
            if scratch.in_transaction:
                scratch.execute("ROLLBACK")
            scratch.close()
    return built


def _columns(scratch: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in scratch.execute(f"PRAGMA table_info({table})")]


def _has_rowid(scratch: sqlite3.Connection, table: str) -> bool:
    try:
        scratch.execute(f"SELECT rowid FROM {table} LIMIT 0")
    except sqlite3.OperationalError:
        return False  # a WITHOUT ROWID table
    return True


def _copy_in(conn: Any, scratch: sqlite3.Connection, table: str) -> None:
    """One table from the server into the scratch file, in the server's ``rowid`` order (its
    insertion order; a ``WITHOUT ROWID`` table in its key's), through a server-side cursor ``FETCH``
    rows at a time. A document keeps its row number: the ledger records the newest row it was built
    from, and an update takes the documents after it as new."""
    columns = _columns(scratch, table)
    if table == "documents":
        columns = ["rowid", *columns]
    names = ", ".join(f'"{c}"' for c in columns)
    order = _order(scratch, table)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    with conn.busy(), conn.raw.cursor(name=f"pw_copy_{table}") as cursor:
        cursor.itersize = FETCH
        cursor.execute(f"SELECT {names} FROM {table} ORDER BY {order}")
        for chunk in _chunks(tuple(row) for row in cursor):
            scratch.executemany(insert, chunk)


def _order(scratch: sqlite3.Connection, table: str) -> str:
    """What orders a table's rows as inserted: its own integer key, else its ``rowid`` (a column on
    the server), else (``WITHOUT ROWID``) its first column, as SQLite keeps such a table."""
    keys = [(str(r[1]), str(r[2]).upper()) for r in scratch.execute(f"PRAGMA table_info({table})") if r[5]]
    if len(keys) == 1 and keys[0][1] == "INTEGER":
        return f'"{keys[0][0]}"'
    return "rowid" if _has_rowid(scratch, table) else "1"


def _copy_out(scratch: sqlite3.Connection, conn: Any, table: str) -> None:
    """One ledger table from the scratch file to the server, in the scratch file's row order."""
    columns = _columns(scratch, table)
    names = ", ".join(f'"{c}"' for c in columns)
    order = " ORDER BY rowid" if _has_rowid(scratch, table) else ""
    with conn.busy(), conn.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in scratch.execute(f"SELECT {names} FROM {table}{order}"):
            copy.write_row(tuple(row))


def _chunks(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= FETCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
