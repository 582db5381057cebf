"""Civilians and collectives where no armed group is named: the theatre (the state whose places are
named most, ``extract/actors/theatre.py``), peoples of regions, prisoners of war, lists of places
spaCy reads as one name; texts written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.types import Result
from tests.extract.annotate import dated, entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


STRIKES = ("Russian missiles struck Kharkiv and Odesa overnight, killing at least 12 civilians, Ukrainian "
           "officials said. Russia said it had hit military targets. Moscow denied targeting homes.")


def test_civilians_are_of_the_state_where_the_fighting_is(pipe) -> None:  # type: ignore[no-untyped-def]
    # Russia is named most as an actor (the state in focus); the places are Ukraine's.
    ent = entity_of(dated(pipe, STRIKES), "civilians")
    assert (ent.kind, ent.code, ent.sector) == ("group", "UKR", "CVL")
    assert "theatre UKR" in (ent.why or "")


def test_a_list_of_places_spacy_reads_as_one_name_is_read_as_places(pipe) -> None:  # type: ignore[no-untyped-def]
    r = dated(pipe, STRIKES)
    assert entity_of(r, "Kharkiv").code == "UKR" and entity_of(r, "Odesa").code == "UKR"


def test_with_no_place_and_no_focus_civilians_stay_uncoded(pipe) -> None:  # type: ignore[no-untyped-def]
    r = dated(pipe, "Armenia and Azerbaijan traded fire on Monday. Two civilians were hurt.")
    assert not [m for m in r.mentions if m.text == "civilians"]


def test_a_state_named_as_a_place_counts_for_the_theatre(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Israel and Iran exchanged threats. Fighting in Lebanon spread south, and strikes in Lebanon "
            "hit Tyre. Israel warned Iran again. Hundreds of civilians fled.")
    assert entity_of(dated(pipe, text), "civilians").code == "LBN"


def test_the_held_are_nobodys_by_place(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting in Kharkiv and Sumy continued. In Kharkiv, prisoners of war were exchanged."
    r = dated(pipe, text)
    assert not [m for m in r.mentions if "prisoners" in m.text]


def test_a_demonym_before_prisoners_of_war_codes_the_whole_phrase(pipe) -> None:  # type: ignore[no-untyped-def]
    r = dated(pipe, "Ukrainian prisoners of war described torture. Russia released 150 Ukrainian POWs.")
    assert entity_of(r, "Ukrainian prisoners of war").code == "UKR"
    assert entity_of(r, "Ukrainian POWs").code == "UKR"


def test_a_plural_regional_demonym_is_a_people(pipe) -> None:  # type: ignore[no-untyped-def]
    r: Result = dated(pipe, "Tigrayans celebrated in Mekelle after the truce.")
    ent = entity_of(r, "Tigrayans")
    assert (ent.kind, ent.code) == ("group", "ETH")


def test_women_and_children_are_coded_only_with_a_state_or_place(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Hamas released three women on Sunday. Russia deported Ukrainian children, Kyiv said. "
            "Children in Gaza are starving, Hamas said.")
    r = dated(pipe, text)
    assert not [m for m in r.mentions if m.text.endswith("women")]
    assert entity_of(r, "Ukrainian children").code == "UKR"
    assert entity_of(r, "Children").code == "PSE"
