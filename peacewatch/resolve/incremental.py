"""The incremental ledger: new documents update the part of the ledger they can reach, by the same
functions as a full build (``stage``), and the result is the full build's.

What a new report can change, and why nothing else moves:

- **entities** are folded whole again (a cheap pass: one key per per-document entity). When that
  moves an earlier document's entity to another ledger id (a new coded name relinks an old one) or
  changes what events read of an old entity (its name, code or sector, outvoted by new mentions),
  the earlier documents naming it are taken as new below: their reports and the events they are
  part of are made again.
- **events**: a report is clustered only with reports of its own (type, status class) bucket whose
  date windows overlap its own, give or take the date slack, or, undated, only with reports of its
  own document (``reports.incompatibility``: reports of different documents must both be placed).
  So the reports of one bucket fall into **units**: the connected sets of overlapping windows,
  with each undated report joined to its document's. A report of one unit never joins a cluster of
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
replaced by a new version or removed.

Merged ids stay those of a full build: an id is a hash of the cluster's first report (document,
trigger, per-document event id, type), and the store keeps one event per id and document, so two
clusters never share a seed and the order clusters are made in never decides an id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..config import LedgerSettings
from . import stage
from .records import MergedEvent
from .reports import Report, merge_kind, status_class
from .space import Source, Space


@dataclass(frozen=True)
class Placing:
    """Where one report sits for finding units: its bucket, its date window (day ordinals, None when
    undated) and document, and whether it is new (or taken as new). ``row`` names it to whoever asked."""

    row: int
    bucket: tuple[str, str]
    doc: str
    start: int | None
    end: int | None
    new: bool


def placing(row: int, rep: Report, new: bool) -> Placing:
    """The placing of one report (``row`` is the caller's name for it)."""
    window = rep.window
    return Placing(row, (merge_kind(rep.event), status_class(rep.event.status)), rep.doc,
                   window.start.toordinal() if window else None, window.end.toordinal() if window else None, new)


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


def _reached_in(rows: list[Placing], slack_days: int) -> Iterator[int]:
    """The rows of one bucket in a unit with a new report: dated windows joined where they overlap
    (a sweep by start), every report of a document with an undated report joined to its document's."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach, head = 0, -1
    for i in sorted((i for i, p in enumerate(rows) if p.start is not None), key=lambda i: rows[i].start or 0):
        start, end = rows[i].start or 0, (rows[i].end or 0) + slack_days
        if head >= 0 and start <= reach:
            parent[root(i)] = root(head)
            reach = max(reach, end)
        else:
            head, reach = i, end
    undated = {p.doc for p in rows if p.start is None}
    first_of: dict[str, int] = {}
    for i, p in enumerate(rows):
        if p.doc in undated:
            parent[root(i)] = root(first_of.setdefault(p.doc, i))
    roots = {root(i) for i, p in enumerate(rows) if p.new}
    return (p.row for i, p in enumerate(rows) if root(i) in roots)


class UpdateSpace(Space, Protocol):
    """A space that holds a ledger already and can update it in place."""

    def entities_moved(self) -> int:
        """Once the entities are folded again: take as new the earlier documents with an entity
        that now stands for another ledger id, or for one that reads differently (name, code,
        sector); returns how many."""

    def reach(self, slack_days: int) -> str | None:
        """Once the reports are kept: find the units new reports reach, drop their old merged
        events and hand back only their reports from ``sorted_reports``; why not, when the update
        cannot be local."""

    def kept(self) -> Iterator[MergedEvent]:
        """The merged events of the old ledger that stay (after ``reach``)."""


@dataclass
class Update:
    """What an update did: the counts, or why it gave up (``why``; the caller rebuilds)."""

    built: stage.Built | None
    why: str = ""
    moved: int = 0  # earlier documents taken as new because their entities moved


def update(source: Source, space: UpdateSpace, settings: LedgerSettings) -> Update:
    """Steps 1–4 of ``stage.build`` with only the reached units clustered again (module docstring).
    The caller has checked the ledger's fingerprint and that there are no corrections."""
    documents, as_of = stage.documents_of(source, settings)
    entities = stage.fold_entities(source, space)
    moved = space.entities_moved()
    reports = stage.keep_reports(source, space, settings)
    if why := space.reach(settings.date_slack_days):
        return Update(None, why)
    events = stage.cluster_events(source, space, settings, kept=space.kept())
    commitments = stage.track_commitments(source, space, as_of, settings.horizon_days)
    agreements = stage.gather_agreements(space, as_of)
    return Update(stage.Built(documents, entities, events, reports, commitments, as_of, agreements), moved=moved)

