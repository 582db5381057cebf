"""The REST API under ``/api/``: read-only, JSON by default, CSV with ``format=csv``.

Every list answers ``{"total", "limit", "offset", "next", "items"}`` (``next`` is the address of the
following page, or null); with ``format=csv`` it answers every row its filters select, one CSV
(see ``tables``). Errors are ``{"error": {"code": "E0xx", "message": …}}`` (see ``app``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from ...errors import WebError
from ...store.reads import Reader
from . import views
from .agreements import AGREEMENT_COLUMNS, agreement_items, agreement_row, agreements_between
from .params import (
    DAY,
    CommitmentStatus,
    EventFilters,
    Format,
    Paging,
    Word,
    dyad_of,
    event_filters,
    first_day,
    last_day,
    paging,
)
from .tables import csv_response, geojson_response, note, pages

router = APIRouter(prefix="/api", tags=["api"])


class Listing(BaseModel):
    """One page of a listing."""

    total: int
    limit: int
    offset: int
    next: str | None
    items: list[dict[str, Any]]


class Failure(BaseModel):
    error: dict[str, str]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Failure, "description": "A parameter is invalid (E061)."},
    422: {"model": Failure, "description": "A parameter has the wrong form (E061)."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **ERRORS, 404: {"model": Failure, "description": "No such record (E060)."}}
Answer = Listing | StreamingResponse


def reader_of(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def names_of(request: Request) -> dict[str, str]:
    """Entity names, read for each request (the ledger may be rebuilt while the server runs)."""
    return views.names_of(reader_of(request))


ReaderDep = Annotated[Reader, Depends(reader_of)]
NamesDep = Annotated[dict[str, str], Depends(names_of)]
PagingDep = Annotated[Paging, Depends(paging)]


def answer(request: Request, name: str, columns: list[str], fmt: str, page: Paging,
           fetch: Callable[[int, int], tuple[list[dict[str, Any]], int]],
           row: Callable[[dict[str, Any]], dict[str, Any]] = dict) -> Any:
    """A listing as JSON (one page) or CSV (every row): ``fetch(limit, offset)`` gives items and total."""
    if fmt == "csv":
        params = {k: v for k, v in request.query_params.items() if k not in ("format", "limit", "offset")}
        head = note(request.url.path, params, request.app.state.database)
        return csv_response(name, head, columns, (row(i) for i in pages(lambda n, o: fetch(n, o)[0])))
    items, total = fetch(page.limit, page.offset)
    following = None
    if page.offset + len(items) < total:
        following = str(request.url.include_query_params(offset=page.offset + page.limit))
    return Listing(total=total, limit=page.limit, offset=page.offset, next=following, items=items)


@router.get("/summary", summary="What the database holds")
def summary(reader: ReaderDep) -> dict[str, Any]:
    """Counts of documents, entities, merged events and commitments; the days covered; the pairs of
    parties with the most events."""
    first, last = reader.event_days()
    published = reader.published_days()
    return {**reader.summary().to_dict(), "event_days": {"first": first, "last": last},
            "published_days": {"first": published[0], "last": published[1]},
            "top_dyads": [d.to_dict() for d in reader.top_dyads(10)]}


@router.get("/documents", response_model=Listing, responses=ERRORS, summary="Documents")
def documents(request: Request, reader: ReaderDep, page: PagingDep, format: Format = "json",  # noqa: A002
              since: Annotated[str | None, Query(pattern=DAY)] = None,
              until: Annotated[str | None, Query(pattern=DAY)] = None,
              q: Word = None, failed: bool | None = None) -> Answer:
    """Stored documents by id (published from ``since`` to ``until``; ``q`` in the title; failed or not),
    each with the name it is shown under (``label``: its title, else its file's name)."""
    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.documents(since=first_day(since), until=last_day(until), failed=failed, q=q,
                                 limit=limit, offset=offset)
        return views.document_items(reader, found.items), found.total
    return answer(request, "documents", views.DOCUMENT_COLUMNS, format, page, fetch)


@router.get("/documents/{doc_id:path}", responses=NOT_FOUND, summary="One document with every annotation")
def document(doc_id: str, reader: ReaderDep) -> dict[str, Any]:
    """A document's text and every record extracted from it (time expressions, mentions, entities,
    quotes, events, commitments: each with its character spans in the text), and the ids of the merged
    events it reports."""
    found = reader.document(doc_id)
    if found is None:
        raise WebError(f"no document with id {doc_id!r}", "E060")
    doc, result = found
    head = reader.document_heads([doc_id])[doc_id]
    ledger = reader.events(document=doc_id).items
    return {"document": {**doc.to_dict(), **views.head_item(head)}, "annotations": result.to_dict(),
            "ledger_events": [e.id for e in ledger]}


@router.get("/events", response_model=Listing, responses=ERRORS, summary="Merged events")
def events(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
           filters: Annotated[EventFilters, Depends(event_filters)],
           format: Literal["json", "csv", "geojson"] = "json") -> Answer:  # noqa: A002
    """Merged events (one per real-world event), filtered and sorted, each with the sentences it was
    reported in (``sources``, oldest first) and its parties' names. ``format=geojson``: every selected
    event that has coordinates as a point feature whose properties are its CSV row."""
    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.events(filters.query(limit, offset))
        return views.event_items(reader, found.items, names), found.total
    if format == "geojson":
        return geojson_response("events", (views.event_row(i) for i in pages(lambda n, o: fetch(n, o)[0])))
    return answer(request, "events", views.EVENT_COLUMNS, format, page, fetch, views.event_row)


@router.get("/events/{event_id}", responses=NOT_FOUND, summary="One merged event with every report")
def event(event_id: str, reader: ReaderDep, names: NamesDep) -> dict[str, Any]:
    """A merged event with every mention: the document, its date and link, and the sentence with the
    trigger, actor, recipient and date marked (``pieces``)."""
    found = reader.events_by_id([event_id]).get(event_id)
    if found is None:
        raise WebError(f"no merged event with id {event_id!r}", "E060")
    return views.event_item(found, reader.reports([event_id])[event_id], names)


@router.get("/agreements", response_model=Listing, responses=ERRORS, summary="Agreements")
def agreements(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
               actor: Word = None, since: Annotated[str | None, Query(pattern=DAY)] = None,
               until: Annotated[str | None, Query(pattern=DAY)] = None, format: Format = "json") -> Answer:  # noqa: A002
    """The ledger's agreements in order (their day, then id), of a party (``actor``: a code or ledger
    entity id, as signatory or third party) and dated from ``since`` to ``until``: each record with its
    parties' names and its provisions (``provision_items``: the promise, its status and its
    implementation level 0–3)."""
    found = agreements_between(reader, actor, first_day(since), last_day(until))

    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        return agreement_items(reader, found[offset:offset + limit], names), len(found)
    return answer(request, "agreements", AGREEMENT_COLUMNS, format, page, fetch, agreement_row)


@router.get("/commitments", response_model=Listing, responses=ERRORS, summary="Commitments")
def commitments(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
                status: CommitmentStatus | None = None, obligor: Word = None,
                dyad: Annotated[str | None, Query(max_length=400, description="Two parties: AZE,ARM.")] = None,
                format: Format = "json") -> Answer:  # noqa: A002
    """Promises across the ledger, oldest first: who promised what (the promised act's sentence), to
    whom, when, due when, their status and the events that fulfilled or broke them (``dyad``: those
    whose promise, or an event that decided it, is between the two parties)."""
    pair = dyad_of(dyad)

    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.commitments(status, obligor)
        if pair:
            chosen = {c.id for c in reader.dyad_commitments(reader.timeline(*pair))}
            found = [c for c in found if c.id in chosen]
        return views.commitment_items(reader, found[offset:offset + limit], names), len(found)
    return answer(request, "commitments", views.COMMITMENT_COLUMNS, format, page, fetch, views.commitment_row)


@router.get("/entities", response_model=Listing, responses=ERRORS, summary="Ledger entities")
def entities(request: Request, reader: ReaderDep, page: PagingDep, kind: Word = None,
             code: Annotated[str | None, Query(max_length=20)] = None, q: Word = None,
             format: Format = "json") -> Answer:  # noqa: A002
    """Actors with one id across documents (of one kind or code; ``q`` in the name)."""
    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.entities(kind=kind, code=code, q=q, limit=limit, offset=offset)
        return [views.entity_item(e) for e in found.items], found.total
    return answer(request, "entities", views.ENTITY_COLUMNS, format, page, fetch)


@router.get("/quotes", response_model=Listing, responses=ERRORS, summary="Quotes")
def quotes(request: Request, reader: ReaderDep, page: PagingDep, document: Word = None, speaker: Word = None,
           format: Format = "json") -> Answer:  # noqa: A002
    """Quotes by document, with their content and their speaker's name, code and ledger entity
    (``speaker`` filters by the per-document entity id)."""
    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.quotes(document=document, speaker=speaker, limit=limit, offset=offset)
        return views.quote_items(reader, found.items), found.total
    return answer(request, "quotes", views.QUOTE_COLUMNS, format, page, fetch)


@router.get("/dyads", response_model=Listing, responses=ERRORS, summary="Pairs of parties")
def dyads(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
          countries: Annotated[bool | None, Query(description="true: pairs of country codes; false: pairs of "
                                                  "ledger entities; absent: both")] = None,
          format: Format = "json") -> Answer:  # noqa: A002
    """Pairs of parties (country codes ``code:AZE`` or ledger entity ids) by their number of merged
    events, most first, with the first and last day and the parties' names."""
    def fetch(limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        found = reader.top_dyads(limit, countries=countries, offset=offset)
        items = [{**d.to_dict(), "a_name": views.party(d.a, names), "b_name": views.party(d.b, names)} for d in found]
        return items, reader.dyad_count(countries=countries)
    return answer(request, "dyads", views.DYAD_COLUMNS, format, page, fetch)


@router.get("/timeline", responses=ERRORS, summary="A dyad's timeline")
def timeline(request: Request, reader: ReaderDep,
             a: Annotated[str, Query(min_length=1, max_length=200, description="A party: AZE or an entity id.")],
             b: Annotated[str, Query(min_length=1, max_length=200, description="The other party.")],
             by: Literal["month", "week"] = "month", part: Literal["periods", "negotiation"] = "periods",
             format: Format = "json") -> Any:  # noqa: A002
    """Events of the dyad (a, b) per month or ISO week by PLOVER quad class, with the sum and mean
    score (``periods``: only events that happened), and the negotiation record. CSV: the periods, or
    with ``part=negotiation`` the negotiation record."""
    view = reader.timeline(a, b)
    periods = view.months if by == "month" else view.weeks
    if format == "csv":
        params = {k: v for k, v in request.query_params.items() if k != "format"}
        head = note(request.url.path, params, request.app.state.database)
        if part == "negotiation":
            return csv_response("negotiation", head, views.STEP_COLUMNS, (views.step_row(s) for s in view.negotiation))
        return csv_response("timeline", head, views.PERIOD_COLUMNS, (views.period_row(p) for p in periods))
    counted = sum(p.events for p in periods)
    return {"a": view.a, "b": view.b, "by": by, "events": len(view.events), "counted": counted,
            "periods": [p.to_dict() for p in periods], "negotiation": [s.to_dict() for s in view.negotiation],
            "event_ids": [e.id for e in view.events]}
