"""CSV downloads: exactly the rows a listing's filters select, in its order, every page of them.

The first line is one quoted cell that says what was exported, with which filters, from which
database and when (``# peacewatch export of /api/events?type=AGREE from peacewatch.db at
2026-12-06T09:30:00Z``), as ACLED asks its exports to carry; the column names follow on the second
line. Spreadsheets show the note as the first row; pandas reads the table with ``skiprows=1``
(or ``comment="#"``). A text cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab is written
with a leading apostrophe, so no spreadsheet runs it as a formula (numbers are written as numbers).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import StreamingResponse

from ...store.export import geojson_feature

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 1000  # rows read from the database at a time


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def note(path: str, params: dict[str, str], database: str, now: dt.datetime | None = None) -> str:
    """The export's first line: what, with which filters, from where, when (UTC)."""
    at = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    query = urlencode(sorted(params.items()))
    return f"# peacewatch export of {path}{'?' + query if query else ''} from {database} at {at}"


def lines(head: str, columns: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([head])
    writer.writerow(columns)
    yield _take(buffer)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        if buffer.tell() > 64_000:
            yield _take(buffer)
    yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def pages(fetch: Callable[[int, int], list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    """Every row ``fetch(limit, offset)`` gives, a chunk at a time."""
    offset = 0
    while True:
        chunk = fetch(CHUNK, offset)
        yield from chunk
        if len(chunk) < CHUNK:
            return
        offset += CHUNK


def csv_response(name: str, head: str, columns: list[str], rows: Iterable[dict[str, Any]]) -> StreamingResponse:
    return StreamingResponse(lines(head, columns, rows), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="peacewatch-{name}.csv"'})


def geojson_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection of the flat rows that have coordinates, a feature at a time."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in rows:
        feature = geojson_feature(row)
        if feature is not None:
            yield ("" if first else ",") + "\n" + json.dumps(feature, ensure_ascii=False)
            first = False
    yield "\n]}\n"


def geojson_response(name: str, rows: Iterable[dict[str, Any]]) -> StreamingResponse:
    return StreamingResponse(geojson_lines(rows), media_type="application/geo+json",
                             headers={"Content-Disposition": f'attachment; filename="peacewatch-{name}.geojson"'})
