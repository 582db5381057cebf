"""governing_timex: the timex that dates a clause, for the events component."""

from __future__ import annotations

import pytest

from peacewatch.extract.timex import governing_timex
from peacewatch.types import Document


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def governed(pipe, text: str, word: str) -> str | None:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="g", text=text, published="2023-12-26")]))
    doc = pipe.nlp(text)
    index = next(t.i for t in doc if t.text == word)
    found = governing_timex(result.timexes, doc, index)
    return None if found is None else found.value


def test_each_clause_takes_its_own_date(pipe):  # type: ignore[no-untyped-def]
    text = "Baku released 32 prisoners on Monday, and the two sides will resume talks in March."
    assert governed(pipe, text, "released") == "2023-12-25"
    assert governed(pipe, text, "resume") == "2024-03"


def test_durations_do_not_date_an_event(pipe):  # type: ignore[no-untyped-def]
    assert governed(pipe, "The fighting lasted 44 days.", "lasted") is None


def test_no_timex_in_the_sentence(pipe):  # type: ignore[no-untyped-def]
    text = "The talks resumed on Friday. The envoy left the capital."
    assert governed(pipe, text, "left") is None


def test_a_calendar_date_beats_a_reference_word(pipe):  # type: ignore[no-untyped-def]
    text = "Baku now says it released the soldiers on Monday."
    assert governed(pipe, text, "released") == "2023-12-25"
