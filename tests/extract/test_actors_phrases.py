"""The phrase around unnamed collectives and institutions: modifiers, places, numbered units and the
institutions of the state in focus, on texts written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.types import Result
from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def texts(result: Result) -> list[str]:
    return [m.text for m in result.mentions]


GAZA = ("Hamas freed three hostages on Sunday. Israel freed 90 prisoners. Other militants fired rockets. "
        "More than 100 people died, according to medical officials in Gaza. The hostages in Gaza were freed.")


def test_lowercase_modifiers_belong_to_the_collective(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, GAZA)
    ent = entity_of(r, "Other militants")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "PSE", "REB")


def test_officials_in_a_place_take_its_code(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, GAZA)
    ent = entity_of(r, "medical officials")
    assert (ent.code, ent.sector) == ("PSE", "MED")
    assert "in 'Gaza'" in (ent.why or "")


def test_the_held_do_not_take_the_code_of_where_they_are(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, GAZA)
    hostages = [m for m in r.mentions if m.text == "hostages"]
    assert hostages and all("of the place named" not in m.why for m in hostages)


def test_people_of_a_place_are_one_mention_with_its_code(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The ELN attacked a base. Colombia condemned it. Colombia said the people of Barrancas fled.")
    ent = entity_of(r, "people of Barrancas")
    assert (ent.kind, ent.code, ent.sector) == ("group", "COL", "CVL")


def test_an_armed_collective_s_delegation_is_an_organization_of_its_side(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia and the ELN met in Havana. Pablo Beltran, leader of the guerrilla delegation, spoke.")
    ent = entity_of(r, "guerrilla delegation")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "COL", "REB")


ETHIOPIA = ("Ethiopia's government and the TPLF met in Pretoria. Ethiopia said the army had withdrawn. "
            "The police arrested five people, and the parliament will vote. The embassy was closed.")


def test_state_institutions_with_no_state_are_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ETHIOPIA)
    for text, sector in (("the army", "MIL"), ("The police", "COP"), ("the parliament", "LEG")):
        ent = entity_of(r, text)
        assert (ent.kind, ent.code, ent.sector) == ("organization", "ETH", sector)
    assert "The embassy" not in texts(r)  # whose embassy the text does not say


def test_state_institutions_without_a_state_in_focus_stay_unresolved(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "France and Germany met on Monday. The army said the parliament would vote.")
    assert "The army" not in texts(r) and "the parliament" not in texts(r)


def test_a_named_institution_is_taken_up_before_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Ukraine said Russia attacked. Ukraine's defence ministry said the ministry would respond. "
                  "Ukraine closed the border.")
    assert "last institution named" in next(m.why for m in r.mentions if m.text == "the ministry")


def test_a_numbered_unit_is_a_state_s_army_not_a_rebel_group(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Ukraine's 93rd Mechanized Brigade said it held the town. Ukraine said Russia attacked. "
                  "Ukraine thanked the 3rd Assault Brigade.")
    ent = entity_of(r, "93rd Mechanized Brigade")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "UKR", "MIL")
    ent = entity_of(r, "3rd Assault Brigade")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "UKR", "MIL")


def test_a_medical_center_is_medical(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Israel freed 90 prisoners. Israel said talks continue. "
                  "Sheba Medical Center said all three women were in stable condition.")
    ent = entity_of(r, "Sheba Medical Center")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "ISR", "MED")


def test_a_people_spacy_reads_as_a_person_is_a_people(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Kosovo Serbs and ethnic Albanians clashed in the north.")
    ent = entity_of(r, "Kosovo Serbs")
    assert (ent.kind, ent.code) == ("group", "SRB")
    ent = entity_of(r, "ethnic Albanians")
    assert (ent.kind, ent.code) == ("group", "ALB")


def test_a_state_s_prison_service(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Israel's prison service said early on Monday that 90 prisoners were freed.")
    ent = entity_of(r, "Israel's prison service")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "ISR", "COP")


def test_the_warring_parties_are_the_pair(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Sudan's army and the RSF clashed in Khartoum. The warring parties later met in Jeddah.")
    ent = entity_of(r, "warring parties")
    assert ent.kind == "group" and len(ent.members) == 2


def test_the_rebel_group_is_the_armed_group_named_before(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The M23 seized Goma on Monday. Congo said the rebel group would withdraw. "
                  "Later the armed group said it would stay.")
    for text in ("the rebel group", "the armed group"):
        found = next(m for m in r.mentions if m.text == text)
        assert r.entity(found.entity).name == "M23"  # type: ignore[union-attr]


def test_an_institution_in_a_place_is_of_that_place(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The ELN attacked a police academy in Bogota. A hospital in Gaza was hit.")
    ent = entity_of(r, "a police academy")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "COL", "COP")
    ent = entity_of(r, "A hospital")
    assert (ent.code, ent.sector) == ("PSE", "MED")


def test_both_leaders_and_each_side_are_the_pair(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenia and Azerbaijan agreed on Monday to exchange prisoners. The two leaders will meet "
                  "in Prague. Each side accused the other of violations. Both foreign ministers spoke.")
    states = {e.id: e.code for e in r.entities if e.kind == "state"}
    for text in ("The two leaders", "Each side", "Both foreign ministers"):
        ent = entity_of(r, text)
        assert ent.kind == "group" and sorted(states[i] for i in ent.members) == ["ARM", "AZE"]


def test_protesters_with_no_armed_group_are_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Serbia said the talks had failed. Serbia protested. Serbia's president said protesters "
                  "blocked roads and civilians fled.")
    ent = entity_of(r, "protesters")
    assert (ent.kind, ent.code, ent.sector) == ("group", "SRB", "CVL")
    # Civilians with no armed group and no places named are the state in focus's (one state here, far
    # ahead of any other; between two states at war named about as often nothing is in focus).
    assert entity_of(r, "civilians").code == "SRB"


def test_the_country_s_institutions_are_that_state_s(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Sudan's army and the RSF fought. Sudan said the country's army would not negotiate. "
                  "The country's foreign ministry said the army-backed government would stay.")
    ent = entity_of(r, "the country's army")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "SDN", "MIL")
    ent = entity_of(r, "The country's foreign ministry")
    assert (ent.kind, ent.code) == ("organization", "SDN")
    assert "the army" not in [m.text.lower() for m in r.mentions]  # "army-backed" modifies the government
