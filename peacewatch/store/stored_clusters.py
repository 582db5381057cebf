"""The clusters of one (type, status class) kept in the rebuild's temporary tables.

``resolve.clusters`` places reports into clusters through a ``Bucket``; this one keeps the clusters
in SQLite instead of a list, so a rebuild of any size holds only the most recently used ones.
"""

from __future__ import annotations

import datetime as dt
import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from ..resolve.clusters import Cluster, plus, weeks
from ..resolve.reports import Report
from . import scratch


class StoredBucket:
    """The clusters of one (type, status class) in the temporary tables, found by week like
    ``clusters._Bucket`` and filtered in SQL by two things every member must agree with: their date
    window, and their parties (a member that names actors and shares none with the report cannot be
    the same event, so a cluster naming actors none of which the report names is no candidate; the
    same for recipients). The most recently used clusters stay in memory with their members."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self.cache: OrderedDict[int, Cluster] = OrderedDict()
        for table in ("pw_clusters", "pw_parties", "pw_members", "pw_weeks"):
            conn.execute(f"DELETE FROM {table}")

    def candidates(self, rep: Report, slack: dt.timedelta) -> Iterator[Cluster]:
        sql, args = "SELECT idx FROM pw_clusters WHERE 1", list[Any]()
        if rep.window is not None:
            first, last = rep.window.start - slack, plus(rep.window.end, slack)
            span = weeks(first, last)
            sql += (" AND (dated = 0 OR idx IN (SELECT cluster FROM pw_weeks WHERE week BETWEEN ? AND ?))"
                    " AND latest_start <= ? AND earliest_end >= ?")
            args += [span.start, span.stop - 1, last.toordinal(), first.toordinal()]
        for number, (column, side) in enumerate((("actors", rep.actors), ("recipients", rep.recipients))):
            if tokens := sorted(frozenset().union(*side)):
                sql += (f" AND ({column} = 0 OR idx IN (SELECT cluster FROM pw_parties WHERE side = {number}"
                        f" AND token IN ({', '.join('?' * len(tokens))})))")
                args += tokens
        for (index,) in self.conn.execute(sql + " ORDER BY idx", args).fetchall():
            yield self._get(index)

    def open(self) -> Cluster:
        home = Cluster(self.count)
        self.conn.execute("INSERT INTO pw_clusters VALUES (?, 0, ?, ?, 0, 0)",
                          (home.index, dt.date.min.toordinal(), dt.date.max.toordinal()))
        self.count += 1
        self._keep(home)
        return home

    def grew(self, cluster: Cluster, was_dated: bool) -> None:
        pos = len(cluster.members) - 1
        self.conn.execute("INSERT INTO pw_members VALUES (?, ?, ?, ?)", (
            cluster.index, pos, cluster.links[pos], pickle.dumps(cluster.members[pos], pickle.HIGHEST_PROTOCOL)))
        self.conn.execute("UPDATE pw_clusters SET dated = ?, latest_start = ?, earliest_end = ? WHERE idx = ?",
                          (int(cluster.dated), cluster.latest_start.toordinal(), cluster.earliest_end.toordinal(),
                           cluster.index))
        rep = cluster.members[pos]
        for number, (column, side) in enumerate((("actors", rep.actors), ("recipients", rep.recipients))):
            if side:
                self.conn.execute(f"UPDATE pw_clusters SET {column} = 1 WHERE idx = ?", (cluster.index,))
                self.conn.executemany("INSERT OR IGNORE INTO pw_parties VALUES (?, ?, ?)",
                                      ((number, token, cluster.index) for token in frozenset().union(*side)))
        if cluster.dated and not was_dated:
            self.conn.executemany("INSERT INTO pw_weeks VALUES (?, ?)", (
                (week, cluster.index) for week in weeks(cluster.latest_start, cluster.earliest_end)))
        self._keep(cluster)

    def clusters(self) -> Iterator[Cluster]:
        for index in range(self.count):
            found = self.cache.pop(index) if index in self.cache else self._load(index)
            yield found
        self.cache.clear()

    def _get(self, index: int) -> Cluster:
        found = self.cache.get(index)
        if found is None:
            found = self._load(index)
        self._keep(found)
        return found

    def _keep(self, cluster: Cluster) -> None:
        self.cache[cluster.index] = cluster
        self.cache.move_to_end(cluster.index)
        if len(self.cache) > scratch.CLUSTERS:
            self.cache.popitem(last=False)

    def _load(self, index: int) -> Cluster:
        dated, start, end = self.conn.execute(
            "SELECT dated, latest_start, earliest_end FROM pw_clusters WHERE idx = ?", (index,)).fetchone()
        found = Cluster(index, latest_start=dt.date.fromordinal(start), earliest_end=dt.date.fromordinal(end),
                        dated=bool(dated))
        for link, data in self.conn.execute("SELECT link, data FROM pw_members WHERE cluster = ? ORDER BY pos",
                                            (index,)):
            found.members.append(pickle.loads(data))
            found.links.append(link)
        return found


class Taken:
    """The merged ids given so far: those written to ``ledger_events`` and those not written yet."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.pending: set[str] = set()

    def __contains__(self, item: object) -> bool:
        return item in self.pending or self.conn.execute(
            "SELECT 1 FROM ledger_events WHERE id = ?", (item,)).fetchone() is not None

    def add(self, item: str) -> None:
        self.pending.add(item)

    def written(self) -> None:
        self.pending.clear()
