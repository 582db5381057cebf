"""``peacewatch eval timex``: TempEval-3 scoring on synthetic gold, and the gate on the dev gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.timex import (
    GoldDoc,
    Tally,
    align,
    canonical,
    evaluate,
    expression_shape,
    read_gold,
)
from peacewatch.evaluate.timex_folds import fold_false_alarms, fold_scores
from peacewatch.types import Timex
from tests.conftest import shared_path

TEXT = "The envoy said Monday that the talks of 12 March 2021 had lasted 44 days."


def gold_record(**extra) -> dict:  # type: ignore[no-untyped-def]
    timexes = [
        {"start": 15, "end": 21, "type": "DATE", "value": "2023-12-25", "text": "Monday"},
        {"start": 40, "end": 53, "type": "DATE", "value": "2021-03-12", "text": "12 March 2021"},
        {"start": 65, "end": 72, "type": "DURATION", "value": "P44D", "text": "44 days"},
    ]
    return {"doc_id": "d1", "dct": "2023-12-26", "title": None, "text": TEXT, "timexes": timexes, **extra}


def write(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def tx(start: int, end: int, value: str = "2023", typ: str = "DATE") -> Timex:
    return Timex(start, end, "x" * (end - start), typ, value)


def test_align_is_one_to_one_largest_overlap_first():
    gold = [tx(0, 10), tx(12, 20)]
    pred = [tx(5, 15), tx(0, 8)]
    pairs = align(gold, pred)
    assert [(g.start, p.start) for g, p in pairs] == [(0, 0), (12, 5)]


def test_tally_scores():
    tally = Tally()
    tally.gold, tally.pred, tally.strict, tally.relaxed, tally.type_ok, tally.value_ok = 4, 5, 2, 4, 4, 3
    s = tally.scores()
    assert s["relaxed_p"] == pytest.approx(0.8) and s["relaxed_r"] == pytest.approx(1.0)
    assert s["value_accuracy"] == pytest.approx(0.75)
    assert s["value_f1"] == pytest.approx(s["relaxed_f1"] * 0.75)
    assert s["strict_f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)


def te3_attribute_f1(gold: list[Timex], pred: list[Timex]) -> float:
    """Value F1 as the TempEval-3 scorer computes it: the matches with the gold's value over the system's
    timexes (precision) and over the gold's (recall), a match being any shared character."""
    pairs = align(gold, pred)
    right = sum(g.value == p.value for g, p in pairs)
    precision, recall = right / len(pred), right / len(gold)
    return 2 * precision * recall / (precision + recall) if right else 0.0


def test_value_f1_is_the_te3_attribute_f1():
    # one exact match, one partial overlap ("Sunday" in "Sunday night") with another value, one match
    # with the gold's value, one miss and two false alarms
    gold = [tx(0, 10, "1989-10-26"), tx(20, 32, "1989-10-22TNI", "TIME"), tx(40, 44, "P3D", "DURATION"),
            tx(50, 55, "1989")]
    pred = [tx(0, 10, "1989-10-26"), tx(20, 26, "1989-10-22"), tx(38, 44, "P3D", "DURATION"), tx(60, 62),
            tx(70, 75)]
    tally = Tally()
    tally.add(GoldDoc("d", "1989-10-26", "x" * 80, gold, 80), pred, None)
    scores = tally.scores()
    assert tally.relaxed == 3 and tally.strict == 1 and tally.value_ok == 2
    assert scores["value_f1"] == pytest.approx(te3_attribute_f1(gold, pred)) == pytest.approx(2 * 2 / (4 + 5))
    assert scores["value_f1_as_written"] == pytest.approx(scores["value_f1"])


def test_a_week_number_spelt_with_one_digit_is_the_one_difference_from_te3():
    gold, pred = [tx(0, 9, "2000-W6")], [tx(0, 9, "2000-W06")]
    tally = Tally()
    tally.add(GoldDoc("d", "2000-02-10", "x" * 9, gold, 9), pred, None)
    assert tally.scores()["value_f1"] == pytest.approx(1.0)
    assert tally.scores()["value_f1_as_written"] == 0.0 == te3_attribute_f1(gold, pred)


