"""Running the web application with uvicorn: the socket is bound before anything is said, so a port
that is taken is a coded error (E063), not a traceback; a thread can run it (the browser tests do)."""

from __future__ import annotations

import socket
from pathlib import Path

import uvicorn

from ...config import LedgerSettings
from ...errors import WebError
from .app import create_app


class Server:
    """The application on ``db``, listening on ``host``:``port`` (port 0: a free one)."""

    def __init__(self, db: str | Path, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None,
                 settings: LedgerSettings | None = None) -> None:
        self.app = create_app(db, write_token, settings)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError as e:
            self.socket.close()
            raise WebError(f"cannot listen on {host}:{port} ({e.strerror}); choose another --port or --host",
                           "E063") from e
        self.host, self.port = host, self.socket.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, server_header=False)
        self.uvicorn = uvicorn.Server(config)

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def run(self) -> None:
        """Serve until interrupted (Ctrl-C) or ``stop``."""
        try:
            self.uvicorn.run(sockets=[self.socket])
        finally:
            self.socket.close()
            self.app.state.reader.close()

    def stop(self) -> None:
        self.uvicorn.should_exit = True
