"""The partial aspect of a retreat (extract/events/aspect.py): an act told as a part or a start of a larger
one ("a first batch of", "some of", "partially", "began withdrawing", "started to withdraw")
carries the words that say so in ``Event.partial``; an act told whole, an agreement's stage and other types
carry none. On sentences of an invented conflict written for these tests (docs/ledger.md, "Twelfth round:
partial implementation")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _retreats(pipe, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.status, e.partial) for e in annotated(pipe, text, "2024-05-10").events if e.type == "RETREAT"]


@pytest.mark.parametrize(("text", "words"), [
    ("Kenya released a first batch of prisoners on Monday.", "a first batch"),
    ("Kenya released some of the prisoners on Monday.", "some"),
    ("Kenya freed part of the detainees on Monday.", "part"),
    ("Kenyan troops partially withdrew from the border town on Monday.", "partially"),
    ("Kenyan troops began withdrawing from the border town on Monday.", "began withdrawing"),
    ("Kenyan troops started to withdraw from the border town on Monday.", "started withdraw"),
])
def test_a_retreat_told_as_a_part_or_a_start_says_so(pipe, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    # before: no partial field; the act read whole
    found = _retreats(pipe, text)
    assert found and found[0][1] == words, found


@pytest.mark.parametrize("text", [
    "Kenya released the prisoners on Monday.",
    "Kenyan troops withdrew from the border town on Monday.",
    "Kenya released 40 prisoners on Monday.",
])
def test_a_retreat_told_whole_has_no_partial_aspect(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _retreats(pipe, text)
    assert found and all(p is None for _, p in found), found


def test_an_agreements_stage_and_other_types_are_no_part_of_an_act(pipe) -> None:  # type: ignore[no-untyped-def]
    texts = ["Kenya and Uganda signed the first phase of the agreement on Monday.",
             "The first phase of the ceasefire took effect on Monday.",
             "Kenya and Uganda held a first round of talks on Monday.",
             "Kenya launched a second wave of strikes on Uganda on Monday."]
    for text in texts:
        events = annotated(pipe, text, "2024-05-10").events
        assert events and all(e.partial is None for e in events), (text, [(e.type, e.partial) for e in events])


@pytest.mark.parametrize(("text", "words"), [
    ("Kenyan rebels began handing over their heavy weapons to the monitors on Monday.", "began handing"),
    ("The rebels announced the start of handing over heavy weapons on Monday.", "start of handing"),
    ("The handover of the rebels' heavy weapons began on Monday.", "handover began"),
])
def test_a_handover_told_as_begun_is_a_begun_disarmament(pipe, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    # before: a CONCEDE (the bare verb) or nothing, as only a promised handover was read
    events = annotated(pipe, text, "2024-05-10").events
    assert [(e.type, e.mode, e.status, e.partial) for e in events] == [("RETREAT", "disarm", "occurred", words)]


def test_a_handover_told_done_whole_or_of_no_weapon_is_still_not_read(pipe) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.type == "RETREAT" for e in annotated(
        pipe, "The rebels handed over their heavy weapons on Monday.", "2024-05-10").events)
    assert not any(e.type == "RETREAT" for e in annotated(
        pipe, "The rebels began handing over a letter on Monday.", "2024-05-10").events)
