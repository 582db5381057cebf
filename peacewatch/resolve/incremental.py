"""The incremental ledger: new documents update the part of the ledger they can reach, by the same
functions as a full build (``stage``), and the result is the full build's.

What a new report can change, and why nothing else moves:

- **entities** are folded whole again (one key per per-document entity). When that moves an
  earlier document's entity to another ledger id (a new coded name relinks an old one), the earlier
  documents naming it are taken as new below: their reports and the events they are part of are
  made again. When it only changes what events read of an old entity (its name, code or sector,
  outvoted by new mentions), no report changes, and the merged events naming it are made again
  from their own reports (``renamed_apart``).
- **events**: a report is clustered only with reports of its own (type, status class) bucket whose
  date windows overlap its own, give or take the date slack (for acts to come, also the days an
  announcement may precede its due day: ``reports.reach_days``), or, undated, only with reports of its
  own document (``reports.incompatibility``: reports of different documents must both be placed);
  and, as the store's clustering already relies on (``store.space.StoredBucket``), a report naming
  actors never shares a cluster with one naming actors none of which it names (joint acts also share
  one by a country on any side). So the reports of one bucket fall into **units**: the connected
  sets of reports linked by those three relations. A report of one unit never joins a cluster of
  another, and the clusters of one unit come out the same whether the other units are clustered
  beside them or not (``clusters.place`` only ever takes a cluster that could take the report). The
  units holding a new report are clustered again, their old merged events replaced; every other
  merged event stays as it is, id included. A merged event of the old ledger that reaches past its
  unit (the merge rules would have to allow what is described above) stops the update.
- **commitments** are grouped and decided again whole, over the kept and the new merged events: a
  new report can move a promise's event, add a promise to a group, or decide one, and ``as_of``
  (the newest publication day) moves with nearly every ingest; promises are few beside reports.
- **agreements** are gathered again whole (from the agreement events and the commitments: cheap).

Not local, so the ledger is rebuilt (``store.incremental`` says which and why): no ledger yet;
the settings, the code or the analysts' corrections changed since the last build (the ledger's
fingerprint); any corrections at all (they are applied across the whole ledger); a stored document
replaced by a new version or removed; a new document that could witness the year of an undated
document whose reports are not made again (``story_year.touched``).

Merged ids stay those of a full build: an id is a hash of the cluster's first report (document,
trigger, per-document event id, type), and the store keeps one event per id and document, so two
clusters never share a seed and the order clusters are made in never decides an id.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ..config import LedgerSettings
from ..types import Result
from . import stage
from .commitment_reports import Found
from .records import MergedEvent
from .reports import Report, SpanTexts, joint_act, merge_kind, reach_days, side_parties, status_class
from .space import Source, Space
from .story_year import choose, touched

COUNTRY = "country "  # before a joint act's country in its placing's tokens (no actor token starts so)


@dataclass(frozen=True, slots=True)
class Placing:
    """Where one report sits for finding units: its bucket, its date window (day ordinals, None when
    undated), document and actor tokens (empty: it may share a cluster with any actors), and whether
    it is new (or taken as new). ``row`` names it to whoever asked."""

    row: int
    bucket: tuple[str, str]
    doc: str
    start: int | None
    end: int | None
    new: bool
    actors: frozenset[str] = frozenset()


def placing(row: int, rep: Report, new: bool) -> Placing:
    """The placing of one report (``row`` is the caller's name for it). Actors part reports as the
    store's clustering does (``clusters.report_keys``): a report naming actors never shares a
    cluster with one naming actors none of which it names, except for joint acts, whose parties
    agree by a shared country on any side, so a joint act is placed by its actor tokens and its
    countries (``country X``, apart from the tokens) and links only to reports sharing one of them,
    or naming no actor. Placing joint acts by their dates alone made every AGREE and CONSULT report
    of a dense archive one unit (at 100,000 synthetic documents most of the 55,693 reports an update
    of 100 clustered again)."""
    window = rep.window
    actors = side_parties(rep.actors)
    if actors and joint_act(rep.event):
        actors |= {f"{COUNTRY}{code}" for code in rep.countries}
    return Placing(row, (merge_kind(rep.event), status_class(rep.event.status)), rep.doc,
                   window.start.toordinal() if window else None, window.end.toordinal() if window else None, new,
                   actors)


def reached(placings: Iterable[Placing], slack_days: int) -> set[int]:
    """The rows of every unit (see the module docstring) that holds a new report."""
    buckets: dict[tuple[str, str], list[Placing]] = defaultdict(list)
    for p in placings:
        buckets[p.bucket].append(p)
    found: set[int] = set()
    for rows in buckets.values():
        if any(p.new for p in rows):
            found.update(_reached_in(rows, slack_days))
    return found


class _Units:
    """Union-find over the rows of one bucket."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)


def _reached_in(rows: list[Placing], slack_days: int) -> Iterator[int]:
    """The rows of one bucket in a unit with a new report: one sweep by start joins two dated
    reports whose windows overlap (give or take the slack) when one names no actors or they share
    one; every report of a document with an undated report is joined to its document's."""
    units = _Units(len(rows))
    chains: dict[str, tuple[int, int]] = {}  # actor token → (a row of its chain, the chain's reach)
    wild = (-1, -1)  # the same for the reports naming no actors
    for i in sorted((i for i, p in enumerate(rows) if p.start is not None), key=lambda i: rows[i].start or 0):
        p = rows[i]
        start, reach = p.start or 0, (p.end or 0) + reach_days(p.bucket[1], slack_days)
        if wild[1] >= start:
            units.join(i, wild[0])
        if not p.actors:
            wild = (wild[0], max(wild[1], reach)) if wild[1] >= start else (i, reach)
            for token, (head, until) in list(chains.items()):
                if until >= start:
                    units.join(i, head)
                else:
                    del chains[token]  # starts only grow: a chain that ended stays ended
            continue
        for token in p.actors:
            head, until = chains.get(token, (i, -1))
            if until >= start:
                units.join(i, head)
                chains[token] = (head, max(until, reach))
            else:
                chains[token] = (i, reach)
    undated = {p.doc for p in rows if p.start is None}
    first_of: dict[str, int] = {}
    for i, p in enumerate(rows):
        if p.doc in undated:
            units.join(i, first_of.setdefault(p.doc, i))
    roots = {units.root(i) for i, p in enumerate(rows) if p.new}
    return (p.row for i, p in enumerate(rows) if units.root(i) in roots)


def renamed_apart(clusters: Mapping[str, frozenset[str]], renamed: set[str], seeds: set[str]
                  ) -> tuple[set[str], set[str]]:
    """Of the old merged events holding a report of a document whose entities were only renamed
    (``clusters``: event id → the documents of its reports), those that are made again from their
    own reports alone, and the renamed documents that must reach like new ones instead.

    A rename (another name, code or sector for the same ledger id) changes what a merged event
    reads of an entity, not a report (reports are made from ledger ids and the documents' own
    arguments). Clustering the reports of whole old clusters, unchanged, in canonical order gives
    those clusters back: each member meets the same part of its own cluster as before, and no
    cluster it passed over before can take it now. So such an event is made again from its own
    reports, without the unit around it. That fails when the cluster holds a report that did change
    (a new or moved document): then its renamed documents reach like new ones, and, as that
    changes their other events too, again until nothing moves."""
    seeds = set(seeds)
    turned: set[str] = set()
    while True:
        more = {doc for docs in clusters.values() if docs & seeds for doc in docs & renamed} - seeds
        if not more:
            break
        seeds |= more
        turned |= more
    return turned, {event for event, docs in clusters.items() if not docs & seeds}


class UpdateSpace(Space, Protocol):
    """A space that holds a ledger already and can update it in place."""

    def fold(self, source: Source) -> tuple[int, int]:
        """Fold the entities again (as ``stage.fold_entities``), then take as new the earlier
        documents with an entity that now stands for another ledger id; the merged events of those
        with an entity that only reads differently (name, code, sector) are made again from their
        own reports (``renamed_apart``). Returns (ledger entities, documents taken as new)."""

    def remade(self, source: Source) -> Source:
        """Once the entities are folded (``entities_moved``): the source whose events are made into
        reports again: the documents that reach like new ones, where the space keeps the others'
        reports between builds (the store's ``ledger_reports``), else every document."""

    def report_count(self) -> int:
        """Once the reports are kept: how many reports the ledger is made from, kept ones included."""

    def reach(self, slack_days: int) -> str | None:
        """Once the reports are kept: find the units new reports reach, drop their old merged
        events and hand back only their reports from ``sorted_reports``; why not, when the update
        cannot be local."""

    def kept(self, actions: str) -> Iterable[MergedEvent]:
        """The merged events of the old ledger that stay (after ``reach``) and that the stage must
        see to find those that could decide a promise of the ``actions`` promised (as
        ``promised_actions`` spells them): all of them, unless the space kept that finding from
        the last build and the actions promised are the same."""

    def kept_apart(self) -> int:
        """How many merged events stay that ``kept`` did not hand back."""

    def touched_promises(self, as_of: dt.date | None) -> list[tuple[tuple[str, ...], Found]] | None:
        """Once the events are merged: every promise of the commitments to decide again (the others
        stay as they were written), with its group key, for ``as_of``; None: decide them all
        again."""

    def commitment_count(self) -> int:
        """Once the commitments are decided: how many the ledger holds, kept ones included."""


def promised_actions(source: Source) -> str:
    """The distinct actions promised in the documents, as JSON: which merged events could decide a
    promise depends on them and on nothing else of the other documents (``commitments.may_decide``
    reads the event's status, type and mode)."""
    return json.dumps(stage._promised_actions(source), sort_keys=True)


@dataclass
class Update:
    """What an update did: the counts, or why it gave up (``why``; the caller rebuilds)."""

    built: stage.Built | None
    why: str = ""
    moved: int = 0  # earlier documents taken as new because their entities moved
    decided: int | None = None  # commitments decided again (None: every one)


def update(source: Source, space: UpdateSpace, settings: LedgerSettings) -> Update:
    """Steps 1–4 of ``stage.build`` with only the reached units clustered again (module docstring).
    The caller has checked the ledger's fingerprint and that there are no corrections."""
    documents, as_of = stage.documents_of(source, settings)
    entities, moved = space.fold(source)
    stories = list(source.story_documents())
    remade = _Noting(space.remade(source))
    stage.keep_reports(remade, space, settings, years=choose(stories))
    if why := touched(stories, remade.seen) or space.reach(settings.date_slack_days):
        return Update(None, why)
    reports = space.report_count()
    kept = space.kept(promised_actions(source))
    events = stage.cluster_events(source, space, settings, kept=kept) + space.kept_apart()
    commitments, decided = _commitments(source, space, as_of, settings.horizon_days)
    agreements = stage.gather_agreements(space, as_of)
    return Update(stage.Built(documents, entities, events, reports, commitments, as_of, agreements), moved=moved,
                  decided=decided)



class _Noting:
    """A source that notes the documents whose events it handed out (``seen``)."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.seen: set[str] = set()

    def event_batches(self) -> Iterator[tuple[list[Result], SpanTexts]]:
        for results, texts in self.source.event_batches():
            self.seen.update(r.id for r in results)
            yield results, texts

    def __getattr__(self, name: str) -> Any:  # every other member of the source, as it is
        return getattr(self.source, name)


def _commitments(source: Source, space: UpdateSpace, as_of: dt.date | None, horizon_days: int
                 ) -> tuple[int, int | None]:
    """Decide again the commitments the update touches (``touched_promises``), or all of them;
    returns how many the ledger holds and how many were decided again (None: all)."""
    found = space.touched_promises(as_of)
    if found is None:
        return stage.track_commitments(source, space, as_of, horizon_days), None
    space.keep_promises(found)
    decided = stage.decide_promises(space, as_of, horizon_days)
    return space.commitment_count(), decided
