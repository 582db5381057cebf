"""Timex rules of the second round: dates built on another date ("the week of March 6", "the day
before last Tuesday", "Easter week"), a day of the month in focus ("that same day" after "last
October"), years after "pre-"/"post-", and calendar words inside names and titles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.extract.timex.names import name_word
from peacewatch.types import Timex

from .timex_support import PUBLISHED, run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in timexes}


CASES = [
    # the ISO week holding a date
    ("A ruling may come the week of Jan. 8, the court clerk said.", "the week of Jan. 8",
     ("DATE", "2024-W02"), "rule week_of"),
    ("The talks were held the week of March 6, 2022.", "the week of March 6, 2022",
     ("DATE", "2022-W09"), "rule week_of"),
    # one day from a weekday, a holiday or a date
    ("The day before last Thursday's vote, the envoy flew to Doha.", "The day before last Thursday",
     ("DATE", "2023-12-20"), "rule day_around"),
    ("Fighting resumed the day after Christmas.", "the day after Christmas",
     ("DATE", "2023-12-26"), "rule day_around"),
    ("The monitors arrived the day after May 3, 2021.", "the day after May 3, 2021",
     ("DATE", "2021-05-04"), "rule day_around"),
    # a holiday week is the week of the nearest such holiday, before or after publication
    ("Pilgrims gathered as Christmas week began.", "Christmas week", ("DATE", "2023-W52"), "rule holiday_week"),
    # a year after pre- or post-
    ("Much of the post-1991 order has frayed.", "post-1991", ("DATE", "1991"), "rule year_prefixed"),
    # the second day of a pair takes the month of the first
    ("The donors meet on March 14 and 15 in Oslo.", "15", ("DATE", "2024-03-15"), "the month of 2024-03-14"),
    ("Polls open Jan. 8-9 across the north.", "9", ("DATE", "2024-01-09"), "rule day_coord"),
    # an hour with a part of the day, dated by the weekday in the bracket after it
    ("The convoy will leave at 4 in the morning (4 a.m. EST Thursday), the UN said.", "4 in the morning",
     ("TIME", "2023-12-28T04:00"), "rule clock_part"),
    # vague spans of plural units: the years that followed, the weeks ahead, over the years
    ("In the years that followed, the rebels held the hills.", "the years", ("DURATION", "PXY"),
     "rule dur_the_plural"),
    ("Donors expect more pressure in the weeks ahead.", "the weeks", ("DURATION", "PXW"), "rule dur_the_plural"),
    ("The monitors have grown weary over the years.", "the years", ("DURATION", "PXY"), "rule dur_over_the"),
    # a clock time takes the date written just after it
    ("The envoys met in Geneva at 16:15 UTC, June 1st, and again later.", "16:15 UTC",
     ("TIME", "2023-06-01T16:15Z"), "the date after it"),
    # "the current quarter" is the publication date's quarter, whatever quarter was named before
    ("Aid fell in the third quarter and may rise in the current quarter.", "the current quarter",
     ("DATE", "2023-Q4"), "quarter in focus 2023-Q4"),
    # a two-digit year after an apostrophe, following a preposition
    ("The index sank to its lowest level since '82.", "'82", ("DATE", "1982"), "rule year_short"),
    # "that same day" after a month names a day of that month
    ("The mayor was shot last October. His office closed that same day.", "that same day",
     ("DATE", "2023-10-XX"), "a day of 2023-10"),
]


@pytest.mark.parametrize(("text", "expression", "expected", "why"), CASES)
def test_compound_values(pipe, text: str, expression: str, expected: tuple[str, str], why: str) -> None:  # type: ignore[no-untyped-def]
    timexes = run(pipe, text)
    assert found(timexes).get(expression) == expected, found(timexes)
    [hit] = [t for t in timexes if t.text == expression]
    assert why in hit.why


def test_numbers_after_a_date_are_not_days(pipe) -> None:  # type: ignore[no-untyped-def]
    got = found(run(pipe, "On March 14 and 15 people were hurt. Between 3 and 5 died on May 2, and 7-8 fled."))
    assert set(got) == {"March 14", "May 2"}


def test_a_later_participle_of_planning_takes_the_tense_of_its_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    # "planned for Saturday" inside a noun phrase: the clause around it (was called off) decides
    got = found(run(pipe, "A rally planned for Saturday was called off, the organisers said."))
    assert got["Saturday"] == ("DATE", "2023-12-23")
    got = found(run(pipe, "A rally planned for Saturday will go ahead, the organisers said."))
    assert got["Saturday"] == ("DATE", "2023-12-30")


def test_plural_units_tied_to_an_event_are_left_alone(pipe) -> None:  # type: ignore[no-untyped-def]
    got = found(run(pipe, "Over the years before the war the town grew. In the weeks before the vote, few spoke."))
    assert "the years" not in got and "the weeks" not in got


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker(pipe) -> None:  # type: ignore[no-untyped-def]
    got = run(pipe, "The road was shut. Now, the envoy said, it must reopen. Aid is now moving. Now the talks resume.")
    assert [t.text for t in got] == ["now", "Now"]
    assert {t.value for t in got} == {"PRESENT_REF"}


def test_then_current_and_a_shared_past_perfect(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(run(pipe, "The then current mayor fled."))["then current"] == ("DATE", "PAST_REF")
    # "had" of the first verb carries over to the second: the deadline had passed
    got = found(run(pipe, "The court had ruled against him and set Friday as the deadline."))
    assert got["Friday"] == ("DATE", "2023-12-22")
    got = found(run(pipe, "The envoy had left and will return Friday."))
    assert got["Friday"] == ("DATE", "2023-12-29")


def test_a_product_edition_is_no_year(pipe) -> None:  # type: ignore[no-untyped-def]
    assert not run(pipe, "Apple showed iLife '11 and Office '08 to reporters.")


def test_compound_without_publication_date_invents_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    got = found(run(pipe, "A ruling may come the week of Jan. 8, days after Easter week.", None))
    assert got["the week of Jan. 8"] == ("DATE", "XXXX-WXX")
    assert got["Easter week"] == ("DATE", "XXXX-WXX")


def test_the_day_of_a_market_report_keeps_the_trading_day(pipe) -> None:  # type: ignore[no-untyped-def]
    # the coarse focus ("a day of 1987") is for "that day", not for a market's "the day"
    got = found(run(pipe, "Shares last traded that high in 1987. The index ended the day up 2%."))
    assert got["the day"] == ("DATE", PUBLISHED)


NAMES = [
    ("The minister said on CBS's ``60 Minutes'' that talks would go on.", "60 Minutes"),
    ('The envoy spoke on ABC\'s "This Week" about the ceasefire plan.', "This Week"),
    ("The poster showed a still from the film ``High Noon'' beside the slogan.", "High Noon"),
    ("Veterans of the Six-Day War marched through the old quarter.", "Six-Day"),
    ("The minister told NBC's Today show that the border would reopen.", "Today"),
]


@pytest.mark.parametrize(("text", "title"), NAMES)
def test_calendar_words_in_titles_are_not_timexes(pipe, text: str, title: str) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in run(pipe, text) if t.text in title or title in t.text]


def test_capitals_that_do_not_make_a_name(pipe) -> None:  # type: ignore[no-untyped-def]
    got = found(run(pipe, "Noon passed without word from the rebels.\nThis week the talks resumed. "
                          "Crowds marched on Thanksgiving Day and on Election Day, and the vote was held."))
    assert got["Noon"] == ("TIME", "2023-12-26T12:00")
    # an opening quote starts a sentence: ``Today …
    assert found(run(pipe, "The envoy said , `` Today is a good day for the talks . ''"))["Today"][1] == PUBLISHED
    assert "noon" not in found(run(pipe, "For the rebels, high noon comes with the vote."))
    assert got["This week"] == ("DATE", "2023-W52")
    assert got["Thanksgiving Day"][1] == "2023-11-23"
    assert "Election Day" in got
    # a headline in title case says nothing about names
    headline = found(run(pipe, "Rebels Agree To Truce For Three Days\n\nThe rebels agreed to a truce."))
    assert headline["Three Days"] == ("DURATION", "P3D")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aAdDwWyY eksno.\n\"'", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_name_word_never_crashes(text: str, start: int, end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    word = name_word(text, start, end)
    assert word is None or word in text[start:end]
