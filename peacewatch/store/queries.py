"""Ledger queries that are not about one dyad."""

from __future__ import annotations

import json
import sqlite3

from ..resolve import MergedEvent
from .ledger import UNKNOWN_DAY


def all_events(
    conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
    type: str | None = None,  # noqa: A002 - the CLI option's name
) -> list[MergedEvent]:
    """Every merged event (of one type, within the days given), in timeline order."""
    sql = "SELECT record FROM ledger_events WHERE day >= ? AND day <= ?"
    args = [since or "0000-00-00", until or UNKNOWN_DAY]
    if type:
        sql += " AND type = ?"
        args.append(type.upper())
    return [MergedEvent.from_dict(json.loads(r[0])) for r in conn.execute(sql + " ORDER BY day, id", args)]
