"""A corpus of generated hostile records (issue #10) through the readers, `extract` and `ingest`.

Invariants for every input: no traceback; exit code 1 when something failed; every good record in
the same input read, written and stored; every bad one a coded error. The corpus is in corpus.py;
the properties draw random mixtures of its records (derandomized in CI, see tests/conftest.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.cli import main
from peacewatch.config import load_config
from peacewatch.errors import CODES
from peacewatch.ingest.sources import Source, documents_from
from peacewatch.types import Document, Result

from .corpus import MAX_CHARS, File, Item, corpus, csv_file, jsonl_items

RECORDS = jsonl_items()


def records(file: File) -> list[Item]:
    return [i for i in file.items if i.expect != "header"]


def write_corpus(folder: Path) -> list[File]:
    folder.mkdir()
    files = corpus()
    for f in files:
        (folder / f.name).write_bytes(f.data())
    (folder / "sub").mkdir()
    (folder / "sub" / "t_nested.txt").write_text("Report t-nested: talks in Nairobi ended on Friday.")
    (folder / ".hidden.txt").write_bytes(b"\xff never read")
    return files


def read_all(path: Path, **options: object) -> list[Document | Result]:
    config = load_config(max_chars=MAX_CHARS)
    return list(documents_from([Source(str(path), **options)], config))  # type: ignore[arg-type]


def assert_outcome(items: list[Document | Result], expected: list[Item]) -> None:
    """Every good record is a document, every bad one a coded error, nothing else appeared."""
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, Result)]
    assert all(e.error is not None and e.error.code in CODES and e.error.message for e in errors)
    for item in expected:
        if item.expect == "good":
            assert any(item.marker in d.text for d in docs), f"good record {item.marker} lost"
    bad = sum(i.expect == "bad" for i in expected)
    either = sum(i.expect == "either" for i in expected)
    assert bad <= len(errors) <= bad + either
    assert len(items) == len(expected)


def test_every_file_of_the_corpus_reads_as_documents_and_coded_errors(tmp_path):
    for f in corpus():
        path = tmp_path / f.name
        path.write_bytes(f.data())
        assert_outcome(read_all(path), records(f))


def config_file(tmp_path: Path) -> str:
    path = tmp_path / "cheap.toml"
    path.write_text(f'pipeline = ["timex"]\nmax_chars = {MAX_CHARS}\n', "utf-8")
    return str(path)


def no_crash(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_ingest_of_a_folder_of_hostile_files_stores_every_good_record(tmp_path):
    files = write_corpus(tmp_path / "in")
    db = tmp_path / "h.db"
    result = CliRunner().invoke(main, ["--config", config_file(tmp_path), "ingest", str(tmp_path / "in"),
                                       "--db", str(db), "--published", "2024-01-15"])
    no_crash(result)
    assert result.exit_code == 1
    conn = sqlite3.connect(db)
    texts = [r[0] for r in conn.execute("SELECT text FROM documents")]
    expected = [i for f in files for i in records(f)]
    for item in expected:
        if item.expect == "good":
            assert any(item.marker in t for t in texts), f"good record {item.marker} not stored"
    assert any("t-nested" in t for t in texts) and not any("never read" in t for t in texts)
    codes = [r[0] for r in conn.execute("SELECT code FROM failures")]
    assert codes and set(codes) <= set(CODES)
    [summary] = [line for line in result.output.splitlines() if line.startswith("read ")]
    failed = int(summary.rsplit("failed ", 1)[1])
    bad = sum(i.expect == "bad" for i in expected)
    assert bad <= failed <= bad + sum(i.expect == "either" for i in expected)
    assert all(line.startswith(("failed ", "read ", "… and", "ledger: ")) for line in result.output.splitlines())
    stored = dict(conn.execute("SELECT id, published FROM documents"))
    assert stored["j-padded-date"] == "2023-12-07" and stored["j-month"] == "2023-12"
    assert stored["j-empty-date"] == "2024-01-15"  # an empty date falls back to --published
    assert stored["r-date-9999"] == "2024-01-15"  # a placeholder item date is passed over


def test_ingest_of_the_corpus_then_the_read_commands_work(tmp_path):
    write_corpus(tmp_path / "in")
    db = str(tmp_path / "h.db")
    config = config_file(tmp_path)
    runner = CliRunner()
    no_crash(runner.invoke(main, ["--config", config, "ingest", str(tmp_path / "in"), "--db", db, "--quiet"]))
    for command in (["summary"], ["events"], ["commitments", "--status", "broken"],
                    ["export", "documents"], ["export", "timexes", "--format", "csv"]):
        result = runner.invoke(main, ["--config", config, *command, "--db", db])
        no_crash(result)
        assert result.exit_code == 0, (command, result.output)


def test_extract_writes_one_line_per_record_in_order(tmp_path):
    items = RECORDS
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(i.data for i in items) + b"\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["--config", config_file(tmp_path), "extract", str(src), "-o", str(out)])
    no_crash(result)
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == len(items)
    for item, row in zip(items, rows, strict=True):
        if item.expect == "good":
            assert row["error"] is None and row["id"] == str(json.loads(item.data.removeprefix(b"\xef\xbb\xbf"))["id"])
        elif item.expect == "bad":
            assert row["error"]["code"] in CODES, row


def test_extract_from_stdin_with_nothing_good_exits_1(tmp_path):
    data = b"\n".join(i.data for i in RECORDS if i.expect == "bad") + b"\n"
    result = CliRunner().invoke(main, ["--config", config_file(tmp_path), "extract", "-"], input=data)
    no_crash(result)
    assert result.exit_code == 1
    assert all(json.loads(line)["error"]["code"] in CODES for line in result.stdout.splitlines())


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(RECORDS), min_size=1, max_size=12))
def test_any_mixture_of_lines_keeps_every_good_one_in_place(tmp_path, picked):
    path = tmp_path / "mix.jsonl"
    path.write_bytes(b"\n".join(i.data for i in picked) + b"\n")
    items = read_all(path)
    assert len(items) == len(picked)
    for item, got in zip(picked, items, strict=True):
        if item.expect == "good":
            assert isinstance(got, Document) and item.marker in got.text
        elif item.expect == "bad":
            assert isinstance(got, Result) and got.error is not None and got.error.code in CODES


CSV = csv_file("mix.csv", ",")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(records(CSV)), min_size=1, max_size=12))
def test_any_mixture_of_csv_rows_keeps_every_good_one(tmp_path, picked):
    path = tmp_path / "mix.csv"
    path.write_bytes(b"\n".join([CSV.items[0].data, *(i.data for i in picked)]) + b"\n")
    assert_outcome(read_all(path), picked)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=1, max_size=40), st.integers(min_value=0, max_value=200))
def test_bytes_spliced_into_a_good_line_never_lose_its_neighbours(tmp_path, junk, where):
    good = [i for i in RECORDS if i.expect == "good" and i.marker and i.marker.startswith("j-good")]
    line = good[0].data
    spliced = line[:where] + junk.replace(b"\n", b" ") + line[where:]
    path = tmp_path / "splice.jsonl"
    path.write_bytes(good[1].data + b"\n" + spliced + b"\n" + good[1].data.replace(b"j-good-2", b"j-good-3") + b"\n")
    items = read_all(path)
    assert len(items) == 3
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    assert isinstance(items[1], Document) or (items[1].error is not None and items[1].error.code in CODES)


@pytest.mark.parametrize("name", ["a.jsonl", "a.csv", "a.txt", "a.html", "a.rss", "noext"])
def test_a_utf16_file_of_any_format_is_one_coded_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes("\ufeff{\"id\": \"x\", \"text\": \"Talks.\"}\n".encode("utf-16-le"))
    [item] = read_all(path)
    assert isinstance(item, Result) and item.error is not None and item.error.code == "E005"
