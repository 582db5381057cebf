"""Whom an act is aimed at, on sentences written for these tests about an invented border conflict
between Ghana and Togo: the recipient shapes sorted from the ninth round's disagreement classes
(docs/events.md, "Ninth round: recipients")."""

from __future__ import annotations

import pytest

from .annotate import arg_codes, events_pipeline, typed_events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_an_investigation_into_a_party(pipe) -> None:  # type: ignore[no-untyped-def]
    [probe] = typed_events(pipe, "Ghana opened an investigation into Togo's customs service.", "ACCUSE")
    assert arg_codes(probe.recipient) == ["TGO"]


def test_the_author_of_what_is_acted_on_is_the_recipient(pipe) -> None:  # type: ignore[no-untyped-def]
    # "refused a request by X", "welcomed the decision by X", "condemned an attack by X": the "by"
    # phrase of the object names whose request, decision or attack it is
    [refusal] = typed_events(pipe, "Ghana refused a request by Togo to reopen the crossing.", "REJECT")
    assert arg_codes(refusal.recipient) == ["TGO"] and "recipient from: object by" in refusal.why
    [welcome] = typed_events(pipe, "Ghana welcomed the decision by the African Union to send observers.", "SUPPORT")
    assert arg_codes(welcome.recipient) == ["IGO"]
    [blame] = typed_events(pipe, "Ghana condemned an attack by Togolese troops on a border post.", "ACCUSE")
    assert arg_codes(blame.recipient) == ["TGO"]


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), [
    ("Ghana was attacked by Togo on Monday.", "ASSAULT", ["TGO"], ["GHA"]),  # passive: the agent acts
    ("Ghana imposed sanctions on Togo.", "SANCTION", ["GHA"], ["TGO"]),
    ("Ghana held talks with Togo in Accra.", "CONSULT", ["GHA"], ["TGO"]),
    ("Ghana sent aid to Togo.", "AID", ["GHA"], ["TGO"]),
    ("Ghana attacked Togo and Benin.", "ASSAULT", ["GHA"], ["BEN", "TGO"]),  # both coordinated targets
    ("Ghana handed the prisoners over to Togo.", "RETREAT", ["GHA"], ["TGO"]),  # released to whom
])
def test_shapes_already_read_right_stay_right(pipe, text: str, etype: str, actor: list[str],  # type: ignore[no-untyped-def]
                                              recipient: list[str]) -> None:
    [event] = typed_events(pipe, text, etype)
    assert (arg_codes(event.actor), arg_codes(event.recipient)) == (actor, recipient)


@pytest.mark.parametrize("source", ["according to AFP", "according to Reuters"])
def test_a_news_agency_named_as_the_source_is_no_recipient(pipe, source) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "according to X" under the act, and nearness alone made the agency's country
    # the target (the coding guide: outlets and credits are not entities)
    [fire] = typed_events(pipe, f"Togolese soldiers opened fire on Monday, {source}.", "ASSAULT")
    assert arg_codes(fire.actor) == ["TGO"] and arg_codes(fire.recipient) == []


def test_an_outlet_the_act_is_done_to_is_still_its_recipient(pipe) -> None:  # type: ignore[no-untyped-def]
    [attack] = typed_events(pipe, "Togolese troops attacked the offices of Agence France-Presse in Lome.", "ASSAULT")
    assert arg_codes(attack.recipient) == ["FRA"]
