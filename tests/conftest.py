"""Shared fixtures: where ../shared is, one loaded spaCy pipeline per test session, and the
hypothesis profiles.

Profiles: ``ci`` (derandomized, no example database, no deadline) is what ``make test`` and CI run,
so a property test passes or fails the same way on every run; ``fuzz`` (many examples, no deadline)
is for long exploratory runs, ``make fuzz``. Choose one with ``--hypothesis-profile`` or
``HYPOTHESIS_PROFILE``; without either, ``ci`` is loaded.
"""

from __future__ import annotations

import os
import signal
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True,
)
# CI sets CI: it always gets the deterministic profile, whatever HYPOTHESIS_PROFILE says.
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the project's shared data from ../shared")
    return path


@lru_cache(maxsize=1)
def _nlp():  # type: ignore[no-untyped-def]
    from peacewatch.config import load_config
    from peacewatch.pipeline import load_spacy

    return load_spacy(load_config().model)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy language object, loaded once for the whole session."""
    return _nlp()


@pytest.fixture(scope="session")
def make_pipeline(nlp):  # type: ignore[no-untyped-def]
    """Build a Pipeline with the given component names, sharing the loaded spaCy model."""
    from peacewatch.config import load_config
    from peacewatch.pipeline import Pipeline

    def build(*names: str, **overrides):  # type: ignore[no-untyped-def]
        config = load_config(pipeline=list(names), **overrides)
        return Pipeline.build(config, nlp=nlp)

    return build


# --- PostgreSQL: every store test on both backends ----------------------------------------------
# A throwaway server for the session: ``initdb`` into a temporary folder, ``pg_ctl start`` on a free
# local port (as the ``postgres`` user when the tests run as root: the server refuses root), one
# database per test (or per module fixture), the server stopped at the end. Without PostgreSQL or
# psycopg the PostgreSQL half skips with the reason, unless PEACEWATCH_POSTGRES_TESTS=required (CI).

BACKENDS = ("sqlite", "postgresql")


def _pg_program(name: str) -> str | None:
    import glob
    import shutil

    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("PEACEWATCH_POSTGRES_TESTS") == "required":
        pytest.fail(f"PostgreSQL tests are required here (PEACEWATCH_POSTGRES_TESTS=required): {reason}")
    pytest.skip(f"the PostgreSQL half of the store tests needs a local PostgreSQL: {reason}")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    """The URL of a PostgreSQL server started for this test session (its ``postgres`` database)."""
    import shutil
    import subprocess
    import tempfile

    try:
        import psycopg  # noqa: F401
    except ImportError:
        _pg_unavailable("psycopg is not installed (pip install -e '.[postgres]')")
    initdb, pg_ctl = _pg_program("initdb"), _pg_program("pg_ctl")
    if initdb is None or pg_ctl is None:
        _pg_unavailable("initdb/pg_ctl not found on PATH or under /usr/lib/postgresql/*/bin")
    assert initdb is not None and pg_ctl is not None
    folder = Path(tempfile.mkdtemp(prefix="peacewatch-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        shutil.chown(folder, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run([*run_as, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                    "--locale=C", "--no-sync"], check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    options += " -c max_connections=300"  # every Reader keeps one connection per thread that read
    subprocess.run([*run_as, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                   check=True, capture_output=True)
    previous = _interrupt_on_terminate()
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _interrupt_on_terminate() -> Any:
    """Make SIGTERM (``timeout``, a CI runner giving up) end the run as Ctrl-C does, so that the
    session's teardown stops the server: killed by the default handler, a run left its server
    running. Only the main thread may set a handler; elsewhere nothing changes (None)."""
    if threading.current_thread().ident != threading.main_thread().ident:
        return None
    return signal.signal(signal.SIGTERM, _terminated)


_databases = iter(range(1, 10**6))


def new_pg_database(server: str) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg

    name = f"pw_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    server, _, name = url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Databases:
    """Makes new databases of one backend: ``make("a.db")`` is a file in the test's folder for SQLite,
    a new database (the name ignored) on the session's server for PostgreSQL."""

    def __init__(self, backend: str, folder: Path, request: pytest.FixtureRequest) -> None:
        self.backend, self.folder, self._request, self._made = backend, folder, request, list[str]()

    def make(self, name: str = "p.db") -> str:
        if self.backend == "sqlite":  # numbered: each call is a new database, as on the server
            return str(self.folder / f"{next(_databases)}-{name}")
        url = new_pg_database(self._request.getfixturevalue("postgres_server"))
        self._made.append(url)
        return url

    def drop(self) -> None:
        for url in self._made:
            drop_pg_database(url)


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """New databases for one test, once on SQLite and once on PostgreSQL."""
    made = Databases(request.param, tmp_path, request)
    yield made
    made.drop()


@pytest.fixture(scope="module", params=BACKENDS)
def module_databases(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """New databases for a module's fixtures, once on SQLite and once on PostgreSQL."""
    made = Databases(request.param, tmp_path_factory.mktemp("db"), request)
    yield made
    made.drop()
