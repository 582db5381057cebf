"""An article without a publication day whose byline stamp, web address or dateline gives the day it
was written counts by that day where the ledger dates an event by its first report (a statement
said, an act told in the lead, "now"); the latest day its text merely states does not."""

from __future__ import annotations

from peacewatch.resolve import build_ledger
from peacewatch.types import Argument, Dated, Entity, Event, Result

SDN = Entity("e1", "Sudan", "state", "SDN", "GOV")
RSF = Entity("e2", "RSF", "armed group", "SDN", "REB")
ADDRESS = Dated("2024-09-16", "web address", None, "https://news.example/2024/09/16/talks")
LATEST = Dated("2024-09-10", "latest date in text", (300, 318), "September 10, 2024")


def _only_date(dated: Dated | None, event: Event) -> str | None:
    result = Result("a", None, dated=dated, entities=[SDN, RSF], events=[event])
    (merged,) = build_ledger([result]).events
    return merged.date


def _accusation() -> Event:
    # "The army accused the RSF of shelling the market."
    return Event("x", "ACCUSE", (400, 408), (380, 440), actor=[Argument("e1", "SDN", "GOV", "Sudan")],
                 recipient=[Argument("e2", "SDN", "REB", "RSF")])


def _lead_talks() -> Event:
    # "Army and RSF delegations meet in Jeddah" (the headline)
    return Event("y", "CONSULT", (20, 24), (0, 40), actor=[Argument("e1", "SDN", "GOV", "Sudan"),
                                                            Argument("e2", "SDN", "REB", "RSF")])


def test_a_statement_is_dated_by_the_day_the_web_address_gives() -> None:
    assert _only_date(ADDRESS, _accusation()) == "2024-09-16"


def test_an_act_in_the_lead_is_dated_by_the_day_the_web_address_gives() -> None:
    assert _only_date(ADDRESS, _lead_talks()) == "2024-09-16"


def test_the_latest_day_the_text_states_dates_neither() -> None:
    assert (_only_date(LATEST, _accusation()), _only_date(LATEST, _lead_talks())) == (None, None)


def test_without_any_day_neither_is_dated() -> None:
    assert (_only_date(None, _accusation()), _only_date(None, _lead_talks())) == (None, None)


def test_the_day_written_names_no_first_report() -> None:
    # the mention's publication and the event's first report stay what the article says: none
    result = Result("a", None, dated=ADDRESS, entities=[SDN, RSF], events=[_accusation()])
    (merged,) = build_ledger([result]).events
    assert (merged.first_reported, merged.mentions[0].published) == (None, None)
