"""Why the ledger misses a key event of the process gold, or leaves apart two articles reporting it.

``eval process`` counts these per part (``timeline misses`` and ``articles apart``), as aggregates,
so the untouched processes show the shape of their errors without their instances being read.

A **missed key event** is classified by how far its articles' own reports (the per-document events
of the articles the gold lists for it) got towards finding it, the furthest first:

- ``merged away``: a report of a compatible type naming every gold actor code and dated to the key
  event, but its ledger event (the merge of it with others) does not find it;
- ``misdated``: reports of a compatible type naming every gold actor code, dated, none to the key
  event's day (a misread date, or only other acts of that type and parties are dated);
- ``undated``: such reports, none dated;
- ``actors``: reports of a compatible type, none naming every gold actor code;
- ``no type``: no report of a compatible type in any of its articles.

An **article apart** is an article the gold lists for a key event that the ledger event paired
with it does not join, classified by the article's best report of the key event's type and actors:

- ``no report``, ``undated``, ``misdated``: as above (``no report``: none of the key event's type
  and actors);
- ``other type``, ``other mode``, ``other actors``: dated right, but in a ledger event of another
  type or status class, another mode, or an actor set disjoint from the paired one's;
- ``compatible``: dated right, and its ledger event differs from the paired one in none of those:
  no evidence joined them, or a member of one contradicts a member of the other.

An article apart with a report of the key event's type and parties is also counted at the resolve
level (``refusal``): by what the members of the paired ledger event say of its furthest report
(refused for type or status, mode, conceded act, parties, an article with no day, dates, stated or
not, or counts; compatible with no evidence; compatible with evidence but placed in a cluster of
stronger evidence).

An ``undated`` or ``misdated`` key event is also counted by whether any of its articles states its
date (``date_told``): ``stated`` (the day is in the text, attached to no report of the act) or ``not
stated`` (the act is told without it).

The ledger events holding a report of a key event's article are counted by how far apart the days
their reports state are (``day_spread``): where the ledger's choice of one day can misdate an event.

A ``misdated`` article apart is also counted by how its nearest dated report misses the key event's
date (``misdated_kind``): ``near`` (a day within a week of it), ``far`` (a day further off), ``coarse``
(a month, week or year that does not hold it) or ``unplaced`` (a relative date without a day to count
from: an article without a publication day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..config import LedgerSettings
from ..resolve.evidence import evidence
from ..resolve.ledger import resolve_entities
from ..resolve.reports import Report, incompatibility, reports_of
from ..types import Result

MISS_KEY = "miss:"
APART_KEY = "apart:"
MISDATED_KEY = "misdated:"
NEAR_DAYS = 7
# short names: they head the columns of the printed breakdown
MISSES = ("no type", "actors", "undated", "misdated", "merged away")
HAPPENED = frozenset({"occurred", "historical"})

Finds = Callable[[dict[str, Any], dict[str, Any]], bool]


def miss_class(entry: dict[str, Any], reports: list[dict[str, Any]], events: dict[str, dict[str, Any]],
               finds: Finds, dates_agree: Callable[..., bool], typed: Callable[[str, str], bool],
               gold_codes: frozenset[str]) -> str:
    """The furthest a missed key event's reports got (see the module docstring)."""
    of_type = [r for r in reports if typed(r["type"], entry["type"])]
    if not of_type:
        return MISSES[0]
    with_actors = [r for r in of_type if gold_codes <= r["codes"]]
    if not with_actors:
        return MISSES[1]
    dated = [r for r in with_actors if r["date"]]
    if not dated:
        return MISSES[2]
    right = [r for r in dated if dates_agree(r["date"], entry.get("date"), r["anchor"])]
    if not right:
        return MISSES[3]
    if any(r["ledger"] in events and finds(events[r["ledger"]], entry) for r in right):
        return "found"  # not a miss: shows a caller's error
    return MISSES[4]


