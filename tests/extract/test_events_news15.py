"""The rules' reading of news sentences, fifteenth round (docs/events.md, "Fifteenth round: news
sentences"): a call placed to a named party is no demand, and praise the table lacked. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from .annotate import main_type


def test_a_call_placed_to_a_named_party_tells_its_purpose(nlp) -> None:  # type: ignore[no-untyped-def]
    # before this round "called" wrapped the purpose as a demand: REQUEST/requested
    assert main_type(nlp, "Putin called Erdogan on Tuesday to discuss the fighting in Idlib.") == "CONSULT"
    assert main_type(nlp, "Ramaphosa called Kagame on Monday to congratulate him on his re-election.") == "SUPPORT"


@pytest.mark.parametrize("text", [
    "Hamas called on Israel to release the prisoners.",
    "The ministers called for talks to resume next week.",
])
def test_a_call_on_or_for_stays_a_demand(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == "REQUEST"


def test_an_urged_party_is_still_urged(nlp) -> None:  # type: ignore[no-untyped-def]
    # only "call" places a call: "urged X to talk" stays a demand
    assert main_type(nlp, "Blinken urged Netanyahu on Monday to discuss a truce.") == "REQUEST"


@pytest.mark.parametrize("text", [
    "The prime minister congratulated the new president of Somalia.",
    "The council applauded the mediators for the deal.",
    "The minister conveyed Ankara's support and solidarity to Baku.",
])
def test_praise_and_support_conveyed_are_support(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == "SUPPORT"
