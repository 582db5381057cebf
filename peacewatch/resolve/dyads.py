"""Dyad views: the arc of one relationship (e.g. AZE–ARM) over time.

A party is named by a country code (``AZE``) or a ledger entity id (``person:nikol-pashinyan:ARM``).
A merged event belongs to the dyad (a, b) when one is among its actors and the other among its
recipients, either way round, or both are among its actors (a joint statement).

An event is placed on the timeline on the day it happened when it happened (its stated date, else
its first report), and on the day it was first reported otherwise: a promise or a plan belongs to
the day it was made, not to the day it names. Weekly and monthly counts and scores take only the
events that happened (``occurred`` or ``historical``); the negotiation record takes every status.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..types import Argument, Record
from .events import HAPPENED, timeline_day
from .records import MergedEvent
from .tables import negotiation_kind, plover_row

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def party_token(party: str) -> str:
    """``AZE`` (or ``aze``) → ``code:AZE``; a ledger entity id in its canonical case (ids are
    ``kind:name-slug:CODE``, so ``PERSON:NIKOL-PASHINYAN:ARM`` finds ``person:nikol-pashinyan:ARM``)."""
    party = party.strip()
    if len(party) == 3 and party.isalpha():
        return f"code:{party.upper()}"
    parts = party.split(":")
    if len(parts) == 2 and parts[0].lower() == "state":
        return f"state:{parts[1].upper()}"
    if len(parts) in (2, 3):
        head = [parts[0].lower(), parts[1].lower()]
        return ":".join(head + [parts[2].upper()] if len(parts) == 3 else head)
    return party


def side_tokens(args: Iterable[Argument]) -> frozenset[str]:
    tokens: set[str] = set()
    for a in args:
        if a.entity:
            tokens.add(a.entity)
        if a.code:
            tokens.add(f"code:{a.code}")
    return frozenset(tokens)


def dyad_pairs(event: MergedEvent) -> set[tuple[str, str]]:
    """Every (a, b) pair, sorted, that this event belongs to: the rows of the dyad index."""
    actors, recipients = side_tokens(event.actor), side_tokens(event.recipient)
    pairs = {(x, y) for x in actors for y in recipients} | {(x, y) for x in actors for y in actors}
    return {(min(x, y), max(x, y)) for x, y in pairs if x != y}


def in_dyad(event: MergedEvent, a: str, b: str) -> bool:
    pair = tuple(sorted((party_token(a), party_token(b))))
    return pair in dyad_pairs(event)


def dyad_events(
    events: Iterable[MergedEvent], a: str, b: str, *, since: str | None = None, until: str | None = None,
    type_: str | None = None,
) -> list[MergedEvent]:
    """The dyad's events (optionally within [since, until] and of one type), in timeline order."""
    lo = dt.date.fromisoformat(since) if since else dt.date.min
    hi = dt.date.fromisoformat(until) if until else dt.date.max
    chosen = [
        e for e in events
        if in_dyad(e, a, b) and (type_ is None or e.type == type_) and lo <= (timeline_day(e) or lo) <= hi
    ]
    return sorted(chosen, key=timeline_key)


def timeline_key(event: MergedEvent) -> tuple[dt.date, str]:
    return (timeline_day(event) or dt.date.max, event.id)


@dataclass
class PeriodStats(Record):
    """One week or month of a dyad: events by PLOVER quad class and the sum and mean score."""

    period: str
    events: int = 0
    quads: dict[str, int] = field(default_factory=dict)
    score_sum: float = 0.0
    score_mean: float | None = None


@dataclass
class NegotiationStep(Record):
    """A proposal, response, meeting or agreement, with the days since the step before it.

    ``side`` is ``a``, ``b`` or ``both`` (who took the step); for a step by one side,
    ``answers`` is the latest earlier step by the other side and ``days_to_answer`` the days
    between them (how long a proposal waited for a response).
    """

    event: str
    kind: str
    type: str
    day: str
    actors: list[str] = field(default_factory=list)
    days_since_previous: int | None = None
    side: str = "both"
    answers: str | None = None
    days_to_answer: int | None = None


