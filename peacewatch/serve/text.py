"""Plain-text renderings for the command line (the CLI prints what these return)."""

from __future__ import annotations

from typing import Any, Protocol

from ..resolve import LedgerCommitment, MergedEvent
from ..resolve.dyads import DyadView
from ..store.rows import ProcessView, Summary
from ..types import Argument


class Scores(Protocol):
    """What the scores of an evaluation hold (``peacewatch.evaluate.scores.Scores`` is one): serve
    renders it without importing the evaluation stage."""

    task: str
    gold: str
    scores: dict[str, float]
    breakdown: dict[str, dict[str, dict[str, float]]]
    baselines: dict[str, dict[str, float]]
    counts: dict[str, int]
    errors: list[str]


def render_scores(scores: Scores, show_errors: int) -> str:
    """The scores of an evaluation as aligned text: scores, baselines, breakdown tables, then errors."""
    lines = [f"{scores.task} on {scores.gold}"]
    if scores.counts:
        lines.append("  " + ", ".join(f"{k}={v}" for k, v in scores.counts.items()))
    systems = {"peacewatch": scores.scores, **scores.baselines}
    names = list(scores.scores)
    width = max((len(n) for n in names), default=10)
    lines.append("  " + " " * width + "".join(f"{s:>14}" for s in systems))
    for name in names:
        cells = "".join(f"{_fmt(sc.get(name)):>14}" for sc in systems.values())
        lines.append(f"  {name:<{width}}{cells}")
    for title, table in scores.breakdown.items():
        lines.append(f"\n  {title}")
        cols = sorted({c for row in table.values() for c in row})
        lines.append("    " + " " * 22 + "".join(f"{c:>11}" for c in cols))
        for row, values in sorted(table.items()):
            lines.append(f"    {row:<22}" + "".join(f"{_fmt(values.get(c)):>11}" for c in cols))
    if show_errors and scores.errors:
        lines.append(f"\n  errors (first {min(show_errors, len(scores.errors))} of {len(scores.errors)}):")
        lines.extend("    " + e for e in scores.errors[:show_errors])
    return "\n".join(lines)


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def render_summary(summary: Summary) -> str:
    """The database summary as a small table."""
    lines = [
        f"documents            {summary.documents}"
        f"  ({summary.failed_documents} failed in the pipeline, {summary.failed_inputs} unreadable inputs)",
        f"entities             {summary.ledger_entities}  (one id each across documents)",
        f"events               {summary.merged_events}  (merged from {summary.event_reports} reports)",
    ]
    if summary.corrections:
        lines.append(f"corrections          {summary.corrections}  ({summary.orphaned_corrections} orphaned:"
                     " their text is gone)")
    if summary.versions:
        lines.insert(1, f"earlier versions     {summary.versions}  (texts of corrected documents, kept as history)")
    for title, counts in (("entities by kind", summary.entities_by_kind),
                          ("events by type", summary.events_by_type),
                          ("commitments by status", summary.ledger_commitments)):
        lines.append(f"\n{title}")
        if not counts:
            lines.append("  (none)")
        lines.extend(f"  {name:<18} {n:>6}" for name, n in counts.items())
    return "\n".join(lines)


def render_corrections(corrections: list[dict[str, Any]]) -> str:
    """The analysts' corrections, one line each: id, kind, state, who, what it is about, change."""
    if not corrections:
        return "no corrections"
    lines = [f"{'id':>4}  {'kind':<10} {'state':<10} {'by':<12} change / target"]
    for c in corrections:
        change = ", ".join(f"{k}={v}" for k, v in c["change"].items() if v is not True)
        target = f"not applied: {c['why']}" if c.get("why") else c["target"]
        lines.append(f"{c['id']:>4}  {c['kind']:<10} {c['state']:<10} {c['by'][:12]:<12} {change or '-'}"
                     f"  [{target}]" + (f"  # {c['note']}" if c["note"] else ""))
    return "\n".join(lines)


def _parties(args: list[Argument]) -> str:
    return "+".join(dict.fromkeys(a.code or a.text for a in args)) or "-"


def render_events(events: list[MergedEvent]) -> str:
    """Merged events, one line each: day, type/mode, status, actor → recipient, reports."""
    if not events:
        return "no events (has anything been ingested? see `peacewatch summary`)"
    lines = [f"{'date':<11} {'type':<22} {'status':<12} {'actor → recipient':<28} {'reports':>7}  id"]
    for e in events:
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        dyad = f"{_parties(e.actor)} → {_parties(e.recipient)}"
        lines.append(f"{e.date or '?':<11} {kind:<22} {e.status:<12} {dyad:<28} {len(e.mentions):>7}  {e.id}")
    return "\n".join(lines)


