"""Agreements as records: one per agreement reached, however many articles report it.

The structure is PA-X's and the ETH/PRIO ceasefire data's, read from the merged ledger:

- an **agreement** is a merged event that happened of the agreement kind (AGREE, or SUPPORT/sign:
  the parties agreed, or signed); its reports from every outlet are already one event
  (``reports.merge_kind``), so one agreement is one record;
- its **date** is the day it was reached; ``signed`` when a report says it was signed (then it is
  taken as **written**: a text was signed; otherwise ``written`` is unknown, None);
- **signatories** are its actors; **third parties** (mediators, hosts, guarantors) are the parties it
  was reached toward or in the presence of (its recipients) that are not signatories;
- its **provisions** are the ledger commitments made within ``PROVISION_DAYS`` of it, reported by one
  of the documents that report the agreement, and binding one of its parties (or no one named): a
  joint statement's release of prisoners, a deal's ceasefire. A commitment near two agreements is a
  provision of the nearer (then of the lower id); one the agreement's own event states is its
  provision, though it does not make one party's "agreed to" an agreement reached;
- its **stage** (PA-X): ``ceasefire`` when every provision is a ceasefire (or it is itself one),
  ``renewal`` when such a ceasefire follows an earlier ceasefire agreement of the same parties,
  ``pre-negotiation`` when it only commits to talks, ``implementation`` when it carries out an earlier
  agreement of the same parties (its provisions implement: releases, withdrawals, handovers),
  else ``framework``;
- a ceasefire carries **start** (the day a report says it took effect, also its ``in_force``, else
  the agreement's date),
  **end** (the end of its term, ``action.until`` of the ceasefire provision: "until January 2", "a
  four-day pause"; its due date is the day it takes effect) and **ended** (``broken`` with the event that
  broke it, ``expired`` when its term passed), as the news says.

Everything is derived from the merged events and decided commitments, so it is rebuilt with them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..timespan import interval
from .events import EntityInfo, event_day
from .records import Agreement, Ceasefire, LedgerCommitment, MergedEvent
from .reports import HAPPENED, code_token

PROVISION_DAYS = 3  # how far (days) from an agreement's date a commitment may be one of its provisions
_TALKS = frozenset({("CONSULT", ""), ("AGREE", "meet")})
_CARRY_OUT = frozenset({"RETREAT", "COOPERATE", "AID", "CONCEDE"})


def is_agreement(event: MergedEvent) -> bool:
    """Whether a merged event is an agreement reached: AGREE or a signing, that happened."""
    return event.status in HAPPENED and (event.type == "AGREE" or (event.type, event.mode) == ("SUPPORT", "sign"))


@dataclass
class _Draft:
    event: MergedEvent
    day: dt.date
    parties: frozenset[str]
    docs: frozenset[str]
    provisions: list[LedgerCommitment] = field(default_factory=list)


def agreements_of(events: Iterable[MergedEvent], commitments: list[LedgerCommitment],
                  info: Mapping[str, EntityInfo], merged: Mapping[str, MergedEvent],
                  as_of: dt.date | None) -> tuple[list[Agreement], dict[str, str]]:
    """The agreements among ``events`` (already filtered or not) with their provisions taken from
    ``commitments`` (those made near them); returns the agreements by date then id, and the map
    commitment id → the agreement it is a provision of. ``merged`` finds the promise event of a
    commitment and the events that broke or carried out a ceasefire."""
    drafts = sorted((_draft(e, info) for e in events if is_agreement(e)), key=lambda d: (d.day, d.event.id))
    drafts = [d for d in drafts if d.day != dt.date.max]
    # A provision is reported by one of its agreement's documents: only those drafts are looked at,
    # so the work grows with the reports, not with agreements × commitments.
    by_doc: dict[str, list[_Draft]] = {}
    for d in drafts:
        for doc in d.docs:
            by_doc.setdefault(doc, []).append(d)
    chosen: dict[str, tuple[int, str, _Draft]] = {}
    for c in commitments:
        near = {id(d): d for s in c.sources for d in by_doc.get(s.doc, ())}
        for d in near.values():
            gap = _provision_gap(c, d, merged)
            if gap is not None and (c.id not in chosen or (gap, d.event.id) < chosen[c.id][:2]):
                chosen[c.id] = (gap, d.event.id, d)
    by_id = {c.id: c for c in commitments}
    for c_id, (_, _, d) in sorted(chosen.items()):
        d.provisions.append(by_id[c_id])
    reached = [d for d in drafts if _reached(d)]
    _own_provisions(reached, commitments, chosen)
    out: list[Agreement] = []
    stages: dict[str, set[str]] = {}  # signatory → the stages of the agreements so far it signed
    for d in reached:
        out.append(_agreement(d, stages, info, merged, as_of))
        for party in out[-1].signatories:
            stages.setdefault(party, set()).add(out[-1].stage)
    drafted = {d.event.id: d for d in drafts}
    links = {c.id: a.id for a in out for c in drafted[a.event].provisions}
    return out, links


def _own_provisions(reached: list[_Draft], commitments: list[LedgerCommitment],
                    chosen: Mapping[str, tuple[int, str, _Draft]]) -> None:
    """A commitment the agreement's own event states ("they agreed on a ceasefire and the release of
    prisoners") is one of its provisions, moved there from a nearby agreement it was taken for. It
    is placed only once the agreement is known to be reached by itself: one party's "agreed to
    release the hostages" stays that party's promise, not an agreement record."""
    by_event = {d.event.id: d for d in reached}
    for c in commitments:
        own = by_event.get(c.event or "")
        if own is None or any(p.id == c.id for p in own.provisions):
            continue
        if c.id in chosen:
            other = chosen[c.id][2]
            other.provisions = [p for p in other.provisions if p.id != c.id]
        own.provisions.append(c)


