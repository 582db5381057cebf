"""The corrections routes of the web API: ``GET /api/corrections`` lists the log with each
correction's state, ``POST /api/corrections`` appends one and rebuilds the ledger with it.

Writing is off unless the server is started with a token (``--write-token`` or
``PEACEWATCH_WRITE_TOKEN``): without one every write answers 403 (E068); with one, a request without
``Authorization: Bearer <token>``, or with another token, answers 401 (E069). Errors have the
project's one JSON shape, ``{"error": {"code": "E…", "message": …}}``. The app mounts the routes
with ``app.include_router(corrections_router(reader_factory, writer_factory, token))``.

The body of a POST names its ``kind`` and what a command-line correction takes (current ledger
ids; the log keeps the stable anchor):

- ``{"kind": "event", "event": ID, "change": {"type": …, "status": …, "actor": [CODE…]}}``
- ``{"kind": "reject", "event": ID}``
- ``{"kind": "add", "doc": DOC, "span": [START, END], "change": {"type": …}}``
- ``{"kind": "merge", "events": [ID, ID]}``, ``{"kind": "split", "event": ID, "mentions": ["DOC#EVENT"]}``
- ``{"kind": "commitment", "commitment": ID, "status": …, "by_event": ID, "level": 0-3}``
- ``{"kind": "actor", "name": …, "code": …, "sector": …, "start": …, "end": …}``
- ``{"kind": "withdraw", "correction": K}``

each with optional ``note``, ``by`` and ``supersedes``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ...config import LedgerSettings
from ...errors import CorrectionError, PeacewatchError
from ...store import corrections as log
from ...store.dialect import Connection
from ...store.ledger import rebuild_ledger
from ...store.reads import Reader
from ...store.sqlite import Store
from .api import Failure

_STATUS = {"E065": 404, "E066": 400, "E067": 400, "E068": 403, "E069": 401}


def error(code: str, message: str, status: int | None = None) -> JSONResponse:
    """The project's one error shape."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status or _STATUS.get(code, 400))


_READ_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": Failure, "description": "The database cannot be read (E040)."}}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Failure, "description": "The correction or its body is invalid (E066)."},
    401: {"model": Failure, "description": "The write token is missing or wrong (E069)."},
    403: {"model": Failure, "description": "The server was started without a write token (E068)."},
    404: {"model": Failure, "description": "The correction names nothing in the ledger (E065)."},
    **_READ_ERRORS}


def corrections_router(reader_factory: Callable[[], Reader], writer_factory: Callable[[], Store],
                       token: str | None, settings: LedgerSettings | None = None) -> APIRouter:
    """The corrections routes over readers and writers the app makes; ``token`` None: read-only."""
    router = APIRouter()

    @router.get("/api/corrections", responses=_READ_ERRORS)
    def list_corrections(orphaned: bool = False) -> Any:
        try:
            with reader_factory() as reader:
                return {"corrections": reader.corrections(orphaned)}
        except PeacewatchError as e:
            return error(e.code, e.message, 503 if e.code.startswith("E04") else None)

    @router.post("/api/corrections", status_code=201, responses=_WRITE_ERRORS)
    async def add_correction(request: Request) -> Any:
        refused = _refused(request, token)
        if refused is not None:
            return refused
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            return error("E066", f"the body is not JSON: {e}")
        if not isinstance(body, dict):
            return error("E066", "the body must be a JSON object with a 'kind'")
        try:
            number = await run_in_threadpool(_write, writer_factory, body, settings)
            with reader_factory() as reader:
                state = next((c["state"] for c in reader.corrections() if c["id"] == number), "pending")
        except PeacewatchError as e:
            return error(e.code, e.message, 503 if e.code.startswith("E04") else None)
        return JSONResponse({"correction": number, "state": state}, status_code=201)

    return router


def _refused(request: Request, token: str | None) -> JSONResponse | None:
    if not token:
        return error("E068", "this server was started without a write token: corrections are read-only")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        return error("E069", "send the server's write token as 'Authorization: Bearer TOKEN'")
    return None


def _write(writer_factory: Callable[[], Store], body: dict[str, Any], settings: LedgerSettings | None) -> int:
    """Append the correction the body describes and rebuild the ledger with it."""
    with writer_factory() as store:
        number = _append(store.conn, body)
        rebuild_ledger(store.conn, settings)
    return number


def _append(conn: Connection, body: dict[str, Any]) -> int:
    how = {"by": body.get("by"), "note": str(body.get("note") or ""), "supersedes": body.get("supersedes")}
    kind = body.get("kind")
    try:
        if kind == "event":
            return log.correct_event(conn, str(body["event"]), dict(body.get("change") or {}), **how)
        if kind == "reject":
            return log.reject_event(conn, str(body["event"]), **how)
        if kind == "add":
            start, end = body["span"]
            return log.add_event(conn, str(body["doc"]), int(start), int(end), dict(body.get("change") or {}), **how)
        if kind == "merge":
            return log.merge_events(conn, [str(e) for e in body["events"]], **how)
        if kind == "split":
            return log.split_event(conn, str(body["event"]), [str(m) for m in body["mentions"]], **how)
        if kind == "commitment":
            level = body.get("level")
            return log.correct_commitment(conn, str(body["commitment"]), str(body["status"]), body.get("by_event"),
                                          None if level is None else int(level), **how)
        if kind == "actor":
            return log.correct_actor(conn, str(body["name"]), str(body["code"]), body.get("sector"),
                                     body.get("start"), body.get("end"), **how)
        if kind == "withdraw":
            how.pop("supersedes")
            return log.withdraw(conn, int(body["correction"]), **how)
    except (KeyError, TypeError, ValueError) as e:
        raise CorrectionError(f"a {kind} correction needs {e}", "E066") from e
    raise CorrectionError(f"unknown correction kind {kind!r}; choose one of {', '.join(log.KINDS)}", "E066")
