"""A report joins the cluster that takes it on the strongest evidence (``clusters.place``,
``evidence.strength``), not the first one made that takes it, and the earliest made of equals, so
the order clusters are offered in and the order documents arrive in change nothing.

The reports are made up for these tests: a prisoner exchange between two fictional states,
Nordavia (NRD) and Ostland (OST), told by three outlets.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.clusters import Cluster, MemoryBucket, place
from peacewatch.resolve.evidence import strength
from peacewatch.resolve.reports import Report, reports_of
from peacewatch.types import Argument, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
DAY = "2024-03-06"
SLACK = dt.timedelta(days=1)


def _arg(e: Entity) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name)


def _release(doc: str, actor: list[Entity], recipient: list[Entity], count: int | None = None,
             day: str | None = DAY) -> Result:
    event = Event("ev1", "RETREAT", (0, 8), (0, 60), mode="release", status="occurred",
                  actor=[_arg(a) for a in actor], recipient=[_arg(r) for r in recipient], date=day,
                  quantity={"value": count, "unit": "person"} if count else None)
    return Result(doc, DAY, entities=[NRD, OST], events=[event])


def _groups(results: list[Result]) -> list[list[str]]:
    return sorted(sorted(m.doc for m in e.mentions) for e in build_ledger(results).events)


# a: "the exchange returned 32 Nordavians and Ostlanders" (no doer); b: "Ostland freed two
# Nordavians" (a count that rules out a's 32); c: "Ostland released the Nordavian prisoners" (no count)
EXCHANGE = [_release("a", [], [NRD, OST], 32), _release("b", [OST], [NRD], 2), _release("c", [OST], [NRD])]


def test_a_report_joins_the_cluster_sharing_its_actor_and_recipient_not_the_first_that_takes_it() -> None:
    # c could join a's cluster (doer unknown, the same day, a shared recipient) or b's (the same doer
    # and recipient on the same day): b's is the stronger evidence, though a's cluster was made first
    assert _groups(EXCHANGE) == [["a"], ["b", "c"]]
    why = next(e.why for e in build_ledger(EXCHANGE).events if len(e.mentions) == 2)
    assert "c#ev1 joined b#ev1: shared actor" in why


def test_the_choice_does_not_depend_on_the_order_of_the_documents() -> None:
    expected = _groups(EXCHANGE)
    for seed in range(6):
        shuffled = list(EXCHANGE)
        random.Random(seed).shuffle(shuffled)
        assert _groups(shuffled) == expected


def _reports(*results: Result) -> list[Report]:
    ids = {(r.id, e.id): f"state:{e.code}" for r in results for e in r.entities}
    return reports_of(list(results), ids, LedgerSettings())


class Reversed(MemoryBucket):
    """The index's clusters offered last made first: the order must not matter."""

    def candidates(self, rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> Iterator[Cluster]:
        return iter(list(super().candidates(rep, slack, similarity))[::-1])


def _placed(bucket: MemoryBucket, reports: list[Report]) -> list[list[str]]:
    for rep in reports:
        place(bucket, rep, LedgerSettings(), SLACK)
    return [[m.doc for m in c.members] for c in bucket.clusters()]


def test_of_equally_strong_clusters_the_earliest_made_takes_it_whatever_the_order_offered() -> None:
    # two counts of one doer that day (32 and 2: two acts) and a third report without a count:
    # it shares the doer and the day with both, so the first cluster made takes it
    reports = _reports(_release("a", [OST], [], 32), _release("b", [OST], [], 2), _release("c", [OST], []))
    assert _placed(MemoryBucket(), reports) == [["a", "c"], ["b"]]
    assert _placed(Reversed(), reports) == [["a", "c"], ["b"]]
    stronger = _reports(_release("a", [OST], [], 32), _release("b", [OST], [NRD], 2), _release("c", [OST], [NRD]))
    assert _placed(Reversed(), stronger) == _placed(MemoryBucket(), stronger) == [["a"], ["b", "c"]]


def _rank(first: Result, second: Result) -> Any:
    a, b = _reports(first), _reports(second)
    return strength(a[0], b[0], LedgerSettings())


def test_strength_ranks_both_sides_then_an_actor_then_the_day_and_count() -> None:
    both = _rank(_release("x", [OST], [NRD]), _release("y", [OST], [NRD]))
    actor_day = _rank(_release("x", [OST], [NRD]), _release("y", [OST], []))
    actor_only = _rank(_release("x", [OST], [NRD], day="2024-03"), _release("y", [OST], [], day=DAY))
    recipient_day = _rank(_release("x", [OST], [NRD]), _release("y", [], [NRD]))
    count = _rank(_release("x", [OST], [], 32), _release("y", [OST], [], 32))
    assert both > count > actor_day > actor_only > recipient_day


def test_a_party_on_both_sides_of_a_report_is_no_shared_recipient() -> None:
    # "Ostland's minister and Nordavia signed, Ostland ..." read with Ostland on both sides: that
    # Ostland is also a recipient of another report is no evidence of who the act was done to
    misread = _rank(_release("x", [OST, NRD], [OST]), _release("y", [NRD], [OST]))
    plain = _rank(_release("x", [NRD], [OST]), _release("y", [NRD], [OST]))
    assert misread[0] == 1 and plain[0] == 2
