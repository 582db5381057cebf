"""Helpers for the ingest tests: read sources with the default configuration."""

from __future__ import annotations

from pathlib import Path

from peacewatch.config import load_config
from peacewatch.ingest.sources import Source, documents_from
from peacewatch.types import Document, Result


def read(path: Path | str, **options: object) -> list[Document | Result]:
    """Everything ``documents_from`` yields for one source."""
    config = load_config(max_chars=options.pop("max_chars", 1_000_000))
    return list(documents_from([Source(str(path), **options)], config))  # type: ignore[arg-type]


def only_doc(items: list[Document | Result]) -> Document:
    """The single item, which must be a document."""
    assert len(items) == 1, items
    [item] = items
    assert isinstance(item, Document), item
    return item


def error_codes(items: list[Document | Result]) -> list[str | None]:
    """Per item: its error code, or None for a document."""
    return [item.error.code if isinstance(item, Result) and item.error else None for item in items]
