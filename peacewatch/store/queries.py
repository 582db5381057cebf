"""Ledger queries that are not about one dyad."""

from __future__ import annotations

import json
import sqlite3

from ..resolve import MergedEvent
from ..resolve.dyads import party_token
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


def known_party(conn: sqlite3.Connection, party: str) -> bool:
    """Whether ``party`` (a code or a ledger entity id, as the dyad commands take it) is in the
    ledger: the code or id of a ledger entity, or a side of a merged event."""
    token = party_token(party)
    if token.startswith("code:") and conn.execute(
            "SELECT 1 FROM ledger_entities WHERE code = ? LIMIT 1", (token[5:],)).fetchone():
        return True
    if conn.execute("SELECT 1 FROM ledger_entities WHERE id = ? LIMIT 1", (token,)).fetchone():
        return True
    return any(conn.execute(f"SELECT 1 FROM ledger_dyads WHERE {side} = ? LIMIT 1", (token,)).fetchone()
               for side in ("a", "b"))
