"""Timex rules of the fifth round (issue 13, time on unseen text): forms the dev corpora hardly
hold but news does, each settled by the TimeML guidelines (docs/time.md, "fifth round")."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


JOINED = [
    # the second verb has no auxiliary of its own and shares "will" / "would"
    ("The envoy will fly to Cairo on Wednesday and return on Friday.", "Friday", "2023-12-29"),
    ("The minister said she would arrive on Thursday and leave on Saturday.", "Saturday", "2023-12-30"),
    # a verb in the past tense of its own keeps it
    ("The envoy will fly to Cairo on Wednesday, but he arrived on Friday.", "Friday", "2023-12-22"),
]


@pytest.mark.parametrize(("text", "span", "value"), JOINED)
def test_a_joined_bare_verb_shares_the_tense_of_the_first(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("DATE", value)


HALVES = [
    ("The summit is planned for the second half of the year.", "the second half of the year", "2023-H2"),
    ("Growth slowed in the first half of this year.", "the first half of this year", "2023-H1"),
    ("Troops leave in the second half of next year.", "the second half of next year", "2024-H2"),
    ("Sales fell in the latter half of last year.", "the latter half of last year", "2022-H2"),
    ("Exports rose in the third quarter of the year.", "the third quarter of the year", "2023-Q3"),
]


@pytest.mark.parametrize(("text", "span", "value"), HALVES)
def test_a_half_or_quarter_of_a_relative_year(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text)) == {span: ("DATE", value)}


def test_a_half_of_a_relative_year_without_an_anchor_stays_unknown(pipe) -> None:
    assert found(run(pipe, "Troops leave in the second half of next year.", None)) == {
        "the second half of next year": ("DATE", "XXXX-H2")}


NAMED_CLOCKS = [
    # a zone after "noon" or "midnight" belongs to it, and the day named after it dates it
    ("The ceasefire took effect at midnight local time on Friday.", "midnight local time", "2023-12-22T24:00"),
    ("The truce ended at noon GMT on Sunday.", "noon GMT", "2023-12-24T12:00Z"),
    ("The deadline expires at midnight tonight.", "midnight tonight", "2023-12-26T24:00"),
]


@pytest.mark.parametrize(("text", "span", "value"), NAMED_CLOCKS)
def test_noon_and_midnight_take_a_zone_and_a_day(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("TIME", value)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The ceasefire has held for a week and a half.", "a week and a half", "P1.5W"),
    ("The talks took two and a half weeks.", "two and a half weeks", "P2.5W"),
])
def test_a_fraction_of_a_week_is_written_in_weeks(pipe, text: str, span: str, value: str) -> None:
    # ISO 8601 writes weeks alone: never P1W3.5D
    assert found(run(pipe, text)) == {span: ("DURATION", value)}


def test_the_verb_last_is_no_part_of_a_duration(pipe) -> None:
    # "last" before "a"/"an" is the verb; "the last two days" keeps its modifier
    got = found(run(pipe, "The offensive would last a few more days; the last two days were calm."))
    assert got == {"a few more days": ("DURATION", "PXD"), "the last two days": ("DURATION", "P2D")}



@pytest.mark.parametrize(("text", "span", "value"), [
    ("The meeting is set for 2pm on 28 December.", "2pm", "2023-12-28T14:00"),
    ("The truce began at 14:00 GMT on the 3rd of May 2021.", "14:00 GMT", "2021-05-03T14:00Z"),
    # a count after the clock is no day
    ("The blast hit at 3 p.m., 20 people died.", "3 p.m.", "2023-12-26T15:00"),
])
def test_a_clock_takes_its_day_from_a_day_first_date_after_it(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("TIME", value)


def test_a_weekday_before_a_day_first_date_is_one_expression(pipe) -> None:
    # British style: "Thursday 21 December", as "Thursday, December 21" already was
    assert found(run(pipe, "The meeting was held on Thursday 21 December.")) == {
        "Thursday 21 December": ("DATE", "2023-12-21")}


def test_military_hours_after_a_preposition_are_a_clock_time(pipe) -> None:
    got = [(t.text, t.type, t.value) for t in run(pipe, "Clashes erupted at 1500 hours and ended by 1730 hrs. "
                                                            "He did 1500 hours of service.")]
    assert got == [("1500 hours", "TIME", "2023-12-26T15:00"), ("1730 hrs", "TIME", "2023-12-26T17:30"),
                   ("1500 hours", "DURATION", "PT1500H")]


def test_fy_and_a_year_is_a_fiscal_year(pipe) -> None:
    got = found(run(pipe, "FY2012 revenue fell, FY 2013 sales rose and FY13 targets were met; FYI 2014."))
    assert got == {"FY2012": ("DATE", "2012"), "FY 2013": ("DATE", "2013"), "FY13": ("DATE", "2013"),
                   "2014": ("DATE", "2014")}


@pytest.mark.parametrize(("text", "span", "value"), [
    # the full date after the clock is part of it (it swallowed the clock before)
    ("The blast came at 3 p.m., Thursday, March 20, 2012, officials said.", "3 p.m., Thursday, March 20, 2012",
     "2012-03-20T15:00"),
    ("The blast came at 3 p.m., March 20, 2012.", "3 p.m., March 20, 2012", "2012-03-20T15:00"),
    # a month and day after a clock takes the year its tense gives
    ("The polls will close at 5 p.m. EST, Jan. 6.", "5 p.m. EST, Jan. 6", "2024-01-06T17:00"),
    ("The polls closed at 5 p.m. EST, Dec. 6.", "5 p.m. EST, Dec. 6", "2023-12-06T17:00"),
])
def test_a_clock_takes_a_full_date_after_it(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text)) == {span: ("TIME", value)}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The truce was extended for one hundred and eighty days.", "one hundred and eighty days", "P180D"),
    ("It took a hundred and twenty years.", "a hundred and twenty years", "P120Y"),
])
def test_a_number_with_and_after_hundred_is_read_whole(pipe, text: str, span: str, value: str) -> None:
    # "one hundred and eighty days" was "eighty days", P80D
    assert found(run(pipe, text)) == {span: ("DURATION", value)}


def test_and_between_two_numbers_is_no_compound_number(pipe) -> None:
    assert found(run(pipe, "Between two and three days passed.")) == {"three days": ("DURATION", "P3D")}


SAME_YEAR_BEFORE = [
    # the date in focus at the unit named, one year back; it replaces "a year ago" and "the same month"
    ("Arrivals rose in January, compared to the same month a year ago.", "the same month a year ago", "2022-01"),
    ("Exports fell in the third quarter from the same quarter of the previous year.",
     "the same quarter of the previous year", "2022-Q3"),
    ("Clashes on Monday were fewer than on the same day a year earlier.", "the same day a year earlier", "2022-12-25"),
    ("Shelling in March 2021 was heavier than in the same period last year.", "the same period last year", "2020-03"),
    # nothing in focus: the anchor's month; a period is no more than the anchor's year
    ("Aid deliveries are below the same month last year.", "the same month last year", "2022-12"),
    ("Attacks doubled compared with the same period last year.", "the same period last year", "2022"),
]


@pytest.mark.parametrize(("text", "span", "value"), SAME_YEAR_BEFORE)
def test_the_same_unit_a_year_before_is_the_focus_one_year_back(pipe, text: str, span: str, value: str) -> None:
    values = found(run(pipe, text))
    assert values[span] == ("DATE", value)
    assert not any(s in values for s in ("a year ago", "a year earlier", "last year"))


def test_the_same_period_last_year_without_an_anchor_stays_unknown(pipe) -> None:
    assert found(run(pipe, "Attacks doubled compared with the same period last year.", None)) == {
        "the same period last year": ("DATE", "XXXX")}


@pytest.mark.parametrize(("text", "second", "value"), [
    ("The boxy cars of the 70s and 80s are back.", "80s", "198"),
    ("The militia grew through the '60s and '70s.", "'70s", "197"),
    ("Exiles returned in the 80s or 90s.", "90s", "199"),
])
def test_the_second_of_two_joined_short_decades_is_a_decade(pipe, text: str, second: str, value: str) -> None:
    assert found(run(pipe, text))[second] == ("DATE", value)


def test_a_bare_number_with_s_is_no_decade_without_a_decade_before_it(pipe) -> None:
    assert "80s" not in found(run(pipe, "Temperatures reached 80s in the south, and 70 and 80s were common."))


@pytest.mark.parametrize(("text", "span", "value"), [
    # a weekday every other week is a set, not the Tuesday of this week
    ("The monitors meet every other Tuesday.", "every other Tuesday", "XXXX-WXX-2"),
    ("Observers report every second Friday.", "every second Friday", "XXXX-WXX-5"),
    # a part of every day
    ("Patrols leave the base every morning.", "every morning", "XXXX-XX-XXTMO"),
    ("Sirens sounded every night this week.", "every night", "XXXX-XX-XXTNI"),
    ("Each evening, crowds gathered at the gate.", "Each evening", "XXXX-XX-XXTEV"),
])
def test_every_other_weekday_and_every_part_of_the_day_are_sets(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("SET", value)


@pytest.mark.parametrize(("text", "span", "value"), [
    # "later" counts from an event; with no date before it, publication is no base (it was 2033, the decade 203)
    ("A decade later, the war resumed.", "A decade later", "XXX"),
    ("Three days later, the rebels withdrew from the town.", "Three days later", "XXXX-XX-XX"),
    # with a date before it, that date is the base
    ("The accord was signed on 3 March 2021. Three days later, the rebels withdrew.", "Three days later",
     "2021-03-06"),
    # "ago" and "earlier" keep counting from publication
    ("A decade ago, the war began.", "A decade ago", "201"),
    ("Prices were 4% lower a year earlier.", "a year earlier", "2022"),
])
def test_later_with_no_date_before_it_is_unknown(pipe, text: str, span: str, value: str) -> None:
    assert found(run(pipe, text))[span] == ("DATE", value)


@pytest.mark.parametrize(("text", "span", "typ", "value"), [
    # a zone written in words is part of the clock, and the weekday after it gives the day
    ("The attack happened at about 3:30 p.m. Eastern time on Saturday.", "3:30 p.m. Eastern time", "TIME",
     "2023-12-23T15:30"),
    ("The town was shelled at noon Eastern time Sunday.", "noon Eastern time Sunday", "TIME", "2023-12-24T12:00"),
    ("The vote closes at 17:00 Pacific Standard Time.", "17:00 Pacific Standard Time", "TIME", "2023-12-26T17:00"),
    # a military clock in local time
    ("The strike began around 0400 local time.", "0400 local time", "TIME", "2023-12-26T04:00"),
    # a weekday in the plural is every such day
    ("The cabinet meets on Sundays.", "Sundays", "SET", "XXXX-WXX-7"),
    ("Protests are held on Fridays after prayers.", "Fridays", "SET", "XXXX-WXX-5"),
    # Orthodox Christmas is 7 January, not 25 December
    ("The truce held over Orthodox Christmas Day, the monitors said.", "Orthodox Christmas Day", "DATE", "2023-01-07"),
    ("Talks resumed in Doha on Christmas.", "Christmas", "DATE", "2023-12-25"),
])
def test_zones_in_words_plural_weekdays_and_orthodox_christmas(pipe, text: str, span: str, typ: str,
                                                              value: str) -> None:
    assert found(run(pipe, text))[span] == (typ, value)


def test_a_four_digit_number_before_local_elections_is_no_clock(pipe) -> None:
    assert "2019 local" not in " ".join(found(run(pipe, "The 2019 local elections were delayed.")))
