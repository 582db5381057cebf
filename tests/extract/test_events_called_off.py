"""Halting talks told by a verb and its particle ("called off the talks", "broke off negotiations") is
SANCTION/discontinue, as suspending or pulling out of them already was (docs/events.md, "Type and status";
the docs gold: "halting talks is SANCTION withdraw"). A row of ``triggers.tsv`` whose need joins words with
"+" wants all of them in the frame, and is tried before the lemma's other rows, so "called off" alone stays
the concession it was and "called for talks" the demand. On sentences of an invented conflict written for
these tests (docs/ledger.md, "Twelfth round: key events with no type")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _typed(pipe, text: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.mode, e.status) for e in annotated(pipe, text, "2024-05-10").events]


def test_talks_called_off_are_halted(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: CONCEDE, the row of "call off" alone (calling off a strike or a curfew)
    assert ("SANCTION", "discontinue", "occurred") in _typed(
        pipe, "The Ostland government called off the peace talks with the rebels on Monday.")
    events = annotated(pipe, "Talks with the rebels were called off in 2019 by President Harlan.", "2024-05-10").events
    assert [(e.type, e.date) for e in events if e.type == "SANCTION"] == [("SANCTION", "2019")]


def test_negotiations_broken_off_are_halted(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: no event ("break" knew relations and ties only)
    assert ("SANCTION", "discontinue", "occurred") in _typed(
        pipe, "Ostland broke off negotiations with Westland after the attack on the border post.")


def test_the_particle_or_the_talks_alone_keep_their_rows(pipe) -> None:  # type: ignore[no-untyped-def]
    called_off = annotated(pipe, "The union called off the strike on Monday.", "2024-05-10").events
    assert [e.type for e in called_off if "call/VERB" in (e.why or "")] == ["CONCEDE"]
    called_for = annotated(pipe, "Ostland called for talks with the rebels.", "2024-05-10").events
    assert [e.type for e in called_for if "call/VERB" in (e.why or "")] == ["REQUEST"]
