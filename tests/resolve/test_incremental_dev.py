"""The incremental ledger on real extraction: articles of the dev corpus (read from ../shared at run
time, annotated once by the pipeline), split at random into what was ingested before and what comes
now; the updated ledger is the full rebuild's, every ledger table and every export."""

from __future__ import annotations

import io
import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.config import load_config
from peacewatch.flow import extract_pairs, read_jsonl
from peacewatch.types import Document, Result

from ..conftest import shared_path
from .test_incremental_store import Pair, assert_same, split, two_ways

EVERY = 3  # every third article: all seven processes, about forty articles


@pytest.fixture(scope="module")
def annotated() -> list[Pair]:
    corpus = shared_path("corpus", "dev_peace_processes.jsonl")
    lines = corpus.read_text("utf-8").splitlines()[::EVERY]
    records = (json.dumps({"id": a["id"], "text": a["text"], "published": a.get("date")})
               for a in map(json.loads, lines))
    config = load_config()
    stream = io.BytesIO("\n".join(records).encode())
    pairs = [(document, result) for result, document in extract_pairs(read_jsonl(stream, config), config)
             if isinstance(document, Document) and result.error is None]
    assert len(pairs) > 30
    return pairs


def _reported(pairs: list[Pair]) -> int:
    return sum(len(r.events) for _, r in pairs)


@settings(max_examples=6, deadline=None)
@given(st.integers(0, 10**6))
def test_dev_articles_ingested_in_two_parts_give_the_ledger_of_all(annotated: list[Pair], seed: int) -> None:
    first, then = split(random.Random(seed), annotated)
    with tempfile.TemporaryDirectory() as tmp, two_ways(Path(tmp), first, then) as (step, whole, stats):
        assert stats.why
        assert_same(step, whole)


def test_the_last_few_dev_articles_update_the_ledger_in_place(annotated: list[Pair], tmp_path: Path) -> None:
    ordered: list[tuple[Document, Result]] = sorted(annotated, key=lambda p: p[0].id)
    with two_ways(tmp_path, ordered[:-3], ordered[-3:]) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        assert stats.reports == _reported(annotated)
        assert_same(step, whole)
