"""The data tables the ledger decides by, loaded lazily and cached (``peacewatch/data/resolve``).

Each table is a TSV with a header line; lines starting with ``#`` are comments. The shared loader
(``peacewatch/tables.py``) checks every line against the columns declared here. Rows are returned as
typed records so a decision can name the row that made it (``why``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import ConfigError
from ..tables import Column, Row, optional, read_table


@dataclass(frozen=True)
class PloverRow:
    type: str
    mode: str | None
    quad: str
    score: float


@dataclass(frozen=True)
class ActionRule:
    """A (promised action → event) pair: the event fulfils, or contradicts, the action."""

    action_type: str
    action_mode: str
    event_type: str
    event_mode: str
    lasting: bool
    note: str
    line: int

    def matches(self, action_type: str, action_mode: str | None, ev_type: str, ev_mode: str | None) -> bool:
        if not (_match(self.action_type, action_type) and _match(self.action_mode, action_mode)):
            return False
        type_ok = ev_type == action_type if self.event_type == "=" else _match(self.event_type, ev_type)
        if self.event_mode == "=":
            return type_ok and action_mode == ev_mode
        return type_ok and _match(self.event_mode, ev_mode)


@dataclass(frozen=True)
class NegotiationRow:
    type: str
    status: str
    kind: str


_ACTION_COLUMNS = (Column("action_type"), optional("action_mode"), Column("event_type"), optional("event_mode"),
                   Column("lasting"), optional("note"))


def _match(pattern: str, value: str | None) -> bool:
    return pattern == "*" or pattern == (value or "")


# The columns of each table; its header line names them in this order.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "plover.tsv": (Column("type"), optional("mode"), Column("quad"), Column("score")),
    "fulfils.tsv": _ACTION_COLUMNS,
    "contradicts.tsv": _ACTION_COLUMNS,
    "party_codes.tsv": (Column("kind"), Column("value"), Column("match")),
    "negotiation.tsv": (Column("type"), Column("status"), Column("kind")),
}


def _rows(name: str) -> tuple[Row, ...]:
    return read_table("resolve", name, COLUMNS[name])


def _invalid(row: Row) -> ConfigError:
    return ConfigError(f"ledger table {row.file} line {row.line} is invalid: {dict(row)!r}; reinstall peacewatch",
                       "E027")


@functools.lru_cache(maxsize=1)
def plover_table() -> dict[tuple[str, str | None], PloverRow]:
    """(type, mode or None) → quad class and score."""
    table: dict[tuple[str, str | None], PloverRow] = {}
    for r in _rows("plover.tsv"):
        try:
            row = PloverRow(r["type"], r["mode"] or None, r["quad"], float(r["score"]))
        except ValueError as e:
            raise _invalid(r) from e
        table[(row.type, row.mode)] = row
    return table


def plover_row(type_: str, mode: str | None) -> PloverRow | None:
    """The row for this type and mode, falling back to the type's base row."""
    table = plover_table()
    return table.get((type_, mode)) or table.get((type_, None))


def _action_rules(name: str) -> tuple[ActionRule, ...]:
    return tuple(
        ActionRule(r["action_type"], r["action_mode"] or "*", r["event_type"], r["event_mode"] or "*",
                   r["lasting"] == "yes", r["note"], r.line)
        for r in _rows(name)
    )


@functools.lru_cache(maxsize=1)
def fulfil_rules() -> tuple[ActionRule, ...]:
    return _action_rules("fulfils.tsv")


@functools.lru_cache(maxsize=1)
def contradict_rules() -> tuple[ActionRule, ...]:
    return _action_rules("contradicts.tsv")


def fulfilling(action_type: str, action_mode: str | None, event_type: str, event_mode: str | None) -> bool:
    """Whether a row of ``fulfils.tsv`` has an event of this type and mode carry out the promised action."""
    return any(r.matches(action_type, action_mode, event_type, event_mode) for r in fulfil_rules())


def contradiction(action_type: str, action_mode: str | None, event_type: str, event_mode: str | None
                  ) -> ActionRule | None:
    """The first row of ``contradicts.tsv`` by which an event of this type and mode breaks the promised
    action, or None."""
    return next((r for r in contradict_rules() if r.matches(action_type, action_mode, event_type, event_mode)),
                None)


@functools.lru_cache(maxsize=1)
def party_code_rules() -> tuple[dict[str, str], dict[str, str]]:
    """(sector → match, code → match) from ``party_codes.tsv``; match is state, own or none."""
    by_kind: dict[str, dict[str, str]] = {"sector": {}, "code": {}}
    for r in _rows("party_codes.tsv"):
        if r["kind"] not in by_kind or r["match"] not in ("state", "own", "none"):
            raise _invalid(r)
        by_kind[r["kind"]][r["value"]] = r["match"]
    return by_kind["sector"], by_kind["code"]


def code_match(code: str, sector: str | None) -> str:
    """How an argument's code links it to others: state, own (with its sector) or none."""
    sectors, codes = party_code_rules()
    if code in codes:
        return codes[code]
    return sectors.get(sector, "own") if sector else "state"


@functools.lru_cache(maxsize=1)
def negotiation_table() -> tuple[NegotiationRow, ...]:
    return tuple(NegotiationRow(r["type"], r["status"], r["kind"]) for r in _rows("negotiation.tsv"))


def negotiation_kind(type_: str, status: str) -> str | None:
    """proposal, response, meeting or agreement, or None when the event is not part of a negotiation."""
    for row in negotiation_table():
        if row.type == type_ and row.status in ("*", status):
            return row.kind
    return None
