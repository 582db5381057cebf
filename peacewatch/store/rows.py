"""The row types of the read layer (``reads.Reader``) that are not records of their own stage: a page
of a listing, a document without its text, an earlier version, a quote in place, an event's evidence
and the summary counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..resolve import MergedEvent
from ..types import Quote, Record

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of a listing: its items, how many match in all, and where the page starts."""

    items: list[T]
    total: int
    limit: int | None = None
    offset: int = 0


@dataclass
class DocumentInfo(Record):
    """A stored document without its text (for listings)."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    content_hash: str
    ingested_at: str
    error_code: str | None = None
    error_message: str | None = None
    versions: int = 0  # earlier texts kept in ``versions`` (a corrected article)


@dataclass
class DocumentVersion(Record):
    """An earlier text of a document, replaced by a newer one with the same id."""

    id: str
    version: int
    content_hash: str
    text: str
    published: str | None
    title: str | None
    url: str | None
    replaced_at: str


@dataclass
class StoredQuote(Record):
    """A quote with the document it is in and the text of its content span."""

    _nested = {"quote": Quote}

    doc: str
    index: int
    quote: Quote
    content: str | None = None


@dataclass
class Evidence(Record):
    """One report of a merged event: the sentence it was read in and its source."""

    doc: str
    event: str
    sentence: str
    trigger: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass
class EventDetail(Record):
    """One merged event with the evidence of each of its mentions."""

    _nested = {"event": MergedEvent, "evidence": Evidence}

    event: MergedEvent
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Summary(Record):
    """What the database holds (``peacewatch summary``)."""

    documents: int
    failed_documents: int
    failed_inputs: int
    entities_by_kind: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    merged_events: int = 0
    event_reports: int = 0
    ledger_entities: int = 0
    ledger_commitments: dict[str, int] = field(default_factory=dict)
    versions: int = 0
    corrections: int = 0
    orphaned_corrections: int = 0
