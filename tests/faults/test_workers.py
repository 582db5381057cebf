"""``--workers N`` must work for ``ingest`` as for ``extract``, and give the same database as one worker.

The bug: ``multiprocessing.Pool.imap`` read the input in a thread of its own, and ``ingest``'s input
queries SQLite, which only the thread that opened it may use; ``--workers 2`` always crashed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.config import load_config
from peacewatch.flow import extract
from peacewatch.pipeline import register
from peacewatch.types import Document


class Die:
    """Kills its worker process on a document that says 'vanish' (as the kernel's OOM killer would)."""

    name = "test-die"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "vanish" in ann.document.text:
            os._exit(9)
        return ann


register("test-die", requires=("tokens",), provides=())(lambda config: Die())

ARTICLES = [
    ("w1", "2024-03-02", "Serbia and Kosovo met in Brussels on Monday and agreed to resume talks."),
    ("w2", "2024-03-04", "Sudan's army and the RSF signed a truce in Jeddah. The truce collapsed a day later."),
    ("w3", "2024-03-05", "Kenya's president said the talks in Nairobi would resume next week."),
    ("w4", "2024-03-06", "Azerbaijan and Armenia exchanged prisoners on Friday, officials said."),
    ("w5", "2024-03-08", "The ELN and the Colombian government extended their ceasefire until August."),
]


def write_inputs(path: Path) -> Path:
    lines = [json.dumps({"id": i, "published": p, "text": t}) for i, p, t in ARTICLES]
    path.write_text("\n".join([*lines, "{not json"]) + "\n", "utf-8")
    return path


def ingest(inputs: Path, db: Path, workers: int) -> None:
    config = inputs.parent / "small-batches.toml"  # several batches in flight at once
    config.write_text("batch_size = 2\n", "utf-8")
    result = CliRunner().invoke(
        main, ["--config", str(config), "ingest", str(inputs), "--db", str(db), "--workers", str(workers), "--quiet"]
    )
    assert result.exit_code == 1, result.output  # the broken line fails, the rest is stored
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the columns that record when (``ingested_at``, ``at``)."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out: dict[str, list[tuple[object, ...]]] = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if not (c == "at" or c.endswith("_at"))]
        rows = conn.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
        if table == "ledger_meta":
            rows = [r for r in rows if r[0] != "built_at"]
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


def test_ingest_with_two_workers_gives_the_database_of_one(tmp_path):
    inputs = write_inputs(tmp_path / "in.jsonl")
    ingest(inputs, tmp_path / "one.db", 1)
    ingest(inputs, tmp_path / "two.db", 2)
    one, two = dump(tmp_path / "one.db"), dump(tmp_path / "two.db")
    assert sorted(r[0] for r in one["documents"]) == ["w1", "w2", "w3", "w4", "w5"]
    assert one["events"] and one["failures"]
    assert one == two


def test_a_worker_that_dies_fails_only_its_document_and_is_replaced():
    texts = ["Kenya and Uganda met in Nairobi.", "The envoy did vanish in Geneva.", "Talks resumed in Doha.",
             "Serbia and Kosovo met in Brussels.", "They vanish again.", "Talks went on in Oslo."]
    config = load_config(pipeline=["mentions", "test-die"], batch_size=2, workers=2)
    results = list(extract([Document(f"d{i}", t) for i, t in enumerate(texts)], config))
    assert [r.id for r in results] == [f"d{i}" for i in range(6)]
    assert [r.error.code if r.error else None for r in results] == [None, "E031", None, None, "E031", None]
    assert any(m.text == "Oslo" for m in results[5].mentions)
