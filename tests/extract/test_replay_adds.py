"""The replay of gates on the model's add (``scripts/replay_adds.py``): a gate acts only on sentences
where the rules found nothing, says no by leaving them empty, and a gate's parameter is chosen on the
training rows with 'no gate' winning ties. Made-up sentences and probabilities: no data, no training."""

from __future__ import annotations

import sys

import pytest

from peacewatch.extract.events.learned import Thresholds
from tests.scripts import ROOT, load_script

pytest.importorskip("sklearn")
sys.path.insert(0, str(ROOT / "scripts"))  # replay_adds imports train_events as the scripts do
replay = load_script("scripts/replay_adds.py", "replay_adds_under_test")
events = sys.modules["train_events"]


def limits() -> Thresholds:
    return Thresholds(0.3, 0.5, 0.3)


def empty(label: str, cand: list[str]) -> object:
    """A sentence the rules found nothing in, whose trigger-table words are ``cand``."""
    return events.Example("plv_train", [f"cand:{c}" for c in cand], label, {label}, set(), None, False, None)


def found(label: str) -> object:
    return events.Example("plv_train", [], label, {label}, {label}, label, True, label)


AID = {"AID": 0.7, "YIELD": 0.2, "NONE": 0.1}


def test_without_a_gate_the_model_adds_its_label() -> None:
    main, types = replay.outcome(empty("AID", []), AID, limits(), replay.PASS)
    assert (main, types) == ("AID", {"AID"})


def test_a_gate_that_says_no_leaves_the_sentence_empty() -> None:
    _, gate = replay.table_gate([], limits())
    assert replay.outcome(empty("AID", ["YIELD"]), AID, limits(), gate) == ("NONE", set())
    assert replay.outcome(empty("AID", ["AID"]), AID, limits(), gate) == ("AID", {"AID"})


def test_a_gate_never_touches_an_event_the_rules_found() -> None:
    _, gate = replay.never_aid_gate([], limits())
    assert replay.outcome(found("ASSAULT"), {"ASSAULT": 0.9, "AID": 0.1}, limits(), gate) == ("ASSAULT", {"ASSAULT"})


def test_a_tie_keeps_no_gate_and_a_better_gate_is_chosen() -> None:
    right = [(empty("AID", []), AID) for _ in range(3)]
    choice, _ = replay.margin_gate(right, limits())
    assert choice == 0.0  # every add is right: no margin helps, the first option stands
    wrong = [(empty("YIELD", []), {"AID": 0.45, "YIELD": 0.4, "NONE": 0.15}) for _ in range(3)]
    choice, gate = replay.margin_gate(right + wrong, limits())
    assert choice >= 0.05  # the close calls are the wrong ones: a margin keeps them out
    assert not gate(*wrong[0]) and gate(*right[0])


def framed(label: str, features: list[str]) -> object:
    """A sentence the rules found nothing in, whose anchor's frame features are ``features``."""
    return events.Example("plv_train", features, label, {label}, set(), None, False, None)


REPORTED = ["hdep:ccomp", "head:say", "c:nsubj:military"]
OWN = ["hdep:ROOT", "c:nsubj:military", "ent:nsubj:ORG"]


def test_the_frame_gates_read_the_anchors_relation_and_subject() -> None:
    assert replay._reported(framed("AID", REPORTED)) and not replay._reported(framed("AID", OWN))
    assert not replay._reported(framed("AID", ["hdep:ccomp", "head:decide"]))  # not a reporting verb
    assert replay._has_subject(framed("AID", REPORTED)) and not replay._has_subject(framed("AID", ["hdep:ROOT"]))
    assert replay._named_subject(framed("AID", OWN)) and not replay._named_subject(framed("AID", REPORTED))


def test_a_frame_gate_is_chosen_only_where_it_helps_on_the_training_rows() -> None:
    right = [(framed("AID", OWN), AID) for _ in range(3)]
    choice, _ = replay.GATES["not-reported"](right, limits())
    assert choice is None  # nothing reported among the rows: no gate, the first option
    wrong = [(framed("YIELD", REPORTED), AID) for _ in range(3)]
    choice, gate = replay.GATES["not-reported"](right + wrong, limits())
    assert choice == "not reported"
    assert not gate(*wrong[0]) and gate(*right[0])
