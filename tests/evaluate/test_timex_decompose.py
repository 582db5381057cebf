"""Value F1 taken apart: detection, value accuracy, what is wrong in a value, families of expression."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.timex import Tally, align, evaluate, same_value
from peacewatch.evaluate.timex_decompose import VALUE_FAULTS, Decomposition, family, granularity, value_fault
from peacewatch.types import Timex
from tests.evaluate.test_timex import gold_record, write

DCT = "1989-10-26"


def tx(value: str, typ: str = "DATE", text: str = "xxxx", start: int = 0, anchor: str | None = None) -> Timex:
    return Timex(start, start + len(text), text, typ, value, anchor=anchor)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (tx("P1Y", "SET"), tx("P1Y", "DURATION"), "set"),
        (tx("P2Y", "DURATION"), tx("1987"), "duration vs date"),
        (tx("PRESENT_REF"), tx("1989-10-26"), "gold _REF, ours date"),  # a _REF is no duration
        (tx("1989-10-24"), tx("PAST_REF"), "ours _REF, gold date"),
        (tx("PAST_REF"), tx("PRESENT_REF"), "another _REF"),
        (tx("1999-XX"), tx("1999"), "gold open"),
        (tx("1989-10-12"), tx("XXXX-10-12"), "ours open"),
        (tx("P6D", "DURATION"), tx("P6M", "DURATION"), "duration unit"),
        (tx("P1D", "DURATION"), tx("PT24H", "DURATION"), "duration unit"),
        (tx("P2W", "DURATION"), tx("P3W", "DURATION"), "duration amount"),
        (tx("1989-10-22"), tx("1989-10-22TNI", "TIME"), "part of the day"),
        (tx("1989-10"), tx("1989-W42"), "ours finer"),
        (tx("1988-Q3"), tx("1988"), "ours coarser"),
        (tx("1990-06-01"), tx("1989-06-01"), "direction"),
        (tx("1988-04"), tx("1989-04"), "year of month/day"),  # both before October 1989: the year alone
        (tx("1989-10-17"), tx("1989-10-24", anchor=DCT), "anchor: DCT"),
        (tx("1989-Q2"), tx("1989-Q3", anchor="1989-09-30"), "anchor: date told"),
        (tx("PM6", "DURATION"), tx("P6M", "DURATION"), "other"),  # a gold value of no calendar shape
    ],
)
def test_value_fault_says_what_is_wrong_in_the_value(gold: Timex, pred: Timex, expected: str) -> None:
    assert value_fault(gold, pred, DCT) == expected
    assert expected in VALUE_FAULTS


@pytest.mark.parametrize(
    ("value", "unit"),
    [("199", "decade"), ("199X", "decade"), ("19", "century"), ("1989", "year"), ("1989-Q3", "part of year"),
     ("1989-10", "month"), ("1989-W42", "week"), ("1989-W42-WE", "week"), ("1989-10-26", "day"),
     ("1989-10-26TNI", "part of a day"), ("1989-10-26T17:00", "clock"), ("P3D", "other")],
)
def test_granularity_of_a_calendar_value(value: str, unit: str) -> None:
    assert granularity(value) == unit


@pytest.mark.parametrize(
    ("timex", "expected"),
    [
        (tx("PRESENT_REF", text="now"), "present ref"),
        (tx("PXY", "DURATION", text="for years"), "duration, vague"),
        (tx("P3D", "DURATION", text="three days"), "duration"),
        (tx("P1W", "SET", text="weekly"), "set"),
        (tx("1989-10-24", text="Tuesday"), "day, relative"),
        (tx("1989-10-24", text="two days ago"), "day, offset"),
        (tx("1989-10-24", text="Oct. 24"), "day, written"),
        (tx("1989", text="1989"), "year, written"),
        (tx("1989-10-26TEV", "TIME", text="this evening"), "time of day"),
    ],
)
def test_family_of_an_expression(timex: Timex, expected: str) -> None:
    assert family(timex) == expected


def test_detection_times_value_accuracy_is_the_scorers_value_f1() -> None:
    gold = [tx("1989-10-24", text="Tuesday"), tx("P3D", "DURATION", text="three days", start=20),
            tx("1989", text="1989", start=40)]
    pred = [tx("1989-10-17", text="Tuesday", anchor=DCT), tx("P3D", "DURATION", text="three days", start=20),
            tx("PRESENT_REF", text="now", start=60)]
    part = Decomposition()
    part.add(gold, pred, align(gold, pred), same_value, DCT)
    scores = part.scores()
    assert (scores["detection_p"], scores["detection_r"], scores["value_accuracy"]) == (2 / 3, 2 / 3, 1 / 2)
    assert part.faults == {"anchor: DCT": 1}
    assert part.missed == {"year, written": 1}
    assert part.false_alarms == {"present ref": 1}
    tally = Tally(gold=3, pred=3, relaxed=2, value_ok=1)
    assert scores["value_f1"] == pytest.approx(tally.scores()["value_f1"])


def test_the_types_shares_of_the_loss_add_up_to_what_value_f1_lost() -> None:
    gold = [tx("1989-10-24", text="Tuesday"), tx("P3D", "DURATION", text="three days", start=20),
            tx("P1W", "SET", text="weekly", start=40), tx("1989-10-26TEV", "TIME", text="this evening", start=60)]
    pred = [tx("1989-10-24", text="Tuesday", anchor=DCT), tx("1989-10-29", text="three days", start=20),
            tx("P1D", "SET", text="daily", start=80)]
    part = Decomposition()
    part.add(gold, pred, align(gold, pred), same_value, DCT)
    # the duration read as a date is a wrong value of the gold's type (2), the evening a miss (1), "daily" a
    # false alarm (1), "weekly" a miss (1); the weekday is right
    shares = part.type_shares()
    assert shares == pytest.approx({"DURATION": 2 / 7, "SET": 2 / 7, "TIME": 1 / 7})
    assert sum(shares.values()) == pytest.approx(1 - part.scores()["value_f1"])
    assert Decomposition().type_shares() == {}


def test_eval_timex_prints_each_folds_detection_value_accuracy_and_faults(tmp_path):  # type: ignore[no-untyped-def]
    tuning = gold_record()
    tuning["timexes"] = tuning["timexes"][:2]  # "44 days" is a false alarm on the tuning line
    held_out = gold_record()
    held_out["timexes"][2] = {**held_out["timexes"][2], "value": "P6W"}  # the held-out gold writes weeks
    report = evaluate(write(tmp_path, tuning, held_out), load_config())
    table = report.breakdown["detection × value (folds)"]
    assert table["detection_p"] == pytest.approx({"tuning": 2 / 3, "held_out": 1.0})
    assert table["detection_r"] == pytest.approx({"tuning": 1.0, "held_out": 1.0})
    assert table["value_accuracy"] == pytest.approx({"tuning": 1.0, "held_out": 2 / 3})
    assert report.breakdown["wrong values by fault"] == {"duration unit": {"tuning": 0, "held_out": 1}}
    assert report.breakdown["false alarms by family"] == {"duration": {"tuning": 1, "held_out": 0}}
    assert report.breakdown["missed by family"] == {}
    lost = report.breakdown["value F1 lost by type"]
    assert list(lost) == ["DURATION"]  # a false alarm of 5 timexes on the tuning line, a wrong value of 6 held out
    assert lost["DURATION"] == pytest.approx({"tuning": 1 / 5, "held_out": 2 / 6})
    folds = report.breakdown["folds (odd lines tune, even lines held out)"]
    for fold in ("tuning", "held_out"):
        p, r, accuracy = (table[key][fold] for key in ("detection_p", "detection_r", "value_accuracy"))
        assert folds[fold]["value_f1"] == pytest.approx(2 * p * r / (p + r) * accuracy)
