"""Test helpers: what a writer's database holds, seen through the read layer."""

from __future__ import annotations

from peacewatch.resolve import Ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store


def ledger_of(store: Store) -> Ledger:
    """The whole stored ledger of the store's database, read through a ``Reader``."""
    with Reader(store.path) as reader:
        return reader.load_ledger()


def reader_of(store: Store) -> Reader:
    """A ``Reader`` on the store's database (the caller closes it)."""
    return Reader(store.path)
