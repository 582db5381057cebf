"""The read layer: every query the commands, the HTML report and the web API make, in one place.

A ``Reader`` opens the database read-only (``readonly``): it never creates, migrates or writes a
file, so reading works on read-only media and on someone else's file leaves it as it was. Results
are typed records: ``MergedEvent``, ``LedgerCommitment``, ``LedgerEntity`` of ``peacewatch.resolve``,
``Document``/``Result``/``Quote`` of ``peacewatch.types``, and the few row types below.

Threads: each thread gets its own read-only connection (made on its first query, from the URI the
first one was opened with); ``close`` closes them all. In WAL mode readers never block the writer,
and each query sees one consistent snapshot.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..resolve import Ledger, LedgerCommitment, LedgerEntity, MergedEvent
from ..resolve.dyads import DyadView, dyad_view, party_token
from ..resolve.records import Agreement, EventMention
from ..types import Argument, Document, Event, Quote, Result
from . import marks
from .dialect import Connection, DatabaseErrors
from .event_query import EventQuery
from .readonly import open_readonly, open_uri
from .rows import (
    AgreementView,
    CommitmentEvidence,
    DocumentHead,
    DocumentInfo,
    DocumentVersion,
    DyadCount,
    EventDetail,
    Evidence,
    Page,
    ProcessView,
    Report,
    Speaker,
    StoredQuote,
    Summary,
)

UNKNOWN_DAY = "9999-12-31"  # the timeline day of an undated merged event: ordering puts it last

EXPORT_TABLES = ("documents", "mentions", "entities", "timexes", "quotes", "events", "commitments", "versions",
                 "agreements")
MERGED = ("events", "commitments", "entities", "agreements")
_COMMITMENT_ORDER = " ORDER BY coalesce(made, '9999-12-31'), id"
_RECORD_ORDER = {"timexes": "idx", "mentions": "idx", "quotes": "idx", "entities": "rowid",
                 "events": "rowid", "commitments": "rowid"}


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
        conflicts=list(d.get("conflicts") or []),
    )


class Reader:
    """Read-only access to a peacewatch database (see the module's docstring)."""

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

    def __enter__(self) -> Reader:
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

    # documents ---------------------------------------------------------------------------------

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

    # the ledger --------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None, **filters: Any) -> Page[MergedEvent]:
        """Merged events matching an ``EventQuery`` (or its fields given as keywords), with the total."""
        query = query or EventQuery(**filters)
        where, args = query.where()
        total = self._count(f"SELECT count(*) FROM ledger_events e WHERE {where}", args)
        rows = self._rows(f"SELECT e.record FROM ledger_events e WHERE {where} ORDER BY {query.order()}"
                          " LIMIT ? OFFSET ?", [*args, -1 if query.limit is None else query.limit, query.offset])
        return Page([merged_event(json.loads(r[0])) for r in rows], total, query.limit, query.offset)

    def events_for_dyad(self, a: str, b: str, since: str | None = None, until: str | None = None,
                        type: str | None = None) -> list[MergedEvent]:  # noqa: A002 - the CLI option's name
        """The merged events of the dyad (a, b), in timeline order; a, b are codes or ledger entity ids.
        One range scan of the dyad index."""
        x, y = sorted((party_token(a), party_token(b)))
        sql = ("SELECT e.record FROM ledger_dyads d JOIN ledger_events e ON e.id = d.event_id"
               " WHERE d.a = ? AND d.b = ? AND d.day >= ? AND d.day <= ?")
        args: list[str] = [x, y, since or "0000-00-00", until or UNKNOWN_DAY]
        if type:
            sql += " AND d.type = ?"
            args.append(type)
        return [merged_event(json.loads(r[0])) for r in self._rows(sql + " ORDER BY d.day, d.event_id", args)]

    def event(self, event_id: str) -> EventDetail | None:
        """One merged event with the sentence and source of each of its reports."""
        rows = self._rows("SELECT record FROM ledger_events WHERE id = ?", (event_id,))
        if not rows:
            return None
        event = merged_event(json.loads(rows[0][0]))
        docs = {d.id: d for d in self.source_documents(sorted({m.doc for m in event.mentions}))}
        evidence = []
        for m in event.mentions:
            d = docs.get(m.doc)
            text = d.text if d else ""
            evidence.append(Evidence(m.doc, m.event, text[m.span[0]:m.span[1]],
                                     text[m.trigger_span[0]:m.trigger_span[1]], d.title if d else None,
                                     d.published if d else None, d.url if d else None))
        return EventDetail(event, evidence)

    def commitments(self, status: str | None = None, obligor: str | None = None) -> list[LedgerCommitment]:
        """Ledger commitments (of one status; of one obligor, a ledger entity id or a country code),
        oldest promise first."""
        where, args = ["1"], []
        if status:
            where.append("status = ?")
            args.append(status)
        if obligor:
            where.append("EXISTS (SELECT 1 FROM json_each(record, '$.obligor') o WHERE o.value = ? OR o.value IN"
                         " (SELECT id FROM ledger_entities WHERE code = ?))")
            args += [obligor, obligor.upper()]
        rows = self._rows(f"SELECT record FROM ledger_commitments WHERE {' AND '.join(where)}"
                          + _COMMITMENT_ORDER, args)
        return [LedgerCommitment.from_dict(json.loads(r[0])) for r in rows]

    def commitment(self, commitment_id: str) -> LedgerCommitment | None:
        """One ledger commitment by id."""
        rows = self._rows("SELECT record FROM ledger_commitments WHERE id = ?", (commitment_id,))
        return LedgerCommitment.from_dict(json.loads(rows[0][0])) if rows else None

    def commitment_evidence(self, commitment_id: str) -> list[CommitmentEvidence]:
        """A commitment's evidence chain in date order: each report of the promise (``made``), then
        each report of every act that carried it out, part of it, late, or broke it, with the
        sentence it was read in. Empty for an unknown id."""
        c = self.commitment(commitment_id)
        if c is None:
            return []
        links: list[tuple[str, str, str, str | None, str | None]] = []  # role, doc, event, ledger event, day
        for src in c.sources:
            rows = self._rows("SELECT json_extract(c.record, '$.event'), d.published FROM commitments c"
                              " JOIN documents d ON d.id = c.doc_id WHERE c.doc_id = ? AND"
                              " json_extract(c.record, '$.id') = ?", (src.doc, src.commitment))
            if rows:
                links.append(("made", src.doc, rows[0][0], c.event, (rows[0][1] or "")[:10] or c.made))
        roles = [("broken", c.broken_by), ("done late", c.late_by),
                 ("partly carried out" if c.partly_by else "carried out", c.fulfilled_by)]
        for role, ids in roles:
            for event_id in ids:
                rows = self._rows("SELECT record FROM ledger_events WHERE id = ?", (event_id,))
                if not rows:
                    continue
                event = merged_event(json.loads(rows[0][0]))
                for m in event.mentions:
                    links.append((role, m.doc, m.event, event.id, event.date or m.published))
        return self._evidence_rows(links)

    def _evidence_rows(self, links: list[tuple[str, str, str, str | None, str | None]]) -> list[CommitmentEvidence]:
        docs = {d.id: d for d in self.source_documents(sorted({doc for _, doc, _, _, _ in links}))}
        spans: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        for _, doc, event, _, _ in links:
            rows = self._rows("SELECT json_extract(record, '$.span'), json_extract(record, '$.trigger_span')"
                              " FROM events WHERE doc_id = ? AND json_extract(record, '$.id') = ?", (doc, event))
            if rows and rows[0][0]:
                spans[(doc, event)] = (json.loads(rows[0][0]), json.loads(rows[0][1] or "[0, 0]"))
        out = []
        for role, doc, event, ledger_event, when in links:
            d = docs.get(doc)
            text = d.text if d else ""
            span, trigger = spans.get((doc, event), ([0, 0], [0, 0]))
            out.append(CommitmentEvidence(role, doc, event, ledger_event, when, text[span[0]:span[1]],
                                          text[trigger[0]:trigger[1]], d.title if d else None,
                                          d.published if d else None, d.url if d else None))
        out.sort(key=lambda e: (e.day or "9999-12-31", e.role != "made", e.doc, e.event))
        return out

    def agreements(self, party: str | None = None) -> list[Agreement]:
        """The ledger's agreements in order (their day, then id); with ``party`` (a code or a ledger
        entity id) only those it signed or took part in as a third party."""
        rows = self._rows("SELECT record FROM ledger_agreements ORDER BY day, id")
        found = [Agreement.from_dict(json.loads(r[0])) for r in rows]
        if party is None:
            return found
        token = party_token(party)
        code = token[5:] if token.startswith("code:") else None
        codes = self.entity_codes() if code else {}
        return [a for a in found
                if any(p == token or p == code or codes.get(p) == code for p in a.signatories + a.third_parties)]

    def agreement(self, agreement_id: str) -> Agreement | None:
        """One agreement by id."""
        rows = self._rows("SELECT record FROM ledger_agreements WHERE id = ?", (agreement_id,))
        return Agreement.from_dict(json.loads(rows[0][0])) if rows else None

    def provisions(self, agreement: Agreement) -> list[LedgerCommitment]:
        """An agreement's provisions: its commitments with their status and implementation level."""
        found = [self.commitment(c) for c in agreement.provisions]
        return [c for c in found if c is not None]

    def process(self, a: str, b: str) -> ProcessView:
        """The process between two parties (codes or ledger entity ids): the agreements both take part
        in, in order, with their provisions; the commitments of the dyad and of those agreements,
        open and overdue first; the events of the dyad that happened, each with its source count."""
        mine = {x.id for x in self.agreements(a)}
        agreements = [AgreementView(x, self.provisions(x)) for x in self.agreements(b) if x.id in mine]
        view = self.timeline(a, b)
        found = {c.id: c for c in self.dyad_commitments(view)}
        found.update({c.id: c for x in agreements for c in x.provisions})
        rank = {"overdue": 0, "open": 1, "broken": 2, "fulfilled": 3}
        commitments = sorted(found.values(), key=lambda c: (rank.get(c.status, 4), c.made or "9999-12-31", c.id))
        timeline = [e for e in view.events if e.status in ("occurred", "historical")]
        return ProcessView(a, b, agreements, commitments, timeline)

    def entity_codes(self) -> dict[str, str]:
        """Ledger entity id → its country code (entities without one left out)."""
        return {r[0]: r[1] for r in self._rows("SELECT id, code FROM ledger_entities WHERE code IS NOT NULL")}

    def entities(self, *, kind: str | None = None, code: str | None = None, q: str | None = None,
                 limit: int | None = None, offset: int = 0) -> Page[LedgerEntity]:
        """Ledger entities by id (of one kind or code; ``q`` in the name)."""
        where, args = ["1"], []
        for column, value in (("kind", kind), ("code", code.upper() if code else None)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if q:
            where.append("instr(lower(name), lower(?)) > 0")
            args.append(q)
        cond = " AND ".join(where)
        total = self._count(f"SELECT count(*) FROM ledger_entities WHERE {cond}", args)
        rows = self._rows(f"SELECT record FROM ledger_entities WHERE {cond} ORDER BY id LIMIT ? OFFSET ?",
                          [*args, -1 if limit is None else limit, offset])
        return Page([LedgerEntity.from_dict(json.loads(r[0])) for r in rows], total, limit, offset)

    def entity_names(self) -> dict[str, str]:
        """Ledger entity id → name."""
        return {r[0]: r[1] for r in self._rows("SELECT id, name FROM ledger_entities")}

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

    def ledger_state(self) -> str:
        """``fresh``, ``stale`` or ``missing``: whether the ledger tables are up to date with the
        stored documents and the code that builds them (``store.ledger.ledger_state``, judged against
        the settings the ledger was built with; a reader cannot rebuild it)."""
        from .ledger import ledger_state

        try:
            return ledger_state(self.conn)
        except DatabaseErrors as e:
            raise StoreError(f"cannot read database {self.path}: {e}", "E040") from e

    def known_party(self, party: str) -> bool:
        """Whether ``party`` (a code or a ledger entity id, as the dyad commands take it) is in the
        ledger: the code or id of a ledger entity, or a side of a merged event."""
        token = party_token(party)
        if token.startswith("code:") and self._rows(
                "SELECT 1 FROM ledger_entities WHERE code = ? LIMIT 1", (token[5:],)):
            return True
        if self._rows("SELECT 1 FROM ledger_entities WHERE id = ? LIMIT 1", (token,)):
            return True
        return any(self._rows(f"SELECT 1 FROM ledger_dyads WHERE {side} = ? LIMIT 1", (token,))
                   for side in ("a", "b"))

    def timeline(self, a: str, b: str) -> DyadView:
        """The dyad's timeline, weekly and monthly aggregates and negotiation record."""
        return dyad_view(self.events_for_dyad(a, b), a, b)

    def dyad_commitments(self, view: DyadView) -> list[LedgerCommitment]:
        """Commitments whose promise, or the events that decided them, are in the dyad."""
        ids = {e.id for e in view.events}
        return [c for c in self.commitments()
                if c.event in ids or set(c.fulfilled_by) & ids or set(c.broken_by) & ids]

    def load_ledger(self) -> Ledger:
        """The whole stored ledger as records (for export and tests)."""
        meta = {r[0]: r[1] for r in self._rows("SELECT key, value FROM ledger_meta")}
        return Ledger(
            as_of=meta.get("as_of") or None,
            documents=[r[0] for r in self._rows("SELECT id FROM documents WHERE error_code IS NULL ORDER BY id")],
            entities=self.entities().items,
            events=[merged_event(json.loads(r[0]))
                    for r in self._rows("SELECT record FROM ledger_events ORDER BY day, id")],
            commitments=self.commitments(),
            agreements=self.agreements(),
        )

    # the web API: names, sentences and counts for many rows at once --------------------------

    def document_heads(self, ids: list[str]) -> dict[str, DocumentHead]:
        """What names each of these documents (those that exist): title, source file and first line."""
        out: dict[str, DocumentHead] = {}
        for chunk in _chunks(ids):
            for r in self._rows(f"SELECT id, {_HEAD} FROM documents d WHERE id IN ({_marks(chunk)})", chunk):
                out[r[0]] = _head(r[0], r[1:])
        return out

    def reports(self, event_ids: list[str]) -> dict[str, list[Report]]:
        """Every report of these merged events: the per-document event and the sentence it was read in
        (cut out by SQLite, widened to hold the trigger), its sources oldest first."""
        out: dict[str, list[Report]] = {i: [] for i in event_ids}
        start = ("min(CAST(json_extract(r.record, '$.span[0]') AS INTEGER),"
                 " CAST(json_extract(r.record, '$.trigger_span[0]') AS INTEGER))")
        end = ("max(CAST(json_extract(r.record, '$.span[1]') AS INTEGER),"
               " CAST(json_extract(r.record, '$.trigger_span[1]') AS INTEGER))")
        for chunk in _chunks(event_ids):
            rows = self._rows(
                f"SELECT m.ledger_event, r.record, {start}, substr(d.text, {start} + 1, {end} - {start}),"
                f" d.id, {_HEAD} FROM ledger_event_mentions m JOIN events r ON r.doc_id = m.doc_id"
                " AND r.id = m.event JOIN documents d ON d.id = m.doc_id"
                f" WHERE m.ledger_event IN ({_marks(chunk)})"
                " ORDER BY m.ledger_event, coalesce(d.published, '9999'), d.id, r.rowid", chunk)
            for r in rows:
                event = Event.from_dict(json.loads(r[1]))
                out[r[0]].append(Report(r[0], event, r[3] or "", int(r[2] or 0), _head(r[4], r[5:])))
        return out

    def events_by_id(self, ids: list[str]) -> dict[str, MergedEvent]:
        """The merged events with these ids (those that exist)."""
        out: dict[str, MergedEvent] = {}
        for chunk in _chunks(ids):
            for r in self._rows(f"SELECT id, record FROM ledger_events WHERE id IN ({_marks(chunk)})", chunk):
                out[r[0]] = merged_event(json.loads(r[1]))
        return out

    def top_dyads(self, limit: int = 10, *, countries: bool | None = None, offset: int = 0) -> list[DyadCount]:
        """The pairs of parties with the most merged events, with their first and last days: pairs of
        country codes (``countries=True``), of ledger entities (``False``: people, organizations,
        states by their entity ids), or both (None)."""
        rows = self._rows(
            f"SELECT a, b, count(*), min(day), max(CASE WHEN day < '{UNKNOWN_DAY}' THEN day END) FROM ledger_dyads"
            f" WHERE {_PAIRS[countries]} GROUP BY a, b ORDER BY 3 DESC, a, b LIMIT ? OFFSET ?", (limit, offset))
        return [DyadCount(r[0], r[1], int(r[2]), r[3] if r[3] != UNKNOWN_DAY else None, r[4]) for r in rows]

    def dyad_count(self, *, countries: bool | None = None) -> int:
        """How many pairs of parties ``top_dyads`` can list."""
        return self._count(f"SELECT count(*) FROM (SELECT 1 FROM ledger_dyads WHERE {_PAIRS[countries]}"
                           " GROUP BY a, b) pairs")

    def event_days(self) -> tuple[str | None, str | None]:
        """The first and last timeline day of the dated merged events."""
        row = self._rows(f"SELECT min(day), max(day) FROM ledger_events WHERE day < '{UNKNOWN_DAY}'")[0]
        return row[0], row[1]

    def published_days(self) -> tuple[str | None, str | None]:
        """The first and last publication day of the stored documents."""
        row = self._rows("SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM documents"
                         " WHERE published IS NOT NULL")[0]
        return row[0], row[1]

    def speakers(self, doc_ids: list[str]) -> dict[tuple[str, str], Speaker]:
        """Every per-document entity of these documents with the ledger entity it became (name, code),
        keyed by (document, per-document entity id)."""
        out: dict[tuple[str, str], Speaker] = {}
        for chunk in _chunks(doc_ids):
            rows = self._rows(
                "SELECT e.doc_id, e.id, s.ledger_id, coalesce(l.name, e.name), coalesce(l.code, e.code)"
                " FROM entities e LEFT JOIN ledger_entity_sources s ON s.doc_id = e.doc_id AND s.entity = e.id"
                f" LEFT JOIN ledger_entities l ON l.id = s.ledger_id WHERE e.doc_id IN ({_marks(chunk)})", chunk)
            for r in rows:
                out[(r[0], r[1])] = Speaker(*r)
        return out

    # summary and export ------------------------------------------------------------------------

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

    # corrections ------------------------------------------------------------------------------

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
                     "commitments": "ledger_commitments" + _COMMITMENT_ORDER,
                     "entities": "ledger_entities ORDER BY id", "agreements": "ledger_agreements ORDER BY day, id"}
            found = {"events": marks.event_marks, "commitments": marks.commitment_marks}.get(table)
            by_id = found(self.conn) if found else {}
            rows = (marks.marked(json.loads(r[0]), by_id) for r in self._cursor(f"SELECT record FROM {names[table]}"))
            if table == "commitments":
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

    def _cursor(self, sql: str) -> Iterator[Any]:
        try:
            yield from self.conn.execute(sql)
        except DatabaseErrors as e:
            raise StoreError(f"cannot read database {self.path}: {e}", "E040") from e


# the columns of an exported document (a PostgreSQL table has its ``rowid`` besides)
_DOCUMENT_COLUMNS = "id, content_hash, text, published, url, title, extra, error_code, error_message, ingested_at"

# which pairs of the dyad index: of country codes, of ledger entities, or all
_PAIRS = {True: "a LIKE 'code:%' AND b LIKE 'code:%'", False: "a NOT LIKE 'code:%' AND b NOT LIKE 'code:%'",
          None: "1"}

# what names a document: its title, the file it was read from, its first 200 characters
_HEAD = ("d.title, json_extract(d.extra, '$.ingest.source'), substr(d.text, 1, 200), d.published, d.url")


def _head(doc_id: str, r: Any) -> DocumentHead:
    source = r[1] if isinstance(r[1], str) else None
    first = next((line.strip() for line in (r[2] or "").splitlines() if line.strip()), "")
    return DocumentHead(doc_id, r[0], source, first, r[3], r[4])


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _marks(chunk: list[str]) -> str:
    return ", ".join("?" * len(chunk))
