"""Unnamed collectives of the coding guide (issue 13): peoples with where they live, communities
and leaders of a people, merged collective nouns, gunmen; and news
agencies as sources; on texts written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


KOSOVO = ("Serbia and Kosovo held talks in Brussels. Serbs in Kosovo protested on Monday, and the Serb "
          "community in northern Kosovo boycotted the vote. The Albanian majority welcomed it.")


def test_a_people_in_another_state_is_one_mention_with_its_own_code(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, KOSOVO)
    assert (entity_of(r, "Serbs in Kosovo").code, entity_of(r, "Kosovo").code) == ("SRB", "XKX")
    assert entity_of(r, "Serb community in northern Kosovo").code == "SRB"


def test_a_people_s_community_or_majority_is_that_people(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, KOSOVO), "Albanian majority")
    assert (ent.kind, ent.code, ent.sector) == ("group", "ALB", "CVL")


def test_civilians_in_their_own_place_keep_the_short_mention(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Hamas fired rockets. Israel struck Gaza. Medical officials in Gaza said 20 died.")
    assert entity_of(r, "Medical officials").code == "PSE"


ETHIOPIA = ("Ethiopia's army clashed with the TPLF. Ethiopia said Tigrayan leaders would attend the talks, "
            "and Tigrayan politicians denounced the deal. World leaders welcomed it, and the international "
            "community was silent.")


def test_leaders_of_a_region_s_people_are_that_state_s(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ETHIOPIA)
    assert (entity_of(r, "Tigrayan leaders").code, entity_of(r, "Tigrayan politicians").code) == ("ETH", "ETH")


def test_leaders_and_communities_of_no_one_are_not_the_side_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ETHIOPIA)
    texts = {m.text.lower() for m in r.mentions}
    assert not texts & {"leaders", "world leaders", "community", "international community"}


SUDAN = ("The RSF attacked El Fasher on Sunday. Rebel fighters shelled the market. Gunmen killed 20 "
         "civilians near the camp.")


def test_two_armed_nouns_are_one_collective(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, SUDAN), "Rebel fighters")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "SDN", "REB")


def test_gunmen_are_an_armed_collective_of_the_side_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, SUDAN), "Gunmen")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "SDN", "REB")


def test_an_armed_noun_before_an_office_noun_is_one_armed_collective(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The RSF attacked El Fasher on Sunday. Rebel commanders said the town was taken.")
    ent = entity_of(r, "Rebel commanders")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "SDN", "REB")


def test_a_news_agency_as_a_source_has_its_country(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Russia struck Kharkiv overnight, Ukrinform reported, citing the regional governor.")
    ent = entity_of(r, "Ukrinform")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "UKR", "JRN")


def test_an_uncoded_collective_does_not_swallow_its_place(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Rebels in the Ivory Coast on Wednesday dismissed an appeal from the president.")
    assert "Rebels" in {m.text for m in r.mentions} and entity_of(r, "Ivory Coast").code == "CIV"


def test_a_demonym_after_of_that_modifies_a_collective_is_no_place(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Israel and Hamas agreed a truce in Doha. Families of Israeli hostages gathered in Tel Aviv.")
    assert "Families of Israeli" not in {m.text for m in r.mentions}
    assert entity_of(r, "Israeli hostages").code == "ISR"
