"""Records as the API and the dashboard show them: one builder per kind of row, each giving the JSON
item of the API (the record as the contract has it, with names and sources beside it) and the flat
row of its CSV. The pages render the same items, so what a table shows is what its CSV holds."""

from __future__ import annotations

from typing import Any

from ...resolve import LedgerCommitment, LedgerEntity, MergedEvent
from ...resolve.dyads import NegotiationStep, PeriodStats, timeline_day
from ...store.export import GEO_COLUMNS, geo_columns
from ...store.reads import Reader
from ...store.rows import DocumentHead, DocumentInfo, DyadCount, Report, Speaker, StoredQuote
from ..present import (
    action_text,
    beneficiaries,
    doc_title,
    marked_sentence,
    mutual,
    party_name,
    quantity_text,
    safe_url,
    who,
)


def source_item(report: Report) -> dict[str, Any]:
    """One report of an event: where (document, title, date, link) and the sentence, with its marks."""
    head = report.document
    return {
        "doc": head.id, "event": report.event.id, "title": doc_title(head), "published": head.published,
        "url": head.url, "link": safe_url(head.url), "sentence": report.sentence, "start": report.start,
        "pieces": [{"text": p.text, "role": p.role} for p in marked_sentence(report)],
    }


def event_item(event: MergedEvent, reports: list[Report], names: dict[str, str]) -> dict[str, Any]:
    day = timeline_day(event)
    return {
        **event.to_dict(), "day": day.isoformat() if day else None,
        "actor_names": who(event.actor, names), "recipient_names": who(event.recipient, names),
        "quantity_text": quantity_text(event.quantity), "sources": [source_item(r) for r in reports],
    }


EVENT_COLUMNS = ["id", "day", "type", "mode", "status", "actor", "actor_codes", "recipient", "recipient_codes",
                 "location", "quantity", "score", "quad", "reports", "first_reported", "sentence", "source",
                 "source_url", *GEO_COLUMNS]


def event_row(item: dict[str, Any]) -> dict[str, Any]:
    first = item["sources"][0] if item["sources"] else {}
    location = item.get("location") or {}
    return {
        "id": item["id"], "day": item["day"], "type": item["type"], "mode": item["mode"], "status": item["status"],
        "actor": item["actor_names"], "actor_codes": _codes(item["actor"]), "recipient": item["recipient_names"],
        "recipient_codes": _codes(item["recipient"]), "location": location.get("name"),
        "quantity": item["quantity_text"], "score": item["score"], "quad": item["quad"],
        "reports": len(item["mentions"]), "first_reported": item["first_reported"],
        "sentence": first.get("sentence"), "source": first.get("title"), "source_url": first.get("url"),
        **geo_columns(item),
    }