def apart_class(entry: dict[str, Any], reports: list[dict[str, Any]], paired: dict[str, Any],
                events: dict[str, dict[str, Any]], dates_agree: Callable[..., bool],
                typed: Callable[[str, str], bool], gold_codes: frozenset[str]) -> str:
    """Why one gold article of a key event is not in the ledger event paired with it."""
    fitting = [r for r in reports if typed(r["type"], entry["type"]) and gold_codes <= r["codes"]]
    if not fitting:
        return "no report"
    right = [r for r in fitting if r["date"] and dates_agree(r["date"], entry.get("date"), r["anchor"])]
    if not right:
        return "undated" if not any(r["date"] for r in fitting) else "misdated"
    return max((_difference(events.get(r["ledger"]), paired) for r in right), key=_ORDER.__getitem__)


def misdated_kind(entry: dict[str, Any], reports: list[dict[str, Any]], interval: Callable[..., Any],
                  typed: Callable[[str, str], bool], gold_codes: frozenset[str]) -> str:
    """How the nearest dated report of a misdated article misses the key event's date (module
    docstring). ``interval`` reads a date as (first day, last day, day precision) or None."""
    target = interval(entry.get("date"))
    kinds = []
    for r in reports:
        if not (r["date"] and typed(r["type"], entry["type"]) and gold_codes <= r["codes"]):
            continue
        got = interval(r["date"], r["anchor"])
        if got is None or target is None:
            kinds.append((3, "unplaced"))
        elif not got[2]:
            kinds.append((2, "coarse"))
        else:
            gap = max((target[0] - got[1]).days, (got[0] - target[1]).days, 0)
            kinds.append((0, "near") if gap <= NEAR_DAYS else (1, "far"))
    return min(kinds)[1] if kinds else "unplaced"


# The prefix of the counts of undated and misdated key events by whether their articles state their
# date anywhere (``date_told``).
TOLD_DATE_KEY = "told date:"
# A date an article states to the month or finer (a year or a reference word holds too much to tell).
_FINE = re.compile(r"^\d{4}-(?:\d{2}|W\d{2})")


def date_told(entry: dict[str, Any], miss: str, timexes: list[tuple[str, str | None]],
              dates_agree: Callable[..., bool]) -> str | None:
    """For an ``undated`` or ``misdated`` key event, whether any of its articles states its date
    (a time expression of month precision or finer agreeing with it: ``timexes`` are the articles'
    values with their documents' days), as ``"<miss> / stated"`` or ``"<miss> / not stated"``: stated,
    the date is in the text but dates no report of the act (its attachment); not stated, the act is
    told without its day (the ledger's placement, or nothing). None for other misses."""
    if miss not in ("undated", "misdated"):
        return None
    stated = any(_FINE.match(value) and dates_agree(value, entry.get("date"), anchor) for value, anchor in timexes)
    return f"{miss} / {'stated' if stated else 'not stated'}"


# The prefix of the counts of undated key events by the day of the articles that tell them
# (``undated_day``).
UNDATED_DAY_KEY = "undated day:"
# Where an article's day comes from, the best first (``process_ledger.day_rows``): its publication
# date, a full day read from its text (``extract/dating.py``), none.
ARTICLE_DAYS = ("publication day", "day from its text", "no day")


def undated_day(entry: dict[str, Any], reports: dict[str, list[dict[str, Any]]], days: dict[str, str],
                events: dict[str, dict[str, Any]], typed: Callable[[str, str], bool],
                gold_codes: frozenset[str]) -> str:
    """For an ``undated`` key event, where the days of the articles that tell it (its type and every
    gold party, undated) come from, the best of them (``ARTICLE_DAYS``: a publication day, a full day
    read from the text, none), and whether the ledger dates any of their events (by another report or
    by placement, to a wrong date: the key event is missed): ``"<day> / ledger dates it"`` or
    ``"<day> / ledger leaves it undated"``. ``reports`` are the articles' reports by document."""
    fitting = [(doc, r) for doc in sorted(entry.get("docs") or []) for r in reports.get(doc, [])
               if typed(r["type"], entry["type"]) and gold_codes <= r["codes"]]
    best = min((ARTICLE_DAYS.index(days.get(doc, ARTICLE_DAYS[-1])) for doc, _ in fitting),
               default=len(ARTICLE_DAYS) - 1)
    dated = any((events.get(r["ledger"]) or {}).get("date") for _, r in fitting)
    return f"{ARTICLE_DAYS[best]} / ledger {'dates it' if dated else 'leaves it undated'}"


