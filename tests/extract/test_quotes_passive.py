"""A passive speech, report or judging verb with no other content reports its passive subject ('the
violations were confirmed'); a particle, a stranded preposition, "as" or a clause gives the verb
another sense or another content, and then it does not (docs/quotes.md, "Ninth round"). Every text
here is written for the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_an_agentless_passive_reports_its_subject_and_names_nobody(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The ceasefire violations were confirmed on Monday.") == [("The ceasefire violations", None)]


def test_a_passive_with_an_agent_is_the_agents(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The attack was condemned by the African Union.") == [("The attack", "the African Union")]


@pytest.mark.parametrize("text", [
    "The talks were called off in May.",  # a particle: another verb
    "Both parties are referred to by their names.",  # a stranded preposition
    "He was criticized for the delay.",  # a pronoun is no content
])
def test_a_passive_in_another_sense_reports_nothing(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []


def test_quoted_as_saying_keeps_its_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The minister was quoted as saying that the army would withdraw."
    assert [content for content, _ in found(pipe, text)] == ["that the army would withdraw"]
