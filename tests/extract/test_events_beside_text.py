"""A ceasefire named beside an agreed text is the text's term: agreed and not carried out, CONCEDE
`future` (coding guide, "Retreats"), unless the sentence tells the ceasefire itself happening; and an
accusation told in a participle beside another act is an act of its own ("Which events"). On texts of an
invented conflict written for these tests (docs/events.md, "Ninth round")."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_a_ceasefire_a_deal_leads_to_is_agreed(pipe) -> None:  # type: ignore[no-untyped-def]
    # it was a RETREAT told as carried out
    assert _events(pipe, "The deal paves the way for a ceasefire between Kenya and Uganda.") == [
        ("CONCEDE", "future")]
    text = "Kenya and Uganda signed an agreement in Nairobi, opening the way to a permanent ceasefire."
    assert _events(pipe, text) == [("SUPPORT", "occurred"), ("CONCEDE", "future")]


def test_a_ceasefire_told_happening_stays_in_force(pipe) -> None:  # type: ignore[no-untyped-def]
    # guards: the ceasefire as the subject of its verb, and one no agreed text is named beside
    assert ("RETREAT", "occurred") in _events(pipe, "A ceasefire has held since Kenya and Uganda signed the "
                                                    "agreement in May.")
    assert ("RETREAT", "occurred") in _events(pipe, "The ceasefire took effect on Monday, a day after the deal "
                                                    "was signed.")
    assert _events(pipe, "Kenya announced a ceasefire on Monday.") == [("RETREAT", "occurred")]


def test_an_accusation_in_a_participle_is_an_act_of_its_own(pipe) -> None:  # type: ignore[no-untyped-def]
    # it was taken in as the stated reason of the act beside it, and lost
    types = [t for t, _s in _events(pipe, "Kenya imposed sanctions on two Ugandan generals, blaming them for "
                                          "the bloodshed in Arvo.")]
    assert types == ["SANCTION", "ACCUSE"]
    assert "ACCUSE" in [t for t, _s in _events(pipe, "Kenya withdrew from the talks, accusing Uganda of "
                                                     "shelling Arvo.")]
