"""Timex rules of the fourth round (issue 13, time on unseen text): the two ends of a range on
one calendar, frequencies with a count ("every four years"), clock times with more time zones,
month abbreviations without a full stop, and "ahead of" pointing forward."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


RANGES = [
    # the start takes the year the end names
    ("The ceasefire held from March 3 to March 10, 2021.", {"March 3": "2021-03-03", "March 10, 2021": "2021-03-10"}),
    ("The summit ran March 3-10, 2021.", {"March 3": "2021-03-03", "10, 2021": "2021-03-10"}),
    # ... and may not come after it: December of the year before
    ("Fighting raged from December to February 2021.", {"December": "2020-12", "February 2021": "2021-02"}),
    # the end takes the start's year, or the next one
    ("Between November 2021 and March, the rebels advanced.", {"November 2021": "2021-11", "March": "2022-03"}),
    # neither names a year: each keeps the year its tense gives
    ("Talks were held between October and February.", {"October": "2023-10", "February": "2023-02"}),
    # a day before "and 12 April 2021" takes its month and year
    ("The vote was held between 10 and 12 April 2021.", {"10": "2021-04-10", "12 April 2021": "2021-04-12"}),
    # a list shares the year it names but keeps no order
    ("Votes were held in March and May 2021.", {"March": "2021-03", "May 2021": "2021-05"}),
    ("The attacks came on Sept. 11 and July 4.", {"Sept. 11": "2023-09-11", "July 4": "2023-07-04"}),
    # weekdays have no year to share: each resolves on its own
    ("The talks ran from Friday to Monday.", {"Friday": "2023-12-22", "Monday": "2023-12-25"}),
]


@pytest.mark.parametrize(("text", "values"), RANGES)
def test_the_ends_of_a_range_share_a_calendar(pipe, text: str, values: dict[str, str]) -> None:
    got = {k: v for k, (_, v) in found(run(pipe, text)).items()}
    assert got == values


def test_a_range_end_says_where_its_year_came_from(pipe) -> None:
    [start, _] = run(pipe, "Fighting raged from December to February 2021.")
    assert start.why is not None and start.why.endswith("the year of the range's end")


def test_counts_are_no_range_ends(pipe) -> None:
    assert run(pipe, "Between 10 and 12 people were hurt on 3 and 4 floors.") == []


SETS = [
    ("Elections are held every four years.", "every four years", "P4Y"),
    ("The envoy visits every other week.", "every other week", "P2W"),
    ("The rebels attack every few days.", "every few days", "PXD"),
    ("The committee meets twice a year.", "twice a year", "P1Y"),
    ("The council meets three times a month.", "three times a month", "P1M"),
    ("He calls once a week.", "once a week", "P1W"),
]


@pytest.mark.parametrize(("text", "span", "value"), SETS)
def test_frequencies_with_a_count_are_sets(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text)) == {span: ("SET", value)}


CLOCKS = [
    # US and European zones and "local time" belong to the clock; only UTC/GMT are written as Z
    ("The vote took place at 10 a.m. ET on Thursday.", "10 a.m. ET", "2023-12-21T10:00"),
    ("The blast hit at 3 p.m. local time.", "3 p.m. local time", "2023-12-26T15:00"),
    ("Talks opened at 14:30 CET on Monday.", "14:30 CET", "2023-12-25T14:30"),
    ("The deadline passed at 18:00 GMT on Friday.", "18:00 GMT", "2023-12-22T18:00Z"),
]


@pytest.mark.parametrize(("text", "span", "value"), CLOCKS)
def test_clock_times_with_time_zones(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("TIME", value)


def test_month_abbreviations_without_a_full_stop_date_a_day(pipe) -> None:
    got = found(run(pipe, "Posted: Sep 21, 2023 4:12 PM EDT. The vote was on Jun 4 and Jul 9."))
    assert got["Sep 21, 2023"] == ("DATE", "2023-09-21")
    assert got["Jun 4"] == ("DATE", "2023-06-04") and got["Jul 9"] == ("DATE", "2023-07-09")


def test_abbreviations_alone_are_no_months(pipe) -> None:
    # "Mar Roxas", "mar the vote", "Jun" as a name: an undotted abbreviation dates only a day
    assert run(pipe, "Mar Roxas said the strikes would mar the vote, Jun Lee added.") == []


def test_ahead_of_points_forward(pipe) -> None:
    # a headline in the present tense: the talks are still to come
    [monday] = run(pipe, "Rebels Agree To Truce Ahead Of Monday Talks")
    assert monday.value == "2024-01-01"


def test_headline_infinitive_points_forward(pipe) -> None:
    # "X to do Y Tuesday" with no finite verb: headline style for a plan
    [friday] = run(pipe, "UN envoy to visit Damascus on Friday")
    assert friday.value == "2023-12-29" and friday.why == "rule weekday; future tense"


def test_an_infinitive_under_a_finite_verb_keeps_its_tense(pipe) -> None:
    [friday] = run(pipe, "The envoy went to Damascus to meet Assad on Friday.")
    assert friday.value == "2023-12-22"
    # a finite auxiliary of the governing verb counts too
    [saturday] = run(pipe, "Hamas was supposed to hand them over on Saturday.")
    assert saturday.value == "2023-12-23"


def test_day_first_slashed_dates(pipe) -> None:
    got = found(run(pipe, "Updated 22/03/2021, first posted 3/21/2021."))
    assert got == {"22/03/2021": ("DATE", "2021-03-22"), "3/21/2021": ("DATE", "2021-03-21")}


DURATIONS = [
    ("He was jailed for a dozen years.", "a dozen years", "P12Y"),
    ("The siege lasted two dozen days.", "two dozen days", "P24D"),
    ("The vote was delayed by half an hour.", "half an hour", "PT30M"),
    ("The hours-long battle ended.", "hours-long", "PTXH"),
    ("The siege lasted a decade and a half.", "a decade and a half", "P15Y"),
]


@pytest.mark.parametrize(("text", "span", "value"), DURATIONS)
def test_durations_in_words(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text)) == {span: ("DURATION", value)}


def test_that_night_is_a_part_of_the_day_in_focus(pipe) -> None:
    got = found(run(pipe, "On March 3, 2021, rebels attacked. That night, the army struck back."))
    assert got["That night"] == ("TIME", "2021-03-03TNI")
    # with no day in focus the day stays unknown rather than guessed
    assert found(run(pipe, "It rained that morning.")) == {"that morning": ("TIME", "XXXX-XX-XXTMO")}


def test_quarters_written_q1_to_q4(pipe) -> None:
    got = found(run(pipe, "Sales fell in Q3 after weak Q1 2021 and fiscal 2022 Q4 results."))
    assert got == {"Q3": ("DATE", "2023-Q3"), "Q1 2021": ("DATE", "2021-Q1"), "fiscal 2022 Q4": ("DATE", "2022-Q4")}
    # a model name is no quarter
    assert run(pipe, "The Audi Q7 and a new Q5 sold well.") == []


def test_a_date_naming_a_group_is_no_time(pipe) -> None:
    text = "Talks between Kinshasa and the March 23 Movement (M23) resumed on March 23, 2021, in Doha."
    assert found(run(pipe, text)) == {"March 23, 2021": ("DATE", "2021-03-23")}
    assert run(pipe, "Veterans of the April 19 Movement and the 6 April Youth Movement marched.") == []


def test_the_may_11_declaration_is_still_dated(pipe) -> None:
    # a capitalised noun after a date that is no group's name leaves the date a date
    assert found(run(pipe, "Both sides signed the May 11, 2023 Jeddah Declaration.")) == {
        "May 11, 2023": ("DATE", "2023-05-11")}


def test_decades_with_a_curly_apostrophe(pipe) -> None:
    got = found(run(pipe, "The group was founded in the 1960’s and grew in the ’80s."))
    assert got == {"the 1960’s": ("DATE", "196"), "the ’80s": ("DATE", "198")}


def test_clock_times_in_hours_and_after_at(pipe) -> None:
    got = found(run(pipe, "The truce runs from 00:00 hours on February 6, 2021, and starts at 7:00 tomorrow."))
    assert got["00:00 hours"] == ("TIME", "2021-02-06T00:00")  # the year written after the day
    assert got["7:00"] == ("TIME", "2023-12-27T07:00")
    assert "00 hours" not in got  # the minutes of a clock are no duration
    assert run(pipe, "The score was 3:30 in the end.") == []


def test_since_points_back(pipe) -> None:
    # "since Dec. 30" published Dec. 26: last year's, although it lies within the slack of a scheduled date
    [since] = run(pipe, "The ceasefire in force since Dec. 30 was extended.")
    assert since.value == "2022-12-30"


def test_a_weekday_above_a_date_line_is_that_date(pipe) -> None:
    [weekday, date] = run(pipe, "Wednesday\n\n26th Apr 2023\n\nNews")
    assert weekday.value == date.value == "2023-04-26"
    # not when the date falls on another weekday
    assert run(pipe, "Tuesday\n26th Apr 2023")[0].value == "2023-12-26"
