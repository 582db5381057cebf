"""``ingest --workers 2`` interrupted from outside: no traceback from the workers, none left running.

Found by driving Ctrl-C, SIGTERM and ``kill -9`` at random points of an ingest with two workers
(docs/reliability.md, fourteenth round): a terminal's Ctrl-C reaches the whole process group, and
each busy worker printed its own ``KeyboardInterrupt`` traceback under the command's "interrupted"
line; a caller killed with ``kill -9`` left its workers annotating their chunks for no one, and each
then printed a ``BrokenPipeError`` traceback into the user's terminal when it sent its result.

The documents here hold a component that lingers (in Python code, so signals are seen) until a file
tells it to stop, so the interruption always finds the workers busy; each test has a time limit and
kills what it started.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peacewatch.pipeline import register

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 90.0  # seconds any wait of these tests may take before the test fails


class Linger:
    """Marks that a worker is busy (a file named after its process), then waits until the file
    ``stop`` beside it exists, at most a minute."""

    name = "test-linger"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        folder = Path(os.environ["LINGER_DIR"])
        (folder / f"busy-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while not (folder / "stop").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return ann


register("test-linger", requires=("tokens",), provides=())(lambda config: Linger())

# The command, run as a script so that the component above is registered in the caller (and so in
# its workers, which import this module).
SCRIPT = ("import sys; sys.path.insert(0, {root!r}); import tests.faults.test_interrupted_workers; "
          "from peacewatch.cli import main; main()")


def start(folder: Path) -> subprocess.Popen[str]:
    inputs = folder / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Talks resumed in Doha, round {i}."}) + "\n"
                              for i in range(8)), "utf-8")
    config = folder / "linger.toml"
    config.write_text('pipeline = ["test-linger"]\nbatch_size = 1\n', "utf-8")
    command = [sys.executable, "-c", SCRIPT.format(root=str(ROOT)), "--config", str(config), "ingest",
               str(inputs), "--db", str(folder / "db.sqlite"), "--workers", "2", "--quiet"]
    env = dict(os.environ, LINGER_DIR=str(folder), PYTHONPATH=str(ROOT))
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def busy_workers(folder: Path, proc: subprocess.Popen[str]) -> list[int]:
    """Wait until two workers are inside the lingering component; their process ids."""
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline and proc.poll() is None:
        busy = [int(p.name.split("-")[1]) for p in folder.glob("busy-*")]
        if len(busy) >= 2:
            return busy
        time.sleep(0.05)
    raise AssertionError(f"the workers did not start within {LIMIT:.0f} s: {proc.communicate()[1]}")


def running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its parent to read its end does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def ended_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(running(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    proc = start(tmp_path)
    try:
        yield tmp_path, proc
    finally:
        (tmp_path / "stop").touch()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=LIMIT)
        for p in tmp_path.glob("busy-*"):
            try:
                os.kill(int(p.name.split("-")[1]), signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_ctrl_c_in_a_terminal_prints_no_worker_traceback(session) -> None:
    """Ctrl-C reaches the caller and its workers at once: one "interrupted" line, exit 130."""
    folder, proc = session
    workers = busy_workers(folder, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=LIMIT)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().startswith("interrupted:"), err
    assert ended_within(workers, 30), "a worker still runs after the interrupted command ended"


def test_workers_of_a_killed_caller_stop_at_once_and_quietly(session) -> None:
    """``kill -9`` of the caller alone (the OOM killer, a supervisor): its workers, in the middle of a
    document that would take a minute, end within seconds, and say nothing."""
    folder, proc = session
    workers = busy_workers(folder, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=LIMIT)
    assert ended_within(workers, 20), "the workers of a killed ingest went on working"
    (folder / "stop").touch()
    _, err = proc.communicate(timeout=LIMIT)
    assert "Traceback" not in err, err
