"""SIGTERM and SIGHUP end a command as Ctrl-C does: its output file's temporary ``.part`` file is
removed, one "interrupted" line, the shell's exit code (128 + the signal). Found by the fourteenth
round's driver: ``kill``, a service manager or ``timeout`` (SIGTERM), or a closed terminal (SIGHUP),
ended ``extract -o out.jsonl`` by the signal's default action, and a ``.out.jsonl.*.part`` file stayed
in the user's folder. Under ``nohup`` (SIGHUP ignored) the command goes on and writes its file.

``extract`` reads standard input from a pipe the test holds open, so the command is always in the
middle of its output when the signal comes; each wait has a time limit and the process is killed at
the end whatever happened."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

LIMIT = 90.0


def _start(folder: Path, ignore_hangup: bool = False) -> subprocess.Popen[bytes]:
    config = folder / "cheap.toml"
    config.write_text('pipeline = ["timex"]\nworkers = 1\n', "utf-8")
    command = [sys.executable, "-m", "peacewatch.cli", "--config", str(config), "extract", "-", "-o",
               str(folder / "out.jsonl")]

    def nohup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=nohup if ignore_hangup else None)


def _part_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".out.jsonl.*.part"))


def _writing(folder: Path, proc: subprocess.Popen[bytes]) -> None:
    """Send one document and wait until the command has its temporary output file open."""
    assert proc.stdin is not None
    proc.stdin.write(json.dumps({"id": "a", "text": "Talks resumed in Doha on 3 May 2024."}).encode() + b"\n")
    proc.stdin.flush()
    deadline = time.monotonic() + LIMIT
    while not _part_files(folder):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the command did not open its output within the limit"
        time.sleep(0.02)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_terminated_command_leaves_no_part_file(tmp_path: Path, signum: int, code: int) -> None:
    proc = _start(tmp_path)
    try:
        _writing(tmp_path, proc)
        os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=LIMIT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=LIMIT)
    text = err.decode()
    assert proc.returncode == code, text
    assert "interrupted:" in text and "Traceback" not in text, text
    assert _part_files(tmp_path) == [], "the temporary output file was left behind"
    assert not (tmp_path / "out.jsonl").exists(), "an interrupted command must not leave a partial output"


def test_under_nohup_a_hangup_changes_nothing(tmp_path: Path) -> None:
    proc = _start(tmp_path, ignore_hangup=True)
    try:
        _writing(tmp_path, proc)
        os.kill(proc.pid, signal.SIGHUP)
        time.sleep(0.5)
        assert proc.poll() is None, "SIGHUP ended a command run under nohup"
        _, err = proc.communicate(input=b"", timeout=LIMIT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=LIMIT)
    assert proc.returncode == 0, err.decode()
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()] == ["a"]
