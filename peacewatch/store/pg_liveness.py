"""Noticing a PostgreSQL server that stopped answering in the middle of a statement.

A statement that waits for a lock ends at ``lock_timeout`` (E072) and opening a connection at
``connect_timeout`` (E040), but a server that stops answering once a statement is under way (its
process frozen, its host gone, a network path dropped without a reset) left the client reading a
socket for ever: the ingest, the rebuild or the web request it served never ended. A long statement
on a healthy server is just as quiet on the socket (a ledger rebuild's copy takes minutes), so
silence alone proves nothing; this module asks the server instead.

Every open PostgreSQL connection is watched by one daemon thread. A connection is *busy* while it
runs a statement (``PgConnection.busy``). Once a connection has been busy for ``BUSY_SECONDS``
without a sign of life, the watcher probes the server: it opens a new connection to it (bounded by
the connect timeout) and asks a trivial query on it, waiting for the answer no longer than
``postgres.ANSWER_SECONDS``. A session that starts is not enough: a server stuck on a disk or with a
frozen backend still accepts connections while no statement finishes. If the query is answered, or
the server sends any error of its own, it is alive and the clock starts again; if the open runs out
of time or is refused, or the query gets no answer in time, the server is taken as gone, the busy
connection's socket is shut down, and the statement waiting on it ends with a database error naming
the silence (E040 where the store turns it into a coded error). A statement that is merely long on a
healthy server (a rebuild's copy, a migration holding its tables' locks) is left to finish: the
probe's query touches no table and waits for no lock. Idle connections are left to TCP keepalives,
which ``postgres.open_connection`` switches on.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

# How long a statement may run before the watcher asks whether the server is still there, and how
# often the watcher looks. A test sets them lower.
BUSY_SECONDS = 60.0
TICK_SECONDS = 5.0


class Liveness:
    """What the watcher knows of one connection: since when it has been busy, when the server last
    proved alive, and why it was cut off (``silent``), if it was."""

    def __init__(self, fd: int, url: str) -> None:
        self.fd = fd
        self.url = url
        self.depth = 0
        self.busy_since: float | None = None
        self.alive_at = 0.0
        self.silent: str | None = None
        self.closed = False
        self.lock = threading.Lock()  # held while the socket is shut down or closed

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """A block during which the connection waits for the server (blocks may nest)."""
        with self.lock:
            if self.depth == 0:
                self.busy_since = time.monotonic()
            self.depth += 1
        try:
            yield
        finally:
            with self.lock:
                self.depth -= 1
                if self.depth == 0:
                    self.busy_since = None

    def close(self, closer: Callable[[], None]) -> None:
        """Close the connection (``closer``) so that the watcher never touches its socket after."""
        with self.lock:
            self.closed = True
            closer()

    def overdue(self, now: float) -> bool:
        with self.lock:
            if self.closed or self.silent is not None or self.busy_since is None:
                return False
            return now - max(self.busy_since, self.alive_at) >= BUSY_SECONDS

    def cut(self, reason: str) -> None:
        """Shut the socket down, so that the statement reading it ends; only while it is still busy
        (a connection that finished or closed meanwhile is left alone: its descriptor may be reused)."""
        with self.lock:
            if self.closed or self.busy_since is None:
                return
            self.silent = reason
            with contextlib.suppress(OSError):
                copy = socket.socket(fileno=os.dup(self.fd))
                try:
                    copy.shutdown(socket.SHUT_RDWR)
                finally:
                    copy.close()


_watched: weakref.WeakSet[Liveness] = weakref.WeakSet()
_start = threading.Lock()
_thread: threading.Thread | None = None


def watch(liveness: Liveness, probe: Callable[[str], str | None]) -> None:
    """Watch one connection; ``probe(url)`` asks the server for an answer on a new connection of its
    own, with bounded waits, and returns None when the server answered, else why it did not."""
    global _thread
    _watched.add(liveness)
    with _start:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, args=(probe,), name="peacewatch-pg-liveness", daemon=True)
            _thread.start()


def _run(probe: Callable[[str], str | None]) -> None:
    while True:
        time.sleep(TICK_SECONDS)
        with contextlib.suppress(Exception):  # the watcher never dies of one connection's trouble
            look(probe)


def look(probe: Callable[[str], str | None]) -> None:
    """One round of the watcher: probe each server with an overdue connection once, cut its overdue
    connections off when it did not answer."""
    now = time.monotonic()
    overdue: dict[str, list[Liveness]] = {}
    for liveness in list(_watched):
        if liveness.overdue(now):
            overdue.setdefault(liveness.url, []).append(liveness)
    for url, connections in overdue.items():
        asked = time.monotonic()
        why = probe(url)
        for liveness in connections:
            if why is None:
                with liveness.lock:
                    liveness.alive_at = asked
            else:
                waited = asked - (liveness.busy_since or asked)
                liveness.cut(f"the PostgreSQL server stopped answering: a statement had waited {waited:.0f} s "
                             f"and a probe of the server got no answer ({why})")


def answered(error: Any) -> bool:
    """Whether a failed open still heard from the server (an error the server sent has a SQLSTATE:
    too many clients, a password refused, a database shutting down)."""
    return getattr(error, "sqlstate", None) is not None
