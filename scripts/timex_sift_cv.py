"""Measure a learned keep/drop filter for the ambiguous timex families (docs/time.md, fifteenth round).

    python scripts/timex_sift_cv.py [--shared ../shared] [--folds 5] [--out REPORT.json]

The question: can a small logistic regression over a candidate's context decide what the TempEval-3
annotators decide and the word rules cannot, namely whether a reference word ("now", "currently":
``_REF`` values), a vague duration ("for months": a value with ``X``), a year-valued expression or a
set is tagged with our value? And, for the reference words the grammar does not take ("soon",
"previously", "already", …), whether one is tagged at all?

Data, read from ``../shared`` at run time and never copied: the three timex gold files. Training and
every choice use only their *tuning* folds (odd lines); the held-out folds (even lines) are scored once
per family set with the model the cross-validation chose, and only their aggregate value F1 is printed.

- Examples: every candidate of a family that ``extract.timex.tag`` finds inside a document's scored
  extent. Label 1 when the gold has an expression there (aligned as the scorer aligns) with the same
  value, else 0: dropping a false alarm or a wrong value raises value F1, dropping a right one lowers it.
- Features (``features``), by group: ``word`` (its words with digits as ``#``, its value's shape and
  family), ``syntax`` (its root's relation, the head's lemma and tag, the head's auxiliaries and
  negation), ``around`` (the words just before and after it), ``place`` (first or last in its sentence,
  inside a quotation) and ``genre`` (a news agency's dateline opening the text).
- Choice: k-fold cross-validation by document inside the tuning folds (documents dealt round-robin).
  For every family set, feature set and C the out-of-fold probabilities decide, at every threshold,
  which candidates go; each corpus's tuning value F1 is then 2·right / (gold + predicted) with the
  dropped ones taken out (the alignment of the rest is left as it was). The best mean of the three
  corpora wins; ties go to fewer feature groups, a smaller C and a lower threshold (fewer drops).
- The out-of-fold ROC AUC of each family and feature set says whether the context separates the two
  labels at all (0.5: not at all).

Deterministic: same data and code, same report.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from peacewatch.evaluate.timex import GoldDoc
    from peacewatch.types import Timex

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("tbaq_timebank", "tbaq_aquaint", "meantime_en")
GROUPS = ("word", "syntax", "around", "place", "genre")
GROUP_SETS = tuple(GROUPS[:n] for n in range(1, len(GROUPS) + 1))
FAMILY_SETS = (("ref",), ("vague",), ("ref", "vague"), ("year",), ("set",), ("ref", "vague", "year", "set"))
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 15))
# Reference words the grammar does not take, with the value the guidelines give them (the "emit" side).
UNTAKEN = {"soon": "FUTURE_REF", "previously": "PAST_REF", "already": "PAST_REF", "future": "FUTURE_REF",
           "earlier": "PAST_REF", "yet": "PRESENT_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
           "later": "FUTURE_REF", "once": "PAST_REF", "then": "PAST_REF"}
# A right value is worth 2 − F shares of value F1 and a false alarm costs F (F ≈ 0.83): emitting pays
# above a probability of F / 2.
BREAK_EVEN = 0.42
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+(?:,[^\n(]{1,40})?\s*\([A-Za-z-]+\)\s*(?:_|--|—|-)")
_DIGITS = re.compile(r"\d")


@dataclass
class Example:
    corpus: str
    doc: int  # the document's line in its gold file (0-based: even = a tuning line)
    family: str
    features: dict[str, list[str]]  # by group
    right: bool


@dataclass
class Corpus:
    """One gold file, parsed once, with the tagger's output on every document."""

    name: str
    gold: list[GoldDoc]
    parsed: list[Doc]
    predicted: list[list[Timex]] = field(default_factory=list)

    def fold(self, n: int) -> str:
        return "tuning" if n % 2 == 0 else "held_out"


