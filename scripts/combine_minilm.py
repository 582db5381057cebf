"""Score the fine-tuned MiniLM's out-of-fold probabilities beside the rules and the linear model.

    python scripts/combine_minilm.py SENTENCES OOF [--probs int8|fp32] [--out SCORES.json]

``SENTENCES`` is ``scripts/train_events.py --dump`` (each sentence's rules reading, fold and the linear
model's out-of-fold probabilities), ``OOF`` what ``scripts/train_minilm.py folds`` wrote. For each
variant (the transformer alone; rules + transformer; rules + the average of the linear model's and the
transformer's probabilities) the combination's thresholds (``learned.decide``) are chosen as
``train_events.py`` chooses them, twice:

- on the out-of-fold scores of every sentence (the figure comparable with docs/events.md);
- on the sentences of folds 0-2 only, then scored on folds 3-4, which chose nothing (``untouched``).

Reported per source: the model alone (macro-F1 over its classes), and the rules alone against the
combination (main-type macro-F1 over the gold classes, sentence type-set F1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_events as te  # noqa: E402  (a script beside this one, not a module of the package)

TUNE_FOLDS = (0, 1, 2)
LINEAR_WEIGHTS = (0.25, 0.5)
# The cascade: MiniLM reads a sentence only where the linear model's best class is below this (run time
# saved); the shipped value is the lowest whose objective stays within SURE_LOSS of reading every one.
SURE = (0.6, 0.8, 0.9, 0.95)
SURE_LOSS = 0.005


def fast_macro(gold: list[str], pred: list[str]) -> float:
    """``train_events._macro`` (macro-F1 over the gold's classes, 0 for a class never right) counted
    directly: the threshold grid calls it hundreds of times per variant, scikit-learn's is too slow."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] = tp.get(g, 0) + 1
        else:
            fp[p] = fp.get(p, 0) + 1
            fn[g] = fn.get(g, 0) + 1
    labels = sorted(set(gold))
    return round(sum(2 * tp.get(c, 0) / (2 * tp.get(c, 0) + fp.get(c, 0) + fn.get(c, 0)) for c in labels)
                 / len(labels), 4)


te._macro = fast_macro


def _counts(pred: set[str], gold: set[str]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def fast_choose(examples: list[Any], probs: list[dict[str, float]]) -> tuple[Any, float]:
    """``train_events.choose_thresholds(..., "both")`` with each sentence's two outcomes (the rules
    stand, or the model's label is taken) counted once: the same grid, order and result."""
    from itertools import product

    from peacewatch.extract.events.learned import NONE, Thresholds, model_class

    rows = []
    for ex, p in zip(examples, probs, strict=True):
        ranked = sorted(p.items(), key=lambda kv: (-kv[1], kv[0]))
        label, score = ranked[0]
        rules_main = model_class(ex.main_read) if ex.main_read else "NONE"
        kind, p_main, changed = 0, 0.0, set(ex.rules)
        if label != NONE and ex.main_type is None:
            kind, changed = 1, {label}
        elif label != NONE and ex.plain and model_class(ex.main_type) != label and label not in ex.others:
            kind, p_main = 2, p.get(model_class(ex.main_type), 0.0)
            changed = (ex.rules - {model_class(ex.main_type)}) | {label}
        rows.append((kind, score, p_main, _counts(set(ex.rules), ex.gold), _counts(changed, ex.gold), rules_main,
                     label))
    gold = [ex.label for ex in examples]
    best: tuple[float, Any] = (-1.0, None)
    for add, retype, keep in product(te.GRID_ADD, te.GRID_RETYPE, te.GRID_KEEP):
        tp = fp = fn = 0
        pred = []
        for kind, score, p_main, same, changed, rules_main, label in rows:
            take = (kind == 1 and score >= add) or (kind == 2 and score >= retype and p_main < keep)
            c = changed if take else same
            tp, fp, fn = tp + c[0], fp + c[1], fn + c[2]
            pred.append(label if take else rules_main)
        set_f1 = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
        score_all = (set_f1 + fast_macro(gold, pred)) / 2
        if score_all > best[0]:
            best = (score_all, Thresholds(add, retype, keep))
    return best[1], best[0]


te.choose_thresholds = lambda examples, probs, objective: fast_choose(examples, probs)  # noqa: E731


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def mix(a: dict[str, float], b: dict[str, float], weight: float) -> dict[str, float]:
    """``weight`` of ``a`` and the rest of ``b``, class by class (a class one lacks counts 0)."""
    return {c: weight * a.get(c, 0.0) + (1 - weight) * b.get(c, 0.0) for c in sorted(set(a) | set(b))}


def variant_scores(examples: list[Any], probs: list[dict[str, float]], folds: list[int]) -> dict[str, Any]:
    """The figures of one probability source: thresholds chosen on all, and on the tuning folds only."""
    limits, objective = te.choose_thresholds(examples, probs, "both")
    tune_folds = TUNE_FOLDS if set(folds) - set(TUNE_FOLDS) else sorted(set(folds))[:-1]  # a partial run
    tune = [i for i, f in enumerate(folds) if f in tune_folds]
    rest = [i for i, f in enumerate(folds) if f not in tune_folds]
    tune_limits, _ = te.choose_thresholds([examples[i] for i in tune], [probs[i] for i in tune], "both")
    return {
        "objective": round(objective, 4),
        "model_alone_all": te.model_scores(examples, probs)["macro_f1"],
        "thresholds_all": vars(limits),
        "all": te.by_source(examples, probs, limits),
        "thresholds_tune_folds": vars(tune_limits),
        "tune_folds": te.by_source([examples[i] for i in tune], [probs[i] for i in tune], tune_limits),
        "untouched_folds": te.by_source([examples[i] for i in rest], [probs[i] for i in rest], tune_limits),
    }


def summary(name: str, scores: dict[str, Any]) -> str:
    """One line: news model alone, rules, rules + this (all / tuned folds / untouched folds)."""
    def news(part: str, key: str) -> float:
        return float(scores[part]["plv_train"][key])

    return (f"{name:<28} news alone {news('all', 'macro_f1'):.3f}  rules {news('all', 'rules_main_macro_f1'):.3f}  "
            f"combined {news('all', 'combined_main_macro_f1'):.3f} "
            f"(tune folds {news('tune_folds', 'combined_main_macro_f1'):.3f}, "
            f"untouched folds {news('untouched_folds', 'combined_main_macro_f1'):.3f}; rules there "
            f"{news('untouched_folds', 'rules_main_macro_f1'):.3f})  "
            f"PLOVER tune half {float(scores['all']['plover_gsr_dev']['combined_main_macro_f1']):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sentences", type=Path)
    parser.add_argument("oof", type=Path)
    parser.add_argument("--probs", choices=("int8", "fp32"), default="int8")
    parser.add_argument("--out", type=Path, help="write the scores (JSON) here")
    parser.add_argument("--card", type=Path, help="a model folder (train_minilm.py final): write the chosen blend "
                        "and these scores into its card.json")
    opts = parser.parse_args(argv)
    records = read_jsonl(opts.sentences)
    oof = {r["i"]: r[opts.probs] for r in read_jsonl(opts.oof)}
    keep = [i for i in range(len(records)) if i in oof]
    if len(keep) < len(records):
        print(f"only {len(keep)} of {len(records)} sentences have out-of-fold scores (folds "
              f"{sorted({records[i]['fold'] for i in keep})})", file=sys.stderr)
    examples = [te.load_example(records[i]) for i in keep]
    folds = [records[i]["fold"] for i in keep]
    linear = [records[i]["linear"] for i in keep]
    minilm = [oof[i] for i in keep]
    variants = {"linear": linear, "minilm": minilm}
    weights = {"linear": 1.0, "minilm": 0.0} | {f"linear {w} + minilm {1 - w}": w for w in LINEAR_WEIGHTS}
    variants |= {f"linear {w} + minilm {1 - w}": [mix(a, b, w) for a, b in zip(linear, minilm, strict=True)]
                 for w in LINEAR_WEIGHTS}
    report: dict[str, Any] = {"sentences": len(keep), "probs": opts.probs, "tune_folds": list(TUNE_FOLDS)}
    for name, probs in variants.items():
        report[name] = variant_scores(examples, probs, folds)
        print(summary(name, report[name]), file=sys.stderr)
    # What ships beside the rules: the MiniLM variant whose thresholds reach the best objective (the
    # mean of sentence type-set F1 and main-type macro-F1 over all sentences, as train_events.py) ...
    best = max((n for n in variants if n != "linear"), key=lambda n: (report[n]["objective"], n))
    shipped = {"variant": best, "linear_weight": weights[best], "thresholds": report[best]["thresholds_all"],
               "sure": 1.01, "read_share": 1.0}
    # ... read only where the linear model is unsure, when that costs (almost) nothing
    for sure in SURE:
        read = [max(p.values()) < sure for p in linear]
        probs = [mix(a, b, weights[best]) if r else a for a, b, r in zip(linear, minilm, read, strict=True)]
        name = f"{best}, read below {sure}"
        report[name] = variant_scores(examples, probs, folds) | {"read_share": round(sum(read) / len(read), 4)}
        print(summary(name, report[name]) + f"  read {report[name]['read_share']:.0%}", file=sys.stderr)
        if report[name]["objective"] >= report[best]["objective"] - SURE_LOSS and sure < shipped["sure"]:
            shipped |= {"variant": name, "thresholds": report[name]["thresholds_all"], "sure": sure,
                        "read_share": report[name]["read_share"]}
    report["shipped"] = shipped
    print(f"shipped: {report['shipped']}", file=sys.stderr)
    if opts.out:
        opts.out.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", "utf-8")
    if opts.card:
        path = opts.card / "card.json"
        card = json.loads(path.read_text("utf-8"))
        card |= {"combination": report["shipped"], "cross_validation": report}
        path.write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
