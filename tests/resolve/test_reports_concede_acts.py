"""Two concessions are one event only when they concede the same act: CONCEDE has no mode, so the
act each report promises (its document's commitment, as the commitments component reads it from
the events' ``action`` note) tells an announced release from an announced withdrawal.

The reports are made up: Nordavia (NRD) promising Ostland (OST) two things on one day.
"""

from __future__ import annotations

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.reports import incompatibility, reports_of
from peacewatch.types import Argument, Commitment, Entity, Event, Result

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
DAY = "2024-03-06"


def _concession(doc: str, acts: list[tuple[str, str]]) -> Result:
    event = Event("ev1", "CONCEDE", (0, 8), (0, 60), status="future", date=DAY,
                  actor=[Argument(NRD.id, NRD.code, NRD.sector, NRD.name)],
                  recipient=[Argument(OST.id, OST.code, OST.sector, OST.name)])
    promises = [Commitment(f"c{k}", "ev1", [NRD.id], [OST.id], {"type": t, "mode": m}, made=DAY)
                for k, (t, m) in enumerate(acts, 1)]
    return Result(doc, DAY, entities=[NRD, OST], events=[event], commitments=promises)


def _pair(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> str | None:
    settings = LedgerSettings()
    one, two = reports_of([_concession("d1", a), _concession("d2", b)], {}, settings)
    return incompatibility(one, two, settings)


def test_an_announced_release_and_an_announced_withdrawal_do_not_merge() -> None:
    # "Nordavia will release the prisoners" / "Nordavia will withdraw its troops", the same day
    assert _pair([("RETREAT", "release")], [("RETREAT", "withdraw")]) == "promised acts differ"
    results = [_concession("d1", [("RETREAT", "release")]), _concession("d2", [("RETREAT", "withdraw")])]
    assert len(build_ledger(results).events) == 2


def test_two_announced_releases_of_one_day_still_merge() -> None:
    assert _pair([("RETREAT", "release")], [("RETREAT", "release")]) is None
    results = [_concession("d1", [("RETREAT", "release")]), _concession("d2", [("RETREAT", "release")])]
    assert len(build_ledger(results).events) == 1


def test_a_concession_of_two_acts_merges_with_one_of_them() -> None:
    # "will withdraw and release the prisoners" and a report of the release alone
    assert _pair([("RETREAT", "withdraw"), ("RETREAT", "release")], [("RETREAT", "release")]) is None


def test_a_concession_whose_act_is_unknown_is_not_kept_apart() -> None:
    # no commitment read: nothing tells the acts apart, so the other evidence decides as before
    assert _pair([], [("RETREAT", "withdraw")]) is None
