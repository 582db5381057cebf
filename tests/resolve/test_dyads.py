from __future__ import annotations

import pytest

from peacewatch.resolve import build_ledger
from peacewatch.resolve.dyads import DyadView, dyad_events, dyad_pairs, dyad_view, party_token
from peacewatch.resolve.records import Ledger

from .helpers import event_reports, golden_results


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return build_ledger(golden_results())


def test_party_tokens() -> None:
    assert party_token("AZE") == "code:AZE"
    assert party_token("person:ararat-mirzoyan:ARM") == "person:ararat-mirzoyan:ARM"
    assert party_token("PERSON:ARARAT-MIRZOYAN:ARM") == "person:ararat-mirzoyan:ARM"
    assert party_token("aze") == "code:AZE" and party_token("STATE:aze") == "state:AZE"
    assert party_token("IGO:EUROPEAN-UNION:IGO") == "igo:european-union:IGO"


def test_dyad_is_symmetric_and_keeps_joint_statements(ledger: Ledger) -> None:
    forward = dyad_events(ledger.events, "AZE", "ARM")
    assert [e.id for e in forward] == [e.id for e in dyad_events(ledger.events, "ARM", "AZE")]
    joint = event_reports(ledger)[frozenset({"wire-a#ev1", "wire-b#ev1"})]
    assert joint in forward
    eu_praise = event_reports(ledger)[frozenset({"weekly-d#ev4"})]
    assert eu_praise not in forward
    assert eu_praise in dyad_events(ledger.events, "igo:european-union:IGO", "AZE")
    assert ("code:ARM", "code:AZE") in dyad_pairs(joint)


def test_filters(ledger: Ledger) -> None:
    released = dyad_events(
        ledger.events, "AZE", "ARM", type_="RETREAT", since="2023-12-10", until="2023-12-31"
    )
    assert {e.date for e in released} == {"2023-12-13"} and len(released) == 2


def test_periods_count_what_happened_by_quad_with_scores(ledger: Ledger) -> None:
    view = dyad_view(ledger.events, "AZE", "ARM")
    months = {p.period: p for p in view.months}
    december = months["2023-12"]
    # the joint AGREE and the two releases; the promises are not counted as things that happened
    assert december.events == 3
    assert december.quads["verbal_cooperation"] == 1 and december.quads["material_cooperation"] == 2
    assert december.score_sum == pytest.approx(2.5 + 6.5 + 6.5)
    assert months["2024-02"].quads["material_conflict"] == 1 and months["2024-02"].score_mean == -9.0
    weeks = {p.period for p in view.weeks}
    assert "2023-W50" in weeks and "2024-W07" in weeks


def test_negotiation_record_has_gaps_in_days(ledger: Ledger) -> None:
    view = dyad_view(ledger.events, "AZE", "ARM")
    kinds = [(s.kind, s.type, s.day) for s in view.negotiation]
    assert ("agreement", "AGREE", "2023-12-07") in kinds and ("proposal", "CONSULT", "2023-12-07") in kinds
    assert view.negotiation[0].days_since_previous is None
    assert all(s.days_since_previous is not None and s.days_since_previous >= 0 for s in view.negotiation[1:])


def test_view_round_trips(ledger: Ledger) -> None:
    view = dyad_view(ledger.events, "AZE", "ARM")
    assert DyadView.from_dict(view.to_dict()) == view


def test_a_response_records_how_long_the_proposal_waited() -> None:
    from peacewatch.resolve.dyads import negotiation_record
    from peacewatch.resolve.records import MergedEvent
    from peacewatch.types import Argument

    aze, arm = Argument("state:AZE", "AZE", "GOV", "Azerbaijan"), Argument("state:ARM", "ARM", "GOV", "Armenia")
    events = [
        MergedEvent("p", "REQUEST", status="occurred", actor=[aze], recipient=[arm], date="2024-03-01"),
        MergedEvent("r", "REJECT", status="occurred", actor=[arm], recipient=[aze], date="2024-03-11"),
        MergedEvent("m", "CONSULT", status="occurred", actor=[aze, arm], date="2024-04-01"),
    ]
    steps = negotiation_record(events, "AZE", "ARM")
    assert [(s.kind, s.side) for s in steps] == [("proposal", "a"), ("response", "b"), ("meeting", "both")]
    assert (steps[1].answers, steps[1].days_to_answer, steps[1].days_since_previous) == ("p", 10, 10)
    assert steps[2].answers is None and steps[2].days_since_previous == 21
