"""The data flow of peacewatch, stage by stage.

    read → normalize → annotate (timex, actors, quotes, events, commitments)
         → resolve across documents → store → serve/export

``extract`` is the stateless path (read → normalize → annotate) used by ``peacewatch extract``;
``ingest`` stores each document with its records, then runs the resolve stage (``resolve``: the
ledger tables updated for the new documents, or rebuilt from every stored record,
``peacewatch.resolve.stage``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from .config import Config
from .engines import Engine, Task, make_engine
from .store.incremental import update_ledger
from .store.ledger import LedgerStats, ledger_state
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
    """``peacewatch ingest``: read, annotate the new documents, store them, resolve the ledger.

    A ledger left stale by a killed run is rebuilt first (so another kill cannot leave the
    documents already stored without their ledger), and the ledger is resolved again at the end
    whenever it is not up to date, even when this run stored nothing new."""
    from .ingest.sources import documents_from

    if ledger_state(store.conn, config.ledger) != "fresh":
        resolve(store, config)
    items = store.only_new(documents_from(sources, config))
    for result, document in extract_pairs(items, config):
        store.save(document, result)
        if on_document is not None:
            on_document(result)
    built = resolve(store, config)
    store.stats.ledger = "up to date" if built is None else f"{built.path} ({built.why})"
    return store.stats


def resolve(store: Store, config: Config, *, force: bool = False) -> LedgerStats | None:
    """The resolve stage over the stored documents when the ledger tables are not up to date with the
    documents, the settings and the code (or always, with ``force``); None when they were. Documents
    added since the last build update the part of the ledger they reach; any other change rebuilds
    it whole (``store.incremental``; the stats say which path ran and why)."""
    return update_ledger(store.conn, config.ledger, force=force)


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