def _codes(args: list[dict[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(a["code"] for a in args if a.get("code")))


def event_items(reader: Reader, events: list[MergedEvent], names: dict[str, str]) -> list[dict[str, Any]]:
    reports = reader.reports([e.id for e in events])
    return [event_item(e, reports.get(e.id, []), names) for e in events]


def commitment_items(reader: Reader, commitments: list[LedgerCommitment],
                     names: dict[str, str]) -> list[dict[str, Any]]:
    """Commitments with what was promised: the promised act's sentence and source, named parties, and
    the events that decided them (each with its sentence)."""
    decided = sorted({i for c in commitments for i in (c.event, *c.fulfilled_by, *c.broken_by) if i})
    reports = reader.reports(decided)
    events = reader.events_by_id(decided)
    return [_commitment(c, reports, events, names) for c in commitments]


def _commitment(c: LedgerCommitment, reports: dict[str, list[Report]], events: dict[str, MergedEvent],
                names: dict[str, str]) -> dict[str, Any]:
    said = [source_item(r) for r in reports.get(c.event or "", [])]
    to = "each other" if mutual(c) else ", ".join(names.get(b, b) for b in beneficiaries(c)) or "–"

    def evidence(ids: list[str]) -> list[dict[str, Any]]:
        return [{"event": i, "type": events[i].type if i in events else None,
                 "day": _day(events.get(i)), "sources": [source_item(r) for r in reports.get(i, [])]} for i in ids]

    return {
        **c.to_dict(), "promise": action_text(c), "sentence": said[0]["sentence"] if said else None,
        "promise_sources": said, "obligor_names": ", ".join(names.get(o, o) for o in c.obligor) or "–",
        "beneficiary_names": to, "fulfilled": evidence(c.fulfilled_by), "broken": evidence(c.broken_by),
    }


def _day(event: MergedEvent | None) -> str | None:
    day = timeline_day(event) if event else None
    return day.isoformat() if day else None


COMMITMENT_COLUMNS = ["id", "made", "due", "status", "obligor", "beneficiary", "promise", "sentence", "source",
                      "source_url", "fulfilled_by", "broken_by", "why"]


def commitment_row(item: dict[str, Any]) -> dict[str, Any]:
    first = item["promise_sources"][0] if item["promise_sources"] else {}
    return {
        "id": item["id"], "made": item["made"], "due": item["due"], "status": item["status"],
        "obligor": item["obligor_names"], "beneficiary": item["beneficiary_names"], "promise": item["promise"],
        "sentence": item["sentence"], "source": first.get("title"), "source_url": first.get("url"),
        "fulfilled_by": "; ".join(item["fulfilled_by"]), "broken_by": "; ".join(item["broken_by"]), "why": item["why"],
    }


def document_items(reader: Reader, docs: list[DocumentInfo]) -> list[dict[str, Any]]:
    heads = reader.document_heads([d.id for d in docs])
    return [{**d.to_dict(), "label": doc_title(heads.get(d.id), d.id), "link": safe_url(d.url)} for d in docs]


DOCUMENT_COLUMNS = ["id", "label", "title", "published", "url", "error_code", "error_message", "versions",
                    "ingested_at"]


def head_item(head: DocumentHead) -> dict[str, Any]:
    return {**head.to_dict(), "label": doc_title(head), "link": safe_url(head.url)}


def entity_item(entity: LedgerEntity) -> dict[str, Any]:
    """An entity without its long lists (how many mentions and sources it has instead)."""
    data = entity.to_dict()
    data["mentions"], data["sources"] = len(entity.mentions), len(entity.sources)
    return data


ENTITY_COLUMNS = ["id", "name", "kind", "code", "sector", "role", "wikidata", "mentions", "sources"]


def quote_items(reader: Reader, quotes: list[StoredQuote]) -> list[dict[str, Any]]:
    speakers = reader.speakers(sorted({q.doc for q in quotes}))
    heads = reader.document_heads(sorted({q.doc for q in quotes}))
    return [_quote(q, speakers, heads) for q in quotes]


def _quote(q: StoredQuote, speakers: dict[tuple[str, str], Speaker],
           heads: dict[str, DocumentHead]) -> dict[str, Any]:
    speaker = speakers.get((q.doc, q.quote.speaker or ""))
    return {
        "doc": q.doc, "index": q.index, "title": doc_title(heads.get(q.doc), q.doc), "content": q.content,
        "direct": q.quote.direct, "speaker": q.quote.speaker, "speaker_name": speaker.name if speaker else None,
        "speaker_code": speaker.code if speaker else None, "speaker_entity": speaker.ledger_id if speaker else None,
        "quote": q.quote.to_dict(),
    }


QUOTE_COLUMNS = ["doc", "index", "title", "speaker_name", "speaker_code", "speaker_entity", "direct", "content"]


PERIOD_COLUMNS = ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                  "material_conflict", "score_sum", "score_mean"]


def period_row(p: PeriodStats) -> dict[str, Any]:
    return {"period": p.period, "events": p.events, **{q: p.quads.get(q, 0) for q in PERIOD_COLUMNS[2:6]},
            "score_sum": p.score_sum, "score_mean": p.score_mean}


STEP_COLUMNS = ["day", "kind", "type", "event", "actors", "side", "days_since_previous", "answers", "days_to_answer"]


def step_row(step: NegotiationStep) -> dict[str, Any]:
    return {**step.to_dict(), "actors": "; ".join(step.actors)}


def names_of(reader: Reader) -> dict[str, str]:
    """Ledger entity id → name, and ``code:XXX`` → the name of that state when the ledger has one."""
    names = reader.entity_names()
    return names | {f"code:{k[6:]}": v for k, v in names.items() if k.startswith("state:")}


def party(token: str, names: dict[str, str]) -> str:
    return party_name(token, names)


DYAD_COLUMNS = ["a", "b", "a_name", "b_name", "events", "first", "last"]


def dyad_rows(dyads: list[DyadCount], names: dict[str, str]) -> list[tuple[DyadCount, str, str]]:
    """Pairs with their parties' names, leaving out a party paired with itself under two names (a
    state's code and its entity id)."""
    rows = [(d, party(d.a, names), party(d.b, names)) for d in dyads]
    return [(d, a, b) for d, a, b in rows if a != b]
