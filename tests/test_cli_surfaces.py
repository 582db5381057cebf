"""The command line driven as a new user would, with hostile or just unusual input (the twelfth
round's audit of the surfaces, docs/reliability.md): each case below once ended in an internal error
(E099), a stalled machine, a replaced device file or a database that no command could read again.
Each now ends in its coded error, and what was stored stays as it was. A timex-only pipeline keeps
the ingests to a second."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main

from .corrections.test_log import stored_ledger


def _cheap(folder: Path) -> str:
    path = folder / "cheap.toml"
    path.write_text('pipeline = ["timex"]\nworkers = 1\n', "utf-8")
    return str(path)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def _line(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text, "published": "2024-05-04"})


def test_a_line_with_a_number_too_long_to_read_fails_alone(tmp_path: Path) -> None:
    """Python refuses to read a JSON integer of more than 4,300 digits with a ValueError that is no
    JSONDecodeError: it ended the whole batch with E099. Now that line fails with E001."""
    source = tmp_path / "in.jsonl"
    huge = '{"id": "n", "text": "On 3 May 2024 they met.", "count": ' + "9" * 5000 + "}"
    source.write_text("\n".join([_line("a", "On 3 May 2024 they met."), huge,
                                 _line("b", "On 5 May 2024 they met again.")]) + "\n", "utf-8")
    db = tmp_path / "p.db"
    code, output = _run("--config", _cheap(tmp_path), "ingest", str(source), "--db", str(db), "--quiet")
    assert code == 1 and "E001" in output and "4,300 digits" in output, output
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT id FROM documents")) == ["a", "b"]
    assert [r[0] for r in conn.execute("SELECT code FROM failures")] == ["E001"]

    out = tmp_path / "out.jsonl"
    code, output = _run("--config", _cheap(tmp_path), "extract", str(source), "-o", str(out))
    results = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert code == 1 and [r["error"]["code"] if r.get("error") else None for r in results] == [None, "E001", None]


@pytest.mark.parametrize("encoded", ["workers = 'é'\n".encode("latin-1"), "workers = 1\n".encode("utf-16")])
def test_a_configuration_file_that_is_not_utf8_is_a_coded_usage_error(tmp_path: Path, encoded: bytes) -> None:
    config = tmp_path / "odd.toml"
    config.write_bytes(encoded)
    code, output = _run("--config", str(config), "summary", "--db", str(tmp_path / "none.db"))
    assert code == 2 and output.startswith("error E020") and "UTF-8" in output, output


def test_more_workers_than_the_machine_can_run_is_refused_before_anything_starts(tmp_path: Path) -> None:
    """``--workers 10000`` started worker processes until the machine stalled (a load of 180 on two
    cores); it is now a usage error, before the database is created."""
    source = tmp_path / "in.jsonl"
    source.write_text(_line("a", "On 3 May 2024 they met.") + "\n", "utf-8")
    db = tmp_path / "p.db"
    code, output = _run("--config", _cheap(tmp_path), "ingest", str(source), "--workers", "100000", "--db", str(db))
    assert code == 2 and output.startswith("error E020") and "workers" in output, output
    assert not db.exists()
    code, output = _run("--config", _cheap(tmp_path), "extract", str(source), "--workers", "100000")
    assert code == 2 and output.startswith("error E020"), output


def _stored(tmp_path: Path) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text(_line("a", "On 3 May 2024 they met.") + "\n", "utf-8")
    db = tmp_path / "p.db"
    assert _run("--config", _cheap(tmp_path), "ingest", str(source), "--db", str(db), "--quiet")[0] == 0
    return db


def _drain(pipe: Path, into: list[bytes]) -> None:
    into.append(pipe.read_bytes())


def test_an_output_that_is_a_named_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    """Writing into a temporary file and renaming it over the target replaced a device or a pipe by a
    regular file (``-o /dev/null`` as root replaced /dev/null). Such a target is now written in place."""
    db = _stored(tmp_path)
    for command in (["export", "documents", "--db", str(db)],
                    ["--config", _cheap(tmp_path), "extract", str(tmp_path / "in.jsonl")]):
        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        got: list[bytes] = []
        reader = threading.Thread(target=_drain, args=(pipe, got), daemon=True)
        reader.start()
        code, output = _run(*command, "-o", str(pipe))
        reader.join(30)
        assert code == 0, output
        assert stat.S_ISFIFO(os.stat(pipe).st_mode), "the pipe was replaced by a file"
        assert got and b'"a"' in got[0]
        pipe.unlink()


def test_an_output_through_a_symbolic_link_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    target, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    target.write_text("old\n", "utf-8")
    link.symlink_to(target)
    code, output = _run("export", "documents", "--db", str(db), "-o", str(link))
    assert code == 0, output
    assert link.is_symlink() and '"a"' in target.read_text("utf-8")


def test_an_output_that_is_a_folder_is_a_coded_error(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    code, output = _run("export", "documents", "--db", str(db), "-o", str(tmp_path))
    assert code == 1 and output.startswith("error E046") and "folder" in output, output


def test_a_damaged_database_is_a_database_error_not_an_internal_one(tmp_path: Path) -> None:
    """Every page but the schema's overwritten: the schema reads, the tables do not. An ingest met the
    damage outside the store's own checks and ended with E099; it is now E040, as reading commands
    say."""
    db = _stored(tmp_path)
    conn = sqlite3.connect(db)
    try:
        schema = {r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the schema's pages")
    finally:
        conn.close()
    raw = bytearray(db.read_bytes())
    size = int.from_bytes(raw[16:18], "big")
    for page in range(1, len(raw) // size + 1):
        if page not in schema:
            raw[(page - 1) * size:page * size] = b"\x5a" * size
    db.write_bytes(bytes(raw))
    code, output = _run("--config", _cheap(tmp_path), "ingest", str(tmp_path / "in.jsonl"), "--db", str(db), "--quiet")
    assert code == 1 and output.startswith("error E040") and "E099" not in output, output


@pytest.fixture()
def ledger(tmp_path: Path) -> Path:
    return stored_ledger(tmp_path)


def _event(db: Path) -> str:
    code, output = _run("events", "--db", str(db), "--json")
    return str(json.loads(output.splitlines()[0])["id"])


@pytest.mark.parametrize("date", ["yesterday", "2024-02-31", "2024-13", "0000"])
def test_a_correction_to_a_date_no_calendar_has_is_refused(ledger: Path, date: str) -> None:
    """``correct event ID --date yesterday`` was written, applied, and carried into the ledger's report."""
    code, output = _run("correct", "event", _event(ledger), "--date", date, "--db", str(ledger))
    assert code == 1 and "E066" in output and "calendar" in output, output
    assert _run("corrections", "--db", str(ledger))[1].strip() == "no corrections"


