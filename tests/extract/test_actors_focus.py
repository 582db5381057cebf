"""What a document is about: 'the government', unnamed collectives, institutions by pattern and
persons with no country, on texts written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def test_the_government_is_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia and the ELN met in Caracas. Colombia's negotiators arrived first. "
                  "Colombia wants a truce. Later the government said the talks would go on.")
    ent = entity_of(r, "the government")
    assert (ent.kind, ent.code) == ("state", "COL")


def test_unnamed_armed_collective_takes_the_side_of_the_armed_group(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Hamas freed four captives on Sunday. Israel freed 90 prisoners. "
                  "Israel said the exchange went well. The militants then withdrew.")
    ent = entity_of(r, "militants")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "PSE", "REB")


def test_civilians_belong_to_where_the_fighting_is(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "M23 fighters advanced near Goma. Rwanda denied any role. M23 said it would hold the town. "
                  "At least 12 civilians died.")
    ent = entity_of(r, "civilians")
    assert (ent.code, ent.sector) == ("COD", "CVL")


def test_armed_collective_with_nothing_in_focus_keeps_no_code(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The rebels fired at dawn.")
    assert entity_of(r, "rebels").code is None


def test_a_state_named_once_is_not_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "France is ready to send 4,000 troops to the peacekeeping force.")
    assert [m.text for m in r.mentions] == ["France"]  # the troops are not coded by a guess


def test_government_of_a_state_is_one_mention_of_the_state(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Government of Cuba hosted the closing ceremony in Havana.")
    ent = entity_of(r, "Government of Cuba")
    assert (ent.kind, ent.code) == ("state", "CUB")


def test_ministry_of_state_is_an_organization_of_the_state(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Ministry of Foreign Affairs of Qatar issued a statement on Monday.")
    ent = entity_of(r, "Ministry of Foreign Affairs of Qatar")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "QAT", "GOV")


def test_office_of_a_person_takes_the_person_country(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Office of Prime Minister Benjamin Netanyahu said the cabinet would meet. "
                  "The office added that the vote was set for Friday.")
    ent = entity_of(r, "Office of Prime Minister Benjamin Netanyahu")
    assert (ent.kind, ent.code) == ("organization", "ISR")
    assert entity_of(r, "The office").id == ent.id


def test_the_group_refers_back_to_the_last_armed_group(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The ELN released a soldier on Monday. The group said more releases would follow.")
    ent = entity_of(r, "The group")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "COL", "REB")


def test_entry_followed_by_an_institution_noun_is_the_entry(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The ELN delegation left Havana on Tuesday.")
    ent = entity_of(r, "ELN delegation")
    assert (ent.code, ent.sector) == ("COL", "REB")


def test_titled_person_with_no_country_takes_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia and the ELN resumed talks. Colombia had called them off. "
                  "Talks began under then-president Juan Manuel Santos.")
    assert entity_of(r, "Juan Manuel Santos").code == "COL"


def test_institution_between_affiliation_and_office(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The talks go on, Qatari foreign ministry spokesman Majed al-Ansari told reporters.")
    person = entity_of(r, "Majed al-Ansari")
    assert (person.code, person.role) == ("QAT", "Spokesman")
    org = entity_of(r, "Qatari foreign ministry")
    assert (org.kind, org.code) == ("organization", "QAT")


def test_apposition_gives_an_unknown_person_a_country(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The deal takes effect now, according to Tane Rikihana, Kenya's special envoy for the region.")
    assert entity_of(r, "Tane Rikihana").code == "KEN"


def test_first_words_of_a_full_name_link_to_the_person(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani spoke in Doha. "
                  "Later, Sheikh Mohammed said the truce would hold.")
    late = [m for m in r.mentions if m.text == "Sheikh Mohammed"]
    assert late and r.entity(late[0].entity).code == "QAT"


def test_government_spokesperson_apposition_takes_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia suspended the talks. Colombia blamed the ELN. "
                  "The move was backed by Ivan Rokeby, a government spokesperson for the talks.")
    assert entity_of(r, "Ivan Rokeby").code == "COL"


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u200f"])
def test_invisible_characters_inside_a_name_do_not_break_it(pipe, mark: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Azer{mark}baijan and Arme{mark}nia signed a deal. Ha{mark}mas freed two hostages."
    r = run(pipe, text)
    for form, code in ((f"Azer{mark}baijan", "AZE"), (f"Arme{mark}nia", "ARM"), (f"Ha{mark}mas", "PSE")):
        assert entity_of(r, form).code == code
    for m in r.mentions:
        assert text[m.start:m.end] == m.text  # offsets index the original text, marks included


def test_a_state_inside_its_group_mention_is_named_once(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Kenyan police arrested dozens of protesters on Tuesday.")
    # Kenya is named once: nothing in focus; the protesters are Kenya's as the only state named
    assert "no state in focus; KEN the only state named" in entity_of(r, "protesters").why


def test_prisoners_between_two_states_are_nobody_s_guess(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenia and Azerbaijan will exchange prisoners. Baku will free 32 Armenian servicemen "
                  "and Yerevan two Azerbaijani soldiers. Azerbaijani officials welcomed the deal.")
    assert "prisoners" not in [m.text for m in r.mentions]


def test_a_region_s_forces_are_an_armed_group_of_the_side_named(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Azerbaijan launched an offensive against Karabakh Armenian forces on Tuesday.")
    ent = entity_of(r, "Karabakh Armenian forces")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "ARM", "REB")
    ent = entity_of(run(pipe, "Tigrayan forces withdrew from the town."), "Tigrayan forces")
    assert (ent.kind, ent.code, ent.sector) == ("armed_group", "ETH", "REB")


def test_a_breakaway_region_s_authorities_are_not_the_state(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Karabakh's de facto authorities said the convoy had arrived.")
    ent = entity_of(r, "Karabakh's de facto authorities")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "AZE", "REB")


def test_an_organization_name_says_what_it_is(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Myanmar's junta fought the Arakan Rohingya Salvation Army near Maungdaw. Myanmar said "
                  "the Ministry of Information would reply. The Pakistan Army denied it.")
    armed = entity_of(r, "Arakan Rohingya Salvation Army")
    assert (armed.kind, armed.code, armed.sector) == ("armed_group", "MMR", "REB")
    ministry = entity_of(r, "Ministry of Information")
    assert (ministry.kind, ministry.code, ministry.sector) == ("organization", "MMR", "GOV")
    army = entity_of(r, "Pakistan Army")
    assert (army.code, army.sector) == ("PAK", "MIL")


def test_a_person_with_no_affiliation_defaults_to_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia and the ELN extended the truce. Colombia said the talks would go on. "
                  "Maria Ospina, whose son was freed, thanked the negotiators.")
    ent = entity_of(r, "Maria Ospina")
    assert ent.code == "COL" and "by default" in (ent.why or "")
    r = run(pipe, "Maria Ospina thanked the negotiators.")
    assert entity_of(r, "Maria Ospina").code is None  # nothing in focus, no guess


def test_a_counterpart_takes_the_demonym_before_it(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Lavrov met his Turkish counterpart, Hakan Fidan, in Antalya.")
    assert (entity_of(r, "Hakan Fidan").code, entity_of(r, "Hakan Fidan").role) == ("TUR", "Counterpart")


def test_belligerents_and_both_delegations_are_the_pair(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Israel and Hamas agreed to a truce. The belligerents exchanged captives. "
                  "Both delegations left Doha.")
    for text in ("The belligerents", "Both delegations"):
        members = {r.entity(i).code for i in entity_of(r, text).members}
        assert members == {"ISR", "PSE"}


def test_the_government_s_delegation_is_an_organization_of_the_state_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Colombia and the ELN met. Colombia said so. The government's negotiating delegation left.")
    ent = entity_of(r, "The government's negotiating delegation")
    assert (ent.kind, ent.code, ent.sector) == ("organization", "COL", "GOV")
    assert entity_of(r, "The government").kind == "state"
