"""The storage seam of the resolve stage: where its input comes from and where its work is kept.

``stage.build`` is the one implementation of the ledger: it folds entities, clusters reports and
decides promises by calling the functions of this package. What grows with the number of documents
(every per-document entity with its key, every report, the clusters of one type, the events that
could decide a promise, the grouped promises) it never holds itself: it hands it to a ``Space`` and
reads it back in the order it needs. Two spaces exist and drive the same code:

- ``memory.MemorySpace``: Python lists and dicts (the pure ``build_ledger``, the tests);
- ``peacewatch.store.space.SqliteSpace``: temporary SQLite tables and bounded caches, writing the
  ledger tables as it goes (a rebuild of any size in memory that does not grow with it).

A space only keeps, sorts and finds; every decision (keys, links, evidence, merging, status) is
made here in ``resolve``. ``candidates`` and ``Bucket.candidates`` may return more than needed,
never fewer: the stage tests every condition again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from ..types import Commitment, Entity, Result
from .clusters import Bucket
from .commitment_reports import Found
from .commitments import Placed
from .corrections import Correction
from .entities import Seen
from .events import EntityInfo, Taken
from .records import Agreement, LedgerCommitment, LedgerEntity, MergedEvent
from .reports import Report, SpanTexts
from .story_year import StoryDocument

EntityKeys = Mapping[tuple[str, str], str]
"""(document id, per-document entity id) → ledger entity id."""


class Source(Protocol):
    """The per-document records a ledger is built from; failed documents are left out."""

    def documents(self) -> Iterable[tuple[str, str | None]]:
        """(id, published) of every document, in id order."""

    def entities(self) -> Iterable[tuple[str, Entity]]:
        """(document id, per-document entity), by document then in stored order."""

    def event_batches(self) -> Iterable[tuple[list[Result], SpanTexts]]:
        """The documents' events (results carrying only their events), a batch of documents at a
        time, with the text of each event's span where it is known."""

    def commitments(self) -> Iterable[tuple[str, str | None, Commitment]]:
        """(document id, published, per-document commitment), by document then in stored order."""

    def story_documents(self) -> Iterable[StoryDocument]:
        """What the year of an undated article is read from (``story_year.py``), one per document."""

    def corrections(self) -> Iterable[Correction]:
        """The analysts' corrections (``corrections.py``), every row of the log, in id order."""

    def hashes(self, first: str, last: str) -> Mapping[str, str]:
        """Document id → content hash, for the documents with ids from ``first`` to ``last`` (empty
        when the hashes are not known: anchors are then matched by span alone)."""

    def find(self, doc: str, text: str) -> int | None:
        """Where ``text`` occurs in the document, when it occurs exactly once (else None)."""


class Space(Protocol):
    """Where the stage keeps what grows with the ledger, and where the ledger goes."""

    # --- entities -------------------------------------------------------------------------------------
    def keep_seen(self, seen: Iterable[Seen]) -> None:
        """Keep every per-document entity with its own key."""

    def seen(self) -> Iterator[Seen]:
        """The entities kept by ``keep_seen``, in the order kept."""

    def keep_linked(self, seen: Iterable[Seen]) -> None:
        """Keep every per-document entity with its final key (after the cross-document links)."""

    def by_key(self) -> Iterator[tuple[str, list[Seen]]]:
        """The entities kept by ``keep_linked``, grouped by key, in key order."""

    def put_entities(self, entities: Iterable[LedgerEntity]) -> int:
        """Write the ledger entities (in id order), each with its mentions; returns the count."""

    def entity_keys(self, first: str = "", last: str | None = None) -> EntityKeys:
        """The final key of each per-document entity (of documents ``first`` to ``last``)."""

    def entity_info(self) -> Mapping[str, EntityInfo]:
        """Ledger entity id → what events read of it (after ``put_entities``)."""

    # --- events ---------------------------------------------------------------------------------------
    def keep_reports(self, reports: list[Report]) -> None:
        """Keep a batch of reports."""

    def sorted_reports(self) -> Iterator[Report]:
        """Every report kept, in canonical order (``Report.sort_key``)."""

    def bucket(self) -> Bucket:
        """A new, empty place for the clusters of one (type, status class)."""

    def taken(self) -> Taken:
        """The merged event ids given so far (one set for the whole build)."""

    def put_events(self, events: list[MergedEvent], deciding: list[Placed]) -> None:
        """Write merged events (their mentions map each report to them) and keep those of them
        that could decide a promise (slim: no mentions, no why)."""

    def events_done(self) -> None:
        """Every merged event is written: order them by timeline day, then id."""

    def origin(self) -> Mapping[tuple[str, str], str]:
        """(document id, per-document event id) → the merged event it is a report of."""

    def merged(self) -> Mapping[str, MergedEvent]:
        """Merged event id → the merged event written."""

    # --- commitments ----------------------------------------------------------------------------------
    def keep_promises(self, found: Iterable[tuple[tuple[str, ...], Found]]) -> None:
        """Keep every per-document promise under the key of the ledger commitment it belongs to."""

    def promise_groups(self) -> Iterator[tuple[tuple[str, ...], list[Found]]]:
        """The promises kept, grouped by key, in key order."""

    def keep_built(self, built: Iterable[LedgerCommitment]) -> None:
        """Keep ledger commitments whose status is still to be decided."""

    def built(self) -> Iterator[LedgerCommitment]:
        """The commitments kept by ``keep_built``, by the day made (unknown last), then id."""

    def candidates(self, c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date]) -> list[Placed]:
        """The kept deciding events that may decide ``c`` in timeline order: of one of ``types``
        (None: any), by an obligor (any when none is known, an obligor also by its country token in
        ``codes``), toward a beneficiary or nobody named, and whose date overlaps ``made`` (the days
        from the promise's first day to its horizon)."""

    def put_commitment(self, c: LedgerCommitment) -> None:
        """Write one decided commitment (they come by the day made, then id)."""

    # --- agreements -----------------------------------------------------------------------------------
    def agreement_events(self) -> Iterator[MergedEvent]:
        """The merged events that may be agreements (AGREE and SUPPORT; more is fine), with their
        mentions, in timeline order."""

    def written_commitments(self) -> list[LedgerCommitment]:
        """Every decided commitment written by ``put_commitment``."""

    def put_agreements(self, agreements: list[Agreement], links: Mapping[str, str]) -> None:
        """Write the agreements, and on each commitment the agreement it is a provision of
        (``links``: commitment id → agreement id)."""