def test_canonical_week_numbers():
    assert canonical("2000-W6") == "2000-W06"
    assert canonical("2000-W16-WE") == "2000-W16-WE"


def test_read_gold_keeps_only_timexes_that_slice_the_text(tmp_path):  # type: ignore[no-untyped-def]
    rec = gold_record()
    rec["timexes"].append({"start": 200, "end": 210, "type": "DATE", "value": "2023-12-26",
                           "text": "Dec. 26", "functionInDocument": "CREATION_TIME"})
    [doc] = read_gold(write(tmp_path, rec))
    assert len(doc.timexes) == 3 and doc.extent == len(TEXT)


def test_read_gold_dct_forms(tmp_path):  # type: ignore[no-untyped-def]
    day_first = gold_record(dct="26-12-2023")
    empty = gold_record(dct=None)
    empty["timexes"][0]["functionInDocument"] = "CREATION_TIME"
    docs = read_gold(write(tmp_path, day_first, empty))
    assert [d.dct for d in docs] == ["2023-12-26", "2023-12-25"]


def test_meantime_is_scored_only_over_its_annotated_opening(tmp_path):  # type: ignore[no-untyped-def]
    rec = gold_record(corpus="MEANTIME-en", text=TEXT + "\nIt ended in 2024.")
    [doc] = read_gold(write(tmp_path, rec))
    assert doc.extent == len(TEXT)


def test_bad_gold_is_a_coded_error(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "x", "text": "no timexes here"}\n', "utf-8")
    with pytest.raises(EvalError) as info:
        read_gold(path)
    assert info.value.code == "E050"


def test_evaluate_on_synthetic_gold(tmp_path):  # type: ignore[no-untyped-def]
    report = evaluate(write(tmp_path, gold_record()), load_config(), baseline="dateparser")
    assert report.scores["relaxed_f1"] == pytest.approx(1.0)
    assert report.scores["value_f1"] == pytest.approx(1.0)
    assert report.counts["gold"] == 3
    assert "dateparser" in report.baselines
    assert report.baselines["dateparser"]["value_f1"] < 1.0


def test_unknown_baseline_is_rejected(tmp_path):  # type: ignore[no-untyped-def]
    with pytest.raises(EvalError):
        evaluate(write(tmp_path, gold_record()), load_config(), baseline="heideltime")


# The gate: floors are the measured dev scores minus ~0.007, never under the bar (value F1
# 0.80, relaxed F1 0.88: AQUAINT measures 0.8027, so its floor is the bar itself); they only move up.
# The value as written (TE3's own comparison, eleventh round) measured 0.8321 / 0.7943 / 0.8523; after
# the fourteenth round ("the day" of a market report after a month) MEANTIME 0.8565 both ways; after the
# fifteenth ("recent" the adjective as PAST_REF) TimeBank 0.8327, AQUAINT 0.8020 (0.7936), MEANTIME 0.8604.
FLOORS = {
    "tbaq_timebank.jsonl": {"value_f1": 0.825, "relaxed_f1": 0.934, "value_f1_as_written": 0.825},
    "tbaq_aquaint.jsonl": {"value_f1": 0.800, "relaxed_f1": 0.943, "value_f1_as_written": 0.787},
    "meantime_en.jsonl": {"value_f1": 0.853, "relaxed_f1": 0.926, "value_f1_as_written": 0.853},
}
# ... and per fold (odd lines tune, even lines held out; docs/time.md), value F1 measured 2026-12-06
# after the sixth round: TimeBank 0.8373 / 0.8252, AQUAINT 0.7941 / 0.8118, MEANTIME 0.8609 / 0.8408;
# after the eighth (a timetable's simple present points forward): TimeBank held out 0.8268; after the
# tenth ("Black Monday" a name): MEANTIME tuning 0.8646, whole file 0.8523; after the fourteenth (a
# year-ago comparison in the past looks back from a reported quarter): TimeBank tuning 0.8389, whole 0.8329;
# and "the day" of a market report is the last day named, not a month named since: MEANTIME 0.8690 / 0.8449;
# after the fifteenth ("recent" as PAST_REF): TimeBank 0.8390 / 0.8263, AQUAINT 0.7941 / 0.8104, MEANTIME
# 0.8696 / 0.8519.
FOLD_FLOORS = {
    "tbaq_timebank.jsonl": {"tuning": 0.832, "held_out": 0.822},
    "tbaq_aquaint.jsonl": {"tuning": 0.787, "held_out": 0.805},
    "meantime_en.jsonl": {"tuning": 0.862, "held_out": 0.845},
}

