"""A promise to concede and the concession announced are one act to come: the coding guide makes
promises AGREE and announced retreats not yet carried out CONCEDE (both status future), so one
outlet's "Nordavia promised to pull its troops back" and another's "Nordavia will withdraw its
troops" tell one event. A promise to meet (CAMEO 036) is no concession and stays apart; promises
alone stay AGREE in the ledger.

The reports are made up: Nordavia (NRD) and Ostland (OST) on one spring day.
"""

from __future__ import annotations

from peacewatch.resolve import build_ledger
from peacewatch.resolve.reports import PROMISED, merge_kind
from peacewatch.types import Argument, Entity, Event, Result

from .helpers import why_apart

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
DAY = "2024-04-10"


def _act(doc: str, etype: str, cameo: str | None, status: str = "future") -> Result:
    event = Event("ev1", etype, (0, 8), (0, 60), status=status, date=DAY, cameo=cameo,
                  actor=[Argument(NRD.id, NRD.code, NRD.sector, NRD.name)],
                  recipient=[Argument(OST.id, OST.code, OST.sector, OST.name)])
    return Result(doc, DAY, entities=[NRD, OST], events=[event])


def test_a_promise_and_the_announced_withdrawal_of_two_outlets_are_one_event() -> None:
    promise, withdrawal = _act("d1", "AGREE", "030"), _act("d2", "CONCEDE", "0874")
    assert merge_kind(promise.events[0]) == merge_kind(withdrawal.events[0]) == PROMISED
    assert why_apart(promise, withdrawal) is None
    events = build_ledger([promise, withdrawal]).events
    assert len(events) == 1
    assert events[0].type == "CONCEDE"  # the concession says what was promised
    assert events[0].sources == 2


def test_a_promise_to_meet_is_no_concession() -> None:
    meeting, withdrawal = _act("d1", "AGREE", "036"), _act("d2", "CONCEDE", "0874")
    assert merge_kind(meeting.events[0]) == "AGREE"
    assert why_apart(meeting, withdrawal) == "type or status differs"
    assert len(build_ledger([meeting, withdrawal]).events) == 2


def test_an_agreement_that_happened_is_not_the_concession_announced() -> None:
    # "Nordavia and Ostland agreed" (AGREE occurred) stays apart from what the deal announces
    agreed, withdrawal = _act("d1", "AGREE", "030", "occurred"), _act("d2", "CONCEDE", "0874")
    assert merge_kind(agreed.events[0]) == "AGREE"
    assert why_apart(agreed, withdrawal) == "type or status differs"


def test_promises_alone_stay_agree() -> None:
    events = build_ledger([_act("d1", "AGREE", "030"), _act("d2", "AGREE", "030")]).events
    assert len(events) == 1
    assert events[0].type == "AGREE"
