"""The corrections routes on a minimal FastAPI app of the test's own (the project's app mounts the
same router with one line): reads always, writes only with the server's token, errors in the one
JSON shape, and a correction posted reaches the ledger."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web API needs fastapi (pip install 'fastapi>=0.110' httpx)")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from peacewatch.serve.web.corrections import corrections_router  # noqa: E402
from peacewatch.store.ledger import rebuild_ledger  # noqa: E402
from peacewatch.store.reads import Reader  # noqa: E402
from peacewatch.store.sqlite import Store  # noqa: E402
from peacewatch.types import Document, Result  # noqa: E402

from .test_log import TEXT, release, thanks  # noqa: E402


@pytest.fixture()
def db(databases: Any) -> str:
    path = databases.make("api.db")
    with Store(path) as store:
        store.save(Document("d1", TEXT, "2023-12-14"), Result("d1", "2023-12-14", events=[release(), thanks()]))
        rebuild_ledger(store.conn)
    return path


def client(db: str, token: str | None) -> TestClient:
    app = FastAPI()
    app.include_router(corrections_router(lambda: Reader(db), lambda: Store(db), token))
    return TestClient(app)


def retreat(db: str) -> str:
    with Reader(db) as reader:
        return next(e.id for e in reader.events().items if e.type == "RETREAT")


def test_without_a_token_every_write_is_refused_but_reading_works(db: str) -> None:
    api = client(db, None)
    answer = api.post("/api/corrections", json={"kind": "reject", "event": retreat(db)},
                      headers={"Authorization": "Bearer anything"})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "E068"
    assert api.get("/api/corrections").json() == {"corrections": []}


def test_a_missing_or_wrong_token_is_401(db: str) -> None:
    api = client(db, "s3cret")
    body = {"kind": "reject", "event": retreat(db)}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        answer = api.post("/api/corrections", json=body, headers=headers)
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "E069"


def test_a_posted_correction_is_logged_applied_and_listed(db: str) -> None:
    api = client(db, "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    answer = api.post("/api/corrections", headers=auth, json={
        "kind": "event", "event": retreat(db), "change": {"type": "ASSAULT"}, "note": "shelling", "by": "web"})
    assert answer.status_code == 201 and answer.json() == {"correction": 1, "state": "applied"}
    with Reader(db) as reader:
        assert sorted(e.type for e in reader.events().items) == ["ASSAULT", "CONSULT"]
        events, _ = reader.correction_marks()
    assert [m["machine"] for m in events.values()] == [{"type": "RETREAT"}]
    [listed] = api.get("/api/corrections").json()["corrections"]
    assert listed["by"] == "web" and listed["machine"] == {"type": "RETREAT"}
    assert api.get("/api/corrections?orphaned=true").json() == {"corrections": []}


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"kind": "reject", "event": "ev-none"}, 404, "E065"),
    ({"kind": "party"}, 400, "E066"),
    ({"kind": "merge"}, 400, "E066"),
    ([1, 2], 400, "E066"),
])
def test_bad_requests_answer_in_the_one_error_shape(db: str, body: object, status: int, code: str) -> None:
    answer = client(db, "t").post("/api/corrections", json=body, headers={"Authorization": "Bearer t"})
    assert answer.status_code == status and set(answer.json()) == {"error"}
    assert answer.json()["error"]["code"] == code and answer.json()["error"]["message"]


def test_the_dashboard_app_mounts_the_corrections_routes_behind_its_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``peacewatch serve`` serves the corrections list always; a write needs the token it was started with."""
    from fastapi.testclient import TestClient

    from peacewatch.serve.web.app import create_app
    from peacewatch.store.sqlite import Store

    db = tmp_path / "empty.db"
    Store(db).close()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/corrections").status_code == 200
        refused = client.post("/api/corrections", json={"kind": "reject", "event": "x"})
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "E068"
    with TestClient(create_app(db, write_token="s3cret")) as client:
        wrong = client.post("/api/corrections", json={"kind": "reject", "event": "x"},
                            headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "E069"
        unknown = client.post("/api/corrections", json={"kind": "reject", "event": "x"},
                              headers={"Authorization": "Bearer s3cret"})
        assert unknown.json()["error"]["code"] == "E065"