def family(timex: Timex) -> str | None:
    """The ambiguous family of a timex: ``ref``, ``vague``, ``year``, ``set``, or None."""
    if timex.value.endswith("_REF"):
        return "ref"
    if timex.type == "DURATION" and "X" in timex.value:
        return "vague"
    if re.fullmatch(r"\d{3,4}", timex.value):
        return "year"
    return "set" if timex.type == "SET" else None


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def features(doc: Doc, timex: Timex, fam: str) -> dict[str, list[str]]:
    """A candidate's features by group (see the module docstring)."""
    out: dict[str, list[str]] = {g: [] for g in GROUPS}
    out["word"] = [f"fam={fam}", f"text={_shape(timex.text)}", f"value={fam}:{_shape(timex.value)}"]
    if _DATELINE.match(doc.text[:120]):
        out["genre"] = ["dateline", f"dateline:{fam}"]
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return out
    out["word"] += [f"first={_shape(span[0].text)}", f"last={_shape(span[-1].text)}"]
    root, head = span.root, span.root.head
    out["syntax"] = [f"dep={fam}:{root.dep_}", f"tag={root.tag_}"]
    if head.i != root.i:
        out["syntax"] += [f"head={head.lemma_.lower()}", f"htag={head.tag_}", f"dep_htag={root.dep_}:{head.tag_}"]
        aux = sorted(c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "auxpass"))
        out["syntax"] += [f"aux={a}" for a in aux] or ["aux=none"]
        out["syntax"] += ["negated"] if any(c.dep_ == "neg" for c in head.children) else []
    before = f"p1={fam}:{_shape(doc[span.start - 1].text)}" if span.start else "p1=<s>"
    after = f"n1={fam}:{_shape(doc[span.end].text)}" if span.end < len(doc) else "n1=</s>"
    out["around"] = [before, after] + ([f"p1tag={doc[span.start - 1].tag_}"] if span.start else [])
    out["place"] = _place(doc, span)
    return out


def _place(doc: Doc, span: Span) -> list[str]:
    sent = span.sent
    out = ["sent_first"] if span.start == sent.start else []
    out += ["sent_last"] if all(t.is_punct for t in doc[span.end:sent.end]) else []
    opened = doc.text[sent.start_char:span.start_char]
    if opened.count('"') % 2 or opened.count("``") > opened.count("''"):
        out.append("quoted")
    return out


def load(shared: Path) -> list[Corpus]:
    """The three gold files, parsed once, tagged as the pipeline tags them (its anchor included)."""
    from peacewatch.config import load_config
    from peacewatch.evaluate.timex import read_gold
    from peacewatch.extract.dating import infer
    from peacewatch.extract.timex import tag
    from peacewatch.pipeline import load_spacy
    from peacewatch.timespan import day

    nlp = load_spacy(load_config().model)
    corpora = []
    for name in CORPORA:
        gold = read_gold(shared / "data" / "timex" / f"{name}.jsonl")
        corpus = Corpus(name, gold, list(nlp.pipe((d.text for d in gold), batch_size=32)))
        for doc, parsed in zip(gold, corpus.parsed, strict=True):
            anchor = day(doc.dct)
            if anchor is None:  # an undated document is dated from its own text, as the pipeline does
                dated = infer(parsed, None)
                anchor = day(dated.day) if dated is not None else None
            corpus.predicted.append(tag(parsed, anchor))
        corpora.append(corpus)
    return corpora


def tuning_examples(corpora: list[Corpus]) -> tuple[list[Example], dict[str, list[int]]]:
    """The tuning folds' candidates of every family, and each corpus's [gold, predicted, right values]."""
    from peacewatch.evaluate.timex import align, same_value

    out, counts = [], {}
    for corpus in corpora:
        gold_n = pred_n = right_n = 0
        for n, (doc, parsed, pred) in enumerate(zip(corpus.gold, corpus.parsed, corpus.predicted, strict=True)):
            if corpus.fold(n) != "tuning":
                continue
            pred = [p for p in pred if p.start < doc.extent]
            pairs = {id(p): g for g, p in align(doc.timexes, pred)}
            gold_n, pred_n = gold_n + len(doc.timexes), pred_n + len(pred)
            for p in pred:
                right = id(p) in pairs and same_value(pairs[id(p)].value, p.value)
                right_n += right
                fam = family(p)
                if fam is not None:
                    out.append(Example(corpus.name, n, fam, features(parsed, p, fam), right))
        counts[corpus.name] = [gold_n, pred_n, right_n]
    return out, counts


