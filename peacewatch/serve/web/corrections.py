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

_STATUS = {"E064": 413, "E065": 404, "E066": 400, "E067": 400, "E068": 403, "E069": 401}
BODY_LIMIT = 1_000_000  # bytes of a POST body: a correction with a long note is a few thousand
# Body fields that are text when given, and fields that are whole numbers (the SQLite INTEGER range).
_TEXT = ("by", "by_event", "sector", "start", "end")
_WHOLE = ("supersedes", "level", "correction")


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
    413: {"model": Failure, "description": "The body is over 1,000,000 bytes (E064)."},
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
        raw = await _body(request)
        if raw is None:
            return error("E064", f"the body is over {BODY_LIMIT:,} bytes; a correction needs a few hundred", 413)
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError) as e:  # not UTF-8 or JSON, a number too long, nesting too deep
            return error("E066", f"the body is not JSON peacewatch can read: {type(e).__name__}: {str(e)[:120]}")
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


async def _body(request: Request) -> bytes | None:
    """The request's body, or None once it passes ``BODY_LIMIT`` (read no further: a body of gigabytes
    would otherwise be held in memory whole before anything looked at it)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > BODY_LIMIT:
        return None
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > BODY_LIMIT:
            return None
        parts.append(chunk)
    return b"".join(parts)


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
        log.rebuilt_or_forgotten(store.conn, [number], lambda: rebuild_ledger(store.conn, settings))
    return number


def _checked(body: dict[str, Any]) -> dict[str, Any]:
    """The body with its optional fields of the right kind: text as text, whole numbers as ints within
    SQLite's range; E066 naming the field otherwise (a list or an object there, or 10**30, reached the
    database and answered 500)."""
    out = dict(body)
    for key in _TEXT:
        if out.get(key) is not None and not isinstance(out[key], str):
            raise CorrectionError(f"'{key}' must be a string, not a JSON {type(out[key]).__name__}", "E066")
    for key in _WHOLE:
        if out.get(key) is not None:
            out[key] = _whole(out[key], key)
    if "span" in out:
        span = out["span"]
        if not isinstance(span, list) or len(span) != 2:
            raise CorrectionError("'span' must be two character offsets [START, END]", "E066")
        out["span"] = [_whole(span[0], "span"), _whole(span[1], "span")]
    return out


def _whole(value: Any, key: str) -> int:
    try:
        number = int(value)  # 3 and "3" (a form's field) are 3; 1.0e308 is refused below, Infinity here
    except (TypeError, ValueError, OverflowError) as e:
        raise CorrectionError(f"'{key}' must be a whole number, not a JSON {type(value).__name__}", "E066") from e
    if isinstance(value, bool) or not -2**63 <= number < 2**63:
        raise CorrectionError(f"'{key}' must be a whole number within ±9.2e18", "E066")
    return number


def _append(conn: Connection, body: dict[str, Any]) -> int:
    body = _checked(body)
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
