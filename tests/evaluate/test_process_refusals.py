"""An article apart from the ledger event paired with a key event, counted by what that event's members
say of the article's furthest report (``process_misses.refusal``): the resolve-level reason, where
``articles apart`` gives the scorer's.

The reports are made up: Nordavia (NRD) shelling Ostland (OST) on 5 March 2024.
"""

from __future__ import annotations

import pytest

from peacewatch.config import LedgerSettings
from peacewatch.evaluate.process_misses import refusal, resolved_reports
from peacewatch.types import Argument, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
DAY = "2024-03-05"
SETTINGS = LedgerSettings()


def _arg(ent: Entity) -> Argument:
    return Argument(ent.id, ent.code, ent.sector, ent.name)


def _result(doc: str, published: str, *, etype: str = "ASSAULT", date: str | None = DAY,
            actor: Entity | None = NRD, recipient: Entity | None = OST) -> Result:
    event = Event("ev1", etype, (0, 8), (0, 60), status="occurred", date=date,
                  actor=[_arg(actor)] if actor else [], recipient=[_arg(recipient)] if recipient else [])
    return Result(doc, published, entities=[NRD, OST], events=[event])


def _why(other: Result) -> str:
    paired = _result("d1", DAY)
    found = resolved_reports([paired, other], SETTINGS)
    return refusal([found.reports[(other.id, "ev1")]], [found.reports[("d1", "ev1")]], SETTINGS)


@pytest.mark.parametrize("other, why", [
    (_result("d2", DAY, etype="AGREE"), "type or status"),
    (_result("d2", DAY, actor=OST, recipient=NRD), "parties"),
    (_result("d2", "2024-06-01", date="2024-05-30"), "date stated"),
    (_result("d2", "2024-06-01", date=None), "date undated"),
    (_result("d2", None, date=None), "unplaced"),
    # no doer and no one it was done to: nothing contradicts the shelling, nothing shows it is the one
    (_result("d2", DAY, actor=None, recipient=None), "no evidence"),
])
def test_an_article_apart_is_counted_by_what_the_paired_members_say(other: Result, why: str) -> None:
    assert _why(other) == why


def test_the_furthest_report_of_the_article_counts() -> None:
    # the article tells an agreement (refused for its type) and the shelling undated (refused for its date)
    paired = _result("d1", DAY)
    wrong_type = _result("d2", DAY, etype="AGREE")
    two = Result("d2", "2024-06-01", entities=[NRD, OST],
                 events=[wrong_type.events[0], Event("ev2", "ASSAULT", (70, 78), (70, 120), status="occurred",
                                                      actor=[_arg(NRD)], recipient=[_arg(OST)])])
    found = resolved_reports([paired, two], SETTINGS)
    members = [found.reports[("d1", "ev1")]]
    assert refusal([found.reports[("d2", "ev1")], found.reports[("d2", "ev2")]], members, SETTINGS) == "date undated"
    assert refusal([], members, SETTINGS) == "no report"
