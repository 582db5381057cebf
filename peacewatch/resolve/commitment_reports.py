"""Gathering the reports of one promise into a ledger commitment.

A per-document commitment (``commitment_found``: its event, obligors and beneficiaries in ledger ids)
is one report of a promise; reports of the same merged event and action, or of one truce agreed on one
day by the same states, are one promise (``group_key``), and ``build_commitment`` makes its ledger
record: the parties of every report, the promised act, when it was made and when it is due. Its
status is ``commitments.decide``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..timespan import day, interval
from ..types import Commitment
from .records import CommitmentSource, LedgerCommitment, MergedEvent
from .reports import JOINT_MODES

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Found:
    """A per-document commitment with what it resolved to."""

    doc: str
    published: str | None
    commitment: Commitment
    event: str | None
    obligor: list[str]
    beneficiary: list[str]


def commitment_found(doc: str, published: str | None, c: Commitment, id_map: Mapping[tuple[str, str], str],
                     origin: Mapping[tuple[str, str], str]) -> Found:
    """A per-document commitment with its event, obligors and beneficiaries in ledger ids."""
    def ledger(ids: list[str]) -> list[str]:
        return sorted({id_map.get((doc, i), f"{doc}:{i}") for i in ids})

    return Found(doc, published, c, origin.get((doc, c.event)), ledger(c.obligor), ledger(c.beneficiary))


def group_key(f: Found) -> tuple[str, ...]:
    """Reports of one promise: the same merged event and action; a truce agreed on one day by the
    same states is one promise however many sentences or events tell it ("agreed to a ceasefire",
    "the ceasefire will come into force on Sunday", "the first stage of the ceasefire will last
    42 days")."""
    action = (str(f.commitment.action.get("type") or ""), str(f.commitment.action.get("mode") or ""))
    made = f.commitment.made or ""
    if action[1] in JOINT_MODES and DAY.match(made):
        states = [o for o in f.obligor if o.startswith("state:")] or f.obligor
        return ("joint", made[:10], "+".join(sorted(states)), *action)
    if f.event is None:
        return ("", f.doc, f.commitment.id, *action)
    return (f.event, "", "", *action, *_count_key(f.commitment.action))


def _count_key(action: dict) -> tuple[str, ...]:
    """A promised count as part of the key: "33 hostages in the first stage" and "the first hostages
    on Sunday", read as one merged event, are two promises (nothing added when no report counts)."""
    q = action.get("quantity")
    return (f"{q.get('value')} {q.get('unit')}",) if isinstance(q, dict) else ()


def build_commitment(key: tuple[str, ...], items: list[Found], events: Mapping[str, MergedEvent]
                     ) -> LedgerCommitment:
    """One ledger commitment from the reports of one promise (status still to ``decide``)."""
    items.sort(key=lambda f: (f.doc, f.commitment.id))
    made = _made(_earliest([f.commitment.made for f in items], by_end=False), _first_reported(items, events))
    return LedgerCommitment(
        id=commitment_id(key),
        event=items[0].event,
        obligor=sorted({o for f in items for o in f.obligor}),
        beneficiary=sorted({b for f in items for b in f.beneficiary}),
        action=_action(items), made=made,
        due=_earliest([f.commitment.due for f in items], by_end=True),
        sources=[CommitmentSource(f.doc, f.commitment.id) for f in items],
    )


def commitment_id(key: tuple[str, ...]) -> str:
    """The id of the ledger commitment of one group of promises (``group_key``)."""
    return "cm-" + hashlib.sha1("|".join(key).encode()).hexdigest()[:12]


def _action(items: list[Found]) -> dict:
    """The promised act of the first report, with the earliest end of a term any report gives
    (``until``: the reports of one truce may state its length or not)."""
    action = {k: v for k, v in items[0].commitment.action.items() if k != "until"}
    if until := _earliest([f.commitment.action.get("until") for f in items], by_end=True):
        action["until"] = until
    return action


def _made(stated: str | None, first_reported: str | None) -> str | None:
    """When the promise was made: its stated date, but never after it was first reported (a date
    read as "made" that lies after the report is the date the promise names, not when it was made)."""
    span, first = interval(stated), day(first_reported)
    if first is not None and (span is None or span.start > first):
        return first.isoformat()
    return stated


def _first_reported(items: list[Found], events: Mapping[str, MergedEvent]) -> str | None:
    event = events.get(items[0].event or "")
    if event is not None and event.first_reported:
        return event.first_reported
    days = sorted(f.published[:10] for f in items if f.published)
    return days[0] if days else None


def _earliest(values: list[str | None], *, by_end: bool) -> str | None:
    """The earliest of some TIMEX3 dates, as a calendar value (a time of day is dropped)."""
    dated = [(interval(v), v.split("T")[0]) for v in values if v]
    known = [(iv.end if by_end else iv.start, v) for iv, v in dated if iv is not None]
    return min(known)[1] if known else None
