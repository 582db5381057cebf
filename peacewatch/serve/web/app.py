"""The web application: the API and the pages on one read-only ``Reader``, with its security headers
and its one error shape.

Errors: the API answers ``{"error": {"code": "E0xx", "message": "…"}}`` with the status the code
calls for (E060 404, E061 400 — 422 when a parameter's type or form is wrong —, E062 404 or 405, a
read-layer E047 400); the pages answer the same code and message as an HTML page. Every answer
carries a Content-Security-Policy that allows scripts, styles and images from this server only (no
inline script), so a payload in a stored text can never run.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ... import __version__
from ...config import LedgerSettings
from ...errors import PeacewatchError
from ...store.reads import Reader
from ...store.sqlite import Store
from . import api, pages
from .corrections import corrections_router

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
           "Referrer-Policy": "same-origin"}
STATUS = {"E060": 404, "E061": 400, "E047": 400, "E062": 404}
DESCRIPTION = """Read-only access to a peacewatch database: documents with their annotations, the merged
events of the ledger, commitments, entities, quotes, dyad timelines.

Lists answer JSON pages (`limit`, `offset`; `total` and `next` say what follows) and, with
`format=csv`, a CSV of every row the filters select: its first line is one cell that says what was
exported, with which filters, from which database and when; the column names are on the second line.

Errors are `{"error": {"code": "E0xx", "message": "…"}}`: E060 (404) no such record, E061 (400 or
422) a parameter is invalid, E062 (404, 405) no such address or method.

Agreements: the ledger has no agreements table yet; `/api/agreements` answers its merged AGREE events.
"""


def create_app(db: str | Path, write_token: str | None = None, settings: LedgerSettings | None = None) -> FastAPI:
    """The application on the database ``db``, opened read-only (coded errors when it cannot be).

    The corrections routes are always there; their writes answer 403 unless the server was started
    with a ``write_token`` (and 401 to a request that does not carry it)."""
    reader = Reader(db)
    app = FastAPI(title="peacewatch", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.reader = reader
    app.state.database = Path(db).name
    app.state.writable = bool(write_token)  # the pages show their edit forms (never the token itself)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(corrections_router(lambda: Reader(db), lambda: Store(db), write_token, settings))
    static = resources.files("peacewatch.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_exception_handler(PeacewatchError, _coded)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
    app.middleware("http")(_secure)
    app.router.on_shutdown.append(reader.close)
    return app


async def _secure(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def failure(request: Request, status: int, code: str, message: str) -> Response:
    """The one error shape: JSON under /api/ and for the schema, an HTML page elsewhere."""
    if request.url.path.startswith(("/api/", "/openapi")):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return pages.error_page(request, status, code, message)


async def _coded(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PeacewatchError)
    return failure(request, STATUS.get(exc.code, 500 if exc.code != "E040" else 503), exc.code, exc.message)


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
                         for e in exc.errors())
    return failure(request, 422, "E061", f"invalid parameter: {problems}")


async def _unexpected(request: Request, exc: Exception) -> Response:
    """What no route meant to raise: the database failing (a damaged file, a disk, a lost server) is
    E040 with 503, anything else a bug, E099 with 500, both in the one error shape (not a bare
    "Internal Server Error")."""
    from ...store.dialect import database_fault

    if database_fault(exc):
        return failure(request, 503, "E040", f"the database cannot be read: {type(exc).__name__}: {str(exc)[:200]}")
    return failure(request, 500, "E099", f"internal error ({type(exc).__name__}); this is a bug in peacewatch: "
                   "please report it with the address you asked for")


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        return failure(request, 405, "E062", f"{request.method} is not allowed: this server is read-only (GET only)")
    if exc.status_code == 404:
        return failure(request, 404, "E062", f"no such address: {request.url.path}")
    return failure(request, exc.status_code, "E061", str(exc.detail))
