"""Forms of the issue-13 follow-up (docs/time.md, "seventh round"): a fortnight, "by end of month"
without "the", and a date that starts what a headline or lede announces ("truce starting Friday").
Every sentence here was written for these tests; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.extract.timex.lexicon import lexicon
from peacewatch.extract.timex.relative import duration_value, scaled
from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


FORTNIGHTS = [
    ("The mediators asked for a fortnight to draft the text.", "a fortnight", ("DURATION", "P2W")),
    ("The truce held for two fortnights before the shelling resumed.", "two fortnights", ("DURATION", "P4W")),
    ("Monitors report to the council every fortnight.", "every fortnight", ("SET", "P2W")),
    ("A fortnight-long pause let the convoys through.", "A fortnight-long", ("DURATION", "P2W")),
    ("The last prisoners were freed a fortnight ago.", "a fortnight ago", ("DATE", "2023-W50")),
]


@pytest.mark.parametrize(("text", "span", "expected"), FORTNIGHTS)
def test_a_fortnight_is_two_weeks_in_every_normalizer_that_reads_units(pipe, text, span, expected) -> None:
    assert found(run(pipe, text))[span] == expected


def test_a_set_of_quarters_keeps_its_own_letter_while_a_decade_is_written_in_years(pipe) -> None:
    timexes = found(run(pipe, "The board meets every quarter and the census is taken every decade."))
    assert timexes["every quarter"] == ("SET", "P1Q")
    assert timexes["every decade"] == ("SET", "P10Y")


# TimeML writes a quarter with its own letter (P1Q) beside ISO 8601's.
ISO_DURATION = re.compile(r"P(?:(?:\d+(?:\.\d+)?|X)[YQMWD])*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?")


@given(unit=st.sampled_from(sorted(set(lexicon().units.values()))),
       n=st.one_of(st.just("X"), st.integers(1, 400).map(str), st.sampled_from(["0.5", "1.5", "2.5"])))
def test_every_unit_of_the_table_makes_an_iso_duration(unit: str, n: str) -> None:
    value = duration_value(n, unit)
    assert ISO_DURATION.fullmatch(value), value
    assert value != "P"


@given(n=st.integers(1, 50))
def test_fortnights_scale_to_twice_as_many_weeks(n: int) -> None:
    assert scaled(str(n), "FN") == (str(2 * n), "W")
    assert duration_value(str(n), "FN") == f"P{2 * n}W"


END_OF = [
    ("The army will withdraw by end of month.", "end of month", ("DATE", "2023-12")),
    ("The parties must sign a final text by end of year.", "end of year", ("DATE", "2023")),
    ("Talks resumed at the start of week under a new mediator.", "the start of week", ("DATE", "2023-W52")),
]


@pytest.mark.parametrize(("text", "span", "expected"), END_OF)
def test_end_of_a_unit_without_the_is_that_unit_of_the_anchor(pipe, text, span, expected) -> None:
    [timex] = [t for t in run(pipe, text) if t.text == span]
    assert (timex.type, timex.value) == expected
    assert timex.mod in ("END", "START")


def test_a_numbered_year_after_end_of_is_not_the_calendar_year(pipe) -> None:
    assert run(pipe, "By the end of year two the force had doubled.") == []


STARTS = [
    # a headline or lede with no finite verb announces what is to come
    ("Truce starting Friday", "Friday", "2023-12-29"),
    ("Rivals agree four-day truce beginning Thursday", "Thursday", "2023-12-28"),
    # a present tense states a start still ahead
    ("The ceasefire takes effect from Friday, the envoy's office says.", "Friday", "2023-12-29"),
    ("Aid deliveries resume from 2 January.", "2 January", "2024-01-02"),
    # a past clause reports a start already behind
    ("The ceasefire took effect from Friday.", "Friday", "2023-12-22"),
    ("A pause beginning Monday was agreed by both sides.", "Monday", "2023-12-25"),
]


@pytest.mark.parametrize(("text", "span", "value"), STARTS)
def test_a_start_date_points_ahead_unless_a_past_clause_reports_it(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("DATE", value)


DAYS_OF_FOCUS = [
    # a day of the month the text last gave
    ("The talks opened on 3 May. The rebels withdrew on the 5th.", "the 5th", "2023-05-05"),
    ("In March the sides met twice. The accord was signed on the 21st.", "the 21st", "2023-03-21"),
    # none given: the publication's month, or the next one where the tense looks ahead past its day
    ("The ceasefire will take effect on the 1st.", "the 1st", "2024-01-01"),
    ("The monitors arrived on the 22nd.", "the 22nd", "2023-12-22"),
    ("The deal was signed on the 30th, officials said.", "the 30th", "2023-11-30"),
    # a month in focus without the day keeps its month and leaves the day unknown
    ("In February 2023 the truce collapsed. It had begun on the 30th.", "the 30th", "2023-02-XX"),
]


@pytest.mark.parametrize(("text", "span", "value"), DAYS_OF_FOCUS)
def test_an_ordinal_day_is_a_day_of_the_month_in_focus(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("DATE", value)


@pytest.mark.parametrize("text", ["The office is on the 5th floor.", "He won on the 2nd ballot.",
                                  "The brigade fought on the 3rd day of the siege."])
def test_an_ordinal_before_a_noun_is_no_day(pipe, text: str) -> None:
    assert not [t for t in run(pipe, text) if re.search(r"\d", t.text)]


def test_an_ordinal_day_without_an_anchor_names_only_its_day(pipe) -> None:
    assert found(run(pipe, "The convoy left on the 9th.", published=None))["the 9th"] == ("DATE", "XXXX-XX-09")
