"""The dashboard: server-rendered pages, their whole state in their address (a permalink), every
table with a link to the API's CSV of the same filters.

Pages: ``/`` overview, ``/events`` (filters, sorting, rows that open to their source sentences),
``/events/{id}``, ``/dyad?a=…&b=…`` (chart, map, periods, negotiation record, agreements,
commitments), ``/commitments``, ``/agreements`` (each with its provisions), ``/documents``,
``/documents/{id}`` (the text with every annotation marked), ``/quotes``. With a write token the event page and
the commitments tracker have edit forms (``static/app.js`` posts them to ``/api/corrections``);
``/corrected/N`` redirects to where correction N shows. Templates autoescape
everything; links are made only of http(s) addresses.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ...errors import WebError
from ...resolve.dyads import party_token
from ...types import COMMITMENT_STATUSES, EVENT_STATUSES, EVENT_TYPES
from ..chart import timeline_svg
from ..map import dots_of, event_map
from ..present import plural
from . import views
from .agreements import agreement_items, dyad_agreements
from .api import NamesDep, PagingDep, ReaderDep
from .documents import annotated_text
from .params import DAY, CommitmentStatus, EventFilters, Word, event_filters, first_day, last_day
from .sorting import SORTABLE, sort_links

router = APIRouter(include_in_schema=False)
HTML = HTMLResponse


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("peacewatch.serve", "templates/web"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["plural"] = plural
    env.globals.update(href=href, docref=docref, evref=evref, EVENT_STATUSES=EVENT_STATUSES,
                       COMMITMENT_STATUSES=COMMITMENT_STATUSES, EVENT_TYPES=EVENT_TYPES)
    return env


def href(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
    """``path`` with ``params`` (changed by ``changes``; None drops one) as its query string."""
    merged = {**(params or {}), **changes}
    query = urlencode([(k, v) for k, v in merged.items() if v not in (None, "")])
    return f"{path}?{query}" if query else path


def docref(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def evref(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def render(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=http_status)


def writable(request: Request) -> bool:
    """Whether the server was started with a write token: the pages then show their edit forms."""
    return bool(getattr(request.app.state, "writable", False))


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    return render(request, "error.html", status, title=f"Error {code}", code=code, message=message)


@router.get("/", response_class=HTML)
def overview(request: Request, reader: ReaderDep, names: NamesDep) -> HTMLResponse:
    summary = reader.summary()
    first, last = reader.event_days()
    latest = reader.events(until=last, sort="-day", limit=10).items if last else []
    dyads = views.dyad_rows(reader.top_dyads(8, countries=True), names)
    due = [c for status in ("overdue", "open") for c in reader.commitments(status)]
    return render(request, "overview.html", title="Overview", summary=summary, event_days=(first, last),
                  published=reader.published_days(), dyads=dyads, latest=views.event_items(reader, latest, names),
                  due=views.commitment_items(reader, due[:12], names), due_total=len(due))


@router.get("/events", response_class=HTML)
def events_page(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
                filters: Annotated[EventFilters, Depends(event_filters)]) -> HTMLResponse:
    found = reader.events(filters.query(page.limit, page.offset))
    params = filters.params()
    return render(request, "events.html", title="Events", filters=filters, params=params, page=page,
                  total=found.total, items=views.event_items(reader, found.items, names),
                  map=event_map(found.items, evref, "Map of the events on this page"),
                  located=len(dots_of(found.items, evref)),
                  sorts=sort_links(filters.sort), sortable=SORTABLE,
                  types=sorted(reader.summary().events_by_type), csv=href("/api/events", params, format="csv"))


@router.get("/events/{event_id}", response_class=HTML)
def event_page(request: Request, event_id: str, reader: ReaderDep, names: NamesDep) -> HTMLResponse:
    found = reader.events_by_id([event_id]).get(event_id)
    if found is None:
        raise WebError(f"no merged event with id {event_id!r}", "E060")
    item = views.event_item(found, reader.reports([event_id])[event_id], names)
    item["marks"] = reader.correction_marks()[0].get(event_id)
    return render(request, "event.html", title=f"{found.type} {item['day'] or ''}", e=item,
                  editable=writable(request))


@router.get("/corrected/{number}")
def corrected(number: int, reader: ReaderDep) -> RedirectResponse:
    """Where correction ``number`` shows now: a retyped event has a new ledger id (it is derived from
    the type), so the edit form goes here after its POST; a rejection leaves no event (the events list)."""
    events, commitments = reader.correction_marks()
    event = next((i for i, m in sorted(events.items()) if number in m["corrections"]), None)
    if event is not None:
        return RedirectResponse(evref(event), status_code=303)
    commitment = next((i for i, m in sorted(commitments.items()) if number in m["corrections"]), None)
    if commitment is not None:
        return RedirectResponse(f"/commitments#{quote(commitment)}", status_code=303)
    return RedirectResponse("/events", status_code=303)


@router.get("/dyad", response_class=HTML)
def dyad_page(request: Request, reader: ReaderDep, names: NamesDep,
              a: Annotated[str | None, Query(max_length=200)] = None,
              b: Annotated[str | None, Query(max_length=200)] = None,
              by: Literal["month", "week"] = "month") -> HTMLResponse:
    if not a or not b:
        countries = views.dyad_rows(reader.top_dyads(30, countries=True), names)
        entities = views.dyad_rows(reader.top_dyads(30, countries=False), names)
        return render(request, "dyads.html", title="Dyads", dyads=countries, entity_dyads=entities)
    view = reader.timeline(a, b)
    periods = view.months if by == "month" else view.weeks
    names_ab = (views.party(party_token(a), names), views.party(party_token(b), names))
    commitments = views.commitment_items(reader, reader.dyad_commitments(view), names)
    params = {"a": a, "b": b, "by": by}
    return render(request, "dyad.html", title=f"{names_ab[0]} – {names_ab[1]}", a=a, b=b, by=by, names_ab=names_ab,
                  view=view, periods=periods, counted=sum(p.events for p in periods), params=params,
                  chart=timeline_svg(view, lambda i: f"/events/{i}"), commitments=commitments,
                  agreements=agreement_items(reader, dyad_agreements(reader, a, b), names),
                  map=event_map(view.events, evref, f"Map of the events of {names_ab[0]} and {names_ab[1]}"),
                  located=len(dots_of(view.events, evref)),
                  events_link=href("/events", {"dyad": f"{a},{b}"}),
                  csv=href("/api/timeline", params, format="csv"))


@router.get("/commitments", response_class=HTML)
def commitments_page(request: Request, reader: ReaderDep, names: NamesDep, page: PagingDep,
                     status: CommitmentStatus | None = None, obligor: Word = None) -> HTMLResponse:
    found = reader.commitments(status, obligor)
    params = {k: v for k, v in (("status", status), ("obligor", obligor)) if v}
    items = views.commitment_items(reader, found[page.offset:page.offset + page.limit], names)
    marks = reader.correction_marks()[1]
    for item in items:
        item["marks"] = marks.get(item["id"])
    return render(request, "commitments.html", title="Commitments", items=items, total=len(found), page=page,
                  params=params, status=status, obligor=obligor or "", editable=writable(request),
                  csv=href("/api/commitments", params, format="csv"), today=dt.date.today().isoformat())


@router.get("/agreements", response_class=HTML)
def agreements_page(request: Request, reader: ReaderDep, names: NamesDep, actor: Word = None) -> HTMLResponse:
    params = {"actor": actor} if actor else {}
    items = agreement_items(reader, reader.agreements(actor), names)
    return render(request, "agreements.html", title="Agreements", items=items, params=params,
                  csv=href("/api/agreements", params, format="csv"))


@router.get("/documents", response_class=HTML)
def documents_page(request: Request, reader: ReaderDep, page: PagingDep, q: Word = None,
                   since: Annotated[str | None, Query(pattern=DAY)] = None,
                   until: Annotated[str | None, Query(pattern=DAY)] = None) -> HTMLResponse:
    found = reader.documents(since=first_day(since), until=last_day(until), q=q, limit=page.limit,
                             offset=page.offset)
    params = {k: v for k, v in (("q", q), ("since", since), ("until", until)) if v}
    return render(request, "documents.html", title="Documents", items=views.document_items(reader, found.items),
                  total=found.total, page=page, params=params, csv=href("/api/documents", params, format="csv"))


@router.get("/documents/{doc_id:path}", response_class=HTML)
def document_page(request: Request, doc_id: str, reader: ReaderDep, names: NamesDep) -> HTMLResponse:
    found = reader.document(doc_id)
    if found is None:
        raise WebError(f"no document with id {doc_id!r}", "E060")
    doc, result = found
    head = views.head_item(reader.document_heads([doc_id])[doc_id])
    ledger = reader.events(document=doc_id).items
    segments, listed = annotated_text(doc.text, result)
    return render(request, "document.html", title=head["label"], doc=doc, head=head, segments=segments,
                  listed=listed, result=result, ledger=views.event_items(reader, ledger, names))


@router.get("/quotes", response_class=HTML)
def quotes_page(request: Request, reader: ReaderDep, page: PagingDep, document: Word = None) -> HTMLResponse:
    found = reader.quotes(document=document, limit=page.limit, offset=page.offset)
    params = {"document": document} if document else {}
    return render(request, "quotes.html", title="Quotes", items=views.quote_items(reader, found.items),
                  total=found.total, page=page, params=params, csv=href("/api/quotes", params, format="csv"))
