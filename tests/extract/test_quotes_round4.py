"""Cues of the fourth round of issue 13: a speech verb's "about" phrase as what it is about, and
"as X put it" as a verb of saying. Every text here is written for the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_a_speech_verb_reports_its_about_phrase(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The mediator asked them about the prisoner lists."
    assert found(pipe, text) == [("the prisoner lists", "The mediator")]


def test_an_about_phrase_of_a_verb_that_is_no_speech_verb_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The farmers worried about the harvest all summer.") == []


def test_a_clause_still_wins_over_an_about_phrase(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy told reporters about noon that the convoy had crossed the river."
    assert [c for c, _ in found(pipe, text)] == ["that the convoy had crossed the river"]


def test_as_x_put_it_before_a_quotation_attributes_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'As the district governor put it, "Nobody sleeps when the guns are this close."'
    assert found(pipe, text) == [("Nobody sleeps when the guns are this close.", "the district governor")]


def test_as_x_put_it_after_a_clause_reports_the_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The ceasefire was a pause rather than a peace, as one diplomat put it."
    assert found(pipe, text) == [("The ceasefire was a pause rather than a peace", "one diplomat")]


def test_put_without_it_or_as_is_no_cue(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The court put the ruling on hold until March.") == []
    assert found(pipe, "The engineers put it back on the truck.") == []


def test_a_pronoun_alone_in_the_about_phrase_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The aid workers later wrote about it in their logbook.") == []


def test_a_noun_of_a_cue_verb_reports_its_that_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The commander's acknowledgment that the shelling had hit the school surprised the monitors."
    assert found(pipe, text) == [("that the shelling had hit the school", "The commander")]


def test_a_relative_clause_of_a_reporting_noun_stays_no_content(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The statement that the envoy read out lasted two minutes.") == []


def test_a_noun_of_belief_that_nobody_holds_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "There is a growing expectation that the plan will be accepted in June.") == []


def test_a_poll_in_a_phrase_reports_the_clause_it_modifies(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "In the latest poll, the opposition leader gained three points since the debate."
    assert found(pipe, text) == [("the opposition leader gained three points since the debate", "the latest poll")]


def test_a_poll_with_an_owner_is_the_owner_s(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "By the institute's estimate, the repairs will cost two million dollars."
    assert found(pipe, text) == [("the repairs will cost two million dollars", "the institute")]


def test_a_poll_beside_a_speech_verb_leaves_the_verb_its_quote(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "In a report, the monitors said the ceasefire held."
    assert found(pipe, text) == [("the ceasefire held", "the monitors")]


def test_a_poll_phrase_of_a_noun_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The questions in the survey were short.") == []


def test_in_someone_s_view_reports_the_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "In the minister's view, the truce will hold through the winter."
    assert found(pipe, text) == [("the truce will hold through the winter", "the minister")]


def test_in_other_words_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "In other words, the truce will hold through the winter.") == []
