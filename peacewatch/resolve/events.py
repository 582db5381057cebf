"""Event merging: one record per real-world event, with every report of it kept.

Two reports (from different documents, or repeated in one) are the same event when they have the
same type, the same status class (occurred and historical are both "happened"), the same mode (or
one has none), compatible actors and recipients (each side shares a party, or one side is empty),
compatible dates (their intervals overlap, see ``dates``) and compatible quantities (a count of
the same unit that agrees). Reports from different documents must also have a date to compare (a
stated date or a publication date), and a report joining a cluster must share at least one party
(an actor with an actor, a recipient with a recipient) with some member from another document, or
come from the same document as every member: two reports that only fail to contradict each other
("the agreement", no actors, no date) are not evidence of one event.

The clustering is complete-linkage in a canonical order: reports are sorted by content (most
precise date first, then document id and span), and each joins the first cluster whose every
member it is compatible with, else starts a new one. The order documents arrived in never enters,
so shuffling the input gives the same ledger; and since a report must agree with every member, a
year-level date cannot chain two different days together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..types import Argument, Event, Result
from .dates import Interval, agree, day, interval
from .entities import EntityMap, normalize_name
from .records import EventMention, LedgerEntity, MergedEvent
from .settings import LedgerSettings
from .tables import plover_row

HAPPENED = ("occurred", "historical")


def status_class(status: str) -> str:
    """Statuses that may describe the same report: occurred and historical both mean it happened."""
    return "happened" if status in HAPPENED else status


def argument_parties(arg: Argument, ledger_id: str | None) -> frozenset[str]:
    """The tokens an argument can be matched by: its country code and its ledger entity."""
    tokens = set()
    if arg.code:
        tokens.add(f"code:{arg.code}")
    if ledger_id:
        tokens.add(ledger_id)
    if not tokens and arg.text.strip():
        tokens.add(f"text:{normalize_name(arg.text)}")
    return frozenset(tokens)


@dataclass(frozen=True)
class Report:
    """One per-document event, prepared for merging."""

    doc: str
    published: dt.date | None
    event: Event
    actors: tuple[frozenset[str], ...]
    recipients: tuple[frozenset[str], ...]
    stated: Interval | None
    window: Interval | None

    @property
    def sort_key(self) -> tuple[object, ...]:
        stated = self.stated or Interval(dt.date.max, dt.date.max)
        return (self.event.type, status_class(self.event.status), self.event.mode or "",
                stated.days if self.stated else 10**6, stated.start, self.doc, self.event.trigger_span)


def reports_of(results: Iterable[Result], id_map: EntityMap, settings: LedgerSettings) -> list[Report]:
    """Every event of every result as a Report, in canonical order."""
    out = []
    for r in results:
        published = day(r.published)
        for ev in r.events:
            stated = interval(ev.date)
            out.append(Report(
                r.id, published, ev,
                tuple(argument_parties(a, id_map.get((r.id, a.entity or ""))) for a in ev.actor),
                tuple(argument_parties(a, id_map.get((r.id, a.entity or ""))) for a in ev.recipient),
                stated, stated or _undated_window(ev.status, published, settings),
            ))
    return sorted(out, key=lambda rep: rep.sort_key)


def _undated_window(status: str, published: dt.date | None, settings: LedgerSettings) -> Interval | None:
    if published is None:
        return None
    width = dt.timedelta(days=settings.undated_window_days)
    if status_class(status) == "happened":
        return Interval(published - width, published)
    return Interval(published - width, published + width)


def incompatibility(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    """Why two reports cannot be the same event, or None when they can."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or status_class(ea.status) != status_class(eb.status):
        return "type or status differs"
    if ea.mode != eb.mode and not (settings.mode_none_matches and (ea.mode is None or eb.mode is None)):
        return "mode differs"
    if not _sides_agree(a.actors, b.actors) or not _sides_agree(a.recipients, b.recipients):
        return "actors or recipients differ"
    if a.doc != b.doc and (a.window is None or b.window is None):
        return "no date to place one of them"
    if not agree(a.window, b.window, settings.date_slack_days):
        return "dates differ"
    if not quantities_agree(ea.quantity, eb.quantity, settings.quantity_tolerance):
        return "quantities differ"
    return None


def linked(a: Report, b: Report) -> bool:
    """Positive evidence that two compatible reports tell of one event: the same document, or a
    shared party on the same side."""
    return a.doc == b.doc or _shared(a.actors, b.actors) or _shared(a.recipients, b.recipients)