def _reached(d: _Draft) -> bool:
    """An agreement between parties, not a party agreeing with a view: a signing, an agreement
    that made commitments, or one whose parties are of two or more countries."""
    countries = {t for t in d.parties if t.startswith("country:") and t != "country:IGO"}
    return d.event.type == "SUPPORT" or bool(d.provisions) or len(countries) >= 2


def _draft(event: MergedEvent, info: Mapping[str, EntityInfo]) -> _Draft:
    tokens = set()
    for arg in event.actor + event.recipient:
        if arg.entity:
            tokens.add(arg.entity)
            ent = info.get(arg.entity)
            if ent is not None and ent.code:
                tokens.add(f"country:{ent.code}")
        if arg.code:
            tokens.add(f"country:{arg.code}")
    return _Draft(event, event_day(event) or dt.date.max, frozenset(tokens), frozenset(m.doc for m in event.mentions))


def _provision_gap(c: LedgerCommitment, d: _Draft, merged: Mapping[str, MergedEvent]) -> int | None:
    """Days between a commitment made and an agreement, when the commitment can be one of its
    provisions (see the module docstring), else None."""
    if c.event == d.event.id:
        return None
    made = interval(c.made)
    if made is None:
        return None
    gap = max(0, (made.start - d.day).days, (d.day - made.end).days)
    if gap > PROVISION_DAYS:
        return None
    docs = {s.doc for s in c.sources}
    if not docs & d.docs:
        return None
    parties = {f"country:{o.split(':')[-1]}" for o in c.obligor} | set(c.obligor)
    return gap if not c.obligor or parties & d.parties else None


