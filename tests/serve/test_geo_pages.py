"""The map of located events on the dyad and events pages, drawn on the server from the shipped
outlines, and the agreements with their provisions on the dyad page, the agreements page and the
commitments tracker."""

from __future__ import annotations

import re
from html import unescape

from peacewatch.resolve.records import MergedEvent
from peacewatch.serve.map import Projection, clip, dots_of, event_map, outlines, view_box


def svg_of(html: str) -> str:
    found = re.search(r'<svg class="map".*?</svg>', html, re.S)
    assert found, "no map on the page"
    return found.group(0)


def test_the_dyad_page_has_a_map_with_a_dot_per_located_event(client) -> None:  # type: ignore[no-untyped-def]
    svg = svg_of(client.get("/dyad?a=AZE&b=ARM").text)
    titles = [unescape(t) for t in re.findall(r"<circle[^>]*><title>([^<]*)</title>", svg)]
    assert sorted(titles) == ["Baku, AZE: RETREAT/release 2023-12-13", "Sotk, ARM: ASSAULT/firearms 2024-02-13"]
    assert re.search(r'<path class="land" d="M[^"]+"><title>Azerbaijan</title>', svg)
    assert re.search(r'<path class="land" d="M[^"]+"><title>Armenia</title>', svg)
    assert "<title>Brazil</title>" not in svg  # clipped to the box
    assert all(href.startswith("/events/ev-") for href in re.findall(r'<a href="([^"]+)"><circle', svg))


def test_the_events_page_maps_its_rows_and_has_no_map_without_places(client) -> None:  # type: ignore[no-untyped-def]
    svg = svg_of(client.get("/events?country=ARM").text)
    assert svg.count("<circle") == 1 and "Sotk" in svg
    assert '<svg class="map"' not in client.get("/events?type=CONSULT").text
    boxed = client.get("/events?country=arm&bbox=44,39,51,42").text
    assert 'name="country" value="ARM"' in boxed and 'name="bbox" value="44,39,51,42"' in boxed
    assert "country=ARM" in unescape(re.search(r'href="(/api/events[^"]*format=csv[^"]*)"', boxed).group(1))


def test_the_dyad_page_lists_the_agreements_with_their_provisions(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/dyad?a=AZE&b=ARM").text
    part = html[html.index("<h2>Agreements</h2>"):html.index("<h2>Commitments</h2>")]
    assert part.count('<div class="agreement"') == 1
    assert part.count("<tr><td><a href=\"/commitments#") == 3
    levels = re.findall(r'class="num level-(\d)"', part)
    assert len(levels) == 3 and all(0 <= int(v) <= 3 for v in levels)
    statuses = re.findall(r'badge status-(\w+)', part)
    assert len(statuses) == 3


def test_a_commitment_links_to_its_agreement(client) -> None:  # type: ignore[no-untyped-def]
    [agreement] = client.get("/api/agreements").json()["items"]
    html = client.get("/commitments").text
    assert html.count(f'href="/agreements#{agreement["id"]}"') == 3
    page = client.get("/agreements").text
    assert f'id="{agreement["id"]}"' in page and page.count('<div class="agreement"') == 1


def test_outlines_are_read_once_and_hold_the_countries() -> None:
    assert outlines() is outlines()
    codes = {o.code for o in outlines()}
    assert {"AZE", "ARM", "UKR", "SDN"} <= codes


def test_clipping_keeps_a_ring_inside_the_box() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))
    inside = clip(square, (2.0, 3.0, 5.0, 20.0))
    assert inside and all(2 <= x <= 5 and 3 <= y <= 20 for x, y in inside)
    assert {(2.0, 3.0), (5.0, 3.0), (5.0, 10.0), (2.0, 10.0)} <= set(inside)
    assert clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_the_projection_fits_the_box_north_up() -> None:
    project = Projection((40.0, 38.0, 50.0, 42.0))
    assert project(40.0, 42.0) == (0.0, 0.0)
    x, y = project(50.0, 38.0)
    assert abs(x - project.width) < 1e-6 and abs(y - project.height) < 1e-6
    assert project.width <= 640 and project.height <= 420


def test_one_event_gets_a_box_around_it_and_no_place_no_map() -> None:
    one = MergedEvent("ev-1", "ASSAULT", location={"name": "Sotk", "code": "ARM", "lat": 40.2, "lon": 45.9})
    west, south, east, north = view_box(dots_of([one], str))
    assert west < 45.9 < east and south < 40.2 < north and east - west >= 2
    assert event_map([MergedEvent("ev-2", "AGREE")], str) == ""
    assert "<circle" in event_map([one], str)
