"""What to find among the merged events (``Reader.events``), as SQL over ``ledger_events e``.

Filters combine with AND: ``actor`` (a country code or ledger entity id, as actor or recipient),
``dyad`` (two of them: one range scan of the dyad index), ``type``, ``status``, ``since``/``until``
(timeline days, inclusive; undated events are on 9999-12-31), ``document`` (reported in it), and
``q``, words searched case-insensitively in the evidence sentences (the spans of the per-document
reports, cut out of the stored texts: a scan, meant for narrowed-down listings), ``place``,
words in the name of where the event happened, ``country``, the ISO 3166-1 alpha-3 code of the
country of that place, and ``bbox`` (west, south, east, north in decimal degrees), the events whose
place has coordinates inside the box (a box whose west is east of its east crosses the 180th meridian).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..resolve.dyads import party_token

# A descending order is the exact reverse of its ascending one, so one index (migration 0004) serves both.
SORTS = {"day": "e.day, e.id", "-day": "e.day DESC, e.id DESC", "reports": "e.reports, e.day, e.id",
         "-reports": "e.reports DESC, e.day DESC, e.id DESC", "score": "e.score, e.day, e.id",
         "-score": "e.score DESC, e.day DESC, e.id DESC", "first_reported": "e.first_reported, e.id",
         "-first_reported": "e.first_reported DESC, e.id DESC", "id": "e.id"}
_TEXT = ("e.id IN (SELECT m.ledger_event FROM ledger_event_mentions m JOIN events r ON r.doc_id = m.doc_id"
         " AND r.id = m.event JOIN documents d ON d.id = m.doc_id WHERE instr(lower(substr(d.text,"
         " CAST(json_extract(r.record, '$.span[0]') AS INTEGER) + 1, CAST(json_extract(r.record, '$.span[1]')"
         " AS INTEGER) - CAST(json_extract(r.record, '$.span[0]') AS INTEGER))), lower(?)) > 0)")


@dataclass
class EventQuery:
    """Filters, order and page of a merged-event listing."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    q: str | None = None
    place: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    sort: str = "day"
    limit: int | None = None
    offset: int = 0

    def order(self) -> str:
        if self.sort not in SORTS:
            raise StoreError(f"unknown event order {self.sort!r}; choose one of {', '.join(SORTS)}", "E047")
        return SORTS[self.sort]

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its arguments ."""
        # A day bound only when one is asked for: a range over every day would make SQLite walk the
        # day index (a random read per event) where a scan or another index is many times faster.
        parts: list[str] = ["1"]
        args: list[Any] = []
        if self.since:
            parts.append("e.day >= ?")
            args.append(self.since)
        if self.until:
            parts.append("e.day <= ?")
            args.append(self.until)
        if self.type:
            parts.append("e.type = ?")
            args.append(self.type.upper())
        if self.status:
            parts.append("e.status = ?")
            args.append(self.status)
        if self.dyad:
            x, y = sorted(party_token(p) for p in self.dyad)
            parts.append("e.id IN (SELECT event_id FROM ledger_dyads WHERE a = ? AND b = ?)")
            args += [x, y]
        if self.actor:
            parts.append(self._party())
            token = party_token(self.actor)
            code = token.removeprefix("code:") if token.startswith("code:") else None
            written = json.dumps(code or token, ensure_ascii=False)  # as the ledger writes it in a record
            args += [token, token, written if written.isascii() else "", code, code, token, code, code, token]
        if self.document:
            parts.append("e.id IN (SELECT ledger_event FROM ledger_event_mentions WHERE doc_id = ?)")
            args.append(self.document)
        if self.q:
            parts.append(_TEXT)
            args.append(self.q)
        if self.place:
            parts.append("instr(lower(coalesce(json_extract(e.record, '$.location.name'), '')), lower(?)) > 0")
            args.append(self.place)
        return self._geo(parts, args)

    def _geo(self, parts: list[str], args: list[Any]) -> tuple[str, list[Any]]:
        """The place's country and box, added to the WHERE clause."""
        if self.country:
            parts.append("json_extract(e.record, '$.location.code') = ?")
            args.append(self.country.upper())
        if self.bbox:
            west, south, east, north = self.bbox
            lat = "CAST(json_extract(e.record, '$.location.lat') AS REAL)"
            lon = "CAST(json_extract(e.record, '$.location.lon') AS REAL)"
            parts.append(f"{lat} BETWEEN ? AND ? AND " + (f"{lon} BETWEEN ? AND ?" if west <= east
                                                          else f"({lon} >= ? OR {lon} <= ?)"))
            args += [south, north, west, east]
        return " AND ".join(parts), args

    @staticmethod
    def _party() -> str:
        """Actor or recipient with this code (a country) or ledger entity id (anything else).

        An event where the party is paired with another (the dyad index has a row for every pair) is
        found through the index; only events in no pair at all (one party, or parties on the
        recipient side only) are read, and of those only records that hold the party's value."""
        one = ("EXISTS (SELECT 1 FROM json_each(e.record, '$.{side}') p WHERE (CAST(? AS TEXT) IS NOT NULL AND"
               " json_extract(p.value, '$.code') = ?) OR json_extract(p.value, '$.entity') = ?)")
        return ("e.id IN (SELECT event_id FROM ledger_dyads WHERE a = ? UNION ALL"
                " SELECT event_id FROM ledger_dyads WHERE b = ? UNION ALL"
                " SELECT x.id FROM ledger_events x WHERE x.id IN (SELECT u.id FROM ledger_events u WHERE u.id NOT IN"
                " (SELECT event_id FROM ledger_dyads)) AND instr(x.record, ?) > 0 AND ("
                + one.format(side="actor").replace("e.record", "x.record") + " OR "
                + one.format(side="recipient").replace("e.record", "x.record") + "))")
