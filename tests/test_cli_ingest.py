"""`peacewatch ingest` end to end: bad inputs get coded failures, the rest is stored once."""

import json
import sqlite3

from click.testing import CliRunner

from peacewatch.cli import main


def make_inputs(folder):
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Ceasefire holds\n\nKenya and Ethiopia held talks in Nairobi on Monday.\n"
    )
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02PK\x00" * 50)
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks in Bogot\xe1".encode("latin-1"))
    (folder / "empty.txt").write_text("")
    lines = [
        json.dumps({"id": "j1", "text": "Serbia and Kosovo met in Brussels.", "published": "2023-02-27"}),
        "{broken json",
        json.dumps({"id": "j3", "text": "Sudan's army and the RSF signed a truce."}),
    ]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "huge.txt").write_text("peace " * (9 * 1024 * 1024))  # about 54 MB


def test_ingest_stores_good_documents_and_codes_every_failure(tmp_path):
    make_inputs(tmp_path / "in")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    conn = sqlite3.connect(db)
    stored = sorted(r[0] for r in conn.execute("SELECT id FROM documents"))
    assert "j1" in stored and "j3" in stored and len(stored) == 3
    codes = sorted(r[0] for r in conn.execute("SELECT code FROM failures"))
    assert codes == ["E001", "E003", "E004", "E005", "E006"]
    again = CliRunner().invoke(main, ["ingest", str(tmp_path / "in" / "docs.jsonl"), "--db", str(db)])
    assert "already stored 2" in again.output
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_ingest_from_stdin(tmp_path):
    db = tmp_path / "s.db"
    line = json.dumps({"id": "s1", "text": "Talks between Colombia and the ELN resumed in Mexico."})
    result = CliRunner().invoke(
        main, ["ingest", "-", "--db", str(db), "--format", "jsonl"], input=line + "\n"
    )
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(db).execute("SELECT id FROM documents").fetchone()[0] == "s1"


def test_ingest_unknown_format_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "x", "--format", "pdf"])
    assert result.exit_code == 2


def test_a_missing_path_is_a_usage_error_before_the_database_is_touched(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kenya and Ethiopia held talks in Nairobi.")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(main, ["ingest", str(good), str(tmp_path / "nope.jsonl"), "--db", str(db)])
    assert result.exit_code == 2 and "error E008" in result.output and "nope.jsonl" in result.output
    assert not db.exists()


def test_a_bad_published_option_is_a_usage_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kenya and Ethiopia held talks in Nairobi.")
    for value in ("yesterday", "9999-12-31"):
        result = CliRunner().invoke(main, ["ingest", str(good), "--db", str(tmp_path / "p.db"), "--published", value])
        assert result.exit_code == 2 and result.output.startswith("error E007"), result.output


def test_a_database_that_cannot_be_opened_exits_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kenya and Ethiopia held talks in Nairobi.")
    result = CliRunner().invoke(main, ["ingest", str(good), "--db", str(good / "p.db"), "--quiet"])
    assert result.exit_code == 1 and result.output.startswith("error E040"), result.output


def test_ingest_says_how_the_ledger_was_brought_up_to_date(tmp_path):
    db = tmp_path / "l.db"
    first = json.dumps({"id": "a1", "text": "Serbia and Kosovo met in Brussels on Monday.", "published": "2023-02-27"})
    second = json.dumps({"id": "a2", "text": "Sudan's army and the RSF signed a truce in Jeddah.",
                         "published": "2023-05-20"})
    runs = [CliRunner().invoke(main, ["ingest", "-", "--db", str(db), "--format", "jsonl"], input=line + "\n")
            for line in (first, second, second)]
    assert [r.exit_code for r in runs] == [0, 0, 0], [r.output for r in runs]
    assert "ledger: full (no ledger yet)" in runs[0].output
    assert "ledger: incremental (" in runs[1].output  # one new document: only what it reaches
    assert "already stored 1" in runs[2].output and "ledger: up to date" in runs[2].output
