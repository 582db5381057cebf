"""The resolve stage's space and source in memory: lists and dicts (``build_ledger``, the tests).

``MemorySource`` serves results already in memory; ``MemorySpace`` keeps the stage's work in Python
objects and collects the ledger (``ledger``). The store's ``SqliteSpace`` keeps the same things in
temporary tables; ``stage.build`` drives both the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from ..types import Commitment, Entity, Result
from . import stage
from .clusters import Bucket, MemoryBucket
from .commitment_reports import Found
from .commitments import Placed
from .corrections import Correction
from .entities import Seen
from .events import EntityInfo, timeline_day
from .incremental import Placing, placing, reached, renamed_apart
from .records import Agreement, EntityMention, Ledger, LedgerCommitment, LedgerEntity, MergedEvent
from .reports import Report, SpanTexts
from .space import EntityKeys, Source
from .story_year import StoryDocument, story_document


class MemorySource:
    """The per-document records of results held in memory (failed ones already left out)."""

    def __init__(self, results: list[Result], span_texts: SpanTexts | None = None,
                 corrections: Iterable[Correction] = (), hashes: Mapping[str, str] | None = None,
                 texts: Mapping[str, str] | None = None) -> None:
        self.results = results
        self.span_texts = span_texts or {}
        self._corrections = list(corrections)
        self._hashes = dict(hashes or {})
        self._texts = texts or {}

    def documents(self) -> Iterator[tuple[str, str | None]]:
        return ((r.id, r.published) for r in self.results)

    def entities(self) -> Iterator[tuple[str, Entity]]:
        return ((r.id, e) for r in self.results for e in r.entities)

    def event_batches(self) -> Iterator[tuple[list[Result], SpanTexts]]:
        yield self.results, self.span_texts

    def commitments(self) -> Iterator[tuple[str, str | None, Commitment]]:
        return ((r.id, r.published, c) for r in self.results for c in r.commitments)

    def story_documents(self) -> Iterator[StoryDocument]:
        return (story_document(r.id, r.published, r.dated.day if r.dated else None, (e.code for e in r.entities),
                               ((t.value, t.text) for t in r.timexes)) for r in self.results)

    def corrections(self) -> list[Correction]:
        return sorted(self._corrections, key=lambda c: c.id)

    def hashes(self, first: str, last: str) -> Mapping[str, str]:
        return self._hashes

    def find(self, doc: str, text: str) -> int | None:
        whole = self._texts.get(doc, "")
        start = whole.find(text) if text else -1
        return start if start >= 0 and whole.find(text, start + 1) < 0 else None

    def mentions(self) -> dict[tuple[str, str], list[EntityMention]]:
        """(document, per-document entity) → where the entity is named."""
        out: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
        for r in self.results:
            for m in r.mentions:
                if m.entity is not None:
                    out[(r.id, m.entity)].append(EntityMention(r.id, m.start, m.end, m.text))
        return out


class MemorySpace:
    """Every step's work in Python objects; ``entities``, ``events`` and ``commitments`` are the
    ledger once ``stage.build`` has run."""

    def __init__(self, mentions: Mapping[tuple[str, str], list[EntityMention]] | None = None) -> None:
        self._mentions = mentions or {}
        self._seen: list[Seen] = []
        self._linked: list[Seen] = []
        self._reports: list[Report] = []
        self._taken: set[str] = set()
        self._origin: dict[tuple[str, str], str] = {}
        self._deciding: list[Placed] = []
        self._promises: dict[tuple[str, ...], list[Found]] = defaultdict(list)
        self._built: list[LedgerCommitment] = []
        self.entities: list[LedgerEntity] = []
        self.events: list[MergedEvent] = []
        self.commitments: list[LedgerCommitment] = []
        self.agreements: list[Agreement] = []
        self._keys: dict[tuple[str, str], str] = {}
        self._by_id: dict[str, MergedEvent] = {}

    # --- entities ---
    def keep_seen(self, seen: Iterable[Seen]) -> None:
        self._seen = list(seen)

    def seen(self) -> Iterator[Seen]:
        return iter(self._seen)

    def keep_linked(self, seen: Iterable[Seen]) -> None:
        self._linked = list(seen)
        self._keys = {(s.doc, s.entity.id): s.key for s in self._linked}

    def by_key(self) -> Iterator[tuple[str, list[Seen]]]:
        groups: dict[str, list[Seen]] = defaultdict(list)
        for item in self._linked:
            groups[item.key].append(item)
        return iter(sorted(groups.items()))

    def put_entities(self, entities: Iterable[LedgerEntity]) -> int:
        for e in entities:
            e.mentions = sorted((m for s in e.sources for m in self._mentions.get((s.doc, s.entity), [])),
                                key=lambda m: (m.doc, m.start, m.end))
            self.entities.append(e)
        return len(self.entities)

    def entity_keys(self, first: str = "", last: str | None = None) -> EntityKeys:
        return self._keys

    def entity_info(self) -> Mapping[str, EntityInfo]:
        return {e.id: e for e in self.entities}

    # --- events ---
    def keep_reports(self, reports: list[Report]) -> None:
        self._reports.extend(reports)

    def sorted_reports(self) -> Iterator[Report]:
        return iter(sorted(self._reports, key=lambda r: r.sort_key))

    def bucket(self) -> Bucket:
        return MemoryBucket()

    def taken(self) -> set[str]:
        return self._taken

    def put_events(self, events: list[MergedEvent], deciding: list[Placed]) -> None:
        for e in events:
            self.events.append(e)
            self._origin.update({(m.doc, m.event): e.id for m in e.mentions})
        self._deciding.extend(deciding)

    def events_done(self) -> None:
        self.events.sort(key=_timeline_order)
        self._deciding.sort(key=lambda p: _timeline_order(p.event))
        self._by_id = {e.id: e for e in self.events}

    def origin(self) -> Mapping[tuple[str, str], str]:
        return self._origin

    def merged(self) -> Mapping[str, MergedEvent]:
        return self._by_id

    # --- commitments ---
    def keep_promises(self, found: Iterable[tuple[tuple[str, ...], Found]]) -> None:
        for key, item in found:
            self._promises[key].append(item)

    def promise_groups(self) -> Iterator[tuple[tuple[str, ...], list[Found]]]:
        return iter(sorted(self._promises.items()))

    def keep_built(self, built: Iterable[LedgerCommitment]) -> None:
        self._built = sorted(built, key=lambda c: (c.made or "9999-12-31", c.id))

    def built(self) -> Iterator[LedgerCommitment]:
        return iter(self._built)

    def candidates(self, c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date]) -> list[Placed]:
        # every deciding event: ``decide`` applies each condition itself
        return self._deciding

    def put_commitment(self, c: LedgerCommitment) -> None:
        self.commitments.append(c)

    # --- agreements ---
    def agreement_events(self) -> Iterator[MergedEvent]:
        return (e for e in self.events if e.type in ("AGREE", "SUPPORT"))

    def written_commitments(self) -> list[LedgerCommitment]:
        return self.commitments

    def put_agreements(self, agreements: list[Agreement], links: Mapping[str, str]) -> None:
        self.agreements = list(agreements)
        for c in self.commitments:
            c.agreement = links.get(c.id)


def _timeline_order(event: MergedEvent) -> tuple[dt.date, str]:
    return timeline_day(event) or dt.date.max, event.id


class UpdatingMemorySpace(MemorySpace):
    """A ``MemorySpace`` holding an earlier ledger (``old``) that ``incremental.update`` brings up to
    date for the documents ``new``: the same steps as the store's ``UpdatingSpace``, in lists."""

    def __init__(self, old: Ledger, new: set[str], mentions: Mapping[tuple[str, str], list[EntityMention]]) -> None:
        super().__init__(mentions)
        self._old = old
        self._seeds = set(new)
        self._placings: list[Placing] = []
        self._reached: set[int] = set()
        self._remade: set[str] = set()  # old events made again from their own reports (a rename)
        self.events = list(old.events)
        for e in self.events:
            self._origin.update({(m.doc, m.event): e.id for m in e.mentions})
        self._taken = {e.id for e in self.events}

    def fold(self, source: Source) -> tuple[int, int]:
        return stage.fold_entities(source, self), self._entities_moved()

    def touched_promises(self, as_of: dt.date | None) -> list[tuple[tuple[str, ...], Found]] | None:
        return None  # in memory every commitment is decided again

    def commitment_count(self) -> int:
        return len(self.commitments)

    def _entities_moved(self) -> int:
        before = {(s.doc, s.entity): e.id for e in self._old.entities for s in e.sources}
        info = {e.id: (e.name, e.code, e.sector) for e in self._old.entities}
        now = {e.id: (e.name, e.code, e.sector) for e in self.entities}
        renamed = {i for i, found in info.items() if i in now and now[i] != found}
        moved = {key[0] for key, was in before.items() if self._keys.get(key) != was} - self._seeds
        self._seeds |= moved
        docs = {doc for (doc, _), key in self._keys.items() if key in renamed} - self._seeds
        clusters = {e.id: frozenset(m.doc for m in e.mentions) for e in self.events
                    if any(m.doc in docs for m in e.mentions)}
        turned, self._remade = renamed_apart(clusters, docs, self._seeds)
        self._seeds |= turned
        return len(moved) + len(turned)

    def keep_reports(self, reports: list[Report]) -> None:
        for rep in reports:
            self._placings.append(placing(len(self._reports), rep, rep.doc in self._seeds))
            self._reports.append(rep)

    def remade(self, source: Source) -> Source:
        return source  # nothing kept between builds: every report is made again

    def report_count(self) -> int:
        return len(self._reports)

    def reach(self, slack_days: int) -> str | None:
        self._reached = reached(self._placings, slack_days)
        remade = {(m.doc, m.event) for e in self.events if e.id in self._remade for m in e.mentions}
        self._reached |= {i for i, rep in enumerate(self._reports) if (rep.doc, rep.event.id) in remade}
        ours = {(self._reports[i].doc, self._reports[i].event.id) for i in self._reached}
        gone = {self._origin[key] for key in ours if key in self._origin}
        for e in self.events:
            if e.id in gone and any((m.doc, m.event) not in ours for m in e.mentions):
                return f"merged event {e.id} reaches past the reports new ones can join"
        self.events = [e for e in self.events if e.id not in gone]
        self._origin = {key: found for key, found in self._origin.items() if found not in gone}
        self._taken -= gone
        return None

    def sorted_reports(self) -> Iterator[Report]:
        return iter(sorted((self._reports[i] for i in self._reached), key=lambda r: r.sort_key))

    def kept(self, actions: str) -> Iterator[MergedEvent]:
        return iter(list(self.events))

    def kept_apart(self) -> int:
        return 0
