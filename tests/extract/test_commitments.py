"""The commitments component on hand-made events (no spaCy): which events bind whom to what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacewatch.extract.commitments import CommitmentsComponent
from peacewatch.pipeline import Annotation
from peacewatch.types import Argument, Document, Event, Result

A = Argument("e1", "AZE", "GOV", "Baku")
B = Argument("e2", "ARM", "GOV", "Yerevan")


def _run(events: list[Event], notes: dict[str, Any]) -> Result:
    result = Result(id="d", events=events)
    ann = Annotation(Document(id="d", text="x"), None, result, dt.date(2023, 12, 26),  # type: ignore[arg-type]
                     notes={"events": notes})
    return CommitmentsComponent()(ann).result


def _event(eid: str, etype: str, status: str, **kw: Any) -> Event:
    return Event(id=eid, type=etype, trigger_span=(0, 1), span=(0, 1), status=status, **kw)


def test_agreement_on_a_swap_binds_both_parties_to_release() -> None:
    ev = _event("ev1", "AGREE", "occurred", actor=[A, B], date="2023-12")
    nested = {"inner": {"ev1": [{"type": "RETREAT", "mode": "release", "why": "swap"}]}}
    [c] = _run([ev], nested).commitments
    assert c.action == {"type": "RETREAT", "mode": "release"}
    assert c.obligor == ["e1", "e2"] and c.beneficiary == ["e1", "e2"]
    assert c.made == "2023-12" and c.due is None and c.status == "open" and c.why


def test_announced_withdrawal_commits_to_the_withdrawal_with_due_date() -> None:
    ev = _event("ev1", "CONCEDE", "future", actor=[A], recipient=[B], date="2024-03")
    own = {"action": {"ev1": {"type": "RETREAT", "mode": "withdraw", "why": "withdrawal"}}}
    [c] = _run([ev], own).commitments
    assert c.action == {"type": "RETREAT", "mode": "withdraw"}
    assert c.obligor == ["e1"] and c.beneficiary == ["e2"]
    assert c.made == "2023-12-26" and c.due == "2024-03"


def test_no_commitment_without_a_named_party_or_from_other_events() -> None:
    events = [
        _event("ev1", "AGREE", "future"),  # nobody bound
        _event("ev2", "RETREAT", "occurred", actor=[A]),  # an act, not a promise
        _event("ev3", "AGREE", "negated", actor=[A]),
        _event("ev4", "AGREE", "hypothetical", actor=[A]),
    ]
    assert _run(events, {}).commitments == []
