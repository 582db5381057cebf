"""A PostgreSQL server that stops answering in the middle of a statement no longer holds the command
for ever: ``pg_liveness`` notices a statement that has waited long, asks the server with a new
connection, and when that gets no answer either, cuts the waiting connection off, so the statement
fails with a database error naming the silence (E040 where the store reports it). A long statement
on a server that does answer is left to finish. The server is the tests' PostgreSQL behind a small
proxy that can stop passing bytes on ("freeze"), as a hung server or a dropped network path does, or
let every connection open and then hold the replies to its statements ("hang"), as a server does
whose postmaster still starts sessions while no statement finishes (a backend stuck on a disk or a
lock). Every wait runs in a thread joined with a bound, so a wait without a limit fails instead of
hanging."""

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
    leaves new connections unanswered. Hung, it passes a connection's opening (the server's replies up
    to its first ReadyForQuery) and holds every reply after it."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = threading.Event()
        self.hung = threading.Event()
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
            threading.Thread(target=self._pump, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, Opening()), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, opening: Opening | None) -> None:
        while not self.stopped.is_set():
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if opening is not None and not opening.done:
                head, data = opening.split(data)  # the opening passes even while hung
                if head and not self._send(sink, head):
                    return
            while (self.frozen.is_set() or (opening is not None and self.hung.is_set())) \
                    and not self.stopped.is_set():
                time.sleep(0.05)
            if self.stopped.is_set() or (data and not self._send(sink, data)):
                return

    @staticmethod
    def _send(sink: socket.socket, data: bytes) -> bool:
        try:
            sink.sendall(data)
        except OSError:
            return False
        return True

    def close(self) -> None:
        self.stopped.set()
        for s in [self.listener, *self.sockets]:
            try:
                s.close()
            except OSError:
                pass


class Opening:
    """Reads the server's side of one connection as PostgreSQL messages (a type byte, then a length
    that counts itself) until its first ReadyForQuery ("Z"): the end of the connection's opening."""

    def __init__(self) -> None:
        self.pending = b""
        self.done = False

    def split(self, data: bytes) -> tuple[bytes, bytes]:
        """``data`` cut at the end of the opening: what belongs to it, and what comes after."""
        start = len(self.pending)
        self.pending += data
        at = 0
        while len(self.pending) - at >= 5:
            end = at + 1 + int.from_bytes(self.pending[at + 1:at + 5], "big")
            if end > len(self.pending):
                break
            if self.pending[at:at + 1] == b"Z":
                self.done = True
                cut = end - start
                return data[:cut], data[cut:]
            at = end
        return data, b""


@pytest.fixture
def proxied(postgres_server, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pg_liveness, "BUSY_SECONDS", 1.0)
    monkeypatch.setattr(pg_liveness, "TICK_SECONDS", 0.2)
    monkeypatch.setattr(postgres, "CONNECT_SECONDS", 2)
    monkeypatch.setattr(postgres, "ANSWER_SECONDS", 1.0)
    url = new_pg_database(postgres_server)
    parts = urlsplit(url)
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    try:
        # no SSL or GSS request first: the proxy reads the server's plain replies
        yield proxy, url.replace(f":{parts.port}/", f":{proxy.port}/") + "?sslmode=disable&gssencmode=disable"
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


@pytest.mark.parametrize("fault, words", [
    # the server stops answering altogether: the probe cannot even connect
    ("frozen", ("stopped answering",)),
    # the server opens connections but answers no query: the probe's trivial query gets no answer
    ("hung", ("stopped answering", "trivial query")),
])
def test_a_statement_the_server_stops_answering_fails_with_the_reason(proxied, fault, words):
    proxy, url = proxied
    conn = postgres.connect(url)
    try:
        assert conn.execute("SELECT 41 + 1").fetchone()[0] == 42
        getattr(proxy, fault).set()
        started = time.monotonic()
        outcome = _in_thread(lambda: conn.execute("SELECT count(*) FROM documents").fetchone())
        assert "value" not in outcome
        error = outcome["error"]
        assert isinstance(error, dialect.DatabaseErrors)
        assert all(w in str(error) for w in words), str(error)
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
