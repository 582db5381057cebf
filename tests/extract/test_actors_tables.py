"""The shipped actor tables: in step with their build script, and consistent with each other."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from peacewatch.extract.actors import tables
from peacewatch.types import ENTITY_KINDS

from ..scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "peacewatch" / "data" / "actors"
PLOVER_SECTORS = set("GOV MIL COP JUD LEG PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
                     "OPP PRE REL SOC IGO".split())


def build_module():  # type: ignore[no-untyped-def]
    return load_script("scripts/build_actor_tables.py", "build_actor_tables")


def shipped(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_shipped_tables_are_what_the_script_builds() -> None:
    build = build_module()
    assert shipped("states.csv") == build.state_rows()
    assert shipped("entries.csv") == build.entry_rows()


def test_every_iso_state_is_there_with_a_code() -> None:
    rows = tables.states()
    assert len(rows) >= 249
    assert all(len(r.code) == 3 and r.code.isupper() for r in rows)
    by_code = {r.code: r for r in rows}
    assert "Azerbaijani" in by_code["AZE"].demonyms and "Baku" in by_code["AZE"].capitals
    assert {"Turkey", "Türkiye"} <= set(by_code["TUR"].names)


def test_no_hand_written_form_names_two_states() -> None:
    forms: dict[str, set[str]] = defaultdict(set)
    for s in tables.states():
        for form in (*s.names, *s.demonyms, *s.capitals):
            forms[form].add(s.code)
    assert {f: c for f, c in forms.items() if len(c) > 1} == {}


def test_entries_and_terms_use_known_kinds_and_sectors() -> None:
    for e in tables.shipped_entries():
        assert e.kind in ENTITY_KINDS and (e.sector is None or e.sector in PLOVER_SECTORS), e
    for t in tables.sector_terms():
        assert t.sector in PLOVER_SECTORS and t.kind in ("person", "organization", "group"), t
    for seat in tables.seats():
        assert seat.sector in PLOVER_SECTORS


def test_igos_of_the_issue_are_shipped() -> None:
    names = {form for e in tables.shipped_entries() for form in (e.name, *e.aliases)}
    for igo in ("UN", "EU", "OSCE", "NATO", "CSTO", "CIS", "AU", "ASEAN", "Council of Europe", "ICRC"):
        assert igo in names
    for group in ("Hamas", "M23", "TPLF", "ELN", "RSF", "SAF"):
        assert group in names
