"""A writer waits for the database's write lock up to a limit, then fails with E072 naming the lock,
on SQLite (its busy timeout) and on PostgreSQL (the session's ``lock_timeout``, which also ends a
statement's wait for a table lock): two connections, one holding the lock, the other's write must
end with the code instead of waiting without a limit. Each wait runs in a thread joined with a
generous bound, so a wait without a limit fails the test instead of hanging it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from peacewatch.errors import PeacewatchError, StoreError
from peacewatch.store import dialect
from peacewatch.store.corrections import append
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Document, Result

LIMIT = 0.3  # seconds: the lock wait under test
BOUND = 60.0  # seconds a thread is given before the wait counts as one without a limit


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialect, "LOCK_WAIT_SECONDS", LIMIT)


def outcome(action: Callable[[], Any]) -> BaseException | None:
    """What ``action`` raised, run in a thread that must end within ``BOUND``."""
    caught: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
        except BaseException as e:  # handed to the test thread, which asserts on it
            caught.append(e)
        else:
            caught.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(BOUND)
    assert not thread.is_alive(), "the write waited for the lock without a limit"
    return caught[0]


def held(db: str) -> Store:
    """A store holding the write lock (an open write transaction)."""
    holder = Store(db)
    holder.conn.execute("BEGIN IMMEDIATE")
    return holder


def save_once(db: str, doc: Document) -> None:
    """Open a writer (in the calling thread: an SQLite connection stays in its thread), save ``doc``;
    a failed save must leave no transaction open."""
    with Store(db) as store:
        try:
            store.save(doc, Result(id=doc.id))
        finally:
            assert not store.conn.in_transaction  # rolled back, nothing half-written


def rebuild_and_correct(db: str) -> tuple[BaseException | None, BaseException | None]:
    with Store(db) as store:
        rebuild = correction = None
        try:
            rebuild_ledger(store.conn, force=True)
        except StoreError as e:
            rebuild = e
        try:
            append(store.conn, "event", {"event": "x"}, {"type": "CONSULT"})
        except PeacewatchError as e:
            correction = e
        return rebuild, correction


def test_a_document_write_ends_with_e072_while_another_writer_holds_the_lock(databases: Any) -> None:
    db = databases.make()
    holder = held(db)
    doc = Document("w", "a waiting write")
    try:
        error = outcome(lambda: save_once(db, doc))
        assert isinstance(error, StoreError) and error.code == "E072"
        assert "write lock" in error.message and "store document w" in error.message
        holder.conn.execute("COMMIT")
        assert outcome(lambda: save_once(db, doc)) is None  # the lock free: the same write succeeds
    finally:
        holder.close()


def test_a_ledger_rebuild_and_a_correction_end_with_e072_while_the_lock_is_held(databases: Any) -> None:
    db = databases.make()
    holder = held(db)
    found: list[tuple[BaseException | None, BaseException | None]] = []
    try:
        assert outcome(lambda: found.append(rebuild_and_correct(db))) is None
        rebuild, correction = found[0]
        assert isinstance(rebuild, StoreError) and rebuild.code == "E072" and "ledger" in rebuild.message
        assert isinstance(correction, PeacewatchError) and correction.code == "E072"
    finally:
        holder.close()


def test_opening_a_new_database_for_writing_ends_with_e072_while_its_creator_holds_the_lock(
        databases: Any) -> None:
    """The schema is created under the lock: a second writer opening the database meanwhile waits
    for it up to the limit."""
    db = databases.make()
    if databases.backend == "sqlite":
        import sqlite3

        creator = sqlite3.connect(db, isolation_level=None)
        creator.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        from peacewatch.store.postgres import SCHEMA_LOCK

        creator = psycopg.connect(db, autocommit=True)
        creator.execute("BEGIN")
        creator.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
    try:
        error = outcome(lambda: Store(db).close())
        assert isinstance(error, StoreError) and error.code == "E072" and "open database" in error.message
    finally:
        creator.close()


def test_a_postgresql_reader_waiting_on_a_table_lock_ends_with_a_coded_error(databases: Any) -> None:
    """On PostgreSQL every statement's lock wait is bounded, not only the writer's: a reader that
    meets a table held exclusively (a migration's DDL) fails with a coded error at the limit."""
    if databases.backend == "sqlite":
        pytest.skip("SQLite readers in WAL mode take no lock a writer holds")
    import psycopg

    db = databases.make()
    Store(db).close()
    blocker = psycopg.connect(db, autocommit=True)
    blocker.execute("BEGIN")
    blocker.execute("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE")
    try:
        with Reader(db) as reader:
            error = outcome(lambda: reader.summary())
        assert isinstance(error, StoreError) and error.code == "E040" and "lock timeout" in error.message
    finally:
        blocker.close()
