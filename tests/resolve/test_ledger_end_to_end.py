"""End to end: the golden articles through the extraction pipeline, then the ledger.

The per-document components are being improved in parallel, so this pins only what the ledger must
make of them: the one exchange reported as "Wednesday", "Dec. 13" and "In December" by three
outlets is one merged event, whatever order the documents come in, and the swap the joint statement
promised is kept by the release of 32 on one side and of 2 on the other.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from peacewatch.pipeline import registered
from peacewatch.resolve import build_ledger
from peacewatch.resolve.records import Ledger
from peacewatch.types import Result

from .helpers import canonical, golden_documents

COMPONENTS = ("timex", "actors", "events")


@pytest.fixture(scope="module")
def results(make_pipeline: Any) -> list[Result]:
    missing = [c for c in COMPONENTS if c not in registered()]
    if missing:
        pytest.skip(f"components not registered yet: {', '.join(missing)}")
    return list(make_pipeline(*COMPONENTS).annotate(golden_documents()))


def _releases_of_32(ledger: Ledger) -> list[Any]:
    return [e for e in ledger.events if e.type == "RETREAT" and e.status == "occurred"
            and (e.quantity or {}).get("value") == 32]


def test_the_pipeline_reads_every_golden_article(results: list[Result]) -> None:
    failed = {r.id: r.error.message for r in results if r.error is not None}
    assert not failed, f"extraction failed on golden articles: {failed}"


def test_one_exchange_told_three_ways_is_one_event(results: list[Result]) -> None:
    ledger = build_ledger(results)
    [release] = _releases_of_32(ledger)
    docs = {m.doc for m in release.mentions}
    assert {"daily-c", "weekly-d", "review-e"} <= docs
    assert release.date == "2023-12-13" and release.first_reported == "2023-12-13"


def test_pipeline_output_gives_the_same_ledger_in_any_order(results: list[Result]) -> None:
    ledger = build_ledger(results)
    shuffled = list(results)
    random.Random(7).shuffle(shuffled)
    assert canonical(build_ledger(shuffled)) == canonical(ledger)
    assert canonical(build_ledger(shuffled + shuffled[:2])) == canonical(ledger)


def test_the_swap_promised_in_text_is_kept_by_both_releases(make_pipeline: Any) -> None:
    if "commitments" not in registered():
        pytest.skip("the commitments component is not registered yet")
    results = list(make_pipeline(*COMPONENTS, "commitments").annotate(golden_documents()))
    ledger = build_ledger(results)
    swaps = [c for c in ledger.commitments if c.action.get("type") == "RETREAT"
             and c.action.get("mode") == "release" and {s.doc for s in c.sources} == {"wire-a"}]
    assert swaps, json.dumps([c.to_dict() for c in ledger.commitments])[:2000]
    [swap] = swaps
    assert swap.status == "fulfilled", swap.why
    by_id = {e.id: e for e in ledger.events}
    counts = sorted((by_id[i].quantity or {}).get("value") for i in swap.fulfilled_by)
    assert counts == [2, 32]
