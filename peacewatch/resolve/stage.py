"""The resolve stage: per-document records in, the cross-document ledger out, in one implementation.

``build`` runs the three steps of the ledger over a ``Source`` and a ``Space`` (``space``):

1. entities: each per-document entity gets its own key (``entities.entity_key``); the
   cross-document links (``entities.Links``, which keep only the distinct coded names) then move
   some to another key; each key becomes one ledger entity;
2. events: every event becomes a ``Report`` (a batch of documents at a time), the reports are
   clustered in canonical order (``clusters.cluster_sorted``, each (type, status class) in a bucket
   of the space), each cluster becomes a merged event; those that could keep or break a promise are
   kept for step 3;
3. commitments: the per-document promises are grouped into ledger commitments and each is decided
   (``commitments.decide``) over the deciding events the space finds for it;
4. agreements: each merged agreement (``agreements.agreements_of``) becomes one record, with the
   commitments made with it as its provisions.

The result depends on the set of documents only, never on the order they arrived in or on the
space that kept the work (``tests/store/test_rebuild.py`` checks that both spaces agree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..config import LedgerSettings
from ..timespan import day, interval
from .agreements import agreements_of
from .clusters import cluster_sorted
from .commitment_reports import build_commitment, commitment_found, group_key
from .commitments import decide, deciding_types, may_decide, placed, told_apart
from .corrections import NO_CORRECTIONS, Corrector, Outcome
from .entities import Links, Seen, entity_key, ledger_entity
from .events import EntityInfo, merged_event_of
from .records import LedgerCommitment, MergedEvent
from .reports import code_token, reports_of
from .space import Source, Space
from .story_year import StoryYear, choose, dated_by_story

EVENTS = 500  # merged events (with their mentions) held before they are handed to the space


@dataclass
class Built:
    """Counts of what ``build`` wrote, and the day commitments were judged against."""

    documents: int
    entities: int
    events: int
    reports: int
    commitments: int
    as_of: dt.date | None
    agreements: int = 0
    corrections: list[Outcome] = field(default_factory=list)


def build(source: Source, space: Space, settings: LedgerSettings) -> Built:
    """Resolve entities, merge events and decide commitments (see the module docstring), with the
    analysts' corrections applied (``corrections.Corrector``)."""
    documents, as_of = documents_of(source, settings)
    corrector = Corrector(source.corrections())
    entities = fold_entities(source, space)
    events, reports = merge_events(source, space, settings, corrector)
    commitments = track_commitments(source, space, as_of, settings.horizon_days, corrector)
    agreements = gather_agreements(space, as_of)
    return Built(documents, entities, events, reports, commitments, as_of, agreements, corrector.outcomes())


def documents_of(source: Source, settings: LedgerSettings) -> tuple[int, dt.date | None]:
    """How many documents the ledger is built from, and the day commitments are judged overdue
    against: the settings' ``as_of``, else the newest publication day."""
    count, newest = 0, None
    for _, published in source.documents():
        count += 1
        if (d := day(published)) is not None and (newest is None or d > newest):
            newest = d
    return count, day(settings.as_of) or newest


# --- 1. entities -----------------------------------------------------------------------------------------

def fold_entities(source: Source, space: Space) -> int:
    """Fold the per-document entities into ledger entities: own keys first, then the links (which
    need every coded name seen), then one ledger entity per key. Returns how many."""
    links = Links()

    def keyed() -> Iterator[Seen]:
        for doc, entity in source.entities():
            key = entity_key(entity)
            links.see(entity, key)
            yield Seen(doc, entity, key, f"key {key}")

    def relinked() -> Iterator[Seen]:
        for item in space.seen():
            if found := links.relink(item.entity):
                item.key, item.why = found
            yield item

    space.keep_seen(keyed())
    space.keep_linked(relinked())
    return space.put_entities(ledger_entity(key, items) for key, items in space.by_key())


# --- 2. events -------------------------------------------------------------------------------------------

def merge_events(source: Source, space: Space, settings: LedgerSettings,
                 corrector: Corrector = NO_CORRECTIONS) -> tuple[int, int]:
    """Cluster every report and hand each merged event to the space; returns (events, reports)."""
    reports = keep_reports(source, space, settings, corrector, choose(source.story_documents()))
    return cluster_events(source, space, settings, corrector), reports


def keep_reports(source: Source, space: Space, settings: LedgerSettings,
                 corrector: Corrector = NO_CORRECTIONS, years: Mapping[str, StoryYear] | None = None) -> int:
    """Make every event a report (a batch of documents at a time) and hand it to the space, an
    undated document dated by the year its story gives (``years``, from ``story_year.choose`` over
    the whole corpus); returns how many."""
    reports = 0
    for results, texts in source.event_batches():
        if not results:
            continue
        if years:
            results = [dated_by_story(r, years) for r in results]
        if corrector:
            results = corrector.reports(results, texts, source.hashes(results[0].id, results[-1].id), source.find)
        made = reports_of(results, space.entity_keys(results[0].id, results[-1].id), settings, texts)
        space.keep_reports(made)
        reports += len(made)
    return reports


