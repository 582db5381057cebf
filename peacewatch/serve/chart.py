"""The conflict–cooperation chart of a dyad as inline SVG, drawn on the server (no script).

Every merged event is a mark (x: its timeline day, y: its PLOVER score, colour: its quad class);
the monthly mean score is a line that joins neighbouring months only, so a stretch without events
is a gap in the line and a shaded band, never a straight line across it. The time axis has a tick
and a label every one, two, three, six or twelve months (or more), as many as fit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from ..resolve.dyads import DyadView, PeriodStats, quad_of, score_of, timeline_day

STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_TICKS = 9


def month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def axis_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Month starts from ``first``'s month to the one after ``last``, every ``step`` months, each
    labelled ``Dec 2023`` (or ``2023`` when the step is a year or more)."""
    lo, hi = month_index(first), month_index(last) + 1
    step = next((s for s in STEPS if (hi - lo) / s <= MAX_TICKS), STEPS[-1])
    ticks = []
    for i in range(lo - lo % step, hi + 1, step):  # month indexes count from year 0: steps align to quarters, years
        d = month_start(i)
        ticks.append((d, str(d.year) if step >= 12 else f"{MONTHS[d.month - 1]} {d.year}"))
    return [(d, label) for d, label in ticks if lo <= month_index(d) <= hi]


def timeline_svg(view: DyadView, link: Callable[[str], str], width: int = 960, height: int = 300) -> str:
    """The chart of ``view``; ``link`` gives the address of an event's page or anchor."""
    placed = [(d, e) for e in view.events if (d := timeline_day(e)) is not None]
    if not placed:
        return '<p class="empty">No dated events to draw.</p>'
    lo = month_start(month_index(min(d for d, _ in placed)))
    hi = month_start(month_index(max(d for d, _ in placed)) + 1)
    span = max((hi - lo).days, 1)
    left, right, top, bottom = 48, width - 16, 16, height - 34

    def x(d: dt.date) -> float:
        return left + (right - left) * (d - lo).days / span

    def y(score: float) -> float:
        return top + (bottom - top) * (10 - score) / 20

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img" '
           'aria-label="conflict–cooperation score over time">']
    out += _gaps(view.months, x, top, bottom)
    for d, label in axis_ticks(lo, hi - dt.timedelta(days=1)):
        out.append(f'<line class="grid" x1="{x(d):.1f}" y1="{top}" x2="{x(d):.1f}" y2="{bottom}"/>'
                   f'<text class="tick" x="{x(d):.1f}" y="{bottom + 16}" text-anchor="middle">{label}</text>')
    out += [f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>',
            f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
            f'<line class="zero" x1="{left}" y1="{y(0):.1f}" x2="{right}" y2="{y(0):.1f}"/>']
    out += [f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:+d}</text>' for v in (10, 5, 0, -5, -10)]
    out += _mean_lines(view.months, x, y)
    for d, e in placed:
        score = score_of(e) or 0.0
        cls = f"q-{quad_of(e) or 'none'}" + ("" if e.status in ("occurred", "historical") else " planned")
        label = f"{d} {e.type}{'/' + e.mode if e.mode else ''} ({e.status}) score {score:+g}"
        out.append(f'<a href="{escape(link(e.id))}"><circle class="{cls}" cx="{x(d):.1f}" '
                   f'cy="{y(score):.1f}" r="5"><title>{escape(label)}</title></circle></a>')
    out.append("</svg>")
    return "\n".join(out)


def _runs(months: list[PeriodStats]) -> list[list[PeriodStats]]:
    """Months with a mean score, in runs of neighbouring months."""
    runs: list[list[PeriodStats]] = []
    for p in months:
        if p.score_mean is None:
            continue
        if runs and month_index(_day(p)) == month_index(_day(runs[-1][-1])) + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _day(p: PeriodStats) -> dt.date:
    return dt.date.fromisoformat(p.period + "-01")


def _mean_lines(months: list[PeriodStats], x: Callable[[dt.date], float], y: Callable[[float], float]) -> list[str]:
    """One line per run of neighbouring months (points mid-month); a month alone is a short dash."""
    out = []
    for run in _runs(months):
        if len(run) == 1:
            start = _day(run[0])
            end = month_start(month_index(start) + 1)
            yy = y(run[0].score_mean or 0.0)
            out.append(f'<line class="mean" x1="{x(start):.1f}" y1="{yy:.1f}" x2="{x(end):.1f}" y2="{yy:.1f}"/>')
            continue
        points = " ".join(f"{x(_day(p) + dt.timedelta(days=14)):.1f},{y(p.score_mean or 0.0):.1f}" for p in run)
        out.append(f'<polyline class="mean" points="{points}"/>')
    return out


def _gaps(months: list[PeriodStats], x: Callable[[dt.date], float], top: int, bottom: int) -> list[str]:
    """A shaded band over every stretch of two or more months without an event that happened."""
    out = []
    counted = [month_index(_day(p)) for p in months if p.events]
    for before, after in zip(counted, counted[1:], strict=False):
        if after - before - 1 < 2:
            continue
        x0, x1 = x(month_start(before + 1)), x(month_start(after))
        out.append(f'<rect class="gap" x="{x0:.1f}" y="{top}" width="{x1 - x0:.1f}" height="{bottom - top}">'
                   f"<title>{after - before - 1} months without events</title></rect>")
        if x1 - x0 > 70:
            out.append(f'<text class="gap-label" x="{(x0 + x1) / 2:.1f}" y="{top + 14}" text-anchor="middle">'
                       f"{after - before - 1} months without events</text>")
    return out
