"""`peacewatch process`, `export agreements` and the evidence chain in `export commitments`, on the
golden scenario stored as its per-document records (no extraction needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store

from .helpers import golden_documents, golden_results


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("process") / "p.db"
    with Store(path) as store:
        for document, result in zip(golden_documents(), golden_results(), strict=True):
            store.save(document, result)
        rebuild_ledger(store.conn)
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_process_lists_agreements_with_provisions_then_open_commitments_then_the_timeline(db: str) -> None:
    text = run("process", "AZE", "ARM", "--db", db)
    agreements, commitments, timeline = (text.index(h) for h in ("agreements", "commitments (", "timeline ("))
    assert agreements < commitments < timeline
    assert "Armenia and Azerbaijan" in text and "level 3 (full)" in text and "ended: broken" in text
    rows = text[commitments:timeline].splitlines()[1:-1]
    statuses = [r.split()[1] for r in rows if r.strip()]
    assert statuses and statuses[0] in ("overdue", "open") and statuses[-1] in ("fulfilled", "broken")
    assert "[3 source(s)]" in text[timeline:]
    view = json.loads(run("process", "AZE", "ARM", "--db", db, "--json"))
    assert view["agreements"][0]["provisions"] and view["timeline"]


def test_export_agreements_and_commitments_with_their_evidence(db: str, tmp_path: Path) -> None:
    [agreement] = [json.loads(line) for line in run("export", "agreements", "--db", db).splitlines()]
    assert agreement["signatories"] == ["state:ARM", "state:AZE"]
    assert {c["id"] for c in agreement["provision_records"]} == set(agreement["provisions"])
    rows = [json.loads(line) for line in run("export", "commitments", "--db", db).splitlines()]
    swap = next(r for r in rows if r["action"] == {"type": "RETREAT", "mode": "release"})
    assert swap["level"] == 3 and swap["agreement"] == agreement["id"]
    assert swap["evidence"][0]["role"] == "made" and all(e["sentence"] for e in swap["evidence"])
    out = tmp_path / "a.csv"
    run("export", "agreements", "--db", db, "--format", "csv", "-o", str(out))
    assert out.read_text("utf-8").startswith("id,")
