"""PostgreSQL as the store's database: one database a team shares (``--db postgresql://…``).

A ``PgConnection`` answers the store as an ``sqlite3.Connection`` does: the same statements (said in
PostgreSQL's dialect by ``dialect.to_postgres``), rows read by position or by name, transactions
begun and ended by statement (the connection itself is in autocommit). What SQLite's ``BEGIN
IMMEDIATE`` does — one writer at a time, the others waiting up to ``dialect.LOCK_WAIT_SECONDS``,
then failing with E072 (the session's ``lock_timeout``, which bounds every lock wait of every
statement) — a transaction-level advisory lock does here: every write transaction (a document, a
ledger rebuild, a correction) takes ``WRITE_LOCK`` first, so of several ingests on several machines
one writes at a time, and a ledger rebuild runs alone, while readers read the last committed state
without waiting.

The schema is the migrations' (``schema.py``), applied under ``SCHEMA_LOCK`` inside one transaction
(PostgreSQL's DDL is transactional), with its number in ``peacewatch_schema`` where SQLite keeps
``user_version``. peacewatch never creates a database: whoever runs the server does (``createdb``).
A database with other tables and no ``peacewatch_schema`` is not ours (E044) and is left as it was.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from . import dialect, pg_liveness
from .dialect import FUNCTIONS, to_postgres, write_failed
from .schema import latest, migrations, statements

WRITE_LOCK = 0x7065_6163_6577_0001  # the advisory lock of every write transaction (BEGIN IMMEDIATE)
SCHEMA_LOCK = 0x7065_6163_6577_0002  # the advisory lock of creating and migrating the schema
VERSION_TABLE = "peacewatch_schema"
# Seconds opening a connection may take (libpq's ``connect_timeout``), unless the URL names its own:
# without it, a server that accepts the connection and never answers (hung, or not PostgreSQL) held
# every command that opens the database for ever. Past it: E040.
CONNECT_SECONDS = 60
# How the liveness probe asks an open connection for an answer, and how long it waits for one: a
# server that accepts connections but finishes no statement (a backend stuck on a disk, a frozen
# server whose postmaster still forks) answers a connection and never the query. Past it: gone.
PROBE_QUERY = b"SELECT 1"
ANSWER_SECONDS = 60.0
# TCP keepalives of every connection, unless the URL names its own: an idle connection to a host that
# vanished is found dead within about a minute (a statement under way is ``pg_liveness``'s).
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as e:
        raise StoreError("a postgresql:// database needs PostgreSQL support: pip install 'peacewatch[postgres]'",
                         "E070") from e
    return psycopg


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


class Row:
    """One row, by position (``row[0]``, unpacking) or by column name (``row["id"]``, ``dict(row)``)."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = tuple(values)
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row{self._values!r}"


def _row_maker(cursor: Any) -> Any:
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


def _params(values: Any) -> Any:
    """SQLite's parameters for psycopg: a sequence, booleans as the integers SQLite stores."""
    if values is None:
        return None
    return [int(v) if isinstance(v, bool) else v for v in values]


