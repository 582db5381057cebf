"""Hostile bodies on ``POST /api/corrections`` (twelfth round's audit of the surfaces): values of
the wrong kind or size, JSON the parser refuses past its syntax, and bodies too large to read, each
answer a coded 4xx in the one error shape and leave the log and the ledger as they were. Before, each
of the bodies below answered 500 (a list or object reached the database, a number past SQLite's
range or Infinity reached ``int``, a 5,000-digit number or 100,000 brackets the JSON parser)."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web API needs fastapi (pip install 'fastapi>=0.110' httpx)")

from fastapi.testclient import TestClient  # noqa: E402

from peacewatch.serve.web.app import create_app  # noqa: E402
from peacewatch.serve.web.corrections import BODY_LIMIT  # noqa: E402
from peacewatch.store.reads import Reader  # noqa: E402

from ..corrections.test_log import stored_ledger  # noqa: E402

AUTH = {"Authorization": "Bearer t", "Content-Type": "application/json"}


@pytest.fixture()
def db(tmp_path: Any) -> str:
    return str(stored_ledger(tmp_path, "bodies.db"))


def _state(db: str) -> tuple[list[Any], list[str]]:
    with Reader(db) as reader:
        return reader.corrections(), sorted(e.type for e in reader.events().items)


def _ids(db: str) -> tuple[str, str]:
    with Reader(db) as reader:
        event = reader.events().items[0].id
        commitments = reader.commitments()
    return event, (commitments[0].id if commitments else "cm-none")


def _bodies(event: str, commitment: str) -> list[bytes]:
    big = b"9" * 5000
    promise = b'{"kind": "commitment", "commitment": "' + commitment.encode() + b'", "status": "fulfilled", '
    return [
        b'{"kind": "withdraw", "correction": ' + big + b"}",
        b'{"kind": "withdraw", "correction": 99999999999999999999999999}',
        b'{"kind": "withdraw", "correction": 1e308}',
        promise + b'"level": Infinity}',
        promise + b'"level": NaN}',
        promise + b'"by_event": ["a"]}',
        b'{"kind": "reject", "event": "' + event.encode() + b'", "supersedes": 99999999999999999999999999}',
        b'{"kind": "reject", "event": "' + event.encode() + b'", "supersedes": {"a": 1}}',
        b'{"kind": "reject", "event": "' + event.encode() + b'", "by": {"a": 1}}',
        b'{"kind": "add", "doc": "d1", "span": [1e300, 2e300], "change": {"type": "AGREE"}}',
        b'{"kind": "add", "doc": "d1", "span": "ab", "change": {"type": "AGREE"}}',
        b"[" * 100_000 + b"]" * 100_000,
        b"\xff\xfe{}",
    ]


def test_a_body_of_the_wrong_kind_is_a_coded_400_and_changes_nothing(db: str) -> None:
    before = _state(db)
    event, commitment = _ids(db)
    with TestClient(create_app(db, write_token="t")) as client:
        for body in _bodies(event, commitment):
            answer = client.post("/api/corrections", content=body, headers=AUTH)
            said = f"{body[:90]!r}: {answer.status_code} {answer.text[:200]}"
            assert answer.status_code == 400, said
            assert answer.json()["error"]["code"] == "E066" and answer.json()["error"]["message"], said
    assert _state(db) == before


def test_a_body_over_the_limit_is_413_without_being_kept(db: str) -> None:
    before = _state(db)
    event, _ = _ids(db)
    note = "x" * (BODY_LIMIT + 10)
    with TestClient(create_app(db, write_token="t")) as client:
        declared = client.post("/api/corrections", headers=AUTH,
                               content=json.dumps({"kind": "reject", "event": event, "note": note}))
        assert declared.status_code == 413 and declared.json()["error"]["code"] == "E064"

        def pieces() -> Any:  # no Content-Length: the body is counted as it arrives
            yield b'{"kind": "reject", "event": "' + event.encode() + b'", "note": "'
            for _ in range(BODY_LIMIT // 65_536 + 2):
                yield b"x" * 65_536
            yield b'"}'

        streamed = client.post("/api/corrections", headers=AUTH, content=pieces())
        assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "E064"
    assert _state(db) == before


def test_a_long_note_under_the_limit_and_numbers_as_text_still_work(db: str) -> None:
    event, _ = _ids(db)
    with TestClient(create_app(db, write_token="t")) as client:
        first = client.post("/api/corrections", headers=AUTH,
                            json={"kind": "reject", "event": event, "note": "why " * 50_000})
        assert first.status_code == 201, first.text
        withdrawn = client.post("/api/corrections", headers=AUTH, json={"kind": "withdraw", "correction": "1"})
        assert withdrawn.status_code == 201, withdrawn.text
    corrections, _ = _state(db)
    assert [c["kind"] for c in corrections] == ["reject", "withdraw"]


def test_values_the_ledger_cannot_hold_are_refused_before_they_are_logged(db: str) -> None:
    """``"mode": 5`` was logged, and every rebuild after it failed comparing 5 with text: each later
    correction answered 500 and the log could not be listed."""
    before = _state(db)
    event, _ = _ids(db)
    with TestClient(create_app(db, write_token="t")) as client:
        for body in ({"kind": "event", "event": event, "change": {"mode": 5}},
                     {"kind": "event", "event": event, "change": {"actor": "AZE"}},
                     {"kind": "event", "event": event, "change": {"date": "yesterday"}},
                     {"kind": "actor", "name": "Baku", "code": "AZE", "start": "bad"},
                     {"kind": "actor", "name": "Baku", "code": "AZE", "start": "2024-05-01", "end": "2023-01-01"},
                     {"kind": "actor", "name": "Baku", "code": "AZE", "sector": ["GOV"]}):
            answer = client.post("/api/corrections", headers=AUTH, json=body)
            assert answer.status_code == 400 and answer.json()["error"]["code"] == "E066", (body, answer.text)
        assert client.get("/api/corrections").status_code == 200
    assert _state(db) == before


def test_a_correction_whose_rebuild_fails_with_a_bug_is_taken_back(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The net under the checks: whatever a rebuild cannot digest is not left in the log to fail every
    later rebuild; the request answers E099 in the one error shape."""
    from peacewatch.serve.web import corrections as routes

    def broken(*args: Any, **kwargs: Any) -> None:
        raise TypeError("a value the ledger cannot compare")

    before = _state(db)
    event, _ = _ids(db)
    monkeypatch.setattr(routes, "rebuild_ledger", broken)
    with TestClient(create_app(db, write_token="t"), raise_server_exceptions=False) as client:
        answer = client.post("/api/corrections", headers=AUTH, json={"kind": "reject", "event": event})
        assert answer.status_code == 500 and answer.json()["error"]["code"] == "E099", answer.text
    assert _state(db) == before
