"""The read layer's queries of the ledger: merged events, commitments with their evidence chains,
agreements, processes and dyads, ledger entities, and the web API's look-ups of many events at once.
``reads.Reader`` is the class callers use."""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError
from ..resolve import Ledger, LedgerCommitment, LedgerEntity, MergedEvent
from ..resolve.dyads import DyadView, dyad_view, party_token
from ..resolve.records import Agreement
from ..types import Event
from .dialect import DatabaseErrors
from .entity_parts import assemble
from .event_query import EventQuery
from .read_base import (
    COMMITMENT_ORDER,
    HEAD_COLUMNS,
    UNKNOWN_DAY,
    ReaderBase,
    document_head,
    id_chunks,
    merged_event,
    placeholders,
)
from .rows import (
    AgreementView,
    CommitmentEvidence,
    DyadCount,
    EventDetail,
    Evidence,
    Page,
    ProcessView,
    Report,
)

# which pairs of the dyad index: of country codes, of ledger entities, or all
_PAIRS = {True: "a LIKE 'code:%' AND b LIKE 'code:%'", False: "a NOT LIKE 'code:%' AND b NOT LIKE 'code:%'",
          None: "1"}


class LedgerReads(ReaderBase):
    """Queries of the ledger tables (see ``reads``)."""

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
                          + COMMITMENT_ORDER, args)
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
        return Page([LedgerEntity.from_dict(assemble(self._rows, r[0])) for r in rows], total, limit, offset)

    def entity_names(self) -> dict[str, str]:
        """Ledger entity id → name."""
        return {r[0]: r[1] for r in self._rows("SELECT id, name FROM ledger_entities")}

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
        ids = json.dumps(sorted({e.id for e in view.events}))
        if ids == "[]":
            return []
        # chosen by the database, so that a request reads the dyad's commitments, not every one
        inside = "IN (SELECT value FROM json_each(?, '$'))"
        rows = self._rows("SELECT record FROM ledger_commitments c WHERE c.event " + inside
                          + " OR EXISTS (SELECT 1 FROM json_each(c.record, '$.fulfilled_by') f WHERE f.value "
                          + inside + ") OR EXISTS (SELECT 1 FROM json_each(c.record, '$.broken_by') k WHERE k.value "
                          + inside + ")" + COMMITMENT_ORDER, (ids, ids, ids))
        return [LedgerCommitment.from_dict(json.loads(r[0])) for r in rows]

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

    def reports(self, event_ids: list[str]) -> dict[str, list[Report]]:
        """Every report of these merged events: the per-document event and the sentence it was read in
        (cut out by SQLite, widened to hold the trigger), its sources oldest first."""
        out: dict[str, list[Report]] = {i: [] for i in event_ids}
        start = ("min(CAST(json_extract(r.record, '$.span[0]') AS INTEGER),"
                 " CAST(json_extract(r.record, '$.trigger_span[0]') AS INTEGER))")
        end = ("max(CAST(json_extract(r.record, '$.span[1]') AS INTEGER),"
               " CAST(json_extract(r.record, '$.trigger_span[1]') AS INTEGER))")
        for chunk in id_chunks(event_ids):
            rows = self._rows(
                f"SELECT m.ledger_event, r.record, {start}, substr(d.text, {start} + 1, {end} - {start}),"
                f" d.id, {HEAD_COLUMNS} FROM ledger_event_mentions m JOIN events r ON r.doc_id = m.doc_id"
                " AND r.id = m.event JOIN documents d ON d.id = m.doc_id"
                f" WHERE m.ledger_event IN ({placeholders(chunk)})"
                " ORDER BY m.ledger_event, coalesce(d.published, '9999'), d.id, r.rowid", chunk)
            for r in rows:
                event = Event.from_dict(json.loads(r[1]))
                out[r[0]].append(Report(r[0], event, r[3] or "", int(r[2] or 0), document_head(r[4], r[5:])))
        return out

    def events_by_id(self, ids: list[str]) -> dict[str, MergedEvent]:
        """The merged events with these ids (those that exist)."""
        out: dict[str, MergedEvent] = {}
        for chunk in id_chunks(ids):
            for r in self._rows(f"SELECT id, record FROM ledger_events WHERE id IN ({placeholders(chunk)})", chunk):
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