_ORDER = {"other type": 0, "other actors": 1, "other mode": 2, "compatible": 3}


def _difference(other: dict[str, Any] | None, paired: dict[str, Any]) -> str:
    """What sets a report's ledger event apart from the paired one (of a key event's reports in one
    article, the nearest to the paired event counts: compatible, then mode, actors, type)."""
    if other is None:
        return "other type"
    if other["type"] != paired["type"] or _status_class(other.get("status")) != _status_class(paired.get("status")):
        return "other type"
    if other["actor"] and paired["actor"] and not other["actor"] & paired["actor"]:
        return "other actors"
    if other.get("mode") and paired.get("mode") and other["mode"] != paired["mode"]:
        return "other mode"
    return "compatible"


def _status_class(status: Any) -> str:
    return "happened" if status in HAPPENED or status is None else str(status)


def counted(prefix: str, counts: Iterable[tuple[str, int]]) -> dict[str, float]:
    """The counts under ``prefix`` (``MISS_KEY``, ``APART_KEY``) as a breakdown row."""
    return {key[len(prefix):]: float(n) for key, n in sorted(counts) if key.startswith(prefix)}


# The prefix of the counts of articles apart by what the paired ledger event's members say of the
# article's furthest report (``refusal``).
REFUSAL_KEY = "refused:"
# How far a report gets against the members of a cluster, the least far first: refused for its type or
# status class, mode, conceded act, parties, an article with no day, dates, counts; or taken by none
# (``no evidence``: compatible, but nothing shows one event), or compatible with evidence but placed
# in a cluster of stronger evidence. ``dates`` is told ``date stated`` or ``date undated`` by the report.
REFUSALS = ("type or status", "mode", "conceded act", "parties", "unplaced", "dates", "counts", "no evidence",
            "stronger cluster")
_REASONS = {"type or status differs": "type or status", "mode differs": "mode", "conceded acts differ": "conceded act",
            "actors or recipients differ": "parties", "no date to place one of them": "unplaced",
            "dates differ": "dates", "quantities differ": "counts"}


@dataclass(frozen=True)
class Resolved:
    """Every stored per-document event as the ledger merges it (``reports.Report``), by (document,
    event id), and the settings it merges by: what ``refusal`` compares."""

    reports: dict[tuple[str, str], Report]
    settings: LedgerSettings


def resolved_reports(results: list[Result], settings: LedgerSettings) -> Resolved:
    """The reports of the stored ``results`` (``Resolved``)."""
    _, id_map = resolve_entities(results)
    return Resolved({(rep.doc, rep.event.id): rep for rep in reports_of(results, id_map, settings)}, settings)


