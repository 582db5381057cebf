"""Nested cross-validation of the rules + model combination: thresholds chosen inside each training fold.

    python scripts/train_nested.py [--shared ../shared] [--folds 5] [--C 3] [--folds-file .build/news_folds.json]

``scripts/train_events.py`` chooses the three thresholds of ``learned.decide`` (add, retype, keep) on
the out-of-fold probabilities of *every* sentence and then scores the combination on those same
probabilities: the thresholds have seen the labels they are scored on. Here each outer fold gets its
own thresholds, chosen on inner out-of-fold probabilities of the other folds alone (an inner k-1-fold
cross-validation of the training part), and is scored with the model trained on the other folds. What
is printed is therefore the figure of a combination rule chosen without the scored sentences: per
source, the rules alone, rules + model with the shared thresholds (as ``train_events.py`` reports it)
and with the nested ones, and for the news sentences the same on folds 0-2 and 3-4 of
``train_news_folds.py`` (rule work read folds 0-2 only). The thresholds each fold chose are printed
too: when they move from fold to fold the choice is noise, not a property of the data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from train_events import (
    ROOT,
    Example,
    _macro,
    choose_thresholds,
    combined_types,
    doc_examples,
    fold_ids,
    main_label,
    out_of_fold,
    sentence_examples,
    set_f1,
)


def nested_limits(examples: list[Example], c: float, folds: int,
                  inner_probs: list[list[dict[str, float]]] | None = None) -> list[Any]:
    """The thresholds of each outer fold, chosen on an inner cross-validation of the other folds (each
    fold's inner out-of-fold probabilities are appended to ``inner_probs`` when it is given)."""
    ids = fold_ids(examples, folds)
    chosen = []
    for k in range(folds):
        train = [ex for ex, f in zip(examples, ids, strict=True) if f != k]
        inner = out_of_fold(train, c, folds - 1)
        if inner_probs is not None:
            inner_probs.append(inner)
        limits, _score = choose_thresholds(train, inner, "both")
        chosen.append(limits)
    return chosen


def scores(rows: list[tuple[Example, dict[str, float], Any]]) -> dict[str, float]:
    """Main-type macro-F1 and sentence type-set F1 of the rules and of rules + model (each row
    carries its own thresholds)."""
    gold = [ex.label for ex, _, _ in rows]
    return {
        "sentences": len(rows),
        "rules_main_macro_f1": _macro(gold, [main_label(ex, None, lim) for ex, _, lim in rows]),
        "combined_main_macro_f1": _macro(gold, [main_label(ex, p, lim) for ex, p, lim in rows]),
        "rules_type_set_f1": set_f1([(ex.rules, ex.gold) for ex, _, _ in rows]),
        "combined_type_set_f1": set_f1([(combined_types(ex, p, lim), ex.gold) for ex, p, lim in rows]),
    }


def class_table(rows: list[tuple[Example, dict[str, float], Any]]) -> dict[str, Any]:
    """Per gold class, F1 and support of the rules alone and of rules + model (nested thresholds), and
    the commonest confusions of each: aggregates only, so an untouched part can be read this way."""
    gold = [ex.label for ex, _, _ in rows]
    rules = [main_label(ex, None, lim) for ex, _, lim in rows]
    blend = [main_label(ex, p, lim) for ex, p, lim in rows]
    out: dict[str, Any] = {"per_class (rules / blend, support)": {
        label: f"{_class_f1(gold, rules, label):.3f} / {_class_f1(gold, blend, label):.3f} ({gold.count(label)})"
        for label in sorted(set(gold))}}
    for name, pred in (("rules", rules), ("blend", blend)):
        pairs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
        out[f"{name} confusions"] = [f"{g} read as {p}: {n}" for (g, p), n in pairs.most_common(10)]
    return out


def _class_f1(gold: list[str], pred: list[str], label: str) -> float:
    tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
    wrong = sum((g == label) != (p == label) for g, p in zip(gold, pred, strict=True))
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def write_dump(path: Path, examples: list[Example], ids: list[int], probs: list[dict[str, float]],
               inner: list[list[dict[str, float]]]) -> None:
    rows = [{"source": ex.source, "label": ex.label, "gold": sorted(ex.gold), "rules": sorted(ex.rules),
             "main_type": ex.main_type, "plain": ex.plain, "main_read": ex.main_read, "others": sorted(ex.others),
             "cand": sorted({f.removeprefix("cand:") for f in ex.features if f.startswith("cand:")}),
             "features": ex.features,
             "text": ex.text, "fold": f, "probs": p} for ex, f, p in zip(examples, ids, probs, strict=True)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"examples": rows, "inner": inner}) + "\n", "utf-8")


