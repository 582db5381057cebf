"""An act that happened, told undated in an article's lead (its headline and first sentence), is the
article's news: a merged event that no report dates otherwise is dated by the earliest publication day
of such reports. Told further down, an undated act may be days old and stays undated; merging is
unchanged (the day is the merged record's, given after clustering)."""

from __future__ import annotations

from typing import Any

from peacewatch.resolve import build_ledger
from peacewatch.resolve.events import LEAD_CHARS
from peacewatch.types import Argument, Entity, Event, Result

COL = Entity("e1", "Colombia", "state", "COL", "GOV")
ELN = Entity("e2", "ELN", "armed group", "COL", "REB")


def ev(eid: str, start: int, **fields: Any) -> Event:
    fields.setdefault("actor", [Argument("e1", "COL", "GOV", "Colombia"), Argument("e2", "COL", "REB", "ELN")])
    return Event(eid, "CONSULT", (start + 20, start + 25), (start, start + 80), **fields)


def dates(*results: Result) -> list[str | None]:
    return sorted((e.date for e in build_ledger(list(results)).events), key=str)


def test_talks_told_in_the_lead_are_dated_by_the_publication_day() -> None:
    # "Government and ELN resume peace talks in Havana" as the headline of an article of 2024-01-22
    lead = Result("a", "2024-01-22", entities=[COL, ELN], events=[ev("x", 0)])
    assert dates(lead) == ["2024-01-22"]


def test_talks_told_below_the_lead_stay_undated() -> None:
    # "The talks were attended by observers from Norway" far into the article: not its news
    below = Result("a", "2024-01-22", entities=[COL, ELN], events=[ev("x", LEAD_CHARS + 100)])
    assert dates(below) == [None]


def test_a_stated_day_comes_before_the_news_day() -> None:
    stated = Result("a", "2024-01-25", entities=[COL, ELN], events=[ev("x", 0, date="2024-01-22")])
    earlier = Result("b", "2024-01-25", entities=[COL, ELN], events=[ev("y", 0, date="PAST_REF")])
    assert dates(stated) == ["2024-01-22"] and dates(earlier) == ["PAST_REF"]


def test_an_announced_act_in_the_lead_stays_undated() -> None:
    # "Government and ELN to resume talks": what will happen is no news of a day past
    announced = Result("a", "2024-01-22", entities=[COL, ELN], events=[ev("x", 0, status="future")])
    assert dates(announced) == [None]


def test_an_article_without_a_publication_day_dates_nothing() -> None:
    undated = Result("a", None, entities=[COL, ELN], events=[ev("x", 0)])
    assert dates(undated) == [None]


def test_the_news_day_is_the_first_article_telling_it_in_its_lead() -> None:
    first = Result("a", "2024-01-22", entities=[COL, ELN], events=[ev("x", 0)])
    later = Result("b", "2024-01-23", entities=[COL, ELN], events=[ev("y", 0)])
    merged = build_ledger([later, first]).events
    assert [(len(e.mentions), e.date) for e in merged] == [(2, "2024-01-22")]
