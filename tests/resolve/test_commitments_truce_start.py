"""Fighting before a truce takes effect breaks none (issue #14, seventh round: docs/ledger.md, "seventh round:
commitments"): the rule held only for a truce later reported in force; one never reported in force was
broken by the fighting of the days between the deal and the day it was to start."""

from __future__ import annotations

from tests.resolve.test_commitments import ARM, AZE, ev, judge, later, promise

CEASEFIRE = {"type": "RETREAT", "mode": "ceasefire"}


def test_fighting_before_the_truce_starts_breaks_nothing() -> None:
    """A truce agreed on 7 December to take effect on the 10th is not broken by an attack on the 8th."""
    fight = later("b", "2023-12-09", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-08"))
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-10"), fight)
    assert (c.status, c.broken_by) == ("open", [])


def test_fighting_after_the_truce_starts_breaks_it() -> None:
    fight = later("b", "2023-12-12", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-11"))
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-10"), fight)
    assert c.status == "broken" and c.broken_by
