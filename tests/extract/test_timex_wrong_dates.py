"""Wrong absolute dates found on sentences written for the tenth round (issue 13: never a wrong date where
an open value is honest), each fixed as a bug: a clock and the weekday after it on two different days,
"the weekend of March 23-24" as another weekend, an ambiguous "12/03/2013" against the text's own
order, and a weekday or month inside a name ("Black Monday") dated as this week's (docs/time.md,
tenth round)."""

from __future__ import annotations

import pytest

from peacewatch.extract.timex.normalize import day_first
from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


CLOCKS = [
    # a timetable's present governs the clock; the weekday hangs from the clock's noun and says nothing
    ("Polls close at 3:15 p.m. local time (1915 GMT) on Friday.", "2023-12-29"),
    ("The blast happened at 3:15 p.m. local time (1915 GMT) on Friday.", "2023-12-22"),
    # the weekday moved into the week written after it takes the clock along
    ("Voting will end at 6 p.m. on Friday next week, officials told reporters in the capital.", "2024-01-05"),
]


@pytest.mark.parametrize(("text", "day"), CLOCKS)
def test_clocks_and_the_weekday_after_them_name_one_day(pipe, text: str, day: str) -> None:
    timexes = run(pipe, text)
    days = {t.text: t.value[:10] for t in timexes if t.type == "TIME" or t.text == "Friday"}
    assert len(days) >= 2 and set(days.values()) == {day}, days


WEEKENDS = [
    ("The rally is set for the weekend of March 23-24.", "the weekend of March 23-24", "2013-W12-WE"),
    ("The rally was held on the weekend of March 9-10.", "the weekend of March 9-10", "2013-W10-WE"),
    ("Talks resume the week of March 18.", "the week of March 18", "2013-W12"),
]


@pytest.mark.parametrize(("text", "span", "value"), WEEKENDS)
def test_the_weekend_of_a_date_is_that_dates_weekend(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text, "2013-03-13")) == {span: value}


SLASHES = [
    # no order shown: the slash rule's default, month first, past clause or not
    ("The vote was on 12/03/2013.", "2013-12-03"),
    # the text writes its numeric dates day first
    ("The vote was on 12/03/2013 and the count on 15/03/2013.", "2013-03-12"),
    # ... or month first
    ("The vote was on 12/03/2013 and the count on 03/15/2013.", "2013-12-03"),
    # both orders shown: nothing to go by, the default
    ("The vote was on 12/03/2013, the count on 15/03/2013 and the appeal on 03/20/2013.", "2013-12-03"),
]


@pytest.mark.parametrize(("text", "value"), SLASHES)
def test_an_ambiguous_numeric_date_follows_the_texts_own_order(pipe, text: str, value: str) -> None:
    assert found(run(pipe, text, "2013-03-20"))["12/03/2013"] == value


def test_day_first_needs_a_day_first_date_and_no_month_first_one() -> None:
    assert day_first("on 15/03/2013")
    assert not day_first("on 12/03/2013")
    assert not day_first("on 15/03/2013 and 03/15/2013")
    assert not day_first("a score of 115/3/20")  # part of a longer number


NAMES = [
    "Investors still remember Black Monday, when the markets crashed, and traders worried about the coming week.",
    "Thousands of marchers remembered Bloody Sunday in Derry, where soldiers killed civilians in the streets.",
    "The attack was claimed by the Black September group, which had planned the operation for months.",
    "The leaders signed the Good Friday Agreement in Belfast, ending decades of violence in the province.",
]


@pytest.mark.parametrize("text", NAMES)
def test_a_weekday_month_or_holiday_inside_a_name_is_no_date(pipe, text: str) -> None:
    named = {"Monday", "Black Monday", "Sunday", "Bloody Sunday", "September", "Black September", "Good Friday"}
    assert not named & set(found(run(pipe, text))), found(run(pipe, text))


DATES = [
    # a sentence's first word, a calendar word, a name or a place before the weekday make no name of it
    ("Last Friday's talks ended without a deal, officials said in the capital.", "Last Friday", "2023-12-22"),
    ("Negotiators met Kerry Tuesday in Geneva and said that the talks would continue.", "Tuesday", "2023-12-26"),
    ("The envoy held talks in Washington Monday with officials from both sides.", "Monday", "2023-12-25"),
    ("Christians marked Good Friday with processions through the old city this spring.", "Good Friday",
     "2023-04-07"),
]


@pytest.mark.parametrize(("text", "span", "value"), DATES)
def test_a_capitalised_word_that_names_nothing_keeps_the_date(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text)).get(span) == value
