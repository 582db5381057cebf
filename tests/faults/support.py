"""Helpers of the fault-injection suite: a small generated corpus, a cheap pipeline (timex only, so
a subprocess ingest takes seconds), ``peacewatch ingest`` as a subprocess, and a dump of every table
without the columns that hold wall-clock times."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

# Columns that say when, not what: an interrupted and resumed run differs from a clean one there only.
CLOCK = {"documents": {"ingested_at"}, "failures": {"at"}, "versions": {"replaced_at"}}
SKIP = {"ledger_meta"}  # built_at and a fingerprint that counts rowids


def corpus(path: Path, n: int, seed: int, start: int = 0) -> Path:
    """``n`` made-up dated reports as JSON Lines (ids ``g{start..}``); a document's text depends on
    its number and ``seed`` only, so corpora that share numbers share those documents."""
    places = ["Geneva", "Doha", "Addis Ababa", "Oslo", "Nairobi", "Havana"]
    lines = []
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        day, month = rng.randrange(1, 28), rng.randrange(1, 13)
        text = (f"Report {i}. On {day} {_month(month)} 2024 the two delegations met in {rng.choice(places)}. "
                f"They agreed to meet again within {rng.randrange(2, 60)} days, by {_month(month % 12 + 1)} 2024. "
                "Observers said the talks of last week had been calm.")
        lines.append(json.dumps({"id": f"g{i:04d}", "text": text, "published": f"2024-{month:02d}-{day:02d}"}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _month(m: int) -> str:
    return ["January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"][m - 1]


def cheap_config(folder: Path) -> Path:
    path = folder / "cheap.toml"
    path.write_text('pipeline = ["timex"]\nworkers = 1\n', "utf-8")
    return path


def ingest_command(config: Path, db: Path, *sources: Path) -> list[str]:
    return [sys.executable, "-m", "peacewatch.cli", "--config", str(config), "ingest", *map(str, sources),
            "--db", str(db), "--quiet"]


def ingest(config: Path, db: Path, *sources: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(config, db, *sources), capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done


def dump(db: Path, ignore: frozenset[str] = frozenset()) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the clock columns and the ``table.column`` names in
    ``ignore`` (read through a read-only URI)."""
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for table in tables:
            if table in SKIP:
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                       if r[1] not in CLOCK.get(table, set()) and f"{table}.{r[1]}" not in ignore]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def documents_in(db: Path) -> int:
    """How many documents are committed (0 while the file or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