def refusal(fitting: Iterable[Report], members: list[Report], settings: LedgerSettings) -> str:
    """Why an article's reports of a key event (``fitting``: its type and gold parties) are not in the
    paired ledger event (``members``): of the classes of ``REFUSALS``, the furthest a report gets,
    each report counting by the most basic reason any member refuses it."""
    best = -1
    for rep in fitting:
        reasons = [_REASONS[why] for m in members if (why := incompatibility(rep, m, settings))]
        if reasons:
            rank = min(REFUSALS.index(r) for r in reasons)
        else:
            rank = REFUSALS.index("stronger cluster" if any(evidence(rep, m, settings) for m in members)
                                  else "no evidence")
        best = max(best, rank * 2 + (rep.stated is not None))
    if best < 0:
        return "no report"
    found = REFUSALS[best // 2]
    return f"date {'stated' if best % 2 else 'undated'}" if found == "dates" else found


# The prefixes of the counts of each key event's articles by how their best report of it is dated
# (``report_date``), and, for a report with no date to place, by how its ledger event is dated.
REPORT_DATE_KEY = "report date:"
PLACED_KEY = "placed:"
# From the best to the worst: a day within two days of the key event's (``exact``), a month, week or
# year holding it, a day within a week, a coarse date not holding it, a day further off, a relative
# date with no day to count from (an article with no day), no date.
REPORT_DATES = ("exact", "coarse, holds it", "near", "coarse, misses it", "far", "unplaced", "none")


def date_class(value: Any, anchor: Any, target: Any, interval: Callable[..., Any],
               dates_agree: Callable[..., bool]) -> str:
    """How a date (a TIMEX3 value read from ``anchor``) stands to a key event's date ``target``, one of
    ``REPORT_DATES``. ``interval`` reads a date as (first day, last day, day precision) or None."""
    if not value:
        return "none"
    got, want = interval(value, anchor), interval(target)
    if got is None or want is None:
        return "unplaced"
    if dates_agree(value, target, anchor):
        return "exact" if got[2] else "coarse, holds it"
    if not got[2]:
        return "coarse, misses it"
    gap = max((want[0] - got[1]).days, (got[0] - want[1]).days, 0)
    return "near" if gap <= NEAR_DAYS else "far"


def report_date(entry: dict[str, Any], reports: list[dict[str, Any]], events: dict[str, dict[str, Any]],
                interval: Callable[..., Any], dates_agree: Callable[..., bool], typed: Callable[[str, str], bool],
                gold_codes: frozenset[str]) -> tuple[str, str | None] | None:
    """How one article's reports of a key event (its type and every gold party) are dated, as the class
    of the best (``date_class``), with " / no publication day" when the article has none (its
    relative dates count from the day inferred from its text, or from nothing); and for a best report
    of no date or no day (``none``, ``unplaced``), the class of the date its ledger event got (by
    another report, or by placement: a "now", a statement's day, the lead's news), else None. None
    when the article has no such report."""
    fitting = [r for r in reports if typed(r["type"], entry["type"]) and gold_codes <= r["codes"]]
    if not fitting:
        return None
    target = entry.get("date")
    ranked = sorted((REPORT_DATES.index(date_class(r["date"], r["anchor"], target, interval, dates_agree)), i)
                    for i, r in enumerate(fitting))
    best = fitting[ranked[0][1]]
    found = REPORT_DATES[ranked[0][0]]
    label = found if best["anchor"] else f"{found} / no publication day"
    if found not in ("none", "unplaced"):
        return label, None
    event = events.get(best["ledger"])
    placed = date_class(event["date"], event["anchor"], target, interval, dates_agree) if event else "none"
    return label, f"{found} -> {placed}"


# The prefix of the counts of the ledger events holding a report of a key event's article, by how far
# apart the days their reports state are (``day_spread``).
SPREAD_KEY = "spread:"
# A TIMEX3 value of day precision (a month, a week, a year or a reference word states no day).
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def day_spread(dates: Iterable[str | None], slack_days: int = 2) -> str:
    """How far apart the days a ledger event's reports state are: ``no day``, ``one day``, ``days within
    two`` (within ``slack_days``, the scorer's tolerance for two days) or ``days further apart``. A merged
    event takes one of its reports' dates (``resolve/events._best_date``: the most precise, then the
    commonest, then the earliest); while every event holds days within the tolerance, that choice cannot
    misdate a key event, and an event holding days further apart is where it can."""
    days = sorted({m.group(1) for d in dates if d and (m := _DAY.match(d))})
    if not days:
        return "no day"
    if len(days) == 1:
        return "one day"
    first, last = (dt.date.fromisoformat(d) for d in (days[0], days[-1]))
    return "days within two" if (last - first).days <= slack_days else "days further apart"
