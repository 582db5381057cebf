"""The rules' reading of news sentences, twelfth round (docs/events.md, "Twelfth round: news
sentences"): people told by their captivity, and backing down. Sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.matching import names_people

from .annotate import direct_object, main_type


@pytest.mark.parametrize("text", [
    "The militia freed the abducted engineers on Sunday.",
    "Gunmen released the kidnapped nurses near the border.",
    "The army released those held in the camp.",
    "The police freed those detained during the march.",
])
def test_people_told_by_their_captivity_make_a_release(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "engineers" and "nurses" are no person nouns, "those" no noun: before this round none of these
    # objects named people, and freeing or releasing them was no act
    assert main_type(nlp, text) == "RETREAT"


def test_an_announced_release_of_captives_is_a_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    # the rules read it now, so the event no longer hangs on the model's add (test_events_status)
    assert main_type(nlp, "The militia will free the abducted engineers on Sunday.") == "CONCEDE"


@pytest.mark.parametrize(("text", "people"), [
    ("They freed the kidnapped engineers.", True),
    ("They released those captured in the raid.", True),
    ("They handed over the captured weapons.", False),   # capture and hold tell of people only after a pronoun
    ("They returned the held territory.", False),
    ("They released the frozen funds.", False),
])
def test_what_captivity_words_tell_of(nlp, text: str, people: bool) -> None:  # type: ignore[no-untyped-def]
    assert names_people(direct_object(nlp, text)) is people


@pytest.mark.parametrize("text", [
    "The president backed down and abandoned the policy on Wednesday.",
    "The rebels backed down from their demands after the talks.",
])
def test_backing_down_is_a_concession(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "back down" yields (CAMEO 08); only "back" without the particle is backing, SUPPORT
    assert main_type(nlp, text) == "CONCEDE"


def test_backing_a_plan_stays_support(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "The government backed the peace plan on Monday.") == "SUPPORT"



def test_what_an_of_object_lists_is_each_sent(nlp) -> None:  # type: ignore[no-untyped-def]
    # the row needs "equipment" or "drug": before this round only "experts", the first of the list, was read
    text = "The health ministry sent a team of medical experts, equipment and drugs to the hospital."
    assert main_type(nlp, text) == "AID"


def test_a_deal_named_with_its_ceasefire_is_still_the_ceasefire(nlp) -> None:  # type: ignore[no-untyped-def]
    # the object's own conjuncts are not read: "a ceasefire and hostage deal" is one deal, whose
    # ceasefire the ledger's commitments read (CONCEDE: agreed, not yet carried out)
    text = "Israel and the militant group reached a ceasefire and hostage deal on Wednesday, the mediators said."
    assert main_type(nlp, text) == "CONCEDE"


def test_people_held_as_human_shields_are_hostages(nlp) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 181 (abduct, take hostage): PLOVER's ASSAULT/abduct; holding a town stays no event
    assert main_type(nlp, "The militants held thousands of civilians as human shields in the old city.") == "ASSAULT"
    assert main_type(nlp, "The rebels hold the town.") is None
