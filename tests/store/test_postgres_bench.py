"""The store benchmark's synthetic step (``bench/postgres.py --synthetic``) at a tiny size, on each
backend: it stores every document and rebuilds the ledger the pure build makes of them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from peacewatch.resolve import build_ledger, span_texts_of

from ..scripts import load_script


def bench() -> ModuleType:
    return load_script("bench/postgres.py", "bench_postgres")


def test_the_synthetic_step_stores_and_rebuilds_on_either_backend(databases: Any) -> None:
    b = bench()
    found = b.synthetic_step(databases.make("synthetic.db"), 30, 17)
    from incremental import synthetic  # bench/, put on the path by bench/postgres.py

    pairs = list(synthetic(0, 30, 17))
    results = [r for _, r in pairs]
    pure = build_ledger(results, None, span_texts_of([d for d, _ in pairs], results))
    assert found["documents"] == 30 and found["events"] == len(pure.events) > 30
    assert found["store_docs_per_s"] > 0 and found["peak_mb"] > 0


def test_the_synthetic_step_reports_its_progress_on_stderr(tmp_path: Path, capsys: Any, monkeypatch: Any) -> None:
    b = bench()
    monkeypatch.setattr(b, "PROGRESS_EVERY", 10)
    b.synthetic_step(str(tmp_path / "synthetic.db"), 25, 17)
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert [line.split(" after ")[0].split(" ", 1)[1] for line in lines] == [
        "sqlite: 10 stored", "sqlite: 20 stored", "sqlite: rebuilding"]
    assert captured.out == ""  # stdout stays the parent's: only the final JSON goes there
