"""NER evaluation: the gold readers (MEANTIME-style JSON Lines, CoNLL) and the gate on MEANTIME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.ner import evaluate, read_gold
from tests.conftest import shared_path

# Measured 2026-11-29 on meantime_en.jsonl (830 named gold mentions): actors relaxed F1 0.439,
# spaCy alone 0.429.
FLOOR_F1 = 0.43


def test_conll_reader(tmp_path: Path) -> None:
    gold = tmp_path / "g.conll"
    gold.write_text(
        "-DOCSTART- -X- O O\n\nKofi NNP B-NP B-PER\nAnnan NNP I-NP I-PER\nvisited VBD B-VP O\n"
        "Kenya NNP B-NP B-LOC\n. . O O\n\nThe DT B-NP O\nUN NNP I-NP B-ORG\nagreed VBD B-VP O\n",
        "utf-8",
    )
    [doc] = read_gold(gold)
    assert [(g.type, g.text) for g in doc.gold] == [("PER", "Kofi Annan"), ("LOC", "Kenya"), ("ORG", "UN")]
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text


def test_jsonl_reader_keeps_named_inner_mentions(tmp_path: Path) -> None:
    text = "Acme parent Globex sued Initech."
    ents = [
        {"start": 0, "end": 18, "type": "ORG", "syntactic_type": "NAM"},
        {"start": 12, "end": 18, "type": "ORG", "syntactic_type": "NAM"},
        {"start": 0, "end": 4, "type": "ORG", "syntactic_type": "NAM"},
        {"start": 24, "end": 31, "type": "ORG", "syntactic_type": "NOM"},
    ]
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "text": text, "entities": ents}) + "\n", "utf-8")
    [doc] = read_gold(gold)
    assert [g.text for g in doc.gold] == ["Acme", "Globex"]


def test_unknown_baseline_is_E051(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "text": "x", "entities": []}) + "\n", "utf-8")
    with pytest.raises(EvalError) as info:
        evaluate(gold, load_config(), baseline="nope")
    assert info.value.code == "E051"


def test_own_text_scores(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Yerevan said Kenyan Foreign Minister Musalia Mudavadi would visit NATO."
    ents = [{"start": 0, "end": 7, "type": "LOC"}, {"start": 37, "end": 53, "type": "PER"},
            {"start": 66, "end": 70, "type": "ORG"}]
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "text": text, "entities": ents}) + "\n", "utf-8")
    report = evaluate(gold, load_config(), nlp=nlp)
    assert report.scores["recall"] == 1.0
    assert "spacy" in report.baselines and set(report.breakdown["by_type_spacy"]) == {"PER", "ORG", "LOC"}


def test_gate_meantime(nlp) -> None:  # type: ignore[no-untyped-def]
    gold = shared_path("data", "timex", "meantime_en.jsonl")
    report = evaluate(gold, load_config(), nlp=nlp)
    assert report.scores["f1"] >= FLOOR_F1
    assert report.scores["f1"] > report.baselines["spacy"]["f1"]
