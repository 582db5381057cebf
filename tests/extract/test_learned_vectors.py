"""The word vectors the event type model can read: splitting words as the MiniLM tokenizer does, the
mean vectors, the dense part of the model's score, and that the model loads with numpy alone (no
torch, model2vec or tokenizer library in the project's environment)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from peacewatch.errors import ConfigError
from peacewatch.extract.events.learned import Reading, TypeModel, dense_reading, load_model, sentence_reading
from peacewatch.extract.events.triggers import find
from peacewatch.extract.events.vectors import PieceVectors, load_vectors, normalize, read_vectors, split_pieces

PIECES = ["[UNK]", "with", "##drew", "with", "draw", "##n", "-", "cease", "##fire", "##s", "e"]
KNOWN = {p: i for i, p in enumerate(PIECES)}


def test_normalize_lowers_and_drops_accents() -> None:
    assert normalize("Türkiye") == "turkiye"
    assert normalize("ÉLN") == "eln"


def test_a_word_splits_into_the_longest_known_pieces_first() -> None:
    assert split_pieces("withdrew", KNOWN) == [KNOWN["with"], KNOWN["##drew"]]
    assert split_pieces("Ceasefires", KNOWN) == [KNOWN["cease"], KNOWN["##fire"], KNOWN["##s"]]
    # punctuation stands apart; a run no piece covers is left out, the rest kept
    assert split_pieces("cease-fire", KNOWN) == [KNOWN["cease"], KNOWN["-"]]
    assert split_pieces("zzz", KNOWN) == []


def _table() -> PieceVectors:
    matrix = np.zeros((len(PIECES), 2), dtype=np.float16)
    matrix[KNOWN["with"]] = (1, 0)
    matrix[KNOWN["##drew"]] = (0, 1)
    matrix[KNOWN["cease"]] = (3, 0)
    return PieceVectors(PIECES, matrix)


def test_a_word_vector_is_the_mean_of_its_pieces() -> None:
    table = _table()
    assert np.allclose(table.word("withdrew"), [0.5, 0.5])  # type: ignore[arg-type]
    assert table.word("zzz") is None


def test_a_mean_vector_is_unit_length_and_zero_for_unknown_words() -> None:
    table = _table()
    assert np.allclose(table.mean(["withdrew", "zzz"]), [2 ** -0.5, 2 ** -0.5])
    assert np.allclose(table.mean(["cease"]), [1.0, 0.0])
    assert not table.mean(["zzz"]).any() and table.mean([]).shape == (2,)


def test_a_table_with_more_pieces_than_vectors_is_refused() -> None:
    with pytest.raises(ValueError):
        PieceVectors(PIECES[:3], np.zeros((2, 2)))


def test_the_dense_weights_add_to_the_sparse_score() -> None:
    data = {"classes": ["AID", "NONE"], "bias": [0.0, 0.0], "weights": {},
            "thresholds": {"add": 0.5, "retype": 0.6, "keep": 0.2}, "dense": [[2.0, -2.0], [0.0, 0.0]]}
    model = TypeModel(data)
    assert model.probabilities(Reading([], np.array([1.0, 0.0])))["AID"] > 0.98
    assert model.probabilities(Reading([], np.array([0.0, 1.0])))["AID"] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        model.probabilities(["lem:send"])  # a model with dense weights needs the dense reading


def test_a_table_reads_back_from_its_two_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pieces.txt").write_text("".join(p + "\n" for p in PIECES), "utf-8")
    np.save(tmp_path / "vectors.npy", _table().matrix.astype(np.float16))
    table = read_vectors(tmp_path)
    assert table.known == KNOWN and np.allclose(table.mean(["withdrew"]), _table().mean(["withdrew"]))
    (tmp_path / "pieces.txt").write_text("with\n", "utf-8")
    with pytest.raises(ConfigError):
        read_vectors(tmp_path)


def test_the_model_runs_without_the_build_extras() -> None:
    # the build-only packages are absent from the project's environment, and the model loads anyway
    for name in ("torch", "model2vec", "sentence_transformers"):
        assert importlib.util.find_spec(name) is None, f"{name} is installed in the project's environment"
    model = load_model()
    assert (model.dense is None) == (model.vectors is None)


def test_built_vectors_place_related_words_near_each_other() -> None:
    try:
        table = load_vectors()
    except ConfigError:
        pytest.skip("no word vectors in the package (they are built by 'make vectors', not shipped)")
    withdrew, retreated, bombed = (table.mean([w]) for w in ("withdrew", "retreated", "bombed"))
    assert float(withdrew @ retreated) > float(withdrew @ bombed)


def test_the_dense_reading_has_three_parts_of_the_table_width(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp("Russian troops withdrew from the town.").sents)
    anchor = next(t for t in sent if t.lemma_ == "withdraw")
    table = _table()
    vector = dense_reading(sent, anchor, table)
    assert vector.shape == (3 * table.dim,)
    assert np.allclose(vector[table.dim:2 * table.dim], table.mean(["withdrew"]))
    assert not dense_reading(sent, None, table)[table.dim:].any()  # no anchor: zeros for its parts
    # the sentence reading is sparse only without a table, as the shipped model reads it
    assert sentence_reading(sent, find(sent))[1].dense is None
    _anchor, reading = sentence_reading(sent, find(sent), table)
    assert reading.dense is not None and np.allclose(reading.dense, vector) and "lem:withdraw" in reading.sparse
