"""The ledger that ``eval process`` scores: the dev corpus ingested, and its exports read back.

``corpus_documents`` gives the articles beside the process gold as documents, ``ingest_corpus`` stores
them and resolves the ledger, and ``ledger_of`` reads its events, commitments and entities back as a
``Ledger`` (``load_ledger``: every party as the codes the scorer compares, ``code``/``codes``) with the
per-document reports the miss classes read (``report_rows``) and each document's own promises with
where their ``made`` came from (``promise_rows``, ``made_source``), and each document's sentences with
the parties they name (``sentence_rows``), by which a missed commitment is told stated or not
(``stated_miss``); a ``made`` miss is also counted by how its articles tell the act (``act_told``) and
where the nearest ledger promise of it lies (``nearest_promise``), and a gold broken commitment the
ledger leaves unbroken by what stops its obligors' contrary acts (``breach_evidence``). The scoring
itself is ``process``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config, LedgerSettings
from ..types import Document, Event
from .docs import article_texts
from .process_misses import Resolved, resolved_reports


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
                     "due": r.get("due"), "until": action.get("until")})
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
    leave the gold with a document less, so the figures would depend on the machine's load."""
    from ..flow import extract_pairs, resolve
    from ..store.sqlite import Store

    config = dataclasses.replace(config, document_timeout=0)
    with Store(db) as store:
        for result, document in extract_pairs(store.only_new(documents), config):
            store.save(document, result)
        resolve(store, config)


def ledger_of(db: Path, settings: LedgerSettings | None = None) -> Ledger:
    """The ledger of ``db`` as the scorer reads it (with ``settings``, ``Ledger.resolved`` too)."""
    from ..store.reads import Reader

    reader = Reader(db)
    try:
        ledger = load_ledger(*(list(reader.export_rows(t)) for t in ("events", "commitments", "entities")))
        ledger.reports = report_rows(reader, [e["id"] for e in ledger.events])
        doc_ids = [d.id for d in reader.documents().items]
        ledger.promises = promise_rows(reader, doc_ids)
        ledger.sentences = sentence_rows(reader, doc_ids)
        if settings is not None:
            ledger.resolved = resolved_reports([reader.result(d) for d in doc_ids], settings)
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


# The prefix of the counts of gold commitments missed, by why (``commitment_miss``).
COMMITMENT_MISS_KEY = "commitment missed:"


def stored(reader: Any, doc_ids: list[str]) -> Iterator[tuple[str, Document, Any, dict[str, str | None]]]:
    """Each stored document of ``doc_ids`` with its result and its entities' codes by id (a document the
    store does not hold is passed over)."""
    for doc_id in doc_ids:
        found = reader.document(doc_id)
        if found is not None:
            document, result = found
            yield doc_id, document, result, {e.id: e.code for e in result.entities}


