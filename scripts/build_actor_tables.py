"""Regenerate the shipped actor tables of peacewatch from public facts.

Inputs (hand-written, in ``peacewatch/data/actors/src/``):
  states.tsv     extra names, demonyms and capitals per ISO 3166-1 alpha-3 code
  ambiguous.tsv  place names that are also common given names, surnames or words
  igos.csv       intergovernmental organizations with aliases
  groups.csv     armed groups, parties and movements of current peace processes
  persons.csv    heads of state and government, leaders and UN secretaries-general, with the dates
                 they held the office

and ISO 3166-1 itself through ``pycountry``. Outputs (in ``peacewatch/data/actors/``):
  states.csv     one row per ISO 3166-1 country: code, ISO names, extra names, demonyms, capitals
  entries.csv    named actors (IGOs, then groups, then persons) in the user-dictionary format

Run from the repository root:  python scripts/build_actor_tables.py
The output is deterministic (sorted by code), so a diff shows exactly what changed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "peacewatch" / "data" / "actors"
SRC = DATA / "src"
STATE_COLUMNS = ("code", "alpha2", "name", "official_name", "names", "demonyms", "capitals", "ambiguous")
ENTRY_COLUMNS = ("name", "aliases", "kind", "code", "sector", "role", "valid_from", "valid_to", "wikidata")
# Codes in use for states that ISO 3166-1 does not (yet) list.
EXTRA_CODES = {"XKX": ("XK", "Kosovo", "Republic of Kosovo")}


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file, skipping blank lines and ``#`` comments."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def iso_states() -> dict[str, tuple[str, str, str]]:
    """ISO 3166-1: alpha-3 → (alpha-2, short name, official name)."""
    out = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        out[c.alpha_3] = (c.alpha_2, name, getattr(c, "official_name", "") or "")
    out.update(EXTRA_CODES)
    return out


def state_rows() -> list[dict[str, str]]:
    iso = iso_states()
    extras = {row[0]: row[1:] for row in read_tsv(SRC / "states.tsv")}
    ambiguous = {row[0] for row in read_tsv(SRC / "ambiguous.tsv")}
    unknown = sorted(set(extras) - set(iso))
    if unknown:
        raise SystemExit(f"states.tsv has codes ISO 3166-1 does not know: {', '.join(unknown)}")
    rows = []
    for code in sorted(iso):
        alpha2, name, official = iso[code]
        names, demonyms, capitals = (extras.get(code, []) + ["", "", ""])[:3]
        forms = {name, *names.split("|"), *capitals.split("|"), *demonyms.split("|")}
        rows.append({
            "code": code, "alpha2": alpha2, "name": name, "official_name": official,
            "names": names, "demonyms": demonyms, "capitals": capitals,
            "ambiguous": "|".join(sorted(forms & ambiguous)),
        })
    return rows


def entry_rows() -> list[dict[str, str]]:
    rows = []
    for source in ("igos.csv", "groups.csv", "persons.csv"):
        with (SRC / source).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows.append({k: row.get(k) or "" for k in ENTRY_COLUMNS})
    return rows


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    states = state_rows()
    entries = entry_rows()
    write_csv(DATA / "states.csv", STATE_COLUMNS, states)
    write_csv(DATA / "entries.csv", ENTRY_COLUMNS, entries)
    sys.stderr.write(f"wrote {len(states)} states and {len(entries)} named actors to {DATA}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