class PgConnection:
    """A PostgreSQL connection that takes the store's SQLite statements (see the module's docstring).
    Every statement runs as *busy* for ``pg_liveness``, which cuts the connection off when the server
    stops answering; the statement then fails with a database error that says so."""

    dialect = "postgresql"

    def __init__(self, raw: Any, url: str) -> None:
        self.raw = raw
        self.url = url
        self.liveness = pg_liveness.Liveness(raw.pgconn.socket, url)
        pg_liveness.watch(self.liveness, probe)

    @property
    def in_transaction(self) -> bool:
        return bool(self.raw.info.transaction_status != _psycopg().pq.TransactionStatus.IDLE)

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """A block that waits for the server (for code that uses ``raw`` itself): watched for silence,
        and a failure after the watcher cut the connection off says why."""
        psycopg = _psycopg()
        with self.liveness.busy():
            try:
                yield
            except psycopg.Error as e:
                if self.liveness.silent is None:
                    raise
                raise psycopg.OperationalError(self.liveness.silent) from e

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        command = sql.strip().upper()
        with self.busy():
            if command in ("BEGIN", "BEGIN IMMEDIATE"):
                self.raw.execute("BEGIN")
                if command == "BEGIN IMMEDIATE":
                    self.raw.execute("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK])
                return self.raw.cursor()
            return self.raw.execute(to_postgres(sql), _params(parameters) if parameters else None)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        cursor = self.raw.cursor()
        rows = [_params(p) for p in parameters]
        if rows:
            with self.busy():
                cursor.executemany(to_postgres(sql), rows)
        return cursor

    @contextlib.contextmanager
    def pipeline(self) -> Iterator[Any]:
        """psycopg's pipeline mode for a block (``dialect.sent_together``)."""
        with self.busy(), self.raw.pipeline() as pipeline:
            yield pipeline

    def close(self) -> None:
        self.liveness.close(self.raw.close)


def probe(url: str) -> str | None:
    """Whether the server at ``url`` answers (for ``pg_liveness``): a new connection that asks it a
    trivial query. None when the server answered (the query's result, or an error the server itself
    sent while opening or answering), else what went wrong: the open ran out of time or was refused,
    or the query got no answer within ``ANSWER_SECONDS`` (a server that starts sessions but finishes
    no statement)."""
    psycopg = _psycopg()
    limit = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_SECONDS}
    try:
        raw = psycopg.connect(url, autocommit=True, **limit)
    except psycopg.Error as e:
        return None if pg_liveness.answered(e) else str(e).strip() or type(e).__name__
    try:
        return _unanswered(raw.pgconn, ANSWER_SECONDS)
    finally:
        with contextlib.suppress(psycopg.Error):
            raw.pgconn.nonblocking = 1  # the goodbye is never waited for: the server may not read it
        raw.close()


def _unanswered(pgconn: Any, seconds: float) -> str | None:
    """Send ``PROBE_QUERY`` on an open connection and wait at most ``seconds`` for its result: None
    when the server answered (a result or an error of its own), else why not. The wait is psycopg's
    libpq interface driven by hand, since a statement of psycopg's own waits without a limit."""
    psycopg = _psycopg()
    deadline = time.monotonic() + seconds
    late = f"a trivial query ({PROBE_QUERY.decode()}) on it got no answer within {seconds:g} s"
    try:
        pgconn.nonblocking = 1
        pgconn.send_query(PROBE_QUERY)
        with selectors.DefaultSelector() as waiting:
            key = waiting.register(pgconn.socket, selectors.EVENT_READ | selectors.EVENT_WRITE)
            while pgconn.flush():  # the query not sent whole yet: wait until the socket takes more
                if not waiting.select(deadline - time.monotonic()):
                    return late
            waiting.modify(key.fileobj, selectors.EVENT_READ)
            while pgconn.is_busy():
                if time.monotonic() >= deadline or not waiting.select(deadline - time.monotonic()):
                    return late
                pgconn.consume_input()
        result = pgconn.get_result()
    except psycopg.Error as e:  # the connection broke without a word from the server
        return f"the connection closed before a trivial query was answered ({str(e).strip() or type(e).__name__})"
    if result is None:
        return "the server ended a trivial query without a result"
    return None  # rows, or an error the server sent: either way it answered


