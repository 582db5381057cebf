"""``peacewatch eval places``: the scoring definitions, the gold reader and the score gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.places import Case, Tally, evaluate, read_gold, same_place, score_case
from peacewatch.extract.places.gazetteer import Gazetteer
from peacewatch.types import Event, Place, Result
from tests.conftest import ROOT, shared_path

GOLD = ROOT / "tests" / "golden" / "places.jsonl"
# Floors: measured on tests/golden/places.jsonl (docs/places.md) minus about 0.02; floors only move up.
# The tune floor went down once, 0.95 -> 0.93, when the learned event coder found 0.975 of the gold
# events instead of 0.900: one newly found event ("fired at the Red Sea") meets the known limit that
# seas are not in the gazetteer (docs/places.md), so the share right over found events fell to 0.949.
FLOORS = {"tune_place_acc": 0.93, "test_place_acc": 0.80, "precision_agree": 0.88, "mention_acc": 0.93}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def test_the_same_key_or_within_25_km_is_the_same_place(gaz: Gazetteer) -> None:
    assert same_place(gaz, "geonames:703448", "geonames:703448", 50.45, 30.52)
    assert same_place(gaz, "geonames:703448", None, 50.40, 30.60)      # a few km from Kyiv's point
    assert not same_place(gaz, "geonames:703448", None, 49.84, 24.03)  # Lviv
    assert not same_place(gaz, "geonames:703448", None, None, None)


def test_no_gold_place_wants_no_coordinates(gaz: Gazetteer) -> None:
    assert same_place(gaz, None, None, None, None)
    assert not same_place(gaz, None, "geonames:703448", 50.45, 30.52)


def test_a_gold_key_missing_from_the_gazetteer_is_a_gold_error(gaz: Gazetteer) -> None:
    with pytest.raises(EvalError) as e:
        same_place(gaz, "geonames:1", None, 1.0, 1.0)
    assert e.value.code == "E050"


def test_an_event_is_scored_on_place_and_precision(gaz: Gazetteer) -> None:
    text = "Talks were held in Almaty."
    case = Case("c", "tune", text, None, [{"trigger_span": [0, 5], "place": "geonames:1526384", "precision": 1},
                                          {"trigger_span": [20, 25], "place": None, "precision": None}],
                [{"span": [19, 25], "place": "geonames:1526384"}])
    location = {"name": "Almaty", "ref": "geonames:1526384", "lat": 43.25, "lon": 76.92, "precision": 2}
    result = Result(id="c", events=[Event("ev1", "CONSULT", (0, 5), (0, 26), location=location)],
                    places=[Place("p1", 19, 25, "Almaty", ref="geonames:1526384", lat=43.25, lon=76.92)])
    tally, errors = Tally(), []
    score_case(case, result, gaz, tally, errors)
    assert (tally.events, tally.found, tally.place_ok, tally.precision_ok) == (2, 1, 1, 0)
    assert (tally.mentions, tally.mention_ok) == (1, 1)
    assert any("no event" in e for e in errors) and any("p1, got geonames:1526384 p2" in e for e in errors)


def test_the_gold_reader_refuses_a_record_without_text_or_doc(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "x", "split": "tune", "events": []}) + "\n", "utf-8")
    with pytest.raises(EvalError):
        read_gold(bad)
    bad.write_text(json.dumps({"id": "x", "split": "dev", "text": "t", "events": []}) + "\n", "utf-8")
    with pytest.raises(EvalError):
        read_gold(bad)


def test_references_into_an_absent_corpus_are_skipped_not_guessed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no shared/corpus above the gold file or the working directory
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "r", "split": "test", "doc": "dev-001", "events": []}) + "\n", "utf-8")
    assert read_gold(gold) == ([], 1)


def test_the_gold_has_both_splits_and_only_keys_of_the_gazetteer(gaz: Gazetteer) -> None:
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    assert {r["split"] for r in records} == {"tune", "test"}
    for r in records:
        for item in [*r["events"], *r.get("places", [])]:
            assert item["place"] is None or gaz.entry(item["place"]) is not None, (r["id"], item)
        for item in r["events"]:
            assert item["precision"] in (None, 1, 2, 3)
            assert (item["place"] is None) == (item["precision"] is None), (r["id"], item)


def test_gate_places_gold() -> None:
    shared_path("corpus", "dev_peace_processes.jsonl")
    report = evaluate(GOLD, load_config())
    assert report.counts["skipped"] == 0
    for name, floor in FLOORS.items():
        assert report.scores[name] >= floor, (name, report.scores, report.errors)
