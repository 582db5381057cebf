"""False alarms of the kinds the eighth round's error counts name (docs/time.md): words that are
calendar words only sometimes ("may" the verb, "march", "second", "spring" and "fall" as verbs,
"present"), numbers that are not years, ages, and the compound adjectives TimeML does tag ("a two-day
visit"). Each case pins the reading of the TimeML guidelines. Every sentence was written for these
tests; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


NOT_TIMES = [
    "The two sides may sign the accord after the vote.",  # the modal verb
    "May the talks succeed, the envoy said.",  # the modal, opening a sentence
    "The rebels will march south.",  # the verb
    "The delegation came second in the vote.",  # the ordinal
    "The second round of talks opened in Doha.",
    "Prices of bread fall as the convoys arrive.",  # the verb, not the season
    "New shoots spring up where the shelling stopped.",
    "He was present at the signing.",  # the adjective of place
    "The 40-year-old commander was detained.",  # an age is no duration the text reports
    "A 12-year-old girl was among the wounded.",
    "Now, the mediators must find a compromise.",  # a discourse marker
    "Today's youth have known nothing but war.",  # an age, not a day
    "The army moved 2000 troops to the border.",  # a count, not a year
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_words_that_are_only_sometimes_calendar_words_raise_no_false_alarm(pipe, text) -> None:  # type: ignore[no-untyped-def]
    assert run(pipe, text) == []


TIMES = [
    ("The mediators met on May 3.", "May 3", ("DATE", "2023-05-03")),
    ("The talks resumed in May.", "May", ("DATE", "2023-05")),
    ("Thousands march on the capital every year.", "every year", ("SET", "P1Y")),
    ("The minister ended a two-day visit to Kyiv.", "a two-day", ("DURATION", "P2D")),
    ("The ceasefire of 2000 collapsed.", "2000", ("DATE", "2000")),
    ("The talks stalled last spring.", "last spring", ("DATE", "2023-SP")),
    ("In the fall of 2020 the front moved.", "the fall of 2020", ("DATE", "2020-FA")),
]


@pytest.mark.parametrize(("text", "span", "expected"), TIMES)
def test_the_same_words_are_times_where_the_guidelines_say_so(pipe, text, span, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(run(pipe, text)) == {span: expected}