def render_commitments(commitments: list[LedgerCommitment]) -> str:
    """Commitments, one line each, with what fulfilled or broke them."""
    if not commitments:
        return "no commitments"
    lines = [f"{'made':<11} {'status':<10} {'level':<6}{'action':<20} {'due':<11} {'obligor → beneficiary':<30} "
             "evidence"]
    for c in commitments:
        action = "/".join(str(v) for v in (c.action.get("type"), c.action.get("mode")) if v)
        parties = f"{'+'.join(c.obligor) or '-'} → {'+'.join(c.beneficiary) or '-'}"
        # a broken promise is shown with what broke it, even when something had kept it earlier
        evidence = ", ".join(c.broken_by if c.status == "broken" else c.fulfilled_by or c.broken_by) or "-"
        lines.append(f"{c.made or '?':<11} {c.status:<10} {c.level:<6}{action:<20} {c.due or '-':<11} {parties:<30} "
                     f"{evidence}")
    return "\n".join(lines)


_PAM = {0: "not initiated", 1: "minimal", 2: "intermediate", 3: "full"}


def render_process(view: ProcessView, names: dict[str, str] | None = None, min_sources: int = 1) -> str:
    """A process as an analyst reads it: agreements in order with their provisions and implementation
    levels, open and overdue commitments first, then the timeline of events with source counts."""
    names = names or {}

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "-"

    lines = [f"{view.a} – {view.b}: {len(view.agreements)} agreements, {len(view.commitments)} commitments, "
             f"{len(view.timeline)} events", "", "agreements"]
    for item in view.agreements:
        ag = item.agreement
        lines.append(f"  {ag.date or '?':<11} {ag.stage:<16} {ag.name}  [{ag.sources} source(s)] {ag.id}")
        lines.append(f"      signatories: {who(ag.signatories)}; third parties: {who(ag.third_parties)}"
                     + (f"; signed {ag.signed}" if ag.signed else ""))
        if ag.ceasefire is not None:
            cf = ag.ceasefire
            lines.append(f"      ceasefire: from {cf.start or '?'} to {cf.end or '?'}"
                         + (f", ended: {cf.ended}" + (f" by {cf.ended_by}" if cf.ended_by else "") if cf.ended else ""))
        for c in item.provisions:
            lines.append(f"      - {_action(c)} by {who(c.obligor)}: {c.status}, level {c.level} ({_PAM[c.level]})")
    if not view.agreements:
        lines.append("  none")
    lines += ["", "commitments (open and overdue first)"]
    for c in view.commitments:
        lines.append(f"  {c.made or '?':<11} {c.status:<10} level {c.level}  {_action(c):<20} "
                     f"{who(c.obligor)} → {who(c.beneficiary)}  due {c.due or '-'}  {c.id}")
    if not view.commitments:
        lines.append("  none")
    lines += ["", f"timeline (events reported by at least {min_sources} source(s))"]
    for e in view.timeline:
        sources = e.sources or len({m.doc for m in e.mentions})
        if sources < min_sources:
            continue
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        flag = f"  conflict: {'; '.join(e.conflicts)}" if e.conflicts else ""
        lines.append(f"  {e.date or e.first_reported or '?':<11} {kind:<22} {_parties(e.actor)} → "
                     f"{_parties(e.recipient)}  [{sources} source(s)]{flag}")
    return "\n".join(lines)


def _action(c: LedgerCommitment) -> str:
    return "/".join(str(v) for v in (c.action.get("type"), c.action.get("mode")) if v)


def render_timeline(view: DyadView, by: str = "month") -> str:
    """A dyad view: per-period counts by quad class and scores, then the negotiation record."""
    periods = view.months if by == "month" else view.weeks
    lines = [f"{view.a} – {view.b}: {len(view.events)} merged events", ""]
    quads = sorted({q for p in periods for q in p.quads})
    lines.append(f"{by:<10}{'events':>7}" + "".join(f"{q:>22}" for q in quads) + f"{'score sum':>11}{'mean':>7}")
    for p in periods:
        mean = "-" if p.score_mean is None else f"{p.score_mean:.1f}"
        lines.append(f"{p.period:<10}{p.events:>7}" + "".join(f"{p.quads.get(q, 0):>22}" for q in quads)
                     + f"{p.score_sum:>11.1f}{mean:>7}")
    if view.negotiation:
        lines += ["", "negotiation record"]
        for step in view.negotiation:
            gap = "" if step.days_since_previous is None else f"(+{step.days_since_previous} d)"
            lines.append(f"  {step.day:<11} {step.kind:<12} {step.type:<10} {'+'.join(step.actors):<20} {gap}")
    return "\n".join(lines)
