"""Clustering event reports into real-world events, independent of the order documents arrived in.

Reports are taken in a canonical order (sorted by content: type, status, mode, most precise date
first, then document id and span) and each joins the first cluster, in creation order, where no
member contradicts it (complete linkage: a year-level date cannot chain two different days) and
some member gives evidence that it is the same event (single linkage for evidence, see
``reports.evidence``); else it starts a new cluster. Shuffling the input therefore gives the same
clusters. Each member after the first keeps the evidence that let it join (for ``why``).

Clusters are indexed by the weeks their date windows cover, so a report is only tested against the
clusters it could overlap; the result is the same as testing every cluster in creation order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .reports import Report, evidence, incompatibility, status_class
from .settings import LedgerSettings


@dataclass
class _Cluster:
    """Reports merged so far, with the latest start and earliest end of their date windows: a report
    overlaps every member's window exactly when it overlaps both of those (a quick first test)."""

    index: int
    members: list[Report] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    latest_start: dt.date = dt.date.min
    earliest_end: dt.date = dt.date.max
    dated: bool = False

    def add(self, rep: Report, link: str) -> None:
        self.members.append(rep)
        self.links.append(link)
        if rep.window is not None:
            self.dated = True
            self.latest_start = max(self.latest_start, rep.window.start)
            self.earliest_end = min(self.earliest_end, rep.window.end)

    def may_take(self, rep: Report, slack: dt.timedelta) -> bool:
        if rep.window is None:
            return True
        return rep.window.start <= _plus(self.earliest_end, slack) and self.latest_start <= _plus(
            rep.window.end, slack)

    def link(self, rep: Report, settings: LedgerSettings) -> str | None:
        """Why the report joins: no member contradicts it and the first member (in joining order)
        that gives evidence names it; None when it cannot join."""
        if any(incompatibility(rep, m, settings) is not None for m in self.members):
            return None
        for m in self.members:
            if found := evidence(rep, m, settings):
                return f"{_name(rep)} joined {_name(m)}: {found}"
        return None


def _name(rep: Report) -> str:
    return f"{rep.doc}#{rep.event.id}"


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
        home, link = None, "first report"
        for c in self.candidates(rep, slack):
            if c.may_take(rep, slack) and (found := c.link(rep, settings)):
                home, link = c, found
                break
        if home is None:
            home = _Cluster(len(self.clusters))
            self.clusters.append(home)
            self.undated.append(home.index)
        was_dated = home.dated
        home.add(rep, link)
        if home.dated and not was_dated:
            self.undated.remove(home.index)
            for week in _weeks(home.latest_start, home.earliest_end):
                self.by_week[week].append(home.index)


def _weeks(first: dt.date, last: dt.date) -> range:
    return range(first.toordinal() // 7, last.toordinal() // 7 + 1)


def _plus(day_: dt.date, delta: dt.timedelta) -> dt.date:
    return day_ + delta if day_ <= dt.date.max - delta else dt.date.max


def cluster(reports: Iterable[Report], settings: LedgerSettings) -> list[tuple[list[Report], list[str]]]:
    """Clusters of reports taken in canonical order (see the module docstring), each with the
    evidence that let each member join (the first member's is "first report")."""
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)
    slack = dt.timedelta(days=settings.date_slack_days)
    for rep in sorted(reports, key=lambda r: r.sort_key):
        buckets[(rep.event.type, status_class(rep.event.status))].place(rep, settings, slack)
    return [(c.members, c.links) for _, bucket in sorted(buckets.items()) for c in bucket.clusters]
