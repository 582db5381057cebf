"""Two and three ingests into one database at once: all finish (writers wait for the write lock,
the schema is created once), and the database holds what one sequential ingest of the same inputs
gives. The inputs overlap, so some documents reach two writers at once: one stores each."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Document, Result

from .support import cheap_config, corpus, dump, ingest, ingest_command


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("concurrent")
    parts = [corpus(folder / f"part{i}.jsonl", 50, seed=20, start=35 * i) for i in range(3)]  # 15 shared
    return cheap_config(folder), parts


def at_once(config: Path, db: Path, parts: list[Path]) -> list[subprocess.CompletedProcess[str]]:
    procs = [subprocess.Popen(ingest_command(config, db, part), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for part in parts]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_ingests_all_finish_and_equal_a_sequential_one(inputs, tmp_path: Path, writers: int) -> None:
    config, parts = inputs
    parts = parts[:writers]
    db = tmp_path / "shared.db"
    for run in at_once(config, db, parts):
        assert run.returncode == 0 and "E04" not in run.stderr, run.stderr
    ingest(config, tmp_path / "sequential.db", *parts)
    # A document both writers read is stored by the first to get the lock; its provenance (the
    # 'ingest' source file and line in 'extra') names that writer's file.
    provenance = frozenset({"documents.extra"})
    assert dump(db, provenance) == dump(tmp_path / "sequential.db", provenance)
    with Reader(db) as reader:
        assert reader.summary().documents == 50 + 35 * (writers - 1)


def test_writers_creating_one_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """Before the schema was created under the write lock, the second creator failed with 'table
    documents already exists' or 'database is locked'."""
    for attempt in range(5):
        path = tmp_path / f"new{attempt}.db"
        errors: list[BaseException] = []
        barrier = threading.Barrier(4)

        def open_and_write(i: int, path: Path = path, errors: list[BaseException] = errors,
                           barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                with Store(path) as store:
                    store.save(Document(f"t{i}", f"text number {i}"), Result(id=f"t{i}"))
            except BaseException as e:  # noqa: BLE001 - collected and asserted below
                errors.append(e)

        threads = [threading.Thread(target=open_and_write, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with Reader(path) as reader:
            assert reader.summary().documents == 4


def test_two_writers_saving_the_same_new_text_store_it_once(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    first, second = Store(path), Store(path)
    doc = Document("s1", "The same report reached both writers.")
    assert list(first.only_new([doc])) == list(second.only_new([doc])) == [doc]  # neither has it yet
    first.save(doc, Result(id="s1"))
    second.save(doc, Result(id="s1"))  # stored meanwhile by the other: a duplicate, not an error
    assert (first.stats.stored, second.stats.stored, second.stats.duplicates) == (1, 0, 2 - 1)
    first.close()
    second.close()
