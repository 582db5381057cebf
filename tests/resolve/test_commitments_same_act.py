"""Only the promised act keeps a promise, and only the opposite act breaks it (coding guide, commitments:
a later report shows *the act*; a later report shows *the opposite act*). Each of these failed before the
sixth round of issue #14 (docs/ledger.md, "sixth round: commitments")."""

from __future__ import annotations

from tests.resolve.test_commitments import ARM, AZE, ev, judge, later, promise

AGREED = {"type": "AGREE", "mode": None}


def test_an_agreement_of_no_named_act_is_not_kept_by_whatever_act_follows() -> None:
    """An agreement whose act the text does not name ("the parties agreed in Caracas") was kept by any later
    retreat, cooperation or aid of its parties: a December agreement by a truce in August and a release in
    November. Its act unknown, no later act shows it carried out; a signing still does."""
    for type_, mode in (("RETREAT", "release"), ("RETREAT", "ceasefire"), ("COOPERATE", None), ("AID", None)):
        act = later("b", "2024-01-05", ev("x", type_, [AZE], [ARM], mode=mode, date="2024-01-04"))
        c = judge(promise(AGREED, ["e1"], ["e2"]), act)
        assert (c.status, c.fulfilled_by, c.level) == ("open", [], 0), type_
    signed = later("b", "2024-01-05", ev("x", "SUPPORT", [AZE], [ARM], mode="sign", date="2024-01-04"))
    assert judge(promise(AGREED, ["e1"], ["e2"]), signed).status == "fulfilled"


def test_a_rejection_does_not_break_an_agreement_but_walking_out_does() -> None:
    """A REJECT of the obligor toward the other side after an agreement broke it, whatever was rejected
    (a demand, an accusation, a proposal): the opposite of an agreement is withdrawing from it."""
    rejected = later("c", "2024-02-01", ev("y", "REJECT", [AZE], [ARM], date="2024-01-31"))
    for action in (AGREED, {"type": "SUPPORT", "mode": None}):
        c = judge(promise(action, ["e1"], ["e2"]), rejected)
        assert (c.status, c.broken_by) == ("open", []), action
    walked = later("c", "2024-03-01", ev("y", "SANCTION", [AZE], [ARM], mode="withdraw", date="2024-02-28"))
    assert judge(promise(AGREED, ["e1"], ["e2"]), rejected, walked).status == "broken"


def test_a_retreat_is_kept_only_by_the_retreat_of_its_mode() -> None:
    """A promised release was kept by a RETREAT read with no mode, and a retreat of no named kind by a
    ceasefire or a release: PLOVER's modes of RETREAT are different acts."""
    unnamed = later("b", "2024-01-05", ev("x", "RETREAT", [AZE], [ARM], date="2024-01-04"))
    assert judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), unnamed).status == "open"
    truce = later("b", "2024-01-05", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2024-01-04"))
    assert judge(promise({"type": "RETREAT", "mode": None}, ["e1"], ["e2"]), truce).status == "open"
    freed = later("b", "2024-01-05", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2024-01-04"))
    c = judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), freed)
    assert (c.status, c.fulfilled_on) == ("fulfilled", "2024-01-04")


def test_promised_talks_are_kept_by_talks_of_any_format() -> None:
    """A mode of CONSULT is the format of the talks (mediated, a visit), not another act: a promise to
    negotiate is kept by mediated talks."""
    mediated = later("b", "2024-01-16", ev("x", "CONSULT", [AZE], [ARM], mode="third-party", date="2024-01-15"))
    c = judge(promise({"type": "CONSULT", "mode": None}, ["e1"], ["e2"]), mediated)
    assert (c.status, c.fulfilled_on) == ("fulfilled", "2024-01-15")


def test_a_release_announced_is_fulfilled_on_the_day_it_was_carried_out() -> None:
    """The fulfilment day is the day the report states for the act, not the day it was published."""
    freed = later("b", "2023-12-20", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13"))
    c = judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), freed)
    assert (c.status, c.fulfilled_on, c.level) == ("fulfilled", "2023-12-13", 3)
