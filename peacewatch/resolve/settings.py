"""The knobs of the ledger. Changing them and rebuilding re-derives everything from the stored
per-document records, so a merge is always reversible."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class LedgerSettings:
    """How events merge and when commitments fall due.

    - ``date_slack_days``: two stated dates this many days apart still agree (outlets in different
      time zones, "overnight" reports).
    - ``undated_window_days``: an event with no stated date is placed in the days up to its
      document's publication date (or around it, for announced events), this wide.
    - ``quantity_tolerance``: relative difference under which two counts of the same unit agree
      (0: they must be equal).
    - ``mode_none_matches``: whether an event with no mode may merge with one that has a mode.
    - ``as_of``: the day commitments are judged overdue against (``YYYY-MM-DD``); None means the
      newest publication date in the ledger, so a rebuild never depends on the wall clock.
    - ``repeat_similarity``: how alike (share of words in common, 0–1) two event spans of one
      document must be to count as the same sentence repeated (a caption repeating the text).
    - ``horizon_days``: how long after a promise an event can still keep or break it (a release a
      year and a half later is a new deal, not the old promise kept).
    """

    date_slack_days: int = 1
    undated_window_days: int = 7
    quantity_tolerance: float = 0.0
    mode_none_matches: bool = True
    as_of: str | None = None
    horizon_days: int = 365
    repeat_similarity: float = 0.5

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> LedgerSettings:
        """Settings from a plain mapping (configuration or CLI), validated."""
        data = dict(data or {})
        known = set(asdict(cls()))
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown ledger setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}", "E021"
            )
        settings = cls(**data)
        settings.validate()
        return settings

    def validate(self) -> None:
        for name, kind in (("date_slack_days", int), ("undated_window_days", int), ("horizon_days", int),
                           ("quantity_tolerance", (int, float)), ("mode_none_matches", bool),
                           ("repeat_similarity", (int, float))):
            value = getattr(self, name)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(f"ledger setting {name} must be a {_KIND_NAMES[name]}, not {value!r}", "E020")
        numbers = (self.date_slack_days, self.undated_window_days, self.quantity_tolerance, self.horizon_days)
        if any(n < 0 for n in numbers):
            raise ConfigError("ledger settings must not be negative", "E020")
        if not 0 <= self.repeat_similarity <= 1:
            raise ConfigError("ledger setting repeat_similarity must be between 0 and 1", "E020")
        if self.as_of is not None and (not isinstance(self.as_of, str) or not _is_day(self.as_of)):
            raise ConfigError(f"ledger setting as_of={self.as_of!r} is not a YYYY-MM-DD date", "E020")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_KIND_NAMES = {"date_slack_days": "whole number", "undated_window_days": "whole number",
               "horizon_days": "whole number", "quantity_tolerance": "number", "mode_none_matches": "boolean",
               "repeat_similarity": "number"}


def _is_day(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
