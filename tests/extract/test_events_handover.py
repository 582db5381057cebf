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


def test_a_promised_handover_of_people_and_of_weapons_by_passive(pipe) -> None:  # type: ignore[no-untyped-def]
    modes = _modes(pipe, "Kenya pledged the handover of the bodies of 12 soldiers to Uganda.")
    assert modes and modes[0][0] == "CONCEDE"
    assert any("handover:disarm" in e.why for e in annotated(
        pipe, "Under the agreement, the heavy weapons would be surrendered to the monitors.", "2024-05-10").events)


def test_a_handover_told_as_done_is_left_to_the_other_rules(pipe) -> None:  # type: ignore[no-untyped-def]
    # a done handover may be a first part of a larger one ("a first round of heavy weapons was handed over"),
    # which the ledger would take for the whole: measured, it fulfilled an open disarmament (docs/events.md)
    events = annotated(pipe, "Kenya ceded the border town to Uganda on Monday.", "2024-05-10").events
    assert not [e for e in events if "handover_verb" in e.why]


def test_giving_anything_else_is_no_retreat(pipe) -> None:  # type: ignore[no-untyped-def]
    # a letter handed over is no concession by the rules (the learned model, beside them, may still add
    # one where they find nothing); weapons delivered to a side are aid, not disarmament
    events = annotated(pipe, "Kenya handed over a letter to Uganda on Monday.", "2024-05-10").events
    assert not [e for e in events if "handover_verb" in e.why]
    assert not [m for m in _modes(pipe, "Kenya will deliver weapons to Uganda.") if m[0] in ("RETREAT", "CONCEDE")]
