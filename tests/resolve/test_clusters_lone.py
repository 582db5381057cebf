"""A report told less precisely than a day (undated, or by its month) joins, without other evidence, the
one cluster in which another outlet tells the act of one of its actors on a day within its date (or,
both undated, without a day in days that overlap its own), and only when no second cluster tells such
an act (``clusters.place``, ``Cluster._lone``): with two it is not known which the report tells, and
its own article's other reports of that kind were told apart by their writer.

Made-up reports: Nordavia (NRD) shelling Ostland (OST), told by outlets a day or two later.
"""

from __future__ import annotations

import random

from peacewatch.resolve import build_ledger
from peacewatch.types import Argument, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
WST = Entity("w", "Westmark", "state", "WST", "GOV")


def _arg(e: Entity) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name)


def _attack(eid: str, start: int, date: str | None, recipient: list[Entity] | None = None,
            actor: Entity = NRD, killed: int | None = None) -> Event:
    return Event(eid, "ASSAULT", (start, start + 7), (start, start + 60), status="occurred", actor=[_arg(actor)],
                 recipient=[_arg(r) for r in recipient or []], date=date,
                 quantity={"value": killed, "unit": "person"} if killed is not None else None)


def _doc(doc: str, published: str, *events: Event) -> Result:
    return Result(doc, published, entities=[NRD, OST, WST], events=list(events))


def _groups(results: list[Result]) -> list[list[str]]:
    return sorted(sorted(f"{m.doc}#{m.event}" for m in e.mentions) for e in build_ledger(results).events)


# a: "Nordavia shelled Ostland's border towns on Monday" (the 4th); b, two days later: "Nordavian
# shelling" told without a day or a recipient: compatible, but a shared actor alone is no evidence
DATED = _doc("a", "2024-03-04", _attack("ev1", 0, "2024-03-04", [OST]))
LATER = _doc("b", "2024-03-06", _attack("ev1", 0, None))


def test_an_undated_report_joins_the_one_act_of_its_actor_told_on_a_day_of_its_week() -> None:
    assert _groups([DATED, LATER]) == [["a#ev1", "b#ev1"]]
    why = build_ledger([DATED, LATER]).events[0].why
    assert "b#ev1 joined a#ev1: the only ASSAULT of a shared actor on a day its date can be" in why


def test_a_month_joins_the_one_day_of_that_act_in_it() -> None:
    month = _doc("c", "2024-03-20", _attack("ev1", 0, "2024-03"))
    assert _groups([DATED, month]) == [["a#ev1", "c#ev1"]]


def test_two_acts_told_on_days_of_its_week_leave_it_apart() -> None:
    # another outlet tells Nordavia's shelling of Westmark on the 5th: the undated report could be either
    other = _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST]))
    assert _groups([DATED, LATER, other]) == [["a#ev1"], ["b#ev1"], ["d#ev1"]]


def test_a_day_its_own_article_tells_apart_is_not_its_own() -> None:
    # the undated report's own article states the day of another report of that kind: its writer told
    # two acts, so neither joins the other, nor does the undated one join a third outlet's report of that day
    own = _doc("e", "2024-03-06", _attack("ev1", 0, "2024-03-04", [OST]), _attack("ev2", 200, None))
    assert _groups([own]) == [["e#ev1"], ["e#ev2"]]


def test_a_report_of_another_actor_or_an_older_day_is_not_taken() -> None:
    other_actor = _doc("f", "2024-03-06", _attack("ev1", 0, None, actor=OST))
    too_old = _doc("g", "2024-03-20", _attack("ev1", 0, None))  # placed in the week up to the 20th
    assert _groups([DATED, other_actor, too_old]) == [["a#ev1"], ["f#ev1"], ["g#ev1"]]


def test_the_order_of_the_documents_changes_nothing() -> None:
    other = _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST]))
    month = _doc("c", "2024-03-20", _attack("ev1", 0, "2024-03"))
    results = [DATED, LATER, other, month]
    expected = _groups(results)
    for seed in range(6):
        shuffled = list(results)
        random.Random(seed).shuffle(shuffled)
        assert _groups(shuffled) == expected


# Tenth round: both undated. b (the 6th) and h (the 8th) each tell Nordavian shelling without a day;
# each is placed in the days up to its article, and those days overlap.
UNDATED_TOO = _doc("h", "2024-03-08", _attack("ev1", 0, None))


