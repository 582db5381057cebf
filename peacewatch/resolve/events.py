"""Event merging: one record per real-world event, with every report of it kept.

``reports`` decides when two reports can be the same event and ``clusters`` groups them without
regard to the order documents arrived in; this module turns each cluster into a ``MergedEvent``
with ledger entity ids, the most precise date, ``mentions``, ``first_reported`` and ``why``.
"""


from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from ..timespan import before_unknown, day, interval
from ..types import Argument, Event
from .entities import normalize_name
from .records import EventMention, MergedEvent
from .reports import HAPPENED, LEADING, PROMISED, Report, merge_kind, quantities_agree, status_class
from .tables import plover_row

# the TIMEX3 value of a report that says "now": its publication day, which a merged event names itself
PRESENT = "PRESENT_REF"
# how the event status rule (``extract/events/status.py``) says a report's act missed its target
MISSED = re.compile(r"target '[^']*' missed \([^)]*\)")
# The PLOVER quad class of acts that are things said (a demand, an accusation, a refusal, a threat):
# the news tells them on the day they were said, so a statement no report dates is dated by its first
# report's publication day (``_first_published``). Only those that were said: not one announced or denied.
STATEMENT_QUAD = "verbal_conflict"
SAID = frozenset({*HAPPENED, "requested"})
# How far into an article its lead (headline and first sentence) runs, in characters (``_news``).
LEAD_CHARS = 150

__all__ = ["HAPPENED", "event_day", "merged_event_of", "quantities_agree", "timeline_day"]


class Taken(Protocol):
    """The merged ids given so far."""

    def __contains__(self, item: object) -> bool: ...

    def add(self, item: str) -> None: ...


class EntityInfo(Protocol):
    """What a merged event reads of a ledger entity."""

    @property
    def name(self) -> str: ...

    @property
    def code(self) -> str | None: ...

    @property
    def sector(self) -> str | None: ...


def merged_event_of(members: list[Report], links: list[str], id_map: Mapping[tuple[str, str], str],
                    by_id: Mapping[str, EntityInfo], taken: Taken) -> MergedEvent:
    """The merged event of one cluster (``links``: why each member joined), with an id not in
    ``taken`` (then added to it)."""
    event = _merged(members, id_map, by_id)
    if len(members) > 1:
        event.why += "; " + "; ".join(links[1:])
    while event.id in taken:  # two clusters seeded by one span (a document reusing an event id)
        event.id = _event_id(event.id)
    taken.add(event.id)
    return event


def _event_id(seed: str) -> str:
    return "ev-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def event_day(event: MergedEvent) -> dt.date | None:
    """The day an event happened: the start of its stated date, else its first report."""
    stated = interval(event.date)
    if stated is None and before_unknown(event.date):
        return None  # "a previous ceasefire": some time before its report, not on the day of it
    return stated.start if stated else day(event.first_reported)


def timeline_day(event: MergedEvent) -> dt.date | None:
    """Where an event sits on a timeline: the day it happened when it happened, else the day it was
    first reported (a promise or a plan belongs to the day it was made, not the day it names)."""
    if event.status in HAPPENED:
        return event_day(event)
    return day(event.first_reported) or event_day(event)


def _merged(members: list[Report], id_map: Mapping[tuple[str, str], str],
            by_id: Mapping[str, EntityInfo]) -> MergedEvent:
    events = [m.event for m in members]
    head = events[0]
    seed = min((m.doc, m.event.trigger_span, m.event.id) for m in members)
    kind = _kind(events) if len({e.type for e in events}) > 1 else head.type
    mode = next((e.mode for e in events if e.mode and e.type == kind), None)
    row = plover_row(kind, mode)
    published = sorted(m.published.isoformat() for m in members if m.published)
    status = _status(events)
    said = row is not None and row.quad == STATEMENT_QUAD and status in SAID
    return MergedEvent(
        id=_event_id(f"{seed[0]}|{seed[1][0]}|{seed[1][1]}|{seed[2]}|{head.type}"),
        type=kind, mode=mode, status=status,
        context=sorted({c for e in events for c in e.context}),
        actor=_arguments(members, "actor", id_map, by_id),
        recipient=_arguments(members, "recipient", id_map, by_id),
        date=_best_date(members, said, status in HAPPENED), location=best_location(members),
        quantity=_best_quantity(events),
        reported_by=_reported_by(members, id_map),
        score=row.score if row else _commonest_score(events), cameo=_commonest([e.cameo for e in events]),
        quad=row.quad if row else None,
        mentions=[EventMention(m.doc, m.event.id, m.event.trigger_span, m.event.span,
                               m.published.isoformat() if m.published else None, m.event.date, m.event.status)
                  for m in sorted(members, key=lambda m: (m.doc, m.event.trigger_span))],
        first_reported=published[0] if published else None,
        why=_why(members),
        sources=len({m.doc for m in members}),
        conflicts=conflicts(members),
        missed=_missed(events),
        partial=_partial(events),
    )


