"""Ctrl-C during a command: the shell's exit code for an interrupted command (130), one line saying
what was kept, no click "Aborted!"; the documents stored before the interruption are whole, and the
same command again stores the rest, none twice."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import peacewatch.serve.progress as progress
from peacewatch.cli import main


def _inputs(folder: Path) -> tuple[Path, Path]:
    config = folder / "cheap.toml"
    config.write_text('pipeline = ["timex"]\nworkers = 1\n', "utf-8")
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": f"On {i + 1} May 2024 the envoys met.",
                                          "published": "2024-05-20"}) + "\n" for i in range(4)), "utf-8")
    return config, source


def _stored(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    finally:
        conn.close()


def test_ctrl_c_during_an_ingest_exits_130_and_the_same_ingest_goes_on(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    config, source = _inputs(tmp_path)
    db = tmp_path / "p.db"

    @contextmanager
    def interrupted_after_two(enabled: bool, label: str = "documents") -> Iterator[Callable[[Any], None]]:
        seen: list[Any] = []

        def tick(result: Any) -> None:
            seen.append(result)
            if len(seen) == 2:
                raise KeyboardInterrupt

        yield tick

    with monkeypatch.context() as patch:
        patch.setattr(progress, "progress_bar", interrupted_after_two)
        result = CliRunner().invoke(main, ["--config", str(config), "ingest", str(source), "--db", str(db)])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Aborted!" not in result.output
    assert "Traceback" not in result.output
    assert _stored(db) == ["d0", "d1"]

    again = CliRunner().invoke(main, ["--config", str(config), "ingest", str(source), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "already stored 2" in again.output
    assert _stored(db) == ["d0", "d1", "d2", "d3"]
