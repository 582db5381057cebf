"""``eval process``'s breakdown of gold fulfilled commitments the ledger leaves unfulfilled
(``process_commitment_misses.unfulfilled``), on a made-up ledger."""

from __future__ import annotations

from typing import Any

from peacewatch.evaluate.process_commitment_misses import unfulfilled
from peacewatch.evaluate.process_ledger import load_ledger
from peacewatch.evaluate.process_match import interval, types_compatible
from peacewatch.resolve.tables import fulfilling

AAA = [{"entity": "state:AAA", "code": "AAA"}]


def _event(ident: str, date: str | None, doc: str, status: str = "occurred", mode: str | None = "release",
           actor: list[dict[str, str]] = AAA) -> dict[str, Any]:
    return {"id": ident, "type": "RETREAT", "mode": mode, "status": status, "date": date,
            "first_reported": "2024-03-10", "actor": actor, "recipient": [], "mentions": [{"doc": doc}]}


def _promise(**change: Any) -> dict[str, Any]:
    row = {"id": "cm-1", "event": None, "obligor": ["state:AAA"], "beneficiary": [],
           "action": {"type": "RETREAT", "mode": "release"}, "made": "2024-03-01", "status": "open",
           "sources": [{"doc": "d1"}], "fulfilled_by": []}
    return {**row, **change}


GOLD = {"obligor": ["AAA"], "made": "2024-03-01", "action": {"type": "RETREAT", "mode": "release"},
        "docs": ["d1"], "status": "fulfilled", "fulfilled_by": "t1"}
TARGET = {"id": "t1", "type": "RETREAT", "actor": ["AAA"], "docs": ["d2"]}


def _why(events: list[dict[str, Any]], target: dict[str, Any] | None = TARGET, **change: Any) -> str:
    ledger = load_ledger(events, [_promise(**change)], [{"id": "state:AAA", "code": "AAA"}])
    return unfulfilled(GOLD, ledger.commitments[0], target, ledger.events, fulfilling, types_compatible, interval)


def test_a_neighbour_promise_is_told_apart_from_the_gold_one() -> None:
    # a withdrawal does not carry out a release: the pairing found another promise
    assert _why([], action={"type": "RETREAT", "mode": "withdraw"}) == "another act promised"
    # the same act, read from an article that is not the gold's
    assert _why([], sources=[{"doc": "d9"}]) == "promise of other articles"
    assert _why([], fulfilled_by=["ev-9"]) == "partly carried out"
    assert _why([], target=None) == "no gold act"


def test_the_acts_that_could_keep_it_are_narrowed_step_by_step() -> None:
    assert _why([_event("ev-0", "2024-03-05", "d7")]) == "act not read"  # not in the gold act's articles
    assert _why([_event("ev-1", "2024-03-05", "d2", status="future")]) == "act not happened"
    assert _why([_event("ev-1", None, "d2")]) == "act undated"
    assert _why([_event("ev-1", "2024-02-20", "d2")]) == "act before the promise"
    assert _why([_event("ev-1", "2024-03-05", "d2", mode="withdraw")]) == "act of another kind"
    bbb = [{"entity": "state:BBB", "code": "BBB"}]
    # the gold's actors are named (as a recipient), but no obligor acted
    assert _why([{**_event("ev-1", "2024-03-05", "d2", actor=bbb), "recipient": AAA}]) == "act by another party"
    assert _why([_event("ev-1", "2024-03-05", "d2")]) == "other"
