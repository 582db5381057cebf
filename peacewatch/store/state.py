"""What the ledger keeps between builds for the incremental update (migration 0008): every report,
with what finding units needs, in ``ledger_reports``.

A full rebuild writes a row for each report it makes (``KeepingSpace``, the store's space that also
keeps them); an update (``store.incremental``) makes only the reports of the documents that reach
like new ones, replaces their rows, and reads the others back from this table for the units it
reaches. Reports are stored as JSON, never pickled: the table lives in the database (a shared
PostgreSQL one too), and what is read back from it is data, not code.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from ..resolve.commitments import Placed
from ..resolve.incremental import Placing, placing
from ..resolve.records import MergedEvent
from ..resolve.reports import Report, merge_kind, status_class
from ..timespan import Interval
from ..types import Event
from .space import SqliteSpace, _deciding_rows

TOKENS = "\x1f"  # between the actor tokens of a report in ``ledger_reports.actors``
INSERT = "INSERT INTO ledger_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# the canonical order of reports (``Report.sort_key``) over ``ledger_reports``: (doc, event) is its
# key, so no two rows tie
ORDER = "type, class, mode, days, start, doc, t0, t1, s0, s1, event"


class KeepingSpace(SqliteSpace):
    """The store's space that also keeps every report it is handed in ``ledger_reports``, and the
    merged events that could decide a promise in ``ledger_deciding``/``ledger_toward``."""

    def keep_reports(self, reports: list[Report]) -> None:
        super().keep_reports(reports)
        keep_rows(self.conn, reports)

    def put_events(self, events: list[MergedEvent], deciding: list[Placed]) -> None:
        super().put_events(events, deciding)
        self.conn.executemany("INSERT INTO ledger_deciding VALUES (?, ?, ?, ?, ?, ?)",
                              (row for p in deciding for row in _deciding_rows(p)))
        self.conn.executemany("INSERT OR IGNORE INTO ledger_toward VALUES (?, ?)",
                              ((p.event.id, token) for p in deciding for token in sorted(p.recipients)))


def keep_rows(conn: sqlite3.Connection, reports: Iterable[Report]) -> None:
    conn.executemany(INSERT, (report_row(rep) for rep in reports))


def report_row(rep: Report) -> tuple[Any, ...]:
    """The row of one report: its sort key in columns, its placing, its JSON."""
    ev, stated = rep.event, rep.stated
    where = placing(0, rep, False)
    return (merge_kind(ev), status_class(ev.status), ev.mode or "", stated.days if stated else 10**6,
            (stated.start if stated else dt.date.max).toordinal(), rep.doc, ev.trigger_span[0], ev.trigger_span[1],
            ev.span[0], ev.span[1], ev.id, where.start, where.end, TOKENS.join(sorted(where.actors)),
            json.dumps(report_out(rep), ensure_ascii=False))


def placing_of(row: int, type_: str, class_: str, doc: str, first: int | None, last: int | None, actors: str,
               new: bool) -> Placing:
    """The placing of a stored report row (``row`` names it)."""
    return Placing(row, (type_, class_), doc, first, last, new, frozenset(actors.split(TOKENS)) if actors else
                   frozenset())


def report_out(rep: Report) -> dict[str, Any]:
    return {"doc": rep.doc, "published": _day_out(rep.published), "event": rep.event.to_dict(),
            "actors": [sorted(a) for a in rep.actors], "recipients": [sorted(r) for r in rep.recipients],
            "stated": _span_out(rep.stated), "window": _span_out(rep.window), "wording": list(rep.wording),
            "countries": sorted(rep.countries)}


def report_in(data: dict[str, Any]) -> Report:
    return Report(data["doc"], _day_in(data["published"]), Event.from_dict(data["event"]),
                  tuple(frozenset(a) for a in data["actors"]), tuple(frozenset(r) for r in data["recipients"]),
                  _span_in(data["stated"]), _span_in(data["window"]), tuple(data["wording"]),
                  frozenset(data["countries"]))


def reports_in(rows: Iterable[tuple[str]]) -> Iterator[Report]:
    for (text,) in rows:
        yield report_in(json.loads(text))


def _day_out(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day_in(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _span_out(span: Interval | None) -> list[str] | None:
    return [span.start.isoformat(), span.end.isoformat()] if span is not None else None


def _span_in(data: list[str] | None) -> Interval | None:
    return Interval(dt.date.fromisoformat(data[0]), dt.date.fromisoformat(data[1])) if data is not None else None
