"""Who acts and who is acted on, on sentences written for these tests: the argument rules that came
from sorting the document gold's misses by class (docs/events.md, "Errors by class")."""

from __future__ import annotations

import pytest

from peacewatch.pipeline import registered
from peacewatch.types import Event

from .annotate import annotated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("event arguments need actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def _events(pipe, text: str, etype: str) -> list[Event]:  # type: ignore[no-untyped-def]
    events = annotated(pipe, text).events
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.why) for e in events]}"
    return found


def _codes(args: list) -> list[str | None]:  # type: ignore[type-arg]
    return sorted(a.code for a in args)


def test_a_gerund_after_for_is_the_act_of_the_object(pipe) -> None:  # type: ignore[no-untyped-def]
    # thanked X for voting: X voted, not the one who thanks
    [vote] = _events(pipe, "Kenya thanked Ghana and Togo for voting against the resolution.", "REJECT")
    assert _codes(vote.actor) == ["GHA", "TGO"]


def test_a_gerund_after_of_is_the_act_of_the_accused(pipe) -> None:  # type: ignore[no-untyped-def]
    [demand] = _events(pipe, "Ghana accused Togo of making new demands.", "REQUEST")
    assert _codes(demand.actor) == ["TGO"]
    [attack] = _events(pipe, "Togo was accused of attacking Ghana.", "ASSAULT")
    assert _codes(attack.actor) == ["TGO"] and _codes(attack.recipient) == ["GHA"]


def test_a_gerund_with_no_object_above_it_is_the_subjects_act(pipe) -> None:  # type: ignore[no-untyped-def]
    [attack] = _events(pipe, "Kenya apologized for attacking Somalia.", "ASSAULT")
    assert _codes(attack.actor) == ["KEN"] and _codes(attack.recipient) == ["SOM"]


def test_hosted_talks_between_parties_are_the_parties_act(pipe) -> None:  # type: ignore[no-untyped-def]
    [talks] = _events(pipe, "Norway hosted talks between Colombia and Venezuela in Oslo.", "CONSULT")
    assert _codes(talks.actor) == ["COL", "VEN"] and _codes(talks.recipient) == ["NOR"]
    assert talks.mode == "third-party" and "the host receives" in talks.why


def test_a_host_receiving_one_visitor_stays_the_actor(pipe) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes "X hosted Y" as X's act; only talks between parties move the host to recipient
    [visit] = _events(pipe, "Kenyan President William Ruto hosted Ghana's president in Nairobi.", "CONSULT")
    assert _codes(visit.actor) == ["KEN"] and _codes(visit.recipient) == ["GHA"]


def test_a_mediated_meeting_is_one_event(pipe) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipe, "The Norway-mediated talks between Colombia and Venezuela resumed on Monday.", "CONSULT")
    assert len(events) == 1
    assert _codes(events[0].actor) == ["COL", "VEN"] and _codes(events[0].recipient) == ["NOR"]
