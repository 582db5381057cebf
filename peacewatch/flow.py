"""The data flow of peacewatch, stage by stage.

    read → normalize → annotate (timex, actors, quotes, events, commitments)
         → resolve across documents → store → serve/export

``extract`` is the stateless path (read → normalize → annotate) used by ``peacewatch extract``;
``ingest`` continues through resolve and store into the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from .config import Config
from .engines import Engine, Task, make_engine
from .types import Document, Result

if TYPE_CHECKING:
    from .ingest.sources import Source
    from .store.sqlite import IngestStats, Store


def read_jsonl(stream: BinaryIO, config: Config) -> Iterator[Document | Result]:
    """Read: the contract's JSON Lines, one document per line, through the ingest stage's reader;
    a bad line becomes an error result with its code and the id the contract gives it."""
    from .ingest import lines
    from .ingest.origin import Opened, Origin
    from .ingest.sources import Source

    opened = Opened(stream, b"", Origin("-", "jsonl", bare_ids=True))
    return lines.read_jsonl(opened, Source("-", "jsonl"), config)


def extract(
    items: Iterable[Document | Result], config: Config, engine: Engine | None = None
) -> Iterator[Result]:
    """Annotate: run the pipeline on each document, in order; errors pass through."""
    for result, _ in extract_pairs(items, config, engine):
        yield result


def extract_stream(stream: BinaryIO, config: Config) -> Iterator[Result]:
    """``peacewatch extract``: JSON Lines in, contract results out."""
    return extract(read_jsonl(stream, config), config)


def ingest(
    sources: Iterable[Source], store: Store, config: Config,
    on_document: Callable[[Result], None] | None = None,
) -> IngestStats:
    """``peacewatch ingest``: read, annotate the new documents, store them, resolve the ledger."""
    from .ingest.sources import documents_from
    from .store.sqlite import resolve

    items = store.only_new(documents_from(sources, config))
    for result, document in extract_pairs(items, config):
        store.save(document, result)
        if on_document is not None:
            on_document(result)
    if store.stats.stored:
        resolve(store, config.ledger)
    return store.stats


def extract_pairs(
    items: Iterable[Document | Result], config: Config, engine: Engine | None = None
) -> Iterator[tuple[Result, Document | None]]:
    """Annotate, keeping each result beside the document it came from, in input order.

    Each item gets a key unique in this run (its place in the input) and results are paired by
    that key, so an engine may finish documents in any order and ids may repeat. Items wait here
    only until their result comes back; the engine bounds how many are in flight.
    """
    engine = engine or make_engine(config)
    waiting: dict[int, Document | Result] = {}
    finished: dict[int, Result] = {}

    def keyed() -> Iterator[Task]:
        for key, item in enumerate(items):
            waiting[key] = item
            yield Task(key, item)

    following = 0
    for done in engine.run(keyed()):
        finished[done.key] = done.result
        while following in finished:
            item = waiting.pop(following)
            yield finished.pop(following), item if isinstance(item, Document) else None
            following += 1
