"""The learned timex filter's measurement (``scripts/timex_sift_cv.py``, docs/time.md fifteenth round):
the families it asks about, the context features it reads, the value F1 it counts and the cross-validation
by document. On made-up sentences and examples, so it needs scikit-learn (the ``train`` extra) but no gold."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex
from tests.scripts import load_script

pytest.importorskip("sklearn")
sift = load_script("scripts/timex_sift_cv.py", "timex_sift_cv_under_test")


def test_families():
    assert sift.family(Timex(0, 3, "now", "DATE", "PRESENT_REF")) == "ref"
    assert sift.family(Timex(0, 6, "months", "DURATION", "PXM")) == "vague"
    assert sift.family(Timex(0, 4, "1998", "DATE", "1998")) == "year"
    assert sift.family(Timex(0, 9, "the 1990s", "DATE", "199")) == "year"
    assert sift.family(Timex(0, 5, "daily", "SET", "P1D")) == "set"
    assert sift.family(Timex(0, 7, "2 weeks", "DURATION", "P2W")) is None
    assert sift.family(Timex(0, 10, "1998-08-07", "DATE", "1998-08-07")) is None


def test_features_read_the_context(nlp):
    text = 'NAIROBI, Kenya (AP) _ The envoy said: "We are now ready to talk."'
    start = text.index("now")
    doc = nlp(text)
    feats = sift.features(doc, Timex(start, start + 3, "now", "DATE", "PRESENT_REF"), "ref")
    assert set(feats) == set(sift.GROUPS)
    assert "text=now" in feats["word"] and "value=ref:present_ref" in feats["word"]
    assert "p1=ref:are" in feats["around"] and "n1=ref:ready" in feats["around"]
    assert "quoted" in feats["place"]
    assert feats["genre"] == ["dateline", "dateline:ref"]
    assert any(f.startswith("head=") for f in feats["syntax"])


def test_years_are_read_as_shapes(nlp):
    doc = nlp("Sales rose in 1998.")
    feats = sift.features(doc, Timex(14, 18, "1998", "DATE", "1998"), "year")
    assert "text=####" in feats["word"] and "first=####" in feats["word"]
    assert feats["genre"] == [] and "sent_last" in feats["place"]


def example(corpus: str, doc: int, right: bool) -> object:
    word = "now" if right else "currently"
    return sift.Example(corpus, doc, "ref", {g: [f"text={word}"] if g == "word" else [] for g in sift.GROUPS}, right)


def test_value_f1_counts_the_dropped():
    exs = [example("a", 0, True), example("a", 0, False)]
    counts = {"a": [10, 10, 8]}  # gold, predicted, right values: 2·8 / 20
    assert sift._tuning_f1(exs, [False, False], counts) == {"a": 0.8}
    assert sift._tuning_f1(exs, [False, True], counts) == {"a": round(16 / 19, 4)}  # a false alarm gone
    assert sift._tuning_f1(exs, [True, False], counts) == {"a": round(14 / 19, 4)}  # a right one gone


def test_out_of_fold_learns_from_other_documents_only():
    exs = [example("a", n, n % 2 == 0) for n in range(20)]
    probs = sift.out_of_fold(exs, ("word",), 1.0, 5)
    assert probs == sift.out_of_fold(exs, ("word",), 1.0, 5)  # deterministic
    assert all((p > 0.5) == ex.right for ex, p in zip(exs, probs, strict=True))
    assert sift._auc([ex.right for ex in exs], probs) == 1.0
