"""The seed article (../shared/seed, published 2023-12-26): the events the project started from.

Nothing here is special-cased in the rules; each expectation is also covered on project-written
text by tests/golden/events.jsonl.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from peacewatch.pipeline import registered
from peacewatch.types import Document, Event, Result
from tests.conftest import shared_path


def _codes(args: list[Any]) -> set[str]:
    return {a.code for a in args if a.code}


@pytest.fixture(scope="module")
def seed(make_pipeline) -> tuple[str, Result]:  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("the seed expectations need actor codes from the 'actors' component")
    line = shared_path("seed", "seed.jsonl").read_text("utf-8").splitlines()[0]
    text = json.loads(line)["text"]
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments")
    [result] = list(pipe.annotate([Document(id="seed", text=text, published="2023-12-26")]))
    assert result.error is None
    return text, result


def _find(result: Result, text: str, etype: str, words: str, **want: Any) -> Event:
    """The event of ``etype`` whose sentence span contains ``words`` and matches ``want``."""
    for e in result.events:
        if e.type != etype or words not in text[e.span[0]:e.span[1]]:
            continue
        if all(getattr(e, k) == v for k, v in want.items()):
            return e
    got = [(e.type, e.status, text[e.trigger_span[0]:e.trigger_span[1]]) for e in result.events]
    raise AssertionError(f"no {etype} {want} in the sentence with {words!r}; events: {got}")


def test_talks_between_the_parties(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    talks = _find(result, text, "CONSULT", "bilateral talks")
    assert {"AZE", "ARM"} <= _codes(talks.actor)


def test_third_party_mediation(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    mediated = _find(result, text, "CONSULT", "mediated separately", mode="third-party")
    assert {"IGO", "USA", "RUS"} <= _codes(mediated.actor)


def test_proposals_reported_by_bayramov(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    ev = _find(result, text, "AGREE", "package of proposals")
    assert _codes(ev.actor) == {"ARM"} and _codes(ev.recipient) == {"AZE"}
    assert ev.date == "2023-11"
    reporter = result.entity(ev.reported_by)
    assert reporter is not None and "Bayramov" in reporter.name


def test_future_meetings(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    ev = _find(result, text, "AGREE", "respective meetings", status="future")
    assert ev.date == "2024"


def test_joint_agreement_and_prisoner_swap_commit_both(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    joint = _find(result, text, "AGREE", "joint statement", status="occurred")
    assert _codes(joint.actor) == {"AZE", "ARM"} and joint.recipient == []
    assert joint.date == "2023-12"
    swap = _find(result, text, "AGREE", "prisoner swap", status="occurred")
    assert _codes(swap.actor) == {"AZE", "ARM"}
    by_event = {c.event: c for c in result.commitments}
    assert joint.id in by_event
    assert by_event[swap.id].action == {"type": "RETREAT", "mode": "release"}


def test_releases_with_quantities(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    aze = _find(result, text, "RETREAT", "32 Armenians", mode="release", status="occurred")
    assert _codes(aze.actor) == {"AZE"} and _codes(aze.recipient) == {"ARM"}
    assert aze.quantity == {"value": 32, "unit": "person"}
    arm = [e for e in result.events if e.type == "RETREAT" and _codes(e.actor) == {"ARM"}]
    assert arm and arm[0].quantity == {"value": 2, "unit": "person"} and arm[0].status == "occurred"


def test_withdrawal_discussed_not_decided(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    _find(result, text, "RETREAT", "withdrawal of troops", status="negated")


def test_september_operation(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    ev = _find(result, text, "MOBILIZE", "Sept. 19")
    assert _codes(ev.actor) == {"AZE"} and ev.date == "2023-09-19"


def test_2020_war_and_brokered_agreement_are_historical(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    _find(result, text, "ASSAULT", "fall of 2020", status="historical")
    _find(result, text, "AGREE", "Russian-brokered", status="historical")


def test_conditional_signing_is_hypothetical(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    _find(result, text, "SUPPORT", "if Baku approves", status="hypothetical")


def test_no_occurred_treaty_signing(seed) -> None:  # type: ignore[no-untyped-def]
    _, result = seed
    assert not [e for e in result.events if e.type == "SUPPORT" and e.mode == "sign"
                and e.status == "occurred"]
