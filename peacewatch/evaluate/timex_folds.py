"""Aggregates of the two folds of a timex gold file, for error analysis (docs/time.md).

The folds split a gold file by document: odd lines (1st, 3rd, …) are the tuning fold, whose errors
are read; even lines the held-out fold, which is only measured. Each function here runs the
pipeline once and gives per-fold counts only (scores, false alarms by rule and by shape, errors by
class, the loss of value F1 by class), so the held-out fold can be set beside the tuning fold
without reading an instance of it. ``timex.py`` holds the scoring they count with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .timex import FOLDS, GoldDoc, Tally, _Loss, _system, align, error_class, expression_shape, read_gold

if TYPE_CHECKING:
    from ..config import Config
    from ..types import Timex

def fold_scores(gold_path: Path, config: Config, *, limit: int | None = None) -> dict[str, dict[str, float]]:
    """TempEval-3 scores of the whole gold file and of its two folds, from one run of the pipeline.

    The folds split the file by document: odd lines (1st, 3rd, …) are the tuning fold, where errors
    are read; even lines the held-out fold, which is only measured (docs/time.md)."""
    docs = read_gold(Path(gold_path), limit)
    tallies = {"all": Tally(), **{name: Tally() for name in FOLDS}}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        for name in ("all", FOLDS[n % 2]):
            tallies[name].add(doc, pred, None)
    return {name: tally.scores() for name, tally in tallies.items()}


FoldCounts = dict[str, dict[str, Counter[str]]]


def fold_false_alarms(gold_path: Path, config: Config, *, limit: int | None = None) -> FoldCounts:
    """How many false alarms each fold has, by the rule that fired (``why``'s ``rule <id>``) and by the
    expression's shape: aggregates only, so a held-out fold can be compared with the tuning fold
    without reading its instances (docs/time.md, eighth round)."""
    docs = read_gold(Path(gold_path), limit)
    out = {name: {"by_rule": Counter[str](), "by_shape": Counter[str]()} for name in FOLDS}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        pred = [p for p in pred if p.start < doc.extent]
        matched = {id(p) for _, p in align(doc.timexes, pred)}
        for p in pred:
            if id(p) not in matched:
                rule = re.match(r"rule ([\w-]+)", p.why or "")
                out[FOLDS[n % 2]]["by_rule"][rule[1] if rule else "?"] += 1
                out[FOLDS[n % 2]]["by_shape"][expression_shape(p.text)] += 1
    return out


def fold_error_classes(gold_path: Path, config: Config, *, limit: int | None = None) -> dict[str, Counter[str]]:
    """How many errors of each class (``ERROR_CLASSES``) each fold has: aggregates only, so the held-out
    fold's classes can be set beside the tuning fold's without reading an instance of it."""
    docs = read_gold(Path(gold_path), limit)
    out = {name: Counter[str]() for name in FOLDS}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        out[FOLDS[n % 2]].update(_classes(doc, [p for p in pred if p.start < doc.extent]))
    return out


def _classes(doc: GoldDoc, pred: list[Timex]) -> Iterable[str]:
    pairs = align(doc.timexes, pred)
    yield from ["missed"] * (len(doc.timexes) - len(pairs))
    yield from ["false alarm"] * (len(pred) - len(pairs))
    for gold, guess in pairs:
        found = error_class(gold, guess, doc.dct)
        if found is not None:
            yield found


def fold_loss_shares(gold_path: Path, config: Config, *, limit: int | None = None) -> dict[str, dict[str, float]]:
    """Each fold's loss of value F1 (1 − value F1) split by error class: aggregates only, as above.

    Value F1 = relaxed F1 × value accuracy = 2·V / (gold + predicted), V the relaxed matches with the
    gold's value, so the loss is (missed + false alarms + 2 × matches with another value) / (gold +
    predicted): a miss or a false alarm costs one share, a wrong value two (it is counted on both
    sides), and the shares of a fold add up to its loss exactly. A span or a type that differs while
    the value is the gold's costs nothing here (strict and type F1 see it). ``eval timex`` prints them."""
    docs = read_gold(Path(gold_path), limit)
    losses = {name: _Loss() for name in FOLDS}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        losses[FOLDS[n % 2]].add(doc, pred)
    return {name: loss.shares() for name, loss in losses.items()}
