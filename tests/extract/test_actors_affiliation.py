"""Whom a person speaks for, from the phrase that introduces them (``extract/actors/affiliation.py``),
and given names as later references (``persons.given_names``); texts written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.types import Result
from tests.extract.annotate import dated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors", "quotes")


def speaker_codes(r: Result, text: str) -> dict[str, str | None]:
    """Quote content → the code of its speaker entity."""
    out = {}
    for q in r.quotes:
        ent = r.entity(q.speaker) if q.speaker else None
        out[text[q.content_span[0]:q.content_span[1]]] = ent.code if ent else None
    return out


def test_the_body_in_a_noun_phrase_the_name_stands_in_apposition_to(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("The spokesperson for the Russian foreign ministry, Maria Zakharova, said the West was to blame. "
            "\"Kyiv is not independent,\" she said.")
    found = speaker_codes(dated(pipe, text), text)
    assert found["Kyiv is not independent"] == "RUS"  # the pronoun takes the person's code


def test_an_institution_s_possessive_before_the_name(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Sudan's army said it had retaken the bridge. "
            "The army's spokesperson, Osman Salih, said \"the militia fled\".")
    r = dated(pipe, text)
    [m] = [m for m in r.mentions if m.text == "Osman Salih"]
    ent = r.entity(m.entity)
    assert ent is not None and ent.code == "SDN" and "introduced as" in (ent.why or "")


def test_an_institution_in_the_title_is_the_one_named_before(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Ukraine's foreign ministry accused Moscow of stalling.\n\n"
            "\"There will be no talks under fire,\" said Foreign Ministry spokesman Heorhii Tykhyi.")
    found = speaker_codes(dated(pipe, text), text)
    assert found["There will be no talks under fire"] == "UKR"


def test_their_spokesman_is_the_actor_named_before(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Tigrayan forces withdrew from Amhara. Their spokesman Getachew Reda said the pullback was complete. "
            "\"We have kept our word,\" he told the BBC.")
    found = speaker_codes(dated(pipe, text), text)
    assert found["We have kept our word"] == "ETH"


def test_a_name_with_no_office_around_it_is_not_affiliated(pipe) -> None:  # type: ignore[no-untyped-def]
    # Nothing introduces Maria Novak as anyone's: one mention of Serbia is no focus, so no code.
    text = "Serbia closed the border on Monday. Maria Novak, a teacher, said the queues were long."
    r = dated(pipe, text)
    [m] = [m for m in r.mentions if m.text == "Maria Novak"]
    ent = r.entity(m.entity)
    assert ent is not None and ent.code is None


def test_a_given_name_refers_back_to_the_person(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'Ethiopian Prime Minister Abiy Ahmed addressed parliament on Tuesday. "The war is over," Abiy said.'
    r = dated(pipe, text)
    assert speaker_codes(r, text)["The war is over"] == "ETH"
    [m] = [m for m in r.mentions if m.text == "Abiy"]
    assert "given name" in (m.why or "")


def test_a_given_name_is_not_taken_before_the_person_is_named(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Abiy spoke first. Later Prime Minister Abiy Ahmed of Ethiopia arrived."
    r = dated(pipe, text)
    assert not [m for m in r.mentions if m.text == "Abiy" and "given name" in (m.why or "")]


def test_a_spokesperson_in_the_tables_is_coded_without_a_title(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov told reporters on Monday that no meeting was planned. \"There are no such plans,\" Peskov said."
    assert speaker_codes(dated(pipe, text), text)["There are no such plans"] == "RUS"


def test_a_leader_in_the_tables_is_not_the_state_in_focus_by_default(pipe) -> None:  # type: ignore[no-untyped-def]
    # Kosovo is in focus; Vucic, named bare, is Serbia's president, not a Kosovar by default.
    text = ("Kosovo police closed the crossing. Kosovo said the move was lawful and Kosovo will not back down. "
            "\"This is an attack on Serbs,\" Vucic said.")
    assert speaker_codes(dated(pipe, text), text)["This is an attack on Serbs"] == "SRB"


def test_a_family_name_first_refers_back_too(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese leader Xi Jinping met Putin. Xi said China stood ready to help."
    assert speaker_codes(dated(pipe, text), text)["China stood ready to help"] == "CHN"


@pytest.mark.parametrize(("text", "content", "code"), [
    ('Serbian President Aleksandar Vucic met EU envoy Miroslav Lajcak in Brussels on Monday.\n\n'
     '"We will not give up on our people," he said.', "We will not give up on our people", "SRB"),
    ('Ethiopian Prime Minister Abiy Ahmed told lawmakers that TPLF leader Debretsion Gebremichael had agreed '
     'to disarm. "Peace has come," he said.', "Peace has come", "ETH"),
])
def test_he_is_the_main_clause_subject_not_the_last_person_named(pipe, text, content, code) -> None:  # type: ignore[no-untyped-def]
    r = dated(pipe, text)
    q = next(q for q in r.quotes if text[q.content_span[0]:q.content_span[1]] == content)
    ent = r.entity(q.speaker) if q.speaker else None
    assert ent is not None and ent.name in ("Aleksandar Vucic", "Abiy Ahmed") and ent.code == code


def test_he_falls_back_to_the_last_person_when_no_person_is_the_subject(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The plan was praised by Kaja Kallas. He said it was fair."
    r = dated(pipe, text)
    [m] = [m for m in r.mentions if m.text == "He"]
    assert "last person mentioned" in (m.why or "")
