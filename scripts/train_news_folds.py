"""The rules' reading of the news sentences, by fold: what rule work on news may look at, and what not.

    python scripts/train_news_folds.py [--shared ../shared] [--folds-file .build/news_folds.json]
                                       [--show GOLD:PRED ...] [--none]

The news sentences (``plv_train.jsonl``) fall into the five folds ``scripts/train_events.py``
cross-validates on (stratified by label, seed 0). Rule work reads only folds 0-2 (*tune*); folds 3-4
are *untouched*: this script prints their scores, never their sentences. For each part it prints
the main-type macro-F1 of the rules alone (the rules' main event as the status rules read it, the
figure ``train_events.py`` calls ``rules_main_macro_f1``), the sentence type-set F1, per-class F1,
the sentences with no event and the commonest confusions.

The fold of each sentence is computed once from every training sentence of ``train_events.py`` (the
labels of the other sources depend on the rules, so a rule change could move the folds) and kept
in ``--folds-file``, so that a split chosen before the rule work stays the split after it.
``--show GOLD:PRED`` lists the tune sentences of one confusion (``--show COOPERATE:NONE``), ``--none``
those where the rules find no event at all. ``--rows`` counts, per trigger-table row that made the
main event, how often its type was right and wrong in each part: aggregates only, so a row that
fires wrongly on the untouched folds shows without a sentence of them being read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from train_events import ROOT, Example, _macro, read_jsonl, sentence_example, set_f1

TUNE_FOLDS = (0, 1, 2)
UNTOUCHED_FOLDS = (3, 4)


def news_folds(nlp: Any, shared: Path, path: Path) -> list[int]:
    """The fold of each news sentence, from ``path`` or, the first time, from ``train_events.py``'s
    folds over all its training sentences (then written to ``path``)."""
    if path.exists():
        return [int(f) for f in json.loads(path.read_text("utf-8"))["plv_train"]]
    from train_events import doc_examples, fold_ids, sentence_examples

    examples = sentence_examples(nlp, shared) + doc_examples(nlp, shared)
    folds = [f for ex, f in zip(examples, fold_ids(examples, 5), strict=True) if ex.source == "plv_train"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"seed": 0, "folds": 5, "plv_train": folds}) + "\n", "utf-8")
    return folds


def news_examples(nlp: Any, shared: Path) -> list[Example]:
    from train_events import longest_sentence

    records = read_jsonl(shared / "data" / "events" / "plv_train.jsonl")
    return [sentence_example(longest_sentence(doc), "plv_train", [e["code"] for e in rec["events"]])
            for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True)]


def row_counts(nlp: Any, shared: Path, folds: list[int]) -> list[str]:
    """Per row of the main event's trigger (the first line of its ``why``) and the type the status
    rules give it: right / wrong on the tune and the untouched folds, commonest errors first."""
    from train_events import longest_sentence

    from peacewatch.extract.events.learned import main_event, model_class
    from peacewatch.extract.events.status import read
    from peacewatch.extract.events.triggers import find, model_view

    records = read_jsonl(shared / "data" / "events" / "plv_train.jsonl")
    counts: dict[str, Counter[str]] = {}
    for rec, doc, fold in zip(records, nlp.pipe(r["text"] for r in records), folds, strict=True):
        main = main_event(model_view(find(longest_sentence(doc))))
        if main is None:
            continue
        label = model_class(read(main).type)
        key = f"{main.rule.why.split(' -> ')[0]} -> {label}"
        part = "tune" if fold in TUNE_FOLDS else "untouched"
        right = label == model_class(rec["events"][0]["code"])
        counts.setdefault(key, Counter())[f"{part} {'right' if right else 'wrong'}"] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1]["tune wrong"] + kv[1]["untouched wrong"]), kv[0]))
    return [f"{key}: tune {c['tune right']} right / {c['tune wrong']} wrong, untouched {c['untouched right']} / "
            f"{c['untouched wrong']}" for key, c in ranked]


def rules_label(ex: Example) -> str:
    from peacewatch.extract.events.learned import model_class

    return model_class(ex.main_read) if ex.main_read else "NONE"


def class_f1(gold: list[str], pred: list[str]) -> dict[str, tuple[float, int]]:
    out = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        out[label] = (round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0, gold.count(label))
    return out


def part_report(name: str, chosen: list[Example]) -> dict[str, Any]:
    gold = [ex.label for ex in chosen]
    pred = [rules_label(ex) for ex in chosen]
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "part": name, "sentences": len(chosen),
        "rules_main_macro_f1": _macro(gold, pred),
        "rules_type_set_f1": set_f1([(ex.rules, ex.gold) for ex in chosen]),
        "no_event": pred.count("NONE"),
        "per_class": {k: f"{f:.3f} of {n}" for k, (f, n) in class_f1(gold, pred).items()},
        "confusions": [f"{g} read as {p}: {n}" for (g, p), n in confusions.most_common(12)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds-file", type=Path, default=ROOT / ".build" / "news_folds.json")
    parser.add_argument("--show", action="append", default=[], help="GOLD:PRED, tune folds only")
    parser.add_argument("--none", action="store_true", help="list tune sentences where the rules find no event")
    parser.add_argument("--brief", action="store_true", help="only the two parts' headline figures")
    parser.add_argument("--rows", action="store_true", help="right / wrong per trigger row and part (counts only)")
    opts = parser.parse_args(argv)
    from peacewatch.config import load_config
    from peacewatch.pipeline import load_spacy

    nlp = load_spacy(load_config().model)
    folds = news_folds(nlp, opts.shared, opts.folds_file)
    examples = news_examples(nlp, opts.shared)
    tune = [ex for ex, f in zip(examples, folds, strict=True) if f in TUNE_FOLDS]
    untouched = [ex for ex, f in zip(examples, folds, strict=True) if f in UNTOUCHED_FOLDS]
    for name, chosen in (("folds 0-2 (tune)", tune), ("folds 3-4 (untouched)", untouched), ("all", examples)):
        report = part_report(name, chosen)
        if opts.brief:
            report = {k: report[k] for k in ("part", "sentences", "rules_main_macro_f1", "rules_type_set_f1",
                                              "no_event")}
        print(json.dumps(report, indent=1))
    if opts.rows:
        print("\n".join(row_counts(nlp, opts.shared, folds)))
    wanted = {tuple(s.split(":", 1)) for s in opts.show}
    for ex in tune:
        pred = rules_label(ex)
        if (ex.label, pred) in wanted or (opts.none and pred == "NONE"):
            print(f"[{ex.label} -> {pred}] {ex.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
