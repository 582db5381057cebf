"""The stored per-document records as the resolve stage's ``Source``: read table by table, a batch
of documents at a time, never all at once (the document texts stay on disk: SQLite cuts out the
event spans)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..resolve.corrections import Correction
from ..resolve.reports import SpanTexts
from ..resolve.story_year import StoryDocument, story_document
from ..types import Commitment, Entity, Result
from .corrections import stored
from .dialect import Connection

_UNREAD_ENTITY = ("why", "members")  # fields of a per-document entity the ledger never reads
_UNREAD_EVENT = ("why", "date_span")  # fields of a per-document event the ledger never reads


class StoredSource:
    """The records of the documents that did not fail; ``batch`` documents' events at a time."""

    def __init__(self, conn: Connection, batch: int) -> None:
        self.conn = conn
        self.batch = batch

    def documents(self) -> Iterator[tuple[str, str | None]]:
        yield from self.conn.execute("SELECT id, published FROM documents WHERE error_code IS NULL ORDER BY id")

    def entities(self) -> Iterator[tuple[str, Entity]]:
        rows = self.conn.execute("SELECT x.doc_id, x.record FROM entities x JOIN documents d ON d.id = x.doc_id"
                                 " WHERE d.error_code IS NULL ORDER BY x.doc_id, x.rowid")
        for doc, record in rows:
            data = {k: v for k, v in json.loads(record).items() if k not in _UNREAD_ENTITY}
            yield doc, Entity.from_dict(data)

    def event_batches(self) -> Iterator[tuple[list[Result], SpanTexts]]:
        for chunk in self._batches():
            first, last = chunk[0][0], chunk[-1][0]
            data: dict[str, dict[str, Any]] = {d: {"id": d, "published": p, "events": [],
                                                   "dated": json.loads(x) if x else None} for d, p, x in chunk}
            for doc, record in self.conn.execute(
                    "SELECT doc_id, record FROM events WHERE doc_id >= ? AND doc_id <= ? ORDER BY doc_id, rowid",
                    (first, last)):
                if doc in data:
                    data[doc]["events"].append(_read_event(json.loads(record)))
            yield [Result.from_dict(d) for d in data.values()], stored_span_texts(self.conn, first, last)

    def commitments(self) -> Iterator[tuple[str, str | None, Commitment]]:
        rows = self.conn.execute("SELECT d.id, d.published, c.record FROM commitments c JOIN documents d"
                                 " ON d.id = c.doc_id WHERE d.error_code IS NULL ORDER BY c.doc_id, c.rowid")
        for doc, published, record in rows:
            yield doc, published, Commitment.from_dict(json.loads(record))

    def story_documents(self) -> Iterator[StoryDocument]:
        """Each document's day, entity codes and stated days (``resolve/story_year.py``), in id order."""
        codes: dict[str, list[str]] = {}
        for doc, code in self.conn.execute("SELECT doc_id, json_extract(record, '$.code') FROM entities"
                                           " WHERE json_extract(record, '$.code') IS NOT NULL"):
            codes.setdefault(doc, []).append(code)
        days: dict[str, list[tuple[str, str]]] = {}
        # the text is read only for a year-less day (a cue the `why` quotes), not for each full date
        for doc, value, record in self.conn.execute(
                "SELECT doc_id, value, CASE WHEN value LIKE 'XXXX%' THEN record END FROM timexes"
                " WHERE value LIKE '____-__-__' ORDER BY doc_id, idx"):
            days.setdefault(doc, []).append((value, json.loads(record).get("text", "") if record else ""))
        for doc, published, dated in self.conn.execute(
                "SELECT id, published, dated FROM documents WHERE error_code IS NULL ORDER BY id"):
            day = json.loads(dated).get("day") if dated else None
            yield story_document(doc, published, day, codes.get(doc, ()), days.get(doc, ()))

    def corrections(self) -> Iterator[Correction]:
        """Every row of the corrections log (migration 0005), in id order; one that cannot be applied
        with its ``fault`` (``corrections.stored``)."""
        return stored(self.conn)

    def hashes(self, first: str, last: str) -> dict[str, str]:
        return dict(self.conn.execute("SELECT id, content_hash FROM documents WHERE id >= ? AND id <= ?",
                                      (first, last)).fetchall())

    def find(self, doc: str, text: str) -> int | None:
        """Where ``text`` occurs once in the stored document (SQLite's ``instr`` counts characters
        from 1), or None."""
        row = self.conn.execute("SELECT instr(text, ?1), instr(substr(text, instr(text, ?1) + 1), ?1) FROM documents"
                                " WHERE id = ?2", (text, doc)).fetchone()
        return row[0] - 1 if text and row is not None and row[0] > 0 and row[1] == 0 else None

    def _batches(self) -> Iterator[list[tuple[str, str | None, str | None]]]:
        """(id, published, dated) of the documents, in id order, ``batch`` at a time."""
        sql = "SELECT id, published, dated FROM documents WHERE error_code IS NULL AND id > ? ORDER BY id LIMIT ?"
        rows = self.conn.execute("SELECT id, published, dated FROM documents WHERE error_code IS NULL ORDER BY id"
                                 " LIMIT ?", (self.batch,)).fetchall()
        while rows:
            yield rows
            rows = self.conn.execute(sql, (rows[-1][0], self.batch)).fetchall()


def stored_span_texts(conn: Connection, first: str = "", last: str | None = None
                      ) -> dict[tuple[str, int, int], str]:
    """The text of every stored event's span (of the documents with ids from ``first`` to ``last``),
    cut out by SQLite (document texts stay on disk)."""
    where = " WHERE doc_id >= ?" + (" AND doc_id <= ?" if last is not None else "")
    rows = conn.execute(
        "SELECT s.doc_id, start, stop, substr(d.text, start + 1, stop - start) FROM (SELECT doc_id,"
        " CAST(json_extract(record, '$.span[0]') AS INTEGER) AS start,"
        " CAST(json_extract(record, '$.span[1]') AS INTEGER) AS stop FROM events"
        f"{where}) s JOIN documents d ON d.id = s.doc_id", (first,) if last is None else (first, last))
    return {(doc, start, stop): text for doc, start, stop, text in rows if isinstance(start, int)}


def _read_event(record: dict[str, Any]) -> dict[str, Any]:
    """A stored per-document event as the ledger reads it: without the fields it never reads, except
    the ``why`` of a negated one, which may say the act missed its target (``resolve/events._missed``)."""
    return {k: v for k, v in record.items() if k not in _UNREAD_EVENT
            or (k == "why" and record.get("status") == "negated")}
