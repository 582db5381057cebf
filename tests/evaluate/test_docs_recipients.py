"""Recipients of matched events: the disagreement classes ``eval docs`` and ``eval events`` count, on small
cases, and the recipient gate on the document gold, split into the tuning and the untouched processes."""

from __future__ import annotations

from collections import Counter

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.docs import code_set, evaluate
from peacewatch.evaluate.docs_recipients import count, disagreement, source, tables
from peacewatch.extract.events.participants import RECIPIENT_FROM
from peacewatch.pipeline import registered
from peacewatch.types import Argument, Event
from tests.conftest import shared_path

# Floors: measured minus about 0.01; they only move up. Ninth round (recipients), at its start: tune
# 0.606 (66 of 109 matched events), untouched 0.588 (40 of 68). Eleventh round (datelines): tune
# 0.600 -> 0.595 (66 of 110 -> 66 of 111) with no recipient lost: the dateline no longer the actor,
# one more event matches ("JEDDAH — Sudan's warring factions have committed …"), whose implicit
# recipient the gold does not give; the floor follows that one count down. Fifteenth round (the mediator
# as recipient): tune 0.616 -> 0.643 (69 -> 72 of 112), untouched 0.590 -> 0.603 (46 -> 47 of 78).
TUNE_RECIPIENT_FLOOR = 0.633
UNTOUCHED_RECIPIENT_FLOOR = 0.593


def _event(recipients: list[str | None], why: str = "") -> Event:
    return Event(id="e1", type="ASSAULT", trigger_span=(0, 1), span=(0, 1), why=why,
                 recipient=[Argument(None, code, None, code or "") for code in recipients])


def test_a_disagreement_is_sorted_by_how_the_code_sets_differ() -> None:
    cases = {(("GHA",), ("GHA",)): "agree", (("GHA",), ()): "ours_none", ((), ("TGO",)): "gold_none",
             (("GHA",), ("TGO",)): "disjoint", (("GHA", "TGO"), ("TGO",)): "subset",
             (("TGO",), ("GHA", "TGO")): "superset", (("GHA", "BEN"), ("GHA", "TGO")): "overlap"}
    for (gold, ours), want in cases.items():
        assert disagreement(code_set(list(gold)), code_set(list(ours))) == want


def test_the_source_is_read_from_the_events_why() -> None:
    assert source(_event(["TGO"], f"triggers.tsv:1 attack/VERB; {RECIPIENT_FROM}object on; model: …")) == "object on"
    assert source(_event(["GHA"], "implicit recipient: the actor's own country GHA (row 3)")) == "implicit"
    assert source(_event([None], f"{RECIPIENT_FROM}to")) == "none"  # no coded recipient: none named
    assert source(_event([])) == "none"


def test_disagreements_are_tabled_by_part_class_and_source() -> None:
    counts: Counter[str] = Counter()
    count(counts, code_set(["GHA"]), code_set(["GHA"]), _event(["GHA"]))
    count(counts, code_set(["GHA"]), code_set([]), _event([]))
    count(counts, code_set(["GHA"]), code_set(["TGO"]), _event(["TGO"], f"{RECIPIENT_FROM}nearest"))
    out = tables({"tune": counts})
    by_class = out["recipients of matched events: class (count)"]["tune"]
    assert (by_class["agree"], by_class["ours_none"], by_class["disjoint"]) == (1.0, 1.0, 1.0)
    by_source = out["recipient disagreements: our source x class (count)"]
    assert by_source["tune:none"]["ours_none"] == 1.0 and by_source["tune:nearest"]["disjoint"] == 1.0


def test_gate_recipients_of_the_document_gold() -> None:
    gold = shared_path("data", "docs", "dev.docs.jsonl")
    if "actors" not in registered():
        pytest.skip("event recipients need actor codes from the 'actors' component")
    report = evaluate(gold, load_config())
    assert report.scores["tune_recipient_agree"] >= TUNE_RECIPIENT_FLOOR
    assert report.scores["untouched_recipient_agree"] >= UNTOUCHED_RECIPIENT_FLOOR
    classes = report.breakdown["recipients of matched events: class (count)"]
    assert set(classes) == {"tune", "untouched"} and all(row["agree"] > 0 for row in classes.values())
