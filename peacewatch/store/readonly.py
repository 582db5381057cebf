"""Opening a database for reading only: no file is created, nothing is migrated, nothing written.

The file is opened through a ``file:…?mode=ro`` URI. A database in WAL mode needs its shared-memory
index (``-shm``); on read-only media that index cannot be made, and the file is then opened with
``immutable=1`` (SQLite reads it as it is, without locks: right for media nobody writes to). What the
file is comes from ``PRAGMA user_version`` and its table names, read without writing: a missing file,
a file that is not SQLite, a SQLite file of another program, a peacewatch schema older or newer than
this peacewatch each get their own coded error.

A PostgreSQL URL is opened by ``postgres.open_readonly`` with the same meanings: no such database
(E043), a database without peacewatch's schema (E044), an older or newer schema (E045/E041); its
connections refuse to write (``default_transaction_read_only``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .dialect import is_postgres
from .schema import latest


def readonly_uri(path: str | Path) -> str:
    """The ``mode=ro`` URI of an existing database file, or E043 when there is none."""
    file = Path(path)
    if not file.is_file():
        raise StoreError(f"no peacewatch database at {path}: check --db, or create one with "
                         f"`peacewatch ingest --db {path} …`", "E043")
    return file.resolve().as_uri() + "?mode=ro"


def open_uri(uri: str, path: str | Path) -> Any:
    """A read-only connection (any thread may use it; ``Reader`` gives each thread its own)."""
    if is_postgres(uri):
        from . import postgres

        return postgres.open_connection(uri, read_only=True)
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open database {path}: {e}", "E040") from e
    conn.row_factory = sqlite3.Row
    return conn


def open_readonly(path: str | Path) -> tuple[Any, str]:
    """Open ``path`` for reading and check that it is a current peacewatch database; returns the
    connection and the URI it was opened with (for more connections to the same file)."""
    if is_postgres(path):
        from . import postgres

        conn, version = postgres.open_readonly(str(path))
        try:
            check_version(version, postgres.shown(str(path)))
        except StoreError:
            conn.close()
            raise
        return conn, str(path)
    uri = readonly_uri(path)
    conn = open_uri(uri, path)
    try:
        version = _probe(conn, path)
    except sqlite3.OperationalError as e:
        conn.close()
        if not _cannot_make_wal_index(e):
            raise StoreError(f"cannot read database {path}: {e}", "E040") from e
        uri = uri.replace("?mode=ro", "?mode=ro&immutable=1")
        conn = open_uri(uri, path)
        try:
            version = _probe(conn, path)
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"cannot read database {path}: {e}", "E040") from e
    except StoreError:
        conn.close()
        raise
    try:
        check_version(version, path)
    except StoreError:
        conn.close()
        raise
    return conn, uri


def _cannot_make_wal_index(e: sqlite3.OperationalError) -> bool:
    """SQLite's answers when a WAL database's ``-shm`` cannot be created or written; anything else
    (a lock held during a writer's recovery) must not fall back to ``immutable=1``, which would read
    a file another process is changing."""
    text = str(e).lower()
    return "unable to open" in text or "readonly" in text or "read-only" in text


def _probe(conn: sqlite3.Connection, path: str | Path) -> int:
    """The schema version of a peacewatch database; E044 for anything else."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError:
        raise  # the caller tells a missing WAL index from other failures
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path} is not a peacewatch database (not an SQLite file: {e}); choose another --db",
                         "E044") from e
    if version == 0 or "documents" not in tables:
        raise StoreError(f"{path} is not a peacewatch database (an SQLite file without peacewatch tables); "
                         "choose another --db", "E044")
    return version


def check_version(version: int, path: str | Path) -> None:
    """E041 for a schema newer than this peacewatch, E045 for an older one (a reader may not migrate)."""
    newest = latest()
    if version > newest:
        raise StoreError(f"the database {path} is at schema version {version}, newer than this peacewatch "
                         f"({newest}); upgrade peacewatch", "E041")
    if version < newest:
        raise StoreError(f"the database {path} has schema version {version}, older than this peacewatch "
                         f"({newest}): run `peacewatch migrate --db {path}` (or `peacewatch ingest`) first",
                         "E045")
