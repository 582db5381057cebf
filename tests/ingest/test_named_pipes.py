"""A named pipe (FIFO) given as an input path: read like standard input when a program writes to it,
a coded error when none writes within ``inputs.WRITER_WAIT`` seconds (the twelfth round left
``peacewatch ingest /tmp/fifo`` and ``corrections import`` waiting for ever). Every command runs in a
thread the test joins with a time limit; a command still waiting is set free by opening the pipe's
other end, so the test fails instead of hanging."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from peacewatch import inputs
from peacewatch.cli import main

LIMIT = 20.0  # seconds a command may take here before the test calls it a hang


@pytest.fixture()
def fifo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    monkeypatch.setattr(inputs, "WRITER_WAIT", 0.5)
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def _cheap(folder: Path) -> str:
    path = folder / "cheap.toml"
    path.write_text('pipeline = ["timex"]\nworkers = 1\n', "utf-8")
    return str(path)


def _bounded(fifo: Path, *args: str) -> tuple[Result, float]:
    """Run the command in a thread; past ``LIMIT`` free it (a writer opens and closes the pipe) and fail."""
    out: list[Result] = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: out.append(CliRunner().invoke(main, list(args))), daemon=True)
    worker.start()
    worker.join(LIMIT)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # lets a blocked open() return
        worker.join(LIMIT)
        pytest.fail(f"{' '.join(args)} was still waiting on the named pipe after {LIMIT:g} s")
    result = out[0]
    assert "Traceback" not in result.output and "E099" not in result.output, result.output
    return result, time.monotonic() - started


def test_ingest_of_a_pipe_no_one_writes_to_fails_that_input_with_e008(fifo: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    result, took = _bounded(fifo, "--config", _cheap(tmp_path), "ingest", str(fifo), "--db", str(db))
    assert result.exit_code == 1 and "E008" in result.output and "named pipe" in result.output, result.output
    assert took < LIMIT
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT code FROM failures")] == ["E008"]


@pytest.mark.parametrize("command", [
    lambda fifo, tmp: ["--config", _cheap(tmp), "extract", str(fifo), "-o", str(tmp / "out.jsonl")],
    lambda fifo, tmp: ["--config", str(fifo), "summary", "--db", str(tmp / "none.db")],
    lambda fifo, tmp: ["corrections", "import", str(fifo), "--db", str(tmp / "c.db")],
], ids=["extract", "config", "corrections-import"])
def test_every_command_that_reads_a_named_path_stops_waiting(
        fifo: Path, tmp_path: Path, command: Callable[[Path, Path], list[str]]) -> None:
    result, _ = _bounded(fifo, *command(fifo, tmp_path))
    assert result.exit_code in (1, 2) and ("E008" in result.output or "E067" in result.output), result.output
    assert "nothing was written" in result.output, result.output


def test_a_pipe_a_program_writes_to_is_read_like_standard_input(fifo: Path, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"On {i + 1} May 2024 they met.", "published": "2024-05-20"})
             for i in range(3)]

    def write() -> None:
        time.sleep(0.2)  # the reader is waiting first, as with a crawler started after peacewatch
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write("\n".join(lines) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    db = tmp_path / "p.db"
    result, _ = _bounded(fifo, "--config", _cheap(tmp_path), "ingest", str(fifo), "--format", "jsonl",
                         "--db", str(db))
    writer.join(LIMIT)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM documents")) == ["d0", "d1", "d2"]


def test_a_writer_that_closes_without_writing_is_an_empty_input(fifo: Path) -> None:
    def close_at_once() -> None:
        time.sleep(0.1)
        os.close(os.open(fifo, os.O_WRONLY))

    threading.Thread(target=close_at_once, daemon=True).start()
    with inputs.open_named(str(fifo), wait=LIMIT) as f:
        assert f.read() == b""
