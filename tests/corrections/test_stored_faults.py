"""A correction already in the database that the rebuild cannot apply (written by an older version, or
by hand with SQL) is skipped with a coded warning and its id, the rest applied, every document kept,
and ``peacewatch corrections`` says why it was not applied. Before the thirteenth round such a row
failed every rebuild (E099), and every listing of the log with it. And a correction's ``mode`` is
checked against the modes of its type at the boundary (E066), on the command line and the web."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.types import EVENT_TYPES

from .test_log import stored_ledger


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output and "E099" not in result.output, result.output
    return result.exit_code, result.output


@pytest.fixture()
def ledger(tmp_path: Path) -> Path:
    return stored_ledger(tmp_path)


def _events(db: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in _run("events", "--db", str(db), "--json")[1].splitlines()]


def _by_type(db: Path, kind: str) -> str:
    return str(next(e["id"] for e in _events(db) if e["type"] == kind))


# what an older version or an analyst with SQL could have left in a column of the first row
BROKEN = [("change", '{"mode": 5}'), ("change", '{"date": "yesterday"}'), ("change", "not JSON"),
          ("anchor", "5"), ("anchor", '{"mentions": [{"doc": "d1"}]}'), ("kind", "party"),
          ("change", '{"mode": "release", "type": "CONSULT"}'), ("anchor", '{"mentions": "d1"}')]


@pytest.mark.parametrize(("column", "value"), BROKEN)
def test_a_stored_correction_the_rebuild_cannot_apply_is_skipped_and_listed_with_why(
        ledger: Path, column: str, value: str, caplog: pytest.LogCaptureFixture) -> None:
    assert _run("correct", "event", _by_type(ledger, "CONSULT"), "--type", "AGREE", "--db", str(ledger))[0] == 0
    assert _run("correct", "reject", _by_type(ledger, "RETREAT"), "--db", str(ledger))[0] == 0
    with sqlite3.connect(ledger) as conn:
        conn.execute(f"UPDATE corrections SET {column} = ? WHERE id = 1", (value,))
    with caplog.at_level(logging.WARNING):
        code, output = _run("resolve", "--db", str(ledger), "--force")
    assert code == 0, output
    assert any("E074" in r.getMessage() and "correction 1 " in r.getMessage() for r in caplog.records), caplog.text
    # the other correction is applied: the rejected event is gone, the first event keeps its machine type
    assert [e["type"] for e in _events(ledger)] == ["CONSULT"]
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    listed = [json.loads(line) for line in _run("corrections", "--db", str(ledger), "--json")[1].splitlines()]
    assert [(c["id"], c["state"]) for c in listed] == [(1, "skipped"), (2, "applied")]
    assert listed[0]["why"] and "why" not in listed[1]
    table = _run("corrections", "--db", str(ledger))[1]
    assert "skipped" in table and "not applied: " in table, table
    # the log can still be exported (without the row an import would refuse) and summarized
    exported = ledger.parent / "log.jsonl"
    assert _run("corrections", "export", str(exported), "--db", str(ledger))[0] == 0
    assert [json.loads(line)["id"] for line in exported.read_text("utf-8").splitlines()] == [2]
    assert _run("summary", "--db", str(ledger))[0] == 0


def test_a_skipped_withdrawal_withdraws_nothing(ledger: Path) -> None:
    assert _run("correct", "reject", _by_type(ledger, "RETREAT"), "--db", str(ledger))[0] == 0
    assert _run("correct", "withdraw", "1", "--db", str(ledger))[0] == 0
    assert sorted(str(e["type"]) for e in _events(ledger)) == ["CONSULT", "RETREAT"]
    with sqlite3.connect(ledger) as conn:
        conn.execute("UPDATE corrections SET change = 'x' WHERE id = 2")
    assert _run("resolve", "--db", str(ledger), "--force")[0] == 0
    assert [e["type"] for e in _events(ledger)] == ["CONSULT"]


@pytest.mark.parametrize(("event", "new_type", "mode"), [
    ("RETREAT", None, "visit"), ("CONSULT", None, "release"), ("CONSULT", "AID", "release"),
    ("CONSULT", None, "Visit"), ("RETREAT", None, "-"), ("CONSULT", "RETREAT", "visit")])
def test_a_mode_not_of_the_events_type_is_refused_on_the_command_line(
        ledger: Path, event: str, new_type: str | None, mode: str) -> None:
    retype = ["--type", new_type] if new_type else []
    code, output = _run("correct", "event", _by_type(ledger, event), *retype, "--mode", mode, "--db", str(ledger))
    assert code == 1 and "E066" in output and "mode" in output, output
    assert _run("corrections", "--db", str(ledger))[1].strip() == "no corrections"


def test_a_mode_of_the_type_is_written_whether_the_type_is_changed_or_kept(ledger: Path) -> None:
    assert _run("correct", "event", _by_type(ledger, "CONSULT"), "--mode", "visit", "--db", str(ledger))[0] == 0
    assert _run("correct", "event", _by_type(ledger, "RETREAT"), "--type", "ASSAULT", "--mode", "abduct",
                "--db", str(ledger))[0] == 0
    assert sorted((e["type"], e["mode"]) for e in _events(ledger)) == [("ASSAULT", "abduct"), ("CONSULT", "visit")]
    code, output = _run("correct", "add", "d1", "--span", "0", "20", "--type", "AGREE", "--mode", "abduct",
                        "--db", str(ledger))
    assert code == 1 and "E066" in output, output


def test_every_type_has_its_modes_and_the_spec_table_is_the_source() -> None:
    from peacewatch.types import EVENT_MODES

    spec = Path(__file__).resolve().parents[3] / "shared" / "spec" / "plover.md"
    assert set(EVENT_MODES) == set(EVENT_TYPES)
    if spec.exists():  # the shared checkout: every mode the spec lists for a type is one of its modes
        for line in spec.read_text("utf-8").splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) > 3 and cells[1] in EVENT_TYPES:
                listed = {w.split(" (")[0].strip() for w in cells[3].split(",") if w.strip() and "—" not in w}
                assert listed <= EVENT_MODES[cells[1]], cells[1]


def test_a_mode_not_of_the_events_type_is_refused_on_the_web(ledger: Path) -> None:
    pytest.importorskip("fastapi", reason="the web API needs fastapi")
    from .test_api import client

    api = client(str(ledger), "t")
    auth = {"Authorization": "Bearer t"}
    retreat, consult = _by_type(ledger, "RETREAT"), _by_type(ledger, "CONSULT")
    for body in ({"kind": "event", "event": retreat, "change": {"mode": "visit"}},
                 {"kind": "event", "event": consult, "change": {"type": "AID", "mode": "visit"}},
                 {"kind": "add", "doc": "d1", "span": [0, 20], "change": {"type": "AGREE", "mode": "visit"}}):
        answer = api.post("/api/corrections", json=body, headers=auth)
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "E066", (body, answer.text)
    answer = api.post("/api/corrections", json={"kind": "event", "event": retreat, "change": {"mode": "release"}},
                      headers=auth)
    assert answer.status_code == 201, answer.text