# ... and the three factors of each fold's value F1 (twelfth round, docs/time.md): detection precision
# and recall (relaxed) and value accuracy, measured 2026-12-07 (tuning / held out) TimeBank 0.963 / 0.921,
# 0.945 / 0.945, 0.878 / 0.886; AQUAINT 0.930 / 0.925, 0.967 / 0.979, 0.838 / 0.854; MEANTIME 0.973 /
# 0.945, 0.915 / 0.893, 0.917 / 0.916. A figure that falls says which factor a change cost.
FACTOR_FLOORS = {
    "tbaq_timebank.jsonl": {"tuning": (0.956, 0.938, 0.870), "held_out": (0.914, 0.938, 0.879)},
    "tbaq_aquaint.jsonl": {"tuning": (0.922, 0.959, 0.830), "held_out": (0.918, 0.971, 0.846)},
    "meantime_en.jsonl": {"tuning": (0.966, 0.908, 0.909), "held_out": (0.938, 0.885, 0.908)},
}
FACTORS = ("relaxed_p", "relaxed_r", "value_accuracy")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gate_on_dev_gold(name):  # type: ignore[no-untyped-def]
    scores = fold_scores(shared_path("data", "timex", name), load_config())
    for score, floor in FLOORS[name].items():
        assert scores["all"][score] >= floor, f"{name} {score} {scores['all'][score]:.3f} < {floor}"
    for fold, floor in FOLD_FLOORS[name].items():
        assert scores[fold]["value_f1"] >= floor, f"{name} {fold} value F1 {scores[fold]['value_f1']:.3f} < {floor}"
    for fold, floors in FACTOR_FLOORS[name].items():
        for factor, floor in zip(FACTORS, floors, strict=True):
            assert scores[fold][factor] >= floor, f"{name} {fold} {factor} {scores[fold][factor]:.3f} < {floor}"


def test_folds_split_by_line(tmp_path):  # type: ignore[no-untyped-def]
    # line 1 (tuning) is found whole, line 2 (held out) has a gold timex the text does not hold
    missed = gold_record(text=TEXT.replace("44 days", "a while"))
    missed["timexes"][2] = {"start": 65, "end": 72, "type": "DURATION", "value": "PXX", "text": "a while"}
    scores = fold_scores(write(tmp_path, gold_record(), missed), load_config())
    assert scores["tuning"]["relaxed_r"] == pytest.approx(1.0)
    assert scores["held_out"]["relaxed_r"] == pytest.approx(2 / 3)
    assert scores["all"]["relaxed_r"] == pytest.approx(5 / 6)


def test_fold_false_alarms_count_by_rule_and_shape(tmp_path):  # type: ignore[no-untyped-def]
    # the tuning line's gold lacks its "44 days"; the held-out line's gold lacks "Monday" and "44 days"
    tuning = gold_record()
    tuning["timexes"] = tuning["timexes"][:2]
    held_out = gold_record()
    held_out["timexes"] = held_out["timexes"][1:2]
    counts = fold_false_alarms(write(tmp_path, tuning, held_out), load_config())
    assert counts["tuning"]["by_rule"] == {"duration": 1}
    assert counts["tuning"]["by_shape"] == {"99 days": 1}
    assert counts["held_out"]["by_rule"] == {"duration": 1, "weekday": 1}
    assert counts["held_out"]["by_shape"] == {"99 days": 1, "monday": 1}


def test_expression_shape_hides_digits_and_case():
    assert expression_shape("March  12,\n2021") == "march 99, 9999"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_twenty_points_above_dateparser(name):  # type: ignore[no-untyped-def]
    report = evaluate(shared_path("data", "timex", name), load_config(), baseline="dateparser")
    assert report.scores["value_f1"] - report.baselines["dateparser"]["value_f1"] >= 0.20
