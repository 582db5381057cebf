"""One schema, two dialects: the SQL the store writes is SQLite's; this module says it in PostgreSQL's.

The migrations in ``migrations/`` and every query of the store are written once, for SQLite. A
PostgreSQL database (``--db postgresql://…``, ``store/postgres.py``) runs the same text through
``to_postgres``, which changes only what the two dialects spell differently:

- placeholders: ``?`` and ``?N`` become ``$k`` and ``$N`` (psycopg's raw cursor sends them as they are);
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING``; ``WHERE 1`` becomes ``WHERE TRUE``;
  ``LIMIT -1`` (no limit) becomes ``LIMIT NULL``;
- temporary tables: ``temp.x`` is ``pg_temp.x`` (an index on one is not qualified at all);
- table definitions: ``INTEGER`` is ``BIGINT`` (SQLite's integers are 64-bit), ``REAL`` is ``DOUBLE
  PRECISION``, ``BLOB`` is ``BYTEA``; every ``TEXT`` column compares and sorts bytewise (``COLLATE
  "C"``, as SQLite does), so ordered reads come out in the same order on both; an ``INTEGER PRIMARY
  KEY`` numbers itself; a table that is not ``WITHOUT ROWID`` gets a ``rowid`` column numbering its
  rows in the order they were inserted (the store orders by it, as SQLite's own ``rowid``).

SQLite's functions that PostgreSQL lacks (``json_extract``, ``json_each``, ``instr``, two-argument
``min``/``max``, ``substr`` over 64-bit integers) are defined in the database by ``FUNCTIONS``, with
SQLite's meaning for what the store asks of them (``json_extract`` answers text; a query doing
arithmetic on a JSON number casts it, in both dialects).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, ContextManager, Protocol

from ..errors import StoreError

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def is_postgres(db: object) -> bool:
    """Whether ``--db`` names a PostgreSQL database (a connection URL) rather than an SQLite file."""
    return isinstance(db, str) and db.startswith(POSTGRES_PREFIXES)


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store asks of a connection: ``sqlite3.Connection`` and ``postgres.PgConnection`` both."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...

    def close(self) -> None: ...


def dialect_of(conn: object) -> str:
    """``postgresql`` for a PostgreSQL connection, ``sqlite`` otherwise."""
    return str(getattr(conn, "dialect", "sqlite"))


def sent_together(conn: object) -> ContextManager[object]:
    """A block whose statements go to the database together: on PostgreSQL in pipeline mode (each
    statement is sent without waiting for the one before, and the client waits only where it reads
    a result, and at the end of the block), so a document's transaction costs a few round trips to
    the server instead of one per statement; on SQLite, which has no round trips, an empty block."""
    pipeline = getattr(conn, "pipeline", None)
    return pipeline() if pipeline is not None else contextlib.nullcontext()


def _database_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


DatabaseErrors = _database_errors()  # what a failing query raises, in either dialect


def database_fault(error: BaseException) -> bool:
    """True when ``error`` is the database failing (a damaged file, a full or failing disk, a server
    gone), not a statement peacewatch got wrong: SQLite's plain ``DatabaseError`` ("database disk image
    is malformed") and ``OperationalError``, PostgreSQL's ``OperationalError``. A ``ProgrammingError``
    or ``IntegrityError`` is a bug and stays one (E099)."""
    if type(error) in (sqlite3.DatabaseError, sqlite3.OperationalError):
        return True
    kind = type(error)
    return kind.__module__.startswith("psycopg") and any(k.__name__ == "OperationalError" for k in kind.__mro__)

# How long a writer waits for the write lock another writer holds (a large ledger rebuild holds it
# for minutes), and on PostgreSQL how long any statement waits for any lock; past it the write fails
# with E072 naming the lock. Read when a connection opens (a test sets it lower).
LOCK_WAIT_SECONDS = 600.0


def lock_wait_ended(e: BaseException) -> bool:
    """Whether a database error is a lock wait that reached ``LOCK_WAIT_SECONDS``: SQLite's "database
    is locked" (its busy timeout ran out), PostgreSQL's ``lock_not_available`` (``lock_timeout``)."""
    if isinstance(e, sqlite3.OperationalError):
        return "locked" in str(e)
    return getattr(e, "sqlstate", None) == "55P03"


def write_failed(what: str, e: BaseException) -> StoreError:
    """The coded error of a write that failed with the database error ``e``: E072 when it waited for a
    lock past the limit, E040 otherwise."""
    if lock_wait_ended(e):
        return StoreError(f"cannot {what}: the database's write lock (held by another writer: an ingest, a "
                          f"ledger rebuild or a correction) was not free within {LOCK_WAIT_SECONDS:g} s; run "
                          "again when that writer is done", "E072")
    return StoreError(f"cannot {what}: {e}", "E040")