@dataclass
class DyadView(Record):
    """A dyad's timeline, its weekly and monthly aggregates and its negotiation record."""

    _nested = {"events": MergedEvent, "weeks": PeriodStats, "months": PeriodStats,
               "negotiation": NegotiationStep}

    a: str
    b: str
    events: list[MergedEvent] = field(default_factory=list)
    weeks: list[PeriodStats] = field(default_factory=list)
    months: list[PeriodStats] = field(default_factory=list)
    negotiation: list[NegotiationStep] = field(default_factory=list)


def score_of(event: MergedEvent) -> float | None:
    if event.score is not None:
        return event.score
    row = plover_row(event.type, event.mode)
    return row.score if row else None


def quad_of(event: MergedEvent) -> str | None:
    if event.quad:
        return event.quad
    row = plover_row(event.type, event.mode)
    return row.quad if row else None


def periods(events: Iterable[MergedEvent], by: str) -> list[PeriodStats]:
    """Aggregate events per ISO week (``by="week"``, "2023-W50") or month (``by="month"``)."""
    table: dict[str, PeriodStats] = {}
    scored: dict[str, list[float]] = defaultdict(list)
    for e in events:
        d = timeline_day(e)
        if d is None or e.status not in HAPPENED:
            continue
        iso = d.isocalendar()
        key = f"{iso.year:04d}-W{iso.week:02d}" if by == "week" else f"{d.year:04d}-{d.month:02d}"
        stats = table.setdefault(key, PeriodStats(key, quads={q: 0 for q in QUADS}))
        stats.events += 1
        if (quad := quad_of(e)) is not None:
            stats.quads[quad] = stats.quads.get(quad, 0) + 1
        if (score := score_of(e)) is not None:
            scored[key].append(score)
    for key, stats in table.items():
        values = scored.get(key, [])
        stats.score_sum = round(sum(values), 3)
        stats.score_mean = round(sum(values) / len(values), 3) if values else None
    return [table[k] for k in sorted(table)]


def negotiation_record(events: Iterable[MergedEvent], a: str = "", b: str = "") -> list[NegotiationStep]:
    """Proposals, responses, meetings and agreements in order, with the days between them and,
    for a step by one side, the days since the other side's last step."""
    steps: list[NegotiationStep] = []
    previous: dt.date | None = None
    last_by: dict[str, NegotiationStep] = {}
    for e in sorted(events, key=timeline_key):
        kind, d = negotiation_kind(e.type, e.status), timeline_day(e)
        if kind is None or d is None:
            continue
        side = _side_of(e, a, b)
        step = NegotiationStep(e.id, kind, e.type, d.isoformat(), sorted(x.code or x.text for x in e.actor),
                               (d - previous).days if previous else None, side)
        other = last_by.get({"a": "b", "b": "a"}.get(side, ""))
        if other is not None:
            step.answers = other.event
            step.days_to_answer = (d - dt.date.fromisoformat(other.day)).days
        steps.append(step)
        last_by[side] = step
        previous = d
    return steps


def _side_of(event: MergedEvent, a: str, b: str) -> str:
    actors = side_tokens(event.actor)
    in_a, in_b = party_token(a) in actors, party_token(b) in actors
    return "a" if in_a and not in_b else "b" if in_b and not in_a else "both"


def dyad_view(events: Iterable[MergedEvent], a: str, b: str, **filters: str | None) -> DyadView:
    """Everything the dyad report shows, computed from merged events."""
    chosen = dyad_events(events, a, b, since=filters.get("since"), until=filters.get("until"),
                         type_=filters.get("type_"))
    return DyadView(a, b, chosen, periods(chosen, "week"), periods(chosen, "month"),
                    negotiation_record(chosen, a, b))
