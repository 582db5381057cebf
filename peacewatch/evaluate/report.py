"""The report every ``peacewatch eval`` task returns: scores, breakdowns and the errors to read."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvalReport:
    """Scores of one system on one gold file.

    ``scores`` are the headline figures (the gate pins one of them); ``breakdown`` holds tables such
    as per-type scores (name → row → column → value); ``baselines`` the same scores for other systems
    run side by side; ``errors`` the misses and false alarms, one readable line each.
    """

    task: str
    gold: str
    scores: dict[str, float]
    breakdown: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "task": self.task, "gold": self.gold, "scores": self.scores,
            "baselines": self.baselines, "counts": self.counts, "breakdown": self.breakdown,
        }
        return json.dumps(data, sort_keys=True)


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
