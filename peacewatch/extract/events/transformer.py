"""The fine-tuned MiniLM event type model: a sentence's main PLOVER type from its words, read by onnxruntime.

all-MiniLM-L6-v2 fine-tuned on the same sentences and labels as the linear model (``learned``),
exported to ONNX with int8 weights and shipped in ``peacewatch/data/models/minilm`` with its
WordPiece tokenizer (``tokenizer.json``) and card (``card.json``: data, SHA-256, licence, code
version, cross-validated scores). ``scripts/train_minilm.py`` builds it (``make minilm``) in a
build-only environment; at run time torch is never imported: ``onnxruntime`` and ``tokenizers`` come
with the ``minilm`` extra (``pip install 'peacewatch[minilm]'``).

Its probabilities are blended with the linear model's (``weight`` of the linear one, from the card)
and the blend goes through the same combination rule (``learned.decide``) with the thresholds chosen
for the blend on out-of-fold scores. Only the sentences where the model can change something are
read (an anchor the rules may retype, or an anchor verb where the rules found nothing), and of those
only where the linear model is unsure (its best class below ``sure``, from the card; where it is
sure its word stands), batched per document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ConfigError
from .learned import Reading, Thresholds, TypeModel, Verdict, load_model

MODEL_DIR = "minilm"
MAX_TOKENS = 128  # the sentence is cut past this many word pieces (as in scripts/train_minilm.py)
BATCH = 16


@dataclass(frozen=True)
class Scored:
    """The blended reading of one sentence: the verdict and every class's probability."""

    verdict: Verdict
    probs: dict[str, float]


def ranked_verdict(probs: dict[str, float]) -> Verdict:
    """Best class and runner-up, ties broken by name (as ``TypeModel.verdict``)."""
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    (label, score), (second, second_score) = ranked[0], ranked[1]
    return Verdict(label, score, second, second_score)


def blend(linear: dict[str, float], minilm: dict[str, float], weight: float) -> dict[str, float]:
    """``weight`` of the linear model's probability and the rest of MiniLM's, class by class."""
    return {c: weight * linear.get(c, 0.0) + (1 - weight) * minilm.get(c, 0.0)
            for c in sorted(set(linear) | set(minilm))}


def softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


class MiniLMTypes:
    """Sentence type probabilities from the ONNX model, blended with the linear model's."""

    def __init__(self, folder: Path | Any, linear: TypeModel, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:
            raise ConfigError(f"the minilm event model needs onnxruntime and tokenizers ({e}); "
                              "install them with pip install 'peacewatch[minilm]'", "E027") from e
        card = json.loads((folder / "card.json").read_text("utf-8"))
        self.classes: list[str] = list(card["classes"])
        combination = card["combination"]
        self.weight = float(combination["linear_weight"])
        self.thresholds = Thresholds(**combination["thresholds"])
        self.sure = float(combination.get("sure", 1.01))  # above 1: MiniLM reads every candidate
        self.linear = linear
        self.vectors = linear.vectors
        self.tokenizer = Tokenizer.from_str((folder / "tokenizer.json").read_text("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession((folder / "model.onnx").read_bytes(), options,
                                            providers=["CPUExecutionProvider"])

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """MiniLM's class probabilities for each text (no blend), in batches of sentences of like length
        (a batch is padded to its longest)."""
        encoded = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        out: list[dict[str, float]] = [{} for _ in texts]
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            width = max(len(encoded[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for k, i in enumerate(rows):
                ids[k, : len(encoded[i].ids)] = encoded[i].ids
                mask[k, : len(encoded[i].ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            for i, row in zip(rows, softmax(self.session.run(["logits"], feed)[0]), strict=True):
                out[i] = {c: float(p) for c, p in zip(self.classes, row, strict=True)}
        return out

    def score(self, texts: list[str], readings: list[Reading]) -> list[Scored]:
        """The verdict of each sentence (its text and the linear model's reading): the linear model's
        alone where it is sure (its best class at least ``sure``), else the blend with MiniLM's."""
        linear = [self.linear.probabilities(reading) for reading in readings]
        unsure = [i for i, probs in enumerate(linear) if max(probs.values()) < self.sure]
        read = dict(zip(unsure, self.probabilities([texts[i] for i in unsure]), strict=True))
        out = []
        for i, probs in enumerate(linear):
            if i in read:
                probs = blend(probs, read[i], self.weight)
            out.append(Scored(ranked_verdict(probs), probs))
        return out


@lru_cache(maxsize=1)
def load_minilm() -> MiniLMTypes:
    """The shipped MiniLM model (``peacewatch/data/models/minilm``) beside the shipped linear one."""
    folder = resources.files("peacewatch").joinpath("data", "models", MODEL_DIR)
    try:
        return MiniLMTypes(folder, load_model())
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"the minilm event model in data/models/{MODEL_DIR} is missing or invalid ({e}); "
                          "rebuild it with 'make minilm'", "E027") from e
