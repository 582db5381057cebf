"""The ledger benchmark (``bench/incremental.py``) at a tiny size: its synthetic documents are the
same for the same numbers, its update takes the incremental path, and its report says how the
rebuild grows."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from ..scripts import load_script


def bench() -> ModuleType:
    return load_script("bench/incremental.py", "bench_incremental")


def test_the_synthetic_documents_are_the_same_for_the_same_numbers() -> None:
    b = bench()
    first = [r.to_dict() for _, r in b.synthetic(10, 5, 3)]
    assert first == [r.to_dict() for _, r in b.synthetic(10, 5, 3)]
    assert [d["id"] for d in first] == [f"syn-{n:07d}" for n in range(10, 15)]
    assert first != [r.to_dict() for _, r in b.synthetic(10, 5, 4)]


def test_a_tiny_run_updates_in_place_and_reports_the_growth(tmp_path: Path) -> None:
    b = bench()
    found = [b.measure(n, 5, 17, tmp_path) for n in (40, 80)]
    assert [f["update"]["path"] for f in found] == ["incremental", "incremental"]
    assert all(f["update"]["events"] == f["whole"]["events"] for f in found)
    lines = list(b.report(found, 5))
    assert lines[-1].startswith("rebuild CPU time grows as n^") and "(n log n: n^1." in lines[-1]
    assert "stored" in lines[2] and "update: incremental" in lines[2]


def test_a_tiny_run_on_postgresql_updates_in_place_and_leaves_no_database(postgres_server: str, tmp_path: Path
                                                                          ) -> None:
    import psycopg

    b = bench()
    found = b.measure(30, 5, 17, tmp_path, server=postgres_server)
    assert found["update"]["path"] == "incremental", found["update"]["why"]
    assert found["update"]["events"] == found["whole"]["events"]
    with psycopg.connect(f"{postgres_server}/postgres") as admin:
        left = admin.execute("SELECT datname FROM pg_database WHERE datname LIKE '%\\_30'").fetchall()
    assert left == []
