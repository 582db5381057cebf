"""A stopped attack is a ceasefire, not an attack (coding guide, "Retreats"; docs/events.md, "Fifteenth
round (second part): stopped attacks"). Texts of an invented border conflict written for these tests."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _events(pipe, text: str) -> list[tuple[str, str, set[str]]]:  # type: ignore[no-untyped-def]
    """(type, status, actor codes) of each event read in ``text``."""
    return [(e.type, e.status, {a.code for a in e.actor if a.code})
            for e in annotated(pipe, text, "2024-05-10").events]


@pytest.mark.parametrize("text, expected", [
    # each was an occurred ASSAULT on the attack noun before, with nothing for the stopping
    ("The Ghanaian rebels are expected to suspend all attacks.", ("CONCEDE", "future", {"GHA"})),
    ("Togo will halt its offensive on Friday.", ("CONCEDE", "future", {"TGO"})),
    ("Togo stopped its attacks on Lome on Monday.", ("RETREAT", "occurred", {"TGO"})),
])
def test_a_stopped_attack_is_a_ceasefire(pipe, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [expected]


def test_an_attack_beside_a_suspension_stays_an_attack(pipe) -> None:  # type: ignore[no-untyped-def]
    # what is suspended is the participation; the drone attack is told as what came before it
    kinds = [kind for kind, _, _ in _events(pipe, "Togo suspended its participation in the deal after a drone "
                                                  "attack on Lome.")]
    assert "ASSAULT" in kinds
    assert "RETREAT" not in kinds and "CONCEDE" not in kinds


def test_a_refusal_to_stop_is_no_ceasefire(pipe) -> None:  # type: ignore[no-untyped-def]
    kinds = [kind for kind, _, _ in _events(pipe, "Togo said it will not stop the fighting until the rebels "
                                                  "are defeated.")]
    assert not {"RETREAT", "CONCEDE", "ASSAULT"} & set(kinds)


@pytest.mark.parametrize("text, expected", [
    # a forecast is no act that occurred: "likely" and "poised" wrap as "expected" does
    ("The Ghanaian rebels are likely to suspend all attacks.", ("CONCEDE", "future", {"GHA"})),
    ("Togo is likely to withdraw its troops from the border.", ("CONCEDE", "future", {"TGO"})),
    ("Togo is poised to attack Lome.", ("THREATEN", "future", {"TGO"})),
    # the noun act under a verb of doing takes that verb's wrapper ("launch attacks", "carry out strikes")
    ("Togo is expected to launch attacks on Lome.", ("THREATEN", "future", {"TGO"})),
])
def test_a_forecast_is_not_occurred(pipe, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # limits: a verb of doing with no wrapper tells an act done; "likely" as an adverb is a guess at who
    ("Togo launched attacks on Lome on Monday.", ("ASSAULT", "occurred", {"TGO"})),
    ("The attack was likely carried out by Ghanaian rebels on Monday.", ("ASSAULT", "occurred", {"GHA"})),
])
def test_acts_done_stay_occurred(pipe, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a pause noun whose "to/in/of/on" object is the attack (docs/events.md, "Fifteenth round (third part)");
    # each read the attack noun as an ASSAULT before, or nothing for the pause
    ("Togo and Ghana agreed on a pause in the fighting.", ("CONCEDE", "future", {"TGO", "GHA"})),
    ("Togo and Ghana agreed to a lull in the shelling.", ("CONCEDE", "future", {"TGO", "GHA"})),
    # "put an end to": the parse hangs "to" on the verb, whose object the pause noun is
    ("Togo put an end to its attacks on Lome on Monday.", ("RETREAT", "occurred", {"TGO"})),
    ("The Ghanaian rebels hope the deal will put an end to the attacks.", ("CONCEDE", "future", set())),
])
def test_an_end_to_the_fighting_is_a_ceasefire(pipe, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [expected]


def test_a_call_for_an_end_to_the_fighting_is_a_request(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, "Togo and Ghana called for an end to the fighting.") == [
        ("REQUEST", "requested", {"TGO", "GHA"})]


@pytest.mark.parametrize("text", [
    # limits: a pause in a phrase of time dates another act; a halt of talks, an end to talks stop no attack
    "Togo shelled Lome after a brief lull in the fighting.",
    "The talks came to a halt after Togo shelled Lome.",
    "Togo put an end to the talks with Ghana.",
])
def test_a_pause_that_stops_no_attack_is_no_ceasefire(pipe, text) -> None:  # type: ignore[no-untyped-def]
    kinds = {kind for kind, _, _ in _events(pipe, text)}
    assert not {"RETREAT", "CONCEDE"} & kinds
