"""The records of the cross-document ledger.

They extend the per-document records of ``peacewatch.types`` the way the record contract's database
export describes: entities with ids stable across documents, merged events whose ``mentions`` list
every report (``{"doc", "trigger_span", "span"}``) with ``first_reported``, and commitments with a
status computed over the whole ledger. Every record says ``why`` it was built the way it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..types import Argument, Record, Span


@dataclass
class EntityMention(Record):
    """Where a ledger entity is named: one span of one document."""

    doc: str
    start: int
    end: int
    text: str


@dataclass
class EntitySource(Record):
    """One per-document entity folded into a ledger entity."""

    doc: str
    entity: str
    name: str
    why: str


@dataclass
class LedgerEntity(Record):
    """An actor of the whole ledger: one id for one state, person or organization."""

    _nested = {"mentions": EntityMention, "sources": EntitySource}

    id: str
    key: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    names: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    sources: list[EntitySource] = field(default_factory=list)
    why: str = ""


@dataclass
class EventMention(Record):
    """One report of a merged event: which document, which per-document event, which spans."""

    _spans = ("trigger_span", "span")

    doc: str
    event: str
    trigger_span: Span
    span: Span
    published: str | None = None
    date: str | None = None
    status: str = "occurred"


@dataclass
class MergedEvent(Record):
    """One real-world event, with every document that reported it."""

    _nested = {"actor": Argument, "recipient": Argument, "mentions": EventMention}

    id: str
    type: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    status: str = "occurred"
    actor: list[Argument] = field(default_factory=list)
    recipient: list[Argument] = field(default_factory=list)
    date: str | None = None
    location: dict[str, Any] | None = None
    quantity: dict[str, Any] | None = None
    reported_by: str | None = None
    score: float | None = None
    cameo: str | None = None
    quad: str | None = None
    mentions: list[EventMention] = field(default_factory=list)
    first_reported: str | None = None
    why: str = ""
    sources: int = 0
    conflicts: list[str] = field(default_factory=list)
    # a report saying the act missed its target or deadline ("failed to meet their target of signing"),
    # the event status rule's words: it makes a promise of the act overdue (``commitments.decide``)
    missed: str | None = None
    # the words of a report that tell the act as a part or a start of a larger one ("a first round of
    # heavy weapons", "began withdrawing": ``types.Event.partial``): it keeps a promise in part, not whole
    partial: str | None = None


@dataclass
class CommitmentSource(Record):
    """One per-document commitment folded into a ledger commitment."""

    doc: str
    commitment: str


@dataclass
class LedgerCommitment(Record):
    """A promise across the ledger, with its status and the events that decided it."""

    _nested = {"sources": CommitmentSource}

    id: str
    event: str | None
    obligor: list[str] = field(default_factory=list)
    beneficiary: list[str] = field(default_factory=list)
    action: dict[str, Any] = field(default_factory=dict)
    made: str | None = None
    due: str | None = None
    status: str = "open"
    fulfilled_by: list[str] = field(default_factory=list)
    broken_by: list[str] = field(default_factory=list)
    sources: list[CommitmentSource] = field(default_factory=list)
    why: str = ""
    level: int = 0
    partly_by: list[str] = field(default_factory=list)
    late_by: list[str] = field(default_factory=list)
    agreement: str | None = None
    fulfilled_on: str | None = None  # the day the last act that fulfilled it happened
    missed_by: list[str] = field(default_factory=list)  # later reports that its target was missed


@dataclass
class Ceasefire(Record):
    """What the ceasefire data code of a ceasefire agreement: when it started and ended, and how."""

    start: str | None = None
    end: str | None = None
    ended: str | None = None  # "broken", "expired" or None (in force, or not known)
    ended_by: str | None = None  # the merged event that broke it
    commitment: str | None = None  # the ceasefire provision
    bilateral: bool = False


@dataclass
class Agreement(Record):
    """One agreement reached (a deal, joint statement, memorandum, ceasefire), with its provisions:
    the ledger commitments it made (``resolve.agreements``)."""

    _nested = {"ceasefire": Ceasefire}

    id: str
    event: str
    name: str
    date: str | None = None
    signed: str | None = None
    initialled: str | None = None
    ratified: str | None = None
    in_force: str | None = None
    written: bool | None = None
    signatories: list[str] = field(default_factory=list)
    third_parties: list[str] = field(default_factory=list)
    stage: str = "framework"
    provisions: list[str] = field(default_factory=list)
    ceasefire: Ceasefire | None = None
    documents: list[str] = field(default_factory=list)
    sources: int = 0
    first_reported: str | None = None
    why: str = ""


@dataclass
class Ledger(Record):
    """The whole cross-document view, rebuilt from per-document results."""

    _nested = {"entities": LedgerEntity, "events": MergedEvent, "commitments": LedgerCommitment,
               "agreements": Agreement}

    as_of: str | None = None
    documents: list[str] = field(default_factory=list)
    entities: list[LedgerEntity] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)
    commitments: list[LedgerCommitment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def entity(self, entity_id: str) -> LedgerEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def event(self, event_id: str) -> MergedEvent | None:
        return next((e for e in self.events if e.id == event_id), None)
