"""The embedded store's writer: SQLite with numbered migrations.

Each document and all its records are written in one transaction, so an interrupted run leaves only
whole documents. The same text is stored once (``only_new`` drops it before any work is done on it).
A new text under a stored id is a new version of that document: it replaces the stored one with its
records (so the ledger counts it once), and the text it replaced is kept in ``versions``. An older
text sent again after a newer one is known history and changes nothing.

Several writers may share one database: each write transaction takes the write lock first (``BEGIN
IMMEDIATE``) and a writer that finds it taken waits up to ``dialect.LOCK_WAIT_SECONDS``, then fails
with E072 (SQLite's busy timeout); the schema is created or migrated under that lock after reading
``user_version`` again, so two processes creating one database both succeed. In WAL mode readers
(``reads.Reader``) never block a writer.

A ``--db postgresql://…`` opens a PostgreSQL database instead (``postgres.py``): the same schema and
statements, the write lock an advisory lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..types import Document, ErrorInfo, Result
from . import dialect
from .dialect import Connection, DatabaseErrors, dialect_of, is_postgres, sent_together, write_failed
from .schema import latest, migrations, statements


@dataclass
class IngestStats:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    replaced: int = 0  # stored documents that were new versions of a stored id (counted in stored too)
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (item, code, message)
    ledger: str = ""  # how the run's last resolve went: "incremental (why)", "full (why)" or "up to date"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# A document's transaction on PostgreSQL commits without waiting for the server to flush its log to
# disk: that wait (7 ms on this machine) was most of a document's storing. A server crash can then
# lose the documents committed in the last fraction of a second (never part of one: the database
# stays consistent, and the next ingest of the same input stores them again); the ledger's commit
# at the end of every ingest does wait, and flushes the log with every document before it.
ASYNC_COMMIT = "SET LOCAL synchronous_commit = off"


def open_database(db: str | Path) -> Connection:
    """Open the database ``--db`` names for writing: an SQLite file (created if needed) or a
    PostgreSQL URL (its database must exist); either way migrated to this peacewatch's schema."""
    if is_postgres(db):
        from . import postgres

        return postgres.connect(str(db))
    return connect(db)


