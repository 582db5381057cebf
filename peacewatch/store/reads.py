"""The read layer: every query the commands, the HTML report and the web API make, in one place.

A ``Reader`` opens the database read-only (``readonly``): it never creates, migrates or writes a
file, so reading works on read-only media and on someone else's file leaves it as it was. Results
are typed records: ``MergedEvent``, ``LedgerCommitment``, ``LedgerEntity`` of ``peacewatch.resolve``,
``Document``/``Result``/``Quote`` of ``peacewatch.types``, and the row types of ``rows``.

Threads: each thread gets its own read-only connection (made on its first query, from the URI the
first one was opened with); ``close`` closes them all. In WAL mode readers never block the writer,
and each query sees one consistent snapshot.

The class is built in three parts: ``read_base.ReaderBase`` (the connections and row helpers),
``ledger_reads.LedgerReads`` (queries of the ledger tables) and ``Reader`` here (documents, quotes,
the summary, corrections and exports).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import StoreError
from ..resolve.records import Agreement
from ..types import Document, Quote, Result
from . import marks
from .entity_parts import assemble
from .ledger_reads import LedgerReads
from .read_base import COMMITMENT_ORDER, HEAD_COLUMNS, UNKNOWN_DAY, document_head, id_chunks, merged_event, placeholders
from .rows import (
    DocumentHead,
    DocumentInfo,
    DocumentVersion,
    Page,
    Speaker,
    StoredQuote,
    Summary,
)

__all__ = ["EXPORT_TABLES", "MERGED", "UNKNOWN_DAY", "Reader", "merged_event"]

EXPORT_TABLES = ("documents", "mentions", "entities", "timexes", "quotes", "events", "commitments", "versions",
                 "agreements")
MERGED = ("events", "commitments", "entities", "agreements")
_RECORD_ORDER = {"timexes": "idx", "mentions": "idx", "quotes": "idx", "entities": "rowid",
                 "events": "rowid", "commitments": "rowid"}


class Reader(LedgerReads):
    """Read-only access to a peacewatch database (see the module's docstring)."""

    def documents(self, *, since: str | None = None, until: str | None = None, failed: bool | None = None,
                  q: str | None = None, limit: int | None = None, offset: int = 0) -> Page[DocumentInfo]:
        """Documents by id (published from ``since`` to ``until``; failed or not; ``q`` in the title)."""
        where, args = ["1"], []
        if since:
            where.append("published >= ?")
            args.append(since)
        if until:
            where.append("substr(published, 1, 10) <= ?")
            args.append(until)
        if failed is not None:
            where.append("error_code IS NOT NULL" if failed else "error_code IS NULL")
        if q:
            where.append("instr(lower(coalesce(title, '')), lower(?)) > 0")
            args.append(q)
        cond = " AND ".join(where)
        total = self._count(f"SELECT count(*) FROM documents WHERE {cond}", args)
        rows = self._rows(
            "SELECT id, title, published, url, content_hash, ingested_at, error_code, error_message,"
            f" (SELECT count(*) FROM versions v WHERE v.id = documents.id) FROM documents WHERE {cond}"
            f" ORDER BY id LIMIT ? OFFSET ?", [*args, -1 if limit is None else limit, offset])
        return Page([DocumentInfo(*r) for r in rows], total, limit, offset)

    def document(self, doc_id: str) -> tuple[Document, Result] | None:
        """One document with its per-document records, or None."""
        docs = self.source_documents([doc_id])
        return (docs[0], self.result(doc_id)) if docs else None

    def result(self, doc_id: str) -> Result:
        """The stored per-document records of one document."""
        found = self._rows("SELECT published, dated, error_code, error_message FROM documents WHERE id = ?", (doc_id,))
        row = found[0] if found else None
        data: dict[str, Any] = {"id": doc_id, "published": row["published"] if row else None}
        if row is not None and row["dated"]:
            data["dated"] = json.loads(row["dated"])
        if row is not None and row["error_code"]:
            data["error"] = {"code": row["error_code"], "message": row["error_message"]}
        for table, key in _RECORD_ORDER.items():
            rows = self._rows(f"SELECT record FROM {table} WHERE doc_id = ? ORDER BY {key}", (doc_id,))
            data[table] = [json.loads(r[0]) for r in rows]
        return Result.from_dict(data)

    def versions(self, doc_id: str | None = None) -> list[DocumentVersion]:
        """Earlier texts of corrected documents (of one document), oldest first."""
        sql = "SELECT id, version, content_hash, text, published, title, url, replaced_at FROM versions"
        rows = self._rows(sql + " WHERE id = ? ORDER BY version", (doc_id,)) if doc_id else self._rows(
            sql + " ORDER BY id, version")
        return [DocumentVersion(*r) for r in rows]

    def quotes(self, *, document: str | None = None, speaker: str | None = None, limit: int | None = None,
               offset: int = 0) -> Page[StoredQuote]:
        """Quotes by document and position, with the text of their content."""
        where, args = ["1"], []
        for column, value in (("q.doc_id", document), ("q.speaker", speaker)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        cond = " AND ".join(where)
        total = self._count(f"SELECT count(*) FROM quotes q WHERE {cond}", args)
        rows = self._rows(
            "SELECT q.doc_id, q.idx, q.record, d.text FROM quotes q JOIN documents d ON d.id = q.doc_id"
            f" WHERE {cond} ORDER BY q.doc_id, q.idx LIMIT ? OFFSET ?", [*args, -1 if limit is None else limit, offset])
        items = []
        for doc, idx, record, text in rows:
            quote = Quote.from_dict(json.loads(record))
            start, end = quote.content_span
            items.append(StoredQuote(doc, idx, quote, text[start:end]))
        return Page(items, total, limit, offset)

    def document_heads(self, ids: list[str]) -> dict[str, DocumentHead]:
        """What names each of these documents (those that exist): title, source file and first line."""
        out: dict[str, DocumentHead] = {}
        for chunk in id_chunks(ids):
            sql = f"SELECT id, {HEAD_COLUMNS} FROM documents d WHERE id IN ({placeholders(chunk)})"
            for r in self._rows(sql, chunk):
                out[r[0]] = document_head(r[0], r[1:])
        return out

    def published_days(self) -> tuple[str | None, str | None]:
        """The first and last publication day of the stored documents."""
        row = self._rows("SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM documents"
                         " WHERE published IS NOT NULL")[0]
        return row[0], row[1]

    def speakers(self, doc_ids: list[str]) -> dict[tuple[str, str], Speaker]:
        """Every per-document entity of these documents with the ledger entity it became (name, code),
        keyed by (document, per-document entity id)."""
        out: dict[tuple[str, str], Speaker] = {}
        for chunk in id_chunks(doc_ids):
            rows = self._rows(
                "SELECT e.doc_id, e.id, s.ledger_id, coalesce(l.name, e.name), coalesce(l.code, e.code)"
                " FROM entities e LEFT JOIN ledger_entity_sources s ON s.doc_id = e.doc_id AND s.entity = e.id"
                f" LEFT JOIN ledger_entities l ON l.id = s.ledger_id WHERE e.doc_id IN ({placeholders(chunk)})", chunk)
            for r in rows:
                out[(r[0], r[1])] = Speaker(*r)
        return out

    def summary(self) -> Summary:
        """What the database holds: documents, the ledger's entities by kind, its merged events by type
        (with how many per-document reports they merge), its commitments by status, earlier versions."""
        one, counts = self._count, self._counts
        return Summary(
            documents=one("SELECT count(*) FROM documents"),
            failed_documents=one("SELECT count(*) FROM documents WHERE error_code IS NOT NULL"),
            failed_inputs=one("SELECT count(*) FROM failures"),
            entities_by_kind=counts("SELECT kind, count(*) FROM ledger_entities GROUP BY kind ORDER BY 2 DESC"),
            events_by_type=counts("SELECT type, count(*) FROM ledger_events GROUP BY type ORDER BY 2 DESC"),
            merged_events=one("SELECT count(*) FROM ledger_events"),
            event_reports=one("SELECT count(*) FROM events"),
            ledger_entities=one("SELECT count(*) FROM ledger_entities"),
            ledger_commitments=counts("SELECT status, count(*) FROM ledger_commitments GROUP BY status"
                                      " ORDER BY 2 DESC"),
            versions=one("SELECT count(*) FROM versions"),
            corrections=one("SELECT count(*) FROM corrections"),
            orphaned_corrections=one("SELECT count(*) FROM ledger_corrections WHERE state = 'orphaned'"),
        )

    def corrections(self, orphaned: bool = False) -> list[dict[str, Any]]:
        """The analysts' corrections with their state after the last rebuild (``marks.STATES``);
        only the orphaned ones (whose text is gone) when ``orphaned``."""
        return marks.correction_rows(self.conn, orphaned)

    def correction_marks(self) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """(ledger event id → marks, ledger commitment id → marks) of every corrected row: what a
        page or an API answer adds to a record (``corrected``, ``corrections``, ``machine``,
        ``analyst``; ``marks.marked`` adds them to a record's dictionary)."""
        return marks.event_marks(self.conn), marks.commitment_marks(self.conn)

    def correction_log(self) -> Iterator[dict[str, Any]]:
        """Every row of the corrections log as exported (``peacewatch corrections export``)."""
        from .corrections import log

        return log(self.conn)

    def _counts(self, sql: str) -> dict[str, int]:
        return {str(k): int(n) for k, n in self._rows(sql)}

    def export_rows(self, table: str, per_document: bool = False, machine: bool = False
                    ) -> Iterator[dict[str, Any]]:
        """The rows of an export table as contract-shaped dictionaries.

        ``events``, ``commitments`` and ``entities`` are the merged cross-document view (the
        contract's database export: stable entity ids, one event per real-world event with its
        ``mentions``); ``per_document`` gives the records as each document's extraction produced them.
        ``versions`` are the earlier texts of corrected documents. Events and commitments an analyst
        corrected carry ``corrected``, ``corrections`` and the ``machine``'s values; with ``machine``
        the merged view is the machine's alone, built in memory without the corrections.
        """
        if table not in EXPORT_TABLES:
            raise StoreError(f"unknown table {table!r}; choose one of {', '.join(EXPORT_TABLES)}", "E042")
        if table in MERGED and not per_document and machine and table != "agreements":
            yield from self._machine_rows(table)
        elif table in MERGED and (not per_document or table == "agreements"):  # no per-document agreements
            names = {"events": "ledger_events ORDER BY day, id",
                     "commitments": "ledger_commitments" + COMMITMENT_ORDER,
                     "entities": "ledger_entities ORDER BY id", "agreements": "ledger_agreements ORDER BY day, id"}
            found = {"events": marks.event_marks, "commitments": marks.commitment_marks}.get(table)
            by_id = found(self.conn) if found else {}
            rows = (marks.marked(json.loads(r[0]), by_id) for r in self._cursor(f"SELECT record FROM {names[table]}"))
            if table == "entities":  # kept in parts (``entity_parts``); the heads are few
                rows = (assemble(self._rows, r[0]) for r in self._rows(f"SELECT record FROM {names[table]}"))
            elif table == "commitments":
                # with its evidence chain: every report that made or moved it, with its sentence
                rows = ({**r, "evidence": [e.to_dict() for e in self.commitment_evidence(r["id"])]} for r in rows)
            elif table == "agreements":
                rows = ({**r, "provision_records": [c.to_dict() for c in self.provisions(Agreement.from_dict(r))]}
                        for r in rows)
            yield from rows
        elif table == "documents":
            for row in self._cursor(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id"):
                data = dict(row)
                data["extra"] = json.loads(data["extra"])
                yield data
        elif table == "versions":
            yield from (v.to_dict() for v in self.versions())
        else:
            for row in self._cursor(f"SELECT doc_id, record FROM {table} ORDER BY doc_id, rowid"):
                yield {"doc": row[0], **json.loads(row[1])}

    def _machine_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The merged view as the machine alone makes it (no correction applied), for evaluation."""
        from ..resolve import LedgerSettings, build_ledger
        from .ledger import stored_results, stored_span_texts

        meta = {str(r[0]): str(r[1]) for r in self._rows("SELECT key, value FROM ledger_meta")}
        settings = LedgerSettings.from_dict(json.loads(meta.get("settings") or "{}"))
        ledger = build_ledger(stored_results(self.conn), settings, stored_span_texts(self.conn))
        yield from (r.to_dict() for r in getattr(ledger, table))



# the columns of an exported document (a PostgreSQL table has its ``rowid`` besides)
_DOCUMENT_COLUMNS = "id, content_hash, text, published, url, title, extra, error_code, error_message, ingested_at"
