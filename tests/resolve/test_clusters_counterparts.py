"""A shared actor and dates that agree only as a month or a year are no evidence of one act when each
report names another coded party the other does not (``evidence``, ``reports._counterparts_differ``):
Nordavia agreeing with the Nordavian Front to talk "in May" is not its signing with Ostland on 2 May.

Made-up reports: two fictional states, Nordavia (NRD) and Ostland (OST), a rebel group of Nordavia (the
Front, NRD with sector REB) and a mediator, Westmark (WST), told by several outlets.
"""

from __future__ import annotations

from peacewatch.resolve import LedgerSettings
from peacewatch.resolve.evidence import evidence
from peacewatch.types import Entity, Event, Result
from tests.resolve.helpers import argument, docs_of_events, reports_by_doc

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
FRONT = Entity("f", "Nordavian Front", "armed_group", "NRD", "REB")
WST = Entity("w", "Westmark", "state", "WST", "GOV")
DAY, MONTH = "2024-05-02", "2024-05"


def _act(type_: str, mode: str | None, date: str, actors: list[Entity]) -> Event:
    return Event("ev1", type_, (0, 6), (0, 60), mode=mode, status="occurred", actor=[argument(a) for a in actors],
                 date=date)


def _doc(doc: str, event: Event) -> Result:
    return Result(doc, "2024-06-20", entities=[NRD, OST, FRONT, WST], events=[event])


SIGNED = [_doc("a", _act("SUPPORT", "sign", DAY, [NRD, OST])), _doc("b", _act("SUPPORT", "sign", DAY, [NRD, OST]))]
TALKS = _doc("c", _act("AGREE", None, MONTH, [NRD, FRONT]))  # "agreeing to negotiations with the Front in May"


def test_an_agreement_of_a_month_with_another_party_is_not_the_signing() -> None:
    reps = reports_by_doc(*SIGNED, TALKS)
    assert evidence(reps["c"], reps["a"], LedgerSettings()) is None
    assert docs_of_events(*SIGNED, TALKS) == [["a", "b"], ["c"]]


def test_the_deal_of_the_month_between_the_same_parties_joins_the_signing() -> None:
    # "the May deal between Nordavia and Ostland": no party the signing does not name
    deal = _doc("d", _act("AGREE", None, MONTH, [NRD, OST]))
    reps = reports_by_doc(*SIGNED, deal)
    assert evidence(deal_rep := reps["d"], reps["a"], LedgerSettings()) == "shared actor, stated dates agree"
    assert deal_rep.stated is not None and deal_rep.stated.days == 31
    assert docs_of_events(*SIGNED, deal) == [["a", "b", "d"]]


def test_a_mediator_named_beside_both_parties_is_no_other_act() -> None:
    # "Nordavia and Ostland agreed in May, with Westmark's mediation": Westmark is named by one side only
    mediated = _doc("e", _act("AGREE", None, MONTH, [NRD, OST, WST]))
    assert docs_of_events(*SIGNED, mediated) == [["a", "b", "e"]]


def test_two_stated_days_still_join_on_a_shared_actor() -> None:
    # the rule asks more only of a date coarser than a day: two outlets stating the same day of one
    # actor's act still join, whoever else each names
    other_day = _doc("g", _act("AGREE", None, DAY, [NRD, FRONT]))
    reps = reports_by_doc(*SIGNED, other_day)
    assert evidence(reps["g"], reps["a"], LedgerSettings()) == "shared actor, stated dates agree"
