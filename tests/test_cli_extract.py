"""`peacewatch extract`: contract output, order, and a coded error for every bad line."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from peacewatch.cli import main

GOOD = {"id": "g1", "text": "Kenya and Ethiopia signed a trade accord in Nairobi on Monday.",
        "published": "2024-03-05"}


def run_extract(tmp_path, lines: list[bytes], *args: str):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), *args])
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return result, rows


def test_bad_lines_get_coded_errors_and_the_rest_is_processed(tmp_path):
    big = json.dumps({"id": "big", "text": "word " * 300_000}).encode()
    lines = [
        json.dumps(GOOD).encode(),
        b"{not json",
        json.dumps({"id": "notext", "title": "x"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        big,
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "date", "text": "Talks.", "published": "last week"}).encode(),
        json.dumps({"id": "g2", "text": "Rwanda and Congo met in Washington."}).encode(),
    ]
    result, rows = run_extract(tmp_path, lines, "--batch-size", "2")
    assert result.exit_code == 1
    codes = [(r["id"], (r["error"] or {}).get("code")) for r in rows]
    assert codes == [("g1", None), ("line:2", "E001"), ("notext", "E002"), ("empty", "E003"),
                     ("big", "E004"), ("latin1", "E005"), ("line:7", "E010"), ("date", "E007"),
                     ("g2", None)]
    for row in rows:
        assert set(row) >= {"id", "published", "error", "timexes", "mentions", "entities", "quotes",
                            "events", "commitments"}
        if row["error"]:
            assert row["error"]["message"]


def test_all_good_exits_zero_and_keeps_extra_fields_out_of_the_way(tmp_path):
    result, rows = run_extract(tmp_path, [json.dumps(GOOD).encode()])
    assert result.exit_code == 0, result.output
    assert rows[0]["id"] == "g1" and rows[0]["published"] == "2024-03-05"
    assert rows[0]["error"] is None


def test_missing_id_uses_the_content_hash(tmp_path):
    from peacewatch.types import Document

    result, rows = run_extract(tmp_path, [json.dumps({"text": "Peace talks resumed."}).encode()])
    assert rows[0]["id"] == Document.hash_id("Peace talks resumed.")


def test_two_workers_give_the_same_output_in_the_same_order(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": f"Document {i}: Serbia and Kosovo met in Brussels."}).encode()
             for i in range(7)] + [b"oops"]
    _, one = run_extract(tmp_path, lines, "--batch-size", "2")
    _, two = run_extract(tmp_path, lines, "--batch-size", "2", "--workers", "2")
    assert one == two and [r["id"] for r in two][-1] == "line:8"


def test_stdin_to_stdout_through_the_installed_command(tmp_path):
    exe = [sys.executable, "-m", "peacewatch.cli"]
    proc = subprocess.run([*exe, "extract", "-"], input=json.dumps(GOOD) + "\n", text=True,
                          capture_output=True, check=False)
    if proc.returncode == 2 and "No module" in proc.stderr:
        pytest.skip("peacewatch.cli is not runnable as a module here")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "g1"


def test_user_actor_dictionary_with_dates_in_office(tmp_path):
    actors = tmp_path / "mine.csv"
    actors.write_text(
        "name,aliases,kind,code,sector,role,valid_from,valid_to,wikidata\n"
        "Tane Rangi,Rangi,person,NZL,GOV,Prime Minister,2020-01-01,2022-12-31,\n"
    )
    text = "Tane Rangi met the delegation in Wellington. Rangi said talks would resume."
    lines = [json.dumps({"id": "in", "text": text, "published": "2021-06-01"}).encode(),
             json.dumps({"id": "out", "text": text, "published": "2024-06-01"}).encode()]
    result, rows = run_extract(tmp_path, lines, "--actors", str(actors))
    assert result.exit_code == 0, result.output
    person = {r["id"]: next(e for e in r["entities"] if e["name"] == "Tane Rangi") for r in rows}
    assert person["in"]["code"] == "NZL" and person["in"]["role"] == "Prime Minister"
    assert person["out"]["code"] == "NZL" and person["out"]["role"] is None
    surname = [m for m in rows[0]["mentions"] if m["text"] == "Rangi"]
    assert surname and surname[0]["entity"] == person["in"]["id"]


def test_a_broken_actor_dictionary_is_a_usage_error(tmp_path):
    actors = tmp_path / "bad.csv"
    actors.write_text("name,kind,code\nSomeone,wizard,XXX\n")
    result, rows = run_extract(tmp_path, [json.dumps(GOOD).encode()], "--actors", str(actors))
    assert result.exit_code == 2 and "E026" in result.output
    assert not (tmp_path / "out.jsonl").exists() and rows == []  # nothing half-written


def test_a_line_nested_1000_deep_fails_alone(tmp_path):
    deep = b'{"id": "deep", "text": "x", "n": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    result, rows = run_extract(tmp_path, [json.dumps(GOOD).encode(), deep, json.dumps({**GOOD, "id": "g2"}).encode()])
    assert result.exit_code == 1, result.output
    assert [(r["id"], (r["error"] or {}).get("code")) for r in rows] == [("g1", None), ("line:2", "E011"),
                                                                         ("g2", None)]


def test_a_missing_input_is_a_coded_usage_error(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.jsonl"), "-o", str(out)])
    assert result.exit_code == 2
    assert "error E008" in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing/dir/x.jsonl", "a_file/x.jsonl"])
def test_an_output_that_cannot_be_written_is_e032_before_any_work(tmp_path, where):
    (tmp_path / "a_file").write_text("not a folder")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(tmp_path / where)])
    assert result.exit_code == 1
    assert "error E046" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_run_that_fails_midway_leaves_no_output_file(tmp_path, monkeypatch):
    import peacewatch.flow

    def broken(stream, config):
        yield from ()
        raise RuntimeError("a bug in the middle of the run")

    monkeypatch.setattr(peacewatch.flow, "extract_stream", broken)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "error E099: internal error (RuntimeError: a bug in the middle of the run)" in result.output
    assert "issue tracker" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no partial file left behind


def test_peacewatch_debug_lets_the_traceback_through(tmp_path, monkeypatch):
    import peacewatch.flow

    def broken(stream, config):
        raise RuntimeError("the bug")

    monkeypatch.setattr(peacewatch.flow, "extract_stream", broken)
    monkeypatch.setenv("PEACEWATCH_DEBUG", "1")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert isinstance(result.exception, RuntimeError)


def test_the_command_line_never_prints_a_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "peacewatch.cli", "extract", str(tmp_path / "nope.jsonl")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error E008") and "Traceback" not in proc.stderr


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    """`peacewatch extract big.jsonl | head -1`: the closed pipe is neither a traceback nor an E099."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": "Talks."}) + "\n" for i in range(3000)))
    config = tmp_path / "cheap.toml"
    config.write_text('pipeline = ["timex"]\n')
    proc = subprocess.Popen([sys.executable, "-m", "peacewatch.cli", "--config", str(config), "extract", str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    errors = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert json.loads(first)["id"] == "d0"
    assert "Traceback" not in errors and "E099" not in errors and "Exception ignored" not in errors