def _kind(events: list[Event]) -> str:
    """The type of a merged event whose reports have two types of one kind (a signing and an
    agreement; an attack and a seizure): the leading type when a report has it (and its mode, if
    one is required: ``reports.LEADING``), else the kind itself, or for promises alone their own type
    (``reports.PROMISED``: the promises merge under the concession's kind and stay AGREE)."""
    kind = merge_kind(events[0])
    lead = LEADING.get(kind)
    if lead and any(e.type == lead[0] and lead[1] in (None, e.mode) for e in events):
        return lead[0]
    return events[0].type if kind == PROMISED else kind


def conflicts(members: list[Report]) -> list[str]:
    """Where the documents of one merged event disagree, said, not hidden: different days (within
    the slack that let them merge) and different counts of one unit, each with the documents
    that give it."""
    out = []
    days: dict[str, set[str]] = {}
    for m in members:
        if m.stated is not None and m.stated.days == 1:
            days.setdefault(m.stated.start.isoformat(), set()).add(m.doc)
    if len(days) > 1:
        out.append("date: " + "; ".join(f"{d} ({', '.join(sorted(docs))})" for d, docs in sorted(days.items())))
    counts: dict[str, dict[str, set[str]]] = {}
    for m in members:
        q = m.event.quantity
        if q and q.get("value") is not None:
            counts.setdefault(str(q.get("unit")), {}).setdefault(str(q.get("value")), set()).add(m.doc)
    for unit, values in sorted(counts.items()):
        if len(values) > 1:
            out.append(f"{unit}: " + "; ".join(f"{v} ({', '.join(sorted(docs))})"
                                              for v, docs in sorted(values.items())))
    return out + location_conflicts(members)


# Two located places of one event agree when they are this close (km): a town and the village beside it.
NEAR_KM = 25.0
# What a place of each GeoNames feature can hold: a country its whole country, a division its admin1.
_CONTAINERS = {"PCLI": "country", "ADM1": "admin1", "RGN": "admin1"}
_FEATURE_ORDER = {"PPLC": 0, "PPL": 1}


def best_location(members: list[Report]) -> dict[str, Any] | None:
    """The place of a merged event: the place most reports agree with (see ``places_agree``) is the
    anchor, and of the places that agree with it the most precise (lowest ``precision``; then the
    one more reports agree with) is the event's. A country agreeing with a town in it and with
    another town far away anchors, and the first town wins, the other one then being a conflict.
    A place without coordinates only when no report has one. The same whatever order the reports
    came in."""
    located = _located(members)
    if not located:
        named = sorted((m.event.location for m in members if m.event.location), key=_place_key)
        return dict(named[0]) if named else None
    support = [_support(loc, located) for loc in located]
    anchor = min(range(len(located)), key=lambda i: (-support[i], _place_key(located[i])))
    group = [i for i in range(len(located)) if places_agree(located[anchor], located[i])]
    best = min(group, key=lambda i: (_rank(located[i]), -support[i], _place_key(located[i])))
    return dict(located[best])


def location_conflicts(members: list[Report]) -> list[str]:
    """``location: …`` when reports place the event in places that do not agree with the chosen one,
    each place with the documents that give it. Places without coordinates contradict nothing (the
    gazetteer does not know where they are)."""
    located = _located(members)
    best = best_location(members)
    if not best or not any(not places_agree(best, loc) for loc in located):
        return []
    docs: dict[str, set[str]] = {}
    for m in members:
        loc = m.event.location
        if loc and _has_point(loc):
            docs.setdefault(_place_label(loc), set()).add(m.doc)
    return ["location: " + "; ".join(f"{name} ({', '.join(sorted(d))})" for name, d in sorted(docs.items()))]


