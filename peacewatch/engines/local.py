"""Run the pipeline over a stream of documents, in this process or in N worker processes.

Items are ``Document`` (to annotate) or ``Result`` (an input that already failed, passed through
so that the output keeps one line per input line, in order). Workers receive and return plain
dictionaries, so nothing but data crosses a process boundary.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..config import Config
from ..errors import ProcessingError
from ..pipeline import Pipeline
from ..types import Document, ErrorInfo, Result

Item = Document | Result


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def annotate_chunk(pipeline: Pipeline, chunk: list[Item]) -> list[Result]:
    """Annotate the documents of one chunk; failed items pass through in place."""
    docs = [item for item in chunk if isinstance(item, Document)]
    done = iter(pipeline.annotate(docs))
    return [next(done) if isinstance(item, Document) else item for item in chunk]


class LocalEngine:
    """The default engine: one machine, ``config.workers`` processes."""

    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.build(self.config)
        return self._pipeline

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        size = self.config.batch_size
        if self.config.workers <= 1:
            for chunk in _chunks(items, size):
                yield from annotate_chunk(self.pipeline, chunk)
            return
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(self.config.workers, initializer=_init_worker, initargs=(self.config,)) as pool:
            payloads = ([_to_payload(i) for i in chunk] for chunk in _chunks(items, size))
            for out in pool.imap(_work, payloads):
                yield from (Result.from_dict(r) for r in out)


_WORKER_PIPELINE: list[Pipeline] = []


def _init_worker(config: Config) -> None:
    _WORKER_PIPELINE.append(Pipeline.build(config))


def _to_payload(item: Item) -> tuple[str, dict[str, Any]]:
    return ("doc", item.to_dict()) if isinstance(item, Document) else ("result", item.to_dict())


def _work(payload: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    pipeline = _WORKER_PIPELINE[0]
    chunk: list[Item] = [
        Document.from_dict(d) if kind == "doc" else Result.from_dict(d) for kind, d in payload
    ]
    try:
        return [r.to_dict() for r in annotate_chunk(pipeline, chunk)]
    except Exception as e:  # a crash inside spaCy: fail this chunk's documents, keep the run
        err = ProcessingError(f"worker failed on this batch: {type(e).__name__}: {e}", "E031")
        return [
            Result(id=d["id"], published=d.get("published"), error=ErrorInfo(err.code, err.message)).to_dict()
            if kind == "doc" else d
            for kind, d in payload
        ]
