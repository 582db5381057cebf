"""Places and agreements through the API: the country and box filters, GeoJSON of the events, the
place columns of the CSV, and the agreement records with their provisions."""

from __future__ import annotations

import json

import pytest

from peacewatch.store.export import GEO_COLUMNS
from tests.serve.test_api import csv_rows, every


def ids(client, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e["id"] for e in every(client, url)]


def test_country_selects_the_events_placed_in_it(client) -> None:  # type: ignore[no-untyped-def]
    [baku] = every(client, "/api/events?country=aze")
    assert baku["location"]["name"] == "Baku"
    assert [e["location"]["name"] for e in every(client, "/api/events?country=ARM")] == ["Sotk"]
    assert every(client, "/api/events?country=UKR") == []


def test_bbox_selects_the_events_placed_inside_it(client) -> None:  # type: ignore[no-untyped-def]
    both = every(client, "/api/events?bbox=44,39,51,42")
    assert sorted(e["location"]["name"] for e in both) == ["Baku", "Sotk"]
    assert [e["location"]["name"] for e in every(client, "/api/events?bbox=48,39,51,42")] == ["Baku"]
    assert every(client, "/api/events?bbox=-10,35,5,45") == []
    # a box across the 180th meridian, from 170°E to 46.5°E, takes in Sotk (45.9°E) but not Baku (49.9°E)
    assert [e["location"]["name"] for e in every(client, "/api/events?bbox=170,39,46.5,42")] == ["Sotk"]
    assert ids(client, "/api/events?bbox=44,39,51,42&country=AZE") == ids(client, "/api/events?country=AZE")


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10", "0,-95,10,10", "nan,0,1,1"])
def test_a_bad_box_is_a_coded_error(client, bbox: str) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/events", params={"bbox": bbox})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "E061" and "bbox" in answer.json()["error"]["message"]


def test_a_country_must_be_three_letters(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/events?country=Azerbaijan")
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "E061"


def test_geojson_has_a_point_for_each_located_event_with_its_row(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/events?format=geojson")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/geo+json")
    data = json.loads(answer.text)
    assert data["type"] == "FeatureCollection"
    points = {f["properties"]["place"]: f for f in data["features"]}
    assert sorted(points) == ["Baku", "Sotk"]  # 'the border road' has no coordinates
    assert points["Baku"]["geometry"] == {"type": "Point", "coordinates": [49.89, 40.38]}
    props = points["Sotk"]["properties"]
    assert props["place_country"] == "ARM" and props["geo_precision"] == 1 and props["type"] == "ASSAULT"
    filtered = json.loads(client.get("/api/events?format=geojson&country=AZE").text)
    assert [f["properties"]["place"] for f in filtered["features"]] == ["Baku"]


def test_the_csv_has_the_place_columns(client) -> None:  # type: ignore[no-untyped-def]
    _, rows = csv_rows(client.get("/api/events?format=csv").text)
    assert set(GEO_COLUMNS) <= set(rows[0])
    baku = next(r for r in rows if r["place"] == "Baku")
    assert (baku["latitude"], baku["longitude"], baku["place_country"], baku["geo_precision"]) == (
        "40.38", "49.89", "AZE", "1")
    road = next(r for r in rows if r["place"] == "the border road")
    assert road["latitude"] == "" and road["location"] == "the border road"


def test_agreements_are_the_agreement_records_with_provisions(client) -> None:  # type: ignore[no-untyped-def]
    [agreement] = every(client, "/api/agreements")
    assert agreement["name"] and agreement["signatory_names"] != "–"
    assert agreement["signatories"] == ["state:ARM", "state:AZE"]
    provisions = agreement["provision_items"]
    assert len(provisions) == 3 and all(0 <= p["level"] <= 3 and p["status"] for p in provisions)
    assert {p["id"] for p in provisions} == set(agreement["provisions"])
    assert every(client, "/api/agreements?actor=AZE") == [agreement]
    assert every(client, "/api/agreements?actor=RUS") == []
    assert every(client, "/api/agreements?since=2024") == []
    _, rows = csv_rows(client.get("/api/agreements?format=csv").text)
    assert [r["id"] for r in rows] == [agreement["id"]] and rows[0]["provisions"] == "3"