def untaken_examples(corpora: list[Corpus]) -> list[Example]:
    """The tuning folds' reference words that no prediction covers; label 1 where the gold tags the word
    with the value the guidelines give it."""
    from peacewatch.types import Timex

    out = []
    for corpus in corpora:
        for n, (doc, parsed, pred) in enumerate(zip(corpus.gold, corpus.parsed, corpus.predicted, strict=True)):
            if corpus.fold(n) != "tuning":
                continue
            for tok in parsed:
                start, end = tok.idx, tok.idx + len(tok)
                value = UNTAKEN.get(tok.lower_)
                if value is None or start >= doc.extent or any(p.start < end and start < p.end for p in pred):
                    continue
                gold = [g for g in doc.timexes if g.start < end and start < g.end]
                timex = Timex(start, end, tok.text, "DATE", value)
                out.append(Example(corpus.name, n, "ref", features(parsed, timex, "ref"),
                                   bool(gold) and gold[0].value == value))
    return out


def _rows(exs: list[Example], groups: tuple[str, ...]) -> list[list[str]]:
    return [sorted({f for g in groups for f in ex.features[g]}) for ex in exs]


def _design(rows: list[list[str]], vocab: dict[str, int] | None = None) -> tuple[Any, dict[str, int]]:
    from scipy.sparse import csr_matrix

    vocab = vocab if vocab is not None else {f: j for j, f in enumerate(sorted({f for r in rows for f in r}))}
    indices, indptr = [], [0]
    for r in rows:
        indices += sorted(vocab[f] for f in r if f in vocab)
        indptr.append(len(indices))
    return csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(rows), len(vocab))), vocab


def _fit(rows: list[list[str]], labels: list[int], c: float) -> tuple[Any, dict[str, int]]:
    from sklearn.linear_model import LogisticRegression

    x, vocab = _design(rows)
    return LogisticRegression(C=c, solver="liblinear", random_state=0).fit(x, labels), vocab


def out_of_fold(exs: list[Example], groups: tuple[str, ...], c: float, k: int) -> list[float]:
    """Each example's probability from the model fitted without its document's fold."""
    fold_of = {key: n % k for n, key in enumerate(sorted({(ex.corpus, ex.doc) for ex in exs}))}
    rows, labels = _rows(exs, groups), [int(ex.right) for ex in exs]
    probs = [1.0] * len(exs)
    for f in range(k):
        test = [i for i, ex in enumerate(exs) if fold_of[(ex.corpus, ex.doc)] == f]
        train = [i for i, ex in enumerate(exs) if fold_of[(ex.corpus, ex.doc)] != f]
        if not test or len({labels[i] for i in train}) < 2:
            continue
        clf, vocab = _fit([rows[i] for i in train], [labels[i] for i in train], c)
        for i, p in zip(test, clf.predict_proba(_design([rows[i] for i in test], vocab)[0])[:, 1], strict=True):
            probs[i] = float(p)
    return probs


def _auc(labels: list[bool], probs: list[float]) -> float | None:
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(labels, probs)), 3) if len(set(labels)) == 2 else None


def _tuning_f1(exs: list[Example], dropped: list[bool], counts: dict[str, list[int]]) -> dict[str, float]:
    out = {}
    for name, (gold, pred, right) in counts.items():
        gone = [ex for ex, d in zip(exs, dropped, strict=True) if d and ex.corpus == name]
        out[name] = round(2 * (right - sum(ex.right for ex in gone)) / (gold + pred - len(gone)), 4)
    return out


def _mean(scores: dict[str, float]) -> float:
    return round(sum(scores.values()) / len(scores), 4)


def cross_validate(exs: list[Example], counts: dict[str, list[int]], k: int) -> dict[str, Any]:
    """The CV's best setting of each family set, and each family's out-of-fold AUC by feature set."""
    best, auc = {}, {}
    for families in FAMILY_SETS:
        sub = [ex for ex in exs if ex.family in families]
        rows = []
        for groups in GROUP_SETS:
            for c in C_GRID:
                probs = out_of_fold(sub, groups, c, k)
                auc[f"{'+'.join(families)} {'+'.join(groups)} C={c}"] = _auc([ex.right for ex in sub], probs)
                for t in THRESHOLDS:
                    f1 = _tuning_f1(sub, [p < t for p in probs], counts)
                    rows.append({"groups": list(groups), "C": c, "threshold": t,
                                 "dropped": sum(p < t for p in probs), "tuning": f1, "mean": _mean(f1)})
        best["+".join(families)] = max(rows, key=lambda r: (r["mean"], -len(r["groups"]), -r["C"], -r["threshold"]))
    return {"best": best, "auc": auc}


