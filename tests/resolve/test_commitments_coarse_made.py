"""A breach is an act of the obligor contrary to the promise, after it (coding guide): fighting in the
month a truce promised "in December" was made is not certainly after it, so it breaks nothing; fighting
after that month does (issue #14, seventh round, follow-up: docs/ledger.md)."""

from __future__ import annotations

from peacewatch.types import Commitment, Result
from tests.resolve.test_commitments import ARM, AZE, ENTS, ev, judge, later

CEASEFIRE = {"type": "RETREAT", "mode": "ceasefire"}


def _promised_in(made: str) -> Result:
    event = ev("p", "RETREAT", [], [], mode="ceasefire", status="future")
    c = Commitment("c1", "p", ["e1"], ["e2"], CEASEFIRE, made=made)
    return Result("promise", "2024-01-02", entities=ENTS, events=[event], commitments=[c])


def test_fighting_in_the_month_a_truce_was_promised_breaks_nothing() -> None:
    fight = later("b", "2024-01-03", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-20"))
    c = judge(_promised_in("2023-12"), fight)
    assert (c.status, c.broken_by) == ("open", [])


def test_fighting_after_that_month_breaks_it() -> None:
    fight = later("b", "2024-01-05", ev("x", "ASSAULT", [AZE], [ARM], date="2024-01-04"))
    c = judge(_promised_in("2023-12"), fight)
    assert c.status == "broken" and c.broken_by


def test_a_truce_promised_on_a_day_is_broken_by_fighting_the_next_day() -> None:
    fight = later("b", "2023-12-21", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-20"))
    c = judge(_promised_in("2023-12-19"), fight)
    assert c.status == "broken" and c.broken_by


def test_an_attack_of_one_party_with_no_target_named_breaks_its_truce() -> None:
    """Coding guide: a breach is an act of the obligor contrary to the promise, after it. A truce
    Azerbaijan promised is broken by its shelling told with no recipient, not by Armenia's."""
    one_sided = {"type": "RETREAT", "mode": "ceasefire"}
    event = ev("p", "RETREAT", [], [], mode="ceasefire", status="future")
    promised = Result("promise", "2023-12-07", entities=ENTS, events=[event],
                      commitments=[Commitment("c1", "p", ["e1"], ["e2"], one_sided, made="2023-12-07")])
    shelling = later("b", "2023-12-12", ev("x", "ASSAULT", [AZE], [], date="2023-12-11"))
    assert judge(promised, shelling).status == "broken"
    other = later("b", "2023-12-12", ev("x", "ASSAULT", [ARM], [], date="2023-12-11"))
    assert judge(promised, other).status == "open"


def test_an_attack_with_neither_target_nor_day_breaks_nothing() -> None:
    """Told with no recipient and no date of its own, placed only by its report, an attack is too
    little to place after the truce ("the army and the ELN will stop all offensive operations"
    read as fighting): a two-sided clash so told still breaks it, as before."""
    event = ev("p", "RETREAT", [], [], mode="ceasefire", status="future")
    promised = Result("promise", "2023-12-07", entities=ENTS, events=[event],
                      commitments=[Commitment("c1", "p", ["e1"], ["e2"], CEASEFIRE, made="2023-12-07")])
    undated = later("b", "2023-12-12", ev("x", "ASSAULT", [AZE], []))
    assert judge(promised, undated).status == "open"
    clash = later("b", "2023-12-12", ev("x", "ASSAULT", [AZE, ARM], []))
    mutual = Result("promise", "2023-12-07", entities=ENTS, events=[event],
                    commitments=[Commitment("c1", "p", ["e1", "e2"], ["e1", "e2"], CEASEFIRE, made="2023-12-07")])
    assert judge(mutual, clash).status == "broken"
