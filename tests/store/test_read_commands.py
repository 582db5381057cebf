"""The reading commands open the database read-only: a wrong --db creates nothing and changes
nothing, and an output path that cannot be written is one coded line (exit 1), no traceback and no
half-written file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.errors import StoreError
from peacewatch.store.export import output_file
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store

from ..resolve.helpers import golden_documents, golden_results

READS = [["summary"], ["events"], ["events", "--dyad", "AZE", "ARM"], ["commitments"], ["timeline", "AZE", "ARM"],
         ["report", "AZE", "ARM"], ["export", "events"], ["export", "documents", "--format", "csv"]]


def invoke(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the command in ``cwd`` (where a default ``report.html`` would land)."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(here)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_a_missing_database_is_reported_and_not_created(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo.db"
    code, out = invoke([*command, "--db", str(typo)], tmp_path)
    assert code == 2 and "E043" in out and f"no peacewatch database at {typo}" in out
    assert not typo.exists() and "Traceback" not in out
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_a_foreign_sqlite_file_is_left_byte_identical(tmp_path: Path, command: list[str]) -> None:
    other = tmp_path / "other-programs.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO accounts (name) VALUES ('kept as it was')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    code, out = invoke([*command, "--db", str(other)], tmp_path)
    assert code == 2 and "E044" in out and "is not a peacewatch database" in out
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-programs.db"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cmd") / "golden.db"
    with Store(path) as store:
        for doc, result in zip(golden_documents(), golden_results(), strict=True):
            store.save(doc, result)
        rebuild_ledger(store.conn)
    return path


@pytest.mark.parametrize("command", [["export", "events"], ["export", "quotes", "--format", "parquet"],
                                     ["report", "AZE", "ARM"]], ids=" ".join)
def test_an_output_path_that_cannot_be_written_is_one_coded_error(db: Path, tmp_path: Path,
                                                                  command: list[str]) -> None:
    code, out = invoke([*command, "--db", str(db), "-o", "/nonexistent/dir/x.out"], tmp_path)
    assert code == 1 and "E046" in out and "/nonexistent/dir/x.out" in out and "Traceback" not in out


def test_reading_commands_work_and_the_report_is_written_whole(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, _ = invoke(["report", "AZE", "ARM", "--db", str(db), "-o", str(out)], tmp_path)
    assert code == 0 and out.read_text("utf-8").rstrip().endswith("</html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    code, text = invoke(["summary", "--db", str(db)], tmp_path)
    assert code == 0 and text.startswith("documents            6")


def test_a_failed_write_leaves_neither_the_target_nor_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    with pytest.raises(RuntimeError), output_file(target) as out:
        out.write("half a file")
        raise RuntimeError("the export broke off")
    assert list(tmp_path.iterdir()) == []
    target.write_text("old contents", "utf-8")
    with pytest.raises(RuntimeError), output_file(target) as out:
        out.write("half a file")
        raise RuntimeError("the export broke off")
    assert target.read_text("utf-8") == "old contents" and [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_an_output_folder_that_does_not_exist_is_coded(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err, output_file(tmp_path / "no" / "such" / "x.jsonl") as out:
        out.write("never")
    assert err.value.code == "E046"


def _ledger_left_behind(db: Path, tmp_path: Path, how: str) -> Path:
    """A copy of the database whose ledger a killed ingest left missing (no meta row at all) or stale
    (built from other documents)."""
    import shutil

    copy = tmp_path / f"{how}.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        if how == "missing":
            conn.execute("DELETE FROM ledger_meta")
        else:
            conn.execute("UPDATE ledger_meta SET value = 'built-from-other-documents' WHERE key = 'fingerprint'")
    return copy


@pytest.mark.parametrize("how", ["missing", "stale"])
def test_a_ledger_behind_the_documents_is_said_and_resolve_mends_it(db: Path, tmp_path: Path, how: str) -> None:
    copy = _ledger_left_behind(db, tmp_path, how)
    for command in (["summary"], ["events"], ["commitments"], ["export", "events"]):
        code, out = invoke([*command, "--db", str(copy)], tmp_path)
        assert code == 0 and "warning E049" in out and f"peacewatch resolve --db {copy}" in out, command
    code, out = invoke(["resolve", "--db", str(copy)], tmp_path)
    assert code == 0, out
    code, out = invoke(["summary", "--db", str(copy)], tmp_path)
    assert code == 0 and "E049" not in out and "merged from" in out


def test_a_report_of_a_ledger_never_built_is_refused_not_an_empty_page(db: Path, tmp_path: Path) -> None:
    copy = _ledger_left_behind(db, tmp_path, "missing")
    page = tmp_path / "r.html"
    code, out = invoke(["report", "AZE", "ARM", "--db", str(copy), "-o", str(page)], tmp_path)
    assert code == 1 and out.startswith("error E049") and not page.exists()
