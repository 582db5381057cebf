"""Collectives, bodies and fighters of conflicts none of the dev sets covers (issue 13 items 1 and 2),
on texts written for these tests: talks between Madagascar's government and an invented highland
movement, unrest in Nigeria's delta, a war in Ethiopia seen from its regions, and a bloc of states
behind Ukraine. The coding guide gives a state or an IGO a code, never a bloc; a collective of the
only state named is that state's; a region's fighters are the region's armed group (REB)."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


HIGHLANDS = ("Madagascar's government and the Southern Highlands Movement resumed peace talks in Antananarivo on "
             "Monday. The two delegations met for six hours, mediators said. The fighters have held the town of "
             "Ihosy since March. Displaced families have begun to return to their villages, residents said. "
             "Security forces fired tear gas at protesters in the capital on Sunday. Civilians have borne the "
             "brunt of the fighting.")


@pytest.fixture(scope="module")
def highlands(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, HIGHLANDS)


@pytest.mark.parametrize(("text", "sector"), [
    ("residents", "CVL"), ("protesters", "CVL"), ("Civilians", "CVL"), ("Displaced families", "CVL"),
    ("Security forces", "COP")])
def test_unarmed_collectives_are_the_only_state_named(highlands, text, sector) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(highlands, text)
    assert (ent.code, ent.sector) == ("MDG", sector)


def test_mediators_no_one_names_are_no_one_s(highlands) -> None:  # type: ignore[no-untyped-def]
    assert "mediators" not in [m.text for m in highlands.mentions]


def test_mediators_of_a_named_state_are_its_own(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Guyana and Venezuela met in Brasilia. Brazilian mediators said the talks would go on.")
    assert entity_of(r, "Brazilian mediators").code == "BRA"


BLOC = ("Ukraine's army said Russian troops attacked Kharkiv. Ukraine's president asked Russia's allies to stop "
        "the war. European officials and Western diplomats said they would send more aid. Ukraine's partners "
        "promised weapons.")


@pytest.fixture(scope="module")
def bloc(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, BLOC)


@pytest.mark.parametrize("text", ["European officials", "Western diplomats"])
def test_a_bloc_s_collective_has_no_state(bloc, text) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(bloc, text)
    assert (ent.kind, ent.code) == ("group", None)  # not Ukraine, the state in focus


@pytest.mark.parametrize("text", ["Russia's allies", "Ukraine's partners"])
def test_a_state_s_allies_are_other_states(bloc, text) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(bloc, text).code is None


def test_the_state_inside_its_allies_keeps_its_own_mention(bloc) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(bloc, "Russia").code == "RUS"


def test_a_state_s_own_collective_is_still_its_own(bloc) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(bloc, "Russian troops").code == "RUS"


DELTA = ("Nigeria's army said its troops had killed 12 fighters in the delta. Nigeria said the Niger Delta "
         "Development Commission would pay compensation. The commission said talks would start. The "
         "International Commission of Jurists called for an inquiry. Nigeria's president said the budget "
         "would go before parliament.")


@pytest.fixture(scope="module")
def delta(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, DELTA)


def test_a_public_body_by_its_head_noun_is_the_state_in_focus_s(delta) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(delta, "Niger Delta Development Commission")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "NGA", "GOV")


def test_the_body_s_head_noun_refers_back_to_it(delta) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(delta, "The commission").code == "NGA"


def test_an_international_body_is_not_the_state_in_focus_s(delta) -> None:  # type: ignore[no-untyped-def]
    found = [m for m in delta.mentions if "International Commission" in m.text]
    assert all(delta.entity(m.entity).code != "NGA" for m in found)  # type: ignore[union-attr]


def test_a_bare_legislature_is_the_state_in_focus_s(delta) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(delta, "parliament")
    assert (ent.code, ent.sector) == ("NGA", "LEG")


REGIONS = ("Ethiopia's army and pro-government forces fought near Mekelle on Monday. Ethiopia said fighters "
           "from Tigray had attacked, and rebels from Amhara joined them. Ethiopian troops moved north.")


@pytest.fixture(scope="module")
def regions(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, REGIONS)


@pytest.mark.parametrize("text", ["fighters from Tigray", "rebels from Amhara"])
def test_fighters_from_a_region_are_its_armed_group(regions, text) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(regions, text)
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "ETH", "REB")


def test_pro_government_forces_are_the_state_s_forces(regions) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(regions, "pro-government forces")
    assert (ent.code, ent.sector) == ("ETH", "MIL")


def test_a_state_s_troops_stay_its_military(regions) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(regions, "Ethiopian troops")
    assert (ent.code, ent.sector) == ("ETH", "MIL")


@pytest.mark.parametrize("text", [
    "Ukraine's army said Russian troops attacked Kharkiv. Senior officials said Ukraine would respond.",
    "Ukraine's army said Russian troops attacked Kharkiv. Ukraine said Senior Officials would respond."])
def test_a_capitalized_word_opening_a_sentence_or_in_a_title_is_no_bloc(pipe, text) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, text)
    assert not any(m.entity and m.entity.startswith("bloc:") for m in r.mentions)
