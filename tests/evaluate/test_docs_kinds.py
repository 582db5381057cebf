"""The ``no_event`` breakdown of ``eval docs``: what kind of sentence holds an act the rules found
no event in, on sentences written for it."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.evaluate.docs import gold_events, match_events, predicted_events
from peacewatch.evaluate.docs_breakdown import Breakdown, add_document, sentence_kind
from peacewatch.types import Result


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The envoys welcomed the truce between the two armies.", "noun_tabled"),
    ("The signing of the accord in the capital was delayed.", "noun_untabled"),
    ("Forty soldiers were released by the rebels on Tuesday.", "passive"),
    ("Residents who fled the attacks returned to the valley.", "noun_tabled"),
    ("Residents who fled before the rebels withdrew stayed in the camps.", "subordinate"),
    ("The militia turned in its guns in the valley.", "no_trigger"),
])
def test_a_sentence_with_no_event_is_sorted_by_its_construction(nlp: Any, sentence: str, kind: str) -> None:
    assert sentence_kind(nlp(sentence)) == kind


def breakdown_of(nlp: Any, parts: tuple[str, str], record: dict[str, Any], text: str) -> Breakdown:
    """The breakdown of one document of ``parts`` for which nothing was predicted."""
    result = Result(id=record["id"])
    gold, pred = gold_events(record), predicted_events(result)
    out = Breakdown(parse=nlp)
    add_document(out, parts, record, result, text, gold, pred, match_events(gold, pred, None))
    return out


def test_the_kinds_are_counted_per_part_and_a_headline_first(nlp: Any) -> None:
    text = "Rebels turn in guns\nThe militia turned in its guns. The army withdrew."
    record = {"id": "x", "events": [
        {"type": "RETREAT", "actor": ["MOZ"], "recipient": [], "evidence": "Rebels turn in guns"},
        {"type": "RETREAT", "actor": ["MOZ"], "recipient": [], "evidence": "The militia turned in its guns"}]}
    out = breakdown_of(nlp, ("tune", "tune:p"), record, text)
    table = out.tables()["no event: kind of sentence (count)"]
    assert table["tune"]["headline"] == 1 and table["tune"]["no_trigger"] == 1
    assert table["tune:p"]["headline"] == 1 and sum(table["tune"].values()) == 2
    # the kinds are a table of their own, not a row of the outcome shares
    assert "kind:tune" not in out.tables()["gold events by outcome (share)"]


def test_gold_events_are_counted_by_their_status_and_outcome(nlp: Any) -> None:
    # a promised withdrawal missed (no event at all) and a past attack missed: the status table tells the
    # promise from the act told as done, per part only (not per process)
    text = "The army will withdraw from the valley. Rebels attacked a convoy in 2019."
    record = {"id": "x", "events": [
        {"type": "CONCEDE", "status": "future", "actor": ["MOZ"], "recipient": [],
         "evidence": "The army will withdraw from the valley"},
        {"type": "ASSAULT", "status": "historical", "actor": ["MOZ"], "recipient": [],
         "evidence": "Rebels attacked a convoy in 2019"}]}
    out = breakdown_of(nlp, ("untouched", "untouched:p"), record, text)
    table = out.tables()["gold events by status and outcome (count)"]
    assert table["untouched:future"]["gold"] == 1 and table["untouched:future"]["no_event"] == 1
    assert table["untouched:historical"]["gold"] == 1 and table["untouched:historical"]["matched"] == 0
    assert not any(row.startswith("untouched:p") for row in table)
    assert "status:untouched" not in out.tables()["gold events by outcome (share)"]
