"""Talks the events component gave the article's mediator as host (mode ``third-party``, every recipient
implicit: "Nordavia and Ostland held talks" in an article naming Westmark as mediator) merge as the
sentence told them (``reports.as_told``): the parties' talks, with no mode and no one receiving them.

Made-up reports: talks between two fictional states, Nordavia (NRD) and Ostland (OST), which a third,
Westmark (WST), mediates; one outlet names the mediator, the other does not.
"""

from __future__ import annotations

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.reports import as_told, incompatibility, reports_of
from peacewatch.types import Argument, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
WST = Entity("w", "Westmark", "state", "WST", "GOV")
DAY = "2024-05-02"


def _arg(e: Entity, implicit: bool = False) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name, implicit=implicit)


def _talks(eid: str, start: int, actor: list[Entity], recipient: list[Argument], mode: str | None) -> Event:
    return Event(eid, "CONSULT", (start, start + 5), (start, start + 50), mode=mode, status="occurred",
                 actor=[_arg(a) for a in actor], recipient=recipient, date=DAY)


def _doc(doc: str, *events: Event) -> Result:
    return Result(doc, DAY, entities=[NRD, OST, WST], events=list(events))


def _reports(result: Result) -> list:  # type: ignore[type-arg]
    ids = {(result.id, e.id): f"state:{e.code}" for e in result.entities}
    return sorted(reports_of([result], ids, LedgerSettings()), key=lambda r: r.event.id)


# a: "Nordavia and Ostland held talks" (Westmark, the article's mediator, receiving them) and "Nordavia's
# envoy met Ostland's"; b: "Nordavia and Ostland held talks", no mediator named
HOSTED = _doc("a", _talks("ev1", 0, [NRD, OST], [_arg(WST, implicit=True)], "third-party"),
              _talks("ev2", 200, [NRD], [_arg(OST)], None))
PLAIN = _doc("b", _talks("ev1", 0, [NRD, OST], [], None))


def test_the_articles_mediator_is_no_side_the_ledger_merges_by() -> None:
    # before: the host Westmark and the recipient Ostland kept the two sentences apart
    hosted, met = _reports(HOSTED)
    assert (hosted.event.mode, hosted.recipients) == (None, ())
    assert incompatibility(hosted, met, LedgerSettings()) is None


def test_the_talks_of_both_outlets_are_one_ledger_event() -> None:
    events = build_ledger([HOSTED, PLAIN]).events
    assert sorted(sorted({m.doc for m in e.mentions}) for e in events) == [["a", "b"]]


def test_the_documents_event_keeps_its_host() -> None:
    # the merging reads the talks as told; the document's own event is left as the events component coded it
    event = HOSTED.events[0]
    assert as_told(event) is not event
    assert (event.mode, [r.code for r in event.recipient]) == ("third-party", ["WST"])


def test_a_host_the_sentence_names_still_keeps_talks_apart() -> None:
    # "talks hosted by Westmark" (a told recipient) and "Nordavia met Ostland": two meetings
    told = _doc("c", _talks("ev1", 0, [NRD, OST], [_arg(WST)], "third-party"),
                _talks("ev2", 200, [NRD], [_arg(OST)], None))
    hosted, met = _reports(told)
    assert hosted.event.mode == "third-party"
    assert incompatibility(hosted, met, LedgerSettings()) == "actors or recipients differ"
