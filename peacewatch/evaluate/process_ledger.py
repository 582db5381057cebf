"""The ledger that ``eval process`` scores: the dev corpus ingested, and its exports read back.

``corpus_documents`` gives the articles beside the process gold as documents, ``ingest_corpus`` stores
them and resolves the ledger, and ``ledger_of`` reads its events, commitments and entities back as a
``Ledger`` (``load_ledger``: every party as the codes the scorer compares, ``code``/``codes``) with the
per-document reports the miss classes read (``report_rows``), each document's own promises with
where their ``made`` came from (``promise_rows``, ``made_source``), and each document's sentences with
the parties they name (``sentence_rows``) and its time expressions' values (``timex_rows``). The
classes of missed and wrong commitments that read them are ``process_commitment_misses``; the scoring
itself is ``process``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config, LedgerSettings
from ..errors import EvalError
from ..types import Document, Event
from .docs import article_texts
from .process_misses import ARTICLE_DAYS, Resolved, resolved_reports


@dataclass
class Ledger:
    """The exported ledger as the scorer sees it: events and commitments with their codes."""

    events: list[dict[str, Any]]
    commitments: list[dict[str, Any]]
    # per document, its own event reports as the scorer sees them (``report_rows``): for the miss classes
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # per document, its own promises (``promise_rows``): for the source of a ``made`` miss
    promises: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # per document, its sentences with the codes of the parties they name (``sentence_rows``)
    sentences: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    # per document, the values of its time expressions with its day (``timex_rows``)
    timexes: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    # per document, where its day comes from (``day_rows``): one of ``process_misses.ARTICLE_DAYS``
    days: dict[str, str] = field(default_factory=dict)
    # the reports as the ledger merges them (``process_misses.Resolved``), when ``ledger_of`` had settings
    resolved: Resolved | None = None


def code(value: Any) -> str | None:
    """A code as the scorer compares it: upper case, every IGO code one ``IGO``."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip().upper()
    return "IGO" if value.startswith("IGO") else value


def codes(values: Any) -> frozenset[str]:
    return frozenset(c for c in (code(v) for v in values or []) if c)


def load_ledger(events: list[dict[str, Any]], commitments: list[dict[str, Any]],
                entities: list[dict[str, Any]]) -> Ledger:
    """The exports of ``events``, ``commitments`` and ``entities`` with every party as codes: an
    entity id counts every code it carries in the entities export and in the events' arguments."""
    seen: dict[str, set[str]] = {}
    exported = {e["id"]: code(e.get("code")) for e in entities}
    for e in entities:
        seen.setdefault(e["id"], set()).update(codes([e.get("code")]))
    evs = []
    for r in events:
        sides = []
        for key in ("actor", "recipient"):
            side = set()
            for item in r.get(key) or []:
                # as the shared scorer: the item's own code, else its entity's (the entities export);
                # else, stably, a code seen for it (not whichever a set gives first: that varied by run)
                entity = item.get("entity") or ""
                c = code(item.get("code")) or exported.get(entity) or min(seen.get(entity, ()), default=None)
                if c:
                    side.add(c)
                    seen.setdefault(item.get("entity") or "", set()).add(c)
            sides.append(frozenset(side))
        evs.append({"id": r["id"], "type": r["type"], "mode": r.get("mode"), "status": r.get("status"),
                    "actor": sides[0], "recipient": sides[1],
                    "codes": sides[0] | sides[1], "date": r.get("date"), "anchor": r.get("first_reported"),
                    "docs": frozenset(str(m["doc"]) for m in r.get("mentions") or [] if m.get("doc"))})
    by_id = {e["id"]: e for e in evs}
    coms = []
    for r in commitments:
        obligor, beneficiary = (frozenset().union(*[seen.get(x, codes([x])) for x in r.get(k) or []])
                                for k in ("obligor", "beneficiary"))
        event = by_id.get(r.get("event") or "")
        if not obligor and event is not None:
            obligor = event["actor"]
        action = r.get("action") or {}
        coms.append({"id": r["id"], "type": action.get("type"), "mode": mode_of(action.get("mode")),
                     "obligor": obligor, "beneficiary": beneficiary, "made": r.get("made"),
                     "status": r.get("status"), "fulfilled_by": list(r.get("fulfilled_by") or []),
                     "broken_by": list(r.get("broken_by") or []),
                     "fulfilled_on": r.get("fulfilled_on"), "anchor": event["anchor"] if event else None,
                     "due": r.get("due"), "until": action.get("until"),
                     "docs": frozenset(str(x["doc"]) for x in r.get("sources") or [] if x.get("doc"))})
    return Ledger(evs, coms)


