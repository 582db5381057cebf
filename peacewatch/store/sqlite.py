"""The embedded store: SQLite with numbered migrations.

Each document and all its records are written in one transaction, so an interrupted run leaves only
whole documents. Documents are keyed by the SHA-256 of their text: ingesting the same text twice
stores it once (``only_new`` drops it before any work is done on it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import LedgerSettings
from ..errors import StoreError
from ..types import Document, Result


@dataclass
class IngestStats:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (item, code, message)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def migrations() -> list[tuple[int, str, str]]:
    """The shipped migrations as (number, name, SQL), in order."""
    folder = resources.files("peacewatch.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text("utf-8")))
    return sorted(found)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open database {path}: {e}", "E040") from e
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path} is not a peacewatch database ({e}); choose another --db", "E040") from e
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database's ``user_version``; returns the new version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    known = migrations()
    newest = known[-1][0] if known else 0
    if current > newest:
        raise StoreError(
            f"the database is at schema version {current}, newer than this peacewatch ({newest}); "
            "upgrade peacewatch", "E041",
        )
    for number, _name, sql in known:
        if number <= current:
            continue
        conn.execute("BEGIN")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
        current = number
    return current


def _statements(sql: str) -> Iterator[str]:
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """Read and write documents and their records."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn = connect(path)
        self.stats = IngestStats()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_text(self, text: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", (content_hash(text),)
        ).fetchone()
        return row is not None

    def only_new(self, items: Iterable[Document | Result]) -> Iterator[Document | Result]:
        """Drop documents whose text is already stored (or seen earlier in this run)."""
        seen: set[str] = set()
        for item in items:
            self.stats.read += 1
            if isinstance(item, Document):
                digest = content_hash(item.text)
                if digest in seen or self.has_text(item.text):
                    self.stats.duplicates += 1
                    continue
                seen.add(digest)
            yield item

    def save(self, document: Document | None, result: Result) -> None:
        """Store one document with its records, or record an input failure."""
        if document is None:
            self._save_failure(result)
            return
        self.conn.execute("BEGIN")
        try:
            doc_id = self._insert_document(document, result)
            self._insert_records(doc_id, result)
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot store document {document.id}: {e}", "E040") from e
        if result.error is not None:
            self.stats.failed += 1
            self.stats.failures.append((doc_id, result.error.code, result.error.message))
        else:
            self.stats.stored += 1

    def _save_failure(self, result: Result) -> None:
        assert result.error is not None
        self.stats.failed += 1
        self.stats.failures.append((result.id, result.error.code, result.error.message))
        self.conn.execute(
            "INSERT OR REPLACE INTO failures (item, code, message, at) VALUES (?, ?, ?, ?)",
            (result.id, result.error.code, result.error.message, _now()),
        )

    def _insert_document(self, document: Document, result: Result) -> str:
        doc_id = document.id
        digest = content_hash(document.text)
        clash = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if clash is not None and clash[0] != digest:
            doc_id = f"{doc_id}~{digest[:8]}"  # same id, different text: keep both
        error = result.error
        self.conn.execute(
            "INSERT INTO documents (id, content_hash, text, published, url, title, extra, error_code,"
            " error_message, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, digest, document.text, document.published, document.url, document.title,
             json.dumps(document.extra, ensure_ascii=False, default=str),
             error.code if error else None, error.message if error else None, _now()),
        )
        return doc_id

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

    def result(self, doc_id: str) -> Result:
        """The stored per-document records of one document."""
        row = self.conn.execute("SELECT published, error_code, error_message FROM documents WHERE id = ?",
                                (doc_id,)).fetchone()
        data: dict[str, Any] = {"id": doc_id, "published": row["published"] if row else None}
        if row is not None and row["error_code"]:
            data["error"] = {"code": row["error_code"], "message": row["error_message"]}
        order = {"timexes": "idx", "mentions": "idx", "quotes": "idx", "entities": "rowid",
                 "events": "rowid", "commitments": "rowid"}
        for table, key in order.items():
            rows = self.conn.execute(f"SELECT record FROM {table} WHERE doc_id = ? ORDER BY {key}", (doc_id,))
            data[table] = [json.loads(r[0]) for r in rows]
        return Result.from_dict(data)


def resolve(store: Store, settings: LedgerSettings | dict[str, Any] | None = None, force: bool = False) -> None:
    """Rebuild the cross-document ledger from the stored per-document records."""
    from .ledger import rebuild_ledger

    rebuild_ledger(store.conn, settings, force=force)


def _j(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)
