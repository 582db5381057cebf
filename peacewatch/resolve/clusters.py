"""Clustering event reports into real-world events, independent of the order documents arrived in.

Reports are taken in a canonical order (sorted by content: type, status, mode, most precise date
first, then document id and span) and each joins the first cluster, in creation order, where no
member contradicts it (complete linkage: a year-level date cannot chain two different days) and
some member is linked to it by a shared party (single linkage for evidence); else it starts a new
cluster. Shuffling the input therefore gives the same clusters.

Clusters are indexed by the weeks their date windows cover, so a report is only tested against the
clusters it could overlap; the result is the same as testing every cluster in creation order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .reports import Report, incompatibility, linked, status_class
from .settings import LedgerSettings


@dataclass
class _Cluster:
    """Reports merged so far, with the latest start and earliest end of their date windows: a report
    overlaps every member's window exactly when it overlaps both of those (a quick first test)."""

    index: int
    members: list[Report] = field(default_factory=list)
    latest_start: dt.date = dt.date.min
    earliest_end: dt.date = dt.date.max
    dated: bool = False

    def add(self, rep: Report) -> None:
        self.members.append(rep)
        if rep.window is not None:
            self.dated = True
            self.latest_start = max(self.latest_start, rep.window.start)
            self.earliest_end = min(self.earliest_end, rep.window.end)

    def may_take(self, rep: Report, slack: dt.timedelta) -> bool:
        if rep.window is None:
            return True
        return rep.window.start <= _plus(self.earliest_end, slack) and self.latest_start <= _plus(
            rep.window.end, slack)

    def takes(self, rep: Report, settings: LedgerSettings) -> bool:
        """No member contradicts the report, and some member links to it."""
        return all(incompatibility(rep, m, settings) is None for m in self.members) and any(
            linked(rep, m) for m in self.members)


@dataclass
class _Bucket:
    """The clusters of one (type, status class), with an index from week to the dated clusters
    whose window covered that week when it was indexed (windows only shrink, so the index may
    name too many clusters, never too few)."""

    clusters: list[_Cluster] = field(default_factory=list)
    by_week: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    undated: list[int] = field(default_factory=list)

    def candidates(self, rep: Report, slack: dt.timedelta) -> Iterator[_Cluster]:
        if rep.window is None:
            yield from self.clusters
            return
        found = set(self.undated)
        for week in _weeks(rep.window.start - slack, _plus(rep.window.end, slack)):
            found.update(self.by_week.get(week, ()))
        for index in sorted(found):
            yield self.clusters[index]

    def place(self, rep: Report, settings: LedgerSettings, slack: dt.timedelta) -> None:
        home = next((c for c in self.candidates(rep, slack) if c.may_take(rep, slack)
                     and c.takes(rep, settings)), None)
        if home is None:
            home = _Cluster(len(self.clusters))
            self.clusters.append(home)
            self.undated.append(home.index)
        was_dated = home.dated
        home.add(rep)
        if home.dated and not was_dated:
            self.undated.remove(home.index)
            for week in _weeks(home.latest_start, home.earliest_end):
                self.by_week[week].append(home.index)


def _weeks(first: dt.date, last: dt.date) -> range:
    return range(first.toordinal() // 7, last.toordinal() // 7 + 1)


def _plus(day_: dt.date, delta: dt.timedelta) -> dt.date:
    return day_ + delta if day_ <= dt.date.max - delta else dt.date.max


def cluster(reports: list[Report], settings: LedgerSettings) -> list[list[Report]]:
    """Clusters of reports taken in canonical order (see the module docstring)."""
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)
    slack = dt.timedelta(days=settings.date_slack_days)
    for rep in sorted(reports, key=lambda r: r.sort_key):
        buckets[(rep.event.type, status_class(rep.event.status))].place(rep, settings, slack)
    return [c.members for _, bucket in sorted(buckets.items()) for c in bucket.clusters]