def places_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two located places tell of one place: the same GeoNames id, within ``NEAR_KM``, or one holds
    the other (a country and a town in it; a division and a town in that division)."""
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return True
    if _km(a, b) <= NEAR_KM:
        return True
    return _holds(a, b) or _holds(b, a)


def _holds(big: Mapping[str, Any], small: Mapping[str, Any]) -> bool:
    scope = _CONTAINERS.get(str(big.get("feature") or ""))
    if scope is None or not big.get("code") or big.get("code") != small.get("code"):
        return False
    if scope == "country":
        return small.get("feature") != "PCLI"
    return bool(big.get("admin1")) and big.get("admin1") == small.get("admin1") \
        and small.get("feature") not in _CONTAINERS


def _rank(loc: Mapping[str, Any]) -> int:
    precision = loc.get("precision")
    return precision if isinstance(precision, int) else 4


def _km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _has_point(loc: Mapping[str, Any]) -> bool:
    return isinstance(loc.get("lat"), int | float) and isinstance(loc.get("lon"), int | float)


def _located(members: list[Report]) -> list[dict[str, Any]]:
    return [m.event.location for m in members if m.event.location and _has_point(m.event.location)]


def _support(loc: Mapping[str, Any], located: list[dict[str, Any]]) -> int:
    return sum(1 for other in located if places_agree(loc, other))


def _place_key(loc: Mapping[str, Any]) -> tuple[object, ...]:
    """Most precise first, then a capital before another town before a division or country (two
    documents placing one meeting in Berlin, DEU and in a village Berlin of RUS: the capital), then
    by name and id (a total order)."""
    return (_rank(loc), _FEATURE_ORDER.get(str(loc.get("feature")), 2), str(loc.get("name") or ""),
            str(loc.get("geonameid") or ""), json.dumps(dict(loc), sort_keys=True, default=str))


def _place_label(loc: Mapping[str, Any]) -> str:
    name = str(loc.get("name") or "?")
    return f"{name}, {loc['code']}" if loc.get("code") else name


def _status(events: list[Event]) -> str:
    statuses = [e.status for e in events]
    return "occurred" if "occurred" in statuses else _commonest(statuses) or events[0].status


def _arguments(members: list[Report], side: str, id_map: Mapping[tuple[str, str], str],
               by_id: Mapping[str, EntityInfo]) -> list[Argument]:
    out: dict[str, Argument] = {}
    for m in members:
        for arg in getattr(m.event, side):
            ledger_id = id_map.get((m.doc, arg.entity or ""))
            ent = by_id.get(ledger_id or "")
            key = (ledger_id or f"code:{arg.code}") if (ledger_id or arg.code) else normalize_name(arg.text)
            if key not in out:
                out[key] = Argument(
                    ledger_id, arg.code or (ent.code if ent else None),
                    arg.sector or (ent.sector if ent else None), ent.name if ent else arg.text,
                )
    return [out[k] for k in sorted(out)]


def _best_date(members: list[Report], said: bool = False, happened: bool = False) -> str | None:
    """The most precise date the reports state; else "now" (``_now``), an earlier day unknown
    (``PAST_REF``), for a statement (``said``) the day it was first reported (``_first_published``),
    or, for an act that happened, the day of the first article whose lead tells it (``_news``)."""
    dated = [m for m in members if m.stated is not None]
    if not dated:
        earlier = next((m.event.date for m in members if before_unknown(m.event.date)), None)
        told = _first_published(members) if said else (_news(members) if happened else None)
        return _now(members) or earlier or told
    counts = Counter(m.event.date for m in dated)
    best = min(dated, key=lambda m: (m.stated.days if m.stated else 0, -counts[m.event.date], m.event.date))
    return best.event.date


def _missed(events: list[Event]) -> str | None:
    """What a negated report says of a target or deadline the act missed (the event status rule's
    "target 'deadline' missed ('failed to meet')"), the first in sorted order; None when no report
    says so. It rides on the merged event, which the ledger keeps (an incremental update decides
    promises over stored merged events, which have no reports' reasons)."""
    found = sorted(m.group(0) for e in events if e.status == "negated" and (m := MISSED.search(e.why or "")))
    return found[0] if found else None


def _partial(events: list[Event]) -> str | None:
    """The words of a report of the act as happened that tell it as a part or a start of a larger one
    (``Event.partial``), the first in sorted order: one report's "began handing over" makes the merged
    handover a begun one, whatever other reports of it say; None when no report tells it so."""
    found = sorted(e.partial for e in events if e.partial and e.status in HAPPENED)
    return found[0] if found else None


def _now(members: list[Report]) -> str | None:
    """The day a report saying "now" (``PRESENT_REF``: "a truce is currently in force") was
    published, the earliest of such reports, when no report states a calendar date: a merged event
    gathers reports of several days, so its date names the day itself, not a "now" each report meant
    of its own (dropped until now, which left the event undated). An article without a publication
    day counts by the day it was written when its byline stamp, web address or dateline gives it
    (``Report.written``), not by the latest day its text states."""
    return _first_published([m for m in members if m.event.date == PRESENT])


def _news(members: list[Report]) -> str | None:
    """The earliest publication day of the reports told in their article's lead (headline and first
    sentence, ``LEAD_CHARS``), the article's news: a paper leads with what happened since the last
    edition ("Government and rebels resume talks in Havana"), on the day it is published."""
    return _first_published([m for m in members if m.event.span[0] < LEAD_CHARS and m.event.date is None])


def _first_published(members: list[Report]) -> str | None:
    """The earliest publication day of these reports: the day of a "now" (``_now``), and of a
    statement no report dates ("both sides blamed the other"; news tells a demand or an accusation
    the day it was made, and one of an earlier day says when or is told as earlier, ``PAST_REF``).
    An article without a publication day gives the day it was written when its byline stamp, web
    address or dateline says it (``Report.written``: "/2023/05/12/" in its address is the day it was
    posted), else none: the latest day its text states is the newest it tells of, not the day it was
    written."""
    days = sorted(m.written for m in members if m.written is not None)
    return days[0].isoformat() if days else None


def _best_quantity(events: list[Event]) -> dict | None:
    counts = Counter(tuple(sorted(e.quantity.items())) for e in events if e.quantity)
    if not counts:
        return None
    best = min(counts, key=lambda q: (-counts[q], -float(dict(q).get("value") or 0), str(q)))
    return dict(best)


def _reported_by(members: list[Report], id_map: Mapping[tuple[str, str], str]) -> str | None:
    claims = {id_map.get((m.doc, m.event.reported_by or ""), m.event.reported_by) for m in members}
    return claims.pop() if len(claims) == 1 else None


def _commonest(values: Sequence[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _commonest_score(events: list[Event]) -> float | None:
    scores = sorted(e.score for e in events if e.score is not None)
    return scores[len(scores) // 2] if scores else None


def _why(members: list[Report]) -> str:
    docs = sorted({m.doc for m in members})
    head = members[0].event
    kind = f"{head.type}/{head.mode}" if head.mode else head.type
    if len(members) == 1:
        return f"single report of {kind} in {docs[0]}"
    dates = sorted({m.event.date or f"undated (published {m.published})" for m in members})
    counts = sorted({f"{q.get('value')} {q.get('unit')}" for m in members if (q := m.event.quantity)})
    return (f"{len(members)} reports in {len(docs)} document(s) merged: same {kind}, status class "
            f"{status_class(head.status)}; actors share {_common(members, 'actors')}; recipients share "
            f"{_common(members, 'recipients')}; dates agree ({', '.join(dates)})"
            + (f"; counts agree ({', '.join(counts)})" if counts else ""))


def _common(members: list[Report], side: str) -> str:
    """The parties named on one side by more than one document (what links the reports)."""
    seen: dict[str, set[str]] = {}
    for m in members:
        for token in frozenset().union(*getattr(m, side)):
            seen.setdefault(token, set()).add(m.doc)
    shared = sorted(t for t, docs in seen.items() if len(docs) > 1)
    return ", ".join(shared) if shared else "none across documents"

