"""An undated article dated by a weekday named with its day (``extract/dating.weekday_day``): the
weekday fixes the year among those a written year allows, the article's day is the latest day stated
in that week, and every cue must agree, else the reading gives no day."""

from __future__ import annotations

from peacewatch.extract.dating import LATEST, WEEKDAY, infer
from peacewatch.types import Dated


def test_the_weekday_keeps_a_yearless_day_out_of_the_written_year(nlp):
    # before: "October 28" took the latest written year (2024) and dated the article in October
    text = ("The rebels announced in the early hours of Tuesday, February 6 that the truce is "
            "extended, in a text signed on February 5, 2024. The crisis over the October 28 "
            "kidnapping is over.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how, got.text) == ("2024-02-06", WEEKDAY, "Tuesday, February 6")


def test_the_weekday_takes_the_year_after_an_older_written_day(nlp):
    # before: the latest written day, October 7, 2023, dated a 2025 article
    text = ("Palestinians returned to their neighborhoods on Sunday (Jan 19) as the truce began. "
            "The war started with the raid of Oct 7, 2023, in which 1,200 were killed.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how) == ("2025-01-19", WEEKDAY)


def test_a_later_day_of_the_same_week_is_the_articles(nlp):
    text = ("The delegations met on Thursday, November 2. In a statement on November 3, the "
            "mediators praised the talks of 2023.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how, got.text) == ("2023-11-03", WEEKDAY, "November 3")


def test_no_written_year_gives_no_day(nlp):
    assert infer(nlp("The guerrillas freed the hostage on Thursday (Nov 9) in the mountains.")) is None


def test_a_written_year_too_old_to_choose_leaves_the_older_reading(nlp):
    # Friday, January 17 falls in 2020 and 2025: 2016 allows neither within two years, so no week
    text = ("The president announced the decision on Friday, January 17. Among the dead are "
            "signatories of the 2016 peace agreement.")
    assert infer(nlp(text)) is None


def test_a_weekday_that_does_not_fall_on_the_day_gives_no_day(nlp):
    # February 6 was a Wednesday in none of 2023-2025, so no week; and the latest stated day,
    # August 3, 2023, would put it on Monday, February 6, 2023: no day agrees with every cue
    text = "The truce was extended on Wednesday, February 6. It had begun on August 3, 2023."
    assert infer(nlp(text)) is None


def test_a_written_day_after_the_week_gives_no_week(nlp):
    # the weekday's day (Saturday, October 7, 2023) is not in the week of a later written day; the
    # latest stated day stands, and agrees with the weekday (October 7, 2023 was a Saturday)
    text = ("The attack of Saturday, October 7 started the war. On November 24, 2023 the first "
            "hostages were freed.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how) == ("2023-11-24", LATEST)


def test_a_weekday_to_come_is_no_week(nlp):
    text = ("The ceasefire will take effect on Sunday, January 19. The war began on October 7, 2023, "
            "and talks resumed on December 12, 2024.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how) == ("2024-12-12", LATEST)


def test_two_weekdays_in_weeks_that_do_not_meet_give_no_week(nlp):
    text = ("The talks opened on Monday, January 22 in Havana. They ended on Tuesday, "
            "February 6 with a new truce, the third since 2023.")
    got = infer(nlp(text))
    assert got is None or got.how != WEEKDAY


def test_a_weekday_day_is_not_the_day_written():
    assert not Dated("2024-02-06", WEEKDAY, (0, 19), "Tuesday, February 6").written
