"""This round's parts of the learned event coder: the wrapped-trigger threshold of the combination,
the rules' own reading as a model feature, the per-class report of the training script and the
synthetic sentences it can train on."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from types import ModuleType

import pytest

from peacewatch.extract.events.learned import NONE, Thresholds, TypeModel, Verdict, decide, sentence_reading
from peacewatch.extract.events.triggers import find
from peacewatch.pipeline import registered
from peacewatch.types import Document
from tests.scripts import ROOT, load_script

SURE = Verdict("REJECT", 0.93, "AGREE", 0.03)
PROBS = {"REJECT": 0.93, "AGREE": 0.03, NONE: 0.04}


def test_a_wrapped_trigger_is_retyped_only_as_sure_as_its_own_threshold() -> None:
    limits = Thresholds(add=0.4, retype=0.5, keep=0.3, wrapped=0.9)
    assert decide(SURE, PROBS, "AGREE", False, limits) == "retype"
    assert decide(Verdict("REJECT", 0.85, "AGREE", 0.1), {"REJECT": 0.85, "AGREE": 0.1}, "AGREE", False,
                  limits) is None
    # the model's label is the rules' own class, or another rule event's type: nothing to retype
    assert decide(SURE, PROBS, "REJECT", False, limits) is None
    assert decide(SURE, PROBS, "AGREE", False, limits, frozenset({"REJECT"})) is None
    # a status rule typed it: "agreed to a truce" (trigger AGREE, the rules output CONCEDE with the
    # nested truce and its status) and "will withdraw" (RETREAT read as CONCEDE, PLOVER's rule for an
    # announced withdrawal; the golden announced-withdrawal case) stay as the rules read them
    truce = Verdict("YIELD", 0.95, "AGREE", 0.02)
    assert decide(truce, {"YIELD": 0.95, "AGREE": 0.02}, "AGREE", False, limits, main_read="CONCEDE") is None
    assert decide(truce, {"YIELD": 0.95, "AGREE": 0.02}, "AGREE", False, limits, main_read="AGREE") == "retype"
    announced = Verdict("AGREE", 0.96, "REJECT", 0.01)
    assert decide(announced, {"AGREE": 0.96}, "RETREAT", False, limits, main_read="CONCEDE") is None


def test_thresholds_without_a_wrapped_limit_never_retype_a_wrapped_trigger() -> None:
    old = Thresholds(add=0.4, retype=0.5, keep=0.3)  # as models trained before the threshold read
    assert decide(Verdict("REJECT", 1.0, "AGREE", 0.0), {"REJECT": 1.0}, "AGREE", False, old) is None
    assert decide(Verdict("REJECT", 1.0, "AGREE", 0.0), {"REJECT": 1.0}, "AGREE", True, old) == "retype"


def test_the_model_reads_the_main_event_as_the_status_rules_read_it(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp("Russia will withdraw its troops from the region.").sents)
    found = find(sent)
    _anchor, reading = sentence_reading(sent, found)
    read = [f for f in reading.sparse if f.startswith("read:")]
    main = [f for f in reading.sparse if f.startswith("main:")]
    assert main == ["main:RETREAT"] and read == ["read:CONCEDE"]  # an announced withdrawal


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("these checks read actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def test_a_sure_model_retypes_a_wrapped_trigger_at_run_time_and_says_so(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The United States and South Korea failed to reach agreement on a free-trade deal."
    events = next(c for c in pipe.components if c.name == "events")
    stub = {"classes": ["AGREE", "NONE", "REJECT"], "bias": [0.0, 0.0, 0.0],
            "weights": {"wrap:fail": [-5.0, -5.0, 5.0]}}
    shipped = events.model
    try:
        events.model = TypeModel({**stub, "thresholds": {"add": 0.4, "retype": 0.5, "keep": 0.3, "wrapped": 1.01}})
        [document] = list(pipe.annotate([Document(id="t", text=text, published="2024-01-10")]))
        assert "REJECT" not in [e.type for e in document.events]  # never: the rules' reading stands
        events.model = TypeModel({**stub, "thresholds": {"add": 0.4, "retype": 0.5, "keep": 0.3, "wrapped": 0.9}})
        [document] = list(pipe.annotate([Document(id="t", text=text, published="2024-01-10")]))
    finally:
        events.model = shipped
    [event] = [e for e in document.events if e.type == "REJECT"]
    assert event.why is not None and event.why.startswith("model: REJECT") and "retyped from" in event.why


def _registered_script(relative: str, name: str) -> ModuleType:
    """A script whose dataclasses need their module in ``sys.modules`` while it runs (``load_script``
    runs it unregistered)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_training_script_reports_per_class_f1_and_the_confusions() -> None:
    te = _registered_script("scripts/train_events.py", "train_events_for_test")
    from peacewatch.extract.events.learned import Thresholds as Limits

    def example(label: str, rules: str | None) -> object:
        return te.Example("plv_train", [], label, {label}, {rules} if rules else set(), rules, True, rules)

    examples = [example("AID", None), example("AID", "AID"), example("SANCTION", "COERCE")]
    probs = [{"AID": 0.9, NONE: 0.1}, {"AID": 0.8, NONE: 0.2}, {"SANCTION": 0.9, "COERCE": 0.05, NONE: 0.05}]
    report = te.per_class(examples, probs, Limits(add=0.5, retype=0.5, keep=0.3))
    assert report["support"] == {"AID": 2, "SANCTION": 1}
    assert report["f1"]["AID"]["rules"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["f1"]["AID"]["combined"] == 1.0 and report["f1"]["SANCTION"]["combined"] == 1.0
    assert report["f1"]["SANCTION"]["rules"] == 0.0
    assert report["confusion"] == {}
    worse = te.per_class(examples, probs, Limits(add=1.01, retype=1.01, keep=0.0))
    assert worse["confusion"] == {"AID>NONE": 1, "SANCTION>COERCE": 1}


def test_the_synthetic_sentences_are_fixed_filled_and_of_model_classes() -> None:
    ts = load_script("scripts/train_synthetic.py", "train_synthetic_for_test")
    rows = ts.synthetic()
    assert rows == ts.synthetic() and ts.fingerprint(rows) == ts.fingerprint(ts.synthetic())
    assert all("{" not in text and "}" not in text and text.endswith(".") for _label, text in rows)
    counts = Counter(label for label, _ in rows)
    assert set(counts) == set(ts.FRAMES) and all(n == 3 * len(ts.FRAMES[k]) for k, n in counts.items())
    assert len({text for _, text in rows}) == len(rows)  # no sentence twice
