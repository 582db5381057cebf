"""``peacewatch eval events``: the recipient of type+actor-matched events (coded gold) and the target
of type-matched events (span gold, news sentences), on small cases, and the recipient gate on the PLOVER
gold's two halves."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.events import evaluate, recipient_classes, target_classes
from peacewatch.pipeline import registered
from peacewatch.types import Argument, Event, Result
from tests.conftest import shared_path

# Floors: measured minus about 0.01; they only move up. Ninth round (recipients): at its start tune 0.889
# (72 of 81 type+actor-matched gold pairs), untouched 0.791 (53 of 67); after it tune 0.901, untouched
# 0.791. Full F1 went 0.687 -> 0.696 on the tuning half (its floor is test_events.py's, unchanged).
TUNE_RECIPIENT_FLOOR = 0.891
UNTOUCHED_RECIPIENT_FLOOR = 0.781


def _event(etype: str, actors: list[str], recipients: list[tuple[str | None, str]]) -> Event:
    return Event(id="ev", type=etype, trigger_span=(0, 1), span=(0, 1),
                 actor=[Argument(None, c, None, c) for c in actors],
                 recipient=[Argument(None, code, None, text) for code, text in recipients])


def test_recipients_are_compared_on_type_and_actor_matched_pairs() -> None:
    record = {"text": "x", "events": [{"source": "GHA", "target": "TGO", "code": "ASSAULT"},
                                      {"source": "GHA", "target": "BEN", "code": "ASSAULT"},
                                      {"source": "NIG", "target": None, "code": "PROTEST"}]}
    result = Result(id="r", events=[_event("ASSAULT", ["GHA"], [("TGO", "Togo")]),
                                    _event("ASSAULT", ["GHA"], [("TGO", "Togo"), ("BEN", "Benin")]),
                                    _event("PROTEST", ["BEN"], [])])
    pairs = recipient_classes(record, result)
    # one pair per gold (type, actor): GHA's attack on both (the best-agreeing event), no NIG protest
    assert [(sorted(gold), sorted(ours)) for gold, ours, _event_ in pairs] == [(["BEN", "TGO"], ["BEN", "TGO"])]


def test_news_targets_are_right_when_the_texts_contain_one_another() -> None:
    record = {"text": "x", "actor_format": "span", "events": [
        {"source": "Ghana", "target": "the Togolese army", "code": "ASSAULT"},
        {"source": "Ghana", "target": "Benin", "code": "ACCUSE"},
        {"source": "Ghana", "target": "Togo", "code": "REJECT"}]}
    result = Result(id="r", events=[_event("ASSAULT", ["GHA"], [("TGO", "Togolese army")]),
                                    _event("ACCUSE", ["GHA"], [("TGO", "Togo")]),
                                    _event("REJECT", ["GHA"], [])])
    assert [kind for kind, _event_ in target_classes(record, result)] == ["agree", "disjoint", "ours_none"]


def test_gate_recipients_of_the_plover_gold() -> None:
    gold = shared_path("data", "events", "plover_gsr_dev.jsonl")
    if "actors" not in registered():
        pytest.skip("recipient codes need the 'actors' component")
    scores = evaluate(gold, load_config()).scores
    assert scores["tune_recipient_agree"] >= TUNE_RECIPIENT_FLOOR
    assert scores["untouched_recipient_agree"] >= UNTOUCHED_RECIPIENT_FLOOR
    assert scores["tune_recipient_matched"] > 0 and scores["untouched_recipient_matched"] > 0