def test_a_corrections_file_with_one_bad_line_adds_nothing_and_the_database_stays_usable(
        ledger: Path, tmp_path: Path) -> None:
    """A line whose anchor was not an object was imported, and every later rebuild and every listing
    of the log then failed with E099: the database could not be repaired from the command line."""
    event = _event(ledger)
    assert _run("correct", "event", event, "--type", "ASSAULT", "--db", str(ledger))[0] == 0
    exported = tmp_path / "log.jsonl"
    assert _run("corrections", "export", str(exported), "--db", str(ledger))[0] == 0
    [good] = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    other = stored_ledger(tmp_path, "other.db")
    for broken in ({"anchor": 5}, {"change": "x"}, {"note": None} | {"by": ["x"]}, {"kind": "party"},
                   {"anchor": {"mentions": [{"doc": "d1"}]}}, {"change": {"date": "yesterday"}}):
        mixed = tmp_path / "mixed.jsonl"
        mixed.write_text(json.dumps(good) + "\n" + json.dumps(good | broken | {"at": "2026-01-01T00:00:00+00:00"})
                         + "\n", "utf-8")
        code, output = _run("corrections", "import", str(mixed), "--db", str(other))
        assert code == 1 and output.startswith("error E067: line 2"), (broken, output)
        assert _run("corrections", "--db", str(other))[1].strip() == "no corrections"
        code, output = _run("resolve", "--db", str(other), "--force")
        assert code == 0, output
    code, output = _run("corrections", "import", str(exported), "--db", str(other))
    assert code == 0 and "1 corrections added" in output, output
