"""A joint act told undated in the days after another outlet dated it (``evidence._undated_in_week``):
"the ceasefire" told as one side's, undated, the day after another outlet dated the truce of both sides
or of the other. Two joint acts (``reports.joint_act``: a truce, talks) need a shared country there,
as they do when both state their days; other acts still need a shared actor.

Made-up parties: Nordavia (NRD), its army and the Nordavian Front (NRD, sector REB); Ostland (OST).
"""

from __future__ import annotations

from peacewatch.resolve import LedgerSettings
from peacewatch.resolve.evidence import evidence
from peacewatch.resolve.reports import incompatibility
from peacewatch.types import Entity, Event, Result
from tests.resolve.helpers import argument, docs_of_events, reports_by_doc

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
ARMY = Entity("m", "Nordavian army", "organization", "NRD", "MIL")
FRONT = Entity("f", "Nordavian Front", "armed_group", "NRD", "REB")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
ENTITIES = [NRD, ARMY, FRONT, OST]


def _doc(doc: str, written: str, mode: str, actors: list[Entity], date: str | None) -> Result:
    event = Event("ev1", "RETREAT", (0, 6), (0, 40), mode=mode, status="occurred",
                  actor=[argument(a) for a in actors], date=date)
    return Result(doc, written, entities=ENTITIES, events=[event])


def test_a_truce_told_undated_the_next_day_by_one_side_joins_the_dated_one() -> None:
    # "Nordavia and the Front began a ceasefire on the 2nd" / the next day: "the Front's ceasefire held"
    dated, undated = _doc("a", "2024-05-02", "ceasefire", [NRD], "2024-05-02"), _doc(
        "b", "2024-05-03", "ceasefire", [FRONT], None)
    reps = reports_by_doc(dated, undated)
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) is None
    assert evidence(reps["b"], reps["a"], LedgerSettings()) is not None
    assert docs_of_events(dated, undated) == [["a", "b"]]


def test_one_sides_act_told_undated_needs_a_shared_actor() -> None:
    # a withdrawal is no joint act: the army's undated one is not the Front's of the day before
    dated, undated = _doc("a", "2024-05-02", "withdraw", [FRONT], "2024-05-02"), _doc(
        "b", "2024-05-03", "withdraw", [ARMY], None)
    reps = reports_by_doc(dated, undated)
    assert evidence(reps["b"], reps["a"], LedgerSettings()) is None


def test_a_truce_of_another_country_or_week_stays_apart() -> None:
    reps = reports_by_doc(_doc("a", "2024-05-02", "ceasefire", [NRD], "2024-05-02"),
                    _doc("b", "2024-05-03", "ceasefire", [OST], None))
    assert evidence(reps["b"], reps["a"], LedgerSettings()) is None
    # told undated a week after the dated day: the days up to the article do not reach it
    dated, late = _doc("a", "2024-05-02", "ceasefire", [NRD], "2024-05-02"), _doc(
        "b", "2024-05-09", "ceasefire", [FRONT], None)
    assert evidence(reports_by_doc(dated, late)["b"], reports_by_doc(dated, late)["a"], LedgerSettings()) is None
    assert docs_of_events(dated, late) == [["a"], ["b"]]
