"""The shipped gazetteer and the choice of an entry for a name (``extract/places``: gazetteer, resolve)."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.errors import ConfigError
from peacewatch.extract.places import gazetteer
from peacewatch.extract.places.gazetteer import FEATURES, Gazetteer, fold
from peacewatch.extract.places.pick import clean, pick
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def test_the_gazetteer_is_read_on_first_use_not_when_built() -> None:
    fresh = Gazetteer()
    assert not fresh._loaded  # noqa: SLF001 - the laziness is the behaviour under test
    assert fresh.lookup("Kyiv")
    assert fresh._loaded  # noqa: SLF001


def test_every_country_is_there_with_a_point(gaz: Gazetteer) -> None:
    for code in ("UKR", "RUS", "SDN", "SSD", "PSE", "ISR", "COD", "RWA", "ETH", "COL", "XKX", "AZE", "ARM"):
        entry = gaz.country(code)
        assert entry is not None and entry.feature == "PCLI", code
        assert entry.lat is not None and entry.lon is not None, code


def test_border_villages_of_conflict_countries_are_kept_small_towns_elsewhere_are_not(gaz: Gazetteer) -> None:
    village = [e for e in gaz.lookup("Kozacha Lopan") if e.code == "UKR"]
    assert village and village[0].population < 5000
    assert all(e.population >= 15000 or e.feature not in ("PPL", "PPLC") for e in gaz.lookup("Kozacha Lopan")
               if e.code not in ("UKR",))


def test_names_are_compared_folded(gaz: Gazetteer) -> None:
    assert fold("Zaporizhzhia") == fold("zaporizhzhia")
    assert fold("Bogotá") == "bogota" and fold("Be’eri") == "beeri"
    assert {e.ref for e in gaz.lookup("Bogota")} == {e.ref for e in gaz.lookup("Bogotá")}


@given(st.text(max_size=30))
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_an_entry_is_found_by_its_key_and_carries_its_geonames_id(gaz: Gazetteer) -> None:
    kyiv = gaz.entry("geonames:703448")
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.geonameid == 703448 and kyiv.code == "UKR"
    tigray = gaz.entry("geonames-admin1:ET.53")
    assert tigray is not None and tigray.feature == "ADM1" and tigray.geonameid is None
    assert gaz.entry("geonames:0") is None


def test_the_rows_are_well_formed(gaz: Gazetteer) -> None:
    assert len(gaz) > 50000
    assert {gaz._entry(n).feature for n in range(0, len(gaz), 997)} <= set(FEATURES)  # noqa: SLF001


def test_every_hand_written_region_name_reaches_a_region(gaz: Gazetteer) -> None:
    text = resources.files("peacewatch").joinpath("data", "places", "src", "regions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for name, *_ in rows:
        assert any(e.feature in ("ADM1", "RGN") for e in gaz.lookup(name)), name


def test_the_shipped_extract_stays_small() -> None:
    folder = resources.files("peacewatch").joinpath("data", "places")
    size = sum(folder.joinpath(n).read_bytes().__len__() for n in ("gazetteer.tsv.gz", "names.tsv.gz"))
    assert size < 4_000_000


def test_a_region_word_is_stripped_and_noted() -> None:
    assert clean("the Kherson region") == ("Kherson", True)
    assert clean("Idlib province") == ("Idlib", True)
    assert clean("Mariupol") == ("Mariupol", False)


@pytest.mark.parametrize(("name", "focus", "ref"), [
    ("Georgia", ("RUS",), "geonames:614540"),            # the country, not the US state
    ("Lebanon", (), "geonames:272103"),                   # the country, not a US town
    ("Kherson", ("UKR",), "geonames:706448"),             # the city that gives the oblast its name
    ("Kherson region", ("UKR",), "geonames-admin1:UA.08"),
    ("Tavush", ("ARM",), "geonames-admin1:AM.09"),        # the province, not the village of that name
    ("Tigray", ("ETH",), "geonames-admin1:ET.53"),
    ("Darfur", ("SDN",), "peacewatch:sdn-darfur"),        # a region of several states
    ("Gaza", ("ISR", "PSE"), "geonames-admin1:PS.GZ"),    # the Strip; "Gaza City" is the town
    ("Gaza City", ("PSE",), "geonames:281133"),
    ("Tripoli", ("LBN",), "geonames:266826"),             # the document is about Lebanon
    ("Tripoli", ("LBY",), "geonames:2210247"),
    ("Kyiv", (), "geonames:703448"),                      # a capital keeps its name against its oblast
    ("Washington, DC", ("USA",), "geonames:4140963"),
])
def test_a_name_resolves_to_the_place_the_document_means(gaz: Gazetteer, name: str, focus: tuple[str, ...],
                                                          ref: str) -> None:
    choice = pick(gaz, name, None, focus)
    assert choice is not None and choice.entry.ref == ref, (name, choice)
    assert choice.why


def test_the_actor_layer_country_yields_to_the_document_it_is_in(gaz: Gazetteer) -> None:
    choice = pick(gaz, "Tripoli", "LBY", ("LBN",))
    assert choice is not None and choice.entry.code == "LBN"
    kept = pick(gaz, "Kharkiv", "UKR", ("RUS", "UKR"))
    assert kept is not None and kept.entry.code == "UKR" and "as the actors found" in kept.why


@pytest.mark.parametrize("name", ["Black Sea", "Western", "Africa", "Middle East", "Narnia"])
def test_what_is_no_known_place_stays_unresolved(gaz: Gazetteer, name: str) -> None:
    assert pick(gaz, name, None, ("UKR", "RUS")) is None


def test_the_build_folds_names_as_the_lookup_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts" / "build_places.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_places", build)  # its dataclasses look themselves up there
    spec.loader.exec_module(build)
    for name in ("Zaporizhzhia", "Be’eri", "Khān Yūnis", "Deir ez-Zor", "T'bilisi", "  Addis   Ababa "):
        assert build.fold(name) == fold(name), name


def test_a_damaged_gazetteer_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "read_bytes", lambda folder, name: b"not gzip at all")
    with pytest.raises(ConfigError) as e:
        Gazetteer().lookup("Kyiv")
    assert e.value.code == "E027" and "make places" in e.value.message


def test_the_country_outlines_are_geojson_with_iso_codes() -> None:
    import gzip
    import json

    raw = resources.files("peacewatch").joinpath("data", "places", "countries.geojson.gz").read_bytes()
    assert len(raw) < 1_000_000
    outlines = json.loads(gzip.decompress(raw))
    assert outlines["type"] == "FeatureCollection"
    codes = {f["properties"]["code"] for f in outlines["features"]}
    assert {"UKR", "RUS", "PSE", "ISR", "SDN", "SSD", "XKX", "COD", "RWA", "ARM", "AZE"} <= codes
    for feature in outlines["features"]:
        polygons = feature["geometry"]["coordinates"]
        if feature["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        for ring in (r for poly in polygons for r in poly):
            assert len(ring) >= 3
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
