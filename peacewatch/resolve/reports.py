"""Event reports and when two of them can be the same real-world event.

Two reports (from different documents, or repeated in one) are the same event when they have the
same type, the same status class (occurred and historical are both "happened"), the same mode (or
one has none), compatible actors and recipients (each side shares a party, or one side is empty),
compatible dates (their intervals overlap, see ``dates``) and compatible quantities (a count of
the same unit that agrees). Reports from different documents must also have a date to compare (a
stated date or a publication date), and a report joining a cluster must share at least one party
(an actor with an actor, a recipient with a recipient) with some member from another document, or
come from the same document as every member: two reports that only fail to contradict each other
("the agreement", no actors, no date) are not evidence of one event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..types import Argument, Event, Result
from .dates import Interval, agree, day, interval
from .entities import EntityMap, normalize_name
from .settings import LedgerSettings

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

