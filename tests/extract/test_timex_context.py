"""Timex rules that read the sentence around an expression: clock times, past perfects, periods
ending on a date, and the coded error for a broken rule table."""

from __future__ import annotations

import pytest

from peacewatch.errors import ConfigError
from peacewatch.extract.timex import rules as rules_module
from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def value_of(timexes: list[Timex], text: str) -> tuple[str, str]:
    hits = [t for t in timexes if t.text == text]
    assert hits, f"{text!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[0].type, hits[0].value


CASES = [
    # a clock time takes the weekday written after it, past a bracketed aside
    ("The convoy was hit at about 9:15 a.m. (0615 GMT) Friday, witnesses said.", "9:15 a.m.",
     ("TIME", "2023-12-22T09:15")),
    # ... or the day named earlier in its sentence
    ("The ceasefire began on Sunday in the north at 18:00 UTC and held.", "18:00 UTC",
     ("TIME", "2023-12-24T18:00Z")),
    # a past perfect points back even after "by" or a verb of planning
    ("Both sides had withdrawn their heavy guns by Monday, the monitors said.", "Monday",
     ("DATE", "2023-12-25")),
    ("The truce had been due to expire Friday evening.", "Friday evening", ("TIME", "2023-12-22TEV")),
    # "is to" + verb points forward
    ("The mediator is to resume the talks Thursday.", "Thursday", ("DATE", "2023-12-28")),
    # a participle modifying a period points back
    ("Aid rose in the quarter ended Sept. 30.", "Sept. 30", ("DATE", "2023-09-30")),
    # a period ending on a date is a duration; "for the year" is the year
    ("For the year ended June 30, the fund spent $4 million.", "the year", ("DURATION", "P1Y")),
    ("Donations were flat for the year, the charity said.", "the year", ("DATE", "2023")),
    # "last" before a month and day makes one date
    ("The envoy was detained last Oct. 23 at the border.", "last Oct. 23", ("DATE", "2023-10-23")),
    # one-unit compounds
    ("It was the largest single-day evacuation of the war.", "single-day", ("DURATION", "P1D")),
    # two-digit decades and decade words
    ("Militias formed in the '90s and again in the late '80s.", "the '90s", ("DATE", "199")),
    ("Such talks were rare in the nineties.", "the nineties", ("DATE", "199")),
    # a military clock time with a zone
    ("Shelling stopped at 0600 GMT, the observers said.", "0600 GMT", ("TIME", "2023-12-26T06:00Z")),
    # a word between the number and the unit
    ("Fighting went on for six straight days.", "six straight days", ("DURATION", "P6D")),
    ("The mission needs two more weeks.", "two more weeks", ("DURATION", "P2W")),
    ("It will take the next couple of years.", "the next couple of years", ("DURATION", "P2Y")),
    ("The talks have run for two and a half years.", "two and a half years", ("DURATION", "P2Y6M")),
    # a rate is a SET
    ("The fund pays $40 million a year to the camps.", "a year", ("SET", "P1Y")),
    # a preposition before a month keeps it a date even when "for" follows
    ("He resigned in March for health reasons.", "March", ("DATE", "2023-03")),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), CASES)
def test_context_rules(pipe, sentence, text, expected):  # type: ignore[no-untyped-def]
    assert value_of(run(pipe, sentence), text) == expected


def test_the_year_needs_a_cue(pipe):  # type: ignore[no-untyped-def]
    assert not [t for t in run(pipe, "The year was hard for everyone.") if t.text.lower() == "the year"]


def test_a_broken_rule_table_raises_e027(monkeypatch):  # type: ignore[no-untyped-def]
    bad = ({"id": "broken", "kind": "date", "type": "DATE", "pattern": "(unclosed"},)
    monkeypatch.setattr(rules_module, "timex_rows", lambda name: bad)
    rules_module.rules.cache_clear()
    try:
        with pytest.raises(ConfigError) as err:
            rules_module.rules()
        assert err.value.code == "E027"
    finally:
        monkeypatch.undo()
        rules_module.rules.cache_clear()


@pytest.mark.parametrize("text", [
    "Rebels hold three-quarters of the province.",
    "About a quarter , of the displaced returned.",
    "The current chief negotiator resigned.",
    "The current UN envoy arrived.",
    "Protesters sang songs of the March for Peace.",
])
def test_false_friends_stay_untagged(pipe, text):  # type: ignore[no-untyped-def]
    tagged = [t.text for t in run(pipe, text)]
    assert not [t for t in tagged if t.lower() in ("three-quarters", "a quarter", "current", "march")], tagged


def test_a_year_before_a_modified_noun_is_a_year(pipe):  # type: ignore[no-untyped-def]
    assert value_of(run(pipe, "Analysts cut their 2024 aid estimates."), "2024") == ("DATE", "2024")
