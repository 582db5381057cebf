"""Which mentions of talks, topics and demands are acts of their own, on texts written for these
tests (docs/events.md, "Errors by class")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _types(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in annotated(pipe, text, "2024-05-10").events]


def test_talks_named_as_the_frame_of_another_act_are_no_new_talks(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _types(pipe, "Ghana agreed to start negotiations within the AU-facilitated dialogue.") == ["AGREE"]
    assert "CONSULT" not in _types(pipe, "Under the AU dialogue, both sides agreed to sign the charter.")


def test_an_attack_under_which_a_town_came_is_still_an_attack(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _types(pipe, "The town came under attack by rebels on Monday.") == ["ASSAULT"]


def test_what_talks_are_about_is_not_a_second_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # both coordinated topics go with the talks: no prisoner exchange took place
    assert _types(pipe, "Kenya and Somalia held talks on a ceasefire and the exchange of prisoners.") == ["CONSULT"]


def test_insisting_on_an_act_is_a_demand(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _types(pipe, "Ghana insisted on the establishment of a joint commission.") == ["REQUEST"]
    assert "REQUEST" not in _types(pipe, "Ghana insisted that the talks were going well.")


def test_an_act_named_deep_inside_what_talks_cover_is_their_topic(pipe) -> None:  # type: ignore[no-untyped-def]
    # the truce is what the mechanism is for, the withdrawal what is demanded: no truce, no retreat
    text = "Delegates held discussions over setting up a mechanism for verifying the truce."
    assert "RETREAT" not in _types(pipe, text)
    assert "RETREAT" not in _types(pipe, "The rebels made new demands, including a withdrawal of troops.")
    # an act the sentence says happened stays an event
    assert _types(pipe, "The truce between Ghana and Togo collapsed on Monday.") == ["RETREAT"]


def test_a_mediator_is_never_the_side_an_actorless_act_inherits(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Sudan and the RSF signed a truce in May, mediated by Qatar and Egypt. Qatar and Egypt urged calm on "
            "Sunday. Fighting resumed on Monday.")
    events = annotated(pipe, text, "2024-05-10").events
    assert [e.type for e in events] == ["SUPPORT", "REQUEST", "ASSAULT"]
    assert {a.code for a in events[1].actor} == {"QAT", "EGY"}  # the mediators' own act stays theirs
    assert {a.code for a in events[2].actor} == {"SDN"}  # the fight is the parties' told before


@pytest.mark.parametrize("mediator", [
    "Mediator Qatar",  # a mediator word before the name
    "Qatar, headquarters of the talks,",  # the seat of the talks in apposition
    "Qatar, the venue of the negotiations,",
])
def test_a_mediator_named_before_its_name_or_as_the_seat_of_the_talks_is_never_inherited(  # type: ignore[no-untyped-def]
        pipe, mediator: str) -> None:
    # before: Qatar, the last actor named, was taken as the doer of the fighting
    text = f"The RSF attacked El Fasher in May. {mediator} urged calm on Sunday. Fighting resumed on Monday."
    events = annotated(pipe, text, "2024-05-10").events
    assert [e.type for e in events if e.type != "CONSULT"] == ["ASSAULT", "REQUEST", "ASSAULT"]
    assert {a.code for a in events[-1].actor} == {"SDN"}


@pytest.mark.parametrize("other", [
    "The Qatari headquarters",  # a headquarters that is no seat of talks names no host
    "Qatar, the seat of the new government,",
])
def test_a_seat_of_no_talks_names_no_mediator(pipe, other: str) -> None:  # type: ignore[no-untyped-def]
    text = f"The RSF attacked El Fasher in May. {other} urged calm on Sunday. Fighting resumed on Monday."
    assert {a.code for a in annotated(pipe, text, "2024-05-10").events[-1].actor} == {"QAT"}