def _sides_agree(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    return not a or not b or _shared(a, b)


def _shared(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    return bool(a and b and frozenset().union(*a) & frozenset().union(*b))


def quantities_agree(a: dict | None, b: dict | None, tolerance: float) -> bool:
    if not a or not b or a.get("unit") != b.get("unit"):
        return True
    va, vb = a.get("value"), b.get("value")
    if not isinstance(va, int | float) or not isinstance(vb, int | float):
        return True
    return abs(va - vb) <= tolerance * max(abs(va), abs(vb))


@dataclass
class _Cluster:
    """Reports merged so far, with the latest start and earliest end of their date windows: a report
    overlaps every member's window exactly when it overlaps both of those (a quick first test)."""

    members: list[Report]
    latest_start: dt.date = dt.date.min
    earliest_end: dt.date = dt.date.max

    def add(self, rep: Report) -> None:
        self.members.append(rep)
        if rep.window is not None:
            self.latest_start = max(self.latest_start, rep.window.start)
            self.earliest_end = min(self.earliest_end, rep.window.end)

    def may_take(self, rep: Report, slack: dt.timedelta) -> bool:
        if rep.window is None:
            return True
        return rep.window.start <= _plus(self.earliest_end, slack) and self.latest_start <= _plus(
            rep.window.end, slack)

    def takes(self, rep: Report, settings: LedgerSettings) -> bool:
        """No member contradicts the report, and some member links to it (complete linkage for
        contradictions, single linkage for evidence)."""
        return all(incompatibility(rep, m, settings) is None for m in self.members) and any(
            linked(rep, m) for m in self.members)


def _plus(day_: dt.date, delta: dt.timedelta) -> dt.date:
    return day_ + delta if day_ <= dt.date.max - delta else dt.date.max


def cluster(reports: list[Report], settings: LedgerSettings) -> list[list[Report]]:
    """Complete-linkage clusters of reports taken in canonical order (see the module docstring)."""
    buckets: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    slack = dt.timedelta(days=settings.date_slack_days)
    for rep in sorted(reports, key=lambda r: r.sort_key):
        clusters = buckets[(rep.event.type, status_class(rep.event.status))]
        home = next((c for c in clusters if c.may_take(rep, slack) and c.takes(rep, settings)), None)
        if home is None:
            home = _Cluster([])
            clusters.append(home)
        home.add(rep)
    return [c.members for _, group in sorted(buckets.items()) for c in group]


def merge_events(
    results: Iterable[Result], id_map: EntityMap, entities: list[LedgerEntity], settings: LedgerSettings
) -> tuple[list[MergedEvent], dict[tuple[str, str], str]]:
    """Merged events, sorted by date then id, and the map (document, per-document event) → merged id."""
    by_id = {e.id: e for e in entities}
    merged, origin = [], {}
    for members in cluster(reports_of(results, id_map, settings), settings):
        event = _merged(members, id_map, by_id)
        merged.append(event)
        origin.update({(m.doc, m.event.id): event.id for m in members})
    merged.sort(key=lambda e: (timeline_day(e) or dt.date.max, e.id))
    return merged, origin


def event_day(event: MergedEvent) -> dt.date | None:
    """The day an event happened: the start of its stated date, else its first report."""
    stated = interval(event.date)
    return stated.start if stated else day(event.first_reported)


def timeline_day(event: MergedEvent) -> dt.date | None:
    """Where an event sits on a timeline: the day it happened when it happened, else the day it was
    first reported (a promise or a plan belongs to the day it was made, not the day it names)."""
    if event.status in HAPPENED:
        return event_day(event)
    return day(event.first_reported) or event_day(event)


def _merged(members: list[Report], id_map: EntityMap, by_id: dict[str, LedgerEntity]) -> MergedEvent:
    events = [m.event for m in members]
    head = events[0]
    seed = min((m.doc, m.event.trigger_span) for m in members)
    mode = next((e.mode for e in events if e.mode), None)
    row = plover_row(head.type, mode)
    published = sorted(m.published.isoformat() for m in members if m.published)
    return MergedEvent(
        id="ev-" + hashlib.sha1(f"{seed[0]}|{seed[1][0]}|{seed[1][1]}".encode()).hexdigest()[:12],
        type=head.type, mode=mode, status=_status(events),
        context=sorted({c for e in events for c in e.context}),
        actor=_arguments(members, "actor", id_map, by_id),
        recipient=_arguments(members, "recipient", id_map, by_id),
        date=_best_date(members), location=next((e.location for e in events if e.location), None),
        quantity=_best_quantity(events),
        reported_by=_reported_by(members, id_map),
        score=row.score if row else _commonest_score(events), cameo=_commonest([e.cameo for e in events]),
        quad=row.quad if row else None,
        mentions=[EventMention(m.doc, m.event.id, m.event.trigger_span, m.event.span,
                               m.published.isoformat() if m.published else None, m.event.date, m.event.status)
                  for m in sorted(members, key=lambda m: (m.doc, m.event.trigger_span))],
        first_reported=published[0] if published else None,
        why=_why(members),
    )


def _status(events: list[Event]) -> str:
    statuses = [e.status for e in events]
    return "occurred" if "occurred" in statuses else _commonest(statuses) or events[0].status


def _arguments(members: list[Report], side: str, id_map: EntityMap,
               by_id: dict[str, LedgerEntity]) -> list[Argument]:
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


def _best_date(members: list[Report]) -> str | None:
    dated = [m for m in members if m.stated is not None]
    if not dated:
        return None
    counts = Counter(m.event.date for m in dated)
    best = min(dated, key=lambda m: (m.stated.days if m.stated else 0, -counts[m.event.date], m.event.date))
    return best.event.date


def _best_quantity(events: list[Event]) -> dict | None:
    counts = Counter(tuple(sorted(e.quantity.items())) for e in events if e.quantity)
    if not counts:
        return None
    best = min(counts, key=lambda q: (-counts[q], -float(dict(q).get("value") or 0), str(q)))
    return dict(best)


def _reported_by(members: list[Report], id_map: EntityMap) -> str | None:
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
    return (f"{len(members)} reports in {len(docs)} document(s) merged: same {kind} and status class "
            f"{status_class(head.status)}, actors and recipients share parties, dates agree "
            f"({', '.join(dates)}), quantities agree")
