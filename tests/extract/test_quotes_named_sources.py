"""The noun object of a speech, report or judging verb is what a named source said (docs/quotes.md,
"Ninth round"): a document or a poll names its source as a proper noun does ('The survey showed a
narrow lead'), and a judging verb's object is its judgement ('Zelensky attacked the mediators'). Every
text here is written for the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


@pytest.mark.parametrize(("text", "expected"), [
    ("The survey showed a narrow lead for the opposition.", ("a narrow lead for the opposition", "The survey")),
    ("The statement reported heavy losses among the rebels.", ("heavy losses among the rebels", "The statement")),
    ("A poll found broad support for the truce.", ("broad support for the truce", "A poll")),
])
def test_a_document_or_poll_is_a_named_source(pipe, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == [expected]


def test_a_body_that_is_no_document_is_not_one(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The army showed the journalists the ruins.") == []


def test_a_judging_verb_reports_its_object_from_a_named_source(pipe) -> None:  # type: ignore[no-untyped-def]
    # a person the mentions know (an unknown name is no person to the deed guard, test_quotes_deeds)
    assert found(pipe, "Zelensky attacked the mediators for their silence.") == [("the mediators", "Zelensky")]
    assert found(pipe, "She slammed the new ceasefire monitors.") == [("the new ceasefire monitors", "She")]


@pytest.mark.parametrize("text", [
    "The commander attacked the convoy at dawn.",  # nobody named: an assault, not a judgement
    "Abiy did not slam the mediators.",  # negated
    "Kiir had attacked the mediators before.",  # not finite by itself
])
def test_a_judging_verb_without_a_named_source_reports_nothing(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []
