"""When a ledger event, date or commitment matches one of the process gold (``eval process``).

A date is a TIMEX3 value read as an interval (``interval``; ``*_REF`` at the publication day); two
dates agree when both are days within two days of each other, else when their intervals overlap
(``timeline_dates_agree``). Types are compatible when equal, both cooperative (AGREE, SUPPORT,
CONCEDE) or both forceful (ASSAULT, COERCE), and for a commitment also RETREAT with CONCEDE. A
ledger event ``finds`` a key event with a compatible type, every gold actor code and an agreeing
date; ``greedy`` pairs such matches one to one, the closest first. A gold commitment's ``_best``
candidate is the ledger commitment of a compatible action by a gold obligor made within seven days,
the most alike first. ``process.py`` counts what these matches score.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import timespan
from .process_ledger import Ledger, codes, day_of, mode_of

COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONCEDE"})
FORCEFUL = frozenset({"ASSAULT", "COERCE"})
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def interval(value: Any, anchor: Any = None) -> tuple[dt.date, dt.date, bool] | None:
    """A TIMEX3 value as (first day, last day, day precision); ``*_REF`` at ``anchor``."""
    if not isinstance(value, str):
        return None
    v = value.strip().upper()
    ref = day_of(anchor)
    if v in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        if ref is None:
            return None
        day = dt.date.fromisoformat(ref)
        return {"PRESENT_REF": (day, day, False), "PAST_REF": (dt.date.min, day - dt.timedelta(days=1), False),
                "FUTURE_REF": (day + dt.timedelta(days=1), dt.date.max, False)}[v]
    span = timespan.interval(v)
    if span is None:
        return None
    return span.start, span.end, DAY.match(v) is not None


def _gap(a: tuple[dt.date, dt.date, bool], b: tuple[dt.date, dt.date, bool]) -> int:
    if a[0] > b[1]:
        return (a[0] - b[1]).days
    if b[0] > a[1]:
        return (b[0] - a[1]).days
    return 0


def timeline_dates_agree(pred: Any, gold: Any, anchor: Any = None) -> bool:
    ip, ig = interval(pred, anchor), interval(gold)
    if ip is None or ig is None:
        return isinstance(pred, str) and isinstance(gold, str) and pred.strip().upper() == gold.strip().upper()
    if ip[2] and ig[2]:
        return abs((ip[0] - ig[0]).days) <= 2
    return _gap(ip, ig) == 0


def types_compatible(a: str, b: str, commitment: bool = False) -> bool:
    return a == b or {a, b} <= COOPERATIVE or {a, b} <= FORCEFUL or (commitment and {a, b} == {"RETREAT", "CONCEDE"})


def finds(event: dict[str, Any], entry: dict[str, Any]) -> bool:
    return (types_compatible(event["type"], entry["type"]) and codes(entry.get("actor")) <= event["codes"]
            and timeline_dates_agree(event["date"], entry.get("date"), event["anchor"]))


def greedy(pairs: list[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _key, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _made_gap(g: dict[str, Any]) -> Any:
    """The distance in days of a ledger commitment's ``made`` from the gold one's (None: either undated)."""
    made = interval(g.get("made"))

    def gap(p: dict[str, Any]) -> int | None:
        got = interval(p["made"], p["anchor"])
        return _gap(got, made) if got and made else None
    return gap


def _best(g: dict[str, Any], gi: int, ledger: Ledger) -> dict[str, Any] | None:
    obligor, beneficiary = codes(g.get("obligor")), codes(g.get("beneficiary"))
    kind, mode = g["action"]["type"], mode_of(g["action"].get("mode"))
    made = interval(g.get("made"))
    cands = []
    for pi, p in enumerate(ledger.commitments):
        if not (p["obligor"] & obligor and p["type"] and types_compatible(p["type"], kind, commitment=True)):
            continue
        got = interval(p["made"], p["anchor"])
        gap = _gap(got, made) if got and made else None
        if gap is None or gap > 7:
            continue
        cands.append(((-(p["type"] == kind), -(p["mode"] == mode), -(p["obligor"] == obligor),
                       -(p["beneficiary"] == beneficiary), gap, pi), pi))
    return ledger.commitments[min(cands)[1]] if cands else None