def schema_version(conn: Connection) -> int:
    """The schema number of an open database, of either dialect."""
    if dialect_of(conn) == "postgresql":
        from . import postgres

        return postgres.version(conn) or 0  # type: ignore[arg-type]
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the SQLite database at ``path`` for writing."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=dialect.LOCK_WAIT_SECONDS)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open database {path}: {e}", "E040") from e
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(dialect.LOCK_WAIT_SECONDS * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Version and tables read in one snapshot (before WAL rewrites the header): read apart, a
        # concurrent creator's migration could commit in between and make a new file look foreign.
        conn.execute("BEGIN")
        try:
            _check_writable_schema(conn, _version(conn), latest(), path)
        finally:
            conn.execute("COMMIT")
        _wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, path)
    except StoreError:
        conn.close()
        raise
    except sqlite3.OperationalError as e:
        conn.close()
        raise write_failed(f"open database {path} for writing", e) from e
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is not a peacewatch database ({e}); choose another --db", "E044") from e
    return conn


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. Another process switching the same new file at the same moment can make
    SQLite answer 'locked' without waiting, so this retries for up to ``dialect.LOCK_WAIT_SECONDS``."""
    deadline = time.monotonic() + dialect.LOCK_WAIT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(conn: sqlite3.Connection, path: str | Path = "the database") -> int:
    """Apply every migration newer than the database's ``user_version``, all in one write
    transaction; returns the new version. The version is read again once the write lock is held,
    so a concurrent creator's work is seen, not repeated."""
    newest = latest()
    if _version(conn) == newest:
        return newest
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = _version(conn)
        _check_writable_schema(conn, current, newest, path)
        for number, _name, sql in migrations():
            if number > current:
                for statement in statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return newest


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _check_writable_schema(conn: sqlite3.Connection, current: int, newest: int, path: str | Path) -> None:
    if current > newest:
        raise StoreError(f"the database {path} is at schema version {current}, newer than this peacewatch "
                         f"({newest}); upgrade peacewatch", "E041")
    if current == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path} is not a peacewatch database (an SQLite file with other tables); it was left "
                         "as it was: choose another --db", "E044")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """Read and write documents and their records."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn = open_database(path)
        self.stats = IngestStats()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self, doc_id: str, digest: str) -> bool:
        """Whether this text is stored (under any id) or is an earlier version of this id."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = ?1)"
            " OR EXISTS (SELECT 1 FROM versions WHERE id = ?2 AND content_hash = ?1)", (digest, doc_id)).fetchone()
        return bool(row[0])

    def only_new(self, items: Iterable[Document | Result]) -> Iterator[Document | Result]:
        """Drop documents whose text is already stored, is known history of their id, or was seen
        earlier in this run."""
        seen: set[str] = set()
        for item in items:
            self.stats.read += 1
            if isinstance(item, Document):
                digest = content_hash(item.text)
                if digest in seen or self.known(item.id, digest):
                    self.stats.duplicates += 1
                    continue
                seen.add(digest)
            yield item

    def save(self, document: Document | None, result: Result) -> None:
        """Store one document with its records (a new version replacing the stored one), or record
        an input failure. A text another writer stored meanwhile is counted as a duplicate."""
        if document is None:
            self._save_failure(result)
            return
        if dialect_of(self.conn) == "postgresql" and _holds_nul(document):
            self._save_failure(Result(id=document.id, error=ErrorInfo(
                "E071", "the document holds a NUL character, which a PostgreSQL database cannot store")))
            return
        try:
            with sent_together(self.conn):
                self.conn.execute("BEGIN IMMEDIATE")
                if dialect_of(self.conn) == "postgresql":
                    # the commit does not wait for the server's disk (see ASYNC_COMMIT)
                    self.conn.execute(ASYNC_COMMIT)
                outcome = self._write(document, result)
                self.conn.execute("COMMIT")
        except DatabaseErrors as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise write_failed(f"store document {document.id}", e) from e
        if outcome == "duplicate":
            self.stats.duplicates += 1
        elif result.error is not None:
            self.stats.failed += 1
            self.stats.failures.append((document.id, result.error.code, result.error.message))
        else:
            self.stats.stored += 1
            self.stats.replaced += outcome == "replaced"

    def _write(self, document: Document, result: Result) -> str:
        """Inside the write transaction: 'duplicate', 'replaced' (a new version) or 'stored'."""
        digest = content_hash(document.text)
        known, stored = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = ?1)"
            " OR EXISTS (SELECT 1 FROM versions WHERE id = ?2 AND content_hash = ?1),"
            " EXISTS (SELECT 1 FROM documents WHERE id = ?2)", (digest, document.id)).fetchone()
        if known:
            return "duplicate"
        replaced = bool(stored) and self._keep_version(document.id)
        self._insert_document(document, digest, result)
        self._insert_records(document.id, result)
        return "replaced" if replaced else "stored"

    def _keep_version(self, doc_id: str) -> bool:
        """Move the stored text of ``doc_id`` (if any) to ``versions`` and delete the document with
        its records; the ledger's fingerprint goes too, so the next rebuild cannot skip."""
        row = self.conn.execute("SELECT content_hash, text, published, title, url FROM documents WHERE id = ?",
                                (doc_id,)).fetchone()
        if row is None:
            return False
        number = self.conn.execute("SELECT coalesce(max(version), 0) + 1 FROM versions WHERE id = ?",
                                   (doc_id,)).fetchone()[0]
        self.conn.execute("INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (doc_id, number, *row, _now()))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # records go by ON DELETE CASCADE
        self.conn.execute("DELETE FROM ledger_meta WHERE key = 'fingerprint'")
        return True

    def _save_failure(self, result: Result) -> None:
        assert result.error is not None
        self.stats.failed += 1
        self.stats.failures.append((result.id, result.error.code, result.error.message))
        self.conn.execute(
            "INSERT INTO failures (item, code, message, at) VALUES (?, ?, ?, ?) ON CONFLICT (item, code)"
            " DO UPDATE SET message = excluded.message, at = excluded.at",
            (result.id, result.error.code, result.error.message, _now()),
        )

    def _insert_document(self, document: Document, digest: str, result: Result) -> None:
        error = result.error
        self.conn.execute(
            "INSERT INTO documents (id, content_hash, text, published, url, title, extra, error_code,"
            " error_message, ingested_at, dated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.id, digest, document.text, document.published, document.url, document.title,
             json.dumps(document.extra, ensure_ascii=False, default=str),
             error.code if error else None, error.message if error else None, _now(),
             _j(result.dated.to_dict()) if result.dated is not None else None),
        )

    def _insert_records(self, doc_id: str, result: Result) -> None:
        ex = self.conn.executemany
        ex("INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?)",
           [(doc_id, i, t.start, t.end, t.type, t.value, _j(t.to_dict()))
            for i, t in enumerate(result.timexes)])
        ex("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
           [(doc_id, i, m.start, m.end, m.label, m.entity, _j(m.to_dict()))
            for i, m in enumerate(result.mentions)])
        ex("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
           [(doc_id, e.id, e.name, e.kind, e.code, e.sector, _j(e.to_dict())) for e in result.entities])
        ex("INSERT INTO quotes VALUES (?, ?, ?, ?, ?)",
           [(doc_id, i, q.speaker, int(q.direct), _j(q.to_dict())) for i, q in enumerate(result.quotes)])
        ex("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
           [(doc_id, e.id, e.type, e.mode, e.status, e.date, _j(e.to_dict())) for e in result.events])
        ex("INSERT INTO commitments VALUES (?, ?, ?, ?, ?)",
           [(doc_id, c.id, c.event, c.status, _j(c.to_dict())) for c in result.commitments])


def _holds_nul(document: Document) -> bool:
    """Whether a text field of the document (or its ``extra``, as JSON) holds NUL: PostgreSQL's text
    and JSON refuse it."""
    fields = (document.text, document.title or "", document.url or "")
    return any("\x00" in f for f in fields) or "\\u0000" in json.dumps(document.extra, default=str)


def _j(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)
