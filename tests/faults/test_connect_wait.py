"""Opening a PostgreSQL database has a time limit: a server that accepts the connection and never
answers (hung, or something else listening on the port) held the command for ever. Now the open
ends with E040 past ``postgres.CONNECT_SECONDS``. No PostgreSQL server is needed: the "server" is a
socket that accepts and says nothing. The open runs in a thread joined with a bound, so a wait
without a limit fails the test instead of hanging it."""

from __future__ import annotations

import socket
import threading

import pytest

from peacewatch.errors import StoreError

postgres = pytest.importorskip("peacewatch.store.postgres")
pytest.importorskip("psycopg", reason="PostgreSQL support (psycopg) is not installed")

BOUND = 30.0


def test_a_server_that_never_answers_ends_the_open_with_a_coded_error(monkeypatch):
    monkeypatch.setattr(postgres, "CONNECT_SECONDS", 1)
    caught: list[BaseException] = []
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/peacewatch"

        def go() -> None:
            try:
                postgres.open_connection(url)
            except StoreError as e:
                caught.append(e)

        opener = threading.Thread(target=go, daemon=True)
        opener.start()
        opener.join(BOUND)
        assert not opener.is_alive(), "opening the database waited for a silent server without a limit"
    assert len(caught) == 1 and isinstance(caught[0], StoreError)
    assert caught[0].code == "E040" and "timeout" in caught[0].message
