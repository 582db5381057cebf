"""``peacewatch eval events``: matching rules on a project-written gold file, and the gate on the
PLOVER gold-standard dev sentences (../shared/data/events)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.events import evaluate, gold_part, gold_sets, predicted_sets
from peacewatch.pipeline import registered
from peacewatch.types import Argument, Event, Result
from tests.conftest import shared_path

# Floors: measured score minus about 0.01; they only move up.
TYPE_F1_FLOOR = 0.889
FULL_F1_FLOOR = 0.634
# The half of the file the learned coder never trained or tuned on (``gold_part``). The rules were
# written against the whole file, so this half is untouched only for the model; the model's
# thresholds are chosen for data the rules never saw and cost a little here (docs/events.md).
UNTOUCHED_TYPE_F1_FLOOR = 0.885
UNTOUCHED_FULL_F1_FLOOR = 0.592
BASELINE_TYPE_F1_CEILING = 0.60  # the keyword baseline must stay well below the rules


def _event(etype: str, actors: list[str], recipients: list[str]) -> Event:
    return Event(id="ev", type=etype, trigger_span=(0, 1), span=(0, 1),
                 actor=[Argument(None, c, None, c) for c in actors],
                 recipient=[Argument(None, c, None, c) for c in recipients])


def test_gold_labels_and_codes_are_mapped() -> None:
    record = {"text": "x", "events": [
        {"source": "JAP", "target": "USA", "code": "DISAPPROVE"},
        {"source": "GMY", "target": None, "code": "FIGHT"},
    ]}
    types, tuples = gold_sets(record)
    assert types == {"ACCUSE", "ASSAULT"}
    assert tuples == {("ACCUSE", "JPN", "USA"), ("ASSAULT", "DEU", None)}


def test_predictions_expand_like_the_gold() -> None:
    result = Result(id="r", events=[_event("AGREE", ["USA", "JOR"], []),
                                    _event("PROTEST", ["DZA"], [])])
    types, tuples = predicted_sets(result)
    assert types == {"AGREE", "PROTEST"}
    # one tuple per actor; an event with no recipient is scored as output (no recipient): the
    # scorer never supplies the gold's own-country convention, the extractor must
    assert tuples == {("AGREE", "JOR", None), ("AGREE", "USA", None), ("PROTEST", "DZA", None)}


def test_the_dev_gold_splits_by_a_hash_of_the_id() -> None:
    gold = shared_path("data", "events", "plover_gsr_dev.jsonl")
    ids = [str(json.loads(line)["id"]) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    parts = [gold_part(i) for i in ids]
    assert parts == [gold_part(i) for i in ids]  # deterministic
    assert 0.35 < parts.count("tune") / len(parts) < 0.65  # both halves are real halves


def test_the_rules_baseline_scores_each_half_too(tmp_path: Path) -> None:
    if "actors" not in registered():
        pytest.skip("scoring actor codes needs the 'actors' component")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Iran threatened to close its border with Iraq.",
                                "events": [{"source": "IRN", "target": "IRQ", "code": "THREATEN"}]}) + "\n", "utf-8")
    report = evaluate(gold, load_config(), baseline="rules")
    part = gold_part("a")
    assert report.baselines["rules"][f"{part}_type_f1"] == report.scores[f"{part}_type_f1"] == 1.0


def test_bad_gold_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', "utf-8")
    with pytest.raises(EvalError) as err:
        evaluate(bad, load_config())
    assert err.value.code == "E050"


def test_small_project_gold(tmp_path: Path) -> None:
    if "actors" not in registered():
        pytest.skip("scoring actor codes needs the 'actors' component")
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": "Colombia released 14 Venezuelan soldiers on Friday.",
         "events": [{"source": "COL", "target": "VEN", "code": "RETREAT"}]},
        {"id": "b", "text": "Iran threatened to close its border with Iraq.",
         "events": [{"source": "IRN", "target": "IRQ", "code": "THREATEN"}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    report = evaluate(gold, load_config(), baseline="keyword")
    assert report.scores["type_f1"] == 1.0
    assert report.scores["full_f1"] == 1.0
    assert "keyword" in report.baselines and report.counts["sentences"] == 2
    assert report.breakdown["per type"]["RETREAT"]["f1"] == 1.0


def test_gate_plover_gold_dev() -> None:
    gold = shared_path("data", "events", "plover_gsr_dev.jsonl")
    if "actors" not in registered():
        pytest.skip("the full-event score needs the 'actors' component")
    report = evaluate(gold, load_config(), baseline="keyword")
    assert report.scores["type_f1"] >= TYPE_F1_FLOOR
    assert report.scores["full_f1"] >= FULL_F1_FLOOR
    assert report.scores["untouched_type_f1"] >= UNTOUCHED_TYPE_F1_FLOOR
    assert report.scores["untouched_full_f1"] >= UNTOUCHED_FULL_F1_FLOOR
    assert report.baselines["keyword"]["type_f1"] < BASELINE_TYPE_F1_CEILING
    assert report.errors  # misses and false alarms are listed for error analysis


def _spoken(etype: str, actor_text: str) -> Event:
    return Event(id="ev", type=etype, trigger_span=(0, 1), span=(0, 1),
                 actor=[Argument(None, "XXX", None, actor_text)], recipient=[])


def test_news_spans_meet_yield_and_score_the_source_actor() -> None:
    from peacewatch.evaluate.events import as_roots, source_hits

    record = {"text": "x", "actor_format": "span", "events": [
        {"source": "Iranian Foreign Minister Mohammad Javad Zarif", "target": "the decision", "code": "YIELD"}]}
    # the joint root is met by either of its types, and only where the gold uses it
    assert as_roots({"RETREAT", "AGREE"}, {"YIELD"}) == {"YIELD", "AGREE"}
    assert as_roots({"RETREAT"}, {"RETREAT"}) == {"RETREAT"}
    # matched and right: the actor text lies inside the gold source span
    assert source_hits(record, Result(id="r", events=[_spoken("CONCEDE", "Mohammad Javad Zarif")])) == (1, 1)
    # matched, wrong source
    assert source_hits(record, Result(id="r", events=[_spoken("RETREAT", "the Supreme Court")])) == (1, 0)
    # another type: not matched, so not counted either way
    assert source_hits(record, Result(id="r", events=[_spoken("ACCUSE", "Zarif")])) == (0, 0)


def test_news_spans_report_source_accuracy_and_macro_f1(tmp_path: Path) -> None:
    if "actors" not in registered():
        pytest.skip("scoring needs the 'actors' component")
    gold = tmp_path / "news.jsonl"
    text = "Iran threatened to close its border with Iraq."
    gold.write_text(json.dumps({"id": "n1", "actor_format": "span", "text": text,
                                "events": [{"source": "Iran", "target": "Iraq", "code": "THREATEN"}]}) + "\n", "utf-8")
    report = evaluate(gold, load_config(), baseline="rules")
    assert report.scores["source_matched"] == 1.0 and report.scores["source_right"] == 1.0
    assert report.baselines["rules"]["source_right"] == 1.0  # the rules alone, side by side
    assert report.scores["type_macro_f1"] == 1.0
    assert "full_f1" not in report.scores  # spans are not codes: no full tuples