def open_connection(url: str, *, read_only: bool = False) -> PgConnection:
    """A connection to the database at ``url`` (E043 when it does not exist, E040 when the server
    cannot be reached or refuses)."""
    psycopg = _psycopg()
    # every wait for a lock (the write lock, a row, a table being migrated) ends at the limit: E072
    options = f"-c lock_timeout={int(dialect.LOCK_WAIT_SECONDS * 1000)}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    limit: dict[str, int] = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_SECONDS}
    if "keepalives" not in url:
        limit.update(KEEPALIVES)
    try:
        raw = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.RawCursor, row_factory=_row_maker,
                              options=options, **limit)
    except psycopg.Error as e:
        if re.search(r'database ".*" does not exist', str(e)):
            raise StoreError(f"no peacewatch database at {shown(url)}: the PostgreSQL database does not exist; "
                             "create it first (`createdb NAME`), then `peacewatch ingest --db URL …`", "E043") from e
        raise StoreError(f"cannot open database {shown(url)}: {str(e).strip()}", "E040") from e
    return PgConnection(raw, url)


def connect(url: str) -> PgConnection:
    """Open the database at ``url`` for writing, creating or migrating the schema in it."""
    conn = open_connection(url)
    try:
        migrate(conn)
    except StoreError:
        conn.close()
        raise
    except _psycopg().Error as e:
        conn.close()
        raise write_failed(f"open database {shown(url)} for writing", e) from e
    return conn


def version(conn: PgConnection) -> int | None:
    """The schema number of a peacewatch database; None when the database has no peacewatch schema.

    The version table is looked for in the catalog's rows, not by name (``to_regclass``): a look-up
    by name answers from the session's cache of the catalog, which a transaction that began while
    another session was creating the schema may not have brought up to date with that commit (the
    server tells a waiting session to catch up only when many changes pile up), so a second first
    writer, holding the schema lock at last, found no version table among the new tables (E044)."""
    with conn.busy():
        found = conn.raw.execute("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                                 "AND tablename = $1", [VERSION_TABLE]).fetchone()[0]
        if not found:
            return None
        row = conn.raw.execute(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
    return int(row[0] or 0)


def other_tables(conn: PgConnection) -> int:
    with conn.busy():
        return int(conn.raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
                   .fetchone()[0])


def migrate(conn: PgConnection) -> int:
    """Apply every migration newer than the database's, in one transaction under ``SCHEMA_LOCK``
    (the version read again once the lock is held, so of two first writers one creates the schema)."""
    with conn.busy():
        return _migrate(conn)


def _migrate(conn: PgConnection) -> int:
    newest = latest()
    if version(conn) == newest:
        return newest
    conn.execute("BEGIN")
    try:
        conn.raw.execute("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK])
        current = version(conn)
        if current is None and other_tables(conn):
            raise StoreError(f"{shown(conn.url)} is not a peacewatch database (a PostgreSQL database with other "
                             "tables); it was left as it was: choose another --db", "E044")
        if current is not None and current > newest:
            raise StoreError(f"the database {shown(conn.url)} is at schema version {current}, newer than this "
                             f"peacewatch ({newest}); upgrade peacewatch", "E041")
        for function in FUNCTIONS:
            conn.raw.execute(function)
        if current is None:
            conn.raw.execute(f"CREATE TABLE {VERSION_TABLE} (version BIGINT NOT NULL)")
            current = 0
        for number, _name, sql in migrations():
            if number > current:
                for statement in statements(sql):
                    conn.execute(statement)
        conn.raw.execute(f"DELETE FROM {VERSION_TABLE}")
        conn.raw.execute(f"INSERT INTO {VERSION_TABLE} VALUES ($1)", [newest])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return newest


def open_readonly(url: str) -> tuple[PgConnection, int]:
    """A read-only connection to a peacewatch database and its schema number (E043 no database,
    E044 one without peacewatch's schema); the caller judges the number (a reader never migrates)."""
    conn = open_connection(url, read_only=True)
    try:
        found = version(conn)
        with conn.busy():
            tables = conn.raw.execute("SELECT to_regclass('documents')").fetchone()[0]
        if found is None or tables is None:
            raise StoreError(f"{shown(url)} is not a peacewatch database (a PostgreSQL database without "
                             "peacewatch's tables); choose another --db", "E044")
    except BaseException:
        conn.close()
        raise
    return conn, found
