"""Static word vectors for the event type model: words the model never saw still land near the words
it did ("evacuated" near "withdrew"), a table look-up per word.

The table (``peacewatch/data/models/vectors/``, made by ``make vectors``; not shipped while the
shipped model reads no vectors, see docs/events.md) holds one vector per word piece of the MiniLM
vocabulary, distilled offline from all-MiniLM-L6-v2 by model2vec (``scripts/distill_vectors.py``);
nothing here needs torch, model2vec or a tokenizer library. A word is split as
the uncased MiniLM tokenizer splits it (lower case, accents dropped, punctuation apart, then the
longest known piece first, continuations marked ``##``) and its vector is the mean of its pieces'.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from ...errors import ConfigError

VECTOR_DIR = ("data", "models", "vectors")
PIECES_FILE = "pieces.txt"
MATRIX_FILE = "vectors.npy"
MAX_WORD = 100  # longer "words" are no words (the MiniLM tokenizer gives them up too)
_CHUNK = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


def normalize(word: str) -> str:
    """Lower case without accents, as the uncased MiniLM tokenizer reads a word."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def split_pieces(word: str, known: dict[str, int]) -> list[int]:
    """The rows of a word's pieces: each run of letters/digits and each punctuation mark apart, then
    the longest known piece first (``##`` marks a continuation). A run with no split is left out."""
    rows: list[int] = []
    for chunk in _CHUNK.findall(normalize(word)[:MAX_WORD]):
        rows += _greedy(chunk, known)
    return rows


def _greedy(chunk: str, known: dict[str, int]) -> list[int]:
    rows: list[int] = []
    start = 0
    while start < len(chunk):
        end = len(chunk)
        while end > start:
            piece = chunk[start:end] if start == 0 else "##" + chunk[start:end]
            if piece in known:
                rows.append(known[piece])
                break
            end -= 1
        if end == start:
            return []
        start = end
    return rows


class PieceVectors:
    """Word vectors from a table of word-piece vectors (float32 at run time)."""

    def __init__(self, pieces: list[str], matrix: np.ndarray) -> None:
        if len(pieces) != matrix.shape[0]:
            raise ValueError(f"{len(pieces)} pieces but {matrix.shape[0]} vectors")
        self.known = {p: i for i, p in enumerate(pieces)}
        self.matrix = matrix.astype(np.float32)
        self.dim = int(matrix.shape[1])
        self._words: dict[str, np.ndarray | None] = {}

    def word(self, word: str) -> np.ndarray | None:
        """The mean of a word's piece vectors; None when no piece is known."""
        if word not in self._words:
            rows = split_pieces(word, self.known)
            self._words[word] = self.matrix[rows].mean(axis=0) if rows else None
        return self._words[word]

    def mean(self, words: list[str]) -> np.ndarray:
        """The unit-length mean of the words' vectors (zeros when none is known)."""
        found = [v for w in words if (v := self.word(w)) is not None]
        if not found:
            return np.zeros(self.dim, dtype=np.float32)
        v = np.mean(found, axis=0)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else v


def read_vectors(folder: Traversable | Path) -> PieceVectors:
    """A word-piece table from a folder holding ``pieces.txt`` and ``vectors.npy``."""
    try:
        pieces = folder.joinpath(PIECES_FILE).read_text("utf-8").splitlines()
        with folder.joinpath(MATRIX_FILE).open("rb") as f:
            matrix = np.load(f, allow_pickle=False)
        return PieceVectors(pieces, matrix)
    except (OSError, ValueError) as e:
        raise ConfigError(f"the word vectors of the event type model are missing or invalid ({e}); "
                          "reinstall peacewatch or rebuild them with 'make vectors'", "E027") from e


@lru_cache(maxsize=1)
def load_vectors() -> PieceVectors:
    """The word-piece table in the package (``peacewatch/data/models/vectors``, ``make vectors``)."""
    return read_vectors(resources.files("peacewatch").joinpath(*VECTOR_DIR))
