"""Whom an act is aimed at, on sentences written for these tests about an invented border conflict
between Ghana and Togo: the recipient shapes sorted from the ninth round's disagreement classes
(docs/events.md, "Ninth round: recipients")."""

from __future__ import annotations

import pytest

from peacewatch.pipeline import registered
from peacewatch.types import Event

from .annotate import annotated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("event recipients need actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def _events(pipe, text: str, etype: str) -> list[Event]:  # type: ignore[no-untyped-def]
    events = annotated(pipe, text).events
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.why) for e in events]}"
    return found


def _codes(args: list) -> list[str | None]:  # type: ignore[type-arg]
    return sorted(a.code for a in args)


def test_the_on_phrase_of_a_noun_act_is_its_target(pipe) -> None:  # type: ignore[no-untyped-def]
    # "attack on X", "airstrikes on X": the target, as the object of "attacked X" is
    [strikes] = _events(pipe, "The Ghanaian airstrikes on Togolese positions continued overnight.", "ASSAULT")
    assert _codes(strikes.actor) == ["GHA"] and _codes(strikes.recipient) == ["TGO"]
    assert "recipient from: noun on" in strikes.why


def test_the_target_of_a_noun_act_inside_another_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # the attack is the subject of "killed": the act told is the attack's, aimed at Togo
    [attack] = _events(pipe, "The Ghanaian attack on Togo killed ten soldiers.", "ASSAULT")
    assert _codes(attack.actor) == ["GHA"] and _codes(attack.recipient) == ["TGO"]


def test_an_investigation_into_a_party(pipe) -> None:  # type: ignore[no-untyped-def]
    [probe] = _events(pipe, "Ghana opened an investigation into Togo's customs service.", "ACCUSE")
    assert _codes(probe.recipient) == ["TGO"]


def test_the_author_of_what_is_acted_on_is_the_recipient(pipe) -> None:  # type: ignore[no-untyped-def]
    # "refused a request by X", "welcomed the decision by X", "condemned an attack by X": the "by"
    # phrase of the object names whose request, decision or attack it is
    [refusal] = _events(pipe, "Ghana refused a request by Togo to reopen the crossing.", "REJECT")
    assert _codes(refusal.recipient) == ["TGO"] and "recipient from: object by" in refusal.why
    [welcome] = _events(pipe, "Ghana welcomed the decision by the African Union to send observers.", "SUPPORT")
    assert _codes(welcome.recipient) == ["IGO"]
    [blame] = _events(pipe, "Ghana condemned an attack by Togolese troops on a border post.", "ACCUSE")
    assert _codes(blame.recipient) == ["TGO"]
