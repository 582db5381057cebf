"""The Dask engine gives what the local engine gives: the same ``extract`` output, byte for byte, and
the same database from ``ingest``; a document that kills its worker fails alone (E031).

One local Dask cluster (2 worker processes) serves the module through ``--scheduler``, so that the
workers load the pipeline once; one test leaves ``--scheduler`` out, so that the engine starts and
closes a cluster of its own. The texts are our own (the fault suite's generator) plus, when
``../shared`` is there, the first 30 articles of the dev corpus.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.config import load_config
from peacewatch.engines import make_engine
from peacewatch.flow import extract
from peacewatch.pipeline import register
from peacewatch.types import Document
from tests.conftest import SHARED
from tests.faults.support import corpus, dump

distributed = pytest.importorskip("distributed", reason="the Dask engine needs pip install 'peacewatch[dask]'")
import dask  # noqa: E402 - installed with distributed

from peacewatch.engines.dask import LOCAL_SCHEDULER  # noqa: E402

SAMPLE = 30
# The misbehaving component gives up by itself after this long, so a broken time limit shows as a
# document without its E032 (and a slow run), never as a hang; generous because a loaded machine
# starts a local cluster slowly.
GIVE_UP = 180.0


class Die:
    """Kills its worker process on a document that says 'vanish' (as the kernel's OOM killer would)."""

    name = "test-dask-die"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "vanish" in ann.document.text:
            os._exit(9)
        return ann


class Misbehave:
    """Stuck in C code on 'stuck' (where no exception reaches), looping in Python on 'spin'; both give up
    by themselves after ``GIVE_UP`` seconds, so that a broken time limit fails the test, not hangs it."""

    name = "test-dask-misbehave"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "stuck" in ann.document.text:
            time.sleep(GIVE_UP)
        begun = time.monotonic()
        while "spin" in ann.document.text and time.monotonic() - begun < GIVE_UP:
            pass
        return ann


register("test-dask-die", requires=("tokens",), provides=())(lambda config: Die())
register("test-dask-misbehave", requires=("tokens",), provides=())(lambda config: Misbehave())


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a 2-worker local cluster that gives up on a task after its first lost worker."""
    with dask.config.set(LOCAL_SCHEDULER):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                           scheduler_port=0, silence_logs=logging.ERROR,
                                           scheduler_kwargs={"allowed_failures": 0})
    with cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our own dated reports, then (when ../shared is there) dev-corpus articles, as JSON Lines."""
    path = tmp_path_factory.mktemp("dask") / "inputs.jsonl"
    corpus(path, 12, seed=17)
    dev = SHARED / "corpus" / "dev_peace_processes.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as f:
            sample = [json.loads(line) for _, line in zip(range(SAMPLE), f, strict=False)]
        with path.open("a", encoding="utf-8") as out:
            for a in sample:
                out.write(json.dumps({"id": a["id"], "text": a["text"], "published": a.get("date")}) + "\n")
    with path.open("a", encoding="utf-8") as out:
        out.write("{not json\n")  # an input that fails before any engine sees it
    return path


def small_partitions(folder: Path) -> Path:
    path = folder / "dask.toml"
    path.write_text("partition_size = 3\nbatch_size = 2\n", "utf-8")
    return path


def run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output  # only the broken line fails
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_extract_on_dask_writes_the_same_bytes_as_the_local_engine(inputs: Path, scheduler: str, tmp_path: Path):
    config = small_partitions(tmp_path)
    run("--config", str(config), "extract", str(inputs), "-o", str(tmp_path / "local.jsonl"))
    run("--config", str(config), "extract", str(inputs), "-o", str(tmp_path / "dask.jsonl"),
        "--engine", "dask", "--scheduler", scheduler)
    local, dask = (tmp_path / "local.jsonl").read_bytes(), (tmp_path / "dask.jsonl").read_bytes()
    assert local.count(b"\n") == sum(1 for _ in inputs.open()) and b'"E001"' in local
    assert b'"quotes"' in local and local == dask


def test_ingest_on_dask_stores_the_same_database_on_a_cluster_of_its_own(inputs: Path, tmp_path: Path):
    config = small_partitions(tmp_path)
    run("--config", str(config), "ingest", str(inputs), "--db", str(tmp_path / "local.db"), "--quiet")
    run("--config", str(config), "ingest", str(inputs), "--db", str(tmp_path / "dask.db"), "--quiet",
        "--engine", "dask", "--workers", "2")
    local, dask = dump(tmp_path / "local.db"), dump(tmp_path / "dask.db")
    assert len(local["documents"]) >= 12 and local["events"] and local["failures"]
    assert local == dask


def test_a_document_that_kills_its_worker_or_outruns_its_time_limit_fails_alone_and_the_run_ends(scheduler: str):
    config = load_config(pipeline=["mentions", "test-dask-die", "test-dask-misbehave"], engine="dask",
                         dask_scheduler=scheduler, partition_size=3, document_timeout=5)  # slack for a loaded machine
    texts = ["Kenya met Uganda in Nairobi.", "The delegates vanish.", "Talks in Doha.",
             "The talks are stuck.", "The talks spin on.", "Talks in Havana."]
    begun = time.monotonic()
    results = list(extract([Document(f"k{i}", t) for i, t in enumerate(texts)], config, make_engine(config)))
    assert time.monotonic() - begun < GIVE_UP
    assert [r.id for r in results] == ["k0", "k1", "k2", "k3", "k4", "k5"]
    assert [r.error.code if r.error else None for r in results] == [None, "E031", None, "E031", "E032", None]
    assert [m.text for m in results[2].mentions] == ["Doha"] and "--engine local" in results[1].error.message
    assert "document_timeout" in results[3].error.message and "document_timeout" in results[4].error.message


def test_a_scheduler_that_does_not_answer_is_a_coded_error(monkeypatch: pytest.MonkeyPatch):
    import peacewatch.engines.dask as engine
    from peacewatch.errors import PeacewatchError

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1)
    config = load_config(engine="dask", dask_scheduler="tcp://127.0.0.1:9")  # the discard port: nobody there
    with pytest.raises(PeacewatchError) as err:
        list(extract([Document("a", "Talks in Doha.")], config))
    assert err.value.code == "E034" and "127.0.0.1:9" in err.value.message


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch):
    import sys

    from peacewatch.errors import DependencyError

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    with pytest.raises(DependencyError) as err:
        make_engine(load_config(engine="dask"))
    assert err.value.code == "E024" and "peacewatch[dask]" in err.value.message
