"""The day a promise was kept (issue #14, seventh round: docs/ledger.md, "seventh round: commitments"):
the day of the act that kept it, never before the promise was made."""

from __future__ import annotations

from tests.resolve.test_commitments import ARM, AZE, ev, judge, later, promise

RELEASE = {"type": "RETREAT", "mode": "release"}


def test_an_act_dated_only_by_its_month_is_not_kept_before_the_promise() -> None:
    """A release a later article dates only "in December" kept the promise made on 7 December on the 1st,
    six days before it was made: the act follows the promise, so it happened on or after its day."""
    freed = later("b", "2024-03-01", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12"))
    c = judge(promise(RELEASE, ["e1"], ["e2"]), freed)
    assert (c.status, c.fulfilled_on) == ("fulfilled", "2023-12-07")


def test_an_act_dated_to_its_day_keeps_that_day() -> None:
    """The act's stated day after the promise stays the fulfilment day."""
    freed = later("b", "2024-03-01", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-19"))
    assert judge(promise(RELEASE, ["e1"], ["e2"]), freed).fulfilled_on == "2023-12-19"
