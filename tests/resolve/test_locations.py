"""The place of a merged event: the most precise place the reports agree on, and the places that
disagree listed among its conflicts, whatever order the documents came in."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path
from typing import Any

from peacewatch.resolve import build_ledger
from peacewatch.resolve.events import places_agree
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Entity, Event, Result

from .helpers import golden_documents, golden_results

ENTS = [Entity("e1", "Russia", "state", "RUS", "MIL"), Entity("e2", "Ukraine", "state", "UKR", "GOV")]
RUS = Argument("e1", "RUS", "MIL", "Russia")
UKR = Argument("e2", "UKR", "GOV", "Ukraine")


def place(name: str, lat: float, lon: float, precision: int, feature: str = "PPL", geonameid: int | None = None,
          admin1: str | None = "Kharkiv", code: str = "UKR") -> dict[str, Any]:
    return {"name": name, "code": code, "lat": lat, "lon": lon, "geonameid": geonameid, "admin1": admin1,
            "feature": feature, "precision": precision, "why": "test", "span": [0, 4]}


KHARKIV = place("Kharkiv", 49.98, 36.25, 1, "PPLC", 706483)
NEAR_KHARKIV = place("Kharkiv", 49.98, 36.25, 2, "PPLC", 706483)
DERHACHI = place("Derhachi", 50.11, 36.12, 1, geonameid=709611)  # about 17 km from Kharkiv
REGION = place("Kharkiv Oblast", 49.5, 36.5, 3, "ADM1")
COUNTRY = place("Ukraine", 50.45, 30.52, 3, "PCLI", 690791, admin1=None)
ODESA = place("Odesa", 46.48, 30.73, 1, geonameid=698740, admin1="Odessa")


def report(doc: str, location: dict[str, Any] | None) -> Result:
    event = Event("x", "ASSAULT", actor=[RUS], recipient=[UKR], trigger_span=(0, 5), span=(0, 20),
                  date="2024-05-10", location=location)
    return Result(doc, "2024-05-11", entities=ENTS, events=[event])


def merged(results: list[Result]) -> Any:
    [event] = build_ledger(results).events
    return event


def test_agreeing_places_give_the_most_precise() -> None:
    event = merged([report("a", COUNTRY), report("b", REGION), report("c", NEAR_KHARKIV), report("d", KHARKIV)])
    assert event.location["name"] == "Kharkiv" and event.location["precision"] == 1
    assert not [c for c in event.conflicts if c.startswith("location")]


def test_a_place_far_from_the_others_is_a_conflict_not_hidden() -> None:
    event = merged([report("a", KHARKIV), report("b", DERHACHI), report("c", ODESA)])
    assert event.location["name"] in ("Kharkiv", "Derhachi")  # two documents agree, against one
    [conflict] = [c for c in event.conflicts if c.startswith("location")]
    assert "Odesa, UKR (c)" in conflict and "Kharkiv, UKR (a)" in conflict


def test_a_country_agreeing_with_two_far_towns_does_not_hide_their_disagreement() -> None:
    event = merged([report("a", COUNTRY), report("b", KHARKIV), report("c", ODESA)])
    assert event.location["name"] == "Kharkiv" and event.location["precision"] == 1
    assert [c for c in event.conflicts if c.startswith("location")] == [
        "location: Kharkiv, UKR (b); Odesa, UKR (c); Ukraine, UKR (a)"]


def test_ingest_order_does_not_change_the_place_or_its_conflicts() -> None:
    results = [report("a", REGION), report("b", DERHACHI), report("c", ODESA), report("d", None),
               report("e", KHARKIV)]
    seen = set()
    for order in permutations(results):
        event = merged(list(order))
        seen.add((event.location["name"], tuple(event.conflicts)))
    assert len(seen) == 1 and any(c.startswith("location") for c in next(iter(seen))[1])


def test_a_place_without_coordinates_is_kept_only_when_none_has_them() -> None:
    unknown = {"name": "Vovchansk district", "code": None, "lat": None, "lon": None, "precision": None}
    assert merged([report("a", unknown), report("b", REGION)]).location["name"] == "Kharkiv Oblast"
    alone = merged([report("a", unknown), report("b", None)])
    assert alone.location["name"] == "Vovchansk district" and alone.conflicts == []


def test_when_places_agree() -> None:
    assert places_agree(KHARKIV, DERHACHI)  # within 25 km
    assert places_agree(REGION, KHARKIV) and places_agree(KHARKIV, REGION)  # the division holds the town
    assert places_agree(COUNTRY, ODESA)  # the country holds the town
    assert not places_agree(KHARKIV, ODESA)
    assert not places_agree(REGION, ODESA)  # another division
    assert not places_agree(COUNTRY, place("Moscow", 55.75, 37.62, 1, code="RUS", admin1="Moscow"))


def test_between_two_places_of_equal_support_the_capital_wins() -> None:
    berlin = place("Berlin", 52.52, 13.41, 1, "PPLC", 2950159, admin1="Berlin", code="DEU")
    village = place("Berlin", 54.01, 61.19, 1, "PPL", 1510159, admin1="Chelyabinsk", code="RUS")
    for order in ([berlin, village], [village, berlin]):
        event = merged([report("a", order[0]), report("b", order[1])])
        assert event.location["code"] == "DEU"
        assert event.conflicts == ["location: Berlin, DEU (a); Berlin, RUS (b)"] or event.conflicts == [
            "location: Berlin, DEU (b); Berlin, RUS (a)"]


def test_the_stored_ledger_with_places_is_the_same_in_any_ingest_order(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    # two outlets place the prisoner release of 13 December apart; a third gives no coordinates
    places = {("daily-c", "ev1"): KHARKIV, ("weekly-d", "ev1"): ODESA, ("review-e", "ev1"): {"name": "the border"}}
    for result in results:
        for event in result.events:
            event.location = places.get((result.id, event.id), event.location)
    n = len(docs)
    ledgers = []
    for k, order in enumerate([list(range(n)), list(reversed(range(n))), [i for j in (1, 0) for i in range(j, n, 2)]]):
        with Store(tmp_path / f"o{k}.db") as store:
            for i in order:
                store.save(docs[i], results[i])
            rebuild_ledger(store.conn)
        with Reader(tmp_path / f"o{k}.db") as reader:
            ledgers.append(reader.load_ledger().to_dict())
    located = [e for e in ledgers[0]["events"] if e.get("location")]
    assert located and any(c.startswith("location:") for e in located for c in e["conflicts"])
    assert ledgers[1] == ledgers[0] and ledgers[2] == ledgers[0]
