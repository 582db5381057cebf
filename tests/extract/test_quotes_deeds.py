"""A reporting verb that also names a deed reports a bare noun only in its sense of speech
(``deeds.tsv``, docs/quotes.md "Ninth round, follow-up"): 'Russia attacked the convoy' is an assault,
'Putin called an emergency meeting' convenes one; 'Zelensky attacked the mediators' is a judgement.
Every text here is written for the test."""

from __future__ import annotations

import pytest

from peacewatch.extract.quotes.lexicon import load_lexicon
from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


@pytest.mark.parametrize("text", [
    "Russia attacked the convoy near Kharkiv.",  # a state acts
    "The RSF attacked El Fasher.",  # an armed group acts, on a place
    "Zelensky attacked the convoy.",  # a person, but on a vehicle
    "The convoy was attacked near Kharkiv.",  # a passive with no one acting
    "Three villages were attacked on Sunday.",
    "The mosque was blasted by a bomb.",  # the agent is a weapon
])
def test_a_physical_act_is_no_quote(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []


@pytest.mark.parametrize("text", [
    "Putin called an emergency meeting.",
    "Vucic called a snap election.",
    "Putin called Zelensky.",  # a telephone call
    "An emergency meeting was called for Monday.",  # convened, in the passive
])
def test_calling_a_meeting_or_a_person_is_no_quote(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky attacked the mediators for their silence.", ("the mediators", "Zelensky")),
    ("She blasted the proposal.", ("the proposal", "She")),
    ("The Foreign Ministry slammed the decision.", ("the decision", "Foreign Ministry")),
    ("The decision was slammed by the Foreign Ministry.", ("The decision", "the Foreign Ministry")),
])
def test_a_judgement_by_one_who_speaks_is_a_quote(pipe, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kurti called the move illegal.", ("the move illegal", "Kurti")),
    ("Putin called for a ceasefire.", ("a ceasefire", "Putin")),
])
def test_call_in_its_senses_of_speech_stays_a_quote(pipe, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == [expected]


def test_the_deed_verbs_are_reporting_verbs_or_say_they_are_not_yet() -> None:
    """Every act or convene row names a verb; those that are cues today are the ones the guard reads."""
    lex = load_lexicon()
    verbs = {w for w, kind in lex.deeds.items() if kind in ("act", "convene")}
    assert {"attack", "blast", "slam", "call"} <= verbs & set(lex.cues)
    assert set(lex.deeds.values()) == {"act", "convene", "body", "thing"}
