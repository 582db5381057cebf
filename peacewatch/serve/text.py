"""Plain-text renderings for the command line (the CLI prints what these return)."""

from __future__ import annotations

from ..evaluate.report import EvalReport
from ..store.summary import Summary


def render_report(report: EvalReport, show_errors: int) -> str:
    """An evaluation report as aligned text: scores, baselines, breakdown tables, then errors."""
    lines = [f"{report.task} on {report.gold}"]
    if report.counts:
        lines.append("  " + ", ".join(f"{k}={v}" for k, v in report.counts.items()))
    systems = {"peacewatch": report.scores, **report.baselines}
    names = list(report.scores)
    width = max((len(n) for n in names), default=10)
    lines.append("  " + " " * width + "".join(f"{s:>14}" for s in systems))
    for name in names:
        cells = "".join(f"{_fmt(sc.get(name)):>14}" for sc in systems.values())
        lines.append(f"  {name:<{width}}{cells}")
    for title, table in report.breakdown.items():
        lines.append(f"\n  {title}")
        cols = sorted({c for row in table.values() for c in row})
        lines.append("    " + " " * 22 + "".join(f"{c:>11}" for c in cols))
        for row, values in sorted(table.items()):
            lines.append(f"    {row:<22}" + "".join(f"{_fmt(values.get(c)):>11}" for c in cols))
    if show_errors and report.errors:
        lines.append(f"\n  errors (first {min(show_errors, len(report.errors))} of {len(report.errors)}):")
        lines.extend("    " + e for e in report.errors[:show_errors])
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
    ]
    for title, counts in (("entities by kind", summary.entities_by_kind),
                          ("events by type", summary.events_by_type),
                          ("commitments by status", summary.commitments_by_status)):
        lines.append(f"\n{title}")
        if not counts:
            lines.append("  (none)")
        lines.extend(f"  {name:<18} {n:>6}" for name, n in counts.items())
    return "\n".join(lines)
