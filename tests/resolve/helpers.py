"""The project's golden ledger scenario (tests/golden/ledger_*), loaded as typed records, why two
made-up reports stay apart, and the made-up reports' arguments, reports and merged documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from peacewatch.config import LedgerSettings
from peacewatch.resolve import build_ledger
from peacewatch.resolve import reports as report_rules
from peacewatch.resolve.records import Ledger
from peacewatch.types import Argument, Document, Entity, Result

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def golden_results() -> list[Result]:
    lines = (GOLDEN / "ledger_results.jsonl").read_text("utf-8").splitlines()
    return [Result.from_dict(json.loads(line)) for line in lines if line.strip()]


def golden_documents() -> list[Document]:
    lines = (GOLDEN / "ledger_articles.jsonl").read_text("utf-8").splitlines()
    return [Document.from_dict(json.loads(line)) for line in lines if line.strip()]


def golden_expected() -> dict[str, Any]:
    return json.loads((GOLDEN / "ledger_expected.json").read_text("utf-8"))


def event_reports(ledger: Ledger) -> dict[frozenset[str], Any]:
    """Each merged event keyed by the set of 'doc#event' reports it gathers."""
    return {frozenset(f"{m.doc}#{m.event}" for m in e.mentions): e for e in ledger.events}


def reports_of(ledger: Ledger, event_ids: list[str]) -> list[list[str]]:
    """The 'doc#event' reports of some merged events, each sorted, in sorted order."""
    by_id = {e.id: e for e in ledger.events}
    return sorted(sorted(f"{m.doc}#{m.event}" for m in by_id[i].mentions)[:1] for i in event_ids)


def canonical(ledger: Ledger) -> str:
    """The ledger as sorted JSON, for comparing two builds."""
    return json.dumps(ledger.to_dict(), sort_keys=True)


def why_apart(a: Result, b: Result) -> str | None:
    """Why the one report of result ``a`` and the one of ``b`` may not merge, or None when they may
    (``reports.incompatibility`` under the default settings)."""
    settings = LedgerSettings()
    one, two = report_rules.reports_of([a, b], {}, settings)
    return report_rules.incompatibility(one, two, settings)


def argument(e: Entity) -> Argument:
    """The argument that names the entity ``e``."""
    return Argument(e.id, e.code, e.sector, e.name)


def reports_by_doc(*docs: Result) -> dict[str, report_rules.Report]:
    """The report of each made-up document's one event, by document id."""
    ids = {(r.id, e.id): f"{e.kind}:{e.id}" for r in docs for e in r.entities}
    return {rep.doc: rep for rep in report_rules.reports_of(list(docs), ids, LedgerSettings())}


def docs_of_events(*docs: Result) -> list[list[str]]:
    """The documents of each ledger event the made-up documents build, sorted."""
    return sorted(sorted({m.doc for m in e.mentions}) for e in build_ledger(list(docs)).events)
