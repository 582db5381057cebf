"""A handover typed by what it gives up (coding guide, "Retreats": handovers of territory, releases and
disarmament are RETREAT; announced or agreed ones CONCEDE ``future``). "Surrender", "hand over", "cede"
are no act alone; their object's head (weapons, ground, people) makes them one. On sentences of an
invented conflict written for these tests (docs/events.md, "Ninth round")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _modes(pipe, text: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.mode, e.status) for e in annotated(pipe, text, "2024-05-10").events]


def test_a_promised_handover_of_ground_is_a_concession(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: the promise alone, AGREE, as "hand over" knew people only
    assert _events(pipe, "Kenya pledged to hand over the captured villages to Uganda.") == [("CONCEDE", "future")]


def test_weapons_handed_over_under_a_deal_are_an_agreed_disarmament(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: the deal noun read as the act, AGREE occurred
    text = "Under the deal, Kenya will hand over its heavy weapons to the monitors."
    assert _events(pipe, text) == [("CONCEDE", "future")]


def test_a_done_handover_is_a_retreat_by_its_mode(pipe) -> None:  # type: ignore[no-untyped-def]
    assert ("RETREAT", "withdraw", "occurred") in _modes(pipe, "Kenya ceded the border town to Uganda on Monday.")
    assert ("RETREAT", "release", "occurred") in _modes(
        pipe, "Kenya handed over the bodies of 12 soldiers to Uganda on Monday.")


def test_giving_anything_else_is_no_retreat(pipe) -> None:  # type: ignore[no-untyped-def]
    # a letter handed over is no concession by the rules (the learned model, beside them, may still add
    # one where they find nothing); weapons delivered to a side are aid, not disarmament
    events = annotated(pipe, "Kenya handed over a letter to Uganda on Monday.", "2024-05-10").events
    assert not [e for e in events if "handover_verb" in e.why]
    assert not [m for m in _modes(pipe, "Kenya will deliver weapons to Uganda.") if m[0] in ("RETREAT", "CONCEDE")]