def test_two_undated_reports_of_overlapping_days_are_the_one_act_of_their_actor() -> None:
    assert _groups([LATER, UNDATED_TOO]) == [["b#ev1", "h#ev1"]]
    why = build_ledger([LATER, UNDATED_TOO]).events[0].why
    assert "h#ev1 joined b#ev1: the only ASSAULT of a shared actor told undated in the same days" in why


def test_an_outlet_telling_two_undated_acts_leaves_a_third_apart() -> None:
    # b's writer tells two Nordavian shellings of that week: it is not known which one h tells
    two = _doc("b", "2024-03-06", _attack("ev1", 0, None), _attack("ev2", 200, None))
    assert _groups([two, UNDATED_TOO]) == [["b#ev1"], ["b#ev2"], ["h#ev1"]]


def test_undated_reports_of_days_that_do_not_overlap_stay_apart() -> None:
    weeks_later = _doc("k", "2024-03-20", _attack("ev1", 0, None))  # the 13th to the 20th
    assert _groups([LATER, weeks_later]) == [["b#ev1"], ["k#ev1"]]


def test_undated_reports_of_another_actor_stay_apart() -> None:
    ostland = _doc("m", "2024-03-07", _attack("ev1", 0, None, actor=OST))
    assert _groups([LATER, ostland]) == [["b#ev1"], ["m#ev1"]]


def test_the_order_of_undated_documents_changes_nothing() -> None:
    two = _doc("b", "2024-03-06", _attack("ev1", 0, None), _attack("ev2", 200, None))
    results = [two, UNDATED_TOO, _doc("n", "2024-03-09", _attack("ev1", 0, None)),
               _doc("p", "2024-03-12", _attack("ev1", 0, None, actor=OST))]
    expected = _groups(results)
    for seed in range(6):
        shuffled = list(results)
        random.Random(seed).shuffle(shuffled)
        assert _groups(shuffled) == expected


# Twelfth round: a second cluster is a rival only when it could hold the report. An act the report
# contradicts (another count, other parties, another mode) is not the one it tells, so it leaves no
# doubt between two acts.
def test_an_act_the_report_contradicts_is_no_second_act() -> None:
    # b tells a Nordavian shelling that killed 5, without a day; d tells one of Westmark on the 5th that
    # killed 30: b cannot be d's act, so a's shelling of the 4th is the only one it can be
    five = _doc("b", "2024-03-06", _attack("ev1", 0, None, killed=5))
    thirty = _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST], killed=30))
    assert _groups([DATED, five, thirty]) == [["a#ev1", "b#ev1"], ["d#ev1"]]
    why = build_ledger([DATED, five, thirty]).events[0].why
    assert "b#ev1 joined a#ev1: the only ASSAULT of a shared actor on a day its date can be" in why


def test_an_act_the_report_could_be_is_still_a_second_act() -> None:
    # d's shelling of Westmark gives no count: b's could be it, or a's
    five = _doc("b", "2024-03-06", _attack("ev1", 0, None, killed=5))
    other = _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST]))
    assert _groups([DATED, five, other]) == [["a#ev1"], ["b#ev1"], ["d#ev1"]]


def test_an_act_its_own_article_tells_apart_is_no_second_act() -> None:
    # e tells the shelling of Ostland on the 4th (one event with a's) and another shelling without a day;
    # its writer told that one apart, so Westmark's shelling of the 5th is the only act the other can be
    own = _doc("e", "2024-03-06", _attack("ev1", 0, "2024-03-04", [OST]), _attack("ev2", 200, None))
    westmark = _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST]))
    assert _groups([DATED, own, westmark]) == [["a#ev1", "e#ev1"], ["d#ev1", "e#ev2"]]


def test_the_order_of_documents_beside_a_contradicted_act_changes_nothing() -> None:
    results = [DATED, _doc("b", "2024-03-06", _attack("ev1", 0, None, killed=5)),
               _doc("d", "2024-03-05", _attack("ev1", 0, "2024-03-05", [WST], killed=30)),
               _doc("h", "2024-03-08", _attack("ev1", 0, None, killed=30))]
    expected = _groups(results)
    for seed in range(6):
        shuffled = list(results)
        random.Random(seed).shuffle(shuffled)
        assert _groups(shuffled) == expected
