"""The scores every ``peacewatch eval`` task returns: headline figures, breakdowns and the errors to read.

(Named ``Scores``, not "report": in peacewatch a report is one source's account of an event, and
``peacewatch report`` writes the HTML page.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError


@dataclass
class Scores:
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


def read_gold_lines(path: Path, required: tuple[str, ...], limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a JSON Lines gold file, each an object with the ``required`` keys.

    Raises ``EvalError`` (E050) naming the file and line when the file cannot be read, a line is
    not JSON or a record lacks a required key. ``limit`` keeps only the first N records.
    """
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"gold file {path} cannot be read: {e}", "E050") from e
    records: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        if limit is not None and len(records) >= limit:
            break
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"gold file {path} line {n} is not JSON: {e}", "E050") from e
        if not isinstance(record, dict) or any(key not in record for key in required):
            raise EvalError(f"gold file {path} line {n} lacks one of {', '.join(required)}; "
                            "see shared/data/SOURCES.md for the format", "E050")
        records.append(record)
    return records
