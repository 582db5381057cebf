"""Organizations no table knows, by pattern (issue 13 item 2), on texts written for these tests about
conflicts none of the dev sets covers: a front and its acronym in Mozambique, a defence force whose
acronym a table gives another body, ministries by their names, parties."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


MOZAMBIQUE = ("Fighting flared in Cabo Delgado on Monday between Mozambique's army and the Northern Liberation "
              "Front (NLF). The NLF said it had taken two towns. The Ministry of Defence of Mozambique denied "
              "it, and Mozambique's interior ministry said police had arrested 12 NLF fighters. The Popular "
              "Unity Party called for talks.")


@pytest.fixture(scope="module")
def mozambique(pipe):  # type: ignore[no-untyped-def]
    return run(pipe, MOZAMBIQUE)


def test_a_liberation_front_is_an_armed_group_of_where_it_fights(mozambique) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, "Northern Liberation Front")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "MOZ", "REB")


def test_an_acronym_defined_in_the_text_is_the_full_name_again(mozambique) -> None:  # type: ignore[no-untyped-def]
    full = entity_of(mozambique, "Northern Liberation Front")
    # the two uses the text makes, and the name the names pass adds inside "NLF fighters"
    uses = [m for m in mozambique.mentions if m.text == "NLF"]
    assert len(uses) == 3 and {m.entity for m in uses} == {full.id}


def test_an_acronym_before_a_collective_noun_is_the_group(mozambique) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, "NLF fighters")
    assert ent.id == entity_of(mozambique, "Northern Liberation Front").id


@pytest.mark.parametrize(("text", "sector"), [
    ("Ministry of Defence of Mozambique", "GOV"), ("Mozambique's interior ministry", "GOV"),
    ("Mozambique's army", "MIL"), ("Popular Unity Party", "PTY")])
def test_institutions_and_parties_by_their_names(mozambique, text, sector) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(mozambique, text)
    assert (ent.kind, ent.code, ent.sector) == ("organization", "MOZ", sector)


CAMEROON = ("Cameroon's defence ministry said the Ambazonia Defence Forces (ADF) attacked a village. The ADF "
            "denied it. Cameroon said the talks were over.")


def test_the_text_s_own_acronym_wins_over_a_table_s(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, CAMEROON)
    [full_name] = [m.text for m in r.mentions if m.text.endswith("Ambazonia Defence Forces")]
    full = entity_of(r, full_name)
    assert (full.kind, full.code, full.sector) == ("armed_group", "CMR", "REB")
    assert {m.entity for m in r.mentions if m.text == "ADF"} == {full.id}  # not Uganda's Allied Democratic Forces


def test_an_acronym_the_text_does_not_define_keeps_the_table_s_reading(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The ADF killed 20 people near Beni, Congo's army said.")
    assert entity_of(r, "ADF").code == "UGA"


def test_an_acronym_whose_letters_do_not_fit_defines_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Sahel Revolutionary Army (ADF) attacked a convoy near Gao. The ADF said so.")
    assert {entity_of(r, "ADF").code} == {"UGA"}


def test_a_capitalized_people_in_a_party_s_name_is_the_party(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Guyana's foreign ministry said the Venezuelan National Guard crossed the river. The Ministry of "
                  "Foreign Affairs of Venezuela rejected the claim. The Essequibo Resistance Movement claimed the "
                  "attack, and the People's Progressive Party demanded sanctions.")
    assert not [m for m in r.mentions if m.text == "People"]
    ent = entity_of(r, "People's Progressive Party")
    assert (ent.kind, ent.sector) == ("organization", "PTY")


def test_a_spokesman_of_a_defined_acronym_speaks_for_it(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Sahel Revolutionary Army (SRA) clashed with Malian troops near Gao on Friday. "
                  "The SRA's spokesman, Ahmed Diallo, said the group would fight on.")
    assert entity_of(r, "Ahmed Diallo").code == "MLI"
    assert entity_of(r, "SRA").id == entity_of(r, "Sahel Revolutionary Army").id


def test_a_translated_full_name_is_the_table_s_body(pipe) -> None:  # type: ignore[no-untyped-def]
    # the Portuguese name of the ELN, whose table alias is the Spanish one: the same body, not a new one
    r = run(pipe, "Colombia's government met the Exército de Libertação Nacional (ELN) in Caracas. The ELN "
                  "said talks would go on.")
    codes = {(entity_of(r, "ELN").kind, entity_of(r, "ELN").code)}
    assert codes == {("armed_group", "COL")}
    full = [m for m in r.mentions if m.text.endswith("Exército de Libertação Nacional")]
    assert full and {m.entity for m in full} == {entity_of(r, "ELN").id}
