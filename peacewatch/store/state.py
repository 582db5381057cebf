"""What the ledger keeps between builds for the incremental update (migration 0008): every report,
with what finding units needs, in ``ledger_reports``; the merged events that may decide a promise in
``ledger_deciding``; every per-document entity with its keys in ``ledger_entity_keys``, and the
cross-document links in ``ledger_links``.

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
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..resolve.commitment_reports import Found
from ..resolve.commitments import Placed
from ..resolve.entities import Links, Seen, normalize_name
from ..resolve.incremental import Placing, placing
from ..resolve.records import LedgerCommitment, LedgerEntity, MergedEvent
from ..resolve.reports import Report, merge_kind, status_class
from ..timespan import Interval
from ..types import Entity, Event
from .entity_parts import count_all, write_head
from .promises import promise_rows, reach_rows, write_commitment
from .scratch import write
from .source import _UNREAD_ENTITY
from .space import SqliteSpace, _deciding_rows

TOKENS = "\x1f"  # between the actor tokens of a report in ``ledger_reports.actors``
INSERT = "INSERT INTO ledger_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# the canonical order of reports (``Report.sort_key``) over ``ledger_reports``: (doc, event) is its
# key, so no two rows tie
ORDER = "type, class, mode, days, start, doc, t0, t1, s0, s1, event"


class KeepingSpace(SqliteSpace):
    """The store's space that also keeps every report it is handed in ``ledger_reports``, the
    merged events that could decide a promise in ``ledger_deciding``/``ledger_toward``, and the
    promises with what each commitment asked for (``promises``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        self._reach: dict[str, list[tuple[str, str, int, int]]] = {}

    def keep_reports(self, reports: list[Report]) -> None:
        super().keep_reports(reports)
        keep_rows(self.conn, reports)

    def keep_linked(self, seen: Iterable[Seen]) -> None:
        super().keep_linked(seen)
        # the two tables were written in one order: a row of each per per-document entity
        rows = self.conn.execute("SELECT e.doc, e.key, e.why, e.data, k.key FROM pw_entities e JOIN pw_keys k"
                                 " ON k.rowid = e.rowid ORDER BY e.rowid")
        links: set[tuple[str, str, str, str, str | None]] = set()

        def entity_rows() -> Iterator[tuple[Any, ...]]:
            for doc, key, why, data, own in rows:
                entity = Entity(**json.loads(data))
                if (found := link_row(entity, own)) is not None:
                    links.add(found)
                yield entity_row(Seen(doc, entity, key, why), own)

        write(self.conn, ENTITY_ROW, entity_rows())
        self.conn.executemany(LINK_ROW, sorted(links))

    def put_entities(self, entities: Iterable[LedgerEntity]) -> int:
        """Each ledger entity's head (``entity_parts``: its sources are the ``ledger_entity_keys``
        rows just written, its mentions the per-document ones), then the counts its head is made
        again from by an update."""
        count = 0
        for entity in entities:
            write_head(self.conn, entity)
            count += 1
        count_all(self.conn)
        return count

    def keep_promises(self, found: Iterable[tuple[tuple[str, ...], Found]]) -> None:
        found = list(found)  # promises are few beside reports
        super().keep_promises(found)
        write(self.conn, "INSERT INTO ledger_promises VALUES (?, ?, ?, ?, ?)", promise_rows(found))

    def candidates(self, c: LedgerCommitment, codes: Mapping[str, str | None], types: frozenset[str] | None,
                   made: tuple[dt.date, dt.date]) -> list[Placed]:
        # what the commitment asks for, kept with it (``put_commitment``), as ``deciding_query`` asks
        tokens = sorted({t for i in c.obligor for t in (i, codes.get(i)) if t}) if c.obligor else [""]
        self._reach[c.id] = reach_rows(tokens, types, made)
        return super().candidates(c, codes, types, made)

    def put_commitment(self, c: LedgerCommitment) -> None:
        super().put_commitment(c)
        write_commitment(self.conn, c, self._reach.pop(c.id, []))

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
    return {"doc": rep.doc, "published": _day_out(rep.published), "event": _event_out(rep.event),
            "actors": [sorted(a) for a in rep.actors], "recipients": [sorted(r) for r in rep.recipients],
            "stated": _span_out(rep.stated), "window": _span_out(rep.window), "wording": list(rep.wording),
            "countries": sorted(rep.countries), "written": _day_out(rep.written)}


def _event_out(ev: Event) -> dict[str, Any]:
    """``ev.to_dict()`` without its introspection (a fifth of what keeping reports cost a rebuild):
    an event's fields are plain values, spans and its arguments', whose fields are plain values."""
    return {**vars(ev), "actor": [vars(a) for a in ev.actor], "recipient": [vars(a) for a in ev.recipient]}


def report_in(data: dict[str, Any]) -> Report:
    return Report(data["doc"], _day_in(data["published"]), Event.from_dict(data["event"]),
                  tuple(frozenset(a) for a in data["actors"]), tuple(frozenset(r) for r in data["recipients"]),
                  _span_in(data["stated"]), _span_in(data["window"]), tuple(data["wording"]),
                  frozenset(data["countries"]), _day_in(data.get("written")))


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


# --- entities -------------------------------------------------------------------------------------------

ENTITY_ROW = "INSERT OR IGNORE INTO ledger_entity_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
LINK_ROW = "INSERT OR IGNORE INTO ledger_links VALUES (?, ?, ?, ?, ?)"


def entity_row(s: Seen, own: str) -> tuple[Any, ...]:
    """The row of one per-document entity: its own key (``own``, ``entities.entity_key``), the key
    it resolved to and why, and what the cross-document links read of it (kind, normalized name and
    its last word, code; whether ``Links.relink`` could move it)."""
    e, name = s.entity, normalize_name(s.entity.name)
    return (s.doc, e.id, own, s.key, s.why, e.kind, name, name.rsplit("-", 1)[-1], e.code or None,
            int(relinkable(e.kind, name, e.code)), e.name, e.sector, e.role, e.wikidata)


def link_row(e: Entity, own: str) -> tuple[str, str, str, str, str | None] | None:
    """The row of ``ledger_links`` one entity gives (what ``Links.see`` keeps of it), or None."""
    name = normalize_name(e.name)
    if not (e.code and ("-" in name or e.kind != "person")):
        return None
    return own, e.kind, name, name.rsplit("-", 1)[-1], e.code or None


def relinkable(kind: str, name: str, code: str | None) -> bool:
    """Whether ``Links.relink`` can move an entity: a person known by one name word or without a
    code, any other entity without a code."""
    return (not code or "-" not in name) if kind == "person" else not code


def linked(rows: Iterable[tuple[str, str, str, str | None]]) -> Links:
    """The cross-document links over stored ``ledger_links`` rows (own key, kind, name, code)."""
    links = Links()
    for own, kind, name, code in rows:
        links.see(Entity("", name, kind, code), own)
    return links


def entity_of(record: str) -> Entity:
    """A stored per-document entity as the ledger reads it (``source.StoredSource.entities``)."""
    return Entity.from_dict({k: v for k, v in json.loads(record).items() if k not in _UNREAD_ENTITY})
