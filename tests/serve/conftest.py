"""Fixtures of the web tests: the application on the golden scenario, through FastAPI's TestClient."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, drop_pg_database, new_pg_database
from tests.serve.webdb import golden_database


@pytest.fixture(scope="session", params=BACKENDS)
def golden_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | str]:
    """The golden database, on SQLite and on PostgreSQL (tests/conftest.py's server)."""
    if request.param == "sqlite":
        yield golden_database(tmp_path_factory.mktemp("web") / "golden.db")
        return
    url = new_pg_database(request.getfixturevalue("postgres_server"))
    yield golden_database(url)  # type: ignore[arg-type]
    drop_pg_database(url)


@pytest.fixture(scope="session")
def app(golden_db: Path):  # type: ignore[no-untyped-def]
    from peacewatch.serve.web.app import create_app

    application = create_app(golden_db)
    yield application
    application.state.reader.close()


@pytest.fixture(scope="session")
def client(app) -> Iterator:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette: "Using httpx with TestClient is deprecated"
        from fastapi.testclient import TestClient
    yield TestClient(app)
