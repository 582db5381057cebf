"""Error classes of the timex evaluation: what went wrong, counted per fold without reading an instance."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.timex import ERROR_CLASSES, error_class, evaluate
from peacewatch.evaluate.timex_folds import fold_error_classes, fold_loss_shares, fold_scores
from peacewatch.types import Timex
from tests.evaluate.test_timex import gold_record, write

DCT = "1989-10-26"


def tx(value: str, typ: str = "DATE", start: int = 0, end: int = 9) -> Timex:
    return Timex(start, end, "x" * (end - start), typ, value)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (tx("1988"), tx("1988"), None),
        (tx("1988", start=2), tx("1988"), "span only"),
        (tx("2000-W6"), tx("2000-W06"), None),  # the canonical spelling is the same value
        (tx("P1Y", "SET"), tx("P1Y", "DURATION"), "type"),
        (tx("P1W", "DURATION"), tx("1989-W42"), "type"),
        (tx("1968-XX"), tx("1968"), "value: unresolved but resolved"),
        (tx("PAST_REF"), tx("1989-10-24"), "value: unresolved but resolved"),
        (tx("1989-10-12"), tx("XXXX-XX-XX"), "value: resolved but left unresolved"),
        (tx("P6D", "DURATION"), tx("P6M", "DURATION"), "value: duration"),
        (tx("1988-Q3"), tx("1988"), "value: granularity"),
        (tx("1989-10-23"), tx("1989-10-23TNI", "TIME"), "value: granularity"),
        (tx("1990-06-01"), tx("1989-06-01"), "value: direction"),
        (tx("1989-11"), tx("1989-09"), "value: direction"),
        (tx("1989-10-17"), tx("1989-10-24"), "value: anchor"),
        (tx("1989-W42"), tx("1989-W43"), "value: anchor"),
        (tx("1988"), tx("1989"), "value: anchor"),  # the publication's own year lies on neither side
    ],
)
def test_error_class(gold: Timex, pred: Timex, expected: str | None) -> None:
    found = error_class(gold, pred, DCT)
    assert found == expected
    assert found is None or found in ERROR_CLASSES


def test_without_a_publication_date_no_value_error_is_a_direction() -> None:
    assert error_class(tx("1990-06-01"), tx("1989-06-01"), None) == "value: anchor"


def two_folds(tmp_path: Path) -> Path:
    """A tuning line whose gold lacks "44 days" (a false alarm) and writes Monday a week early (anchor),
    and a held-out line whose gold has a timex the tagger cannot find (missed) and "44 days" as weeks."""
    tuning = gold_record()
    tuning["timexes"] = tuning["timexes"][:2]
    tuning["timexes"][0] = {**tuning["timexes"][0], "value": "2023-12-18"}
    held_out = gold_record()
    held_out["timexes"][2] = {**held_out["timexes"][2], "value": "P6W"}
    held_out["timexes"].append({"start": 0, "end": 3, "type": "DATE", "value": "PRESENT_REF", "text": "The"})
    return write(tmp_path, tuning, held_out)


def test_fold_error_classes_count_each_fold_apart(tmp_path):  # type: ignore[no-untyped-def]
    counts = fold_error_classes(two_folds(tmp_path), load_config())
    assert counts["tuning"] == {"false alarm": 1, "value: anchor": 1}
    assert counts["held_out"] == {"missed": 1, "value: duration": 1}


def test_fold_loss_shares_split_each_folds_loss_of_value_f1(tmp_path):  # type: ignore[no-untyped-def]
    # the records of the test above: a false alarm costs one share, a wrong value two (it is a wrong
    # prediction and an unmatched gold value at once), over the fold's gold and predicted timexes
    path = two_folds(tmp_path)
    shares = fold_loss_shares(path, load_config())
    assert shares["tuning"] == pytest.approx({"false alarm": 1 / 5, "value: anchor": 2 / 5})
    assert shares["held_out"] == pytest.approx({"missed": 1 / 7, "value: duration": 2 / 7})
    scores = fold_scores(path, load_config())
    for fold in ("tuning", "held_out"):
        assert sum(shares[fold].values()) == pytest.approx(1 - scores[fold]["value_f1"])


def test_a_type_or_span_that_differs_under_the_golds_value_costs_no_value_f1(tmp_path):  # type: ignore[no-untyped-def]
    record = gold_record()
    record["timexes"][2] = {**record["timexes"][2], "type": "SET"}  # "44 days" as a SET: value P44D still right
    record["timexes"][1] = {**record["timexes"][1], "start": 43, "text": "March 2021"}  # a shorter span
    shares = fold_loss_shares(write(tmp_path, record), load_config())
    assert shares["tuning"] == {}
    assert fold_error_classes(write(tmp_path, record), load_config())["tuning"] == {"type": 1, "span only": 1}


def test_eval_timex_reports_both_folds_and_the_loss_by_class(tmp_path):  # type: ignore[no-untyped-def]
    tuning = gold_record()
    tuning["timexes"] = tuning["timexes"][:2]  # "44 days" is a false alarm on the tuning line
    path = write(tmp_path, tuning, gold_record())
    report = evaluate(path, load_config())
    folds = report.breakdown["folds (odd lines tune, even lines held out)"]
    assert folds["tuning"]["value_f1"] == pytest.approx(4 / 5)
    assert folds["held_out"]["value_f1"] == pytest.approx(1.0)
    lost = report.breakdown["value F1 lost by class"]
    assert lost["false alarm"] == pytest.approx({"tuning": 1 / 5, "held_out": 0.0})
    assert "span only" not in lost  # it costs strict F1 alone
    alone = fold_loss_shares(path, load_config())["tuning"]
    assert {cls: row["tuning"] for cls, row in lost.items() if row["tuning"]} == alone
    assert set(lost) == {"missed", "false alarm", "type", "value: gold open", "value: left open", "value: duration",
                         "value: granularity", "value: direction", "value: anchor"}
