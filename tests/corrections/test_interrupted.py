"""A correction interrupted between writing its row and rebuilding the ledger (Ctrl-C, ``kill``), then
made again as the command's message says, is in the log once.

Found by a driver killing ``peacewatch correct event … --type …`` with SIGINT, SIGTERM and SIGKILL
once its row was committed (docs/reliability.md, fourteenth round): the interrupted command left the
row pending (the ledger lagged, E049), and the same command again appended a second, identical row,
so the log listed and the ledger's outcomes counted the correction twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import peacewatch.flow
from peacewatch.cli import main
from peacewatch.store import corrections as log
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store

from .test_log import stored_ledger
from .test_stored_faults import _by_type


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def _rows(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT c.id, coalesce(o.state, 'pending') FROM corrections c"
                            " LEFT JOIN ledger_corrections o ON o.correction = c.id ORDER BY c.id").fetchall()


def test_a_correction_interrupted_before_its_rebuild_and_made_again_is_logged_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = stored_ledger(tmp_path)
    command = ["correct", "event", _by_type(db, "CONSULT"), "--type", "AGREE", "--db", str(db)]
    with monkeypatch.context() as patched:
        patched.setattr(peacewatch.flow, "resolve", _interrupt)  # Ctrl-C during the command's rebuild
        interrupted = CliRunner().invoke(main, command)
    assert interrupted.exit_code == 130, interrupted.output
    assert _rows(db) == [(1, "pending")]
    with sqlite3.connect(db) as conn:  # the interrupted run was minutes ago, not in this same second
        conn.execute("UPDATE corrections SET at = '2024-05-01T10:00:00+00:00', key = 'minutes ago'")
    again = CliRunner().invoke(main, command)
    assert again.exit_code == 0, again.output
    assert "correction 1 written (applied)" in again.output
    assert _rows(db) == [(1, "applied")]


def test_only_a_pending_correction_is_taken_again(tmp_path: Path) -> None:
    """Once a rebuild met the correction, the same values again are a new row (as before); a withdrawn
    correction is not pending either; the author and the note are part of what is the same."""
    db = stored_ledger(tmp_path)
    times = iter(f"2024-05-01T10:00:{n:02d}+00:00" for n in range(60))  # never the same key by its time
    with Store(db) as store:
        conn = store.conn
        event = str(conn.execute("SELECT id FROM ledger_events ORDER BY id LIMIT 1").fetchone()[0])
        first = log.correct_event(conn, event, {"type": "AGREE"}, by="ana", at=next(times))
        # pending: the same row
        assert log.correct_event(conn, event, {"type": "AGREE"}, by="ana", at=next(times)) == first
        assert log.correct_event(conn, event, {"type": "AGREE"}, by="bo", at=next(times)) != first  # another author
        assert log.correct_event(conn, event, {"type": "AGREE"}, by="ana", note="why", at=next(times)) != first
        rebuild_ledger(conn)
        event = str(conn.execute("SELECT id FROM ledger_events ORDER BY id LIMIT 1").fetchone()[0])
        later = log.correct_event(conn, event, {"type": "AGREE"}, by="ana", at=next(times))
        assert later > first  # the rebuild applied the first: an analyst's new act
        withdrawal = log.withdraw(conn, later, by="ana", at=next(times))
        assert log.withdraw(conn, later, by="ana", at=next(times)) == withdrawal  # the same withdrawal, pending
        again = log.correct_event(conn, event, {"type": "AGREE"}, by="ana", at=next(times))
        assert again not in (later, withdrawal)  # the withdrawn row is not taken again