def news_parts(path: Path) -> list[str] | None:
    """'tune' or 'untouched' for each news sentence, from the folds file of train_news_folds.py."""
    if not path.exists():
        return None
    return ["tune" if int(f) in (0, 1, 2) else "untouched" for f in json.loads(path.read_text("utf-8"))["plv_train"]]


def report(examples: list[Example], probs: list[dict[str, float]], shared_limits: Any, per_fold: list[Any],
           ids: list[int], parts: list[str] | None, classes: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    sources = sorted({ex.source.split(":")[0] for ex in examples})
    for source in sources:
        chosen = [i for i, ex in enumerate(examples) if ex.source.split(":")[0] == source]
        groups = {"all": chosen}
        if source == "plv_train" and parts is not None and len(parts) == len(chosen):
            groups["folds 0-2 (rules read)"] = [i for i, part in zip(chosen, parts, strict=True) if part == "tune"]
            groups["folds 3-4 (untouched)"] = [i for i, part in zip(chosen, parts, strict=True) if part != "tune"]
        for name, idx in groups.items():
            shared = scores([(examples[i], probs[i], shared_limits) for i in idx])
            nested = scores([(examples[i], probs[i], per_fold[ids[i]]) for i in idx])
            out[f"{source} {name}"] = {**shared, "nested_main_macro_f1": nested["combined_main_macro_f1"],
                                       "nested_type_set_f1": nested["combined_type_set_f1"]}
            if classes and source == "plv_train":
                out[f"{source} {name}"].update(class_table([(examples[i], probs[i], per_fold[ids[i]]) for i in idx]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", dest="c", type=float, default=3.0, help="the model's C (the shipped one: 3)")
    parser.add_argument("--folds-file", type=Path, default=ROOT / ".build" / "news_folds.json")
    parser.add_argument("--dump", type=Path, help="also write every sentence's reading, fold and outer and inner "
                        "out-of-fold probabilities (JSON), to try combination rules without training again")
    parser.add_argument("--classes", action="store_true",
                        help="per-class F1 and confusions of the news parts, rules beside the nested blend")
    opts = parser.parse_args(argv)
    from peacewatch.config import load_config
    from peacewatch.pipeline import load_spacy

    nlp = load_spacy(load_config().model)
    examples = sentence_examples(nlp, opts.shared) + doc_examples(nlp, opts.shared)
    print(f"{len(examples)} sentences: {dict(Counter(ex.label for ex in examples))}", file=sys.stderr)
    probs = out_of_fold(examples, opts.c, opts.folds)
    shared_limits, _score = choose_thresholds(examples, probs, "both")
    inner: list[list[dict[str, float]]] = []
    per_fold = nested_limits(examples, opts.c, opts.folds, inner)
    if opts.dump is not None:
        write_dump(opts.dump, examples, fold_ids(examples, opts.folds), probs, inner)
    result = {
        "C": opts.c, "folds": opts.folds,
        "shared_thresholds": vars(shared_limits),
        "thresholds_by_fold": [vars(lim) for lim in per_fold],
        "by_source": report(examples, probs, shared_limits, per_fold, fold_ids(examples, opts.folds),
                            news_parts(opts.folds_file), opts.classes),
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