def mode_of(value: Any) -> str | None:
    """A mode as the scorer compares it: stripped, lower case, or None when empty."""
    return value.strip().lower() if isinstance(value, str) and value.strip() else None


def corpus_documents(gold_file: Path, limit: int | None = None) -> list[Document]:
    """The corpus beside the gold as documents, published on the corpus ``date``."""
    docs = [Document(id=i, text=a["text"], published=day_of(a.get("date")), url=a.get("url"),
                     title=a.get("title")) for i, a in article_texts(gold_file).items()]
    return docs[:limit] if limit is not None else docs


def day_of(value: Any) -> str | None:
    """The ISO day a date value starts with, or None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def ingest_corpus(db: Path, documents: list[Document], config: Config) -> None:
    """Store the documents not yet in ``db`` and bring its ledger up to date. No document is given up
    for time (``document_timeout`` 0): on a loaded machine a long article could pass the limit and
    leave the gold with a document less, so the figures would depend on the machine's load.

    A database given again is only reused when the same code, data and settings made it (``code_stamp``,
    kept beside it in ``<db>.stamp``): a stored document is never extracted again, so a database of
    another version would be scored with that version's events under this version's name (E052)."""
    from ..flow import extract_pairs, resolve
    from ..store.sqlite import Store

    config = dataclasses.replace(config, document_timeout=0)
    stamp, stamp_file = code_stamp(config), db.with_name(db.name + ".stamp")
    if db.exists() and (not stamp_file.exists() or stamp_file.read_text(encoding="utf-8").strip() != stamp):
        raise EvalError(f"{db} holds extractions of another version of the code, data or settings (or of"
                        f" unknown origin): remove it or give a new --db", "E052")
    with Store(db) as store:
        for result, document in extract_pairs(store.only_new(documents), config):
            store.save(document, result)
        resolve(store, config)
    stamp_file.write_text(stamp + "\n", encoding="utf-8")


def code_stamp(config: Config) -> str:
    """A digest of what makes a stored extraction: every file of the package (its code, tables and
    model, byte for byte, by path) and the settings that can change what is read (not where the
    database is, how many workers read, or how large their batches are)."""
    root = Path(__file__).resolve().parents[1]
    settings = dataclasses.replace(config, db="", workers=1, batch_size=1, document_timeout=0)
    digest = hashlib.sha256(repr(settings).encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def ledger_of(db: Path, settings: LedgerSettings | None = None) -> Ledger:
    """The ledger of ``db`` as the scorer reads it (with ``settings``, ``Ledger.resolved`` too)."""
    from ..store.reads import Reader

    reader = Reader(db)
    try:
        ledger = load_ledger(*(list(reader.export_rows(t)) for t in ("events", "commitments", "entities")))
        ledger.reports = report_rows(reader, [e["id"] for e in ledger.events])
        docs = list(stored(reader, [d.id for d in reader.documents().items]))  # each document read once
        ledger.promises = promise_rows(docs)
        ledger.sentences = sentence_rows(docs)
        ledger.timexes = timex_rows(docs)
        ledger.days = day_rows(docs)
        if settings is not None:
            ledger.resolved = resolved_reports([result for _id, _doc, result, _codes in docs], settings)
        return ledger
    finally:
        reader.close()


def report_rows(reader: Any, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every per-document report of the ledger events, by document, as the scorer sees it: its type,
    status, mode, date (with its publication day as anchor), the codes of its parties (an argument's
    own, else its ledger entity's) and the ledger event it is in."""
    reports = reader.reports(event_ids)
    speakers = reader.speakers(sorted({r.document.id for rows in reports.values() for r in rows}))
    out: dict[str, list[dict[str, Any]]] = {}
    for ledger_id, rows in reports.items():
        for r in rows:
            doc, ev = r.document.id, r.event
            found = [a.code or getattr(speakers.get((doc, a.entity or "")), "code", None)
                     for a in ev.actor + ev.recipient]
            out.setdefault(doc, []).append({"type": ev.type, "status": ev.status, "mode": ev.mode,
                                            "codes": codes(found), "date": ev.date, "anchor": r.document.published,
                                            "ledger": ledger_id, "event": ev.id})
    return out


