"""Who acts and who is acted on, on sentences written for these tests: the argument rules that came
from sorting the document gold's misses by class (docs/events.md, "Errors by class")."""

from __future__ import annotations

import pytest

from .annotate import arg_codes, events_pipeline, typed_events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_a_gerund_after_for_is_the_act_of_the_object(pipe) -> None:  # type: ignore[no-untyped-def]
    # thanked X for voting: X voted, not the one who thanks
    [vote] = typed_events(pipe, "Kenya thanked Ghana and Togo for voting against the resolution.", "REJECT")
    assert arg_codes(vote.actor) == ["GHA", "TGO"]


def test_a_gerund_after_of_is_the_act_of_the_accused(pipe) -> None:  # type: ignore[no-untyped-def]
    [demand] = typed_events(pipe, "Ghana accused Togo of making new demands.", "REQUEST")
    assert arg_codes(demand.actor) == ["TGO"]
    [attack] = typed_events(pipe, "Togo was accused of attacking Ghana.", "ASSAULT")
    assert arg_codes(attack.actor) == ["TGO"] and arg_codes(attack.recipient) == ["GHA"]


def test_a_gerund_with_no_object_above_it_is_the_subjects_act(pipe) -> None:  # type: ignore[no-untyped-def]
    [attack] = typed_events(pipe, "Kenya apologized for attacking Somalia.", "ASSAULT")
    assert arg_codes(attack.actor) == ["KEN"] and arg_codes(attack.recipient) == ["SOM"]


def test_hosted_talks_between_parties_are_the_parties_act(pipe) -> None:  # type: ignore[no-untyped-def]
    [talks] = typed_events(pipe, "Norway hosted talks between Colombia and Venezuela in Oslo.", "CONSULT")
    assert arg_codes(talks.actor) == ["COL", "VEN"] and arg_codes(talks.recipient) == ["NOR"]
    assert talks.mode == "third-party" and "the host receives" in talks.why


def test_a_host_receiving_one_visitor_stays_the_actor(pipe) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes "X hosted Y" as X's act; only talks between parties move the host to recipient
    [visit] = typed_events(pipe, "Kenyan President William Ruto hosted Ghana's president in Nairobi.", "CONSULT")
    assert arg_codes(visit.actor) == ["KEN"] and arg_codes(visit.recipient) == ["GHA"]


def test_a_mediated_meeting_is_one_event(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The Norway-mediated talks between Colombia and Venezuela resumed on Monday."
    events = typed_events(pipe, text, "CONSULT")
    assert len(events) == 1
    assert arg_codes(events[0].actor) == ["COL", "VEN"] and arg_codes(events[0].recipient) == ["NOR"]
