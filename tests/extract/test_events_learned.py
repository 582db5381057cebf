"""The learned event coder beside the rules: when the model's word counts, what its ``why`` says,
and that the shipped model and its card belong together."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from peacewatch.extract.events.learned import (
    NONE,
    Thresholds,
    TypeModel,
    Verdict,
    decide,
    load_model,
    model_class,
)
from peacewatch.pipeline import registered
from peacewatch.types import EVENT_TYPES, Document

LIMITS = Thresholds(add=0.5, retype=0.6, keep=0.2)


def _verdict(label: str, score: float, **others: float) -> tuple[Verdict, dict[str, float]]:
    probs = {label: score, **others}
    second = max(others.items(), key=lambda kv: kv[1]) if others else (NONE, 0.0)
    return Verdict(label, score, second[0], second[1]), probs


def test_the_model_adds_only_where_the_rules_found_nothing_and_it_is_sure() -> None:
    assert decide(*_verdict("AID", 0.8, NONE=0.1), None, False, LIMITS) == "add"
    assert decide(*_verdict("AID", 0.4, NONE=0.3), None, False, LIMITS) is None
    assert decide(*_verdict(NONE, 0.9, AID=0.05), None, False, LIMITS) is None


def test_the_model_retypes_only_a_plain_trigger_whose_type_it_doubts() -> None:
    assert decide(*_verdict("SANCTION", 0.7, COERCE=0.1), "COERCE", True, LIMITS) == "retype"
    # the rule's type is still likely: the rules stand
    assert decide(*_verdict("SANCTION", 0.65, COERCE=0.3), "COERCE", True, LIMITS) is None
    # a wrapper or nested action (or a status rule) decided the type: the rules stand
    assert decide(*_verdict("SANCTION", 0.9, COERCE=0.01), "COERCE", False, LIMITS) is None
    # CONCEDE and RETREAT are one class for the model: agreeing, not retyping
    assert decide(*_verdict("YIELD", 0.9, NONE=0.01), "RETREAT", True, LIMITS) is None
    assert model_class("CONCEDE") == model_class("RETREAT") == "YIELD"


def test_the_model_does_not_retype_the_main_event_to_another_event_of_its_sentence() -> None:
    # "Azerbaijan, with Türkiye lending its support, liberated …": SUPPORT is the model reading
    # "lending its support", an event the rules already have; the attack stays an attack
    sure = _verdict("SUPPORT", 0.9, ASSAULT=0.01)
    assert decide(*sure, "ASSAULT", True, LIMITS, frozenset({"SUPPORT"})) is None
    assert decide(*sure, "ASSAULT", True, LIMITS, frozenset({"AGREE"})) == "retype"


def test_probabilities_are_a_distribution_over_the_model_classes() -> None:
    model = TypeModel({"classes": ["AID", "NONE"], "bias": [0.0, 0.0], "weights": {"lem:send": [2.0, -2.0]},
                       "thresholds": {"add": 0.5, "retype": 0.6, "keep": 0.2}})
    probs = model.probabilities(["lem:send", "lem:send", "unknown"])  # repeats count once
    assert abs(sum(probs.values()) - 1.0) < 1e-9 and probs["AID"] > 0.98
    verdict, _ = model.verdict(["unknown"])
    assert (verdict.label, verdict.runner_up) == ("AID", "NONE") and verdict.score == 0.5


def test_the_shipped_model_and_its_card_agree() -> None:
    model = load_model()
    card = json.loads(resources.files("peacewatch").joinpath("data", "models", "events_type.card.json")
                      .read_text("utf-8"))
    assert card["classes"] == model.classes
    assert set(model.classes) - {NONE, "YIELD"} <= set(EVENT_TYPES)
    assert card["thresholds"] == vars(model.thresholds)
    assert all(len(d["sha256"]) == 64 and d["licence"] for d in card["data"])
    assert card["cross_validation"]["folds"] >= 5
    assert 0.0 < card["cross_validation"]["model_alone"]["macro_f1"] <= 1.0


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("these checks read actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def _events(pipe, text: str):  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text, published="2024-01-10")]))
    return result.events


def test_a_sentence_the_rules_miss_gets_the_models_event_with_its_reasons(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya flew blankets and medicine to the refugees in Somalia."
    events_comp = next(c for c in pipe.components if c.name == "events")
    model, events_comp.model = events_comp.model, None
    try:
        assert _events(pipe, text) == []  # the rules alone: no trigger word they know
    finally:
        events_comp.model = model
    [event] = _events(pipe, text)
    assert (event.type, [a.code for a in event.actor], [r.code for r in event.recipient]) == ("AID", ["KEN"], ["SOM"])
    assert event.why is not None and event.why.startswith("model: AID") and "runner-up" in event.why


def test_the_rules_keep_their_event_and_say_what_the_model_thought(pipe) -> None:  # type: ignore[no-untyped-def]
    [event] = _events(pipe, "Sudan expelled the Chadian ambassador on Monday.")
    assert event.type == "SANCTION" and event.why is not None
    assert "triggers.tsv:" in event.why and "model: " in event.why and "rules kept" in event.why
