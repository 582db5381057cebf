"""Golden expectations for the events and commitments components (tests/golden/events.jsonl).

Each line: ``{id, note, text, published, must, must_not, commitments}``. A ``must`` item is met by
an event with that ``type`` and, where given, ``status``, ``mode``, the set of ``actor`` and
``recipient`` codes, the ``quantity`` value and a non-null ``reported_by``. A ``must_not`` item
forbids any event with that type (and status, where given). ``commitments`` items ask for a
commitment with that action type and mode binding at least ``obligors`` entities (and, where
given, exactly the ``obligor_codes`` and ``beneficiary_codes``); ``no_commitments`` items forbid
any commitment to that action type (and mode, where given), and ``"no_commitments": "all"`` any
commitment at all. The expectations
name types, statuses and country codes, not rules, so they survive a rewrite of the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peacewatch.pipeline import registered
from peacewatch.types import Commitment, Document, Event, Result

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "events.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("the golden event expectations need actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events", "commitments")


def _codes(args: list[Any]) -> list[str]:
    return sorted({a.code for a in args if a.code})


def _meets(event: Event, want: dict[str, Any]) -> bool:
    checks = [
        event.type == want["type"],
        "status" not in want or event.status == want["status"],
        "mode" not in want or event.mode == want["mode"],
        "actor" not in want or _codes(event.actor) == want["actor"],
        "recipient" not in want or _codes(event.recipient) == want["recipient"],
        "quantity" not in want or (event.quantity or {}).get("value") == want["quantity"],
        "reported_by" not in want or (event.reported_by is not None) == want["reported_by"],
    ]
    return all(checks)


def _forbidden(event: Event, item: dict[str, Any]) -> bool:
    return event.type == item["type"] and item.get("status", event.status) == event.status


def _binds(c: Commitment, want: dict[str, Any], codes: dict[str, str | None]) -> bool:
    return (c.action.get("type") == want["action"] and c.action.get("mode") == want.get("mode")
            and len(c.obligor) >= want["obligors"]
            and ("obligor_codes" not in want
                 or sorted({codes.get(o) or "?" for o in c.obligor}) == want["obligor_codes"])
            and ("beneficiary_codes" not in want
                 or sorted({codes.get(b) or "?" for b in c.beneficiary}) == want["beneficiary_codes"]))


def _barred(c: Commitment, item: dict[str, Any]) -> bool:
    return c.action.get("type") == item["action"] and item.get("mode", c.action.get("mode")) == c.action.get(
        "mode")


def _show(result: Result) -> str:
    return "; ".join(f"{e.type}/{e.mode}/{e.status} {_codes(e.actor)}->{_codes(e.recipient)}"
                     for e in result.events)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_events(pipe, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    doc = Document(id=case["id"], text=case["text"], published=case.get("published"))
    [result] = list(pipe.annotate([doc]))
    assert result.error is None
    for want in case.get("must", []):
        assert any(_meets(e, want) for e in result.events), f"missing {want}; got {_show(result)}"
    for item in case.get("must_not", []):
        bad = [e for e in result.events if _forbidden(e, item)]
        assert not bad, f"forbidden {item}; got {_show(result)}"
    codes = {e.id: e.code for e in result.entities}
    got = [(c.action, [codes.get(o) for o in c.obligor], c.why) for c in result.commitments]
    for want in case.get("commitments", []):
        assert any(_binds(c, want, codes) for c in result.commitments), (
            f"missing commitment {want}; got {got}")
    barred = case.get("no_commitments", [])
    if barred == "all":
        assert not result.commitments, f"no commitment expected; got {got}"
    else:
        bad_c = [c for c in result.commitments if any(_barred(c, item) for item in barred)]
        assert not bad_c, f"forbidden commitment; got {got}"