def _agreement(d: _Draft, earlier: Mapping[str, set[str]], info: Mapping[str, EntityInfo],
               merged: Mapping[str, MergedEvent], as_of: dt.date | None) -> Agreement:
    e = d.event
    signatories = sorted({p for a in e.actor if (p := _party(a.entity, a.code, a.sector))})
    third = sorted({p for a in e.recipient if (p := _party(a.entity, a.code, a.sector))} - set(signatories))
    provisions = sorted(d.provisions, key=lambda c: (c.made or "", c.id))
    stage = _stage(e, provisions, signatories, earlier)
    signed = e.date if e.type == "SUPPORT" else None
    agreement = Agreement(
        id="ag-" + e.id[3:], event=e.id, name=_name(e, signatories, stage, info), date=e.date or d.day.isoformat(),
        signed=signed, written=True if signed else None, signatories=signatories, third_parties=third,
        stage=stage, provisions=[c.id for c in provisions], documents=sorted(d.docs), sources=len(d.docs),
        first_reported=e.first_reported,
        why=f"{e.type}{'/' + e.mode if e.mode else ''} that happened, reported by {len(d.docs)} document(s); "
            f"{len(provisions)} commitment(s) made within {PROVISION_DAYS} days by its parties in the same "
            f"reports; stage {stage}",
    )
    agreement.ceasefire = _ceasefire(agreement, e, provisions, merged, as_of)
    return agreement


def _party(entity: str | None, code: str | None, sector: str | None) -> str | None:
    if entity:
        return None if entity.startswith("place:") else entity  # a venue is no party
    token = code_token(code, sector)
    return token[5:] if token else code


def _name(e: MergedEvent, signatories: list[str], stage: str, info: Mapping[str, EntityInfo]) -> str:
    names = [found.name if (found := info.get(s)) is not None else s for s in signatories]
    what = {"ceasefire": "ceasefire agreement", "renewal": "ceasefire renewal",
            "pre-negotiation": "agreement to negotiate", "implementation": "implementation agreement"}.get(
        stage, "agreement")
    return f"{what} of {' and '.join(names)}" if names else what


def _stage(e: MergedEvent, provisions: list[LedgerCommitment], signatories: list[str],
           earlier: Mapping[str, set[str]]) -> str:
    actions = [(str(c.action.get("type") or ""), str(c.action.get("mode") or "")) for c in provisions]
    ceasefire = e.mode == "ceasefire" or (bool(actions) and all(m == "ceasefire" for _, m in actions))
    # the stages of the earlier agreements sharing a signatory, looked up by signatory (a scan of
    # every earlier agreement grew as agreements squared: 44 s of a 30,000-document rebuild)
    before = set().union(*(earlier.get(s, ()) for s in signatories))
    if ceasefire:
        return "renewal" if before & {"ceasefire", "renewal"} else "ceasefire"
    if actions and all(a in _TALKS for a in actions):
        return "pre-negotiation"
    if before and actions and all(t in _CARRY_OUT for t, _ in actions):
        return "implementation"
    return "framework"


def _ceasefire(a: Agreement, e: MergedEvent, provisions: list[LedgerCommitment],
               merged: Mapping[str, MergedEvent], as_of: dt.date | None) -> Ceasefire | None:
    truce = next((c for c in provisions if c.action.get("mode") == "ceasefire"), None)
    if truce is None and a.stage not in ("ceasefire", "renewal"):
        return None
    start = a.date
    if truce is not None and truce.fulfilled_by:
        kept = merged.get(truce.fulfilled_by[0])
        start = (kept.date or kept.first_reported or start) if kept else start
        a.in_force = start
    until = truce.action.get("until") if truce else None
    end = until if isinstance(until, str) else None
    ended, by = None, None
    if truce is not None and truce.broken_by:
        ended, by = "broken", truce.broken_by[0]
    elif end and as_of is not None and (term := interval(end)) is not None and term.end < as_of:
        ended = "expired"
    return Ceasefire(start=start, end=end, ended=ended, ended_by=by,
                     commitment=truce.id if truce else None, bilateral=len(a.signatories) > 1)


def agreement_day(a: Agreement) -> str:
    """Where an agreement sits in order: its day (unknown last)."""
    span = interval(a.date)
    return span.start.isoformat() if span is not None else "9999-12-31"
