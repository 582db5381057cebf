"""The rules' reading of news sentences, eleventh round (docs/events.md, "Eleventh round: news
sentences"): what an act gives, frees or hands over decides its type. Sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.matching import names_people
from peacewatch.extract.events.triggers import find

from .annotate import direct_object, main_type


@pytest.mark.parametrize("text", [
    "The authorities freed a group of the country's political prisoners on Wednesday.",
    "Rebels freed a handful of hostages near the border on Sunday.",
    "The government has freed a former candidate who was jailed during the protests.",
])
def test_a_share_of_people_or_a_who_clause_makes_a_release(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # before this round the object's head ("group", "handful", "candidate") named no people, "freed"
    # was no trigger, and a side event (the jailing, a visit) was read as the sentence's act
    assert main_type(nlp, text) == "RETREAT"


@pytest.mark.parametrize("text", [
    "The court freed the funds that had been frozen.",
    "The army released a statement on Sunday.",
    "The ministry released a number of documents on the talks.",
])
def test_freeing_a_thing_is_no_release(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) != "RETREAT"


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States handed over medical equipment worth four million dollars to the ministry.", "AID"),
    ("The charity flew 13 tons of medicine into the capital.", "AID"),
    ("Donors airlifted food and blankets to the flooded districts.", "AID"),
    ("The rebels handed over two captured soldiers to the Red Cross.", "RETREAT"),
    ("The army handed over a letter to the mediators.", None),
])
def test_what_is_handed_over_decides_the_act(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    # goods given are aid (PLOVER AID), people handed over a release (RETREAT), a letter no act
    assert main_type(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The president had given the army permission to use the airfield.",
    "A court has given preliminary authorization for the general to be extradited.",
    "The court granted the agency clearance to search the building.",
])
def test_giving_permission_is_a_concession(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "grant permission" was CONCEDE already; "give" it is the same act
    assert main_type(nlp, text) == "CONCEDE"


def test_names_people_reads_a_share_only_of_people(nlp) -> None:  # type: ignore[no-untyped-def]
    assert names_people(direct_object(nlp, "They freed a number of prisoners."))
    assert not names_people(direct_object(nlp, "They freed a number of documents."))


@pytest.mark.parametrize("text", [
    "A prominent opposition leader surrendered to the authorities on Tuesday.",
    "Twenty rebels surrendered to the police in the north on Monday afternoon.",
    "The militia commander has surrendered.",
])
def test_fighters_giving_themselves_up_retreat(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # a surrender with no object (CAMEO 0874): before this round only a promised handover was read
    assert main_type(nlp, text) == "RETREAT"


def test_a_surrender_of_something_is_still_read_by_what_is_given_up(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp("The rebels surrendered their last positions.").sents)
    assert not any(f.rule.mode == "disarm" for f in find(sent))


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States returned an ancient marble sculpture to the Algerian ambassador.", "RETREAT"),
    ("Customs officers returned a stolen painting to the government of Peru on Friday.", "RETREAT"),
    ("The army returned fire.", None),
    ("The ministry returned the call on Monday.", None),
])
def test_given_back_to_a_party_is_a_return(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    # "@owner": a thing given "to" a party or a place; a thing returned to no one is no act
    assert main_type(nlp, text) == expected


def test_let_free_is_a_release(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "The government let free activists in the face of the protests.") == "RETREAT"
