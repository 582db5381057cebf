"""A merged statement (a demand, an accusation, a refusal, a threat) that no report dates is dated by
the day it was first reported: the news tells what was said the day it was said. Acts that are done,
not said, and statements announced or denied stay undated."""

from __future__ import annotations

from typing import Any

from peacewatch.resolve import build_ledger
from peacewatch.types import Argument, Entity, Event, Result

COL = Entity("e1", "Colombia", "state", "COL", "GOV")
ELN = Entity("e2", "ELN", "armed group", "COL", "REB")


def ev(eid: str, kind: str, **fields: Any) -> Event:
    fields.setdefault("actor", [Argument("e1", "COL", "GOV", "Colombia")])
    fields.setdefault("recipient", [Argument("e2", "COL", "REB", "ELN")])
    return Event(eid, kind, (0, 5), (0, 40), **fields)


def only_date(result: Result) -> str | None:
    (event,) = build_ledger([result]).events
    return event.date


def test_an_accusation_no_report_dates_is_dated_by_its_publication() -> None:
    # "Both sides blamed the other for dragging feet."
    said = Result("a", "2025-08-18", entities=[COL, ELN], events=[ev("x", "ACCUSE", mode="allege")])
    assert only_date(said) == "2025-08-18"


def test_a_demand_told_as_requested_is_dated_too() -> None:
    # "'We demand that the ELN immediately release Mr. Diaz,' the peace negotiator said."
    demand = Result("a", "2023-11-02", entities=[COL, ELN], events=[ev("x", "REQUEST", status="requested")])
    assert only_date(demand) == "2023-11-02"


def test_an_act_that_is_done_not_said_stays_undated() -> None:
    # "The army withdrew from the town." names no day: told below the lead, the withdrawal may be days
    # old (told in the lead it is the article's news, test_events_news.py)
    done = Result("a", "2025-08-18", entities=[COL, ELN],
                  events=[Event("x", "RETREAT", (900, 905), (880, 930), mode="withdraw",
                                actor=[Argument("e1", "COL", "GOV", "Colombia")])])
    assert only_date(done) is None


def test_a_threat_announced_or_a_denied_accusation_stays_undated() -> None:
    announced = Result("a", "2025-08-18", entities=[COL, ELN], events=[ev("x", "THREATEN", status="future")])
    denied = Result("b", "2025-08-18", entities=[COL, ELN], events=[ev("y", "ACCUSE", status="negated")])
    assert (only_date(announced), only_date(denied)) == (None, None)


def test_a_stated_day_or_an_earlier_unknown_day_comes_first() -> None:
    stated = Result("a", "2025-08-18", entities=[COL, ELN], events=[ev("x", "ACCUSE", date="2025-08-15")])
    earlier = Result("b", "2025-08-18", entities=[COL, ELN], events=[ev("y", "ACCUSE", date="PAST_REF")])
    assert (only_date(stated), only_date(earlier)) == ("2025-08-15", "PAST_REF")


def test_a_statement_in_an_article_without_a_publication_day_names_no_day() -> None:
    undated = Result("a", None, entities=[COL, ELN], events=[ev("x", "ACCUSE")])
    assert only_date(undated) is None
