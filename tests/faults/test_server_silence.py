"""A PostgreSQL server that stops answering in the middle of a statement no longer holds the command
for ever: ``pg_liveness`` notices a statement that has waited long, asks the server with a new
connection, and when that gets no answer either, cuts the waiting connection off, so the statement
fails with a database error naming the silence (E040 where the store reports it). A long statement
on a server that does answer is left to finish. The server is the tests' PostgreSQL behind a small
proxy that can stop passing bytes on ("freeze"), as a hung server or a dropped network path does.
Every wait runs in a thread joined with a bound, so a wait without a limit fails instead of hanging."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import urlsplit

import pytest

from tests.conftest import drop_pg_database, new_pg_database

postgres = pytest.importorskip("peacewatch.store.postgres")
psycopg = pytest.importorskip("psycopg", reason="PostgreSQL support (psycopg) is not installed")
from peacewatch.store import dialect, pg_liveness  # noqa: E402

BOUND = 60.0


class Proxy:
    """Passes TCP bytes between clients and the server until frozen; frozen, it holds every byte and
    leaves new connections unanswered."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = threading.Event()
        self.stopped = threading.Event()
        self.sockets: list[socket.socket] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.frozen.is_set():
                continue  # accepted by the kernel, never answered
            upstream = socket.create_connection(self.target)
            self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        while not self.stopped.is_set():
            try:
                data = source.recv(65536)
            except OSError:
                return
            while self.frozen.is_set() and not self.stopped.is_set():
                time.sleep(0.05)
            if not data or self.stopped.is_set():
                return
            try:
                sink.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self.stopped.set()
        for s in [self.listener, *self.sockets]:
            try:
                s.close()
            except OSError:
                pass


@pytest.fixture
def proxied(postgres_server, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pg_liveness, "BUSY_SECONDS", 1.0)
    monkeypatch.setattr(pg_liveness, "TICK_SECONDS", 0.2)
    monkeypatch.setattr(postgres, "CONNECT_SECONDS", 2)
    url = new_pg_database(postgres_server)
    parts = urlsplit(url)
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    try:
        yield proxy, url.replace(f":{parts.port}/", f":{proxy.port}/")
    finally:
        proxy.close()
        drop_pg_database(url)


def _in_thread(work):  # type: ignore[no-untyped-def]
    outcome: dict[str, object] = {}

    def go() -> None:
        try:
            outcome["value"] = work()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    runner = threading.Thread(target=go, daemon=True)
    runner.start()
    runner.join(BOUND)
    assert not runner.is_alive(), "the statement waited for a silent server without a limit"
    return outcome


def test_a_statement_the_server_stops_answering_fails_with_the_reason(proxied):
    proxy, url = proxied
    conn = postgres.connect(url)
    try:
        assert conn.execute("SELECT 41 + 1").fetchone()[0] == 42
        proxy.frozen.set()
        started = time.monotonic()
        outcome = _in_thread(lambda: conn.execute("SELECT count(*) FROM documents").fetchone())
        assert "value" not in outcome
        error = outcome["error"]
        assert isinstance(error, dialect.DatabaseErrors)
        assert "stopped answering" in str(error)
        assert time.monotonic() - started < BOUND
        coded = dialect.write_failed("store the document", error)  # type: ignore[arg-type]
        assert coded.code == "E040" and "stopped answering" in coded.message
    finally:
        conn.close()


def test_a_long_statement_on_a_server_that_answers_is_left_to_finish(proxied):
    _, url = proxied
    conn = postgres.connect(url)
    try:
        outcome = _in_thread(lambda: conn.execute("SELECT pg_sleep(2.5), 7").fetchone())
        assert "error" not in outcome, outcome.get("error")
        assert outcome["value"][1] == 7  # type: ignore[index]
        assert conn.liveness.alive_at > 0, "the watcher never asked the server during the long statement"
        assert conn.liveness.silent is None
    finally:
        conn.close()


def test_an_error_the_server_sends_is_a_sign_of_life():
    class Refused(Exception):
        sqlstate = "53300"  # too many clients

    assert pg_liveness.answered(Refused())
    assert not pg_liveness.answered(TimeoutError("connection timeout expired"))


def test_a_closed_connection_is_never_cut(tmp_path):
    a, b = socket.socketpair()
    try:
        liveness = pg_liveness.Liveness(a.fileno(), "postgresql://nowhere/none")
        with liveness.busy():
            pass
        liveness.cut("no answer")  # not busy: left alone
        assert liveness.silent is None
        b.sendall(b"x")
        assert a.recv(1) == b"x"  # the socket still works
    finally:
        a.close()
        b.close()