# A stored document as the row functions read it: its id, the document, its result and its entities' codes
# by id (``stored``).
Stored = tuple[str, Document, Any, dict[str, str | None]]


def stored(reader: Any, doc_ids: list[str]) -> Iterator[Stored]:
    """Each stored document of ``doc_ids`` with its result and its entities' codes by id (a document the
    store does not hold is passed over)."""
    for doc_id in doc_ids:
        found = reader.document(doc_id)
        if found is not None:
            document, result = found
            yield doc_id, document, result, {e.id: e.code for e in result.entities}


def promise_rows(docs: list[Stored]) -> dict[str, list[dict[str, Any]]]:
    """Per document, its own (per-document) promises as the scorer sees them: the act's type, the
    obligors' codes, ``made``, the document's day as ``anchor`` (its publication date, else the day
    inferred from its text) and where ``made`` came from (``made_source``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for doc_id, document, result, entity_codes in docs:
        events = {e.id: e for e in result.events}
        anchor = document.published or (result.dated.day if result.dated is not None else None)
        out[doc_id] = [{"type": c.action.get("type"), "obligor": codes([entity_codes.get(o) for o in c.obligor]),
                        "made": c.made, "anchor": anchor, "from": made_source(c.made, events.get(c.event), anchor)}
                       for c in result.commitments]
    return out


def made_source(made: str | None, event: Event | None, anchor: str | None) -> str:
    """Where a per-document promise's ``made`` came from (``extract/commitments``): ``stated``, the
    date of its own event, from a time expression in the event's sentence; ``inherited``, its event's
    date carried over from another sentence, or the day of the agreement its document reports (a
    provision); ``publication``, the document's day; ``none``."""
    if not made:
        return "none"
    if event is not None and event.date and made == event.date:
        own = event.date_span is not None and event.span[0] <= event.date_span[0] < event.span[1]
        return "stated" if own else "inherited"
    return "publication" if anchor and made[:10] == anchor[:10] else "inherited"


def timex_rows(docs: list[Stored]) -> dict[str, list[tuple[str, str | None]]]:
    """Per document, the value of each of its time expressions with the document's day (its
    publication date, else the day inferred from its text): what a relative value is read from."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for doc_id, document, result, _codes in docs:
        day = document.published or (result.dated.day if result.dated is not None else None)
        out[doc_id] = [(t.value, day) for t in result.timexes if t.value]
    return out


def day_rows(docs: list[Stored]) -> dict[str, str]:
    """Per document, where its day comes from (``process_misses.ARTICLE_DAYS``): its publication date,
    a full day its text gave (``Result.dated``, from ``extract/dating.py``), or none (no day, or a day
    without its year)."""
    published, from_text, none = ARTICLE_DAYS
    out = {}
    for doc_id, document, result, _codes in docs:
        inferred = result.dated is not None and result.dated.day[:1].isdigit()
        out[doc_id] = published if document.published else from_text if inferred else none
    return out


SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")


def sentence_rows(docs: list[Stored]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Per document, each sentence (lower case, cut at sentence ends and line breaks) with the codes of
    the parties its entity mentions name."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for doc_id, document, result, entity_codes in docs:
        rows, start = [], 0
        for cut in [*SENTENCE_END.finditer(document.text), None]:
            end = cut.start() if cut is not None else len(document.text)
            named = codes([entity_codes.get(m.entity) for m in result.mentions if start <= m.start < end])
            rows.append((document.text[start:end].lower(), named))
            start = cut.end() if cut is not None else end
        out[doc_id] = rows
    return out
