"""Collectives, groups and the dyad of conflicts none of the dev sets covers (issue 13 items 1 and 5),
on texts written for these tests: a rebel front in Mozambique, separatists in Cameroon with a
militia backed from across the border, jihadists in Mali, a border war of Thailand and Cambodia.
The coding guide codes a non-state armed group with the state it fights in, "the government" is the
state in focus, and "the two sides" the dyad named last."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


MOZAMBIQUE = ("The Mozambican government and the Northern Liberation Front signed a ceasefire in Maputo on "
              "Monday. The rebels had fought government forces in Cabo Delgado since 2017. Displaced people "
              "fled to Pemba, residents said. The two sides agreed to meet again in March. The government "
              "said it would release 40 prisoners.")


@pytest.fixture(scope="module")
def mozambique(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, MOZAMBIQUE)


def test_a_front_named_once_fights_in_the_only_state_named(mozambique) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, "Northern Liberation Front")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "MOZ", "REB")


def test_government_forces_are_the_state_s_forces(mozambique) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, "government forces")
    assert (ent.code, ent.sector) == ("MOZ", "MIL")


def test_the_government_is_the_only_state_named(mozambique) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(mozambique, "The government").code == "MOZ"


def test_the_two_sides_are_the_government_and_a_front_spacy_alone_names(mozambique) -> None:  # type: ignore[no-untyped-def]
    pair = entity_of(mozambique, "The two sides")
    members = [mozambique.entity(k) for k in pair.members]
    assert sorted((m.kind, m.code) for m in members if m is not None) == [("armed_group", "MOZ"), ("state", "MOZ")]


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("rebels", "MOZ", "REB"), ("Displaced people", "MOZ", "CVL"), ("residents", "MOZ", "CVL")])
def test_unnamed_collectives_are_where_the_fighting_is(mozambique, text, code, sector) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, text)
    assert (ent.code, ent.sector) == (code, sector)


CAMEROON = ("Cameroon's army said on Tuesday that separatists had killed five soldiers near Bamenda. Cameroon "
            "has fought the separatists since 2017. Nigerian-backed militia crossed the border, residents said.")


def test_a_militia_backed_from_abroad_is_of_the_state_it_fights_in(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, CAMEROON)
    militia = entity_of(r, "Nigerian-backed militia")
    assert (militia.kind, militia.code, militia.sector) == ("armed_group", "CMR", "PRM")
    assert entity_of(r, "Nigerian").code == "NGA"  # the backer keeps its own mention


def test_a_backed_militia_does_not_move_the_side_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, CAMEROON)
    assert [entity_of(r, t).code for t in ("separatists", "residents")] == ["CMR", "CMR"]


MALI = ("Mali's junta said jihadists attacked a convoy near Gao. The militants killed 12 soldiers. Fighters "
        "loyal to the Sahel Revolutionary Army claimed the attack.")


def test_a_junta_is_its_state(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, MALI), "Mali's junta")
    assert (ent.kind, ent.code) == ("state", "MLI")


def test_jihadists_are_an_armed_collective(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, MALI), "jihadists")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "MLI", "REB")


def test_fighters_loyal_to_a_group_are_that_group_s(pipe) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, MALI), "Fighters loyal to the Sahel Revolutionary Army")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "MLI", "REB")


def test_troops_loyal_to_the_government_are_the_state_s(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Mozambique's president said troops loyal to the government had retaken the port. "
                  "Mozambique said the insurgents had fled.")
    ent = entity_of(r, "troops loyal to the government")
    assert (ent.code, ent.sector) == ("MOZ", "MIL")


def test_separatists_in_a_region_are_of_its_state_with_no_side_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenia and Azerbaijan signed a peace treaty on Friday. The separatists in Karabakh "
                  "surrendered in 2023.")
    ent = entity_of(r, "separatists")
    assert (ent.code, ent.sector) == ("AZE", "REB")


THAILAND = ("Thailand and Cambodia exchanged fire along the border on Thursday. The neighbours accused each "
            "other of starting the fight, and the two sides agreed a truce brokered by Malaysia. Both countries "
            "withdrew troops. The pair will meet in Kuala Lumpur.")


@pytest.mark.parametrize("text", ["The neighbours", "the two sides", "Both countries", "The pair"])
def test_the_dyad_words_are_the_two_states_not_the_broker(pipe, text) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, THAILAND)
    pair = entity_of(r, text)
    assert sorted(m.code for m in (r.entity(k) for k in pair.members) if m is not None) == ["KHM", "THA"]


def test_a_state_s_own_troops_are_not_coded_by_the_only_state_default(pipe) -> None:  # type: ignore[no-untyped-def]
    # the only-state default is for armed collectives and "the government", not a state's own troops
    r = run(pipe, "France is ready to send 4,000 troops to the peacekeeping force.")
    assert [m.text for m in r.mentions] == ["France"]
