"""kill -9 in the middle of an ingest, then ingest again: the database ends exactly as after one
uninterrupted run (every table, ignoring wall-clock columns). Each document is one transaction, so
a killed run leaves whole documents only; the resumed run skips them and stores the rest; the ledger
is rebuilt at the end of the resumed run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .support import cheap_config, corpus, documents_in, dump, ingest, ingest_command

N = 120


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, list[tuple[object, ...]]]]:
    folder = tmp_path_factory.mktemp("kill")
    config, source = cheap_config(folder), corpus(folder / "corpus.jsonl", N, seed=11)
    ingest(config, folder / "clean.db", source)
    return config, source, dump(folder / "clean.db")


def kill_after(command: list[str], db: Path, stored: int) -> int:
    """Start ``command``, SIGKILL it once ``stored`` documents are committed (or it ended); returns
    how many were committed when it died."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while proc.poll() is None and documents_in(db) < stored and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    return documents_in(db)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_killed_ingest_resumed_equals_an_uninterrupted_one(setup, tmp_path: Path, seed: int) -> None:
    config, source, clean = setup
    db = tmp_path / "killed.db"
    at = random.Random(seed).randrange(1, N // 2)
    left = kill_after(ingest_command(config, db, source), db, at)
    assert left < N, "the kill came after the whole corpus was stored: nothing was interrupted"
    ingest(config, db, source)
    assert dump(db) == clean


def test_killed_before_the_schema_exists_and_resumed(setup, tmp_path: Path) -> None:
    """Killed while starting up (at most an empty or half-created file): the next run starts over."""
    config, source, clean = setup
    db = tmp_path / "early.db"
    proc = subprocess.Popen(ingest_command(config, db, source), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    proc.kill()
    proc.wait(timeout=60)
    ingest(config, db, source)
    assert dump(db) == clean


def test_killed_during_the_ledger_rebuild_and_resumed(setup, tmp_path: Path) -> None:
    """All documents stored, the process killed at (or after) the end: the next run finds nothing
    new to store and the ledger as the clean run left it, or rebuilds it."""
    config, source, clean = setup
    db = tmp_path / "late.db"
    kill_after(ingest_command(config, db, source), db, N)
    ingest(config, db, source)
    again = dump(db)
    assert {t: rows for t, rows in again.items() if not t.startswith("ledger_")} == {
        t: rows for t, rows in clean.items() if not t.startswith("ledger_")}
