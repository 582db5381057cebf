"""One name, one reading per document: an occurrence spaCy left untagged is the entity it tagged."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


TEXT = "The index rose. Nasdaq said trading was normal on Monday.\nNasdaq, meanwhile, says it will investigate."


def test_an_untagged_occurrence_is_the_entity_spacy_tagged(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, TEXT)
    found = [m for m in r.mentions if m.text == "Nasdaq"]
    assert len(found) == 2 and found[0].entity == found[1].entity
    assert found[0].label == found[1].label == "ORG"
    assert "same name as spaCy's ORG" in found[1].why


def test_a_word_of_a_longer_name_is_not_the_name(pipe) -> None:  # type: ignore[no-untyped-def]
    text = TEXT + " The Nasdaq Composite fell."
    at = text.index("Nasdaq Composite")
    r = run(pipe, text)
    assert not [m for m in r.mentions if m.start == at and m.text == "Nasdaq"]
    assert len([m for m in r.mentions if m.text == "Nasdaq"]) == 2


def test_a_name_read_under_two_labels_takes_the_majority_label(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Cisco said on Monday that sales fell. Shares of Cisco dropped 5 percent while Cisco managers met.")
    found = [m for m in r.mentions if m.text == "Cisco"]
    assert len(found) == 3 and {m.label for m in found} == {"ORG"} and len({m.entity for m in found}) == 1


def test_two_names_of_one_side_joined_by_a_slash_are_one_mention(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Congo River Alliance/March 23 Movement (AFC/M23) signed in Doha. Israel/Hamas talks stalled.")
    whole = [m for m in r.mentions if m.text == "Congo River Alliance/March 23 Movement"]
    assert whole and r.entity(whole[0].entity).code == "COD"  # type: ignore[union-attr]
    assert [m for m in r.mentions if m.text == "AFC/M23"]
    assert not [m for m in r.mentions if m.text == "Israel/Hamas"]  # two sides, two codes
