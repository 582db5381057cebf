"""The data tables the ledger decides by, loaded lazily and cached (``peacewatch/data/resolve``).

Each table is a TSV with a header line; lines starting with ``#`` are comments. Rows are returned as
typed records so a decision can name the row that made it (``why``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..errors import ConfigError


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
            return type_ok and (not action_mode or not ev_mode or action_mode == ev_mode)
        return type_ok and _match(self.event_mode, ev_mode)


@dataclass(frozen=True)
class NegotiationRow:
    type: str
    status: str
    kind: str


def _match(pattern: str, value: str | None) -> bool:
    return pattern == "*" or pattern == (value or "")


def _rows(name: str) -> list[tuple[int, list[str]]]:
    path = resources.files("peacewatch").joinpath("data", "resolve", name)
    try:
        text = path.read_text("utf-8")
    except OSError as e:
        raise ConfigError(f"ledger table {name} cannot be read ({e}); reinstall peacewatch", "E027") from e
    out: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        out.append((number, line.split("\t")))
    return out


def _invalid(name: str, number: int, cells: list[str]) -> ConfigError:
    return ConfigError(f"ledger table {name} line {number} is invalid: {cells!r}; reinstall peacewatch", "E027")


@functools.lru_cache(maxsize=1)
def plover_table() -> dict[tuple[str, str | None], PloverRow]:
    """(type, mode or None) → quad class and score."""
    table: dict[tuple[str, str | None], PloverRow] = {}
    for number, cells in _rows("plover.tsv"):
        try:
            row = PloverRow(cells[0], cells[1] or None, cells[2], float(cells[3]))
        except (IndexError, ValueError) as e:
            raise _invalid("plover.tsv", number, cells) from e
        table[(row.type, row.mode)] = row
    return table


def plover_row(type_: str, mode: str | None) -> PloverRow | None:
    """The row for this type and mode, falling back to the type's base row."""
    table = plover_table()
    return table.get((type_, mode)) or table.get((type_, None))


def _action_rules(name: str) -> tuple[ActionRule, ...]:
    rules = []
    for n, c in _rows(name):
        if len(c) < 5:
            raise _invalid(name, n, c)
        rules.append(ActionRule(c[0], c[1] or "*", c[2], c[3] or "*", c[4] == "yes", c[5] if len(c) > 5 else "", n))
    return tuple(rules)


@functools.lru_cache(maxsize=1)
def fulfil_rules() -> tuple[ActionRule, ...]:
    return _action_rules("fulfils.tsv")


@functools.lru_cache(maxsize=1)
def contradict_rules() -> tuple[ActionRule, ...]:
    return _action_rules("contradicts.tsv")


@functools.lru_cache(maxsize=1)
def party_code_rules() -> tuple[dict[str, str], dict[str, str]]:
    """(sector → match, code → match) from ``party_codes.tsv``; match is state, own or none."""
    by_kind: dict[str, dict[str, str]] = {"sector": {}, "code": {}}
    for number, cells in _rows("party_codes.tsv"):
        if len(cells) < 3 or cells[0] not in by_kind or cells[2] not in ("state", "own", "none"):
            raise _invalid("party_codes.tsv", number, cells)
        by_kind[cells[0]][cells[1]] = cells[2]
    return by_kind["sector"], by_kind["code"]


def code_match(code: str, sector: str | None) -> str:
    """How an argument's code links it to others: state, own (with its sector) or none."""
    sectors, codes = party_code_rules()
    if code in codes:
        return codes[code]
    return sectors.get(sector, "own") if sector else "state"


@functools.lru_cache(maxsize=1)
def negotiation_table() -> tuple[NegotiationRow, ...]:
    rows = _rows("negotiation.tsv")
    bad = next(((n, c) for n, c in rows if len(c) < 3), None)
    if bad:
        raise _invalid("negotiation.tsv", *bad)
    return tuple(NegotiationRow(c[0], c[1], c[2]) for _, c in rows)


def negotiation_kind(type_: str, status: str) -> str | None:
    """proposal, response, meeting or agreement, or None when the event is not part of a negotiation."""
    for row in negotiation_table():
        if row.type == type_ and row.status in ("*", status):
            return row.kind
    return None