def cluster_events(source: Source, space: Space, settings: LedgerSettings, corrector: Corrector = NO_CORRECTIONS,
                   kept: Iterable[MergedEvent] = ()) -> int:
    """Cluster the reports the space hands back (``sorted_reports``) and hand each merged event to
    it. ``kept`` are merged events already in the ledger that stay as they are (an incremental
    update, ``incremental.py``): they are not written again, only kept for deciding promises like
    the new ones. Returns the number of merged events, kept ones included."""
    actions = _promised_actions(source)
    ordered = space.sorted_reports()
    pending: list[MergedEvent] = []
    events = 0

    def flush(written: bool = True) -> None:
        deciding = [placed(e) for e in pending if may_decide(actions, e)]
        space.put_events(pending if written else [], deciding)
        pending.clear()

    for event in kept:
        pending.append(event)
        events += 1
        if len(pending) >= EVENTS:
            flush(written=False)
    flush(written=False)
    ids, info, taken = space.entity_keys(), space.entity_info(), space.taken()
    for found in corrector.clusters(cluster_sorted(ordered, settings, space.bucket)):
        pending.append(merged_event_of(found.members, found.links, ids, info, taken))
        events += 1
        if len(pending) >= EVENTS:
            flush()
    flush()
    space.events_done()
    return events


def _promised_actions(source: Source) -> list[dict[str, str | None]]:
    """The distinct actions promised anywhere: an event is kept for deciding promises when it could
    keep or break one of them (``may_decide``)."""
    found = {(c.action.get("type"), c.action.get("mode")) for _, _, c in source.commitments()}
    return [{"type": t, "mode": m} for t, m in sorted(found, key=str)]


# --- 3. commitments --------------------------------------------------------------------------------------

def track_commitments(source: Source, space: Space, as_of: dt.date | None, horizon_days: int,
                      corrector: Corrector = NO_CORRECTIONS) -> int:
    """Group the per-document promises into ledger commitments, decide each over the deciding events
    the space finds for it, and hand them to the space by the day made. Returns how many."""
    ids, origin = space.entity_keys(), space.origin()
    space.keep_promises((group_key(f), f) for f in (commitment_found(doc, published, c, ids, origin)
                                                     for doc, published, c in source.commitments()))
    return decide_promises(space, as_of, horizon_days, corrector)


def decide_promises(space: Space, as_of: dt.date | None, horizon_days: int,
                    corrector: Corrector = NO_CORRECTIONS) -> int:
    """Group the promises the space was handed (``keep_promises``) into ledger commitments, decide
    each and hand them to the space by the day made (an update in place hands it only the promises
    of the commitments it decides again). Returns how many."""
    origin, events = space.origin(), space.merged()
    counted: set[str] = set()  # merged events a promise of its own count was read from
    space.keep_built(_noting_counts(build_commitment(key, items, events), counted)
                     for key, items in space.promise_groups())
    codes = _Codes(space.entity_info())
    horizon = dt.timedelta(days=horizon_days)
    count = 0
    for c in space.built():
        made, types = interval(c.made), deciding_types(c.action)
        found = [] if made is None or types == frozenset() else space.candidates(
            c, codes, types, (made.start, made.end + horizon))
        promised = events.get(c.event or "")
        # the merged event's count is another promise's when one was read with it
        merged_count = promised.quantity if promised is not None and c.event not in counted else None
        decide(c, told_apart(c, found, events), codes, as_of, merged_count, horizon_days)
        corrector.commitment(c, origin)
        space.put_commitment(c)
        count += 1
    return count


def _noting_counts(c: LedgerCommitment, counted: set[str]) -> LedgerCommitment:
    if c.event and c.action.get("quantity"):
        counted.add(c.event)
    return c


# --- 4. agreements ---------------------------------------------------------------------------------------

def gather_agreements(space: Space, as_of: dt.date | None) -> int:
    """One record per agreement reached, its provisions linked both ways; returns how many."""
    found, links = agreements_of(space.agreement_events(), space.written_commitments(), space.entity_info(),
                                 space.merged(), as_of)
    space.put_agreements(found, links)
    return len(found)


class _Codes(Mapping[str, "str | None"]):
    """Ledger entity id → the country token it also links by (``reports.code_token``), read from
    the space's entity lookup on demand."""

    def __init__(self, info: Mapping[str, EntityInfo]) -> None:
        self._info = info

    def __getitem__(self, key: str) -> str | None:
        found = self._info.get(key)
        if found is None:
            raise KeyError(key)
        return code_token(found.code, found.sector)

    def get(self, key: str, default: object = None) -> str | None:  # type: ignore[override]
        found = self._info.get(key)
        return code_token(found.code, found.sector) if found is not None else None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("entity codes are looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("entity codes are looked up, not counted")
