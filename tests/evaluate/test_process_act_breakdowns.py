"""``eval process``'s breakdowns of commitments missed for their act and of wrong fulfilment days
(``process_commitment_misses.missed_act``, ``day_miss``), on a made-up ledger."""

from __future__ import annotations

from typing import Any

from peacewatch.evaluate.process_commitment_misses import day_miss, missed_act
from peacewatch.evaluate.process_ledger import load_ledger
from peacewatch.evaluate.process_match import _made_gap, interval


def _ledger() -> Any:
    events = [{"id": "ev-1", "type": "RETREAT", "date": "2024-03-06", "first_reported": "2024-03-06",
               "actor": [{"entity": "state:AAA", "code": "AAA"}], "recipient": [], "mentions": [{"doc": "d1"}]},
              {"id": "ev-2", "type": "RETREAT", "date": "2024-03-04", "first_reported": "2024-03-10",
               "actor": [{"entity": "state:AAA", "code": "AAA"}], "recipient": [], "mentions": [{"doc": "d2"}]}]
    commitments = [
        {"id": "cm-1", "event": "ev-1", "obligor": ["state:AAA"], "beneficiary": [],
         "action": {"type": "AGREE", "mode": None}, "made": "2024-03-02", "status": "open"},
        {"id": "cm-2", "event": "ev-1", "obligor": ["state:AAA"], "beneficiary": [],
         "action": {"type": "RETREAT", "mode": "release"}, "made": "2024-01-02", "status": "fulfilled",
         "fulfilled_on": "2024-03-06", "fulfilled_by": ["ev-1"]},
    ]
    return load_ledger(events, commitments, [{"id": "state:AAA", "code": "AAA"}])


def test_a_miss_for_its_act_is_counted_by_the_gold_act_and_the_acts_promised_that_week() -> None:
    ledger = _ledger()
    gold = {"obligor": ["AAA"], "made": "2024-03-01", "action": {"type": "COOPERATE"}}
    # the obligor's AGREE of that week counts; its release promised two months before does not
    assert missed_act(gold, ledger.commitments, _made_gap(gold)) == "COOPERATE / ledger AGREE"
    other = {"obligor": ["BBB"], "made": "2024-03-01", "action": {"type": "CONSULT"}}
    assert missed_act(other, ledger.commitments, _made_gap(other)) == "CONSULT / ledger none"


def test_a_wrong_fulfilment_day_is_counted_by_the_act_its_side_and_where_its_date_came_from() -> None:
    ledger = _ledger()
    events = {e["id"]: e for e in ledger.events}
    kept = ledger.commitments[1]
    # ev-1 is dated on its first report's day, and lies after the gold day
    assert day_miss(kept, "2024-03-01", True, events, interval) == "gold act, after, report's day"
    kept = dict(kept, fulfilled_on="2024-03-04", fulfilled_by=["ev-2"])
    # ev-2 states a day of its own, before the gold one
    assert day_miss(kept, "2024-03-20", False, events, interval) == "another act, before, text's day"
    assert day_miss(dict(kept, fulfilled_on=None), "2024-03-20", False, events, interval).startswith(
        "another act, undated")
