"""The ledger commands on the project's own example articles: events, commitments, timeline,
report and resolve all answer from one ingested database."""

import json
import re

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "ex.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(ROOT / "examples" / "articles.jsonl"), "--db", str(path), "--quiet"])
    assert first.exit_code == 0, first.output
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_events_of_a_dyad_are_in_timeline_order_and_merge_reports(db):
    rows = [json.loads(line) for line in run("events", "--dyad", "AZE", "ARM", "--db", db, "--json").splitlines()]
    assert rows, "the examples report events between Azerbaijan and Armenia"
    days = [r["date"][:10] for r in rows if r["date"] and len(r["date"]) >= 10]
    assert days == sorted(days)
    assert any(len(r["mentions"]) > 1 for r in rows), "several outlets report the same events"
    assert all(r["first_reported"] for r in rows)
    release = [r for r in rows if r["type"] == "RETREAT" and r["mode"] == "release"]
    assert release and release[0]["status"] == "occurred"


def test_type_filter_and_text_table(db):
    table = run("events", "--db", db, "--type", "consult")
    assert table.splitlines()[0].startswith("date") and "CONSULT" in table and "RETREAT" not in table


def test_commitments_have_a_status_and_their_evidence(db):
    rows = [json.loads(line) for line in run("commitments", "--db", db, "--json").splitlines()]
    assert rows and {r["status"] for r in rows} <= {"open", "fulfilled", "overdue", "broken"}
    for r in rows:
        assert (r["status"] == "fulfilled") == bool(r["fulfilled_by"])
    fulfilled = run("commitments", "--db", db, "--status", "fulfilled")
    assert "fulfilled" in fulfilled


def test_timeline_counts_by_quad_class(db):
    view = json.loads(run("timeline", "AZE", "ARM", "--db", db, "--json"))
    assert view["months"] and sum(m["events"] for m in view["months"]) <= len(view["events"])
    assert "negotiation record" in run("timeline", "AZE", "ARM", "--db", db)


def test_report_links_every_event_row_to_a_source_sentence(db, tmp_path):
    out = tmp_path / "r.html"
    run("report", "AZE", "ARM", "--db", db, "-o", str(out))
    html = out.read_text("utf-8")
    assert not re.search(r'<(script|img|link)[^>]+(src|href)="(https?:)?//', html), "report needs the network"
    anchors = set(re.findall(r'id="([^"]+)"', html))
    links = re.findall(r'href="#([^"]+)"', html)
    assert links and all(link in anchors for link in links)


def test_resolve_rebuilds_with_other_settings(db, tmp_path):
    strict = tmp_path / "strict.toml"
    strict.write_text("[ledger]\ndate_slack_days = 0\nundated_window_days = 0\n")
    before = len(run("events", "--db", db, "--json").splitlines())
    result = CliRunner().invoke(main, ["--config", str(strict), "resolve", "--db", db])
    assert result.exit_code == 0 and "merged events" in result.output
    stricter = len(run("events", "--db", db, "--json").splitlines())
    assert stricter >= before
    run("resolve", "--db", db)
    assert len(run("events", "--db", db, "--json").splitlines()) == before


def fails(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [
    ("--since", "yesterday"), ("--since", "2023-13-01"), ("--until", "2023"), ("--until", "20231207"),
    ("--since", "2024-02-01", "--until", "2024-01-01"), ("--type", "FOO"),
])
def test_bad_filters_are_coded_usage_errors(db, args):
    status, output = fails("events", "--db", db, *args)
    assert status == 2 and output.startswith("error E028")


def test_a_day_filter_selects_by_day(db):
    everything = run("events", "--db", db, "--json").splitlines()
    some = run("events", "--db", db, "--json", "--since", " 2024-04-01 ", "--until", "2024-12-31").splitlines()
    assert 0 < len(some) < len(everything)
    assert all((json.loads(r)["date"] or "2024").startswith("2024") for r in some)


@pytest.mark.parametrize("command", [("report", "XXX", "YYY"), ("timeline", "XXX", "ARM"),
                                     ("events", "--dyad", "AZE", "XXX")])
def test_actors_the_ledger_does_not_know_are_e043(db, tmp_path, command):
    out = tmp_path / "r.html"
    status, output = fails(*command, "--db", db, *(("-o", str(out)) if command[0] == "report" else ()))
    assert status == 1 and output.startswith("error E048") and "XXX" in output
    assert not out.exists()


def test_a_runtime_store_error_exits_1_not_2(db, tmp_path):
    """A database written by a newer peacewatch is a failure of this run (E041), not a usage error."""
    import shutil
    import sqlite3

    newer = tmp_path / "newer.db"
    shutil.copy(db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 9999")
    status, output = fails("events", "--db", str(newer))
    assert status == 1 and output.startswith("error E041")


def test_a_broken_promise_shows_what_broke_it():
    from peacewatch.resolve import LedgerCommitment
    from peacewatch.serve.text import render_commitments

    broken = LedgerCommitment(id="c1", event="ev-promise", obligor=["ARM"], status="broken",
                              fulfilled_by=["ev-kept-once"], broken_by=["ev-broke-it"])
    line = render_commitments([broken]).splitlines()[1]
    assert line.endswith("ev-broke-it") and "ev-kept-once" not in line
    kept = LedgerCommitment(id="c2", event="ev-promise", status="fulfilled", fulfilled_by=["ev-kept"])
    assert render_commitments([kept]).splitlines()[1].endswith("ev-kept")
