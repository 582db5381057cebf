"""Two concessions are one event only when they concede the same act: CONCEDE has no mode, so the
events component gives it the CAMEO code of the act conceded (0841 a release, 0874 a withdrawal,
080 when it is not known), and the ledger keeps concessions of different acts apart.

The reports are made up: Nordavia (NRD) promising Ostland (OST) things on one day.
"""

from __future__ import annotations

import pytest

from peacewatch.resolve import build_ledger
from peacewatch.resolve.reports import cameo_agrees
from peacewatch.types import Argument, Entity, Event, Result

from .helpers import why_apart

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
DAY = "2024-03-06"


def _concession(doc: str, code: str | None, etype: str = "CONCEDE", mode: str | None = None) -> Result:
    event = Event("ev1", etype, (0, 8), (0, 60), mode=mode, status="future", date=DAY, cameo=code,
                  actor=[Argument(NRD.id, NRD.code, NRD.sector, NRD.name)],
                  recipient=[Argument(OST.id, OST.code, OST.sector, OST.name)])
    return Result(doc, DAY, entities=[NRD, OST], events=[event])


def test_an_announced_release_and_an_announced_withdrawal_do_not_merge() -> None:
    # "Nordavia will release the prisoners" / "Nordavia will withdraw its troops", the same day
    release, withdrawal = _concession("d1", "0841"), _concession("d2", "0874")
    assert why_apart(release, withdrawal) == "conceded acts differ"
    assert len(build_ledger([release, withdrawal]).events) == 2


def test_two_announced_releases_of_one_day_still_merge() -> None:
    results = [_concession("d1", "0841"), _concession("d2", "0841")]
    assert why_apart(*results) is None
    assert len(build_ledger(results).events) == 1


def test_a_concession_whose_act_is_unknown_is_not_kept_apart() -> None:
    # the bare root (yield) or no code: nothing tells the acts apart, the other evidence decides
    assert why_apart(_concession("d1", "080"), _concession("d2", "0874")) is None
    assert why_apart(_concession("d1", None), _concession("d2", "0874")) is None


def test_reports_with_a_mode_are_told_apart_by_it_not_by_their_codes() -> None:
    one, two = _concession("d1", "0841", "RETREAT", "release"), _concession("d2", "0842", "RETREAT", "release")
    assert why_apart(one, two) is None


@pytest.mark.parametrize("a, b, agrees", [
    ("0841", "0841", True), ("080", "0841", True), ("0841", "080", True), (None, "0874", True),
    ("0841", "0874", False), ("0871", "0874", False), ("080", "0574", False),
])
def test_cameo_codes_agree_when_equal_unknown_or_one_is_the_bare_root(a: str | None, b: str | None,
                                                                     agrees: bool) -> None:
    assert cameo_agrees(a, b) is agrees
