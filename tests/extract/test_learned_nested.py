"""Nested cross-validation of the rules + model combination (``scripts/train_nested.py``): each outer
fold's thresholds come from the other folds alone, and the scores read each sentence with its own
fold's thresholds. On a tiny made-up set, so it needs scikit-learn (the ``train`` extra) but no data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.scripts import ROOT, load_script

pytest.importorskip("sklearn")
sys.path.insert(0, str(ROOT / "scripts"))  # train_nested imports train_events as the scripts do
nested = load_script("scripts/train_nested.py", "train_nested_under_test")
events = sys.modules["train_events"]


def example(label: str, rules_find: bool, i: int) -> object:
    """A sentence whose one telling feature is its label's word; the rules find its event or nothing."""
    words = [f"w:{label.lower()}", f"w:filler{i % 3}"]
    found = {label} if rules_find else set()
    return events.Example("plv_train", words, label, {label}, found, label if rules_find else None,
                          rules_find, label if rules_find else None)


@pytest.fixture(scope="module")
def made_up() -> list:  # type: ignore[type-arg]
    # the rules find the ASSAULT sentences and miss every AID one: only the model can add those
    return [example("ASSAULT", True, i) for i in range(15)] + [example("AID", False, i) for i in range(15)]


SMALL_GRID = {"GRID_ADD": (0.3, 1.01), "GRID_RETYPE": (0.5,), "GRID_KEEP": (0.3,)}


@pytest.fixture(scope="module")
def chosen(made_up) -> list:  # type: ignore[no-untyped-def,type-arg]
    # a grid of two points keeps the test short; the shipped grids are the same code over more points
    saved = {name: getattr(events, name) for name in SMALL_GRID}
    for name, grid in SMALL_GRID.items():
        setattr(events, name, grid)
    try:
        return nested.nested_limits(made_up, 1.0, 3)
    finally:
        for name, grid in saved.items():
            setattr(events, name, grid)


def test_each_outer_fold_chooses_its_thresholds_from_its_own_folds(chosen) -> None:  # type: ignore[no-untyped-def]
    assert len(chosen) == 3
    for limits in chosen:
        assert (limits.add, limits.retype, limits.keep) == (0.3, 0.5, 0.3)  # adding beats never adding


def test_the_nested_combination_adds_what_the_rules_missed(made_up, chosen) -> None:  # type: ignore[no-untyped-def]
    probs = events.out_of_fold(made_up, 1.0, 3)
    ids = events.fold_ids(made_up, 3)
    scores = nested.scores([(ex, p, chosen[f]) for ex, p, f in zip(made_up, probs, ids, strict=True)])
    assert scores["sentences"] == 30
    assert scores["rules_main_macro_f1"] == 0.5  # AID never found by the rules
    assert scores["combined_main_macro_f1"] == 1.0  # the model adds every AID event, out of fold


def test_news_parts_read_the_folds_file(tmp_path: Path) -> None:
    path = tmp_path / "folds.json"
    path.write_text('{"plv_train": [0, 3, 2, 4]}', "utf-8")
    assert nested.news_parts(path) == ["tune", "untouched", "tune", "untouched"]
    assert nested.news_parts(tmp_path / "missing.json") is None


def test_the_mean_of_the_fold_models_reads_each_fold_model_and_zero_where_a_fold_lacks_a_feature() -> None:
    # three labels: with two, scikit-learn keeps one weight row, and the shipped model has sixteen
    three = [example(label, label != "AID", i) for label in ("ASSAULT", "AID", "COERCE") for i in range(9)]
    models: list = []  # type: ignore[type-arg]
    events.out_of_fold(three, 1.0, 3, models)
    assert len(models) == 3
    mean, vocab = events.average(models)
    assert set(vocab) == {f for _, own in models for f in own}
    for feature in vocab:
        expected = sum(clf.coef_[:, own[feature]] for clf, own in models if feature in own) / 3
        assert list(mean.coef_[:, vocab[feature]]) == pytest.approx(list(expected))
    assert list(mean.intercept_) == pytest.approx(list(sum(clf.intercept_ for clf, _ in models) / 3))
    assert mean.classes_ == ["AID", "ASSAULT", "COERCE"]