def promise_rows(reader: Any, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per document, its own (per-document) promises as the scorer sees them: the act's type, the
    obligors' codes, ``made``, the document's day as ``anchor`` (its publication date, else the day
    inferred from its text) and where ``made`` came from (``made_source``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for doc_id, document, result, entity_codes in stored(reader, doc_ids):
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


# The prefix of the counts of ``made`` misses by where the date of the nearest promise of the gold
# commitment's own articles came from (``made_miss``); NO_PROMISE when its articles hold none.
MADE_FROM_KEY = "made from:"
NO_PROMISE = "no promise"


def made_miss(g: dict[str, Any], ledger: Ledger, made_gap: Any, compatible: Any) -> tuple[str, list[str]]:
    """For a gold commitment missed as ``made``: where the date of the nearest promise of its act by a
    gold obligor in the gold's own articles came from (``made_source``), else ``NO_PROMISE``, and a
    line per such promise (article, ``made``, source, days off the gold ``made``)."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]
    found = [(doc, p) for doc in sorted(g.get("docs") or []) for p in ledger.promises.get(doc, [])
             if p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor]
    if not found:
        return NO_PROMISE, []
    nearest = min(found, key=lambda dp: (made_gap(dp[1]) is None, made_gap(dp[1]) or 0))
    lines = [f"{doc} made {p['made']} ({p['from']}, {made_gap(p)} days off)" for doc, p in found]
    return nearest[1]["from"], lines


# The prefix of the counts of wrong statuses, by what decided the ledger's (``decided_by``).
DECIDED_KEY = "status decided:"


def commitment_miss(g: dict[str, Any], commitments: list[dict[str, Any]], made_gap: Any, compatible: Any) -> str:
    """Why no ledger commitment finds a gold one, by the nearest thing the ledger has: ``made`` (a
    promise of a compatible act by a gold obligor, made more than seven days off or undated),
    ``obligor`` (a compatible act made within seven days, bound on other parties), ``type`` (a gold
    obligor's promise of that week, of another act), else ``none`` (no promise of that week and act
    by anyone). ``made_gap(commitment)`` is its distance in days from the gold ``made``, or None."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]

    def near(p: dict[str, Any]) -> bool:
        gap = made_gap(p)
        return gap is not None and gap <= 7

    typed = [p for p in commitments if p["type"] and compatible(p["type"], kind)]
    if any(p["obligor"] & obligor and not near(p) for p in typed):
        return "made"
    if any(near(p) for p in typed):
        return "obligor"
    if any(p["obligor"] & obligor and near(p) for p in commitments):
        return "type"
    return "none"


# The prefix of the counts of misses not of ``made`` by the gold act and what the ledger promised instead.
ACT_KEY = "missed act:"


def missed_act(g: dict[str, Any], commitments: list[dict[str, Any]], made_gap: Any) -> str:
    """A miss not of ``made`` as the gold act and the acts the ledger's promises of that week by a gold
    obligor name instead ("COOPERATE / ledger AGREE+RETREAT", "CONSULT / ledger none"): which act
    classes the promises a reader finds are read as, or not read at all."""
    obligor = codes(g.get("obligor"))
    near = sorted({p["type"] or "-" for p in commitments
                   if p["obligor"] & obligor and (gap := made_gap(p)) is not None and gap <= 7})
    return f"{g['action']['type']} / ledger {'+'.join(near) or 'none'}"


# The prefix of the counts of wrong fulfilment days (``day_miss``).
DAY_KEY = "day miss:"


def day_miss(p: dict[str, Any], gold_day: Any, linked: bool, events: dict[str, dict[str, Any]], interval: Any) -> str:
    """A wrong fulfilment day as whether the ledger's fulfilling act is the gold one, whether its day
    lies before or after the gold day, and whether the act's date is its first report's day (dated by
    publication, not by its text): "gold act, after, report's day"."""
    got, want = interval(p.get("fulfilled_on")), interval(gold_day)
    side = "undated" if got is None or want is None else ("before" if got[1] < want[0] else "after")
    acts = [events[f] for f in p.get("fulfilled_by") or [] if f in events]
    by_report = any(day_of(e.get("date")) and day_of(e.get("date")) == day_of(e.get("anchor")) for e in acts)
    return f"{'gold act' if linked else 'another act'}, {side}, {'report' if by_report else 'text'}'s day"


def decided_by(p: dict[str, Any], events: dict[str, dict[str, Any]]) -> str:
    """What decided a ledger commitment's status, as a class to count: the type/mode of the first
    event that broke or kept it (a kept promise of another mode than its own is told apart), or the
    status alone when no event decided it."""
    status = p["status"]
    deciding = p.get("broken_by") if status == "broken" else p.get("fulfilled_by") if status == "fulfilled" else None
    event = events.get((deciding or [""])[0])
    if event is None:
        return status
    same = "" if status == "broken" or event["mode"] == p["mode"] else " (other mode)"
    return f"{status} by {event['type']}/{event['mode'] or '-'}{same}"


# The prefix of the counts of gold commitments missed, by whether a sentence of their own articles
# states them (``stated_miss``) and the miss class (``commitment_miss``): "stated / type".
STATED_KEY = "missed, told:"
SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")
# Words of an undertaking (a promise, an agreed provision, an announced act, a joint statement's point)
UNDERTAKING = re.compile(
    r"\b(will|would|shall|agreed|agree to|agreement|deal|accord|declaration|pledg\w*|commit\w*|undert\w*"
    r"|promis\w*|vow\w*|(?:is|are|was|were) to|provisions?|terms|calls? for|provides? for|includ\w*"
    r"|plans? to|scheduled|invit\w*|guarantor\w*|mechanism)\b")
# Words of an agreement: a sentence of its terms may name no party ("under the deal, ... will be released")
AGREEMENT_WORDS = re.compile(r"\b(agreement|deal|accord|declaration|truce|ceasefire|cease-fire|terms|provisions?)\b")


def sentence_rows(reader: Any, doc_ids: list[str]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Per document, each sentence (lower case, cut at sentence ends and line breaks) with the codes of
    the parties its entity mentions name."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for doc_id, document, result, entity_codes in stored(reader, doc_ids):
        rows, start = [], 0
        for cut in [*SENTENCE_END.finditer(document.text), None]:
            end = cut.start() if cut is not None else len(document.text)
            named = codes([entity_codes.get(m.entity) for m in result.mentions if start <= m.start < end])
            rows.append((document.text[start:end].lower(), named))
            start = cut.end() if cut is not None else end
        out[doc_id] = rows
    return out


# Words too common in a process's articles to tie a sentence to one promise
COMMON = frozenset("""about after also agreement agreed before being between both deal during from government have
into more other over said says since than that their them then there these they this those under until were what
when which while will with would within""".split())
SHARED_STEMS = 3  # content words a sentence must share with the gold description


def stems(text: str) -> frozenset[str]:
    """The content words of a text as five-letter stems ("released" and "release" alike)."""
    return frozenset(w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in COMMON)


def stated_miss(g: dict[str, Any], ledger: Ledger) -> tuple[str, str | None]:
    """Whether a sentence of the gold commitment's own articles states it, as a reader could find it:
    words of an undertaking (``UNDERTAKING``), ``SHARED_STEMS`` content words of the gold description
    (the act and its object: "hand over the list of names"), and a gold obligor named or an agreement's
    words (a term naming no party). ``stated`` with the best such sentence, else ``unstated`` (what the
    gold coded from the process, no sentence telling it as an undertaking). A proxy by words, counted
    as aggregates: it finds what a reader could, not what the extraction reads."""
    obligor, wanted = codes(g.get("obligor")), stems(str(g.get("description") or ""))
    best: tuple[int, str] | None = None
    for doc in sorted(g.get("docs") or []):
        for text, named in ledger.sentences.get(doc, []):
            shared = len(stems(text) & wanted)
            party = named & obligor or AGREEMENT_WORDS.search(text)
            if shared >= SHARED_STEMS and UNDERTAKING.search(text) and party and (best is None or shared > best[0]):
                best = shared, f"{doc}: {' '.join(text.split())[:160]}"
    return ("stated", best[1]) if best is not None else ("unstated", None)


# The prefix of the counts of ``made`` misses by how the gold commitment's own articles tell its act
# (``act_told``), and by where the nearest ledger promise of it lies (``nearest_promise``).
TOLD_KEY = "made miss, act told:"
NEAREST_KEY = "made miss, nearest promise:"
HAPPENED_STATUSES = frozenset({"occurred", "historical"})


def act_told(g: dict[str, Any], ledger: Ledger, compatible: Any) -> str:
    """How the gold commitment's own articles tell its act by a gold obligor: ``promised`` (a promise
    of it read there), ``told done`` (reports of it, every one as having happened), ``told
    otherwise`` (a report of another status: future, requested, ...), ``not told``. A ``made`` miss
    whose act is told done and not promised is no promise dated wrong: no article tells it as one."""
    obligor, kind = codes(g.get("obligor")), g["action"]["type"]
    docs = sorted(g.get("docs") or [])
    if any(p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor
           for d in docs for p in ledger.promises.get(d, [])):
        return "promised"
    told = [r for d in docs for r in ledger.reports.get(d, [])
            if r["type"] and compatible(r["type"], kind) and r["codes"] & obligor]
    if not told:
        return "not told"
    return "told done" if all(r["status"] in HAPPENED_STATUSES for r in told) else "told otherwise"


def nearest_promise(g: dict[str, Any], commitments: list[dict[str, Any]], compatible: Any, interval: Any) -> str:
    """Where the ledger promise of the gold act by a gold obligor nearest the gold ``made`` lies:
    ``before`` or ``after`` it, ``within a month`` or ``further``; ``undated`` when none is placed."""
    obligor, kind, made = codes(g.get("obligor")), g["action"]["type"], interval(g.get("made"))
    placed = [(p, got) for p in commitments if p["type"] and compatible(p["type"], kind) and p["obligor"] & obligor
              and (got := interval(p["made"], p["anchor"])) is not None]
    if made is None or not placed:
        return "undated"

    def off(got: Any) -> int:
        return (made[0] - got[1]).days if got[1] < made[0] else (got[0] - made[1]).days if got[0] > made[1] else 0
    got = min((got for _, got in placed), key=off)
    side = "before" if got[1] < made[0] else "after"
    return f"{side}, {'within a month' if off(got) <= 30 else 'further'}"


# The prefix of the counts of gold broken commitments the ledger found but did not read broken, by
# the contrary acts of its obligors the ledger holds (``breach_evidence``).
BREACH_KEY = "unbroken:"


def breach_evidence(p: dict[str, Any], events: list[dict[str, Any]], contradicts: Any, interval: Any) -> str:
    """For a ledger commitment the gold has broken and the ledger does not: what stops its obligors'
    contrary acts (``contradicts(action_type, action_mode, event_type, event_mode)``, the rows of
    ``contradicts.tsv``) from breaking it, the first of: ``none by an obligor`` (no act that happened,
    by an obligor, of a type that contradicts the promise), ``only before it`` (none certainly after
    its ``made``), ``only after its term`` (none before its due date, or a truce's ``until``),
    ``no recipient`` (none names whom it reached), ``reaching no beneficiary`` (none reaches
    another party it was promised to), else ``other`` (the status rules: a truce kept first)."""
    made = interval(p["made"], p["anchor"])
    acts = [e for e in events if e["status"] in HAPPENED_STATUSES and e["actor"] & p["obligor"]
            and contradicts(p["type"], p["mode"], e["type"], e["mode"])]
    if not acts:
        return "none by an obligor"
    acts = [e for e in acts if made is not None and (span := interval(e["date"], e["anchor"])) and span[0] > made[0]]
    if not acts:
        return "only before it"
    # a truce's due date is the day it takes effect; the end of its term is its ``until``
    term = interval(p.get("until") if p["mode"] == "ceasefire" else p.get("due"))
    acts = [e for e in acts if term is None or interval(e["date"], e["anchor"])[0] <= term[1]]
    if not acts:
        return "only after its term"
    acts = [e for e in acts if e["recipient"]]
    if not acts:
        return "no recipient"
    if p["beneficiary"] and not any((e["recipient"] & p["beneficiary"]) - e["actor"] for e in acts):
        return "reaching no beneficiary"
    return "other"
