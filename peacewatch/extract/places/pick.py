"""Which gazetteer entry a place name stands for, and why.

The order of the rules (docs/places.md):

1. a country name is the country ("Georgia", "Lebanon": never a town that shares the name);
2. with a region word after it ("Kherson region", "Idlib province") a first-level division or a
   region of several is wanted; without one, a town is preferred over a division of the same name
   ("Kherson" is the city, "Tigray" has no town and is the region);
3. among the rest, an entry in the country the actor layer gave the mention, else in a country of
   the document's focus (the states its actors belong to), else anywhere;
4. the most populous.

A name with no entry stays unresolved (``None``): the caller keeps the text without coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import REGIONS, TOWNS, Entry, Gazetteer, fold

REGION_WORDS = ("region", "regions", "province", "provinces", "oblast", "governorate", "state", "district",
                "county", "department", "territory", "prefecture")
# Words that are names of no one place, whatever alternate names some village carries.
STOP = frozenset("""north south east west northern southern eastern western central northeast northwest southeast
southwest upper lower new old great greater capital city state republic province region africa europe asia
america americas middle bank strip border frontline front mission union liberty independence
victory peace""".split())
BIG_TOWN = 50000  # a town this large keeps its name against a division of the same name
BIG_ALIAS = 100000  # a town this large is found by any of its alternate names
_LEADING = re.compile(r"^(the|a)\s+", re.I)
_REGION_TAIL = re.compile(rf"\s+({'|'.join(REGION_WORDS)})$", re.I)


@dataclass(frozen=True)
class Choice:
    entry: Entry
    why: str


def clean(name: str) -> tuple[str, bool]:
    """The name without a leading article or trailing region word, and whether it had the word."""
    bare = _LEADING.sub("", name.strip()).strip(" .,;:")
    bare = re.sub(r"['’]s$", "", bare)
    stripped = _REGION_TAIL.sub("", bare)
    return stripped, stripped != bare


def pick(gaz: Gazetteer, name: str, code: str | None, focus: tuple[str, ...],
            region: bool = False) -> Choice | None:
    """The entry ``name`` stands for. ``code`` is the country the actor layer gave the mention, ``focus``
    the document's countries in order of mentions; ``region`` that a region word follows the name."""
    bare, had_word = clean(name)
    if fold(bare) in STOP:
        return None
    region = region or had_word
    candidates = gaz.lookup(name) if not had_word else []
    if had_word or not candidates:
        candidates = gaz.lookup(bare)
    candidates = [e for e in candidates if _credible(e, bare, code, focus)]
    if not candidates:
        head = bare.split(",")[0]  # "Washington, DC", "Ohrid, North Macedonia"
        return pick(gaz, head, code, focus, region) if head != bare else None
    return _choose(candidates, code, focus, region, bare)


def state(gaz: Gazetteer, code: str) -> Choice | None:
    """The country the actor layer resolved a state's name to ("the U.S.", "DRC", "Saudi")."""
    entry = gaz.country(code)
    return None if entry is None else Choice(entry, f"country {code} as the actor layer resolved it")


def _credible(entry: Entry, name: str, code: str | None, focus: tuple[str, ...]) -> bool:
    """An entry found by one of its alternate names only, a small town outside the document's countries,
    is a coincidence of transliteration ("Africa" for a Tunisian town), not the place meant."""
    if fold(entry.name) == fold(name) or entry.feature not in TOWNS or entry.population >= BIG_ALIAS:
        return True
    return entry.code == code or entry.code in focus


def _choose(candidates: list[Entry], code: str | None, focus: tuple[str, ...], region: bool,
            name: str) -> Choice:
    notes: list[str] = []
    countries = [e for e in candidates if e.feature == "PCLI"]
    if countries and not region:
        return Choice(countries[0], f"country name '{name}'")
    pool = candidates
    if region and (regions := [e for e in pool if e.feature in REGIONS]):
        pool, notes = regions, ["region word"]
    elif not region:
        pool = _town_or_region(pool)
    for country, note in _preference(code, focus):
        if same := [e for e in pool if e.code == country]:
            pool, notes = same, [*notes, note]
            break
    best = max(pool, key=lambda e: (e.feature in TOWNS, e.population, e.ref))
    if len(pool) > 1:
        notes.append(f"most populous of {len(pool)}, towns first")
    kind = {"ADM1": "first-level division", "RGN": "region", "PPLC": "capital"}.get(best.feature, "town")
    return Choice(best, f"{kind} '{name}'" + (f" ({'; '.join(notes)})" if notes else ""))


def _preference(code: str | None, focus: tuple[str, ...]) -> list[tuple[str, str]]:
    """Countries to look in, in order: the actor layer's country when the document is about it, the
    document's countries, then the actor layer's country anyway ("Tripoli" in a story about Lebanon
    is in Lebanon, whatever capital the name first brings to mind)."""
    out = [(code, f"in {code} as the actors found")] if code and code in focus else []
    out += [(c, f"in {c}, a country of the document") for c in focus if c != code]
    if code and code not in focus:
        out.append((code, f"in {code} as the actors found"))
    return out


def _town_or_region(pool: list[Entry]) -> list[Entry]:
    """Without a region word: a division named after its main town is the town ("Kherson"), a large
    town keeps its name ("Kyiv"), but a village that shares a division's name yields ("Tavush")."""
    towns = [e for e in pool if e.feature in TOWNS]
    regions = [e for e in pool if e.feature in REGIONS]
    seats = {(e.code, e.lat, e.lon) for e in towns}
    kept_regions = [r for r in regions if (r.code, r.lat, r.lon) not in seats]
    shadowed = {r.code for r in kept_regions}
    kept_towns = [t for t in towns if t.code not in shadowed or t.feature == "PPLC" or t.population >= BIG_TOWN]
    return [*kept_towns, *kept_regions] or pool