def held_out(corpora: list[Corpus], exs: list[Example], best: dict[str, Any]) -> dict[str, Any]:
    """Each family set's chosen model, fitted on all its tuning candidates, applied to the held-out folds:
    their value F1 by the scorer itself before and after, and how many candidates went and how many of
    those had the gold's value (aggregates only)."""
    from peacewatch.evaluate.timex import Tally, align, same_value

    def score(drop: Any) -> dict[str, Any]:
        scores, gone, right = {}, 0, 0
        for corpus in corpora:
            tally = Tally()
            for n, (doc, parsed, pred) in enumerate(zip(corpus.gold, corpus.parsed, corpus.predicted, strict=True)):
                if corpus.fold(n) != "held_out":
                    continue
                dropped = [p for p in pred if p.start < doc.extent and drop(parsed, p)]
                pairs = {id(p): g for g, p in align(doc.timexes, [p for p in pred if p.start < doc.extent])}
                gone += len(dropped)
                right += sum(id(p) in pairs and same_value(pairs[id(p)].value, p.value) for p in dropped)
                tally.add(doc, [p for p in pred if not any(p is d for d in dropped)], None)
            scores[corpus.name] = round(tally.scores()["value_f1"], 4)
        return {"value_f1": scores, "mean": _mean(scores), "dropped": gone, "right_among_dropped": right}

    out: dict[str, Any] = {"before": score(lambda parsed, p: False)}
    for key, setting in best.items():
        families, groups = key.split("+"), tuple(setting["groups"])
        sub = [ex for ex in exs if ex.family in families]
        clf, vocab = _fit(_rows(sub, groups), [int(ex.right) for ex in sub], setting["C"])

        def drop(parsed: Doc, p: Timex, clf: Any = clf, vocab: dict[str, int] = vocab, families: list[str] = families,
                 groups: tuple[str, ...] = groups, t: float = setting["threshold"]) -> bool:
            fam = family(p)
            if fam not in families:
                return False
            feats = features(parsed, p, fam)
            x = _design([sorted({f for g in groups for f in feats[g]})], vocab)[0]
            return bool(clf.predict_proba(x)[0, 1] < t)

        out[key] = score(drop)
    return out


def emit_side(exs: list[Example], k: int) -> dict[str, Any]:
    """Whether the untaken reference words can be emitted by context: out-of-fold AUC, and how many go
    over the break-even with how many right, for each feature set (C = 1)."""
    out: dict[str, Any] = {"candidates": len(exs), "tagged": sum(ex.right for ex in exs),
                           "by_word": dict(sorted(Counter(f"{ex.features['word'][1][5:]}:{int(ex.right)}"
                                                          for ex in exs).items()))}
    for groups in GROUP_SETS:
        probs = out_of_fold(exs, groups, 1.0, k)
        over = [ex for ex, p in zip(exs, probs, strict=True) if p >= BREAK_EVEN]
        out["+".join(groups)] = {"auc": _auc([ex.right for ex in exs], probs), "over_break_even": len(over),
                                 "right_among_them": sum(ex.right for ex in over)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, help="write the report here (else standard output)")
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    corpora = load(opts.shared)
    exs, counts = tuning_examples(corpora)
    cv = cross_validate(exs, counts, opts.folds)
    before = _tuning_f1(exs, [False] * len(exs), counts)
    report = {
        "candidates": dict(sorted(Counter(f"{ex.corpus}:{ex.family}:{int(ex.right)}" for ex in exs).items())),
        "tuning_before": {"value_f1": before, "mean": _mean(before)},
        "cv_best": cv["best"], "cv_auc": cv["auc"],
        "held_out": held_out(corpora, exs, cv["best"]),
        "emit": emit_side(untaken_examples(corpora), opts.folds),
    }
    text = json.dumps(report, indent=1, sort_keys=True) + "\n"
    if opts.out is not None:
        opts.out.write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
