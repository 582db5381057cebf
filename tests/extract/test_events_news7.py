"""The rules' reading of news sentences, seventh round (docs/events.md, "Seventh round: news
sentences"): mechanisms of the parse and the codebook, on sentences written for these tests after
the confusions folds 0-2 of the news set showed (folds 3-4 read only as aggregates)."""

from __future__ import annotations

import pytest

from .annotate import main_type


@pytest.mark.parametrize("text", [
    "The prime minister called the Kenyan president on Saturday.",
    "Rivlin called Ethiopian President Sahle Work Zawde on Friday.",
])
def test_a_date_after_the_verb_is_no_word_of_its_frame(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "on Saturday" is when the call was made: it is not the "on" of "call on X to do Y"
    assert main_type(nlp, text) != "REQUEST"


@pytest.mark.parametrize("text", [
    "The council called on the parties to return to the talks.",
    "The opposition called on Monday for new elections.",
    "The envoy called for an immediate ceasefire in the north.",
])
def test_a_call_on_or_for_stays_a_request(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == "REQUEST"


@pytest.mark.parametrize("text", [
    "The United Nations withdrew its peacekeepers from the buffer zone after the shelling.",
    "Ghana withdrew 300 peacekeepers from the mission last week.",
])
def test_withdrawn_peacekeepers_are_a_sanction(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 1661 (expel or withdraw peacekeepers) is PLOVER SANCTION/withdraw, like inspectors and monitors
    assert main_type(nlp, text) == "SANCTION"


def test_withdrawn_troops_stay_a_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "The army withdrew its troops from the border town.") == "RETREAT"


@pytest.mark.parametrize("text", [
    "Tehran-backed militia groups control the border crossing.",
    "The US military struck Iran-backed militia groups in eastern Syria last January.",
])
def test_a_backer_named_in_a_participle_describes_an_actor(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Iran-backed militia": the participle says who the militia is, it reports no act of support
    assert main_type(nlp, text) != "SUPPORT"


def test_a_participle_on_an_act_leaves_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "Qatar-mediated talks between the two sides resumed in Doha.") == "CONSULT"


@pytest.mark.parametrize("text", [
    "The rebels released two homeguards held captive since March.",
    "The navy freed 17 crew from the seized tanker.",
])
def test_counted_people_set_free_are_a_release(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == "RETREAT"


def test_money_released_is_no_release_of_people(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "The finance ministry released 40 million dollars for the schools.") != "RETREAT"
