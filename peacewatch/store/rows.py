"""The row types of the read layer (``reads.Reader``) that are not records of their own stage: a page
of a listing, a document without its text, an earlier version, a quote in place, an event's evidence, a
commitment's evidence chain, a process view and the summary counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..resolve import LedgerCommitment, MergedEvent
from ..resolve.records import Agreement
from ..types import Event, Quote, Record

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


@dataclass
class DocumentHead(Record):
    """What a listing needs to name a document: its title, the file it was read from and its first
    line (a document from a text file without a title line is named by one of the last two)."""

    id: str
    title: str | None
    source: str | None
    first_line: str
    published: str | None = None
    url: str | None = None


@dataclass
class CommitmentEvidence(Record):
    """One link of a commitment's evidence chain: a report that made or moved it, with its sentence.

    ``role`` is ``made`` (a report of the promise), ``carried out`` / ``partly carried out`` (a report
    of an act that kept it, or part of it), ``done late`` (an act after its due date) or ``broken``.
    ``event`` is the per-document event of the report, ``ledger_event`` the merged event it belongs to."""

    role: str
    doc: str
    event: str
    ledger_event: str | None
    day: str | None
    sentence: str
    trigger: str = ""
    title: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass
class Report(Record):
    """One report of a merged event: the per-document event as extracted (with its trigger, date and
    argument spans) and the sentence it was read in, ``start`` being where that sentence begins in
    the document's text."""

    _nested = {"event": Event, "document": DocumentHead}

    ledger_event: str
    event: Event
    sentence: str
    start: int
    document: DocumentHead


@dataclass
class DyadCount(Record):
    """A pair of parties (country codes ``code:AZE`` or ledger entity ids) and its merged events."""

    a: str
    b: str
    events: int
    first: str | None = None
    last: str | None = None


@dataclass
class Speaker(Record):
    """The ledger entity a per-document entity became (a quote's speaker, named and coded)."""

    doc: str
    entity: str
    ledger_id: str | None
    name: str
    code: str | None = None


@dataclass
class AgreementView(Record):
    """An agreement with its provisions as decided commitments (status and implementation level)."""

    _nested = {"agreement": Agreement, "provisions": LedgerCommitment}

    agreement: Agreement
    provisions: list[LedgerCommitment] = field(default_factory=list)


@dataclass
class ProcessView(Record):
    """A peace process between two parties, as an analyst reads it: the agreements in order with their
    provisions, the commitments (open and overdue first), and the timeline of what happened with
    how many documents report each event."""

    _nested = {"agreements": AgreementView, "commitments": LedgerCommitment, "timeline": MergedEvent}

    a: str
    b: str
    agreements: list[AgreementView] = field(default_factory=list)
    commitments: list[LedgerCommitment] = field(default_factory=list)
    timeline: list[MergedEvent] = field(default_factory=list)
