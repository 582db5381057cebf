"""The actors component: one test (or more) per resolution rule, on texts written for these tests."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.errors import ConfigError
from peacewatch.types import ENTITY_KINDS, Document, Entity, Mention, Result


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def run(pipe, text: str, published: str | None = None) -> Result:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text, published=published)]))
    assert result.error is None, result.error
    return result


def entity_of(result: Result, text: str, nth: int = 0) -> Entity:
    """The entity of the ``nth`` mention whose text is ``text``."""
    found = [m for m in result.mentions if m.text == text]
    assert len(found) > nth, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    ent = result.entity(found[nth].entity)
    assert ent is not None, f"mention {text!r} is not linked"
    return ent


def mention(result: Result, text: str, nth: int = 0) -> Mention:
    return [m for m in result.mentions if m.text == text][nth]


def test_titled_person_surname_pronoun_and_office(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Kenyan Foreign Minister Musalia Mudavadi arrived in Addis Ababa on Tuesday. "
                  "Mudavadi said the talks would resume. He said Nairobi wants a ceasefire. "
                  "The minister then flew home.")
    person = entity_of(r, "Musalia Mudavadi")
    assert (person.kind, person.code, person.sector, person.role) == (
        "person", "KEN", "GOV", "Foreign Minister")
    assert "title pattern" in person.why
    assert entity_of(r, "Mudavadi") is person
    assert entity_of(r, "He") is person and mention(r, "He").label == "PRON"
    assert entity_of(r, "The minister") is person


def test_apposition_gives_office_and_country(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Ilham Aliyev, Azerbaijan's president, met the envoy on Friday.")
    person = entity_of(r, "Ilham Aliyev")
    assert (person.code, person.role) == ("AZE", "President")


@pytest.mark.parametrize("text, name, code, role", [
    ("It was signed by the Prime Minister of Kosovo, Albin Kurti, on Monday.", "Albin Kurti", "XKX",
     "Prime Minister"),
    ("Russian Foreign Ministry spokesperson Maria Zakharova said so.", "Maria Zakharova", "RUS",
     "Spokesperson"),
    ("It was signed by Ukraine\u02bcs Infrastructure Minister Oleksandr Kubrakov.", "Oleksandr Kubrakov",
     "UKR", "Minister"),
    ("Jordan's King Abdullah received the envoy.", "Abdullah", "JOR", "King"),
    ("Kenya's PM Raila Odinga spoke.", "Raila Odinga", "KEN", "Prime Minister"),
])
def test_title_shapes(pipe, text: str, name: str, code: str, role: str) -> None:  # type: ignore[no-untyped-def]
    person = entity_of(run(pipe, text), name)
    assert (person.kind, person.code, person.role) == ("person", code, role)


def test_glued_possessive_is_left_out_of_the_mention(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Ukraine\u02bcs army withdrew.")
    assert any(m.text == "Ukraine" and (m.start, m.end) == (0, 7) for m in r.mentions)


def test_organization_word_after_general_is_no_title(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "General Motors cut jobs in Ohio, and the meeting ends at 5 pm Monday.")
    assert not [e for e in r.entities if e.kind == "person"]


def test_office_with_state_links_to_the_holder_named_before(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Kenyan President William Ruto spoke first. Later the Kenyan leader left, and a Kenyan "
                  "official stayed.")
    ruto = entity_of(r, "William Ruto")
    assert entity_of(r, "Kenyan leader") is ruto
    assert entity_of(r, "Kenyan official") is not ruto


def test_office_of_state_without_name(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The president of Armenia rejected the offer.")
    person = next(e for e in r.entities if e.kind == "person")
    assert (person.code, person.role) == ("ARM", "President")


def test_capital_acting_is_the_government_by_metonymy(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Moscow rejected the proposal on Monday.")
    m = mention(r, "Moscow")
    ent = entity_of(r, "Moscow")
    assert m.metonymy and (ent.kind, ent.code, ent.sector) == ("state", "RUS", "GOV")
    assert "metonymy" in ent.why


def test_capital_as_a_location_is_a_place(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The delegates met in Moscow for two days.")
    m = mention(r, "Moscow")
    ent = entity_of(r, "Moscow")
    assert not m.metonymy and (ent.kind, ent.code) == ("place", "RUS")


def test_dateline_is_a_place_not_an_actor(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "NAIROBI (Reuters) - Kenya said on Monday that talks would resume.")
    ent = entity_of(r, "NAIROBI")
    assert (ent.kind, ent.code) == ("place", "KEN") and not mention(r, "NAIROBI").metonymy


def test_seat_of_government(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Kremlin said the sanctions would fail.")
    ent = entity_of(r, "Kremlin")
    assert (ent.code, ent.sector) == ("RUS", "GOV") and mention(r, "Kremlin").metonymy


def test_spacy_mislabel_is_corrected_by_the_tables(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Yerevan handed the list to Baku.")
    assert mention(r, "Yerevan").label == "GPE" and entity_of(r, "Yerevan").code == "ARM"
    assert entity_of(r, "Baku").code == "AZE"


def test_demonym_modifying_an_agent_is_a_coded_group(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Kenyan police arrested ten protesters, and Ugandan rebels attacked a village.")
    police = entity_of(r, "Kenyan police")
    assert (police.code, police.sector) == ("KEN", "COP")
    rebels = entity_of(r, "Ugandan rebels")
    assert (rebels.kind, rebels.code, rebels.sector) == ("armed_group", "UGA", "REB")


def test_coordinated_states_modifying_one_noun(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "French and Egyptian warships sailed east.")
    codes = {(e.code, e.sector) for e in r.entities if e.kind == "group"}
    assert {("FRA", "MIL"), ("EGY", "MIL")} <= codes


def test_state_with_government_noun_is_the_state(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Sudanese government denied the report.")
    ent = entity_of(r, "Sudanese government")
    assert (ent.kind, ent.code) == ("state", "SDN")


def test_plural_demonym_is_the_people(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Soldiers detained 14 Palestinians near the border.")
    ent = entity_of(r, "Palestinians")
    assert (ent.kind, ent.code) == ("group", "PSE")


def test_demonym_in_agentive_compound_is_the_state(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "The Qatari-brokered truce held for a week.")
    ent = entity_of(r, "Qatari")
    assert (ent.kind, ent.code) == ("state", "QAT")
    assert "agentive" in (mention(r, "Qatari").why or "")


def test_pair_resolves_to_the_two_states(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Ethiopia and Eritrea signed a deal in Jeddah. The two countries agreed to reopen "
                  "the border, and the pair will meet again in May.")
    group = entity_of(r, "The two countries")
    members = [r.entity(i) for i in getattr(group, "members", [])]
    assert sorted(m.code for m in members if m) == ["ERI", "ETH"]
    assert entity_of(r, "the pair") is group
    assert group.to_dict()["members"] == group.members  # type: ignore[attr-defined]


def test_the_country_is_the_last_state_named(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Talks with Sudan stalled. The country faces famine, aid groups said.")
    assert entity_of(r, "The country").code == "SDN"


def test_igos_and_armed_groups(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "NATO and the African Union called on Hamas and the M23 to stop fighting.")
    assert (entity_of(r, "NATO").kind, entity_of(r, "NATO").code) == ("igo", "IGO")
    assert entity_of(r, "African Union").code == "IGO"
    assert (entity_of(r, "Hamas").code, entity_of(r, "Hamas").sector) == ("PSE", "REB")
    assert entity_of(r, "M23").code == "COD"


@pytest.mark.parametrize("text, bad_code", [
    ("Georgia Mills, a teacher from Leeds, said she was tired of waiting.", "GEO"),
    ("Michael Jordan scored 30 points in the final game.", "JOR"),
    ("Stuff the turkey with sage and roast it for three hours.", "TUR"),
    ("Chad Smith played the drums all night.", "TCD"),
])
def test_names_that_must_not_resolve_to_states(pipe, text: str, bad_code: str) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, text)
    assert bad_code not in {e.code for e in r.entities}


def test_every_entity_has_why_and_valid_kind(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenian Prime Minister Nikol Pashinyan said Yerevan and Baku were close to a deal. "
                  "Russian troops left, and the neighbors welcomed it.")
    ids = {e.id for e in r.entities}
    assert len(ids) == len(r.entities)
    for e in r.entities:
        assert e.why and e.kind in ENTITY_KINDS
    for m in r.mentions:
        assert m.entity is None or m.entity in ids
        assert m.why
    json.dumps(r.to_dict())


def test_shipped_person_holds_office_between_dates(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said the talks would go on."
    person = entity_of(run(pipe, text, "2019-05-01"), "Trump")
    assert (person.code, person.role) == ("USA", "President") and "entries.csv" in person.why
    out = entity_of(run(pipe, text, "2023-05-01"), "Trump")
    assert (out.kind, out.code, out.role) == ("person", "USA", None) and "not in that office" in out.why


def test_dictionary_person_with_title_is_one_entity(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenian Prime Minister Nikol Pashinyan spoke. Pashinyan said more.", "2024-01-01")
    assert entity_of(r, "Nikol Pashinyan") is entity_of(r, "Pashinyan")
    assert entity_of(r, "Pashinyan").wikidata


def write_dictionary(tmp_path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,kind,code,sector,role,valid_from,valid_to\n" + body, "utf-8")
    return str(path)


def test_user_dictionary_with_validity_dates(make_pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = "Tane Rangi,Rangi,person,NZL,GOV,Prime Minister,2020-01-01,2022-12-31\n"
    path = write_dictionary(tmp_path, row)
    pipe = make_pipeline("actors", actors=[path])
    text = "Tane Rangi spoke to reporters. Rangi said the bill would pass."
    inside = run(pipe, text, "2021-06-01")
    person = entity_of(inside, "Tane Rangi")
    assert (person.code, person.role) == ("NZL", "Prime Minister") and "mine.csv:2" in person.why
    assert entity_of(inside, "Rangi") is person
    outside = entity_of(run(pipe, text, "2024-06-01"), "Tane Rangi")
    assert (outside.code, outside.role) == ("NZL", None)


def test_user_dictionary_overrides_shipped_entry(make_pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_dictionary(tmp_path, "Hamas,,organization,PSE,GOV,,,\n")
    r = run(make_pipeline("actors", actors=[path]), "Hamas signed the accord.")
    assert (entity_of(r, "Hamas").kind, entity_of(r, "Hamas").sector) == ("organization", "GOV")


def test_user_state_alias_is_the_same_state(make_pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_dictionary(tmp_path, "Ruritania,,state,AZE,GOV,,,\n")
    r = run(make_pipeline("actors", actors=[path]), "Ruritania and Azerbaijan agreed; Baku said so.")
    assert entity_of(r, "Ruritania") is entity_of(r, "Azerbaijan") is entity_of(r, "Baku")


@pytest.mark.parametrize("body, line", [
    ("Someone,,alien,NZL,GOV,,,\n", 2),
    ("A,,person,NZL,GOV,,,\nB,,person,NEWZEALAND,GOV,,,\n", 3),
    ("A,,person,NZL,GOV,,2020-13-01,\n", 2),
    ("A,,person,NZL,GOV,,2021-01-01,2020-01-01\n", 2),
])
def test_invalid_user_dictionary_is_E026_with_line(make_pipeline, tmp_path, body: str, line: int) -> None:  # type: ignore[no-untyped-def]
    path = write_dictionary(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        make_pipeline("actors", actors=[path])
    assert info.value.code == "E026" and f"line {line}" in info.value.message


def test_invalid_header_is_E026(make_pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text("who,what\nx,y\n", "utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        make_pipeline("actors", actors=[str(path)])


WORDS = ["Baku", "Armenia", "said", "the", "pair", "Azerbaijani", "soldiers", "he", "Moscow", "in",
         "President", "Vladimir", "Putin", "Hamas", "NATO", "both", "parties", ",", ".", "Georgia",
         "’s", "-", "Russian-brokered", "two", "countries", "minister", "The", "Kremlin"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_mentions_slice_the_text(pipe, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    r = run(pipe, text)
    ids = {e.id for e in r.entities}
    for m in r.mentions:
        assert text[m.start:m.end] == m.text
        assert m.entity is None or m.entity in ids


def test_a_name_never_runs_across_a_line_break(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Reporting by The Associated Press\n\nIsrael freed 30 prisoners on Sunday."
    result = run(pipe, text)
    assert all("\n" not in m.text for m in result.mentions)
    assert all("\n" not in e.name for e in result.entities)
    assert "ISR" in {e.code for e in result.entities}


@pytest.mark.parametrize("text", [
    "Havana – The government and the rebels agreed on Tuesday to extend the truce.",
    "Profile\nAddis Ababa – Lawmakers voted on Wednesday to end the state of emergency.",
])
def test_a_line_opening_with_a_place_and_a_dash_is_a_dateline(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    result = run(pipe, text)
    [first] = [m for m in result.mentions if text.startswith(m.text) or f"\n{m.text}" in text][:1]
    assert (first.why or "").startswith("dateline:") and not first.metonymy


def test_a_capital_opening_a_sentence_without_a_dash_still_acts(pipe) -> None:  # type: ignore[no-untyped-def]
    result = run(pipe, "Havana said on Monday it would host the talks.")
    [m] = [m for m in result.mentions if m.text == "Havana"]
    assert m.metonymy and not (m.why or "").startswith("dateline:")
