"""A map of located events as inline SVG, drawn on the server from the shipped country outlines
(``data/places/countries.geojson.gz``, Natural Earth 1:50m): no tiles, no script, nothing fetched.

The view is the events' bounding box with a margin, in an equirectangular projection whose x is
shrunk by the cosine of the middle latitude (so a country keeps its shape away from the equator).
Outlines are clipped to the view and thinned to points at least ``THIN`` pixels apart; the parsed
outlines are read once per process. Each located event is one dot whose title names its place and
the event, and which links to the event's page.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources

from ..resolve.events import timeline_day
from ..resolve.records import MergedEvent

WIDTH = 640
MAX_HEIGHT = 420
MARGIN = 0.15  # of the box's span, on every side
MIN_SPAN = 2.0  # degrees: a box around one town still shows its surroundings
THIN = 1.5  # pixels: points of an outline closer than this to the last one kept are left out

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Outline:
    """A country's rings (lon, lat) and their bounding box (west, south, east, north)."""

    code: str | None
    name: str
    rings: tuple[Ring, ...]
    box: tuple[float, float, float, float]
    ring_boxes: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True)
class Dot:
    lon: float
    lat: float
    title: str
    link: str


@functools.lru_cache(maxsize=1)
def outlines() -> tuple[Outline, ...]:
    """The shipped country outlines, parsed once per process."""
    raw = resources.files("peacewatch").joinpath("data", "places", "countries.geojson.gz").read_bytes()
    return tuple(_outline(f) for f in json.loads(gzip.decompress(raw))["features"])


def _outline(feature: dict) -> Outline:
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = tuple(tuple((float(x), float(y)) for x, y in ring) for polygon in polygons for ring in polygon)
    boxes = tuple(_box(ring) for ring in rings)
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    props = feature.get("properties") or {}
    return Outline(props.get("code"), str(props.get("name") or ""), rings, box, boxes)


def _box(ring: Ring) -> tuple[float, float, float, float]:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def dots_of(events: Sequence[MergedEvent], link: Callable[[str], str]) -> list[Dot]:
    """One dot per event whose place has coordinates; its title is the place and the event."""
    out = []
    for e in events:
        loc = e.location or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            day = timeline_day(e)
            place = ", ".join(str(p) for p in (loc.get("name"), loc.get("code")) if p)
            title = f"{place}: {e.type}{'/' + e.mode if e.mode else ''} {day.isoformat() if day else ''}".strip()
            out.append(Dot(float(lon), float(lat), title, link(e.id)))
    return out


def view_box(dots: Sequence[Dot]) -> tuple[float, float, float, float]:
    """The box shown: the dots' bounding box with a margin, at least ``MIN_SPAN`` degrees each way."""
    west, east = min(d.lon for d in dots), max(d.lon for d in dots)
    south, north = min(d.lat for d in dots), max(d.lat for d in dots)
    dx = max(east - west, MIN_SPAN) * (0.5 + MARGIN)
    dy = max(north - south, MIN_SPAN) * (0.5 + MARGIN)
    cx, cy = (west + east) / 2, (south + north) / 2
    return max(cx - dx, -180.0), max(cy - dy, -90.0), min(cx + dx, 180.0), min(cy + dy, 90.0)


class Projection:
    """Equirectangular, fitted to a box and a width (the height follows, capped at ``MAX_HEIGHT``)."""

    def __init__(self, box: tuple[float, float, float, float], width: int = WIDTH) -> None:
        self.west, self.south, self.east, self.north = box
        self.shrink = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.shrink)
        height = (self.north - self.south) * self.scale
        if height > MAX_HEIGHT:
            self.scale *= MAX_HEIGHT / height
        self.width = (self.east - self.west) * self.shrink * self.scale
        self.height = (self.north - self.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale


def clip(ring: Ring, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """A ring clipped to a box (Sutherland–Hodgman, one edge of the box at a time)."""
    west, south, east, north = box
    points = list(ring)
    for inside, cross in ((lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
                          (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
                          (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
                          (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north))):
        if not points:
            return []
        out = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        points = out
    return points


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _path(ring: list[tuple[float, float]], project: Projection) -> str:
    """An SVG path of a clipped ring, leaving out points closer than ``THIN`` pixels to the last kept
    (a ring that shrinks to fewer than three points, an islet at this scale, is left out)."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = project(lon, lat)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= THIN:
            kept.append((x, y))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z"


def _thin(ring: Ring, tolerance: float) -> Ring:
    """A ring without the points closer than ``tolerance`` degrees (either way) to the last one kept:
    thinned before it is clipped and projected, which is where the time goes on a wide view."""
    kept = [ring[0]]
    lx, ly = ring[0]
    for x, y in ring[1:]:
        if abs(x - lx) >= tolerance or abs(y - ly) >= tolerance:
            kept.append((x, y))
            lx, ly = x, y
    if kept[-1] != ring[-1]:
        kept.append(ring[-1])
    return tuple(kept)


def _visible(ring_box: tuple[float, float, float, float], project: Projection) -> bool:
    """Whether a ring spans at least two pixels either way at this scale."""
    return max((ring_box[2] - ring_box[0]) * project.shrink, ring_box[3] - ring_box[1]) * project.scale >= 2


def event_map(events: Sequence[MergedEvent], link: Callable[[str], str], label: str = "Map of the events") -> str:
    """The map of the events that have coordinates, as an ``<svg>`` element; "" when none has."""
    dots = dots_of(events, link)
    if not dots:
        return ""
    box = view_box(dots)
    project = Projection(box)
    tolerance = THIN / project.scale  # degrees of latitude in THIN pixels
    shapes = []
    for outline in outlines():
        if not _overlaps(outline.box, box):
            continue
        d = "".join(_path(clip(_thin(ring, tolerance), box), project)
                    for ring, ring_box in zip(outline.rings, outline.ring_boxes, strict=True)
                    if _overlaps(ring_box, box) and _visible(ring_box, project))
        if d:
            shapes.append(f'<path class="land" d="{d}"><title>{escape(outline.name)}</title></path>')
    marks = []
    for dot in dots:
        x, y = project(dot.lon, dot.lat)
        marks.append(f'<a href="{escape(dot.link)}"><circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="5">'
                     f"<title>{escape(dot.title)}</title></circle></a>")
    w, h = project.width, project.height
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0f} {h:.0f}" '
            f'width="{w:.0f}" height="{h:.0f}" role="img" aria-label="{escape(label)}">'
            f'<rect class="sea" width="{w:.0f}" height="{h:.0f}"/>{"".join(shapes)}{"".join(marks)}</svg>')
