"""The parameters of a request, read once and shared by the API and the pages: the event filters,
the page, and the output format. Their form is checked here (a bad one is E061, HTTP 422 or 400);
what they select is the read layer's business."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Annotated, Literal

from fastapi import Query

from ...errors import WebError
from ...store.event_query import EventQuery
from ...types import COMMITMENT_STATUSES, EVENT_STATUSES

DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# the read layer's event orders (store.event_query.SORTS; a test keeps the two the same)
Sort = Literal["day", "-day", "reports", "-reports", "score", "-score", "first_reported", "-first_reported", "id"]
EventStatus = Literal[EVENT_STATUSES]  # type: ignore[valid-type]
CommitmentStatus = Literal[COMMITMENT_STATUSES]  # type: ignore[valid-type]
Format = Literal["json", "csv"]
Word = Annotated[str | None, Query(max_length=200)]
PAGE_SIZE = 50


def first_day(day: str | None) -> str | None:
    """``2023`` → ``2023-01-01``, ``2023-12`` → ``2023-12-01`` (a day as the ledger writes it)."""
    if not day:
        return None
    return day + "-01-01"[len(day) - 4:] if len(day) < 10 else day


def last_day(day: str | None) -> str | None:
    """``2023`` → ``2023-12-31``, ``2023-12`` → ``2023-12-31``: an ``until`` takes in its whole period
    (days compare as text, so the 31st of any month is its last)."""
    if not day:
        return None
    return day + "-12-31"[len(day) - 4:] if len(day) < 10 else day


def dyad_of(dyad: str | None) -> tuple[str, str] | None:
    """``AZE,ARM`` → (``AZE``, ``ARM``); E061 unless it names two parties."""
    if not dyad:
        return None
    parts = [p.strip() for p in dyad.split(",")]
    if len(parts) != 2 or not all(parts):
        raise WebError(f"dyad must name two parties separated by a comma (AZE,ARM), not {dyad!r}", "E061")
    return parts[0], parts[1]


def bbox_of(bbox: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in decimal degrees → four floats; E061 unless they make a box
    (longitudes within ±180, latitudes within ±90, south not north of north). A west east of the
    east is a box across the 180th meridian."""
    if not bbox:
        return None
    try:
        west, south, east, north = (float(p) for p in bbox.split(","))
    except ValueError as e:
        raise WebError(f"bbox must be four numbers west,south,east,north (29.6,45.2,40.2,52.4), not {bbox!r}",
                       "E061") from e
    finite = all(math.isfinite(v) for v in (west, south, east, north))
    if not (finite and -180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise WebError(f"bbox {bbox!r} is no box: longitudes within -180..180, latitudes within -90..90, "
                       "south no greater than north", "E061")
    return west, south, east, north


@dataclass
class EventFilters:
    """What an events listing selects, as its address says it."""

    actor: str | None = None
    dyad: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    document: str | None = None
    sort: str = "day"
    place: str | None = None
    country: str | None = None
    bbox: str | None = None

    def query(self, limit: int | None, offset: int = 0) -> EventQuery:
        return EventQuery(actor=self.actor, dyad=dyad_of(self.dyad), type=self.type, status=self.status,
                          since=first_day(self.since), until=last_day(self.until), document=self.document,
                          q=self.q, place=self.place, country=self.country, bbox=bbox_of(self.bbox),
                          sort=self.sort, limit=limit, offset=offset)

    def params(self) -> dict[str, str]:
        """The filters that are set, as query parameters (for links, permalinks and CSV)."""
        return {k: v for k, v in asdict(self).items() if v and not (k == "sort" and v == "day")}


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="A country code (AZE) or ledger entity id, "
                                       "as actor or recipient.")] = None,
    dyad: Annotated[str | None, Query(max_length=400, description="Two parties: AZE,ARM.")] = None,
    type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]*$",  # noqa: A002 - the API's name
                                      description="PLOVER event type (AGREE, ASSAULT, …).")] = None,
    status: Annotated[EventStatus | None, Query(description="occurred, future, negated, …")] = None,
    since: Annotated[str | None, Query(pattern=DAY, description="First day: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(pattern=DAY, description="Last day, taking in the whole year or "
                                       "month given.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentences.")] = None,
    document: Annotated[str | None, Query(max_length=400, description="Reported in this document.")] = None,
    sort: Annotated[Sort, Query(description="Order: day, -day, reports, -reports, score, -score, …")] = "day",
    place: Annotated[str | None, Query(max_length=200, description="Words in the name of the place.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="The ISO 3166-1 alpha-3 code "
                                         "of the country of the event's place (UKR).")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="The event's place inside "
                                      "west,south,east,north (decimal degrees).")] = None,
) -> EventFilters:
    dyad_of(dyad)
    bbox_of(bbox)
    return EventFilters(actor or None, dyad or None, type.upper() if type else None, status, since or None,
                        until or None, q or None, document or None, sort, place or None,
                        country.upper() if country else None, bbox or None)


@dataclass
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=1000, description="Rows per page.")] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Rows skipped before the page.")] = 0,
) -> Paging:
    return Paging(limit, offset)
