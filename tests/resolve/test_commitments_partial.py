"""A promise kept in part by an act told as a part or a start (``Event.partial``: "a first batch of",
"began withdrawing"): the status stays open (or overdue), the level is minimal (1) or by the share of a
promised count, ``partly_by`` names the act and its why the words; a later whole act keeps the promise
(docs/ledger.md, "Twelfth round: partial implementation")."""

from __future__ import annotations

from .test_commitments import ARM, AZE, ev, judge, later, promise

RELEASE = {"type": "RETREAT", "mode": "release"}
WITHDRAW = {"type": "RETREAT", "mode": "withdraw"}


def test_a_first_batch_released_keeps_the_promise_in_part_only() -> None:
    # before: fulfilled by the first batch
    first = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13",
                                        partial="a first batch"))
    c = judge(promise(RELEASE, ["e1"], ["e2"]), first)
    assert (c.status, c.level, c.fulfilled_on) == ("open", 1, None)
    assert c.partly_by == c.fulfilled_by and len(c.partly_by) == 1 and "'a first batch'" in c.why


def test_a_begun_withdrawal_past_its_due_date_is_overdue_not_fulfilled() -> None:
    begun = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="withdraw", date="2023-12-13",
                                        partial="began withdrawing"))
    c = judge(promise(WITHDRAW, ["e1"], ["e2"], due="2023-12-31"), begun, as_of="2024-02-01")
    assert (c.status, c.level) == ("overdue", 1) and c.partly_by


def test_a_whole_act_after_a_begun_one_keeps_the_promise_on_its_own_day() -> None:
    begun = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="withdraw", date="2023-12-13",
                                        partial="began withdrawing"))
    done = later("c", "2024-01-11", ev("y", "RETREAT", [AZE], [ARM], mode="withdraw", date="2024-01-10"))
    c = judge(promise(WITHDRAW, ["e1"], ["e2"]), begun, done)
    assert (c.status, c.level, c.fulfilled_on, c.partly_by) == ("fulfilled", 3, "2024-01-10", [])
    assert len(c.fulfilled_by) == 1


def test_a_part_with_a_count_is_measured_by_its_share() -> None:
    """A counted part: 30 of 40 promised prisoners is intermediate (2), the words or not; the whole
    count in two batches keeps nothing whole while one batch is told as a part of a larger one."""
    promised = {"type": "RETREAT", "mode": "release", "quantity": {"value": 40, "unit": "person"}}
    batch = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13",
                                        quantity={"value": 30, "unit": "person"}, partial="a first batch"))
    c = judge(promise(promised, ["e1"], ["e2"]), batch)
    assert (c.status, c.level) == ("open", 2) and "75%" in c.why


def test_a_joint_promise_one_side_whole_the_other_begun_is_intermediate() -> None:
    swap = RELEASE
    one = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13"))
    two = later("c", "2023-12-14", ev("y", "RETREAT", [ARM], [AZE], mode="release", date="2023-12-13",
                                      partial="some"))
    c = judge(promise(swap, ["e1", "e2"], ["e1", "e2"]), one, two)
    assert (c.status, c.level, len(c.partly_by)) == ("open", 2, 2)
