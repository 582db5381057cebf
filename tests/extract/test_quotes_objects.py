"""Quoted words in the complements of a verb outside the tables are a mixed quote of the verb's subject
('exhorted the delegates to "keep the ceasefire alive"'); a quotation that is part of a larger noun
phrase or names a thing is not (docs/quotes.md, "Quoted complements"). Every text here is written for
the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_an_exhortation_with_quoted_words_is_the_subjects(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'The senator exhorted the delegates to "keep the ceasefire alive" before the vote.'
    assert found(pipe, text) == [('the delegates to "keep the ceasefire alive" before the vote', "The senator")]


def test_a_phrase_used_and_a_word_specified(pipe) -> None:  # type: ignore[no-untyped-def]
    used = 'Mr. Tadesse has used the phrase "a just peace" in every speech since March.'
    assert found(pipe, used) == [('the phrase "a just peace" in every speech since March', "Tadesse")]
    specified = 'Only twelve of the refugees specified "Orthodox" as their religion.'
    assert [content for content, _ in found(pipe, specified)] == ['"Orthodox" as their religion']


def test_a_song_sung(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'The choir sang "We shall return" as the convoy left.'
    assert [speaker for _, speaker in found(pipe, text)] == ["The choir"]


@pytest.mark.parametrize("text", [
    'The rebels placed the funds in a separate "reconstruction trust" last year.',  # part of a noun phrase
    'The clinic promoted "miracle" cures for the wounded.',  # a word modifying a noun
    'The minister welcomed the envoys with chants of "Peace now" at the airport.',  # words on a thing named
    'The colonel wore a shirt with "Free the prisoners" on it.',
])
def test_scare_quotes_and_words_on_things_are_no_quotes(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []


def test_the_noun_object_of_a_speech_verb_is_what_a_named_source_said(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Ms. Haile questioned the wisdom of a second round of talks."
    assert found(pipe, text) == [("the wisdom of a second round of talks", "Haile")]
    claimed = "She claimed vast support among the displaced."
    assert found(pipe, claimed) == [("vast support among the displaced", "She")]


@pytest.mark.parametrize("text", [
    "The committee answered questions about the truce.",  # nobody named says it
    "Mr. Okafor did not disclose the terms.",  # negated: nothing was said
    "Mr. Okafor wrote it on Friday.",  # a pronoun object: the words are elsewhere
    "To claim the border villages, Mr. Okafor sent two battalions.",  # not finite: nothing said
])
def test_no_object_quote_without_a_named_source_a_statement_or_a_noun(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, text) == []
