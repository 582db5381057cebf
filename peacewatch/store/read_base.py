"""What every query of the read layer stands on: a read-only connection per thread, the row and
count helpers, the documents behind a report, and the shapes shared by the ledger's queries and the
others (a merged event from its stored record, chunks of ids for ``IN (…)``, a document's head).
``reads.Reader`` is the class callers use."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError
from ..resolve import MergedEvent
from ..resolve.records import EventMention
from ..types import Argument, Document
from .dialect import Connection, DatabaseErrors
from .readonly import open_readonly, open_uri
from .rows import DocumentHead

UNKNOWN_DAY = "9999-12-31"  # the timeline day of an undated merged event: ordering puts it last
COMMITMENT_ORDER = " ORDER BY coalesce(made, '9999-12-31'), id"

# what names a document: its title, the file it was read from, its first 200 characters
HEAD_COLUMNS = ("d.title, json_extract(d.extra, '$.ingest.source'), substr(d.text, 1, 200), d.published, d.url")


def merged_event(d: dict[str, Any]) -> MergedEvent:
    """``MergedEvent.from_dict`` for the records the ledger wrote, without its per-field
    introspection (a third of a dyad query's time over a million events)."""
    return MergedEvent(
        id=d["id"], type=d["type"], mode=d.get("mode"), context=list(d.get("context") or []),
        status=d.get("status", "occurred"), actor=[Argument(**a) for a in d.get("actor") or []],
        recipient=[Argument(**a) for a in d.get("recipient") or []], date=d.get("date"),
        location=d.get("location"), quantity=d.get("quantity"), reported_by=d.get("reported_by"),
        score=d.get("score"), cameo=d.get("cameo"), quad=d.get("quad"),
        mentions=[EventMention(m["doc"], m["event"], (m["trigger_span"][0], m["trigger_span"][1]),
                               (m["span"][0], m["span"][1]), m.get("published"), m.get("date"),
                               m.get("status", "occurred")) for m in d.get("mentions") or []],
        first_reported=d.get("first_reported"), why=d.get("why", ""),
        sources=d.get("sources") or len({m["doc"] for m in d.get("mentions") or []}),
        conflicts=list(d.get("conflicts") or []), partial=d.get("partial"),
    )


class ReaderBase:
    """The connection and row helpers of a ``Reader`` (see ``reads``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        first, self._uri = open_readonly(path)
        self._local = threading.local()
        self._local.conn = first
        self._lock = threading.Lock()
        self._all = [first]

    @property
    def conn(self) -> Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_uri(self._uri, self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except DatabaseErrors as e:
            raise StoreError(f"cannot read database {self.path}: {e}", "E040") from e

    def _count(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> int:
        return int(self._rows(sql, args)[0][0] or 0)

    def source_documents(self, ids: list[str]) -> list[Document]:
        """The documents with these ids (those that exist), by id."""
        out: list[Document] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            out += [Document(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in self._rows(
                f"SELECT id, text, published, url, title, extra FROM documents WHERE id IN ({marks}) ORDER BY id",
                chunk)]
        return out

    def _cursor(self, sql: str) -> Iterator[Any]:
        # A plain loop, not ``yield from``: a generator left unfinished (an export whose file failed) is
        # closed when it is collected, and ``yield from`` would then close the cursor too, after its
        # connection was closed, which printed "Exception ignored … Traceback" under the coded error.
        try:
            for row in self.conn.execute(sql):
                yield row
        except DatabaseErrors as e:
            raise StoreError(f"cannot read database {self.path}: {e}", "E040") from e


def document_head(doc_id: str, r: Any) -> DocumentHead:
    source = r[1] if isinstance(r[1], str) else None
    first = next((line.strip() for line in (r[2] or "").splitlines() if line.strip()), "")
    return DocumentHead(doc_id, r[0], source, first, r[3], r[4])


def id_chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def placeholders(chunk: list[str]) -> str:
    return ", ".join("?" * len(chunk))
