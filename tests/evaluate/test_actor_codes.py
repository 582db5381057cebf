"""Actor-code recall: gold classification, reading, and the gate on the PLOVER dev sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.actor_codes import classify, evaluate_actor_codes, with_actors
from tests.conftest import shared_path

# Measured 2026-11-29: recall_state_capital_demonym 1.000 (136 gold), recall 0.973 (368 gold).
FLOOR_MAIN = 0.99
FLOOR_ALL = 0.96


@pytest.mark.parametrize("text, cls", [
    ("United States", "state"), ("the United States", "state"), ("Haiti's", "state"),
    ("Baku", "capital"), ("White House", "capital"), ("Israeli", "demonym"),
    ("Israeli soldiers", "other"), ("President Bill Clinton", "other"), ("Hamas", "other"),
])
def test_classify_gold_text(text: str, cls: str) -> None:
    assert classify(text) == cls


def test_actors_replaces_the_baseline_component() -> None:
    assert with_actors(load_config(pipeline=["mentions"])).pipeline == ("actors",)
    assert with_actors(load_config(pipeline=["actors"])).pipeline == ("actors",)


def test_own_sentences(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    records = [
        {"id": "a", "text": "Kenya and Uganda agreed to open the border.", "events": [
            {"source": "KEN", "source_text": "Kenya", "target": None},
            {"source": "UGA", "source_text": "Uganda", "target": None}]},
        {"id": "b", "text": "Nairobi accused the rebels of shelling the town.", "events": [
            {"source": "KEN", "source_text": "Nairobi", "target": "SOM", "target_text": "Somali"}]},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    report = evaluate_actor_codes(gold, load_config(), nlp=nlp)
    assert report.counts["gold_actors"] == 4 and report.counts["found"] == 3
    assert report.scores["recall"] == pytest.approx(0.75)
    assert len(report.errors) == 1 and "SOM" in report.errors[0]


def test_bad_gold_is_E050(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1}\n', "utf-8")
    with pytest.raises(EvalError) as info:
        evaluate_actor_codes(gold, load_config())
    assert info.value.code == "E050"


def test_gate_plover_dev(nlp) -> None:  # type: ignore[no-untyped-def]
    gold = shared_path("data", "events", "plover_gsr_dev.jsonl")
    report = evaluate_actor_codes(gold, load_config(), nlp=nlp)
    assert report.counts["gold_state_capital_demonym"] >= 100
    assert report.scores["recall_state_capital_demonym"] >= FLOOR_MAIN
    assert report.scores["recall"] >= FLOOR_ALL
