"""A recipient a report also names among its own actors is a misreading ("Nordavia and Ostland signed
..., Ostland"): it says nothing of whom the act was done to, so it contradicts no other report's
recipient (``reports.incompatibility``), as it already shares no side in ``evidence.strength``.

Made-up reports: a deal between two fictional states, Nordavia (NRD) and Ostland (OST), witnessed by a
third, Westmark (WST), told by three outlets on the day it was signed.
"""

from __future__ import annotations

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.reports import incompatibility, reports_of
from peacewatch.types import Argument, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
WST = Entity("w", "Westmark", "state", "WST", "GOV")
DAY = "2024-05-02"


def _arg(e: Entity) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name)


def _signing(eid: str, start: int, actor: list[Entity], recipient: list[Entity]) -> Event:
    return Event(eid, "SUPPORT", (start, start + 6), (start, start + 50), mode="sign", status="occurred",
                 actor=[_arg(a) for a in actor], recipient=[_arg(r) for r in recipient], date=DAY)


def _doc(doc: str, *events: Event) -> Result:
    return Result(doc, DAY, entities=[NRD, OST, WST], events=list(events))


# a: "Nordavia and Ostland signed the deal before Westmark's envoy" and, further down, "Nordavia and
# Ostland signed ... with Ostland" (Ostland read on both sides); b and c: "the two states signed it"
MISREAD = _doc("a", _signing("ev1", 0, [NRD, OST], [WST]), _signing("ev2", 200, [NRD, OST], [OST]))
OTHERS = [_doc("b", _signing("ev1", 0, [NRD, OST], [])), _doc("c", _signing("ev1", 0, [NRD, OST], []))]


def test_a_recipient_also_among_the_actors_contradicts_no_recipient() -> None:
    ids = {(r.id, e.id): f"state:{e.code}" for r in [MISREAD] for e in r.entities}
    witnessed, misread = sorted(reports_of([MISREAD], ids, LedgerSettings()), key=lambda r: r.event.id)
    assert incompatibility(witnessed, misread, LedgerSettings()) is None


def test_a_misread_report_keeps_no_outlet_out_of_the_signing() -> None:
    # before, "a#ev2" (Ostland on both sides) contradicted "a#ev1" (witnessed by Westmark), so the
    # signing was two ledger events: a#ev1 alone and the other outlets with a#ev2
    events = build_ledger([MISREAD, *OTHERS]).events
    assert sorted(sorted({m.doc for m in e.mentions}) for e in events) == [["a", "b", "c"]]


def test_a_recipient_not_among_the_actors_still_contradicts() -> None:
    # "Ostland signed with Nordavia" and, in another sentence, "Ostland signed with Westmark": two signings
    lone = _doc("e", _signing("ev1", 0, [OST], [NRD]), _signing("ev2", 200, [OST], [WST]))
    ids = {(r.id, e.id): f"state:{e.code}" for r in [lone] for e in r.entities}
    first, second = sorted(reports_of([lone], ids, LedgerSettings()), key=lambda r: r.event.id)
    assert incompatibility(first, second, LedgerSettings()) == "actors or recipients differ"
