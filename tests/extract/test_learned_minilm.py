"""The fine-tuned MiniLM event type model (``event_model = "minilm"``): the blend with the linear model,
the choice of the sentences it reads, its card, and that it loads and classifies with onnxruntime and
tokenizers alone (torch is never imported)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import ConfigError
from peacewatch.extract.events.learned import NONE, load_model
from peacewatch.extract.events.transformer import MODEL_DIR, blend, ranked_verdict, softmax
from peacewatch.types import EVENT_TYPES, Document

FOLDER = Path(str(resources.files("peacewatch").joinpath("data", "models", MODEL_DIR)))
needs_runtime = pytest.mark.skipif(
    not (FOLDER / "model.onnx").exists() or any(
        __import__("importlib").util.find_spec(m) is None for m in ("onnxruntime", "tokenizers")),
    reason="the minilm model needs its files and the [minilm] extra (onnxruntime, tokenizers)")


def test_the_blend_weighs_the_linear_model_against_minilm_class_by_class() -> None:
    mixed = blend({"AID": 0.8, NONE: 0.2}, {"AID": 0.2, "ASSAULT": 0.8}, 0.25)
    assert mixed == pytest.approx({"AID": 0.35, "ASSAULT": 0.6, NONE: 0.05})
    assert blend({"AID": 1.0}, {"ASSAULT": 1.0}, 1.0) == {"AID": 1.0, "ASSAULT": 0.0}


def test_the_verdict_is_the_best_class_and_its_runner_up_ties_by_name() -> None:
    verdict = ranked_verdict({"REJECT": 0.4, "ACCUSE": 0.4, NONE: 0.2})
    assert (verdict.label, verdict.runner_up, verdict.score) == ("ACCUSE", "REJECT", 0.4)


def test_softmax_rows_are_distributions() -> None:
    import numpy as np

    rows = softmax(np.array([[1000.0, 1000.0], [0.0, -50.0]]))
    assert rows.sum(axis=1) == pytest.approx([1.0, 1.0]) and rows[0, 0] == pytest.approx(0.5) and rows[1, 0] > 0.99


def test_the_event_model_setting_names_a_known_model() -> None:
    assert load_config().event_model == "linear"
    assert load_config(event_model="minilm").event_model == "minilm"
    with pytest.raises(ConfigError) as raised:
        load_config(event_model="bert")
    assert raised.value.code == "E020"


@needs_runtime
def test_the_card_describes_the_shipped_files() -> None:
    card = json.loads((FOLDER / "card.json").read_text("utf-8"))
    for name, digest in card["files"].items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest
    assert set(card["classes"]) - {NONE, "YIELD"} <= set(EVENT_TYPES)
    assert set(card["classes"]) == set(load_model().classes)  # the blend adds like with like
    assert 0.0 <= card["combination"]["linear_weight"] <= 1.0
    assert set(card["combination"]["thresholds"]) == {"add", "retype", "keep"}
    assert card["settings"]["seed"] == 0 and len(card["sentences_file"]["sha256"]) == 64
    assert "Apache-2.0" in card["base"]["licence"] and card["code_version"]
    news = card["cross_validation"]["minilm"]["all"]["plv_train"]
    assert 0.0 < news["macro_f1"] <= 1.0
    assert (FOLDER / "model.onnx").stat().st_size < 32_000_000


@needs_runtime
def test_the_model_loads_and_classifies_without_torch(tmp_path: Path) -> None:
    # torch is importable in no project environment; the child makes sure: importing it fails there
    script = tmp_path / "classify.py"
    script.write_text(
        "import sys, json\n"
        "sys.modules['torch'] = None\n"
        "sys.modules['transformers'] = None\n"
        "from peacewatch.extract.events.transformer import load_minilm\n"
        "model = load_minilm()\n"
        "texts = ['Kenya sent medicine and blankets to the refugees in Somalia.',\n"
        "         'Gunmen attacked a police station in the north, killing four officers.']\n"
        "print(json.dumps(model.probabilities(texts)))\n", "utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    aid, attack = json.loads(done.stdout)
    assert max(aid, key=aid.get) == "AID" and max(attack, key=attack.get) == "ASSAULT"
    assert sum(aid.values()) == pytest.approx(1.0, abs=1e-4)


@pytest.fixture(scope="module")
def minilm_pipe(make_pipeline):  # type: ignore[no-untyped-def]
    from peacewatch.extract.events.transformer import load_minilm

    pipe = make_pipeline("timex", "actors", "quotes", "events")
    events = next(c for c in pipe.components if c.name == "events")
    linear, events.model = events.model, load_minilm()
    yield pipe
    events.model = linear


def _events(pipe, text: str):  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text, published="2024-01-10")]))
    return result.events


@needs_runtime
def test_with_minilm_a_sentence_the_rules_miss_gets_its_event_and_reasons(minilm_pipe) -> None:  # type: ignore[no-untyped-def]
    [event] = _events(minilm_pipe, "Kenya flew blankets and medicine to the refugees in Somalia.")
    assert (event.type, [a.code for a in event.actor]) == ("AID", ["KEN"])
    assert event.why is not None and event.why.startswith("model: AID") and "added" in event.why


@needs_runtime
def test_with_minilm_a_wrapped_event_is_the_rules_alone(minilm_pipe) -> None:  # type: ignore[no-untyped-def]
    # "refused to withdraw": a wrapper the model may not retype, so MiniLM does not read the sentence
    events = _events(minilm_pipe, "Russia refused to withdraw its troops from the region on Monday.")
    assert [e.type for e in events] == ["REJECT"]
    assert all(e.why is not None and "model:" not in e.why for e in events)
