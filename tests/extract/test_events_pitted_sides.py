"""A war or fighting told as "pitting X against Y" is a two-sided clash: one ASSAULT with every coded party
of both sides as actors (coding guide, "Violence"), where the trigger alone names none ("war erupted in
Harlow, pitting ..." read an unidentified armed force of the place). Those sides, allies included, are not
who a later "the two sides" or an actorless act stand for (``arguments.pitted_sides``). The texts are made
up for these tests (docs/ledger.md, "Twelfth round: key events with no type")."""

from __future__ import annotations

import pytest

from .annotate import annotated, arg_codes, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_a_war_pitting_sides_is_both_sides_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: the place's unidentified armed force (KEN) against the place
    text = "Fighting broke out in Kenya in April, pitting Kenya against Uganda and its allies from Ethiopia."
    events = [e for e in annotated(pipe, text, "2025-03-01").events if e.type == "ASSAULT"]
    assert len(events) == 1
    assert set(arg_codes(events[0].actor)) == {"KEN", "UGA", "ETH"} and events[0].recipient == []


def test_the_sides_of_a_war_are_not_the_two_sides_of_a_later_deal(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenya and Uganda met in Nairobi on Monday. "
            "War erupted in 2020, pitting Kenya against Uganda and its allies from Ethiopia. "
            "The two sides signed a ceasefire on Tuesday.")
    signed = [e for e in annotated(pipe, text, "2025-03-01").events if e.type == "SUPPORT"]
    assert signed and "ETH" not in arg_codes(signed[0].actor)


def test_one_side_named_is_no_clash(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya attacked Uganda on Monday, pitting its army against the rebels."
    events = [e for e in annotated(pipe, text, "2025-03-01").events if e.type == "ASSAULT"]
    assert events and arg_codes(events[0].actor) == ["KEN"]
