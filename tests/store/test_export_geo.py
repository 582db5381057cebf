"""Events exported with their place: flat place columns in CSV and Parquet (the other columns as
before), and GeoJSON of the events that have coordinates, from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.errors import StoreError
from peacewatch.store.export import GEO_COLUMNS, write
from tests.serve.webdb import golden_database

PLACED = {"id": "ev-1", "type": "ASSAULT", "mentions": [{"doc": "a"}],
          "location": {"name": "Sotk", "code": "ARM", "lat": 40.21, "lon": 45.92, "precision": 1}}
UNPLACED = {"id": "ev-2", "type": "AGREE", "mentions": [], "location": None}


def test_csv_keeps_its_columns_and_adds_the_place() -> None:
    out = io.StringIO()
    assert write(iter([PLACED, UNPLACED]), "csv", out, "events") == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["id", "type", "mentions", "location", *GEO_COLUMNS]
    assert json.loads(rows[0]["location"])["name"] == "Sotk"  # the nested record stays as it was
    assert [rows[0][c] for c in GEO_COLUMNS] == ["40.21", "45.92", "Sotk", "ARM", "1"]
    assert [rows[1][c] for c in GEO_COLUMNS] == ["", "", "", "", ""]


def test_other_tables_get_no_place_columns() -> None:
    out = io.StringIO()
    write(iter([{"id": "q1", "location": None}]), "csv", out, "quotes")
    assert out.getvalue().splitlines()[0] == "id,location"


def test_parquet_has_the_place_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    write(iter([PLACED, UNPLACED]), "parquet", str(path), "events")
    table = pq.read_table(path).to_pylist()
    assert (table[0]["latitude"], table[0]["longitude"], table[0]["place_country"]) == (40.21, 45.92, "ARM")
    assert table[1]["latitude"] is None and table[1]["geo_precision"] is None


def test_geojson_is_a_collection_of_the_located_events() -> None:
    out = io.StringIO()
    assert write(iter([PLACED, UNPLACED]), "geojson", out, "events") == 1
    data = json.loads(out.getvalue())
    [feature] = data["features"]
    assert data["type"] == "FeatureCollection" and feature["id"] == "ev-1"
    assert feature["geometry"] == {"type": "Point", "coordinates": [45.92, 40.21]}
    assert feature["properties"]["place"] == "Sotk" and feature["properties"]["type"] == "ASSAULT"
    assert json.loads(feature["properties"]["mentions"]) == [{"doc": "a"}]  # the flat row, as in CSV


def test_geojson_of_another_table_is_a_coded_error() -> None:
    with pytest.raises(StoreError) as caught:
        write(iter([]), "geojson", io.StringIO(), "quotes")
    assert caught.value.code == "E042"


def test_export_events_as_geojson_from_the_command_line(tmp_path: Path) -> None:
    db = golden_database(tmp_path / "g.db")
    target = tmp_path / "events.geojson"
    result = CliRunner().invoke(main, ["export", "events", "--format", "geojson", "--db", str(db), "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text("utf-8"))
    assert sorted(f["properties"]["place"] for f in data["features"]) == ["Baku", "Sotk"]
    assert all(f["properties"]["id"].startswith("ev-") for f in data["features"])
    wrong = CliRunner().invoke(main, ["export", "quotes", "--format", "geojson", "--db", str(db)])
    assert wrong.exit_code != 0 and "E042" in wrong.output
