"""``eval process --db`` reuses a database only when the same code, data and settings filled it: a
stored document is never extracted again, so a database of another version would be scored under
this version's name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.process_ledger import code_stamp, ingest_corpus
from peacewatch.store.sqlite import Store
from peacewatch.types import Document

DOCS = [Document(id="a1", text="Rebels released 12 soldiers on Monday in the northern valley.", published="2024-03-06")]


def stored(db: Path) -> int:
    with Store(db) as store:
        return store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_a_database_of_this_version_is_reused(tmp_path: Path) -> None:
    db = tmp_path / "dev.db"
    ingest_corpus(db, DOCS, load_config())
    assert (tmp_path / "dev.db.stamp").read_text().strip() == code_stamp(load_config())
    ingest_corpus(db, DOCS, load_config())
    assert stored(db) == 1


def test_a_database_of_another_version_or_unknown_origin_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "dev.db"
    ingest_corpus(db, DOCS, load_config())
    (tmp_path / "dev.db.stamp").write_text("0" * 32 + "\n")
    with pytest.raises(EvalError) as refused:
        ingest_corpus(db, DOCS, load_config())
    assert refused.value.code == "E052" and "give a new --db" in str(refused.value)
    (tmp_path / "dev.db.stamp").unlink()
    with pytest.raises(EvalError):
        ingest_corpus(db, DOCS, load_config())


def test_the_stamp_follows_what_is_read_not_where_or_how_fast() -> None:
    config = load_config()
    same = dataclasses.replace(config, db="elsewhere.db", workers=2, batch_size=7, document_timeout=5)
    assert code_stamp(same) == code_stamp(config)
    other = dataclasses.replace(config, pipeline=tuple(c for c in config.pipeline if c != "places"))
    assert code_stamp(other) != code_stamp(config)