# --- statements -------------------------------------------------------------------------------

_QUOTED = re.compile(r"('(?:[^']|'')*'|\"[^\"]*\")")
_INTEGER_KEY = re.compile(r"\bINTEGER PRIMARY KEY\b", re.IGNORECASE)


@lru_cache(maxsize=2048)
def to_postgres(sql: str) -> str:
    """The PostgreSQL text of one SQLite statement (see the module's docstring)."""
    parts = _QUOTED.split(sql)
    code = " ".join(parts[0::2])  # the statement without its literals, to decide what it is
    if re.match(r"\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TABLE\b(?!.*\bAS\s+SELECT\b)", code, re.IGNORECASE | re.DOTALL):
        parts = _table(parts)
    counter = iter(range(1, 1_000_000))
    out = []
    for number, part in enumerate(parts):
        if number % 2:
            out.append(part)  # a literal: left as it is
            continue
        part = re.sub(r"\bLIMIT \?", "LIMIT NULLIF(?, -1)", part)  # SQLite's LIMIT -1 is no limit
        part = re.sub(r"\?(\d+)", r"$\1", part)
        part = re.sub(r"\?", lambda _: f"${next(counter)}", part)
        part = re.sub(r"\bCREATE (UNIQUE )?INDEX temp\.", r"CREATE \1INDEX ", part, flags=re.IGNORECASE)
        part = re.sub(r"\btemp\.", "pg_temp.", part)
        part = re.sub(r"\bWHERE 1\b(?!\s*[=<>!])", "WHERE TRUE", part)
        part = re.sub(r"\bAS REAL\)", "AS DOUBLE PRECISION)", part)
        out.append(part)
    text = "".join(out)
    if re.match(r"\s*INSERT OR IGNORE INTO\b", text, re.IGNORECASE):
        text = re.sub(r"INSERT OR IGNORE INTO", "INSERT INTO", text, count=1, flags=re.IGNORECASE)
        text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return text


def _table(parts: list[str]) -> list[str]:
    """A table definition's literals and code, its column types said in PostgreSQL's words."""
    code = parts[0::2]
    whole = " ".join(code)
    own_key = bool(_INTEGER_KEY.search(whole))
    without_rowid = bool(re.search(r"\)\s*WITHOUT ROWID\s*;?\s*$", whole, re.IGNORECASE))
    for i in range(0, len(parts), 2):
        part = parts[i]
        part = _INTEGER_KEY.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", part)
        part = re.sub(r"\bINTEGER\b", "BIGINT", part)
        part = re.sub(r"\bREAL\b", "DOUBLE PRECISION", part)
        part = re.sub(r"\bBLOB\b", "BYTEA", part)
        part = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', part)
        part = re.sub(r"\)\s*WITHOUT ROWID", ")", part, flags=re.IGNORECASE)
        parts[i] = part
    if not own_key and not without_rowid:
        last = max(i for i in range(0, len(parts), 2) if ")" in parts[i])
        head, _, tail = parts[last].rpartition(")")
        parts[last] = head + ",\n    rowid BIGINT GENERATED ALWAYS AS IDENTITY)" + tail
    return parts


# --- functions --------------------------------------------------------------------------------

# SQLite's built-in functions the store uses, defined in a PostgreSQL database for its queries.
FUNCTIONS = (
    r"""CREATE OR REPLACE FUNCTION pw_json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT CASE WHEN path = '$' THEN ARRAY[]::text[]
               ELSE string_to_array(regexp_replace(substr(path, 3), '\[(\d+)\]', '.\1', 'g'), '.') END $$""",
    """CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $$ SELECT doc::jsonb #>> pw_json_path(path) $$""",
    """CREATE OR REPLACE FUNCTION json_each(doc text, path text) RETURNS TABLE (value text) LANGUAGE sql
    IMMUTABLE PARALLEL SAFE AS $$ SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(doc::jsonb
    #> pw_json_path(path)) = 'array' THEN doc::jsonb #> pw_json_path(path) ELSE '[]'::jsonb END) $$""",
    """CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $$ SELECT strpos(haystack, needle) $$""",
    """CREATE OR REPLACE FUNCTION substr(s text, first bigint, n bigint) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $$ SELECT pg_catalog.substr(s, first::integer, greatest(n, 0)::integer) $$""",
    """CREATE OR REPLACE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END $$""",
    """CREATE OR REPLACE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END $$""",
)
