"""The actor tables: shipped data files and user dictionaries, read into typed rows.

Shipped tables live in ``peacewatch/data/actors/`` (``states.csv`` and ``entries.csv`` are written by
``scripts/build_actor_tables.py``; ``sectors.tsv``, ``seats.tsv``, ``pairs.tsv`` and the other TSV
tables are hand-written, and read by the shared loader ``peacewatch/tables.py`` against the columns
declared here). They are read once per process (``functools.lru_cache``). User dictionaries use the columns of
``entries.csv`` and are validated here: any bad line raises ``ConfigError`` E026 naming the line.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import ConfigError, InputError
from ...inputs import read_named_text
from ...tables import Column, Row, optional, read_table, read_text
from ...types import ENTITY_KINDS

ENTRY_COLUMNS = ("name", "aliases", "kind", "code", "sector", "role", "valid_from", "valid_to", "wikidata")
REQUIRED_COLUMNS = ("name", "kind")

# How a mention's ``why`` begins when it is a dateline ("MOSCOW (Sputnik) -"): the place a story was
# filed from, which the events component never takes for an actor or a recipient.
DATELINE = "dateline:"


@dataclass(frozen=True)
class StateRow:
    """One state: its code, the names it goes by, its demonyms and its capitals."""

    code: str
    name: str
    names: tuple[str, ...]
    iso_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    ambiguous: frozenset[str]


@dataclass(frozen=True)
class ActorEntry:
    """A named actor of a dictionary (shipped or the user's), valid between two dates if given."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    code: str | None
    sector: str | None
    role: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    wikidata: str | None
    source: str

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry holds on ``day`` (always, when either side is unknown)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


@dataclass(frozen=True)
class SectorTerm:
    """An office, institution or group noun and the PLOVER sector it stands for."""

    term: str
    sector: str
    kind: str
    role: str | None


@dataclass(frozen=True)
class Seat:
    """A building or place that stands for a government or institution ("the Kremlin")."""

    name: str
    stands_for: str
    sector: str
    country: str | None  # where it stands, when that is not what it stands for (Brussels: BEL)


# The columns of the hand-written TSV tables (none has a header line; a comment names the columns).
COLUMNS: dict[str, tuple[Column, ...]] = {
    "sectors.tsv": (Column("term"), Column("sector"), Column("kind"), optional("role")),
    "seats.tsv": (Column("name"), Column("stands_for"), Column("sector"), optional("country")),
    "regions.tsv": (Column("name"), optional("code")),
    "pairs.tsv": (Column("head"), Column("determiners")),
    "dyads.tsv": (Column("kind"), Column("word"), optional("meaning")),
    "institution_words.tsv": (Column("word"),),
    "nationals.tsv": (Column("word"),),
    "team_sports.tsv": (Column("slug"),),
}


def _data_text(name: str) -> str:
    return read_text("actors", name)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _tsv_rows(name: str) -> tuple[Row, ...]:
    return read_table("actors", name, COLUMNS[name], header=False)


@lru_cache(maxsize=1)
def states() -> tuple[StateRow, ...]:
    """Every ISO 3166-1 state with its names, demonyms and capitals."""
    rows = csv.DictReader(_data_text("states.csv").splitlines())
    out = []
    for r in rows:
        iso = tuple(n for n in (r["name"], r["official_name"]) if n and ", " not in n)
        out.append(StateRow(
            code=r["code"], name=_split(r["names"])[0] if r["names"] else r["name"],
            names=_split(r["names"]), iso_names=iso, demonyms=_split(r["demonyms"]),
            capitals=_split(r["capitals"]), ambiguous=frozenset(_split(r["ambiguous"])),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[ActorEntry, ...]:
    """The named actors shipped with peacewatch (IGOs, armed groups, parties)."""
    return tuple(_parse_entries(_data_text("entries.csv").splitlines(), "entries.csv"))


@lru_cache(maxsize=1)
def sector_terms() -> tuple[SectorTerm, ...]:
    """Offices, institutions and group nouns with their sectors."""
    return tuple(
        SectorTerm(r["term"], r["sector"], r["kind"], r["role"] or None) for r in _tsv_rows("sectors.tsv")
    )


@lru_cache(maxsize=1)
def seats() -> tuple[Seat, ...]:
    """Seats of government that stand for it."""
    return tuple(Seat(r["name"], r["stands_for"], r["sector"], r["country"] or r["stands_for"])
                 for r in _tsv_rows("seats.tsv"))


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str], ...]:
    """Regions and territories with the code of the state they belong to ("" for none)."""
    return tuple((r["name"], r["code"]) for r in _tsv_rows("regions.tsv"))


@lru_cache(maxsize=1)
def pair_heads() -> dict[str, frozenset[str]]:
    """Collective nouns for "the two states", with the determiners each needs."""
    return {r["head"]: frozenset(r["determiners"].split("|")) for r in _tsv_rows("pairs.tsv")}


@lru_cache(maxsize=1)
def dyad_cues() -> dict[str, frozenset[str]]:
    """Lemmas by cue kind: "between", party "verb"s, and "third"-party words (mediate, host, broker)."""
    out: dict[str, set[str]] = {}
    for r in _tsv_rows("dyads.tsv"):
        out.setdefault(r["kind"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    """Lower-case words that mark a capitalized run as an institution's name, not a person's."""
    return frozenset(r["word"] for r in _tsv_rows("institution_words.tsv"))


@lru_cache(maxsize=1)
def nationals() -> frozenset[str]:
    """Names of peoples and faiths and nationality nouns beyond the states' demonyms ("Kurdish", "Dutchman")."""
    return frozenset(r["word"] for r in _tsv_rows("nationals.tsv"))


@lru_cache(maxsize=1)
def team_sports() -> frozenset[str]:
    """Slugs of team-sports stories, lower case ("soccer", "ice hockey")."""
    return frozenset(r["slug"] for r in _tsv_rows("team_sports.tsv"))


def read_user_entries(paths: tuple[str, ...]) -> tuple[ActorEntry, ...]:
    """The entries of the user's dictionaries, in order (later files override earlier ones)."""
    out: list[ActorEntry] = []
    for path in paths:
        try:
            text = read_named_text(path)
        except (OSError, UnicodeDecodeError, InputError) as e:
            raise ConfigError(f"actor dictionary {path} cannot be read: {e}", "E026") from e
        out.extend(_parse_entries(text.splitlines(), path))
    return tuple(out)


def _parse_entries(lines: list[str], where: str) -> list[ActorEntry]:
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in ENTRY_COLUMNS]
    if missing or unknown:
        raise ConfigError(
            f"actor dictionary {where} line 1: header must name columns from {', '.join(ENTRY_COLUMNS)} "
            f"(missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'})",
            "E026",
        )
    return [_entry(row, where, reader.line_num) for row in reader]


def _entry(row: dict[str, str | None], where: str, line: int) -> ActorEntry:
    def bad(what: str) -> ConfigError:
        return ConfigError(f"actor dictionary {where} line {line}: {what}", "E026")

    if None in row:
        raise bad("more fields than the header has columns")
    name = (row.get("name") or "").strip()
    kind = (row.get("kind") or "").strip()
    if not name:
        raise bad("'name' is empty")
    if kind not in ENTITY_KINDS:
        raise bad(f"'kind' is {kind!r}; use one of {', '.join(ENTITY_KINDS)}")
    code = (row.get("code") or "").strip().upper() or None
    if code is not None and not (len(code) == 3 and code.isalpha()):
        raise bad(f"'code' is {code!r}; use an ISO 3166-1 alpha-3 code or IGO")
    start, end = _date(row.get("valid_from"), bad), _date(row.get("valid_to"), bad)
    if start and end and end < start:
        raise bad("'valid_to' is before 'valid_from'")
    return ActorEntry(
        name=name, aliases=_split(row.get("aliases")), kind=kind, code=code,
        sector=(row.get("sector") or "").strip().upper() or None,
        role=(row.get("role") or "").strip() or None,
        valid_from=start, valid_to=end, wikidata=(row.get("wikidata") or "").strip() or None,
        source=f"{Path(where).name}:{line}",
    )


def _date(value: str | None, bad: Callable[[str], ConfigError]) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise bad(f"date {value!r} is not YYYY-MM-DD") from e
