"""The rules' reading of news sentences, ninth round (docs/events.md, "Ninth round: news sentences"),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.triggers import find

from .annotate import main_type


@pytest.mark.parametrize("text", [
    "Donors have made planes available to fight the cholera epidemic in the north.",
    "The government is fighting inflation with higher rates.",
    "The minister vowed to fight corruption in the customs service.",
    "The plan spends two billion dollars on fighting the causes of displacement.",
])
def test_fighting_a_thing_is_no_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's ASSAULT is force used against someone: "fight" aimed at a disease, a vice or a cause is
    # a purpose (before this round the weak "fight" row made each an ASSAULT event)
    sent = max(nlp(text).sents, key=len)
    assert "ASSAULT" not in {f.rule.type for f in find(sent)}


@pytest.mark.parametrize("text", [
    "Rebels fought government troops near the border on Sunday.",
    "The militia fought the army for control of the port.",
    "Kurdish units fought Islamic State fighters in the town.",
    "The two neighbours fought a brief border war in 1995.",
    "Clan fighters fought over the town for three days.",
])
def test_fighting_a_party_stays_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # an adversary the actor layer knows, a named party, a war as its own object, or no object at all
    assert main_type(nlp, text) == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Government warplanes struck rebel positions near the airport overnight.",
    "The army hit militia bases in the north with artillery on Friday.",
    "Israeli jets struck Hamas targets in Gaza on Sunday.",
])
def test_striking_a_party_or_place_is_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "strike" and "hit" with a target the actor layer knows (a party, a place, a noun one of them
    # qualifies): CAMEO 19 / PLOVER ASSAULT; before this round the verb "strike" was a trigger only of a deal
    assert main_type(nlp, text) == "ASSAULT"


@pytest.mark.parametrize(("text", "expected"), [
    ("The two sides struck a deal on the border on Monday.", "AGREE"),
    ("The storm hit the coast on Monday.", None),
    ("Inflation hit a record high in March.", None),
])
def test_striking_no_target_is_no_assault(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == expected
