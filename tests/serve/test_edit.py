"""The edit controls of the dashboard: the event page and the commitments tracker show their
correction forms only when the server was started with a write token, never the token itself, and
``/corrected/N`` leads to where a correction shows after the ledger is rebuilt."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TOKEN = "t0ken-<not-in-pages>"


def _client(db: Path, token: str | None) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from peacewatch.serve.web.app import create_app

    return TestClient(create_app(db, token), follow_redirects=False)


@pytest.fixture(scope="module")
def writable(golden_db: Path) -> Iterator[Any]:
    client = _client(golden_db, TOKEN)
    yield client
    client.app.state.reader.close()


@pytest.fixture()
def own_db(golden_db: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A copy of the golden database that a test may write to (on PostgreSQL, a new one built alike)."""
    if isinstance(golden_db, str):
        from tests.conftest import drop_pg_database, new_pg_database
        from tests.serve.webdb import golden_database

        url = new_pg_database(request.getfixturevalue("postgres_server"))
        yield golden_database(url)
        drop_pg_database(url)
        return
    path = tmp_path / "edit.db"
    with sqlite3.connect(golden_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    yield path


def _event_id(client: Any, **query: str) -> str:
    items = client.get("/api/events", params=query).json()["items"]
    return str(items[0]["id"])


def test_without_a_token_no_form_is_rendered(client: Any) -> None:
    event = _event_id(client)
    for path in (f"/events/{event}", "/commitments"):
        page = client.get(path)
        assert page.status_code == 200
        assert "form class=\"correction\"" not in page.text and "type=\"password\"" not in page.text


def test_with_a_token_the_event_page_has_its_form(writable: Any) -> None:
    event = _event_id(writable)
    page = writable.get(f"/events/{event}")
    assert page.status_code == 200
    form = page.text[page.text.index('<form class="correction"'):page.text.index("</form>")]
    assert 'data-correction="event"' in form and 'method="post"' in form and 'type="password"' in form
    assert form.count("<option") >= 16 + 6  # the 16 PLOVER types and the statuses
    for kind in ("AGREE", "ASSAULT", "MOBILIZE", "SANCTION"):
        assert f"<option>{kind}</option>" in form or f"<option selected>{kind}</option>" in form
    assert 'value="reject"' in form and "reject (not an event)" in form
    assert TOKEN not in page.text and "t0ken" not in page.text, "the token is never in the page"
    assert "<script>" not in form and " on" not in form.replace(" one", ""), "no inline script or handler"


def test_with_a_token_each_commitment_has_its_form(writable: Any) -> None:
    page = writable.get("/commitments")
    rows = page.text.count("<tr id=")
    assert rows > 0 and page.text.count('data-correction="commitment"') == rows
    assert "<option>fulfilled</option>" in page.text and "<option>3</option>" in page.text
    assert "t0ken" not in page.text


def test_the_dyad_page_stays_read_only(writable: Any) -> None:
    assert 'form class="correction"' not in writable.get("/dyad?a=AZE&b=ARM").text


def test_a_correction_leads_to_its_corrected_event(own_db: Path) -> None:
    client = _client(own_db, TOKEN)
    try:
        event = _event_id(client, type="AGREE")
        answer = client.post("/api/corrections", json={"kind": "event", "event": event, "change": {"type": "CONSULT"}},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 201, answer.text
        moved = client.get(f"/corrected/{answer.json()['correction']}")
        assert moved.status_code == 303 and moved.headers["location"].startswith("/events/")
        page = client.get(moved.headers["location"])
        assert page.status_code == 200 and "CONSULT" in page.text
        assert 'class="corrected"' in page.text and "the machine said: type AGREE" in page.text
        assert "<option selected>CONSULT</option>" in page.text
        rejected = client.post("/api/corrections", json={"kind": "reject", "event": moved.headers["location"][8:]},
                               headers={"Authorization": f"Bearer {TOKEN}"})
        assert rejected.status_code == 201
        gone = client.get(f"/corrected/{rejected.json()['correction']}")
        assert gone.status_code == 303 and gone.headers["location"] == "/events"
    finally:
        client.app.state.reader.close()


def test_a_corrected_commitment_is_marked(own_db: Path) -> None:
    client = _client(own_db, TOKEN)
    try:
        commitment = client.get("/api/commitments").json()["items"][0]["id"]
        answer = client.post("/api/corrections",
                             json={"kind": "commitment", "commitment": commitment, "status": "broken", "level": 1,
                                   "note": "<b>not kept</b>"},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 201, answer.text
        page = client.get("/commitments").text
        row = page[page.index(f'<tr id="{commitment}"'):]
        row = row[:row.index("</tr>")]
        assert 'class="corrected"' in row and "broken" in row
        assert client.get(f"/corrected/{answer.json()['correction']}").headers["location"].startswith("/commitments#")
    finally:
        client.app.state.reader.close()
