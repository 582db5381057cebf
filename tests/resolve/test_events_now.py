"""A merged event's date when its reports say only "now" (``PRESENT_REF``): the day the report was
published, which the merged record names itself (it was dropped, leaving the event undated)."""

from __future__ import annotations

from typing import Any

from peacewatch.resolve import build_ledger
from peacewatch.types import Argument, Entity, Event, Result

AZE = Entity("e1", "Azerbaijan", "state", "AZE", "GOV")
ARM = Entity("e2", "Armenia", "state", "ARM", "GOV")


def ev(eid: str, **fields: Any) -> Event:
    fields.setdefault("actor", [Argument("e1", "AZE", "GOV", "Azerbaijan")])
    fields.setdefault("recipient", [Argument("e2", "ARM", "GOV", "Armenia")])
    return Event(eid, "RETREAT", (0, 5), (0, 20), mode="ceasefire", **fields)


def dates(*docs: Result) -> list[tuple[list[str], str | None]]:
    ledger = build_ledger(docs)
    return sorted((sorted(f"{m.doc}#{m.event}" for m in e.mentions), e.date) for e in ledger.events)


def test_a_report_saying_now_dates_its_event_by_its_publication() -> None:
    now = Result("a", "2023-12-13", entities=[AZE, ARM], events=[ev("x", date="PRESENT_REF")])
    assert dates(now) == [(["a#x"], "2023-12-13")]


def test_of_reports_saying_now_on_different_days_the_earliest_is_the_merged_date() -> None:
    later = Result("a", "2023-12-15", entities=[AZE, ARM], events=[ev("x", date="PRESENT_REF")])
    earlier = Result("b", "2023-12-14", entities=[AZE, ARM], events=[ev("y", date="PRESENT_REF")])
    assert dates(later, earlier) == [(["a#x", "b#y"], "2023-12-14")]


def test_a_stated_date_comes_before_now() -> None:
    now = Result("a", "2023-12-15", entities=[AZE, ARM], events=[ev("x", date="PRESENT_REF")])
    stated = Result("b", "2023-12-14", entities=[AZE, ARM], events=[ev("y", date="2023-12-13")])
    assert dates(now, stated) == [(["a#x", "b#y"], "2023-12-13")]


def test_now_in_an_article_without_a_publication_day_names_no_day() -> None:
    undated = Result("a", None, entities=[AZE, ARM], events=[ev("x", date="PRESENT_REF")])
    assert dates(undated) == [(["a#x"], None)]
